// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { detectTopic, LIMITS, type PageSample } from '../../../src/shared/detect-topic';
import type { Topic } from '../../../src/shared/topics';

const page = (p: Partial<PageSample>): PageSample => ({ url: 'https://news.example.com/story', title: '', headings: [], meta: [], text: '', ...p });

const matches: [string, PageSample, Topic[]][] = [
  [
    'Kaspersky article (title + body)',
    page({
      url: 'https://www.example-news.com/technology/kaspersky-lab-denies-spying-claims',
      title: 'Kaspersky Lab denies claims its antivirus helped Russian spies | Example News',
      headings: ['Kaspersky Lab denies claims its antivirus helped Russian spies'],
      meta: ['The Moscow-based security firm says it has never helped any government with cyber-espionage.'],
      text:
        'Kaspersky Lab has rejected reports that its antivirus software was used to take files from a contractor’s home computer. ' +
        'The company said it had never helped any government. Eugene Kaspersky, the firm’s founder, offered to let outside experts review its source code.',
    }),
    ['kaspersky'],
  ],
  [
    'Kaspersky subject only in the body, 3+ times',
    page({
      title: 'Antivirus maker opens transparency centre in Zurich',
      headings: ['Antivirus maker opens transparency centre in Zurich'],
      text:
        'The Russian antivirus maker Kaspersky opened a centre where partners can review its code. ' +
        'Kaspersky said the move would rebuild trust after governments banned its products. ' +
        'Critics said the step would not answer all concerns about Kaspersky and its links to Moscow.',
    }),
    ['kaspersky'],
  ],
  [
    'UK NCSC article with UK context',
    page({
      url: 'https://www.bbc.co.uk/news/technology-41234567',
      title: 'UK cyber agency warns of Russian attacks on routers - BBC News',
      headings: ['UK cyber agency warns of Russian attacks on routers'],
      text:
        'The National Cyber Security Centre (NCSC), part of GCHQ, says Russian state hackers have targeted millions of routers. ' +
        'Ciaran Martin, chief executive of the NCSC, said British businesses and homes were affected. ' +
        'Advice for small firms is published at ncsc.gov.uk.',
    }),
    ['ncsc'],
  ],
  [
    '"Center" spelling from a US outlet about the UK agency',
    page({
      url: 'https://www.example-times.com/2018/02/15/world/europe/britain-russia-cyberattack.html',
      title: 'Britain’s National Cyber Security Center Blames Russia for NotPetya Attack',
      headings: ['Britain’s National Cyber Security Center Blames Russia for NotPetya Attack'],
      text:
        'LONDON — Britain on Thursday blamed Russia for a cyberattack that hit companies across Europe last year. ' +
        'The National Cyber Security Center, an arm of the GCHQ intelligence agency, said the Russian military was almost certainly responsible. ' +
        'Ciaran Martin, who leads the National Cyber Security Center, said British firms had lost hundreds of millions of pounds.',
    }),
    ['ncsc'],
  ],
  [
    'GCHQ in the headline, its NCSC named twice in the body',
    page({
      title: 'GCHQ warns AI will make scam emails impossible to spot',
      headings: ['GCHQ warns AI will make scam emails impossible to spot'],
      text:
        'Britain’s cyber spies say chatbots will help crooks. The National Cyber Security Centre, part of GCHQ, said attacks would grow. ' +
        'NCSC boss Lindy Cameron urged people to use strong passwords.',
    }),
    ['ncsc'],
  ],
  [
    'the UK’s cyber agency, named mostly by description',
    page({
      title: 'Edge devices are the new front line, says UK cyber agency',
      text: 'The UK’s cyber security agency told firms to patch firewalls and VPNs. The National Cyber Security Centre said attackers favour such devices.',
    }),
    ['ncsc'],
  ],
  [
    'both topics',
    page({
      url: 'https://www.example-news.co.uk/technology/ncsc-kaspersky-warning',
      title: 'NCSC warns government departments off Kaspersky and other Russian antivirus',
      text:
        'The UK’s National Cyber Security Centre has told government departments not to use Russian antivirus on secret systems. ' +
        'Ciaran Martin said the NCSC was talking to Kaspersky Lab about independent checks. Kaspersky said it was working with the British agency.',
    }),
    ['kaspersky', 'ncsc'],
  ],
];

