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
  /** The page's declared language (`<html lang>`, e.g. "nl" or "de-CH"); empty or absent when it declares none. */
  lang?: string;
}

/** Hard caps that keep the detector's cost flat on huge pages. */
export const LIMITS = { text: 30_000, lead: 1_500, title: TITLE_CHARS, heading: 300, headings: 20, meta: 2_000, url: URL_CHARS } as const;

const WEIGHT: Record<Place, number> = { url: 3, title: 4, heading: 3, meta: 2, lead: 1.5, body: 1 };

/**
 * How the detector tells a term from part of a longer word. `ascii` (the English terms'): `\b`,
 * which knows only ASCII letters. `letters`: no letter, mark or digit (see LETTER) on either side,
 * for Latin with accents, Cyrillic and Greek. `none`: for scripts written without spaces (Japanese,
 * Chinese), those whose prefixes join the name (Arabic, Hebrew) and Korean, whose particles do
 * ("카스퍼스키의"), where a term is a whole name that no unrelated word contains.
 */
export type Bounds = 'ascii' | 'letters' | 'none';

/**
 * A term the detector counts, with no word boundaries (the detector adds those). The first stage's
 * pattern is made from the same `words`, or from the term's `stem` (see candidateSource), so no
 * form the detector counts can be missing there.
 */
export interface Term {
  label: string;
  /** What the term's words may be preceded by, and must be, where the detector counts them; the first stage needs only `words`. */
  prefix?: RegExp;
  /** Every form of the term's own words: whatever the detector counts ends with one of them. */
  words: RegExp;
  /** What must not come just before the term (the detector's lookbehind); for a term whose forms are all one length. */
  notAfter?: RegExp;
  /** How the term's ends are found; `ascii` when absent. */
  bounds?: Bounds;
  /**
   * A short piece found in every form of `words` (a test checks it), which the first stage looks
   * for instead of the whole words: the first stage must stay within 2 KB.
   */
  stem?: RegExp;
}

/**
 * The terms for each topic. Every pattern is case-insensitive. The English terms come first and
 * are found as before; the terms of other languages and scripts follow (docs/detection.md says how
 * to add one).
 */
