import { describe, expect, it } from 'vitest';
import { nmeaChecksum } from './checksum.ts';
import { parseLine, type LineResult, type VdmSentence } from './nmea-sentence.ts';
import { pghpTimeMs, prefixTimeMs, suffixTimeMs } from './receiver-time.ts';
import { parseTagBlock, unixTimeToMs } from './tag-block.ts';
import {
  checksumHex,
  deg,
  sentence,
  sentences,
  tagBlock,
} from '../../simulators/ais/ais-encoder.ts';
import { classA } from '../../simulators/ais/ais-messages.ts';

const { payload, fillBits } = classA({ mmsi: 244123456, lon: deg(4.5), lat: deg(52) }).armour();
const plain = sentence(payload, fillBits);

function ok(result: LineResult): VdmSentence {
  if (result.kind !== 'sentence') throw new Error(JSON.stringify(result));
  return result.sentence;
}

describe('sentence fields', () => {
  it('reads fragment count and number, sequence id, channel, payload and fill bits', () => {
    const [first] = sentences(classA(), { maxChars: 20, sequenceId: '7', channel: 'B' });
    const s = ok(parseLine(first ?? ''));
    expect(s).toMatchObject({
      talker: 'AI',
      ownShip: false,
      fragmentCount: 2,
      fragmentNumber: 1,
      sequenceId: '7',
      channel: 'B',
      fillBits: 0,
    });
    expect(s.payload).toHaveLength(20);
  });

  it('accepts other talkers, VDO for own ship, and channels A, B, 1, 2 or none', () => {
    for (const talker of ['AB', 'BS', 'SA', 'AN', '--']) {
      expect(ok(parseLine(sentence(payload, fillBits, { talker }))).talker).toBe(talker);
    }
    expect(ok(parseLine(sentence(payload, fillBits, { formatter: 'VDO' }))).ownShip).toBe(true);
    for (const channel of ['A', 'B', '1', '2', '']) {
      expect(ok(parseLine(sentence(payload, fillBits, { channel }))).channel).toBe(channel);
    }
  });

  it('computes the checksum as the XOR between ! and *, in either letter case', () => {
    expect(nmeaChecksum('AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0')).toBe(0x5c);
    const lower = plain.replace(/\*([0-9A-F]{2})$/, (_, h: string) => `*${h.toLowerCase()}`);
    expect(parseLine(lower).kind).toBe('sentence');
  });

  it('refuses a wrong checksum, and a missing or malformed one', () => {
    const bad = sentence(payload, fillBits, { checksum: checksumHex('x') === '00' ? '01' : '00' });
    expect(parseLine(bad)).toMatchObject({ kind: 'error', problem: 'bad-checksum' });
    expect(parseLine(plain.replace(/\*..$/, ''))).toMatchObject({ problem: 'no-checksum' });
    expect(parseLine(plain.replace(/\*..$/, '*G1'))).toMatchObject({ problem: 'no-checksum' });
  });

  it('refuses a wrong number of fields, impossible fragment numbers and fill bits', () => {
    const build = (body: string) => `!${body}*${checksumHex(body)}`;
    expect(parseLine(build(`AIVDM,1,1,,A,${payload}`))).toMatchObject({ problem: 'bad-fields' });
    expect(parseLine(build(`AIVDM,1,1,,A,${payload},0,9`))).toMatchObject({
      problem: 'bad-fields',
    });
    expect(parseLine(build(`AIVDM,1,2,,A,${payload},0`))).toMatchObject({
      problem: 'bad-fragment',
    });
    expect(parseLine(build(`AIVDM,0,0,,A,${payload},0`))).toMatchObject({
      problem: 'bad-fragment',
    });
    expect(parseLine(build(`AIVDM,x,1,,A,${payload},0`))).toMatchObject({
      problem: 'bad-fragment',
    });
    expect(parseLine(build(`AIVDM,1,1,,A,${payload},6`))).toMatchObject({
      problem: 'bad-fill-bits',
    });
    expect(parseLine(build(`AIVDM,1,1,,A,${payload},`))).toMatchObject({
      problem: 'bad-fill-bits',
    });
  });

  it('tells AIS-looking garbage from lines that are not AIS at all', () => {
    expect(parseLine(plain.slice(1))).toMatchObject({ problem: 'bad-fields' }); // no '!'
    for (const line of [
      '',
      '   ',
      '# a comment !AIVDM,1,1,,A,x,0*00',
      '$GPRMC,1,2,3*00',
      'hello',
    ]) {
      expect(parseLine(line)).toEqual({ kind: 'not-ais' });
    }
  });

  it('splits two sentences written on one line', () => {
    const [a = '', b = ''] = sentences(classA(), { maxChars: 20 });
    const first = parseLine(`${a}${b}`);
    expect(first.kind === 'sentence' && first.rest).toBe(b);
    expect(ok(parseLine(`${a}\\r\\n${b}`)).fragmentNumber).toBe(1);
  });
});

