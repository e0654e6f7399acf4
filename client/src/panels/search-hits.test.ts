import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../protocol/history.ts';
import { MESSAGES } from '../i18n.ts';
import { containerOfSelection, hitDetail, selectionForHit, viewForHit } from './search-hits.ts';

const box: SearchHit = {
  kind: 'container',
  id: 'SRCU1234560',
  label: 'SRCU1234560',
  detail: 'T1-YB03',
  position: [122.04, 30.62],
  inTerminal: true,
};
const vessel: SearchHit = { kind: 'vessel', id: '413555001', label: 'SEARCH STAR' };
const truck: SearchHit = {
  kind: 'equipment',
  id: 'TT01',
  label: 'TT01',
  detail: 'truck',
  position: [122.03, 30.61],
};

describe('choosing a search hit', () => {
  it('selects a box by its prefixed number, a vessel by MMSI, a machine by id', () => {
    expect(selectionForHit(box)).toBe('container:SRCU1234560');
    expect(selectionForHit(vessel)).toBe('413555001');
    expect(selectionForHit(truck)).toBe('TT01');
    expect(containerOfSelection(selectionForHit(box))).toBe('SRCU1234560');
    expect(containerOfSelection('413555001')).toBeUndefined();
    expect(containerOfSelection(undefined)).toBeUndefined();
  });

  it('flies to a box’s block at 17.5, a machine closer, and nowhere without a position', () => {
    expect(viewForHit(box)).toEqual({ center: [122.04, 30.62], zoom: 17.5 });
    expect(viewForHit(truck)).toEqual({ center: [122.03, 30.61], zoom: 18 });
    expect(viewForHit(vessel)).toBeUndefined();
  });

  it('describes a hit in the reader’s language', () => {
    expect(hitDetail(box, MESSAGES.en)).toBe('In the terminal · T1-YB03');
    expect(hitDetail({ ...box, inTerminal: false }, MESSAGES['zh-CN'])).toBe('已离港 · T1-YB03');
    expect(hitDetail(truck, MESSAGES['zh-CN'])).toBe('集卡');
    expect(hitDetail({ ...truck, detail: 'hovercraft' }, MESSAGES.en)).toBe('hovercraft');
    expect(hitDetail({ ...vessel, detail: 'IMO 9074729' }, MESSAGES.en)).toBe('IMO 9074729');
  });
});