export const TERMS: Readonly<Record<Topic, readonly Term[]>> = {
  kaspersky: [
    { label: 'Kaspersky', words: /kaspersky/, stem: /kaspersk/ },
    {
      // The endings of Slavic, Baltic, Finnic, Hungarian, German and Scandinavian cases; never
      // "Kasper", "Kasperi" or "Kasperczak". "Kaspersky'nin" and "Kaspersky-t" are the English term's.
      label: 'Kaspersky (inflected)',
      words:
        /kaspersk(?:y(?:ja|ju|jem|jom|ji|jevi|jeva|n|lle|lla|lta|ssa|sta|t|nek|nak|vel|val|ről|ben|hez|nál|től|ból|ga|le|st|s|m|ho|mu|ovi|ego|emu)|iego|iemu|im|i|ij|ija|iju|ijem|ijs|iy|ii|io|iui|is|ého|ému|ým|ý|og|om|oj|oga|ogo)/,
      bounds: 'letters',
      stem: /kaspersk/,
    },
    {
      label: 'Касперский',
      // Russian, Bulgarian, Serbian and Macedonian "Касперск-", Ukrainian and Belarusian "Касперськ-", with their case endings.
      words: /касперс(?:к(?:ий|ого|ому|им|ом|ая|ой|ую|ие|их|ими|и|ог|ога|оме|і|а|у|ім|ою|ої|ій)|ьк(?:ий|ого|ому|им|ім|а|ої|ій|у|ою|і|их|ими))/,
      bounds: 'letters',
      stem: /сперс/,
    },
    { label: 'カスペルスキー', words: /カスペルスキー?/, bounds: 'none', stem: /ルスキ/ },
    { label: '卡巴斯基', words: /卡巴斯基/, bounds: 'none', stem: /巴斯基/ },
    { label: '카스퍼스키', words: /카스퍼스키/, bounds: 'none', stem: /스퍼스/ },
    { label: 'Κάσπερσκι', words: /κ[αά]σπ[εέ]ρσκ[ιυί]/, bounds: 'letters', stem: /ρσκ/ },
    { label: 'كاسبرسكي', words: /كاسب(?:ي)?رسك[يى]/, bounds: 'none', stem: /رسك/ },
    { label: 'קספרסקי', words: /קספרסקי/, bounds: 'none', stem: /רסק/ },
  ],
  ncsc: [
    // Its stem leaves out the ending, whose alternation would cost the first stage 8 bytes.
    { label: 'National Cyber Security Centre', words: /national cyber[\s-]security cent(?:re|er)/, stem: /national\W*cyber\W*security\W*cent/ },
    // "National Cyber Security Centre (NCSC)" is one mention, not two, and so is the name in another
    // language followed by "(NCSC)".
    {
      label: 'NCSC',
      words: /ncsc/,
      notAfter: /(?:cent(?:re|er)|sicherheit|sicherheitszentrums?|sécurité|seguridad|segurança|sicurezza|безопасности|безпеки|センター|中心)\s?[(（]/,
    },
    // Not "centre": "the UK's National Cyber Security Centre" is already counted by the name.
    {
      label: 'UK cyber agency',
      prefix: /(?:the )?(?:UK|U\.K\.|Britain|British)(?:'s|’s)? /,
      words: /(?:national )?cyber[\s-]?(?:security )?(?:agency|watchdog|authority|chief)/,
    },
    // The centre's name as other languages write it. Switzerland's centre was also the "Nationales
    // Zentrum für Cybersicherheit": the namesakes' context tells the two apart.
    {
      label: 'Nationales Zentrum für Cybersicherheit',
      words: /national(?:e|es|en)? (?:zentrums? für cyber[\s-]?sicherheit|cyber[\s-]?sicherheitszentrums?)/,
      bounds: 'letters',
      stem: /[iy]ber\W*s(?:i|é|eg)/,
    },
    {
      label: 'Centre national de cybersécurité',
      words: /centre national (?:de |pour )?(?:la )?cyber[\s-]?sécurité/,
      bounds: 'letters',
      stem: /[iy]ber\W*s(?:i|é|eg)/,
    },
    {
      label: 'Centro Nacional de Ciberseguridad',
      words: /centro na(?:cional de ciberseguri(?:dad|dade)|cional de ciberseguran[çc]a|zionale (?:per la |di )?cyber[\s-]?sicurezza)/,
      bounds: 'letters',
      stem: /[iy]ber\W*s(?:i|é|eg)/,
    },
    {
      label: 'Национальный центр кибербезопасности',
      words: /(?:национальн(?:ый|ого|ому|ым|ом) центр(?:а|у|ом|е)? кибербезопасности|національн(?:ий|ого|ому|им|ім) центр(?:у|ом|і)? кібербезпеки)/,
      bounds: 'letters',
      stem: /бербез/,
    },
    { label: '国家サイバーセキュリティセンター', words: /国家サイバーセキュリティセンター/, bounds: 'none', stem: /家サイ/ },
    { label: '国家网络安全中心', words: /[国國]家[网網][络絡路]安全中心/, bounds: 'none', stem: /全中心/ },
  ],
};

/**
 * A letter, combining mark or digit of the scripts whose terms have bounds: Latin (with its
 * accented letters), Greek, Cyrillic and Hangul. Not `[\\p{L}\\p{M}\\p{N}]`: with the `iu` flags
 * each use of that class costs about 1.6 ms to compile, and the detector's patterns are compiled
 * afresh on every page the full stage reads (measured 7 December 2026: 10-15 ms against 2.5-4 ms
 * for the whole first detection of a page).
 */
const LETTER =
  '[0-9A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0370-\\u03FF\\u0400-\\u052F\\u1100-\\u11FF\\u1E00-\\u1FFF\\u3130-\\u318F\\uAC00-\\uD7AF]';
/**
 * The Latin letters and digits alone: what must not follow a `letters` term that shares an English
 * term's stem, and so is written in Latin letters from an ASCII first letter (its start is `\\b`).
 * A lookbehind and a larger class cost its pattern, run on every English page that names
 * Kaspersky, the fast search for its first letters.
 */
const LATIN_LETTER = '[0-9A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF]';
/** The `letters` bounds' lookarounds: no LETTER just before, or just after. */
const NOT_LETTER_BEFORE = `(?<!${LETTER})`;
const NOT_LETTER_AFTER = `(?!${LETTER})`;

/** A term's source as the detector finds it, without its bounds: its lookbehind, prefix and words. */
function termSource(term: Term): string {
  const body = `(?:${term.prefix?.source ?? ''}${term.words.source})`;
  // Checked where the words end, not at every place they might start: the lookbehind then runs
  // only where they matched. The same for a term of fixed length ("NCSC"), the only one with it.
  return term.notAfter ? `${body}(?<!${term.notAfter.source}${body})` : body;
}

/**
 * What the first stage looks for in place of `term`: its stem, or its words without bounds or
 * prefix, each separator a run of non-word characters or none, and a leading optional part left
 * out (whatever matches "(?:a)?b" holds a match of "b"). Every match of the term holds a match of it.
 */
function firstStageSource(term: Term): string {
  return term.stem?.source ?? term.words.source.replace(/\[\\s-\]\??| /g, '\\W*').replace(/^\(\?:[^()]*\)\?/, '');
}

/**
 * How the detector finds the terms. Each English (`ascii`) term is its own pattern, as it always
 * was, and so is a term whose stem an English term shares (the inflected Kaspersky). The terms of
 * the other languages and scripts are one pattern with a group per term, and the `letters` terms
 * share one pair of lookarounds: compiling it costs every page the full stage reads. It is run
 * only where `gate`, its terms' stems, finds one: on an English page it is neither compiled nor run.
 */
interface TermPatterns {
  /** For each topic, each term's own pattern, or null for a term found by `others`. */
  own: Record<Topic, (RegExp | null)[]>;
  others: RegExp;
  /** The stems of `others`' terms: where none is, none of its terms is. */
  gate: RegExp;
  /** The topic and term index behind each of `others`' groups, in group order. */
  owners: [Topic, number][];
}

function compileTerms(): TermPatterns {
  const own = {} as Record<Topic, (RegExp | null)[]>;
  const english = new Set(
    Object.values(TERMS)
      .flat()
      .filter((term) => (term.bounds ?? 'ascii') === 'ascii')
      .map(firstStageSource),
  );
  const groups: Record<'letters' | 'none', { sources: string[]; owners: [Topic, number][] }> = {
    letters: { sources: [], owners: [] },
    none: { sources: [], owners: [] },
  };
  const stems = new Set<string>();
  for (const topic of TOPICS) {
    own[topic] = TERMS[topic].map((term, i) => {
      const bounds = term.bounds ?? 'ascii';
      if (bounds === 'ascii') return new RegExp(`\\b${termSource(term)}\\b`, 'gi');
      if (english.has(firstStageSource(term))) {
        return new RegExp(bounds === 'letters' ? `\\b${termSource(term)}(?!${LATIN_LETTER})` : termSource(term), 'gi');
      }
      groups[bounds].sources.push(`(${termSource(term)})`);
      groups[bounds].owners.push([topic, i]);
      stems.add(firstStageSource(term));
      return null;
    });
  }
  const letters = `${NOT_LETTER_BEFORE}(?:${groups.letters.sources.join('|')})${NOT_LETTER_AFTER}`;
  return {
    own,
    others: new RegExp([letters, ...groups.none.sources].join('|'), 'gi'),
    gate: new RegExp([...stems].join('|'), 'i'),
    owners: [...groups.letters.owners, ...groups.none.owners],
  };
}

const PATTERNS = compileTerms();

/**
 * The first stage's pattern (src/content/candidate.ts), made from TERMS by the build: it matches
 * wherever a term does, also in the first look's body text, whose text nodes are joined with
 * nothing between them. So it has no word boundaries, lookbehinds or prefixes, each separator a
 * term allows (a space, `[\s-]`, `[\s-]?`) may be any run of non-word characters or none (see
 * firstStageSource), and a term with a `stem` gives its stem instead; each is given once.
 */
export function candidateSource(): string {
  return [...new Set(Object.values(TERMS).flat().map(firstStageSource))].join('|');
}

/**
 * Context that ties "NCSC" to the UK body, and context that ties it to one of its namesakes, in
 * English words. Every page is read for these.
 */
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
  'Norwegian NCSC': [
    [/\bNorwegian National Cyber Security Cent(?:re|er)\b/gi, 6],
    [/\bnsm\.no\b/gi, 4],
    [/\b(?:NSM|Norwegian National Security Authority)\b/g, 3],
    [/\b(?:Norway|Norwegian|Oslo)\b/g, 1],
  ],
  'Finnish NCSC': [
    [/\bNCSC-FI\b/g, 6],
    [/\bTraficom\b/g, 3],
    [/\b(?:Finland|Finnish|Helsinki)\b/g, 1],
  ],
  'Hungarian NCSC': [
    [/\bNBSZ\b/g, 3],
    [/\b(?:Hungary|Hungarian|Budapest)\b/g, 1],
  ],
  'Ukrainian NCCC': [
    [/\bNational Cyber ?security Coordination Cent(?:er|re)\b/gi, 6],
    [/\b(?:NSDC|NCCC)\b/g, 3],
  ],
};

/**
 * The same, in the other languages the story was reported in (the UK's under 'UK'). A page that
 * declares English (`<html lang="en…">`) is not read for these: they would cost English pages a
 * second scan of their text. They are written without Unicode lookarounds, which cost a scan
 * more still: a Latin word starts at `\b`, and a word of another script, or one that starts with an
 * accented letter, is found wherever it stands (a country's stem is context inside a longer word too).
 */
const ELSEWHERE: Record<string, [RegExp, number][]> = {
  UK: [
    [/Центр\S* правительственной связи|Урядов\S* центр\S* зв.язку|政府通信本部|政府通信总部|政府通信總部|정부통신본부/gi, 3],
    [
      /\b(?:Gro(?:ß|ss)britannien|britisch|Vereinigte[nms]? Königreich|Royaume-Uni|britannique|Reino Unido|británic|britânic|Regno Unito|Britanni|Wielk(?:a|iej) Brytani|brytyjsk|Verenigd Koninkrijk|Britse|Storbritannia|Storbritannien|britisk|brittisk|Iso-Britannia|brittiläi|Nagy-Britannia|Velk[áé] Británi|Velik[ae] Britanij|britansk|Londres|Londra|Londen|Londýn|Londyn|Lontoo|Ríocht Aontaithe|(?:mB|Bh|B)reatain)/gi,
      1,
    ],
    [
      /Великобритани|Британі|британск|британськ|Соединённ\S* Королевств|Сполучен\S* Королівств|Лондон|Обединеното кралство|Βρετανί|βρετανικ|Ηνωμένο Βασίλειο|Λονδίν|[Iİ]ngiltere|Birleşik Krallık|英国|英國|イギリス|영국|伦敦|倫敦|ロンドン|런던|بريطاني|المملكة المتحدة|لندن|בריטני|בריטי|הממלכה המאוחדת|לונדון/gi,
      1,
    ],
  ],
  'US counterintelligence': [
    [
      /\b(?:Centro Nacional de Contrainteligencia y Seguridad|Centre national de contre-espionnage et de sécurité|Nationale[sn]? Zentrums? für Spionageabwehr und Sicherheit)|Национальн\S* центр\S* контрразведки и безопасности/gi,
      6,
    ],
    [/\b(?:contrainteligencia|contre-espionnage|Spionageabwehr|Inteligencia Nacional|renseignement national)|контрразведк|контррозвідк/gi, 2],
  ],
  'Dutch NCSC': [
    [/\b(?:Rijksoverheid|NCTV|ministerie van Justitie en Veiligheid)\b/gi, 2],
    [/\bNederland/gi, 1],
  ],
  'Swiss NCSC': [
    [/\b(?:Bundesamt für Cybersicherheit|Office fédéral de la cybersécurité|Ufficio federale della cibersicurezza)/gi, 6],
    [/\b(?:MELANI|OFCS|UFCS|Florian Schütz)\b/g, 3],
    [/\b(?:Schweiz|Suisse|Svizzera|svizzer|Berne|Berna|Zürich|Genf|Genève|Lausanne|Bundesrat|Conseil fédéral|Eidgen|Confédération)/gi, 1],
  ],
  'New Zealand NCSC': [
    [/\bTe Tira Tiaki\b/g, 3],
    [/\bAotearoa\b/g, 1],
  ],
  'Irish NCSC': [
    // Irish names Britain's centre the same way, with "na Breataine" ("of Britain") after it.
    [/\bLárionad Náisiúnta Cibearshlándála(?! na Breataine)/gi, 6],
    // Also "Éireann" and "hÉireann", but not Northern Ireland ("Tuaisceart Éireann").
    [/(?<!uaisceart )Éire|\bBaile Átha Cliath|\bGardaí/g, 1],
  ],
  'Norwegian NCSC': [
    [/\bNasjonalt cybersikkerhetssenter\b/gi, 6],
    [/\bNasjonal sikkerhetsmyndighet\b/gi, 3],
    [/\b(?:Norge|Noreg|norsk)/gi, 1],
  ],
  'Finnish NCSC': [
    // Finnish names Britain's centre the same way, after "Britannian" ("Britain's").
    [/(?<!Britannian (?:kansallinen )?)\bKyberturvallisuuskeskus/gi, 6],
    [/\b(?:Suomi|Suomen|Suomessa|Helsingissä)/gi, 1],
  ],
  'Hungarian NCSC': [
    [/\bNemzeti Kibervédelmi Intézet/gi, 6],
    [/\bNemzetbiztonsági Szakszolgálat/g, 3],
    [/\b(?:Magyarország|magyar)/gi, 1],
  ],
  'Korean NCSC': [
    [/국가사이버안보센터/g, 6],
    [/국가정보원|국정원/g, 3],
    [/대한민국|한국|서울/g, 1],
  ],
  // Ukraine's National Cybersecurity Coordination Center. Not Ukraine's name: a page about the UK's
  // centre names the war there as often as one about Ukraine's centre does.
  'Ukrainian NCCC': [
    [/Національн\S* координаційн\S* центр\S* кібербезпеки|Национальн\S* координационн\S* центр\S* кибербезопасности/gi, 6],
    [/РНБО|СНБО|НКЦК/g, 3],
  ],
};

/** Every namesake, whichever language names it. */
const RIVALS = [...new Set([...Object.keys(NAMESAKES), ...Object.keys(ELSEWHERE)])].filter((name) => name !== 'UK');

/**
 * The page's declared language as a namesake's support: a page in Dutch that names "NCSC" without
 * saying whose is about the Dutch centre. Less than a word of the UK's context and a word of the
 * namesake's together, so the page's own words decide whenever it has any.
 */
const DECLARED: [RegExp, string][] = [
  [/^nl\b/i, 'Dutch NCSC'],
  [/^(?:de|fr|it|rm)-CH\b/i, 'Swiss NCSC'],
  [/^ga\b/i, 'Irish NCSC'],
  [/^(?:no|nb|nn)\b/i, 'Norwegian NCSC'],
  [/^fi\b/i, 'Finnish NCSC'],
  [/^hu\b/i, 'Hungarian NCSC'],
  [/^ko\b/i, 'Korean NCSC'],
];
const DECLARED_WEIGHT = 1.5;

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
/** ELSEWHERE compiled on the first page that needs it: an English page does not pay for it even once. */
let contextElsewhere: CompiledContext | null = null;
/** A page that declares English. */
const ENGLISH = /^en\b/i;

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

/** How often each term of each topic is found in each place: `[topic][term][place]`. */
type TermCounts = Record<Topic, number[][]>;

function countTerms(places: [Place, string][], joined: Joined): TermCounts {
  const perPlace = (): number[] => places.map(() => 0);
  const counts = {} as TermCounts;
  for (const topic of TOPICS) {
    counts[topic] = PATTERNS.own[topic].map((pattern) => {
      const found = perPlace();
      if (pattern) eachMatch(pattern, joined, (_, place) => (found[place]! += 1));
      return found;
    });
  }
  if (!PATTERNS.gate.test(joined.text)) return counts;
  eachMatch(PATTERNS.others, joined, (m, place) => {
    const [topic, term] = PATTERNS.owners[m.findIndex((g, k) => k > 0 && g !== undefined) - 1]!;
    counts[topic][term]![place]! += 1;
  });
  return counts;
}

function scoreTopic(topic: Topic, places: [Place, string][], termCounts: TermCounts): TopicScore {
  const result: TopicScore = { score: 0, mentions: 0, prominent: false, parentProminent: false, evidence: [] };
  const parent = PARENTS[topic];
  const counts = termCounts[topic];
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
function ukNcsc(joined: Joined, lang: string): { uk: boolean; rival: string | null; margin: number } {
  const scores = contextScores(CONTEXT, joined);
  if (!ENGLISH.test(lang)) {
    contextElsewhere ??= compileContext(ELSEWHERE);
    for (const [name, score] of contextScores(contextElsewhere, joined)) scores.set(name, (scores.get(name) ?? 0) + score);
  }
  for (const [tag, name] of DECLARED) if (tag.test(lang)) scores.set(name, (scores.get(name) ?? 0) + DECLARED_WEIGHT);
  const uk = scores.get('UK') ?? 0;
  let rival: string | null = null;
  let best = 0;
  for (const name of RIVALS) {
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
  const counts = countTerms(places, joined);
  const scores = { kaspersky: scoreTopic('kaspersky', places, counts), ncsc: scoreTopic('ncsc', places, counts) };
  const topics: Topic[] = [];
  const evidence: Evidence[] = [];
  let confidence = 1;
  // Which body "NCSC" names matters even for a passing mention: the annotator marks only the UK's.
  const ncscContext = scores.ncsc.mentions > 0 || scores.ncsc.prominent ? ukNcsc(joined, sample.lang ?? '') : null;
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