describe('tag blocks', () => {
  it('reads c: (seconds), s: and g:, and checks the checksum', () => {
    const line = tagBlock({ g: '1-2-4711', s: 'quay-rx-3', c: 1767225600 }) + plain;
    const s = ok(parseLine(line));
    expect(s.tagBlock).toMatchObject({
      timeMs: 1767225600000,
      source: 'quay-rx-3',
      group: { sentence: 1, total: 2, id: '4711' },
      checked: true,
    });
    expect(s.tagBlockProblem).toBeUndefined();
  });

  it('takes c: as milliseconds when it is too large for seconds', () => {
    expect(ok(parseLine(tagBlock({ c: 1767225600123 }) + plain)).tagBlock?.timeMs).toBe(
      1767225600123,
    );
    expect(unixTimeToMs('1767225600.5')).toBe(1767225600500);
    expect(unixTimeToMs('99999999999')).toBe(99999999999000); // below 10^11: seconds
    expect(unixTimeToMs('100000000000')).toBe(100000000000); // from 10^11: milliseconds
    expect(unixTimeToMs('abc')).toBeUndefined();
  });

  it('accepts a tag block without a checksum', () => {
    const s = ok(parseLine(tagBlock({ s: 'station', c: 1700000000 }, false) + plain));
    expect(s.tagBlock).toMatchObject({ source: 'station', timeMs: 1700000000000, checked: false });
  });

  it('ignores a tag block with a wrong or malformed checksum, but keeps the sentence', () => {
    const wrong = ok(parseLine(tagBlock({ s: 'x', c: 1700000000 }, '00') + plain));
    expect(wrong.tagBlock).toBeUndefined();
    expect(wrong.tagBlockProblem?.problem).toBe('tag-block-bad-checksum');
    const short = ok(parseLine(tagBlock({ s: 'x' }, 'A') + plain));
    expect(short.tagBlockProblem?.problem).toBe('bad-tag-block');
  });

  it('refuses fields without a key and impossible groups or times', () => {
    expect(parseTagBlock('nokey')).toMatchObject({ ok: false, problem: 'bad-tag-block' });
    expect(parseTagBlock('g:3-2-7')).toMatchObject({ ok: false });
    expect(parseTagBlock('c:yesterday')).toMatchObject({ ok: false });
    expect(parseTagBlock('')).toMatchObject({ ok: false });
  });

  it('merges tag blocks written back to back', () => {
    const line = tagBlock({ s: 'one' }) + tagBlock({ c: 1700000000, s: 'two' }) + plain;
    expect(ok(parseLine(line)).tagBlock).toMatchObject({ source: 'one', timeMs: 1700000000000 });
  });
});

describe('receiver prefixes and suffixes', () => {
  it('reads a leading date-time (UTC unless a zone is given) or unix time', () => {
    const t = Date.UTC(2012, 4, 17, 12, 0, 0, 123);
    expect(ok(parseLine(`2012-05-17 12:00:00.123 ${plain}`)).prefixTimeMs).toBe(t);
    expect(ok(parseLine(`2012-05-17T12:00:00.123Z;${plain}`)).prefixTimeMs).toBe(t);
    expect(ok(parseLine(`[2012-05-17 14:00:00.123+02:00] ${plain}`)).prefixTimeMs).toBe(t);
    expect(ok(parseLine(`1337256000.123 ${plain}`)).prefixTimeMs).toBe(t);
    expect(ok(parseLine(`1337256000123,${plain}`)).prefixTimeMs).toBe(t);
    expect(ok(parseLine(`station-7 ${plain}`))).toMatchObject({ prefix: 'station-7' });
    expect(ok(parseLine(`station-7 ${plain}`)).prefixTimeMs).toBeUndefined();
    expect(prefixTimeMs('2012-02-30 10:00:00')).toBeUndefined();
    expect(prefixTimeMs('12345')).toBeUndefined();
    expect(prefixTimeMs('2026-01-01 10:61:00')).toBeUndefined();
  });

  it('reads the trailing unix time of the USCG format, and its station', () => {
    const s = ok(parseLine(`${plain},s0871,d-097,T33.21000000,r123456789,1767225600`));
    expect(s.suffixTimeMs).toBe(1767225600000);
    expect(s.suffixStation).toBe('r123456789');
    expect(suffixTimeMs(['b987654321', '1767225601'])).toBe(1767225601000);
    expect(suffixTimeMs(['d-109', 'S2105'])).toBeUndefined();
  });

  it('reads the time of a $PGHP sentence, checking its checksum', () => {
    const body = 'PGHP,1,2026,3,14,9,26,53,589,257,,2570001,1,00';
    expect(pghpTimeMs(`$${body}*${checksumHex(body)}`)).toBe(Date.UTC(2026, 2, 14, 9, 26, 53, 589));
    expect(pghpTimeMs(`$${body}*00`)).toBeUndefined();
    const other = 'PGHP,2,2026,3,14';
    expect(pghpTimeMs(`$${other}*${checksumHex(other)}`)).toBeUndefined();
  });
});
