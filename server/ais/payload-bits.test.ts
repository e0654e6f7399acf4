import { describe, expect, it } from 'vitest';
import { PayloadBits, sextetOf, sixbitChar } from './payload-bits.ts';
import { BitWriter, armourChar } from '../../simulators/ais/ais-encoder.ts';

function bitsOf(w: BitWriter): PayloadBits {
  const { payload, fillBits } = w.armour();
  const bits = PayloadBits.fromArmoured(payload, fillBits);
  if (typeof bits === 'string') throw new Error(bits);
  return bits;
}

describe('payload armouring', () => {
  it('maps the 64 payload characters to 0-63 (subtract 48, and 8 more above 40)', () => {
    expect(sextetOf('0'.charCodeAt(0))).toBe(0);
    expect(sextetOf('W'.charCodeAt(0))).toBe(39);
    expect(sextetOf('`'.charCodeAt(0))).toBe(40);
    expect(sextetOf('w'.charCodeAt(0))).toBe(63);
    for (let v = 0; v < 64; v++) expect(sextetOf(armourChar(v).charCodeAt(0))).toBe(v);
  });

  it('refuses the characters between W and ` and outside 0..w', () => {
    for (const ch of ['X', '_', '^', '/', 'x', ' ', '*', ',']) {
      expect(sextetOf(ch.charCodeAt(0))).toBe(-1);
      expect(PayloadBits.fromArmoured(`1${ch}`, 0)).toBe('bad-payload-character');
    }
  });

  it('refuses an empty payload and fill bits outside 0-5', () => {
    expect(PayloadBits.fromArmoured('', 0)).toBe('empty-payload');
    expect(PayloadBits.fromArmoured('15', 6)).toBe('bad-fill-bits');
    expect(PayloadBits.fromArmoured('15', -1)).toBe('bad-fill-bits');
  });

  it('drops the fill bits from the length, and reads them as zero', () => {
    const bits = PayloadBits.fromArmoured('w', 2);
    if (typeof bits === 'string') throw new Error(bits);
    expect(bits.length).toBe(4);
    expect(bits.uint(0, 4)).toBe(15);
    expect(bits.uint(0, 6)).toBe(60); // the two fill bits are not data
    expect(bits.has(0, 4)).toBe(true);
    expect(bits.has(0, 5)).toBe(false);
  });
});

describe('bit fields', () => {
  it('reads big-endian unsigned fields across character boundaries', () => {
    const bits = bitsOf(new BitWriter().uint(5, 3).uint(1023, 10).uint(123456789, 30).uint(1, 1));
    expect(bits.uint(0, 3)).toBe(5);
    expect(bits.uint(3, 10)).toBe(1023);
    expect(bits.uint(13, 30)).toBe(123456789);
    expect(bits.bool(43)).toBe(true);
  });

  it('reads two-complement signed fields', () => {
    const bits = bitsOf(new BitWriter().int(-1, 8).int(-128, 8).int(127, 8).int(-108600000, 28));
    expect(bits.int(0, 8)).toBe(-1);
    expect(bits.int(8, 8)).toBe(-128);
    expect(bits.int(16, 8)).toBe(127);
    expect(bits.int(24, 28)).toBe(-108600000);
  });

  it('decodes 6-bit ASCII: 0-31 are @.._, 32-63 are space..?', () => {
    expect(sixbitChar(0)).toBe('@');
    expect(sixbitChar(1)).toBe('A');
    expect(sixbitChar(31)).toBe('_');
    expect(sixbitChar(32)).toBe(' ');
    expect(sixbitChar(39)).toBe("'");
    expect(sixbitChar(48)).toBe('0');
    expect(sixbitChar(63)).toBe('?');
  });

  it('cuts text at the first @, dropping garbage after it, and trims trailing spaces', () => {
    const bits = bitsOf(
      new BitWriter().text('EVER GIVEN', 20).sixbits([1, 2, 0, 24, 25, 26]).text('MSC  ', 5),
    );
    expect(bits.text(0, 20)).toBe('EVER GIVEN');
    expect(bits.text(120, 6)).toBe('AB'); // "AB@XYZ": after '@' is padding or garbage
    expect(bits.text(156, 5)).toBe('MSC');
  });

  it('gives undefined for text that is all @ or all spaces', () => {
    const bits = bitsOf(new BitWriter().text('', 7).text('       ', 7));
    expect(bits.text(0, 7)).toBeUndefined();
    expect(bits.text(42, 7)).toBeUndefined();
  });

  it('reads a last character the payload only partly holds with zero bits, and none past the end', () => {
    // "AB" then 4 bits of a third character: 'P' (010000) cut to 0100 reads as 'P' again.
    const { payload } = new BitWriter().text('ABP', 3).armour();
    const bits = PayloadBits.fromArmoured(payload, 2);
    if (typeof bits === 'string') throw new Error(bits);
    expect(bits.length).toBe(16);
    expect(bits.text(0, 3)).toBe('ABP');
    expect(bits.text(0, 10)).toBe('ABP');
    expect(bits.charsToEnd(0)).toBe(2);
  });
});
