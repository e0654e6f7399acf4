// AIS sentences built from the specification (ITU-R M.1371), never from recordings: the
// simulator sends its ships' static reports with them, as a shore receiver would, and the
// decoder's tests build their cases with them. Bit
// fields are written big-endian into a payload, armoured 6 bits per character (value + 48,
// plus 8 more above 39), padded to a character with fill bits, wrapped in !AIVDM fields and
// given their NMEA checksum. Message builders take raw field values in the units the
// standard transmits (1/10000 minute, 0.1 knot...), with helpers to convert.

/** Degrees to the 1/10000-minute units of the position fields. */
export const deg = (degrees: number): number => Math.round(degrees * 600_000);

export class BitWriter {
  private readonly bits: number[] = [];

  get length(): number {
    return this.bits.length;
  }

  uint(value: number, width: number): this {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** width) {
      throw new Error(`${value} does not fit ${width} unsigned bits`);
    }
    for (let i = width - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
    return this;
  }

  int(value: number, width: number): this {
    if (!Number.isInteger(value) || value < -(2 ** (width - 1)) || value >= 2 ** (width - 1)) {
      throw new Error(`${value} does not fit ${width} signed bits`);
    }
    return this.uint(value < 0 ? value + 2 ** width : value, width);
  }

  bool(value: boolean): this {
    return this.uint(value ? 1 : 0, 1);
  }

  /** `text` as `chars` 6-bit characters, padded with '@' (value 0). */
  text(text: string, chars: number): this {
    if (text.length > chars) throw new Error(`"${text}" is longer than ${chars} characters`);
    for (let i = 0; i < chars; i++)
      this.uint(i < text.length ? sixbitValue(text.charCodeAt(i)) : 0, 6);
    return this;
  }

  /** Raw 6-bit values (for garbage after '@' and the like). */
  sixbits(values: readonly number[]): this {
    for (const v of values) this.uint(v, 6);
    return this;
  }

  /** The armoured payload and the fill bits that pad it to whole characters. */
  armour(): { payload: string; fillBits: number } {
    const fillBits = (6 - (this.bits.length % 6)) % 6;
    const padded = [...this.bits, ...new Array<number>(fillBits).fill(0)];
    let payload = '';
    for (let i = 0; i < padded.length; i += 6) {
      let v = 0;
      for (let j = 0; j < 6; j++) v = v * 2 + (padded[i + j] ?? 0);
      payload += armourChar(v);
    }
    return { payload, fillBits };
  }
}

/** The 6-bit ASCII value of a character ('@'..'_' are 0-31, ' '..'?' are 32-63). */
export function sixbitValue(code: number): number {
  if (code >= 64 && code <= 95) return code - 64;
  if (code >= 32 && code <= 63) return code;
  throw new Error(`character ${String.fromCharCode(code)} has no 6-bit ASCII code`);
}

/** The payload character for a 6-bit value. */
export function armourChar(value: number): string {
  return String.fromCharCode(value < 40 ? value + 48 : value + 56);
}

export function checksumHex(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum ^= body.charCodeAt(i);
  return sum.toString(16).toUpperCase().padStart(2, '0');
}

export interface SentenceOptions {
  talker?: string;
  formatter?: 'VDM' | 'VDO';
  count?: number;
  number?: number;
  sequenceId?: string;
  channel?: string;
  /** Replace the right checksum with this one. */
  checksum?: string;
}

/** One !AIVDM sentence around a payload, with its checksum. */
export function sentence(payload: string, fillBits: number, o: SentenceOptions = {}): string {
  const body = [
    `${o.talker ?? 'AI'}${o.formatter ?? 'VDM'}`,
    o.count ?? 1,
    o.number ?? 1,
    o.sequenceId ?? '',
    o.channel ?? 'A',
    payload,
    fillBits,
  ].join(',');
  return `!${body}*${o.checksum ?? checksumHex(body)}`;
}

/** A message as one or more sentences of at most `maxChars` payload characters each. */
export function sentences(
  bits: BitWriter,
  o: SentenceOptions & { maxChars?: number } = {},
): string[] {
  const { payload, fillBits } = bits.armour();
  const size = o.maxChars ?? 60;
  const parts: string[] = [];
  for (let i = 0; i < payload.length; i += size) parts.push(payload.slice(i, i + size));
  return parts.map((part, i) =>
    sentence(part, i === parts.length - 1 ? fillBits : 0, {
      ...o,
      count: parts.length,
      number: i + 1,
      sequenceId: parts.length > 1 ? (o.sequenceId ?? '1') : (o.sequenceId ?? ''),
    }),
  );
}

/** A tag block `\k:v,...*hh\`, with or without its checksum (or with a wrong one). */
export function tagBlock(
  fields: Record<string, string | number>,
  checksum: boolean | string = true,
): string {
  const body = Object.entries(fields)
    .map(([k, v]) => `${k}:${v}`)
    .join(',');
  if (checksum === false) return `\\${body}\\`;
  return `\\${body}*${checksum === true ? checksumHex(body) : checksum}\\`;
}
