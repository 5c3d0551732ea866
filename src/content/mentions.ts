/** Finds mentions of the story's people and organisations in a string: whole words, longest alias first. */
import type { MarkedEntity as Entity } from '../shared/story';

/** One mention inside a string. */
export interface TextMention {
  start: number;
  end: number;
  entity: Entity;
}

/** A compiled matcher for a set of entities. */
export interface MentionMatcher {
  pattern: RegExp;
  entityOf(alias: string): Entity | undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds one regular expression over every alias, so each text node is searched once. */
export function compileMatcher(entities: Entity[]): MentionMatcher {
  const byAlias = new Map<string, Entity>();
  for (const entity of entities) for (const alias of entity.aliases) byAlias.set(alias, entity);
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length).map(escape);
  // Aliases are proper names, matched as written: case-sensitive matching is both more precise
  // ("reuters" in a URL is not the agency) and several times faster on long pages.
  const pattern = new RegExp(`\\b(?:${aliases.join('|') || '(?!)'})\\b`, 'g');
  return { pattern, entityOf: (alias) => byAlias.get(alias) };
}

const NONE: readonly TextMention[] = Object.freeze([]);

/** Every mention in `text` (a shared empty array when there is none: most text nodes have none). */
export function findMentions(text: string, matcher: MentionMatcher): readonly TextMention[] {
  return findMentionsInEach([text], matcher)?.get(0) ?? NONE;
}

/**
 * The mentions in each of `texts`, by index (null when none has any), found in one pass over
 * them all: joined by U+0001, which no alias holds and which, like a string's end, is no word
 * character, so each text matches exactly as it would on its own. One regular-expression call per
 * few thousand characters instead of one per text node.
 */
export function findMentionsInEach(texts: readonly string[], matcher: MentionMatcher): Map<number, TextMention[]> | null {
  const { pattern } = matcher;
  const joined = texts.join('\u0001');
  pattern.lastIndex = 0;
  if (!pattern.test(joined)) return null;
  const found = new Map<number, TextMention[]>();
  let i = 0;
  let base = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(joined); m; m = pattern.exec(joined)) {
    // A match never spans the separator: move on to the text it starts in.
    while (m.index > base + texts[i]!.length) base += texts[i++]!.length + 1;
    const entity = matcher.entityOf(m[0]);
    if (!entity) continue;
    const list = found.get(i) ?? [];
    list.push({ start: m.index - base, end: m.index - base + m[0].length, entity });
    found.set(i, list);
  }
  return found;
}

/**
 * The entities to mark on a page. The NCSC is marked only where the detector took it for the UK
 * body: a page about a namesake keeps its "NCSC" unmarked.
 */
export function entitiesToMark(entities: Entity[], topics: readonly string[], ncscIsUk: boolean): Entity[] {
  return entities.filter((e) => e.id !== 'ncsc' || topics.includes('ncsc') || ncscIsUk);
}
