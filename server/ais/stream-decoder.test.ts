import { describe, expect, it } from 'vitest';
import { AisStreamDecoder } from './stream-decoder.ts';
import {
  BitWriter,
  checksumHex,
  deg,
  sentence,
  sentences,
  tagBlock,
} from '../../simulators/ais/ais-encoder.ts';
import { classA, static24A, static24B, staticVoyage } from '../../simulators/ais/ais-messages.ts';

const T0 = Date.UTC(2026, 2, 14, 9, 0, 0);
const voyage = (mmsi: number, name: string) =>
  staticVoyage({
    mmsi,
    imo: 9074729,
    callSign: 'PBCD',
    name,
    shipType: 70,
    bow: 200,
    stern: 50,
    port: 16,
    starboard: 16,
    month: 3,
    day: 15,
    hour: 6,
    minute: 30,
    draught: 105,
    destination: 'NLRTM',
  });
const position = (mmsi: number) =>
  sentences(classA({ mmsi, sog: 100, lon: deg(4.1), lat: deg(51.95) }))[0] ?? '';

describe('multi-sentence messages', () => {
  it('reassembles a type 5 split over two sentences', () => {
    const parts = sentences(voyage(244000001, 'ROTTERDAM EXPRESS'), {
      sequenceId: '3',
      channel: 'B',
    });
    expect(parts).toHaveLength(2);
    const d = new AisStreamDecoder();
    expect(d.feed(parts[0] ?? '', T0)).toEqual([]);
    expect(d.stats().fragmentsPending).toBe(1);
    const [m] = d.feed(parts[1] ?? '', T0 + 10);
    expect(m).toMatchObject({
      type: 5,
      name: 'ROTTERDAM EXPRESS',
      destination: 'NLRTM',
      raw: parts,
      receivedAtMs: T0,
      channel: 'B',
    });
    expect(d.stats()).toMatchObject({
      sentences: 2,
      messages: 1,
      fragmentsPending: 0,
      messagesByType: { 5: 1 },
    });
  });

  it('keeps two multipart messages apart when they interleave on different channels or ids', () => {
    const a = sentences(voyage(244000001, 'ALPHA'), { sequenceId: '1', channel: 'A' });
    const b = sentences(voyage(244000002, 'BRAVO'), { sequenceId: '1', channel: 'B' });
    const c = sentences(voyage(244000003, 'CHARLIE'), { sequenceId: '2', channel: 'A' });
    const d = new AisStreamDecoder();
    const out = [a[0], b[0], c[0], position(244000009), c[1], b[1], a[1]].flatMap((l) =>
      d.feed(l ?? '', T0),
    );
    expect(out.map((m) => ('name' in m ? m.name : m.type))).toEqual([
      1,
      'CHARLIE',
      'BRAVO',
      'ALPHA',
    ]);
    expect(d.stats()).toMatchObject({ fragmentsDropped: 0, fragmentsPending: 0 });
  });

  it('drops a message whose fragment was lost and recovers with the next one', () => {
    const first = sentences(voyage(244000001, 'LOST'), { sequenceId: '4' });
    const second = sentences(voyage(244000002, 'FOUND'), { sequenceId: '4' });
    const d = new AisStreamDecoder();
    const out = [first[0], second[0], second[1]].flatMap((l) => d.feed(l ?? '', T0));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ name: 'FOUND' });
    expect(d.stats()).toMatchObject({
      fragmentsDropped: 1,
      problems: { 'fragment-superseded': 1 },
    });
  });

  it('drops a fragment that comes without its predecessors, or out of order', () => {
    const parts = sentences(voyage(244000001, 'X'), { maxChars: 25 });
    expect(parts).toHaveLength(3);
    const d = new AisStreamDecoder();
    expect(d.feed(parts[1] ?? '', T0)).toEqual([]);
    expect(d.feed(parts[0] ?? '', T0)).toEqual([]);
    expect(d.feed(parts[2] ?? '', T0)).toEqual([]); // 3 after 1: 2 is missing
    expect(d.stats()).toMatchObject({ fragmentsDropped: 3, fragmentsPending: 0, messages: 0 });
    expect(parts.flatMap((l) => d.feed(l, T0))).toHaveLength(1); // and then it works again
  });

  it('expires unfinished messages and bounds how many wait', () => {
    const d = new AisStreamDecoder({ fragmentTimeoutMs: 5000, maxPendingMessages: 2 });
    for (const id of ['1', '2', '3'])
      d.feed(sentences(voyage(244000001, 'A'), { sequenceId: id })[0] ?? '', T0);
    expect(d.stats()).toMatchObject({ fragmentsPending: 2, problems: { 'fragment-evicted': 1 } });
    d.feed(position(244000001), T0 + 6000);
    expect(d.stats()).toMatchObject({
      fragmentsPending: 0,
      fragmentsDropped: 3,
      problems: { 'fragment-expired': 2 },
    });
  });

  it('groups fragments by tag-block g: and takes time and source from the first', () => {
    const parts = sentences(voyage(244000001, 'GROUPED'), { sequenceId: '6' });
    const d = new AisStreamDecoder();
    d.feed(tagBlock({ g: '1-2-321', s: 'sat-7', c: 1767225600 }) + parts[0], T0);
    d.feed(position(244000002), T0); // another sentence in between
    const [m] = d.feed(tagBlock({ g: '2-2-321' }) + parts[1], T0);
    expect(m).toMatchObject({
      name: 'GROUPED',
      source: 'sat-7',
      receivedAtMs: 1767225600000,
      timeSource: 'tag-block',
    });
  });

  it('finishes a grouped message whose later fragment has no tag block', () => {
    const parts = sentences(voyage(244000001, 'HALF TAGGED'), { sequenceId: '2' });
    const d = new AisStreamDecoder();
    d.feed(tagBlock({ g: '1-2-99', c: 1767225600 }) + parts[0], T0);
    expect(d.feed(parts[1] ?? '', T0)[0]).toMatchObject({ name: 'HALF TAGGED' });
  });
});

