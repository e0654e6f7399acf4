import { describe, expect, it } from 'vitest';
import { detectLanguage, MESSAGES, type Language } from './i18n.ts';

const LANGUAGES = Object.keys(MESSAGES) as Language[];

describe('MESSAGES', () => {
  it('has English and Simplified Chinese', () => {
    expect(LANGUAGES.sort()).toEqual(['en', 'zh-CN']);
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(MESSAGES['zh-CN']).sort()).toEqual(Object.keys(MESSAGES.en).sort());
  });

  it.each(LANGUAGES)('has no empty message in %s', (language) => {
    const empty = Object.entries(MESSAGES[language]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('labels the language switch with the other language', () => {
    expect(MESSAGES.en.language).toBe('中文');
    expect(MESSAGES['zh-CN'].language).toBe('EN');
  });

  it('really translates: Chinese messages differ from English ones', () => {
    const same = Object.keys(MESSAGES.en).filter(
      (key) =>
        MESSAGES.en[key as keyof typeof MESSAGES.en] ===
        MESSAGES['zh-CN'][key as keyof typeof MESSAGES.en],
    );
    expect(same).toEqual([]);
  });
});

describe('detectLanguage', () => {
  it.each(['en', 'zh-CN'] as const)('keeps a stored choice of %s over the browser', (stored) => {
    const browser = stored === 'en' ? ['zh-CN'] : ['en-GB'];
    expect(detectLanguage(stored, browser)).toBe(stored);
  });

  it.each([
    ['a Chinese browser', ['zh-CN'], 'zh-CN'],
    ['Traditional Chinese', ['zh-TW'], 'zh-CN'],
    ['a bare zh tag', ['zh'], 'zh-CN'],
    ['an upper-case tag', ['ZH-cn'], 'zh-CN'],
    ['Chinese as second choice', ['en-US', 'zh-CN'], 'zh-CN'],
    ['an English browser', ['en-US', 'en'], 'en'],
    ['another language', ['de-DE', 'fr'], 'en'],
    ['no browser languages', [], 'en'],
  ])('follows %s when nothing is stored', (_label, browser, expected) => {
    expect(detectLanguage(null, browser)).toBe(expected);
  });

  it.each(['fr', 'zh', 'EN', 'zh-cn', ''])(
    'ignores an unknown stored value %j and asks the browser',
    (stored) => {
      expect(detectLanguage(stored, ['zh-CN'])).toBe('zh-CN');
      expect(detectLanguage(stored, ['en'])).toBe('en');
    },
  );
});