const nonMatches: [string, PageSample][] = [
  [
    'GCHQ in the headline but the NCSC named once in passing',
    page({
      title: 'GCHQ opens new office in Manchester',
      headings: ['GCHQ opens new office in Manchester'],
      text:
        'The intelligence agency said hundreds of jobs would move north. Staff from the National Cyber Security Centre will share the building. ' +
        'The office will focus on recruiting engineers from local universities, officials said.',
    }),
  ],
  [
    'US National Counterintelligence and Security Center (ODNI)',
    page({
      url: 'https://www.capitolwire.example/ncsc-warns-firms-about-fake-recruiters',
      title: 'NCSC warns US firms about foreign recruitment on professional networks',
      headings: ['NCSC warns US firms about foreign recruitment on professional networks'],
      text:
        'The National Counterintelligence and Security Center (NCSC) has warned American companies that foreign spies pose as recruiters online. ' +
        'The NCSC, part of the Office of the Director of National Intelligence (ODNI), said the approaches target cleared staff. ' +
        'Officials said the NCSC had seen a rise in such approaches.',
    }),
  ],
  [
    'Dutch Nationaal Cyber Security Centrum',
    page({
      url: 'https://www.dutchnews.example/2023/05/ncsc-warns-of-phishing-wave',
      title: 'NCSC warns of phishing wave targeting Dutch firms',
      headings: ['NCSC warns of phishing wave targeting Dutch firms'],
      text:
        'The Nationaal Cyber Security Centrum (NCSC) has warned Dutch companies about a wave of phishing emails. ' +
        'The NCSC, based in The Hague, said several firms in the Netherlands had lost money. Advice is available on ncsc.nl.',
    }),
  ],
  [
    'Swiss National Cyber Security Centre',
    page({
      url: 'https://www.swissinfo.example/eng/ncsc-report-cyber-incidents',
      title: 'Swiss NCSC reports record number of cyber incidents',
      headings: ['Swiss NCSC reports record number of cyber incidents'],
      text:
        'Switzerland’s National Cyber Security Centre (NCSC) received more than 30,000 reports last year. ' +
        'The NCSC in Bern said fraud calls made up most of them. Reports can be made at ncsc.admin.ch.',
    }),
  ],
  [
    'New Zealand National Cyber Security Centre',
    page({
      url: 'https://www.nzherald.example/technology/ncsc-annual-threat-report',
      title: 'NCSC: state-sponsored attacks on New Zealand rise',
      headings: ['NCSC: state-sponsored attacks on New Zealand rise'],
      text:
        'The National Cyber Security Centre, part of the GCSB, recorded more state-linked incidents against New Zealand organisations. ' +
        'The NCSC said it helped agencies in Wellington respond. Guidance is on ncsc.govt.nz.',
    }),
  ],
  [
    'Irish National Cyber Security Centre',
    page({
      url: 'https://www.irishtimes.example/technology/ncsc-hse-ransomware-review',
      title: 'NCSC says lessons learned from HSE ransomware attack',
      headings: ['NCSC says lessons learned from HSE ransomware attack'],
      text:
        'Ireland’s National Cyber Security Centre (NCSC) said the Health Service Executive attack showed gaps in public sector defences. ' +
        'The NCSC, based in Dublin, has hired more staff. Guidance is on ncsc.gov.ie.',
    }),
  ],
  [
    'US National Center for State Courts',
    page({
      url: 'https://www.courtnews.example/ncsc-survey-public-trust',
      title: 'NCSC survey finds public trust in state courts steady',
      headings: ['NCSC survey finds public trust in state courts steady'],
      text:
        'The National Center for State Courts (NCSC) released its annual survey on Tuesday. ' +
        'The NCSC found that most voters trust judges in their state. The full report is on ncsc.org.',
    }),
  ],
  [
    'India National Commission for Scheduled Castes',
    page({
      url: 'https://www.indianexpress.example/india/ncsc-seeks-report-on-attack',
      title: 'NCSC seeks report on attack on Dalit family',
      headings: ['NCSC seeks report on attack on Dalit family'],
      text:
        'The National Commission for Scheduled Castes (NCSC) has sought a report from police on an attack on a Dalit family. ' +
        'The NCSC chairman said the commission would visit the village. India’s laws protect Scheduled Castes from such violence.',
    }),
  ],
  [
    'single passing "Kaspersky researchers" mention in a malware story',
    page({
      url: 'https://www.example-news.com/technology/banking-trojan-android',
      title: 'New Android banking trojan steals passwords from 200 apps',
      headings: ['New Android banking trojan steals passwords from 200 apps'],
      text:
        'A new banking trojan hides in fake flashlight apps and steals logins from more than 200 banking apps. ' +
        'Kaspersky researchers first spotted the malware in March. Users should install apps only from official stores.',
    }),
  ],
  [
    'antivirus roundup naming Kaspersky once',
    page({
      url: 'https://www.reviews.example/best-antivirus-software',
      title: 'The best antivirus software for 2024',
      headings: ['The best antivirus software for 2024'],
      text:
        'We tested twelve antivirus suites. Bitdefender came top, followed by Norton, Kaspersky and ESET. ' +
        'Microsoft Defender, free with Windows, is good enough for most people.',
    }),
  ],
  [
    '"Kasper Schmeichel" football story',
    page({
      url: 'https://www.sport.example/football/kasper-schmeichel-saves-penalty',
      title: 'Kasper Schmeichel saves penalty as Denmark hold on',
      headings: ['Kasper Schmeichel saves penalty as Denmark hold on'],
      text: 'Kasper Schmeichel saved a late penalty as Denmark held on for a draw. Schmeichel, 37, said the team had fought hard.',
    }),
  ],
  [
    'generic cyber news',
    page({
      url: 'https://www.example-news.com/technology/hospital-ransomware',
      title: 'Ransomware attack forces hospital to cancel operations',
      headings: ['Ransomware attack forces hospital to cancel operations'],
      text: 'A ransomware attack has forced a hospital to cancel operations. The gang behind it demanded payment in bitcoin.',
    }),
  ],
];

