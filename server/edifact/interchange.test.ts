import { describe, expect, it } from 'vitest';
import { parseInterchange } from './interchange.ts';
import { interchange, message } from './test-interchanges.ts';

const body = ['BGM+44+D1+9', 'DTM+137:202612010800:203'];

describe('parseInterchange', () => {
  it('reads UNB and the messages, numbering segments within each message from UNH = 1', () => {
    const text = interchange([message('M1', 'COARRI', body), message('M2', 'CODECO', body)], {
      reference: 'REF77',
      sender: 'SENDER',
    });
    const result = parseInterchange(text);
    expect(result.errors).toEqual([]);
    expect(result.header).toEqual({
      syntax: 'UNOC',
      syntaxVersion: '3',
      sender: 'SENDER',
      recipient: 'QUAYSIDE',
      preparedDate: '261201',
      preparedTime: '1200',
      reference: 'REF77',
    });
    expect(
      result.messages.map((m) => [
        m.reference,
        m.type,
        m.version,
        m.release,
        m.agency,
        m.association,
      ]),
    ).toEqual([
      ['M1', 'COARRI', 'D', '95B', 'UN', 'SMDG20'],
      ['M2', 'CODECO', 'D', '95B', 'UN', 'SMDG20'],
    ]);
    const [first, second] = result.messages;
    expect(first!.segments.map((s) => s.tag)).toEqual(['UNH', 'BGM', 'DTM', 'UNT']);
    expect(first!.errors).toEqual([]);
    expect(second!.position).toBe(6);
    expect(result.segmentCount).toBe(10);
  });

  it('reports a UNT segment count that is not the real count, in that message only', () => {
    const wrong = message('M1', 'COARRI', body);
    wrong[wrong.length - 1] = 'UNT+5+M1';
    const result = parseInterchange(interchange([wrong, message('M2', 'COARRI', body)]));
    expect(result.messages[0]!.errors).toEqual([
      { message: 'M1', segment: 4, reason: 'UNT says 5 segments, the message has 4 (UNH to UNT)' },
    ]);
    expect(result.messages[1]!.errors).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it('reports a UNT count that is not a number', () => {
    const wrong = message('M1', 'COARRI', body);
    wrong[wrong.length - 1] = 'UNT+X+M1';
    expect(parseInterchange(interchange([wrong])).messages[0]!.errors[0]!.reason).toBe(
      'UNT segment count "X" is not a number',
    );
  });

  it('reports a UNT reference that does not match UNH', () => {
    const wrong = message('M1', 'COARRI', body);
    wrong[wrong.length - 1] = 'UNT+4+M9';
    expect(parseInterchange(interchange([wrong])).messages[0]!.errors).toEqual([
      { message: 'M1', segment: 4, reason: 'UNT message reference "M9" does not match UNH "M1"' },
    ]);
  });

  it('reports a message without UNT and goes on with the next', () => {
    const cut = message('M1', 'COARRI', body).slice(0, -1);
    const result = parseInterchange(interchange([cut, message('M2', 'COARRI', body)]));
    expect(result.messages.map((m) => m.reference)).toEqual(['M1', 'M2']);
    expect(result.messages[0]!.errors).toEqual([
      {
        message: 'M1',
        segment: 4,
        reason: 'no UNT: the message ends at UNH (interchange segment 5)',
      },
    ]);
    expect(result.messages[1]!.errors).toEqual([]);
  });

  it('checks the UNZ message count and reference', () => {
    const text = interchange([message('M1', 'COARRI', body)], { reference: 'R1' }).replace(
      "UNZ+1+R1'",
      "UNZ+2+R2'",
    );
    expect(parseInterchange(text).errors).toEqual([
      { message: null, segment: 6, reason: 'UNZ says 2, the interchange has 1 messages' },
      { message: null, segment: 6, reason: 'UNZ reference "R2" does not match UNB "R1"' },
    ]);
  });

  it('reports a missing UNB or UNZ but still reads the messages', () => {
    const bare = message('M1', 'COARRI', body)
      .map((s) => `${s}'`)
      .join('');
    const result = parseInterchange(bare);
    expect(result.header).toBeNull();
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]!.errors).toEqual([]);
    expect(result.errors.map((e) => e.reason)).toEqual([
      'no UNB interchange header',
      'no UNZ interchange trailer',
    ]);
  });

  it('reads functional groups UNG .. UNE and counts groups in UNZ', () => {
    const segments = [
      'UNB+UNOA:2+A+B+261201:1200+IC1',
      'UNG+COARRI+A+B+261201:1200+G1+UN+D:95B',
      ...message('M1', 'COARRI', body),
      ...message('M2', 'COARRI', body),
      'UNE+2+G1',
      'UNZ+1+IC1',
    ];
    const result = parseInterchange(segments.map((s) => `${s}'`).join('\n'));
    expect(result.errors).toEqual([]);
    expect(result.messages.map((m) => m.errors)).toEqual([[], []]);

    const wrong = segments.map((s) => (s === 'UNE+2+G1' ? 'UNE+3+G9' : s));
    expect(
      parseInterchange(wrong.map((s) => `${s}'`).join('')).errors.map((e) => e.reason),
    ).toEqual([
      'UNE says 3 messages, the group has 2',
      'UNE reference "G9" does not match UNG "G1"',
    ]);
  });

  it('reports segments outside messages and after UNZ', () => {
    const text =
      interchange([message('M1', 'COARRI', body)]).replace('UNH+', "FTX+AAA'UNH+") + "BGM+1'";
    expect(parseInterchange(text).errors).toEqual([
      { message: null, segment: 2, reason: 'segment FTX outside a message' },
      { message: null, segment: 8, reason: 'segment BGM after UNZ' },
    ]);
  });

  it('reports a message reference used twice (it keys the event ids)', () => {
    const result = parseInterchange(
      interchange([message('M1', 'COARRI', body), message('M1', 'COARRI', body)]),
    );
    expect(result.messages[0]!.errors).toEqual([]);
    expect(result.messages[1]!.errors[0]!.reason).toMatch(/"M1" is used twice/);
  });

  it('puts a syntax problem inside a message into that message, at its segment number', () => {
    const text = interchange([message('M1', 'COARRI', ['BGM+44+D1+9', 'dtm+137'])]);
    expect(parseInterchange(text).messages[0]!.errors).toEqual([
      {
        message: 'M1',
        segment: 3,
        reason: '"dtm" is not a segment tag (3 capital letters or digits)',
      },
    ]);
  });

  it('reports an unknown syntax identifier and an empty interchange', () => {
    expect(parseInterchange(interchange([], { syntax: 'XYZ' })).errors[0]!.reason).toMatch(
      /syntax identifier "XYZ" unknown/,
    );
    expect(parseInterchange('').errors[0]!.reason).toBe('the interchange is empty');
  });

  it('accepts UNOA, UNOB and UNOC, and latin-1 text as it arrives in the string', () => {
    for (const syntax of ['UNOA', 'UNOB', 'UNOC']) {
      const result = parseInterchange(
        interchange([message('M1', 'COARRI', ['BGM+44+D1+9', 'FTX+AAA+++SÃO PAULO ÅRHUS'])], {
          syntax,
        }),
      );
      expect(result.errors).toEqual([]);
      expect(result.header!.syntax).toBe(syntax);
      expect(result.messages[0]!.segments[2]!.elements[3]).toEqual(['SÃO PAULO ÅRHUS']);
    }
  });
});
