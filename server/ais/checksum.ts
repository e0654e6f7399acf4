/** NMEA 0183 checksum: the XOR of every character code of `body` (what lies between '!' or '$' or '\' and '*'). */
export function nmeaChecksum(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum ^= body.charCodeAt(i) & 0xff;
  return sum;
}
