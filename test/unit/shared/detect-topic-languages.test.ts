// @vitest-environment node
// The detector in the languages and scripts the story was reported in: the names' forms and their
// bounds in each script, the UK's centre as other languages name it, other countries' centres told
// apart in their own words, and the page's declared language.
import { describe, expect, test } from 'vitest';
import { detectTopic, type PageSample } from '../../../src/shared/detect-topic';
import type { Topic } from '../../../src/shared/topics';

const page = (p: Partial<PageSample>): PageSample => ({ url: 'https://news.example.com/story', title: '', headings: [], meta: [], text: '', ...p });
/** The labels of the terms the detector counts in `text` (in the body), with their counts. */
const counted = (text: string): Record<string, number> =>
  Object.fromEntries(
    detectTopic(page({ text }))
      .evidence.filter((e) => !e.term.startsWith('namesake'))
      .map((e) => [e.term, e.count]),
  );

describe('names in every form and script, each found as a whole word of its script', () => {
  test.each<[string, Record<string, number>]>([
    // Latin-script endings; the English term keeps "Kaspersky" and "Kaspersky'nin".
    ['Tvrtka Kasperskyja i Kasperskog', { 'Kaspersky (inflected)': 2 }],
    ['produkty Kasperského, Kasperským', { 'Kaspersky (inflected)': 2 }],
    ['Kasperskyn ohjelmistot ja Kasperskiego', { 'Kaspersky (inflected)': 2 }],
    ['Kasperskys Software', { 'Kaspersky (inflected)': 1 }],
    ["Kaspersky'nin ürünleri", { Kaspersky: 1 }],
    // Not the name: other words that begin with "Kasper".
    ['Kasper Schmeichel, Kasperi Kapanen and Kasperczak', {}],
    ['Kasperskyjaxx', {}],
    // Cyrillic, with the case forms of Russian, Ukrainian, Bulgarian and Serbian.
    ['«Лаборатория Касперского» и Евгений Касперский', { Касперский: 2 }],
    ['продукти «Лабораторії Касперського»', { Касперский: 1 }],
    ['Касперски Лаб', { Касперский: 1 }],
    ['КАСПЕРСКОМУ', { Касперский: 1 }],
    ['Каспер и Касперов', {}],
    // Japanese and Chinese: no spaces, so no bounds; particles and neighbours are fine.
    ['米国がカスペルスキーの販売を禁止', { カスペルスキー: 1 }],
    ['美国禁止销售卡巴斯基软件', { 卡巴斯基: 1 }],
    // Korean: the particle joins the name; Hyundai's Casper (캐스퍼) is another name.
    ['카스퍼스키의 제품과 카스퍼스키는', { 카스퍼스키: 2 }],
    ['현대 캐스퍼 출시', {}],
    // Greek, Arabic and Hebrew (prefixes join the name in Arabic and Hebrew).
    ['η Κάσπερσκι και η ΚΑΣΠΕΡΣΚΙ', { Κάσπερσκι: 2 }],
    ['وكاسبرسكي وشركة كاسبيرسكي', { كاسبرسكي: 2 }],
    ['חברת קספרסקי ובקספרסקי', { קספרסקי: 2 }],
    // The UK's centre as other languages name it.
    ['das britische Nationale Cyber-Sicherheitszentrum und das Nationale Zentrum für Cybersicherheit', { 'Nationales Zentrum für Cybersicherheit': 2 }],
    ['le Centre national de cybersécurité britannique', { 'Centre national de cybersécurité': 1 }],
    ['el Centro Nacional de Ciberseguridad británico', { 'Centro Nacional de Ciberseguridad': 1 }],
    [
      'Национальный центр кибербезопасности Великобритании; Национального центра кибербезопасности; Національний центр кібербезпеки',
      { 'Национальный центр кибербезопасности': 3 },
    ],
    ['英国の国家サイバーセキュリティセンター', { 国家サイバーセキュリティセンター: 1 }],
    ['英国国家网络安全中心和英國國家網絡安全中心', { 国家网络安全中心: 2 }],
    // Japan's own cabinet centre and Ukraine's coordination centre are not the name.
    ['内閣サイバーセキュリティセンター', {}],
    ['Національний координаційний центр кібербезпеки', {}],
  ])('%s', (text, expected) => {
    expect(counted(text)).toEqual(expected);
  });
});

test.each([
  ['Das Nationale Zentrum für Cybersicherheit (NCSC) warnt.', 1],
  ['Le Centre national de cybersécurité (NCSC) prévient.', 1],
  ['Национальный центр кибербезопасности (NCSC) предупредил.', 1],
  ['英国国家网络安全中心（NCSC）表示。', 1],
  ['Das Nationale Zentrum für Cybersicherheit warnt. Das NCSC rät.', 2],
])('the name in another language followed by "(NCSC)" is one mention: %s', (text, mentions) => {
  expect(detectTopic(page({ text })).mentions.ncsc).toBe(mentions);
});

