import { hasControlCharacter, isBlank, nameProblem } from './text';

describe('blank text', () => {
  it.each([
    ['empty', ''],
    ['spaces, tabs and line breaks', ' \t\r\n '],
    ['the ideographic space', '\u3000\u3000'],
    ['zero-width spaces', '\u200b\u200b'],
    ['zero-width joiners and non-joiners', '\u200c\u200d'],
    ['the word joiner and the byte-order mark', '\u2060\ufeff'],
    ['other format characters (soft hyphen, bidi marks)', '\u00ad\u200e\u202e'],
    ['control characters', '\u0000\u0007\u001b'],
    ['Hangul fillers and the combining grapheme joiner', '\u3164\u115f\u034f'],
  ])('is blank when it holds only %s', (_what, text) => {
    expect(isBlank(text)).toBe(true);
  });

  it('is not blank when one visible character is there, however much invisible text surrounds it', () => {
    expect(isBlank('\u200b复核更正\u200b')).toBe(false);
    expect(isBlank(' a ')).toBe(false);
    expect(isBlank('👩‍💻')).toBe(false);
  });
});

describe('names', () => {
  it('refuses NUL and any other control character anywhere', () => {
    expect(hasControlCharacter('阳光\u0000社工')).toBe(true);
    expect(nameProblem('阳光\u0000社工')).toMatch(/control characters/);
    expect(nameProblem('阳光\n社工')).toMatch(/control characters/);
    expect(nameProblem('\u200b')).toMatch(/blank/);
  });

  it('accepts an ordinary name', () => {
    expect(nameProblem('历城区阳光社会工作服务中心')).toBeNull();
    expect(nameProblem('O’Brien Social Work Centre')).toBeNull();
  });
});
