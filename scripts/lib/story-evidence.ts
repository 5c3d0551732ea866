/**
 * The evidence check: every statement in story.json is backed by sentences of the source article.
 * Each evidence span must be whole sentences of the article, character for character (runs of
 * whitespace count as one space); each number, date and name in a statement must appear in its
 * evidence, unless one of its notes says where the story corrects the article.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Story } from '../../src/shared/story';
import { backedStatements, type BackedStatement } from './validate-story';
import { factsOf, isSupported, type Fact } from './facts';

/** The article the story summarises, relative to the project's root (CI puts shared/ beside the clone). */
export const ARTICLE = '../shared/seed/000_54e233854a60f2d0.txt';

/** The article's text, or null where it is not there (a fresh clone without ../shared). */
export function readArticle(root: string): string | null {
  const file = path.join(root, ARTICLE);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The article as one line, with the offsets where its sentences start and end (a line break ends one too). */
export function articleSentences(article: string): { text: string; starts: Set<number>; ends: Set<number> } {
  const sentences = article
    .split(/\n/)
    .flatMap((line) => collapse(line).split(/(?<=[.!?][”"’]?) (?=[“"‘A-Z0-9])/))
    .filter((s) => s !== '');
  const starts = new Set<number>();
  const ends = new Set<number>();
  let at = 0;
  for (const s of sentences) {
    starts.add(at);
    ends.add(at + s.length);
    at += s.length + 1;
  }
  return { text: sentences.join(' '), starts, ends };
}

/** Why `span` is not whole sentences of the article, or null when it is. */
function spanProblem(span: string, article: ReturnType<typeof articleSentences>): string | null {
  const wanted = collapse(span);
  let found = false;
  for (let i = article.text.indexOf(wanted); i >= 0; i = article.text.indexOf(wanted, i + 1)) {
    if (article.starts.has(i) && article.ends.has(i + wanted.length)) return null;
    found = true;
  }
  return found ? 'starts or ends inside a sentence of the article' : 'is not in the article character for character';
}

/** Whether `phrase` is in `text` as whole words, in any case. */
function hasPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Where the statement's notes cover it: the places of each note's `ours` in the statement. */
function notedSpans(statement: BackedStatement, story: Story, problems: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const id of statement.notes ?? []) {
    const note = story.notes[id]!;
    if (!hasPhrase(statement.text, note.ours)) problems.push(`${where(statement)}: note "${id}" says the statement has "${note.ours}", but it does not`);
    if (!statement.evidence.some((e) => collapse(e).includes(collapse(note.article)))) {
      problems.push(`${where(statement)}: note "${id}" says the article has "${note.article}", but none of its evidence does`);
    }
    const escaped = note.ours.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const m of statement.text.matchAll(new RegExp(escaped, 'gi'))) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

const within = (fact: Fact, spans: [number, number][]) => spans.some(([from, to]) => fact.index >= from && fact.index + fact.text.length <= to);

/** The statement's field and its first words, so the reader of a failed build finds it. */
function where(statement: BackedStatement): string {
  const start = statement.text.length > 40 ? `${statement.text.slice(0, 40)}…` : statement.text;
  return `${statement.field} ("${start}")`;
}

/**
 * Every problem with the story's evidence, as lines naming the statement's field; empty when all is
 * well. Without the article (null) the spans are not compared with it; everything else is checked.
 */
export function checkEvidence(story: Story, article: string | null): string[] {
  const problems: string[] = [];
  const sentences = article === null ? null : articleSentences(article);
  for (const statement of backedStatements(story)) {
    statement.evidence.forEach((span, i) => {
      const problem = sentences && spanProblem(span, sentences);
      if (problem) problems.push(`${statement.field}.evidence[${i}] ${problem}: "${span}"`);
    });
    const noted = notedSpans(statement, story, problems);
    for (const fact of factsOf(statement.text)) {
      if (within(fact, noted) || isSupported(fact, statement.evidence)) continue;
      problems.push(`${where(statement)}: the ${fact.kind} "${fact.text}" appears in none of its evidence`);
    }
  }
  // A date's parts (its month, its day, its year) fail together: say so once.
  return [...new Set(problems)];
}
