// What makes a container number, an IMO number or an MMSI valid. Shared, because the
// server validates them and the simulator must only ever produce valid ones.

/** ISO 6346 letter values: A=10, counting up but skipping multiples of 11. */
const LETTER_VALUES: Record<string, number> = (() => {
  const values: Record<string, number> = {};
  let value = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (value % 11 === 0) value += 1;
    values[letter] = value;
    value += 1;
  }
  return values;
})();

const CONTAINER_NUMBER = /^[A-Z]{3}[UJZR]\d{6}\d$/;

/** The ISO 6346 check digit of the first ten characters (owner, category, serial). */
export function iso6346CheckDigit(firstTen: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const char = firstTen[i]!;
    const value = i < 4 ? LETTER_VALUES[char]! : Number(char);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

/** Why a container number is not valid, or undefined when it is. */
export function containerNumberProblem(value: string): string | undefined {
  if (!CONTAINER_NUMBER.test(value))
    return `container number "${value}" is not 3 letters, a category letter (U, J, Z or R), 6 digits and a check digit`;
  const expected = iso6346CheckDigit(value);
  if (Number(value[10]) !== expected)
    return `container number "${value}" has check digit ${value[10]}, ISO 6346 gives ${expected}`;
  return undefined;
}

/** Why an IMO ship number is not valid, or undefined when it is. */
export function imoNumberProblem(value: string): string | undefined {
  if (!/^\d{7}$/.test(value)) return `IMO number "${value}" is not 7 digits`;
  let sum = 0;
  for (let i = 0; i < 6; i += 1) sum += Number(value[i]) * (7 - i);
  const expected = sum % 10;
  if (Number(value[6]) !== expected)
    return `IMO number "${value}" has check digit ${value[6]}, expected ${expected}`;
  return undefined;
}

/** Why an MMSI is not valid, or undefined when it is (9 digits; the MID is not checked). */
export function mmsiProblem(value: string): string | undefined {
  return /^\d{9}$/.test(value) ? undefined : `MMSI "${value}" is not 9 digits`;
}
