/**
 * The build's check of src/story/story.json: a validator that names the first bad field, and the
 * list of statements whose evidence scripts/lib/story-evidence.ts checks against the article.
 */
import { aliasForms } from '../../src/shared/alias-forms';
import type { Note, Backing, Statement, Quote, Entity, Story } from '../../src/shared/story';

/** Thrown by {@link validateStory}; `field` is the path of the offending field. */
export class StoryError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`story.json: field "${field}" ${problem}`);
    this.name = 'StoryError';
  }
}

type Obj = Record<string, unknown>;

function object(value: unknown, field: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StoryError(field, 'must be an object');
  }
  return value as Obj;
}

function text(obj: Obj, key: string, field: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new StoryError(`${field}${key}`, 'must be a non-empty string');
  }
  return value;
}

function list<T>(obj: Obj, key: string, field: string, min: number, max: number, item: (v: unknown, f: string) => T): T[] {
  const value = obj[key];
  const path = `${field}${key}`;
  if (!Array.isArray(value)) throw new StoryError(path, 'must be an array');
  if (value.length < min || value.length > max) {
    throw new StoryError(path, `must have ${min} to ${max} items (has ${value.length})`);
  }
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

function sentence(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new StoryError(field, 'must be a non-empty string');
  return value;
}

function isoDate(obj: Obj, key: string, field: string): string {
  const value = text(obj, key, field);
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new StoryError(`${field}${key}`, `must be a real date written YYYY-MM-DD (got "${value}")`);
  }
  return value;
}

function oneOf<T extends string>(obj: Obj, key: string, field: string, allowed: readonly T[]): T {
  const value = obj[key];
  if (!allowed.includes(value as T)) {
    throw new StoryError(`${field}${key}`, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }
  return value as T;
}

/** A statement's backing: 1 to 6 evidence spans and, when present, a list of note ids. */
function backing(o: Obj, f: string): Backing {
  const out: Backing = { evidence: list(o, 'evidence', f, 1, 6, sentence) };
  if (o.notes !== undefined) out.notes = list(o, 'notes', f, 1, 10, sentence);
  return out;
}

function statement(value: unknown, field: string): Statement {
  const o = object(value, field);
  return { text: text(o, 'text', `${field}.`), ...backing(o, `${field}.`) };
}

function note(value: unknown, field: string): Note {
  const o = object(value, field);
  const f = `${field}.`;
  return { ours: text(o, 'ours', f), article: text(o, 'article', f), why: text(o, 'why', f) };
}

/** What a name may be written with: letters, marks, digits, spaces, hyphens, apostrophes, full stops and the katakana middle dot. */
const NAME_CHARS = /^[\p{L}\p{M}\p{N} '’.\-・]*$/u;
/** How many forms one alias may give: a stem's endings fit, a runaway product of groups does not. */
const MAX_FORMS = 64;

/**
 * An alias (see src/shared/alias-forms.ts): a proper name, with `{a,b}` groups (not nested, at
 * least two choices) for the forms it takes. Each form it gives must be a name a page could write:
 * it starts with a letter or digit and ends with one (or a full stop), with single spaces between
 * words. No form starts with a lowercase Latin letter: such words are everywhere in English text,
 * and one of them in the marks' pattern made its search of an English page about 3.5 times slower
 * (the alternatives' first letters are what lets the search skip ahead).
 */
function alias(value: unknown, field: string): string {
  const name = sentence(value, field);
  if (!/^(?:[^{},]|\{[^{}]*\})*$/.test(name))
    throw new StoryError(field, `must use "{" and "}" only around groups of choices, not nested, with commas only inside them (got "${name}")`);
  if (!NAME_CHARS.test(name.replace(/[{},]/g, '')))
    throw new StoryError(field, `must be a name written with letters, digits, spaces, hyphens, apostrophes and full stops only (got "${name}")`);
  const single = /\{[^{},]*\}/.exec(name);
  if (single) throw new StoryError(field, `has a group with one choice, "${single[0]}"`);
  const forms = aliasForms(name);
  if (forms.length > MAX_FORMS) throw new StoryError(field, `gives ${forms.length} forms; at most ${MAX_FORMS}`);
  const bad = forms.find((form) => !/^[\p{L}\p{N}](?:.*[\p{L}\p{M}\p{N}.])?$/u.test(form) || /\s{2}/.test(form));
  if (bad !== undefined)
    throw new StoryError(field, `gives "${bad}", which does not start with a letter or digit, end with one or a full stop, and keep single spaces`);
  const lower = forms.find((form) => /^(?=\p{sc=Latin})\p{Ll}/u.test(form));
  if (lower !== undefined)
    throw new StoryError(field, `gives "${lower}", which starts with a lowercase Latin letter (it would slow the marks' search of every English page)`);
  return name;
}

/** No written form may name two entities, or appear twice: each form names one entity. */
function checkForms(entities: Entity[]): void {
  const seen = new Map<string, string>();
  entities.forEach((e, i) => {
    e.aliases.forEach((name, j) => {
      for (const form of aliasForms(name)) {
        const field = `entities[${i}].aliases[${j}]`;
        const before = seen.get(form);
        if (before) throw new StoryError(field, `gives "${form}", which ${before} already gives`);
        seen.set(form, field);
      }
    });
  });
}

function entity(value: unknown, field: string): Entity {
  const o = object(value, field);
  const f = `${field}.`;
  return {
    id: text(o, 'id', f),
    name: text(o, 'name', f),
    kind: oneOf(o, 'kind', f, ['person', 'organisation'] as const),
    aliases: list(o, 'aliases', f, 1, 40, alias),
    part: text(o, 'part', f),
    ...backing(o, f),
  };
}

function quote(value: unknown, field: string): Quote {
  const o = object(value, field);
  const f = `${field}.`;
  const q: Quote = {
    id: text(o, 'id', f),
    text: text(o, 'text', f),
    speaker: text(o, 'speaker', f),
    speakerRole: text(o, 'speakerRole', f),
    kind: oneOf(o, 'kind', f, ['direct', 'reported'] as const),
    source: text(o, 'source', f),
    date: isoDate(o, 'date', f),
    ...backing(o, f),
  };
  if (/^["“”‘’']|["“”'‘’,]$/.test(q.text)) {
    throw new StoryError(`${f}text`, 'must leave out surrounding quotation marks and a trailing comma');
  }
  return q;
}

function unique(items: { id: string }[], field: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) throw new StoryError(`${field}[${i}].id`, `repeats "${item.id}"`);
    seen.add(item.id);
  });
}

