import { describe, expect, it } from 'vitest';
import {
  canHyphenate,
  hyphenate,
  isUrlLike,
  patternModuleFor,
} from '../../src/write/pdf/typeset/hyphenate.js';

/** The word with '-' at its hyphenation points. */
function marked(word: string, lang: string): string {
  const { text, points } = hyphenate(word, lang);
  let out = '';
  let from = 0;
  for (const p of points) {
    out += `${text.slice(from, p)}-`;
    from = p;
  }
  return out + text.slice(from);
}

describe('hyphenate', () => {
  it('hyphenates American English with the TeX patterns', () => {
    expect(hyphenate('hyphenation', 'en-US')).toEqual({ text: 'hyphenation', points: [2, 6] });
    expect(marked('hyphenation', 'en-US')).toBe('hy-phen-ation');
    expect(marked('typesetting', 'en')).toBe('type-set-ting');
    expect(marked('beautiful', 'en-US')).toBe('beau-ti-ful');
  });

  it('uses the British patterns for en-GB', () => {
    expect(marked('hyphenation', 'en-GB')).toBe('hy-phen-a-tion');
  });

  it('hyphenates German, Russian and Greek', () => {
    expect(marked('Silbentrennung', 'de')).toBe('Sil-ben-tren-nung');
    expect(marked('Donaudampfschifffahrt', 'de-DE')).toBe('Do-nau-dampf-schiff-fahrt');
    expect(marked('электричество', 'ru')).toBe('элек-три-че-ство');
    expect(marked('υπολογιστής', 'el')).toBe('υπο-λο-γι-στής');
  });

  it('keeps two characters before and three after a hyphen', () => {
    // The patterns allow ги-по-те-за and Ελ-λά-δα; the right minimum drops the last point.
    expect(marked('гипотеза', 'ru')).toBe('ги-по-теза');
    expect(marked('Ελλάδα', 'el')).toBe('Ελ-λάδα');
    expect(marked('καλημέρα', 'el-GR')).toBe('κα-λη-μέρα');
    expect(hyphenate('hyphenation', 'en-US', { leftMin: 3, rightMin: 5 }).points).toEqual([6]);
  });

  it('hyphenates the letters of a word, not its punctuation', () => {
    expect(marked('beautiful,', 'en')).toBe('beau-ti-ful,');
    expect(marked('“beautiful”', 'en')).toBe('“beau-ti-ful”');
    expect(marked('hyphenation-based', 'en')).toBe('hy-phen-ation-based');
  });

  it('never hyphenates words with digits, URLs, e-mail addresses or acronyms', () => {
    for (const word of ['abc123defghij', 'COVID-19', 'https://example.com/hyphenation', 'www.hyphenation.org',
      'mailto:someone@example.com', 'someone@hyphenation.org', 'UNESCO']) {
      expect(hyphenate(word, 'en').points, word).toEqual([]);
    }
  });

  it('honours soft hyphens, which never stay in the text', () => {
    expect(hyphenate('Ur\u00ADlaub', 'de')).toEqual({ text: 'Urlaub', points: [2] });
    // An author's soft hyphens replace the patterns (like TeX's \-), even in unknown languages.
    expect(hyphenate('hyphen\u00ADation', 'en')).toEqual({ text: 'hyphenation', points: [6] });
    expect(hyphenate('qa\u00ADplah', 'tlh')).toEqual({ text: 'qaplah', points: [2] });
    // Leading, trailing and doubled soft hyphens are no break.
    expect(hyphenate('\u00ADab\u00AD\u00ADcd\u00AD', 'en')).toEqual({ text: 'abcd', points: [2] });
  });

  it('gives no points (but the word intact) for unknown languages', () => {
    expect(hyphenate('typesetting', 'tlh')).toEqual({ text: 'typesetting', points: [] });
    expect(hyphenate('typesetting', 'und')).toEqual({ text: 'typesetting', points: [] });
    expect(hyphenate('typesetting', '')).toEqual({ text: 'typesetting', points: [] });
    expect(canHyphenate('tlh')).toBe(false);
    expect(canHyphenate('en-US')).toBe(true);
  });

  it('hyphenates decomposed (NFD) text without splitting a letter from its accent', () => {
    expect(marked('encyclopédie', 'fr')).toBe('en-cy-clo-pé-die');
    const nfd = 'encyclope\u0301die';
    const { text, points } = hyphenate(nfd, 'fr');
    expect(text).toBe(nfd);
    expect(points).toEqual([2, 4, 7, 10]);
  });

  it('returns the same answer from its cache', () => {
    const first = hyphenate('Silbentrennung', 'de-AT');
    expect(hyphenate('Silbentrennung', 'de-AT')).toEqual(first);
  });

  it('hyphenates the other supported languages', () => {
    const samples: [string, string, string][] = [
      ['fr', 'informatique', 'in-for-ma-tique'],
      ['es', 'ordenador', 'or-de-na-dor'],
      ['it', 'calcolatore', 'cal-co-la-tore'],
      ['nl', 'computer', 'com-pu-ter'],
      ['pt-BR', 'computador', 'com-pu-ta-dor'],
      ['pl', 'złożoność', 'zło-żo-ność'],
      ['sv', 'köpcentrum', 'köp-cent-rum'],
      ['da', 'datamaskine', 'da-ta-ma-skine'],
      ['nb', 'datamaskin', 'data-ma-skin'],
      ['fi', 'tietokone', 'tie-to-kone'],
      ['cs', 'počítač', 'po-čí-tač'],
      ['hu', 'számítógép', 'szá-mí-tó-gép'],
      ['tr', 'bilgisayar', 'bil-gi-sa-yar'],
    ];
    for (const [lang, word, expected] of samples) expect(marked(word, lang), lang).toBe(expected);
  });
});