const matches: [string, PageSample, Topic[]][] = [
  [
    'Russian: the lab and its founder, in case forms',
    page({
      url: 'https://news.example.ru/tech/2024/06/21/sankcii',
      lang: 'ru',
      title: 'США запретили продажу антивируса «Лаборатории Касперского»',
      text:
        'Министерство торговли США запретило продавать программы «Лаборатории Касперского». ' +
        'Евгений Касперский назвал решение политическим. Клиентам Касперского дали время найти замену.',
    }),
    ['kaspersky'],
  ],
  [
    'Croatian title with "Kasperskyja"',
    page({
      lang: 'hr',
      title: 'SAD zabranio prodaju Kasperskyja',
      text: 'Američka vlada zabranila je prodaju antivirusnih programa tvrtke Kaspersky.',
    }),
    ['kaspersky'],
  ],
  [
    'Japanese page about カスペルスキー',
    page({
      lang: 'ja',
      title: '米商務省、カスペルスキー製品の販売を禁止',
      text: '米商務省はカスペルスキーのソフトウェアの販売を禁止すると発表した。カスペルスキーは決定に反論した。',
    }),
    ['kaspersky'],
  ],
  [
    'German page about the UK centre',
    page({
      lang: 'de',
      title: 'Britisches Nationales Zentrum für Cybersicherheit warnt vor Angriffen',
      text: 'Das Nationale Zentrum für Cybersicherheit (NCSC) in Großbritannien warnt Unternehmen. Das NCSC gehört zum GCHQ in London.',
    }),
    ['ncsc'],
  ],
  [
    'Russian page about the UK centre, in case forms',
    page({
      lang: 'ru',
      title: 'Национальный центр кибербезопасности Великобритании предупредил о взломах',
      text: 'Представитель Национального центра кибербезопасности Великобритании заявил, что британские компании под угрозой.',
    }),
    ['ncsc'],
  ],
  [
    'Chinese page about the UK centre',
    page({
      lang: 'zh-CN',
      title: '英国国家网络安全中心发布警告',
      text: '英国国家网络安全中心表示，勒索软件仍是最大威胁。该中心隶属于政府通信总部。',
    }),
    ['ncsc'],
  ],
  [
    'Dutch page about the UK centre, despite its declared language',
    page({
      lang: 'nl',
      title: 'Brits NCSC waarschuwt voor Russische hackers',
      text: 'Het Britse NCSC, onderdeel van GCHQ, waarschuwt bedrijven in het Verenigd Koninkrijk. Het NCSC in Londen publiceerde advies.',
    }),
    ['ncsc'],
  ],
  [
    "Irish-language page about Britain's centre, which Irish names as it names Ireland's",
    page({
      lang: 'ga',
      title: 'Comhairle ón mBreatain faoi chuntais',
      text: 'Tá Lárionad Náisiúnta Cibearshlándála na Breataine (NCSC) ag tabhairt comhairle. Is cuid de GCHQ é. Dúirt an NCSC go bhfuil iarrthóirí i dTuaisceart Éireann i mbaol. Tá seirbhís nua ag an NCSC.',
    }),
    ['ncsc'],
  ],
  [
    "Finnish page about Britain's centre, which Finnish names as it names Finland's",
    page({
      lang: 'fi',
      title: 'Britannian kyberturvallisuuskeskus varoittaa',
      text: 'Britannian kansallinen kyberturvallisuuskeskus NCSC varoittaa. NCSC:n mukaan hyökkäyksiä on enemmän. NCSC julkaisi neuvoja Britanniassa.',
    }),
    ['ncsc'],
  ],
];

