// The marks' search in every script: the forms of the story's names other languages use, where a
// name begins and ends next to each script's letters, and the English pages marked as before.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMentionsInNode } from '../../../../src/content/marks/chunked-search';
import { compileMatcher, findMentions, OTHER_SCRIPTS } from '../../../../src/content/marks/mentions';
import { aliasForms } from '../../../../src/shared/alias-forms';
import { story } from '../../../../src/shared/story';

const matcher = compileMatcher(story.entities);
/** Each mention in `text` as "words:entity". */
const marks = (text: string) => findMentions(text, matcher).map((m) => `${text.slice(m.start, m.end)}:${m.entity.id}`);

describe('names in other scripts and forms', () => {
  it.each<[string, string, string[]]>([
    [
      'Russian, the lab and its case forms',
      'Эксперты «Лаборатории Касперского» и сама Лаборатория Касперского',
      ['Лаборатории Касперского:kaspersky', 'Лаборатория Касперского:kaspersky'],
    ],
    ['Russian surname in the nominative and genitive', 'Касперский заявил; по словам Касперского', ['Касперский:kaspersky', 'Касперского:kaspersky']],
    ['Russian dative and instrumental', 'письмо Касперскому, встреча с Касперским', ['Касперскому:kaspersky', 'Касперским:kaspersky']],
    [
      'Ukrainian',
      'Продукти Касперського; Лабораторія Касперського; Євген Касперський',
      ['Касперського:kaspersky', 'Лабораторія Касперського:kaspersky', 'Касперський:kaspersky'],
    ],
    ['Bulgarian and Serbian', 'Касперски и Касперског', ['Касперски:kaspersky', 'Касперског:kaspersky']],
    ['Greek', 'η Κασπέρσκι και ο Κάσπερσκι', ['Κασπέρσκι:kaspersky', 'Κάσπερσκι:kaspersky']],
    ['Arabic, bare and with a joined conjunction', 'شركة كاسبرسكي وكاسبرسكي لاب', ['كاسبرسكي:kaspersky', 'وكاسبرسكي لاب:kaspersky']],
    [
      'Hebrew, bare and with joined prepositions and conjunctions',
      'חברת קספרסקי, ובקספרסקי, שלקספרסקי',
      ['קספרסקי:kaspersky', 'ובקספרסקי:kaspersky', 'שלקספרסקי:kaspersky'],
    ],
    ['Hebrew, a letter that is no prefix', 'אקספרסקי', []],
    ['Japanese, followed by a particle and by kanji', 'カスペルスキーの製品、カスペルスキー社', ['カスペルスキー:kaspersky', 'カスペルスキー:kaspersky']],
    ['Japanese, the lab written with a middle dot', 'カスペルスキー・ラボは', ['カスペルスキー・ラボ:kaspersky']],
    [
      'Chinese, simplified and traditional lab, and a particle',
      '卡巴斯基实验室说，卡巴斯基實驗室，卡巴斯基的产品',
      ['卡巴斯基实验室:kaspersky', '卡巴斯基實驗室:kaspersky', '卡巴斯基:kaspersky'],
    ],
    ['Korean, particles attached', '카스퍼스키의 제품, 카스퍼스키는, 카스퍼스키랩', ['카스퍼스키:kaspersky', '카스퍼스키:kaspersky', '카스퍼스키랩:kaspersky']],
    [
      'Croatian, Serbian, Czech, Polish, Turkish: the name as written',
      "Kasperskyja, Kasperskog, Kasperského, Kasperskiego, Kaspersky'nin, Kaspersky’nin",
      [
        'Kasperskyja:kaspersky',
        'Kasperskog:kaspersky',
        'Kasperského:kaspersky',
        'Kasperskiego:kaspersky',
        "Kaspersky'nin:kaspersky",
        'Kaspersky’nin:kaspersky',
      ],
    ],
    [
      'Finnish, Hungarian, German',
      'Kasperskyn, Kasperskyt, Kasperskyvel, Kasperskys',
      ['Kasperskyn:kaspersky', 'Kasperskyt:kaspersky', 'Kasperskyvel:kaspersky', 'Kasperskys:kaspersky'],
    ],
    [
      'German names of the NCSC in their cases',
      'das Nationale Zentrum für Cybersicherheit, des Nationalen Zentrums für Cybersicherheit, Nationales Cyber-Sicherheitszentrum',
      ['Nationale Zentrum für Cybersicherheit:ncsc', 'Nationalen Zentrums für Cybersicherheit:ncsc', 'Nationales Cyber-Sicherheitszentrum:ncsc'],
    ],
    [
      'French and Spanish names of the NCSC',
      'le Centre national de cybersécurité britannique et le Centro Nacional de Ciberseguridad',
      ['Centre national de cybersécurité:ncsc', 'Centro Nacional de Ciberseguridad:ncsc'],
    ],
    [
      'Russian NCSC in its cases, capitalised or not',
      'Национальный центр кибербезопасности; национального центра кибербезопасности Великобритании',
      ['Национальный центр кибербезопасности:ncsc', 'национального центра кибербезопасности:ncsc'],
    ],
    ['Ukrainian NCSC', 'Національного центру кібербезпеки', ['Національного центру кібербезпеки:ncsc']],
    [
      'Chinese and Japanese NCSC',
      '英国国家网络安全中心表示，英国の国家サイバーセキュリティセンターは',
      ['国家网络安全中心:ncsc', '国家サイバーセキュリティセンター:ncsc'],
    ],
    [
      'Ciaran Martin in Cyrillic and with the Irish spelling',
      'Сиаран Мартин, Чаран Мартін, слова Сиарана Мартина, Ciarán Martin',
      ['Сиаран Мартин:ciaran-martin', 'Чаран Мартін:ciaran-martin', 'Сиарана Мартина:ciaran-martin', 'Ciarán Martin:ciaran-martin'],
    ],
    [
      'the other entities in other scripts',
      'агентство Рейтер, ロイター通信, 路透社报道, правительство Великобритании, правительства США, バークレイズ',
      [
        'Рейтер:reuters',
        'ロイター:reuters',
        '路透社:reuters',
        'правительство Великобритании:uk-government',
        'правительства США:us-government',
        'バークレイズ:barclays',
      ],
    ],
    ['Latin names in Chinese, Japanese and Korean text', '据Reuters报道，NCSCは、Kaspersky의', ['Reuters:reuters', 'NCSC:ncsc', 'Kaspersky:kaspersky']],
  ])('%s', (_name, text, expected) => {
    expect(marks(text)).toEqual(expected);
  });
});

