import { describe, expect, it } from 'vitest';
import { lineTimeMs, pace } from './ais-replay-pacing.ts';

describe('AIS replay pacing', () => {
  it('reads the receiver time of a tag block, in seconds or milliseconds', () => {
    expect(lineTimeMs('\\s:r1,c:1764576000*00\\!AIVDM,1,1,,A,x,0*00')).toBe(1_764_576_000_000);
    expect(lineTimeMs('\\c:1764576000123,s:r1*00\\!AIVDM,1,1,,A,x,0*00')).toBe(1_764_576_000_123);
    expect(lineTimeMs('!AIVDM,1,1,,A,x,0*00')).toBeUndefined();
  });

  it('groups lines that share a time, and carries the last time to untimed lines', () => {
    const lines = [
      '\\c:1764576000*00\\!A',
      '!B',
      '',
      '\\c:1764576005*00\\!C',
      '\\c:1764576005*00\\!D',
    ];
    expect(pace(lines)).toEqual([
      { atMs: 1_764_576_000_000, lines: ['\\c:1764576000*00\\!A', '!B'] },
      { atMs: 1_764_576_005_000, lines: ['\\c:1764576005*00\\!C', '\\c:1764576005*00\\!D'] },
    ]);
  });
});
