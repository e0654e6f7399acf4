import { describe, expect, it } from 'vitest';
import { validateEvent } from '../ingest/validate-event.ts';
import { edifactReply, eventsOf, interpretInterchange, storedEventsOf } from './interpret.ts';
import {
  BAD_BOX,
  BOX,
  baplie,
  coarri,
  codeco,
  interchange,
  message,
  NOW,
  OPTIONS,
} from './test-interchanges.ts';

const mixed = () => [
  message('M1', 'COARRI', coarri('discharge', [{ box: BOX.a }, { box: BOX.b }])),
  message('M2', 'CODECO', codeco('in', [{ box: BOX.c }])),
  message('M3', 'BAPLIE', baplie([{ box: BOX.d, pol: 'KRPUS', pod: 'CNSHA' }])),
];

describe('interpretInterchange', () => {
  it('maps COARRI, CODECO and BAPLIE of one interchange, every event valid for ingest', () => {
    const result = interpretInterchange(interchange(mixed()), OPTIONS);
    expect(result.messages).toBe(3);
    expect(result.interchangeErrors).toEqual([]);
    expect(
      result.results.map((r) => [r.reference, r.type, r.version, r.events.length, r.errors]),
    ).toEqual([
      ['M1', 'COARRI', 'D:95B:UN:SMDG20', 2, []],
      ['M2', 'CODECO', 'D:95B:UN:SMDG20', 1, []],
      ['M3', 'BAPLIE', 'D:95B:UN:SMDG20', 2, []],
    ]);
    for (const event of eventsOf(result))
      expect(validateEvent(event, NOW)).toMatchObject({ ok: true });
    // What the batch writer takes, already validated.
    expect(storedEventsOf(result)).toEqual(
      eventsOf(result).map((e) => {
        const verdict = validateEvent(e, NOW);
        return verdict.ok && verdict.value;
      }),
    );
    expect(storedEventsOf(result)[0]).toMatchObject({ timeMs: Date.UTC(2026, 11, 1, 0, 15) });
  });

  it('reads the same interchange alike on one line, on LF lines, on CRLF lines and after UNA', () => {
    const variants = [
      interchange(mixed(), { newline: '' }),
      interchange(mixed(), { newline: '\n' }),
      interchange(mixed(), { newline: '\r\n' }),
      interchange(mixed(), { una: true, newline: '\r\n' }),
    ];
    const [first, ...others] = variants.map((text) => interpretInterchange(text, OPTIONS));
    expect(eventsOf(first!)).toHaveLength(5);
    for (const other of others) {
      expect(other.interchangeErrors).toEqual([]);
      expect(eventsOf(other)).toEqual(eventsOf(first!));
    }
  });

  it('reads custom separators from UNA, with release characters inside values', () => {
    const plain = interchange([
      message(
        'M1',
        'COARRI',
        coarri('discharge', [{ box: BOX.a }], { vessel: '9074729:146::NAMEX' }),
      ),
      message(
        'M2',
        'BAPLIE',
        baplie([{ box: BOX.b, pol: 'KRPUS', pod: 'CNSHA' }], { vessel: '9074729:146::NAMEX' }),
      ),
    ]);
    // Rewrite with UNA: component |, element *, release !, terminator ~ (our own choice),
    // releasing the characters of the vessel name that are separators now.
    const custom =
      'UNA|*.! ~' +
      plain
        .replace(/:/g, '|')
        .replace(/\+/g, '*')
        .replace(/'\n?/g, '~\n')
        .replaceAll('NAMEX', "O'NEILL!*SONS!~!!");
    const result = interpretInterchange(custom, OPTIONS);
    expect(result.interchangeErrors).toEqual([]);
    expect(result.separators).toMatchObject({
      component: '|',
      element: '*',
      release: '!',
      segment: '~',
    });
    const [m] = result.results;
    expect(m!.errors).toEqual([]);
    expect(m!.events).toHaveLength(1);
    expect(m!.events[0]).toMatchObject({ containerNumber: BOX.a, callId: 'IMO9074729:101W' });
    expect(result.results[1]!.errors).toEqual([]);
    expect(result.results[1]!.call?.vesselName).toBe("O'NEILL*SONS~!");
  });

  it('keeps the default release character working in every mapped value', () => {
    const body = coarri('discharge', [{ box: BOX.a }], {
      voyage: '10?+1W',
      vessel: "9074729:146::O?'NEILL ?: ??",
    });
    const [m] = interpretInterchange(interchange([message('M1', 'COARRI', body)]), OPTIONS).results;
    expect(m!.errors).toEqual([]);
    expect(m!.events[0]).toMatchObject({ callId: 'IMO9074729:10_1W' });
  });

  it('rejects a message whole for one bad container while the next message maps', () => {
    const result = interpretInterchange(
      interchange([
        message(
          'M1',
          'COARRI',
          coarri('discharge', [{ box: BOX.a }, { box: BAD_BOX }, { box: BOX.b }]),
        ),
        message('M2', 'COARRI', coarri('discharge', [{ box: BOX.c }])),
      ]),
      OPTIONS,
    );
    expect(result.results.map((r) => r.events.length)).toEqual([0, 1]);
    expect(edifactReply(result)).toEqual({
      messages: 2,
      events: 1,
      errors: [
        {
          message: 'M1',
          segment: 10,
          reason: `invalid container number ${BAD_BOX}: container number "${BAD_BOX}" has check digit 1, ISO 6346 gives 8`,
        },
      ],
    });
  });

  it('reports a wrong UNT count and maps nothing of that message', () => {
    const wrong = message('M1', 'COARRI', coarri('discharge', [{ box: BOX.a }]));
    wrong[wrong.length - 1] = 'UNT+99+M1';
    const result = interpretInterchange(interchange([wrong, mixed()[1]!]), OPTIONS);
    expect(result.results[0]!.events).toEqual([]);
    expect(result.results[0]!.errors).toEqual([
      {
        message: 'M1',
        segment: 11,
        reason: 'UNT says 99 segments, the message has 11 (UNH to UNT)',
      },
    ]);
    expect(result.results[1]!.events).toHaveLength(1);
  });

  it('reports a UNH/UNT reference mismatch and maps nothing of that message', () => {
    const wrong = message('M1', 'COARRI', coarri('discharge', [{ box: BOX.a }]));
    wrong[wrong.length - 1] = 'UNT+11+M2';
    const [m] = interpretInterchange(interchange([wrong]), OPTIONS).results;
    expect(m!.events).toEqual([]);
    expect(m!.errors[0]!.reason).toBe('UNT message reference "M2" does not match UNH "M1"');
  });

  it('reports a message type it does not map, calling out its invalid containers too', () => {
    const body = [
      'BGM+45+ORDER1+9',
      `EQD+CN+${BAD_BOX}+45G1:102:5++2+5`,
      `EQD+CN+${BOX.a}+45G1:102:5++2+5`,
    ];
    const result = interpretInterchange(
      interchange([message('O1', 'COPRAR', body), mixed()[1]!]),
      OPTIONS,
    );
    expect(result.results[0]).toMatchObject({
      type: 'COPRAR',
      events: [],
      containers: [BAD_BOX, BOX.a],
    });
    expect(result.results[0]!.errors.map((e) => [e.segment, e.reason])).toEqual([
      [1, 'message type COPRAR is not mapped (Quayside maps COARRI, CODECO, BAPLIE)'],
      [3, expect.stringContaining(`invalid container number ${BAD_BOX}`)],
    ]);
    expect(result.results[1]!.events).toHaveLength(1);
  });

  it('gives the same event ids when the same interchange comes again', () => {
    const text = interchange(mixed());
    const ids = (t: string) => eventsOf(interpretInterchange(t, OPTIONS)).map((e) => e.eventId);
    expect(ids(text)).toEqual(ids(text));
    expect(new Set(ids(text)).size).toBe(5);
    // Another interchange reference, or another sender, is another event.
    const again = ids(interchange(mixed(), { reference: 'IC0002' }));
    expect(again.some((id) => ids(text).includes(id))).toBe(false);
    expect(ids(interchange(mixed(), { sender: 'OTHER' }))[0]).not.toBe(ids(text)[0]);
  });

  it('keeps event ids at most 100 characters, hashing long references deterministically', () => {
    const long = 'S'.repeat(35);
    const text = interchange(
      [message('R'.repeat(14), 'COARRI', coarri('discharge', [{ box: BOX.a }]))],
      {
        sender: long,
        reference: 'I'.repeat(40),
      },
    );
    const [first] = eventsOf(interpretInterchange(text, OPTIONS));
    const [second] = eventsOf(interpretInterchange(text, OPTIONS));
    expect(first!.eventId.length).toBeLessThanOrEqual(100);
    expect(first!.eventId).toMatch(new RegExp(`^edi:#[0-9a-f]{40}:${BOX.a}:DISC$`));
    expect(second!.eventId).toBe(first!.eventId);
  });

  it('reports interchange problems beside the messages, which still map', () => {
    const text = interchange(mixed()).replace("UNZ+3+IC0001'", "UNZ+4+IC0001'");
    const result = interpretInterchange(text, OPTIONS);
    expect(result.interchangeErrors).toEqual([
      {
        message: null,
        segment: result.results.reduce((n, r) => n + r.segments, 2),
        reason: 'UNZ says 4, the interchange has 3 messages',
      },
    ]);
    expect(eventsOf(result)).toHaveLength(5);
    expect(edifactReply(result).errors).toEqual(result.interchangeErrors);
  });

  it('takes time zones from the options', () => {
    const text = interchange([mixed()[0]!]);
    const rome = interpretInterchange(text, { ...OPTIONS, timeZone: 'Europe/Rome' });
    expect(rome.results[0]!.events[0]!.time).toBe('2026-12-01T07:15:00Z');
  });

  it('throws for options that are not a UN/LOCODE, a time zone or a clock', () => {
    expect(() => interpretInterchange('', { ...OPTIONS, portLocode: 'Shanghai' })).toThrow(
      RangeError,
    );
    expect(() => interpretInterchange('', { ...OPTIONS, timeZone: 'Nowhere/Land' })).toThrow(
      RangeError,
    );
    expect(() => interpretInterchange('', { ...OPTIONS, nowMs: Number.NaN })).toThrow(RangeError);
  });

  it('never throws on garbage input', () => {
    for (const text of [
      '',
      'hello',
      'UNA:+',
      "'''",
      'UNB+?',
      '\u0000\u0001',
      'UNH+1+COARRI'.repeat(50),
    ]) {
      const result = interpretInterchange(text, OPTIONS);
      expect(eventsOf(result)).toEqual([]);
    }
  });
});
