/**
 * Decides from a sample of a page (never the DOM itself) whether it is about Kaspersky, the UK's
 * National Cyber Security Centre, both or neither, and says why. Pure: same sample, same verdict.
 */
import { TITLE_CHARS, URL_CHARS, urlWords } from './page-head';
import type { Evidence, Place, Topic, Verdict } from './topics';
import { TOPICS } from './topics';

/** What the detector reads of a page. Produced in the page by content/full-stage/read-page.ts. */
export interface PageSample {
  url: string;
  title: string;
  /** h1/h2 text of the main content. */
  headings: string[];
  /** The describing meta tags' text (description, keywords, Open Graph, Twitter cards). */
  meta: string[];
  /** The main text: article body only, no navigation, asides, comments or footers. */
  text: string;
}

/** Hard caps that keep the detector's cost flat on huge pages. */
export const LIMITS = { text: 30_000, lead: 1_500, title: TITLE_CHARS, heading: 300, headings: 20, meta: 2_000, url: URL_CHARS } as const;

const WEIGHT: Record<Place, number> = { url: 3, title: 4, heading: 3, meta: 2, lead: 1.5, body: 1 };

/**
 * A term the detector counts, with no word boundaries (the detector adds those). The first stage's
 * pattern is made from the same `words` (see candidateSource), so no form the detector counts can
 * be missing there.
 */
export interface Term {
  label: string;
  /** What the term's words may be preceded by, and must be, where the detector counts them; the first stage needs only `words`. */
  prefix?: RegExp;
  /** Every form of the term's own words: whatever the detector counts ends with one of them. */
  words: RegExp;
  /** What must not come just before the term (the detector's lookbehind). */
  notAfter?: RegExp;
}