describe('bad input never stops the stream', () => {
  it('counts bad checksums and malformed lines, keeps them among recent problems, and goes on', () => {
    const good = position(244000001);
    const badSum = good.replace(/\*..$/, `*${checksumHex('x') === '00' ? '01' : '00'}`);
    const d = new AisStreamDecoder();
    const lines = [
      badSum,
      sentence('', 0),
      'garbage !AIVDM,1,1',
      '$GPRMC,whatever*00',
      '# comment',
      '',
      good,
    ];
    const out = lines.flatMap((l) => d.feed(l, T0));
    expect(out).toHaveLength(1);
    expect(d.stats()).toMatchObject({
      lines: 6,
      ignoredLines: 2,
      sentences: 4,
      badChecksum: 1,
      malformed: 2,
      messages: 1,
    });
    expect(d.recentProblems().map((p) => p.problem)).toEqual([
      'bad-checksum',
      'empty-payload',
      'no-checksum',
    ]);
  });

  it('counts an unknown message type as unsupported', () => {
    const d = new AisStreamDecoder();
    const { payload, fillBits } = new BitWriter()
      .uint(8, 6)
      .uint(0, 2)
      .uint(244000111, 30)
      .uint(0, 58)
      .armour();
    expect(d.feed(sentence(payload, fillBits), T0)).toEqual([]);
    expect(d.stats()).toMatchObject({ messages: 0, malformed: 0, unsupportedByType: { 8: 1 } });
  });

  it('refuses overlong lines and keeps only the last few problems', () => {
    const d = new AisStreamDecoder({ maxLineLength: 100, keepProblems: 2 });
    d.feed(`!AIVDM,${'x'.repeat(200)}`, T0);
    for (let i = 0; i < 3; i++) d.feed(position(1).slice(0, -1) + 'Z', T0);
    expect(d.stats().problems).toMatchObject({ 'line-too-long': 1, 'no-checksum': 3 });
    expect(d.recentProblems()).toHaveLength(2);
    d.resetStats();
    expect(d.stats()).toMatchObject({ lines: 0, problems: {} });
  });
});

