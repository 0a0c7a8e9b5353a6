import { describe, expect, it } from 'vitest';
import { canonicalLanguage, languageDirection, languageTag } from '../../src/model/language.js';

describe('language tags', () => {
  it('canonicalises BCP 47 tags', () => {
    expect(canonicalLanguage('EN-us')).toBe('en-US');
    expect(canonicalLanguage('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(canonicalLanguage('de')).toBe('de');
    expect(languageTag.parse('pt-br')).toBe('pt-BR');
  });
  it('refuses what is not a tag', () => {
    for (const bad of ['english', 'en_US_', 'e', '123', 'en-', '']) expect(canonicalLanguage(bad), bad).toBeUndefined();
    expect(languageTag.safeParse('english').success).toBe(false);
  });
  it('knows the direction of a language from its (likely) script', () => {
    for (const rtl of ['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb', 'syr', 'nqo', 'ff-Adlm', 'rhg', 'az-Arab', 'pa-Arab', 'iw', 'ar-EG']) {
      expect(languageDirection(rtl), rtl).toBe('rtl');
    }
    for (const ltr of ['en', 'de', 'zh', 'zh-Hant', 'ja', 'hi', 'ru', 'el', 'sd-Deva', 'ku', 'az', 'und']) expect(languageDirection(ltr), ltr).toBe('ltr');
  });
});
