// @vitest-environment node
// The content script's words come from the background's table (see useMessages): the table must
// hold every key the content script uses and give, placeholders filled, what the browser would.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_UI_KEYS, pageMessages } from '../../../src/background/page-messages';
import { t, useMessages, type MessageKey } from '../../../src/shared/i18n';
import { getMessage } from '../helpers/i18n-setup';

const ROOT = path.join(__dirname, '../../..');

afterEach(() => useMessages({}));

describe("the content script's messages", () => {
  it("lists every message key used by the code in the content script's bundle", async () => {
    // The bundle's own list of source files, so a shared module the content script starts using counts too.
    const { metafile } = await build({
      entryPoints: [path.join(ROOT, 'src/content/full-stage.ts')],
      bundle: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: ROOT,
    });
    const used = new Set<string>();
    for (const file of Object.keys(metafile.inputs).filter((f) => f.startsWith('src/'))) {
      // Comments left out: they may show example calls.
      const code = readFileSync(path.join(ROOT, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const m of code.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(15);
    expect([...used].filter((key) => !PAGE_UI_KEYS.includes(key as MessageKey))).toEqual([]);
  });

  it('gives each message as the browser would, with every placeholder filled', () => {
    const messages = pageMessages();
    const keys = Object.keys(messages);
    // The UI keys and all the story's words (headline, summary, points, earlier, entities, dates).
    expect(keys).toEqual(expect.arrayContaining([...PAGE_UI_KEYS, 'storyHeadline', 'storyMonth', 'storyDay', 'entity_ncsc_part']));
    useMessages(messages);
    for (const key of keys) {
      const subs = ['3', '7', 'Kaspersky Lab, the Russian antivirus company'];
      expect(t(key as MessageKey, ...subs), key).toBe(getMessage(key, subs));
    }
    expect(t('mentionAnnounce', 2, 9, 'NCSC')).toBe('Mention 2 of 9: NCSC');
  });
});
