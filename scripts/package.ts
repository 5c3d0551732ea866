// npm run package: the store uploads and the source archive Mozilla's reviewers rebuild from,
// in artifacts/packages/, named after the product and its version:
//   <name>-<version>-chrome.zip    upload to the Chrome Web Store
//   <name>-<version>-firefox.zip   upload to addons.mozilla.org
//   <name>-<version>-source.zip    the sources, with BUILDING.md, for Mozilla's source review
// It packages only a version CHANGELOG.md lists with a date ("## [x.y.z] - YYYY-MM-DD").
// Then it checks the promise made to the reviewers: it unpacks the source archive into an empty
// folder, builds it there, and compares every built file byte for byte with the packages.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildExtension } from './lib/build-extension';
import { changelogProblem } from './lib/changelog';
import { ROOT, listFiles } from './lib/paths';
import { ARTICLE } from './lib/story-evidence';
import { readZip, writeZip, type ZipEntry } from './lib/zip';

/** What the source archive holds: everything the build reads, nothing it does not. */
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'manifest.json', 'README.md'];
const SOURCE_DIRS = ['src', 'icons', 'scripts'];
const SOURCE_SKIP = ['scripts/demo/screenshots'];

/** Every file under `dir` as zip entries with paths relative to `base`. */
function filesUnder(dir: string, base: string, skip: string[] = []): ZipEntry[] {
  return listFiles(base, dir, skip).map((rel) => ({ path: rel, data: readFileSync(path.join(base, rel)) }));
}

function buildingNotes(name: string, version: string): string {
  const npm = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
  return `# Building ${name} ${version} from source

This archive holds the complete source of the extension. The packaged scripts are produced by
esbuild from the TypeScript in src/ (bundled and minified; the only third-party code bundled is
webextension-polyfill, installed from npm at the version pinned in package-lock.json), and the
stylesheets are src/'s CSS files minified by esbuild; the HTML, messages and icons are copied.

Packaged on ${os.type()} ${os.arch()} with Node ${process.version} and npm ${npm}. Any Node 20 or
later with npm 10 or later gives the same files.

1. Unpack this archive into an empty folder and open a terminal there.
2. \`npm ci\` installs the exact dependency versions from package-lock.json.
3. \`npm run build\` writes the extension to dist/firefox (the add-on package's files) and
   dist/chrome.

The files in dist/firefox are byte-for-byte the files of ${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${version}-firefox.zip.
The build needs no network access after \`npm ci\` and reads nothing outside this folder, except
${ARTICLE} if it is there: the news article whose sentences src/story/story.json cites, which the
build compares them with. It changes no built file; without it the build says so and goes on.
`;
}

function compare(expected: ZipEntry[], actual: ZipEntry[], label: string): string[] {
  const problems: string[] = [];
  const got = new Map(actual.map((e) => [e.path, e.data]));
  for (const { path: file, data } of expected) {
    const other = got.get(file);
    if (!other) problems.push(`${label}: ${file} is missing from the rebuild`);
    else if (!other.equals(data)) problems.push(`${label}: ${file} differs after the rebuild`);
    got.delete(file);
  }
  for (const file of got.keys()) problems.push(`${label}: the rebuild has an extra file ${file}`);
  return problems;
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as { name: string; version: string };
// The manifest's name is a message (__MSG_extName__); the package is named after its English text.
const messages = JSON.parse(readFileSync(path.join(ROOT, 'src/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
manifest.name = manifest.name.replace(/^__MSG_(\w+)__$/, (_, key: string) => messages[key]?.message ?? key);
const slug = manifest.name
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '-')
  .replace(/^-|-$/g, '');
// Only a version the changelog lists, with its date, is packaged.
const unlisted = changelogProblem(manifest.version);
if (unlisted) {
  console.error(`npm run package: not packaging ${manifest.name} ${manifest.version}. ${unlisted}`);
  process.exit(1);
}
const out = path.join(ROOT, 'artifacts/packages');
const dirs = await buildExtension();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const packages: Record<'chrome' | 'firefox', ZipEntry[]> = {
  chrome: filesUnder(dirs.chrome, dirs.chrome),
  firefox: filesUnder(dirs.firefox, dirs.firefox),
};
const source: ZipEntry[] = [
  ...SOURCE_FILES.map((file) => ({ path: file, data: readFileSync(path.join(ROOT, file)) })),
  ...SOURCE_DIRS.flatMap((dir) => filesUnder(path.join(ROOT, dir), ROOT, SOURCE_SKIP)),
  { path: 'BUILDING.md', data: Buffer.from(buildingNotes(manifest.name, manifest.version)) },
];
const written: Record<string, string> = {};
for (const [kind, entries] of [
  ['chrome', packages.chrome],
  ['firefox', packages.firefox],
  ['source', source],
] as const) {
  const file = path.join(out, `${slug}-${manifest.version}-${kind}.zip`);
  writeFileSync(file, writeZip(entries));
  written[kind] = file;
  console.log(`${path.relative(ROOT, file)}  ${entries.length} files, ${(statSync(file).size / 1024).toFixed(1)} KiB`);
}

// The reviewers' rebuild: unpack the source archive alone into an empty folder and build it there.
// Dependencies come from this checkout's node_modules (installed by npm ci from the same lock file).
const scratch = mkdtempSync(path.join(os.tmpdir(), 'backstory-source-'));
try {
  for (const { path: file, data } of readZip(readFileSync(written.source!))) {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    writeFileSync(path.join(scratch, file), data);
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
  execFileSync(process.execPath, ['scripts/ts-run.mjs', 'scripts/build.ts'], { cwd: scratch, stdio: 'pipe' });
  const problems = [
    ...compare(readZip(readFileSync(written.chrome!)), filesUnder(path.join(scratch, 'dist/chrome'), path.join(scratch, 'dist/chrome')), 'chrome'),
    ...compare(readZip(readFileSync(written.firefox!)), filesUnder(path.join(scratch, 'dist/firefox'), path.join(scratch, 'dist/firefox')), 'firefox'),
  ];
  if (problems.length > 0) {
    console.error(`Rebuilding from the source archive did not give the packaged files:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    const count = packages.chrome.length + packages.firefox.length;
    console.log(`Rebuilt from the source archive in an empty folder: all ${count} packaged files byte-identical.`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
