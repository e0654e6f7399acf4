import { describe, expect, it } from 'vitest';
import { parseSelection } from './selection.ts';

describe('parseSelection', () => {
  it('reads a machine id, a vessel MMSI and the prefixed places', () => {
    expect(parseSelection('T1-QC03')).toEqual({ kind: 'equipment', id: 'T1-QC03' });
    expect(parseSelection('477553000')).toEqual({ kind: 'vessel', mmsi: '477553000' });
    expect(parseSelection('lane:T1-gate-in-01')).toEqual({ kind: 'lane', id: 'T1-gate-in-01' });
    expect(parseSelection('berth:T1-B2')).toEqual({ kind: 'berth', id: 'T1-B2' });
    expect(parseSelection('container:CSQU3054383')).toEqual({
      kind: 'container',
      id: 'CSQU3054383',
    });
  });

  it('keeps other prefixes as places and does not take a near-MMSI for a vessel', () => {
    expect(parseSelection('block:T1-Y01')).toEqual({ kind: 'block', id: 'T1-Y01' });
    expect(parseSelection('gate:T1-gate')).toEqual({ kind: 'place', id: 'gate:T1-gate' });
    expect(parseSelection('47755300')).toEqual({ kind: 'equipment', id: '47755300' });
    expect(parseSelection('4775530001')).toEqual({ kind: 'equipment', id: '4775530001' });
  });
});