describe('detectTopic', () => {
  test.each(matches)('matches: %s', (_name, sample, topics) => {
    const verdict = detectTopic(sample);
    expect(verdict.topics).toEqual(topics);
    expect(verdict.relevant).toBe(true);
    expect(verdict.confidence).toBeGreaterThan(0.5);
  });

  test.each(nonMatches)('does not match: %s', (_name, sample) => {
    const verdict = detectTopic(sample);
    expect(verdict.topics).toEqual([]);
    expect(verdict.relevant).toBe(false);
  });

  test('is pure: the same sample gives the same verdict', () => {
    expect(detectTopic(matches[0]![1])).toEqual(detectTopic(matches[0]![1]));
  });

  test('evidence lists term, place and count', () => {
    const verdict = detectTopic(
      page({
        url: 'https://news.example.com/kaspersky-ban',
        title: 'Kaspersky banned',
        text: 'Kaspersky makes antivirus. Kaspersky denies it.',
      }),
    );
    expect(verdict.evidence).toEqual(
      expect.arrayContaining([
        { topic: 'kaspersky', term: 'Kaspersky', place: 'url', count: 1 },
        { topic: 'kaspersky', term: 'Kaspersky', place: 'title', count: 1 },
        { topic: 'kaspersky', term: 'Kaspersky', place: 'lead', count: 2 },
      ]),
    );
    expect(verdict.mentions.kaspersky).toBe(2);
  });

  test('names the namesake in the evidence when NCSC is not the UK body', () => {
    const [, sample] = nonMatches.find(([name]) => name.startsWith('US National Counterintelligence'))!;
    const verdict = detectTopic(sample);
    expect(verdict.evidence).toContainEqual({ topic: 'ncsc', term: 'namesake: US counterintelligence', place: 'body', count: 1 });
  });

  test('"National Cyber Security Centre (NCSC)" counts as one mention', () => {
    const verdict = detectTopic(page({ text: 'The National Cyber Security Centre (NCSC) in London, part of GCHQ, issued advice.' }));
    expect(verdict.mentions.ncsc).toBe(1);
    const twice = detectTopic(page({ text: 'The National Cyber Security Centre in London issued advice. The NCSC is part of GCHQ.' }));
    expect(twice.mentions.ncsc).toBe(2);
  });

  test('"the UK\'s National Cyber Security Centre" counts once, "the UK\'s cyber agency" once', () => {
    const verdict = detectTopic(page({ text: 'The UK’s National Cyber Security Centre, part of GCHQ, spoke. Britain’s cyber agency said more.' }));
    expect(verdict.mentions.ncsc).toBe(2);
  });
});

