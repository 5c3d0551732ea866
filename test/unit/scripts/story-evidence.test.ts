// @vitest-environment node
// The evidence check the build runs on story.json: statements that drift from their evidence,
// evidence that is not the article's, and notes that say what is not there all fail the build.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import rawStory from '../../../src/story/story.json';
import { validateStory } from '../../../scripts/lib/validate-story';
import type { Story } from '../../../src/shared/story';
import { checkStory } from '../../../scripts/lib/build-extension';
import { ROOT } from '../../../scripts/lib/paths';
import { ARTICLE, articleSentences, checkEvidence, readArticle } from '../../../scripts/lib/story-evidence';

const article = readArticle(ROOT);
/** CI puts shared/ beside the clone: there the article must be found, not skipped. */
const required = process.env.CI === 'true';

/** A deep copy of story.json, changed by `edit`. */
function edited(edit: (s: Story) => void): Story {
  const copy = structuredClone(rawStory) as unknown as Story;
  edit(copy);
  return copy;
}

/** The article's first sentence, which the story's first summary sentence cites. */
const FIRST =
  'British cyber security agency, National Cyber Security Center, urged the government to avoid using antivirus software from Russian companies, including Kaspersky Lab.';

describe('the bundled story', () => {
  it('has evidence for every statement, and the evidence backs each one (spans not compared with the article)', () => {
    expect(checkEvidence(validateStory(rawStory), null)).toEqual([]);
  });

  it.skipIf(!article && !required)(
    article
      ? `has only whole sentences of ${ARTICLE} as evidence`
      : `has only whole sentences of the article as evidence (SKIPPED: ${ARTICLE} not found beside the project; CI must have it)`,
    () => {
      expect(article, `${ARTICLE} must be beside the project in CI`).not.toBeNull();
      expect(checkEvidence(validateStory(rawStory), article)).toEqual([]);
    },
  );
});

