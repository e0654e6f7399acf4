// Stored positions as the live channel carries them: one shape for equipment and vessels.
import type { LivePosition } from '../../protocol/live.ts';
import type { EquipmentPosition } from '../../protocol/telemetry.ts';
import type { VesselPosition } from '../../protocol/vessel.ts';

const METRES_PER_SECOND_PER_KNOT = 1852 / 3600;

export function fromEquipment({ equipmentId, ...rest }: EquipmentPosition): LivePosition {
  return { id: equipmentId, ...rest };
}

/** AIS heading when the vessel reports one, else its course over ground. */
export function fromVessel(p: VesselPosition): LivePosition {
  const headingDeg = p.headingDeg ?? p.cogDeg;
  return {
    id: p.mmsi,
    kind: 'vessel',
    timeMs: p.timeMs,
    lon: p.lon,
    lat: p.lat,
    ...(headingDeg === undefined ? {} : { headingDeg }),
    ...(p.sogKnots === undefined ? {} : { speedMps: p.sogKnots * METRES_PER_SECOND_PER_KNOT }),
  };
}