const nonMatches: [string, PageSample, string | null][] = [
  [
    'Dutch Nationaal Cyber Security Centrum, in Dutch',
    page({
      lang: 'nl',
      title: 'NCSC waarschuwt voor phishinggolf',
      text: 'Het Nationaal Cyber Security Centrum (NCSC) waarschuwt Nederlandse bedrijven. Volgens het NCSC zijn tientallen organisaties in Nederland getroffen. Het NCSC adviseert updates.',
    }),
    'Dutch NCSC',
  ],
  [
    "Switzerland's centre, under its former German name",
    page({
      lang: 'de-CH',
      title: 'Nationales Zentrum für Cybersicherheit meldet Rekord',
      text: 'Das Nationale Zentrum für Cybersicherheit (NCSC) des Bundes hat mehr Meldungen erhalten. Das NCSC in Bern rät der Schweizer Bevölkerung zur Vorsicht. Die Schweiz plant ein Bundesamt für Cybersicherheit.',
    }),
    'Swiss NCSC',
  ],
  [
    "Ireland's centre in an Irish-language release",
    page({
      lang: 'ga',
      title: 'Rabhadh ón NCSC faoi ríomhphoist bhréige',
      text: 'D’eisigh An Lárionad Náisiúnta Cibearshlándála (NCSC) rabhadh inniu. Dúirt an NCSC go bhfuil comhlachtaí in Éirinn i mbaol. Tá comhairle ag an NCSC.',
    }),
    'Irish NCSC',
  ],
  [
    "Norway's centre",
    page({
      lang: 'nb',
      title: 'NCSC varsler om angrep mot norske virksomheter',
      text: 'Nasjonalt cybersikkerhetssenter (NCSC) i NSM ber virksomheter i Norge oppdatere systemene. NCSC har sett flere angrep.',
    }),
    'Norwegian NCSC',
  ],
  [
    "Finland's centre",
    page({
      lang: 'fi',
      title: 'Kyberturvallisuuskeskus varoittaa huijauksista',
      text: 'Traficomin Kyberturvallisuuskeskus (NCSC-FI) varoittaa. NCSC-FI:n mukaan huijauksia on Suomessa paljon. NCSC kehottaa varovaisuuteen.',
    }),
    'Finnish NCSC',
  ],
  [
    "Hungary's centre",
    page({
      lang: 'hu',
      title: 'Az NCSC figyelmeztet',
      text: 'A Nemzeti Kibervédelmi Intézet (NCSC) szerint Magyarországon nőtt a támadások száma. Az NCSC az NBSZ része. Az NCSC tanácsokat adott.',
    }),
    'Hungarian NCSC',
  ],
  [
    "Korea's centre",
    page({
      lang: 'ko',
      title: '국가사이버안보센터(NCSC), 해킹 경보 발령',
      text: '국가정보원 국가사이버안보센터(NCSC)는 한국 기관을 노린 공격이 늘었다고 밝혔다. NCSC는 보안 점검을 권고했다.',
    }),
    'Korean NCSC',
  ],
  [
    'the US counterintelligence centre, in Spanish',
    page({
      lang: 'es',
      title: 'Contrainteligencia alerta sobre reclutadores falsos',
      text: 'El Centro Nacional de Contrainteligencia y Seguridad (NCSC) advirtió a exfuncionarios. Según el NCSC, los espías se hacen pasar por consultoras. El NCSC pide denunciar los contactos.',
    }),
    'US counterintelligence',
  ],
  [
    'a passing mention of Kaspersky in Russian',
    page({
      lang: 'ru',
      title: 'Новый троян крадёт пароли',
      text: 'Исследователи «Лаборатории Касперского» обнаружили троян в марте. Пользователям советуют ставить приложения только из официальных магазинов.',
    }),
    null,
  ],
  [
    'a passing mention of the UK centre in German',
    page({
      lang: 'de',
      title: 'Ransomware legt Krankenhaus lahm',
      text: 'Ein Angriff hat ein Krankenhaus lahmgelegt. Auch das britische Nationale Zentrum für Cybersicherheit hatte vor der Bande gewarnt. Die Polizei ermittelt.',
    }),
    null,
  ],
];

describe('detectTopic in other languages', () => {
  test.each(matches)('matches: %s', (_, sample, topics) => {
    expect(detectTopic(sample).topics).toEqual(topics);
  });

  test.each(nonMatches)('does not match: %s', (_, sample, namesake) => {
    const verdict = detectTopic(sample);
    expect(verdict.topics).toEqual([]);
    if (namesake) expect(verdict.evidence).toContainEqual({ topic: 'ncsc', term: `namesake: ${namesake}`, place: 'body', count: 1 });
  });
});

describe("the page's declared language", () => {
  // "NCSC" with no word of anyone's context: the UK's, unless the page's language says otherwise.
  const bare = page({ title: 'NCSC warnt', text: 'Das NCSC warnt vor Betrug. Das NCSC rät zur Vorsicht. Das NCSC hat eine Seite.' });

  test.each<[string, string | null]>([
    ['', null],
    ['en', null],
    ['de', null],
    ['en-GB', null],
    ['nl', 'Dutch NCSC'],
    ['nl-NL', 'Dutch NCSC'],
    ['de-CH', 'Swiss NCSC'],
    ['fr-ch', 'Swiss NCSC'],
    ['nb', 'Norwegian NCSC'],
    ['fi', 'Finnish NCSC'],
    ['hu', 'Hungarian NCSC'],
    ['ko', 'Korean NCSC'],
    ['ga', 'Irish NCSC'],
  ])('lang "%s": %s', (lang, namesake) => {
    const verdict = detectTopic({ ...bare, lang });
    expect(verdict.topics).toEqual(namesake ? [] : ['ncsc']);
    expect(verdict.evidence.some((e) => e.term === `namesake: ${namesake}`)).toBe(namesake !== null);
  });

  test("English pages are read for English context only: other languages' words cost them nothing", () => {
    const dutchWords = { ...bare, text: `${bare.text} Het ministerie van Justitie en Veiligheid en de Rijksoverheid in Nederland.` };
    expect(detectTopic({ ...dutchWords, lang: '' }).topics).toEqual([]);
    expect(detectTopic({ ...dutchWords, lang: 'en-US' }).topics).toEqual(['ncsc']);
  });

  test("is outweighed by the page's own words for the UK", () => {
    const verdict = detectTopic({ ...bare, lang: 'nl', text: `${bare.text} Het Britse centrum in Londen.` });
    expect(verdict.topics).toEqual(['ncsc']);
  });
});