function notes(value: unknown): Record<string, Note> {
  const o = object(value, 'notes');
  return Object.fromEntries(Object.entries(o).map(([id, n]) => [id, note(n, `notes.${id}`)]));
}

/** A statement as the evidence check sees it: its field, the words its evidence backs, and the backing. */
export interface BackedStatement extends Backing {
  field: string;
  text: string;
}

/**
 * Every statement of `story`, with the words its evidence stands behind: the headline, the
 * source line with the report's date, each summary sentence and key point, the earlier event
 * with its year, each entity's name and part (as its card shows them) and each quote's line of
 * who said it, in what role and where (its date too, when it is not the report's).
 */
export function backedStatements(story: Story): BackedStatement[] {
  const backed = (field: string, text: string, b: Backing): BackedStatement => ({ field, text, evidence: b.evidence, ...(b.notes ? { notes: b.notes } : {}) });
  return [
    backed('headline', story.headline.text, story.headline),
    backed('source', `${story.source.text} ${story.reported}`, story.source),
    ...story.summary.map((s, i) => backed(`summary[${i}]`, s.text, s)),
    backed('earlier', `${story.earlier.text} ${story.earlier.year}`, story.earlier),
    ...story.keyPoints.map((s, i) => backed(`keyPoints[${i}]`, s.text, s)),
    ...story.entities.map((e, i) => backed(`entities[${i}]`, `${e.name}: ${e.part}`, e)),
    ...story.quotes.map((q, i) => backed(`quotes[${i}]`, `${q.speaker}, ${q.speakerRole}. ${q.source}.${q.date === story.reported ? '' : ` ${q.date}`}`, q)),
  ];
}

/** Each note a statement refers to must exist, and each note must be referred to. */
function checkNoteIds(story: Story): void {
  const used = new Set<string>();
  for (const { field, notes: ids } of backedStatements(story)) {
    (ids ?? []).forEach((id, i) => {
      if (!Object.hasOwn(story.notes, id)) throw new StoryError(`${field}.notes[${i}]`, `names a note "${id}" that "notes" lacks`);
      used.add(id);
    });
  }
  const unused = Object.keys(story.notes).find((id) => !used.has(id));
  if (unused) throw new StoryError(`notes.${unused}`, 'is not referred to by any statement');
}

/** Checks a parsed story.json and returns it typed; throws a {@link StoryError} naming the first bad field. */
export function validateStory(value: unknown): Story {
  const o = object(value, '(root)');
  const earlier = object(o.earlier, 'earlier');
  if (!Number.isInteger(earlier.year)) throw new StoryError('earlier.year', 'must be a whole year');
  const story: Story = {
    id: text(o, 'id', ''),
    headline: statement(o.headline, 'headline'),
    reported: isoDate(o, 'reported', ''),
    source: statement(o.source, 'source'),
    summary: list(o, 'summary', '', 3, 5, statement),
    earlier: { year: earlier.year as number, ...statement(earlier, 'earlier') },
    keyPoints: list(o, 'keyPoints', '', 2, 8, statement),
    entities: list(o, 'entities', '', 1, 30, entity),
    quotes: list(o, 'quotes', '', 1, 20, quote),
    notes: notes(o.notes),
  };
  unique(story.entities, 'entities');
  checkForms(story.entities);
  unique(story.quotes, 'quotes');
  checkNoteIds(story);
  return story;
}
