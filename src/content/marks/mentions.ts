/** Finds mentions of the story's people and organisations in a string: whole words, longest alias first. */
import type { MarkedEntity as Entity } from '../../shared/story';

/** One mention inside a string. */
export interface TextMention {
  start: number;
  end: number;
  entity: Entity;
}

/** A compiled matcher for a set of entities. */
export interface MentionMatcher {
  pattern: RegExp;
  /** Any alias anywhere, word boundaries or not (global): text this does not match holds no mention. */
  loose: RegExp;
  /** The longest alias's length: a mention starting at i ends by i + longest. */
  longest: number;
  entityOf(alias: string): Entity | undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds one regular expression over every alias, so each text node is searched once. */
export function compileMatcher(entities: Entity[]): MentionMatcher {
  const byAlias = new Map<string, Entity>();
  for (const entity of entities) for (const alias of entity.aliases) byAlias.set(alias, entity);
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // Aliases are proper names, matched as written: case-sensitive matching is both more precise
  // ("reuters" in a URL is not the agency) and several times faster on long pages.
  const any = aliases.join('|') || '(?!)';
  return {
    pattern: new RegExp(`\\b(?:${any})\\b`, 'g'),
    loose: new RegExp(any, 'g'),
    longest: Math.max(0, ...[...byAlias.keys()].map((alias) => alias.length)),
    entityOf: (alias) => byAlias.get(alias),
  };
}

/** Every mention in `text` that starts at `from` or later (the text before it still decides word boundaries). */
export function findMentions(text: string, matcher: MentionMatcher, from = 0): TextMention[] {
  const { pattern } = matcher;
  const found: TextMention[] = [];
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const entity = matcher.entityOf(m[0]);
    if (entity) found.push({ start: m.index, end: m.index + m[0].length, entity });
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
