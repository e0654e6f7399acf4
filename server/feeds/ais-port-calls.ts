// Port calls from real traffic: decoded AIS goes through the vessel call tracker, and the
// JIT timestamps it completes (ATA-Anchorage, ATD-Anchorage, ATA-Berth, ATD-Berth) become
// events like any feed's, validated the same way. A freshly started tracker knows no call
// in progress: those calls' arrivals are not reported (see the tracker's notes).
import type { PortModel } from '../../protocol/port-model.ts';
import type { StoredEvent } from '../../protocol/events.ts';
import type { VesselPosition, VesselStatic } from '../../protocol/vessel.ts';
import { definedOnly } from '../ais/fields.ts';
import { validateEvent } from '../ingest/validate-event.ts';
import { VesselCallTracker } from './vessel-call-tracker.ts';

const MAX_VESSELS = 100_000;

export function aisPortCalls(model: PortModel, onInvalid: (reason: string) => void) {
  const tracker = new VesselCallTracker(model);
  // Who each vessel is, from its static reports: the tracker needs the IMO to name a call.
  const identities = new Map<string, { imo?: string; name?: string }>();
  return (positions: VesselPosition[], statics: VesselStatic[]): StoredEvent[] => {
    const derived = statics.flatMap((s) => {
      const identity = { ...identities.get(s.mmsi), ...definedOnly({ imo: s.imo, name: s.name }) };
      identities.delete(s.mmsi); // re-inserted last: the oldest vessels are forgotten first
      identities.set(s.mmsi, identity);
      if (identities.size > MAX_VESSELS) identities.delete(identities.keys().next().value!);
      return tracker.identify(s.mmsi, identity);
    });
    for (const p of [...positions].sort((a, b) => a.timeMs - b.timeMs))
      derived.push(...tracker.update(p, identities.get(p.mmsi)));
    return derived.flatMap((event) => {
      const checked = validateEvent(event, Date.now());
      if (checked.ok) return [checked.value];
      onInvalid(checked.reason);
      return [];
    });
  };
}