describe('where a name begins and ends', () => {
  it.each<[string, string, string[]]>([
    ['a longer Latin word, or a shorter one', 'Kasperi, Kasper, Kasperczak, Kasperskyite', []],
    ['an accented letter next to a Latin name (ASCII \\b would see a boundary)', 'Kasperskyé éKaspersky NCSCü', []],
    ['a Cyrillic letter next to a Latin name', 'Kasperskyй яNCSC', []],
    ['a longer Cyrillic word', 'Касперскийский, суперКасперский, Касперсков', []],
    ['a longer katakana word on either side', 'スカスペルスキー、カスペルスキーズ、アロイター', []],
    ['a longer Hangul word before the name', '한카스퍼스키', []],
    ['a longer Greek word', 'Κασπέρσκιος', []],
    ['an ending the name does not take, so the shorter name is not marked inside it either', 'Kasperskyja Kasperskyjaa', ['Kasperskyja:kaspersky']],
    ['a digit or underscore', 'Kaspersky2 _NCSC NCSC_ 2Reuters', []],
    [
      'punctuation and spaces',
      '(Kaspersky) «Касперский» 「カスペルスキー」 -Reuters-',
      ['Kaspersky:kaspersky', 'Касперский:kaspersky', 'カスペルスキー:kaspersky', 'Reuters:reuters'],
    ],
    ['the longest form that is a whole word', 'Kaspersky Labs, Лаборатория Касперскогоо', ['Kaspersky:kaspersky']],
    ['a letter outside the Basic Multilingual Plane', '𝐀Kaspersky Kaspersky𝐀 𠀀卡巴斯基𠀀', ['卡巴斯基:kaspersky']],
  ])('%s', (_name, text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it('English names are matched as before, case and all', () => {
    expect(marks("Kaspersky's software, KASPERSKY, kaspersky.com, the NCSC's advice, Kaspersky-made, Kaspersky’s\u00a0NCSC—Reuters…")).toEqual([
      'Kaspersky:kaspersky',
      'NCSC:ncsc',
      'Kaspersky:kaspersky',
      'Kaspersky:kaspersky',
      'NCSC:ncsc',
      'Reuters:reuters',
    ]);
  });
});

describe('long text searched a window at a time', () => {
  const NAMES = [
    'Лаборатории Касперского',
    'Kasperskiego',
    "Kaspersky'nin",
    'カスペルスキー・ラボ',
    '卡巴斯基实验室',
    'Nationalen Zentrums für Cybersicherheit',
    '𝐀',
  ];

  it.each(NAMES.flatMap((name) => [1, 2, 3, 5, 8].map((chunk): [string, number] => [name, chunk])))(
    'finds "%s" across the window edges (%i characters a window) as one search of the whole text does',
    (name, chunk) => {
      for (const before of ['', 'x', ' ', 'я', 'カ', '卡']) {
        for (const after of ['', 'a', ' ', 'й', 'の', 'ー']) {
          const text = document.createTextNode(`${before}${name}${after} ${name}`);
          const found: string[] = [];
          for (let at = 0; at < text.length; ) {
            const step = findMentionsInNode(text, matcher, at, Math.min(at + chunk, text.length));
            found.push(...step.found.map((m) => `${m.start}-${m.end}`));
            at = step.next;
          }
          expect(found).toEqual(findMentions(text.data, matcher).map((m) => `${m.start}-${m.end}`));
        }
      }
    },
  );

  it('reaches as far as the longest written form, endings included', () => {
    const forms = story.entities.flatMap((e) => e.aliases.flatMap(aliasForms));
    expect(matcher.longest).toBe(Math.max(...forms.map((form) => form.length)));
    expect(forms).toContain('Nationalen Zentrums für Cybersicherheit');
  });
});

describe('English pages', () => {
  // The English aliases as they were before other languages' forms came, with ASCII word boundaries.
  const ENGLISH = ['National Cyber Security Centre', 'National Cyber Security Center', 'NCSC', 'Ciaran Martin', 'Kaspersky Lab', 'Kaspersky'];
  const OTHERS = ['UK government', 'British government', 'US government', 'Barclays', 'Reuters'];
  const before = new RegExp(`\\b(?:${[...ENGLISH, ...OTHERS].join('|')})\\b`, 'g');

  it('are searched for the Latin forms alone when their text has no character of another script, and with that matcher keep the same marks', () => {
    const english = compileMatcher(story.entities, 'Barclays drops Kaspersky software — “a precaution”, the NCSC’s chief said… €5m, 50°');
    const forms = [...english.forms.keys()];
    expect(forms).toContain('Kaspersky');
    expect(forms).toContain('Ciarán Martin');
    expect(forms).toContain('Kasperského');
    expect(forms).not.toContain('Касперский');
    expect(forms).not.toContain('카스퍼스키');
    expect(forms.length).toBeLessThan(matcher.forms.size / 2);
    const text = 'Kaspersky Lab, the NCSC and Ciarán Martin; Kaspersky’nin; Касперский';
    expect(findMentions(text, english).map((m) => text.slice(m.start, m.end))).toEqual(['Kaspersky Lab', 'NCSC', 'Ciarán Martin', 'Kaspersky’nin']);
  });

  it('with one character of another script in their text, are searched for every form', () => {
    for (const other of ['Москва', 'Αθήνα', 'תל אביב', 'القاهرة', '東京', 'カタカナ', '서울']) {
      expect(compileMatcher(story.entities, `Kaspersky in ${other}`).forms.size, other).toBe(matcher.forms.size);
    }
  });

  it('every alias not written in Latin letters has a character of the scripts that bring the whole set back', () => {
    const others = story.entities.flatMap((e) => e.aliases).filter((alias) => /[^ -\u024F]/.test(alias));
    expect(others.length).toBeGreaterThan(40);
    for (const alias of others) expect(OTHER_SCRIPTS.test(alias), alias).toBe(true);
  });

  it('keep exactly the marks they had: every English page of the labelled sets, markup and all', () => {
    let pages = 0;
    for (const dir of ['test/fixtures/pages', 'test/fixtures/holdout']) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(`${dir}/${file}`, 'utf8');
        if (!/<html[^>]*\slang="en/.test(html)) continue;
        pages += 1;
        const expected = [...html.matchAll(before)].map((m) => `${m.index}:${m[0]}`);
        expect(
          findMentions(html, matcher).map((m) => `${m.start}:${html.slice(m.start, m.end)}`),
          file,
        ).toEqual(expected);
      }
    }
    expect(pages).toBeGreaterThan(100);
  });
});
