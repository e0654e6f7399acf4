// Payload de-armouring and bit-field reading. Each payload character carries 6 bits: take
// its ASCII code, subtract 48, and if the result is above 40 subtract 8 more (valid
// characters are '0'..'W' and '`'..'w'). The sextets are concatenated most significant bit
// first; the sentence's fill bits (0-5) are dropped from the end. Fields are big-endian,
// signed ones two's complement. Strings are 6-bit ASCII: values 0-31 are '@'..'_', 32-63
// are ' '..'?'; '@' ends the text (anything after it is padding or garbage) and trailing
// spaces are trimmed.

export type ArmourError = 'bad-payload-character' | 'bad-fill-bits' | 'empty-payload';

/** The 6-bit value of one armoured payload character, or -1 when it is not one. */
export function sextetOf(code: number): number {
  if (code >= 48 && code <= 87) return code - 48; // '0'..'W'
  if (code >= 96 && code <= 119) return code - 56; // '`'..'w'
  return -1;
}

/** The 6-bit ASCII character for a 6-bit value. */
export function sixbitChar(value: number): string {
  return String.fromCharCode(value < 32 ? value + 64 : value);
}

/** A de-armoured payload: read unsigned, signed, boolean and text fields by bit offset. */
export class PayloadBits {
  private constructor(
    private readonly sextets: Uint8Array,
    /** Usable bits (6 per character, minus the fill bits). */
    readonly length: number,
  ) {}

  /** De-armour `payload` (possibly several fragments' payloads joined) with `fillBits`. */
  static fromArmoured(payload: string, fillBits: number): PayloadBits | ArmourError {
    if (payload.length === 0) return 'empty-payload';
    if (!Number.isInteger(fillBits) || fillBits < 0 || fillBits > 5) return 'bad-fill-bits';
    const sextets = new Uint8Array(payload.length);
    for (let i = 0; i < payload.length; i++) {
      const value = sextetOf(payload.charCodeAt(i));
      if (value < 0) return 'bad-payload-character';
      sextets[i] = value;
    }
    return new PayloadBits(sextets, payload.length * 6 - fillBits);
  }

  /** Whether bits [start, start + width) all lie inside the payload. */
  has(start: number, width: number): boolean {
    return start >= 0 && width >= 0 && start + width <= this.length;
  }

  private bit(index: number): number {
    if (index >= this.length) return 0;
    const sextet = this.sextets[Math.floor(index / 6)] ?? 0;
    return (sextet >> (5 - (index % 6))) & 1;
  }

  /** Unsigned big-endian integer of `width` bits (at most 48) at bit `start`. */
  uint(start: number, width: number): number {
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 2 + this.bit(start + i);
    return value;
  }

  /** Two's-complement signed integer of `width` bits at bit `start`. */
  int(start: number, width: number): number {
    const value = this.uint(start, width);
    const signBit = 2 ** (width - 1);
    return value >= signBit ? value - 2 * signBit : value;
  }

  bool(start: number): boolean {
    return this.bit(start) === 1;
  }

  /**
   * Up to `chars` 6-bit characters from bit `start`, cut at the first '@' and with trailing
   * spaces trimmed; undefined when nothing is left. A last character the payload only
   * partly holds is read with its missing bits as zero (a slightly short type 5 keeps its
   * destination); characters that start past the end are not read.
   */
  text(start: number, chars: number): string | undefined {
    let out = '';
    for (let i = 0; i < chars; i++) {
      const at = start + i * 6;
      if (at >= this.length) break;
      const value = this.uint(at, 6);
      if (value === 0) break; // '@': end of text
      out += sixbitChar(value);
    }
    const trimmed = out.replace(/ +$/, '');
    return trimmed.length > 0 ? trimmed : undefined;
  }

  /** The raw 6-bit character values of the text at `start` up to the end of the payload. */
  charsToEnd(start: number): number {
    return start >= this.length ? 0 : Math.floor((this.length - start) / 6);
  }
}