/** The terms for each topic. Every pattern is case-insensitive. */
export const TERMS: Readonly<Record<Topic, readonly Term[]>> = {
  kaspersky: [{ label: 'Kaspersky', words: /kaspersky/ }],
  ncsc: [
    { label: 'National Cyber Security Centre', words: /national cyber[\s-]security cent(?:re|er)/ },
    // "National Cyber Security Centre (NCSC)" is one mention, not two.
    { label: 'NCSC', words: /ncsc/, notAfter: /cent(?:re|er)\s?\(/ },
    // Not "centre": "the UK's National Cyber Security Centre" is already counted by the name.
    {
      label: 'UK cyber agency',
      prefix: /(?:the )?(?:UK|U\.K\.|Britain|British)(?:'s|’s)? /,
      words: /(?:national )?cyber[\s-]?(?:security )?(?:agency|watchdog|authority|chief)/,
    },
  ],
};

/** A term as the detector finds it: whole words only. */
function termPattern(term: Term): RegExp {
  const notAfter = term.notAfter ? `(?<!${term.notAfter.source})` : '';
  return new RegExp(`${notAfter}\\b(?:${term.prefix?.source ?? ''}${term.words.source})\\b`, 'gi');
}

const PATTERNS: Record<Topic, RegExp[]> = { kaspersky: TERMS.kaspersky.map(termPattern), ncsc: TERMS.ncsc.map(termPattern) };

/**
 * The first stage's pattern (src/content/candidate.ts), made from TERMS by the build: it matches
 * wherever a term does, also in the first look's body text, whose text nodes are joined with
 * nothing between them. So it has no word boundaries, lookbehinds or prefixes, each separator a
 * term allows (a space, `[\s-]`, `[\s-]?`) may be any run of non-word characters or none, and a
 * leading optional part is left out (whatever matches "(?:a)?b" holds a match of "b").
 */
export function candidateSource(): string {
  return Object.values(TERMS)
    .flat()
    .map((term) => term.words.source.replace(/\[\\s-\]\??| /g, '\\W*').replace(/^\(\?:[^()]*\)\?/, ''))
    .join('|');
}

/** Context that ties "NCSC" to the UK body, and context that ties it to one of its namesakes. */
const UK_CONTEXT: [RegExp, number][] = [
  [/ncsc\.gov\.uk/gi, 4],
  [/\bGCHQ\b/g, 3],
  [
    /\b(?:Ciaran Martin|Lindy Cameron|Richard Horne|Paul Chichester|Ollie Whitehouse|Cyber Essentials|Cyber Assessment Framework|Active Cyber Defence|Early Warning service|CyberFirst)\b/g,
    3,
  ],
  [
    /\b(?:Home Office|Cabinet Office|Ministry of Defence|National Crime Agency|Action Fraud|Bank of England|Information Commissioner|Ofcom|Parliament|MPs|Network and Information Systems)\b/g,
    2,
  ],
  [/\b(?:UK|U\.K\.|Britain|British|Whitehall|Westminster|Downing Street|London|England|Scotland|Wales|NHS|Cheltenham)\b/g, 1],
  [/\.(?:co|gov|org|ac)\.uk\b/gi, 1],
];

const NAMESAKES: Record<string, [RegExp, number][]> = {
  'US counterintelligence': [
    [/\bNational Counter-?intelligence and Security Cent(?:er|re)\b/gi, 6],
    [/\b(?:counter-?intelligence|ODNI|Director of National Intelligence|dni\.gov)\b/gi, 2],
  ],
  'US state courts': [
    [/\bNational Cent(?:er|re) for State Courts\b/gi, 6],
    [/\b(?:ncsc\.org|state courts?|judges?|judiciary|judicial)\b/gi, 1],
  ],
  'India scheduled castes': [
    [/\bNational Commission for Scheduled Castes\b/gi, 6],
    [/\b(?:Scheduled Castes?|Dalits?|ncsc\.nic\.in|India|Indian)\b/gi, 1],
  ],
  'Dutch NCSC': [
    [/\bNationaal Cyber Security Centrum\b/gi, 6],
    [/\bncsc\.nl\b/gi, 4],
    [/\b(?:Dutch|Netherlands|The Hague|Den Haag|Amsterdam|Rotterdam)\b/g, 1],
  ],
  'Swiss NCSC': [
    [/\bncsc\.admin\.ch\b/gi, 4],
    [/\b(?:Federal Office for Cyber Security|BACS)\b/g, 3],
    [/\b(?:Swiss|Switzerland|Bern|Zurich|Geneva)\b/g, 1],
  ],
  'New Zealand NCSC': [
    [/\bncsc\.govt\.nz\b/gi, 4],
    [/\bGCSB\b/g, 3],
    [/\b(?:New Zealand|Wellington|Auckland|Kiwi)\b/g, 1],
  ],
  'Irish NCSC': [
    [/\bncsc\.gov\.ie\b/gi, 4],
    [/\b(?:HSE|Health Service Executive|Garda)\b/g, 2],
    [/\b(?:Irish|Dublin|Cork)\b/g, 1],
    [/(?<!Northern )\bIreland\b/g, 1],
  ],
};

/**
 * The places' texts as one string, so that each pattern is run once per sample. A pattern's first
 * run on a short string compiles it for the interpreter and a later run on a long one compiles it
 * again to machine code: one run over everything compiles it once. No pattern spans a blank line,
 * so no match crosses from one place into the next.
 */
interface Joined {
  text: string;
  /** Where each place's text starts in `text`, in order (and where one more would). */
  starts: number[];
}

function join(texts: string[]): Joined {
  const starts = [0];
  for (const text of texts) starts.push(starts.at(-1)! + text.length + 2);
  return { text: texts.join('\n\n'), starts };
}

/** Calls `each(match, place)` for every match of the global `pattern` in `joined`, with the index of the place it is in. */
function eachMatch(pattern: RegExp, joined: Joined, each: (match: RegExpExecArray, place: number) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(joined.text); m; m = pattern.exec(joined.text)) {
    const at = m.index;
    each(
      m,
      joined.starts.findLastIndex((start) => start <= at),
    );
  }
}

function placesOf(sample: PageSample): [Place, string][] {
  const text = sample.text.slice(0, LIMITS.text);
  return [
    ['url', urlWords(sample.url)],
    ['title', sample.title.slice(0, LIMITS.title)],
    [
      'heading',
      sample.headings
        .slice(0, LIMITS.headings)
        .map((h) => h.slice(0, LIMITS.heading))
        .join('\n'),
    ],
    ['meta', sample.meta.join('\n').slice(0, LIMITS.meta)],
    ['lead', text.slice(0, LIMITS.lead)],
    ['body', text.slice(LIMITS.lead)],
  ];
}

/** Context entries compiled into one alternation per flag set, so each text is scanned once per table. */
interface CompiledContext {
  patterns: RegExp[];
  /** For each pattern, the entry behind each capture group, in group order. */
  groups: { family: string; weight: number }[][];
}

function compileContext(tables: Record<string, [RegExp, number][]>): CompiledContext {
  const byFlags = new Map<string, { sources: string[]; entries: { family: string; weight: number }[] }>();
  for (const [family, table] of Object.entries(tables)) {
    for (const [pattern, weight] of table) {
      const bucket = byFlags.get(pattern.flags) ?? { sources: [], entries: [] };
      bucket.sources.push(`(${pattern.source})`);
      bucket.entries.push({ family, weight });
      byFlags.set(pattern.flags, bucket);
    }
  }
  const compiled: CompiledContext = { patterns: [], groups: [] };
  for (const [flags, { sources, entries }] of byFlags) {
    compiled.patterns.push(new RegExp(sources.join('|'), flags));
    compiled.groups.push(entries);
  }
  return compiled;
}

/** Weighted context score per family over the places; each entry counts at most 5 times per place. */
function contextScores(context: CompiledContext, joined: Joined): Map<string, number> {
  const scores = new Map<string, number>();
  context.patterns.forEach((pattern, p) => {
    const entries = context.groups[p]!;
    /** How often each entry counted in the current place. */
    let seen: number[] = [];
    let current = -1;
    eachMatch(pattern, joined, (m, place) => {
      if (place !== current) [seen, current] = [entries.map(() => 0), place];
      const i = m.findIndex((g, k) => k > 0 && g !== undefined) - 1;
      const entry = entries[i];
      if (!entry || seen[i]! >= 5) return;
      seen[i]! += 1;
      scores.set(entry.family, (scores.get(entry.family) ?? 0) + entry.weight);
    });
  });
  return scores;
}

const CONTEXT = compileContext({ UK: UK_CONTEXT, ...NAMESAKES });

interface TopicScore {
  score: number;
  mentions: number;
  prominent: boolean;
  /** The topic's parent body is in the headline (GCHQ for the NCSC), so a few mentions suffice. */
  parentProminent: boolean;
  evidence: Evidence[];
}

/** Names that put a topic's parent organisation in the headline: the NCSC is part of GCHQ. */
const PARENTS: Partial<Record<Topic, RegExp>> = { ncsc: /\bGCHQ\b/ };

function scoreTopic(topic: Topic, places: [Place, string][], joined: Joined): TopicScore {
  const result: TopicScore = { score: 0, mentions: 0, prominent: false, parentProminent: false, evidence: [] };
  const parent = PARENTS[topic];
  const counts = PATTERNS[topic].map((pattern) => {
    const perPlace = places.map(() => 0);
    eachMatch(pattern, joined, (_, place) => (perPlace[place]! += 1));
    return perPlace;
  });
  for (const [p, [place, text]] of places.entries()) {
    if (parent && (place === 'title' || place === 'heading') && parent.test(text)) result.parentProminent = true;
    for (const [t, term] of TERMS[topic].entries()) {
      const n = counts[t]![p]!;
      if (n === 0) continue;
      result.evidence.push({ topic, term: term.label, place, count: n });
      result.score += WEIGHT[place] * Math.min(n, place === 'body' ? 6 : 2);
      if (place === 'lead' || place === 'body') result.mentions += n;
      if (place === 'url' || place === 'title' || place === 'heading') result.prominent = true;
    }
  }
  // Named only in the headline: the headline's names are the mentions (places[1] is the title).
  if (result.mentions === 0) result.mentions = counts.reduce((n, perPlace) => n + perPlace[1]!, 0);
  return result;
}

/** A topic is the page's subject when it is named prominently, or named often in the main text. */
function isAbout(s: TopicScore): boolean {
  return (s.prominent && s.mentions >= 1) || s.mentions >= 3 || ((s.score >= 6 || s.parentProminent) && s.mentions >= 2);
}

/** Whether the NCSC the page names is the UK's, rather than one of the bodies that share the name. */
function ukNcsc(joined: Joined): { uk: boolean; rival: string | null; margin: number } {
  const scores = contextScores(CONTEXT, joined);
  const uk = scores.get('UK') ?? 0;
  let rival: string | null = null;
  let best = 0;
  for (const name of Object.keys(NAMESAKES)) {
    const score = scores.get(name) ?? 0;
    if (score > best) [rival, best] = [name, score];
  }
  // The UK centre is by far the most reported of the namesakes, so it wins unless another one has
  // real support: a full name, a domain, or more than one word of its country's context.
  return { uk: uk > best || best <= 1, rival: best > 1 ? rival : null, margin: uk - best };
}

/** Whether the verdict's "NCSC" mentions may be taken for the UK body (no namesake won on context). */
export function ncscIsUk(verdict: Pick<Verdict, 'topics' | 'evidence'>): boolean {
  return verdict.topics.includes('ncsc') || !verdict.evidence.some((e) => e.term.startsWith('namesake:'));
}

/** Classifies a page sample. Reads at most {@link LIMITS} of it, whatever its size. */
export function detectTopic(sample: PageSample): Verdict {
  const places = placesOf(sample);
  const joined = join(places.map(([, text]) => text));
  const scores = { kaspersky: scoreTopic('kaspersky', places, joined), ncsc: scoreTopic('ncsc', places, joined) };
  const topics: Topic[] = [];
  const evidence: Evidence[] = [];
  let confidence = 1;
  // Which body "NCSC" names matters even for a passing mention: the annotator marks only the UK's.
  const ncscContext = scores.ncsc.mentions > 0 || scores.ncsc.prominent ? ukNcsc(joined) : null;
  for (const topic of TOPICS) {
    const s = scores[topic];
    evidence.push(...s.evidence);
    if (!isAbout(s)) {
      if (s.mentions > 0) confidence = Math.min(confidence, s.mentions >= 2 ? 0.6 : 0.85);
      continue;
    }
    if (topic === 'ncsc' && ncscContext) {
      if (!ncscContext.uk) {
        confidence = Math.min(confidence, ncscContext.rival ? 0.8 : 0.6);
        continue;
      }
      confidence = Math.min(confidence, ncscContext.margin >= 4 ? 0.95 : 0.75);
    }
    topics.push(topic);
    confidence = Math.min(confidence, Math.min(0.99, 0.5 + s.score / 20));
  }
  if (ncscContext && !ncscContext.uk && ncscContext.rival) {
    evidence.push({ topic: 'ncsc', term: `namesake: ${ncscContext.rival}`, place: 'body', count: 1 });
  }
  return {
    topics,
    relevant: topics.length > 0,
    confidence: Math.round(confidence * 100) / 100,
    mentions: { kaspersky: scores.kaspersky.mentions, ncsc: scores.ncsc.mentions },
    evidence,
  };
}
