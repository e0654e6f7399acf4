// Open alerts drawn where they are, as rings that pulse: on a machine (wherever it is
// now), at a berth (a call's alert is at the berth it lies at), a lane or a block. Alerts
// about the whole port or a feed have no place on the map and are only in the list.
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Alert, AlertSeverity } from '../../../protocol/alerts.ts';
import type { OperationsPicture } from '../../../protocol/operations.ts';
import type { EntityBuffers } from '../live/entity-buffers.ts';
import type { Rgba } from './deck-layers.ts';
import type { LonLat, Place } from './places.ts';

export const SEVERITY_COLOURS: Record<AlertSeverity, Rgba> = {
  info: [52, 172, 224, 255],
  warning: [255, 177, 0, 255],
  critical: [255, 71, 87, 255],
};

/** One pulse a second and a half: noticeable from across a room, not frantic. */
export const PULSE_PERIOD_MS = 1_500;

export interface PlacedAlert {
  alert: Alert;
  position: LonLat;
}

/** Where an alert's scope is now, if it is anywhere on the map. */
export function alertPosition(
  scope: string,
  places: ReadonlyMap<string, Place>,
  picture: OperationsPicture | undefined,
  buffers: EntityBuffers,
): LonLat | undefined {
  const colon = scope.indexOf(':');
  if (colon < 0) return undefined;
  const [kind, id] = [scope.slice(0, colon), scope.slice(colon + 1)];
  if (kind === 'equipment' || kind === 'crane') {
    const fix = buffers.describe(id);
    return fix ? [fix.lon, fix.lat] : places.get(id)?.centre;
  }
  if (kind === 'call') {
    const berth = picture?.berths.find((b) => b.callId === id);
    return berth ? places.get(berth.berthId)?.centre : undefined;
  }
  return places.get(id)?.centre;
}

export function placeAlerts(
  alerts: readonly Alert[],
  places: ReadonlyMap<string, Place>,
  picture: OperationsPicture | undefined,
  buffers: EntityBuffers,
): PlacedAlert[] {
  return alerts.flatMap((alert) => {
    const position = alertPosition(alert.scope, places, picture, buffers);
    return position ? [{ alert, position }] : [];
  });
}

/** Pulse phase 0..1 at a client time. */
export const pulsePhase = (nowMs: number) => (nowMs % PULSE_PERIOD_MS) / PULSE_PERIOD_MS;

export function alertPulseLayer(
  placed: readonly PlacedAlert[],
  nowMs: number,
  sizePx: number,
): Layer {
  const phase = pulsePhase(nowMs);
  return new ScatterplotLayer<PlacedAlert>({
    id: 'alert-pulses',
    data: placed,
    getPosition: (p) => p.position,
    getLineColor: (p) => SEVERITY_COLOURS[p.alert.severity],
    getRadius: 1,
    radiusUnits: 'pixels',
    // The ring grows and fades each period; only uniforms change between frames.
    radiusScale: sizePx * (1 + 1.5 * phase),
    opacity: 1 - 0.85 * phase,
    stroked: true,
    filled: false,
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    updateTriggers: { getPosition: nowMs },
  });
}