describe('patternModuleFor', () => {
  it('maps BCP 47 tags to pattern sets', () => {
    const cases: Record<string, string | undefined> = {
      en: 'en-us', 'en-US': 'en-us', 'en-CA': 'en-us', 'en-GB': 'en-gb', 'en-AU': 'en-gb',
      de: 'de-1996', 'de-AT': 'de-1996', 'de-CH': 'de-1996', 'de-1901': 'de-1901', 'de-CH-1901': 'de-ch-1901',
      el: 'el-monoton', 'el-polyton': 'el-polyton', grc: 'grc',
      nb: 'nb', no: 'no', nn: 'nn', 'nb-NO': 'nb',
      'sr': 'sr-cyrl', 'sr-Latn-RS': 'sh-latn', 'sr-Cyrl': 'sr-cyrl',
      fr: 'fr', 'fr-CA': 'fr', es: 'es', 'es-419': 'es', it: 'it', nl: 'nl', pt: 'pt', 'pt-BR': 'pt',
      ru: 'ru', pl: 'pl', sv: 'sv', da: 'da', fi: 'fi', cs: 'cs', hu: 'hu', tr: 'tr', uk: 'uk',
      'zh-Hans': undefined, ja: undefined, und: undefined, tlh: undefined, '': undefined,
    };
    for (const [tag, name] of Object.entries(cases)) expect(patternModuleFor(tag), tag).toBe(name);
  });
});

describe('isUrlLike', () => {
  it('recognises URLs, hosts with paths and e-mail addresses', () => {
    for (const word of ['https://example.com', 'http://x.org/a?b=c', 'www.example.com', 'example.com/path',
      'mailto:a@b.c', 'user@example.org']) {
      expect(isUrlLike(word), word).toBe(true);
    }
    for (const word of ['and/or', 'e.g.', 'km/h', 'hyphenation', '1.5/2', 'U.S.A.']) {
      expect(isUrlLike(word), word).toBe(false);
    }
  });
});
