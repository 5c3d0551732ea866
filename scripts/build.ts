// npm run build: writes dist/chrome and dist/firefox and prints each file's size.
import { buildExtension, fileSizes } from './lib/build-extension';

try {
  const dirs = await buildExtension();
  for (const [target, dir] of Object.entries(dirs)) {
    const sizes = fileSizes(dir);
    const scripts = Object.entries(sizes).filter(([name]) => name.endsWith('.js'));
    console.log(`${target}: ${dir}`);
    for (const [name, bytes] of scripts) console.log(`  ${name.padEnd(22)} ${(bytes / 1024).toFixed(1)} KiB`);
  }
} catch (error) {
  console.error(`Build failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