describe('times and sources', () => {
  const line = position(244000001);

  it('uses the tag block c: in seconds or milliseconds, else the time given', () => {
    const d = new AisStreamDecoder();
    expect(d.feed(tagBlock({ c: 1767225600, s: 'rx1' }) + line, T0)[0]).toMatchObject({
      receivedAtMs: 1767225600000,
      timeSource: 'tag-block',
      source: 'rx1',
    });
    expect(d.feed(tagBlock({ c: 1767225600250 }, false) + line, T0)[0]).toMatchObject({
      receivedAtMs: 1767225600250,
    });
    expect(d.feed(line, T0)[0]).toMatchObject({ receivedAtMs: T0, timeSource: 'receive' });
    expect(d.feed(line, T0)[0]).not.toHaveProperty('source');
  });

  it('ignores a tag block whose checksum is wrong, and counts it', () => {
    const d = new AisStreamDecoder();
    const [m] = d.feed(tagBlock({ c: 1767225600, s: 'rx1' }, '00') + line, T0);
    expect(m).toMatchObject({ receivedAtMs: T0, timeSource: 'receive' });
    expect(m).not.toHaveProperty('source');
    expect(d.stats()).toMatchObject({
      badTagBlocks: 1,
      messages: 1,
      problems: { 'tag-block-bad-checksum': 1 },
    });
  });

  it('uses a leading timestamp, a trailing unix time, or a preceding $PGHP', () => {
    const d = new AisStreamDecoder();
    expect(d.feed(`2026-03-14 09:26:53.589 ${line}`, T0)[0]).toMatchObject({
      receivedAtMs: Date.UTC(2026, 2, 14, 9, 26, 53, 589),
      timeSource: 'prefix',
    });
    expect(d.feed(`${line},s0871,d-097,r123456789,1767225600`, T0)[0]).toMatchObject({
      receivedAtMs: 1767225600000,
      timeSource: 'suffix',
      source: 'r123456789',
    });
    const pghp = 'PGHP,1,2026,3,14,9,26,53,589,257,,2570001,1,00';
    d.feed(`$${pghp}*${checksumHex(pghp)}`, T0);
    expect(d.feed(line, T0)[0]).toMatchObject({
      receivedAtMs: Date.UTC(2026, 2, 14, 9, 26, 53, 589),
      timeSource: 'pghp',
    });
    expect(d.feed(line, T0)[0]).toMatchObject({ timeSource: 'receive' }); // only the next sentence
  });

  it('can be told to use only the time given', () => {
    const d = new AisStreamDecoder({ useEmbeddedTime: false });
    expect(d.feed(tagBlock({ c: 1767225600 }) + line, T0)[0]).toMatchObject({
      receivedAtMs: T0,
      timeSource: 'receive',
    });
  });
});

describe('type 24 parts A and B, cached per MMSI', () => {
  const a = (mmsi: number, name: string) => sentences(static24A(mmsi, name))[0] ?? '';
  const b = (mmsi: number) =>
    sentences(
      static24B(mmsi, {
        shipType: 37,
        callSign: 'PF1234',
        bow: 8,
        stern: 3,
        port: 2,
        starboard: 2,
      }),
    )[0] ?? '';

  it('merges A then B', () => {
    const d = new AisStreamDecoder();
    d.feed(a(244000001, 'SAILOR'), T0);
    expect(d.classBStatic('244000001')).toEqual({
      mmsi: '244000001',
      name: 'SAILOR',
      partAAtMs: T0,
    });
    d.feed(b(244000001), T0 + 1000);
    expect(d.classBStatic('244000001')).toMatchObject({
      name: 'SAILOR',
      shipType: 37,
      callSign: 'PF1234',
      toBowM: 8,
      partAAtMs: T0,
      partBAtMs: T0 + 1000,
    });
  });

  it('merges B before A, interleaved with another vessel', () => {
    const d = new AisStreamDecoder();
    for (const l of [b(244000001), a(244000002, 'OTHER'), a(244000001, 'LATE NAME'), b(244000002)])
      d.feed(l, T0);
    expect(d.classBStatic('244000001')).toMatchObject({ name: 'LATE NAME', callSign: 'PF1234' });
    expect(d.classBStatic('244000002')).toMatchObject({ name: 'OTHER', callSign: 'PF1234' });
    expect(d.classBStatic('244000003')).toBeUndefined();
  });

  it('forgets the least recently updated vessel beyond its bound', () => {
    const d = new AisStreamDecoder({ maxClassBVessels: 2 });
    for (const mmsi of [1, 2, 3]) d.feed(a(mmsi, 'X'), T0);
    expect(d.classBStatic('000000001')).toBeUndefined();
    expect(d.classBStatic('000000003')).toBeDefined();
  });
});

describe('stream framing', () => {
  it('joins a line cut across TCP chunks, and decodes a last line without a line end', () => {
    const line = position(244000001);
    const d = new AisStreamDecoder();
    expect(d.feedChunk(`${line}\r\n${line.slice(0, 20)}`, T0)).toHaveLength(1);
    expect(d.feedChunk(`${line.slice(20)}\n${line}`, T0)).toHaveLength(1);
    expect(d.end(T0)).toHaveLength(1);
  });

  it('decodes a datagram of several lines, and sentences joined on one line', () => {
    const [p1 = '', p2 = ''] = sentences(voyage(244000001, 'ONE LINE'));
    const d = new AisStreamDecoder();
    expect(d.feedText(`${position(1)}\n${position(2)}\r\n`, T0)).toHaveLength(2);
    expect(d.feed(`${p1}${p2}`, T0)[0]).toMatchObject({ name: 'ONE LINE', raw: [p1, p2] });
  });
});
