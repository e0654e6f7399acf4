// The built-in demo port: a fictional automated container terminal laid out at
// plausible coordinates off Shanghai's Yangshan islands. The quay runs along the south
// edge (water to the south, where the channel, pilot boarding place and anchorage are),
// the yard behind it, the gate and the customs inspection area on the landside. Built
// by code, deterministically: the same model every time.
import type { PortModel } from '../../protocol/port-model.ts';
import { FRAME, QUAY_LENGTH_M } from './demo-port-layout.ts';
import { landsideFeatures } from './demo-port-landside.ts';
import { watersideFeatures } from './demo-port-waterside.ts';
import { yardFeatures } from './demo-port-yard.ts';

export function buildDemoPort(): PortModel {
  return {
    type: 'FeatureCollection',
    properties: {
      portId: 'CNSHA-DEMO',
      name: 'Quayside demo terminal',
      timeZone: 'Asia/Shanghai',
      center: FRAME.toLonLat(QUAY_LENGTH_M / 2, 400),
    },
    features: [...watersideFeatures(), ...yardFeatures(), ...landsideFeatures()],
  };
}
