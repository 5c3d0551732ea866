/**
 * The bundled story: its types, a validator that names the first bad field, and the
 * validated data every context imports.
 */
import rawStory from '../story/story.json';

/** A quote from the article: its exact words, or the article's account of what was said. */
export interface Quote {
  id: string;
  text: string;
  speaker: string;
  speakerRole: string;
  /** "direct": the article quotes these words; "reported": the article paraphrases the speaker. */
  kind: 'direct' | 'reported';
  source: string;
  /** ISO date (YYYY-MM-DD) on which the article reported it. */
  date: string;
}

/** A person or organisation with a part in the story. */
export interface Entity {
  id: string;
  name: string;
  kind: 'person' | 'organisation';
  aliases: string[];
  part: string;
}

/** What the content script knows of an entity: enough to find and name its mentions (its words are messages). */
export type MarkedEntity = Pick<Entity, 'id' | 'aliases'>;

/** The whole story as the extension ships it. */
export interface Story {
  id: string;
  headline: string;
  reported: string;
  summary: string[];
  earlier: { year: number; text: string };
  keyPoints: string[];
  entities: Entity[];
  quotes: Quote[];
}

/** Thrown by {@link validateStory}; `field` is the path of the offending field. */
export class StoryError extends Error {
  constructor(readonly field: string, problem: string) {
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

function entity(value: unknown, field: string): Entity {
  const o = object(value, field);
  const f = `${field}.`;
  return {
    id: text(o, 'id', f),
    name: text(o, 'name', f),
    kind: oneOf(o, 'kind', f, ['person', 'organisation'] as const),
    aliases: list(o, 'aliases', f, 1, 20, sentence),
    part: text(o, 'part', f),
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

/** Checks a parsed story.json and returns it typed; throws a {@link StoryError} naming the first bad field. */
export function validateStory(value: unknown): Story {
  const o = object(value, '(root)');
  const earlier = object(o.earlier, 'earlier');
  if (!Number.isInteger(earlier.year)) throw new StoryError('earlier.year', 'must be a whole year');
  const story: Story = {
    id: text(o, 'id', ''),
    headline: text(o, 'headline', ''),
    reported: isoDate(o, 'reported', ''),
    summary: list(o, 'summary', '', 3, 5, sentence),
    earlier: { year: earlier.year as number, text: text(earlier, 'text', 'earlier.') },
    keyPoints: list(o, 'keyPoints', '', 2, 8, sentence),
    entities: list(o, 'entities', '', 1, 30, entity),
    quotes: list(o, 'quotes', '', 1, 20, quote),
  };
  unique(story.entities, 'entities');
  unique(story.quotes, 'quotes');
  return story;
}

/** The story bundled with the extension (checked at build time by scripts/build.ts). */
export const story: Story = rawStory as Story;
