// The areas of a port model that port calls are made of, as geofences: berths and
// anchorages (by id, for the events), pilot boarding places, and the union that is
// "in port" (for ending a call without a berthing).
import type { PortModel } from '../../protocol/port-model.ts';
import { circleFence, corridorFence, polygonFence, type Fence } from './geofence.ts';

/** Width assumed for a channel line that does not give one. */
const DEFAULT_CHANNEL_WIDTH_M = 300;

export interface Area {
  id: string;
  fence: Fence;
}

export interface CallZones {
  berths: Area[];
  anchorages: Area[];
  berthFences: Fence[];
  anchorageFences: Fence[];
  pilotBoardingPlaces: Fence[];
  portAreas: Fence[];
}

export function callZones(model: PortModel, pbpRadiusM: number): CallZones {
  const berths: Area[] = [];
  const anchorages: Area[] = [];
  const pilotBoardingPlaces: Fence[] = [];
  const portLimits: Fence[] = [];
  const channels: Fence[] = [];
  for (const feature of model.features) {
    const { geometry, properties } = feature;
    if (properties.kind === 'berth' && geometry.type === 'Polygon')
      berths.push({ id: properties.id, fence: polygonFence(geometry.coordinates) });
    else if (properties.kind === 'anchorage' && geometry.type === 'Polygon')
      anchorages.push({ id: properties.id, fence: polygonFence(geometry.coordinates) });
    else if (properties.kind === 'pilot_boarding_place' && geometry.type === 'Point')
      pilotBoardingPlaces.push(circleFence(geometry.coordinates, pbpRadiusM));
    else if (properties.kind === 'channel' && geometry.type === 'Polygon')
      channels.push(polygonFence(geometry.coordinates));
    else if (properties.kind === 'channel' && geometry.type === 'LineString')
      channels.push(
        corridorFence(geometry.coordinates, (properties.widthM ?? DEFAULT_CHANNEL_WIDTH_M) / 2),
      );
    // Not a kind of the model yet: used if a model ever has one.
    else if ((properties.kind as string) === 'port_limits' && geometry.type === 'Polygon')
      portLimits.push(polygonFence(geometry.coordinates));
  }
  const berthFences = berths.map((b) => b.fence);
  const anchorageFences = anchorages.map((a) => a.fence);
  return {
    berths,
    anchorages,
    berthFences,
    anchorageFences,
    pilotBoardingPlaces,
    // Anchorages often lie outside the port limits, so they are always in port.
    portAreas: [
      ...portLimits,
      ...anchorageFences,
      ...berthFences,
      ...channels,
      ...pilotBoardingPlaces,
    ],
  };
}
