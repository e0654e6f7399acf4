import { describe, expect, it } from 'vitest';
import { DEFAULT_SEPARATORS, tokenize } from './tokenizer.ts';

const tags = (text: string) => tokenize(text).segments.map((s) => s.tag);

describe('tokenize', () => {
  it('uses the default separators without UNA', () => {
    const result = tokenize("UNB+UNOA:2+A+B+261201:1200+1'UNZ+0+1'");
    expect(result.una).toBe(false);
    expect(result.separators).toEqual(DEFAULT_SEPARATORS);
    expect(result.errors).toEqual([]);
    expect(result.segments[0]).toMatchObject({
      tag: 'UNB',
      position: 1,
      elements: [['UNOA', '2'], ['A'], ['B'], ['261201', '1200'], ['1']],
    });
  });

  it('reads UNA with the default characters', () => {
    const result = tokenize("UNA:+.? 'UNB+UNOA:2+A+B+261201:1200+1'UNZ+0+1'");
    expect(result.una).toBe(true);
    expect(result.separators).toEqual(DEFAULT_SEPARATORS);
    expect(tags("UNA:+.? '\nUNB+UNOA:2+A'\nUNZ+0+1'")).toEqual(['UNB', 'UNZ']);
  });

  it('reads custom separators, decimal mark and release character from UNA', () => {
    const result = tokenize('UNA|*,# !UNB*UNOB|2*A*B!EQD*CN*AB#!CD|X!');
    expect(result.separators).toEqual({
      component: '|',
      element: '*',
      decimal: ',',
      release: '#',
      repetition: null,
      segment: '!',
    });
    expect(result.segments.map((s) => [s.tag, s.elements])).toEqual([
      ['UNB', [['UNOB', '2'], ['A'], ['B']]],
      ['EQD', [['CN'], ['AB!CD', 'X']]],
    ]);
  });

  it('treats a space in the release position as no release character', () => {
    const result = tokenize("UNA:+.  'FTX+AAA+++50?'UNZ'");
    expect(result.separators.release).toBeNull();
    expect(result.segments[0]!.elements[3]).toEqual(['50?']);
  });

  it('keeps the repetition separator UNA gives (syntax version 4)', () => {
    expect(tokenize("UNA:+.?*'UNZ'").separators.repetition).toBe('*');
  });

  it('releases the apostrophe, plus, colon and the release character itself', () => {
    const result = tokenize("FTX+AAA+++O?'BRIEN ?+ SONS?: 50?? OFF'UNZ+0+1'");
    expect(result.segments[0]!.elements[3]).toEqual(["O'BRIEN + SONS: 50? OFF"]);
    expect(result.segments[1]!.tag).toBe('UNZ');
  });

  it('reads segments with no newline, LF, CRLF and blank lines between them alike', () => {
    for (const between of ['', '\n', '\r\n', '\n\n  \n']) {
      const result = tokenize(["UNB+1'", "BGM+2'", "UNZ+3'"].join(between) + between);
      expect(result.errors).toEqual([]);
      expect(result.segments.map((s) => [s.tag, s.elements[0]![0]])).toEqual([
        ['UNB', '1'],
        ['BGM', '2'],
        ['UNZ', '3'],
      ]);
    }
  });

  it('joins a segment wrapped over lines at a fixed width', () => {
    const result = tokenize("TDT+20+101W+1++EGL:172:20+++907\n4729:146::EVER\r\n TEST'");
    expect(result.segments[0]!.elements[7]).toEqual(['9074729', '146', '', 'EVER TEST']);
  });

  it('skips a byte order mark and leading whitespace', () => {
    expect(tags("\uFEFF\n  UNB+UNOC:3'UNZ'")).toEqual(['UNB', 'UNZ']);
  });

  it('counts lines for people reading the file', () => {
    const result = tokenize("UNB+X'\nUNH+1'\n\nBGM+44'");
    expect(result.segments.map((s) => s.line)).toEqual([1, 2, 4]);
  });

  it('lets UNA make the newline the segment terminator', () => {
    const result = tokenize('UNA:+.? \nUNB+UNOA:2\nBGM+44+O?\nK\n\nUNZ+0\n');
    expect(result.errors).toEqual([]);
    expect(result.segments.map((s) => s.tag)).toEqual(['UNB', 'BGM', 'UNZ']);
  });

  it('reports a last segment without terminator, and still returns it', () => {
    const result = tokenize("UNB+UNOA:2'UNZ+0+1");
    expect(result.segments.map((s) => s.tag)).toEqual(['UNB', 'UNZ']);
    expect(result.errors).toEqual([
      { position: 2, line: 1, reason: `segment UNZ is not terminated by "'" (end of input)` },
    ]);
  });

  it('reports a release character at the very end', () => {
    const result = tokenize("UNB+UNOA:2'FTX+AAA?");
    expect(result.errors.map((e) => e.reason)).toContain(
      'release character at the end of the input',
    );
  });

  it('reports an empty segment and a tag that is not one', () => {
    const result = tokenize("UNB+UNOA''bgm+44'");
    expect(result.errors.map((e) => [e.position, e.reason])).toEqual([
      [2, 'empty segment (two segment terminators in a row)'],
      [2, '"bgm" is not a segment tag (3 capital letters or digits)'],
    ]);
  });

  it('refuses a UNA that is too short or has clashing characters', () => {
    expect(tokenize('UNA:+').errors[0]!.reason).toMatch(/six service characters/);
    expect(tokenize("UNA::.? 'UNB'").errors[0]!.reason).toMatch(/not all different/);
    expect(tokenize("UNA:+.? 'UNB'").errors).toEqual([]);
  });

  it('returns nothing for empty input', () => {
    expect(tokenize('')).toMatchObject({ segments: [], errors: [] });
    expect(tokenize(' \n\r\n')).toMatchObject({ segments: [], errors: [] });
  });
});