describe('detectTopic places', () => {
  test('counts each match in the place it is in', () => {
    const lead = 'Kaspersky said one thing. Kaspersky said another. Kaspersky said a third. ';
    const verdict = detectTopic(
      page({
        url: 'https://news.example.com/story',
        title: 'Kaspersky and Kaspersky again',
        headings: [],
        text: `${lead.padEnd(LIMITS.lead, ' ')}Later on, Kaspersky said nothing more.`,
      }),
    );
    expect(verdict.evidence.filter((e) => e.topic === 'kaspersky')).toEqual([
      { topic: 'kaspersky', term: 'Kaspersky', place: 'title', count: 2 },
      { topic: 'kaspersky', term: 'Kaspersky', place: 'lead', count: 3 },
      { topic: 'kaspersky', term: 'Kaspersky', place: 'body', count: 1 },
    ]);
    expect(verdict.mentions.kaspersky).toBe(4);
  });

  test('a name split between the title and a heading is not a mention', () => {
    const verdict = detectTopic(
      page({
        url: 'https://news.example.com/story',
        title: 'Advice from the National Cyber',
        headings: ['Security Centre on antivirus'],
        meta: [],
        text: 'Departments were told to review their software.',
      }),
    );
    expect(verdict.evidence).toEqual([]);
  });
});

describe('detectTopic bounded work', () => {
  const filler = 'Markets were calm and the weather was mild across the region today. ';
  const mentions = ' Kaspersky said it would appeal. Kaspersky denied the claims. Kaspersky shares its code. Kaspersky again. ';
  const base = { url: 'https://news.example.com/story', title: 'Business roundup', headings: [], meta: [] };

  test('mentions after the first LIMITS.text characters of a 5,000,000-character text are not read', () => {
    const head = filler.repeat(Math.ceil((LIMITS.text + 1_000) / filler.length));
    const text = (head + mentions + filler.repeat(80_000)).slice(0, 5_000_000);
    expect(text.length).toBe(5_000_000);
    expect(text.indexOf('Kaspersky')).toBeGreaterThan(LIMITS.text);
    const verdict = detectTopic({ ...base, text });
    expect(verdict.relevant).toBe(false);
    expect(verdict.mentions.kaspersky).toBe(0);
  });

  test('the same mentions inside the first LIMITS.text characters are read', () => {
    const head = filler.repeat(Math.floor((LIMITS.text - 2_000) / filler.length));
    const text = (head + mentions + filler.repeat(80_000)).slice(0, 5_000_000);
    expect(text.lastIndexOf('Kaspersky')).toBeLessThan(LIMITS.text);
    const verdict = detectTopic({ ...base, text });
    expect(verdict.topics).toEqual(['kaspersky']);
    expect(verdict.mentions.kaspersky).toBe(4);
  });
});