describe('checkEvidence finds', () => {
  it.each<[string, (s: Story) => void, RegExp]>([
    [
      'a drifted name',
      (s) => (s.summary[1]!.text = s.summary[1]!.text.replace('Ciaran Martin', 'Ciaran Smith')),
      /^summary\[1\] \("Its head, .*: the name "Smith" appears in none of its evidence$/,
    ],
    [
      'a drifted year',
      (s) => (s.earlier.text = s.earlier.text.replace('Earlier in 2017', 'In 2016')),
      /^earlier .*: the number "2016" appears in none of its evidence$/,
    ],
    ['a drifted year field', (s) => (s.earlier.year = 2016), /^earlier .*: the number "2016"/],
    [
      'an invented date',
      (s) => (s.keyPoints[2]!.text = s.keyPoints[2]!.text.replace('anyway.', 'on 3 November 2017.')),
      /^keyPoints\[2\] .*: the date "3 November 2017" appears in none of its evidence$/,
    ],
    ['an invented day in the report date', (s) => (s.reported = '2017-12-04'), /^source .*: the date "2017-12-04"/],
    [
      'an invented count',
      (s) => (s.keyPoints[3]!.text = s.keyPoints[3]!.text.replace('from government', 'from 12 government')),
      /^keyPoints\[3\] .*: the number "12"/,
    ],
    ['a quote dated apart from the report with no evidence of its date', (s) => (s.quotes[1]!.date = '2017-12-01'), /^quotes\[1\] .*: the date "2017-12-01"/],
    [
      'an entity’s invented part',
      (s) => (s.entities[5]!.part = 'French bank that stopped offering Kaspersky products.'),
      /^entities\[5\] \("Barclays: French .*: the name "French"/,
    ],
    ['a quote line’s invented role', (s) => (s.quotes[0]!.speakerRole = 'Head of GCHQ'), /^quotes\[0\] .*: the name "GCHQ"/],
    ['a correction without its note', (s) => delete s.summary[0]!.notes, /^summary\[0\] .*: the name "Centre" appears in none of its evidence$/],
    [
      'a note on words the statement does not have',
      (s) => (s.keyPoints[0]!.notes = ['centre-spelling']),
      /^keyPoints\[0\] .*: note "centre-spelling" says the statement has "Centre", but it does not$/,
    ],
    [
      'a note on words the evidence does not have',
      (s) => (s.summary[0]!.evidence = s.summary[0]!.evidence.filter((e) => !e.includes('Center'))),
      /note "centre-spelling" says the article has "Center", but none of its evidence does$/,
    ],
  ])('%s', (_name, edit, problem) => {
    const problems = checkEvidence(edited(edit), null);
    expect(
      problems.some((p) => problem.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('one problem for a date, not one for each of its parts', () => {
    const problems = checkEvidence(
      edited((s) => (s.keyPoints[2]!.text += ' It happened on 3 November 2017.')),
      null,
    );
    expect(problems.filter((p) => p.includes('3 November 2017'))).toHaveLength(1);
  });
});

describe.skipIf(!article && !required)(
  article ? `checkEvidence against ${ARTICLE}` : `checkEvidence against the article (SKIPPED: ${ARTICLE} not found beside the project)`,
  () => {
    const text = article ?? '';

    it.each<[string, (s: Story) => void, RegExp]>([
      [
        'a span changed by one word',
        (s) => (s.keyPoints[3]!.evidence[0] = s.keyPoints[3]!.evidence[0]!.replace('early this year', 'last year')),
        /^keyPoints\[3\]\.evidence\[0\] is not in the article character for character: /,
      ],
      [
        'a span with straight quotes for the article’s curly ones',
        (s) => (s.keyPoints[2]!.evidence[0] = s.keyPoints[2]!.evidence[0]!.replace(/[“”]/g, '"')),
        /^keyPoints\[2\]\.evidence\[0\] is not in the article/,
      ],
      [
        'a fragment of a sentence',
        (s) => (s.keyPoints[1]!.evidence[0] = 'National Cyber Security Center UK, Ciaran Martin'),
        /^keyPoints\[1\]\.evidence\[0\] starts or ends inside a sentence of the article/,
      ],
      [
        'an invented sentence',
        (s) => s.keyPoints[0]!.evidence.push('The NCSC banned Kaspersky on 1 December 2017.'),
        /^keyPoints\[0\]\.evidence\[2\] is not in the article/,
      ],
    ])('%s', (_name, edit, problem) => {
      const problems = checkEvidence(edited(edit), text);
      expect(
        problems.some((p) => problem.test(p)),
        problems.join('\n'),
      ).toBe(true);
    });

    it('takes runs of whitespace as one space, and two sentences in a row as one span', () => {
      const problems = checkEvidence(
        edited(
          (s) =>
            (s.summary[0]!.evidence[0] = FIRST.replace(/ /g, '\n  ').concat(
              ' Antivirus software is feared could be dangerous if accessed by the Russian government.',
            )),
        ),
        text,
      );
      expect(problems).toEqual([]);
    });

    it('splits the article into its sentences and lines', () => {
      const { text: one, starts } = articleSentences(text);
      expect(one.startsWith(`${FIRST} Antivirus software`)).toBe(true);
      expect(starts.has(one.indexOf('UK Government Urged to Stop Using Russian Antivirus'))).toBe(true);
      expect(starts.has(one.indexOf('Martin wrote in a statement'))).toBe(false);
    });
  },
);

describe('the build', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-story-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** Runs the build's story check on an edited copy of story.json. */
  const build = (edit: (s: Story) => void) => {
    const file = path.join(dir, 'story.json');
    writeFileSync(file, JSON.stringify(edited(edit)));
    return () => checkStory(file);
  };

  it('passes the bundled story', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(checkStory().id).toBe(rawStory.id);
    // Without the article the build says what it could not check.
    expect(warn.mock.calls.flat().join()).toEqual(article ? '' : expect.stringContaining(`${ARTICLE} not found`));
    warn.mockRestore();
  });

  it('fails on a drifted sentence', () => {
    expect(build((s) => (s.summary[3]!.text = s.summary[3]!.text.replace('Barclays', 'HSBC')))).toThrow(
      /evidence does not back a statement:\n {2}summary\[3\] .*"HSBC"/,
    );
  });

  it('fails on a statement with no evidence, naming it', () => {
    expect(build((s) => (s.keyPoints[1]!.evidence = []))).toThrow('field "keyPoints[1].evidence" must have 1 to 6 items (has 0)');
    expect(build((s) => delete (s.entities[2] as Partial<Story['entities'][number]>).evidence)).toThrow('field "entities[2].evidence" must be an array');
  });

  it('fails on an invented date', () => {
    expect(build((s) => (s.summary[2]!.text = s.summary[2]!.text.replace('The agency said', 'On 8 December 2017 the agency said')))).toThrow(
      /summary\[2\] .*the date "8 December 2017"/,
    );
  });

  it.skipIf(!article)('fails on a span that is not in the article', () => {
    expect(build((s) => (s.headline.evidence[1] = s.headline.evidence[1]!.replace('official letter', 'official memo')))).toThrow(
      /headline\.evidence\[1\] is not in the article/,
    );
  });

  it('fails on a note no statement uses, or a statement naming a note that is not there', () => {
    expect(build((s) => (s.notes.spare = { ours: 'x', article: 'y', why: 'z' }))).toThrow('field "notes.spare" is not referred to by any statement');
    expect(build((s) => (s.keyPoints[0]!.notes = ['nowhere']))).toThrow('field "keyPoints[0].notes[0]" names a note "nowhere" that "notes" lacks');
  });
});
