import { describe, expect, it } from 'vitest';
import { searchTerms } from './search-rows.ts';

describe('searchTerms', () => {
  it('reads the start of a container number in any case and spacing, from 4 characters', () => {
    expect(searchTerms(' msku 123 ').containerPrefix).toBe('MSKU123');
    expect(searchTerms('MSKU1234565').containerPrefix).toBe('MSKU1234565');
    expect(searchTerms('msku').containerPrefix).toBe('MSKU');
    expect(searchTerms('MSK').containerPrefix).toBeUndefined(); // too short to mean a box
    expect(searchTerms('MSKX12').containerPrefix).toBeUndefined(); // X is no category
    expect(searchTerms('MSKU123456789').containerPrefix).toBeUndefined(); // too long
  });

  it('reads 9 digits as an MMSI and 7 (optionally after IMO) as an IMO number', () => {
    expect(searchTerms('413555001')).toEqual({ mmsi: '413555001', equipmentPrefix: '413555001' });
    expect(searchTerms('9074729')).toEqual({ imo: '9074729', equipmentPrefix: '9074729' });
    expect(searchTerms('IMO 9074729')).toMatchObject({ imo: '9074729', namePart: 'IMO 9074729' });
    expect(searchTerms('41355500')).toEqual({ equipmentPrefix: '41355500' });
  });

  it('searches names as typed and equipment ids only where the characters allow one', () => {
    expect(searchTerms('  远洋之星 ')).toEqual({ namePart: '远洋之星' });
    expect(searchTerms('dong hai 7')).toEqual({
      namePart: 'dong hai 7',
      equipmentPrefix: 'DONGHAI7',
    });
    expect(searchTerms('t1-qc0')).toEqual({ namePart: 't1-qc0', equipmentPrefix: 'T1-QC0' });
  });
});
