import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PortModel } from '../../protocol/port-model.ts';
import { buildDemoPort } from './demo-port.ts';
import { loadPortModel, PortModelError, validatePortModel } from './load-port-model.ts';

/** A feature as a test may break it: any property, any geometry. */
interface LooseFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown[] };
}

/** A copy of the demo port, broken by the callback (which finds features by id). */
function brokenPort(breakIt: (byId: (id: string) => LooseFeature) => void): unknown {
  const model = structuredClone(buildDemoPort()) as PortModel;
  breakIt((id) => {
    const feature = model.features.find((f) => f.properties.id === id);
    if (!feature) throw new Error(`no feature ${id} in the demo port`);
    return feature as unknown as LooseFeature;
  });
  return model;
}

const ALL_KINDS =
  'terminal, water, land, quay, berth, sts_crane, yard_block, road, gate, gate_lane, ' +
  'inspection_area, inspection_lane, anchorage, channel, pilot_boarding_place';

function problemsOf(value: unknown, source = 'port.geojson'): string[] {
  try {
    validatePortModel(value, source);
  } catch (error) {
    expect(error).toBeInstanceOf(PortModelError);
    expect((error as PortModelError).source).toBe(source);
    return (error as PortModelError).problems;
  }
  throw new Error('expected the model to be rejected');
}

describe('validatePortModel', () => {
  it('returns a valid model as it is', () => {
    const model = buildDemoPort();
    expect(validatePortModel(model, 'demo')).toBe(model);
  });

  it('lists every bad feature, one line each, naming its id and kind', () => {
    const problems = problemsOf(
      brokenPort((byId) => {
        byId('T1-B3').properties.lengthM = -1;
        byId('T1-YB02').properties.bays = 0;
      }),
    );
    expect(problems).toEqual([
      'feature T1-B3 (berth): properties.lengthM must be > 0',
      'feature T1-YB02 (yard_block): properties.bays must be >= 1',
    ]);
  });

  it('reports a duplicate id', () => {
    const problems = problemsOf(
      brokenPort((byId) => {
        byId('T1-B5').properties.id = 'T1-B4';
      }),
    );
    expect(problems).toEqual(['feature T1-B4: id is used more than once']);
  });

  it('reports two different duplicate ids each', () => {
    const problems = problemsOf(
      brokenPort((byId) => {
        byId('T1-B2').properties.id = 'T1-B1';
        byId('T1-YA02').properties.id = 'T1-YA01';
      }),
    );
    expect(problems).toEqual([
      'feature T1-B1: id is used more than once',
      'feature T1-YA01: id is used more than once',
    ]);
  });

  it('reports an unknown kind with the kinds allowed', () => {
    const problems = problemsOf(
      brokenPort((byId) => {
        byId('T1-B5').properties.kind = 'crane';
      }),
    );
    expect(problems).toEqual([
      `feature T1-B5 (crane): properties.kind must be one of ${ALL_KINDS}`,
    ]);
  });

  it('judges a feature against its own kind only', () => {
    const problems = problemsOf(
      brokenPort((byId) => {
        byId('T1-B2').geometry.type = 'LineString';
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^feature T1-B2 \(berth\): geometry\.type /);
  });

  it('names a feature without an id by its index', () => {
    const model = brokenPort((byId) => {
      delete byId('T1-B2').properties.id;
    }) as PortModel;
    const index = model.features.findIndex((f) => f.properties.id === undefined);
    expect(problemsOf(model)).toEqual([`feature #${index} (berth): missing properties.id`]);
  });

  it('names a feature that is not an object by its index', () => {
    const model = structuredClone(buildDemoPort()) as { features: unknown[] };
    model.features[2] = null;
    expect(problemsOf(model)).toEqual([
      `feature #2 (no kind): properties.kind must be one of ${ALL_KINDS}`,
    ]);
  });

  it('points at a coordinate out of range', () => {
    const problems = problemsOf(
      brokenPort((byId) => {
        (byId('T1-B2').geometry.coordinates[0] as unknown[])[1] = [200, 30.6];
      }),
    );
    expect(problems).toEqual(['feature T1-B2 (berth): geometry.coordinates.0.1.0 must be <= 180']);
  });

  it('reports a bad collection property when every feature is fine', () => {
    const model = structuredClone(buildDemoPort());
    model.properties.portId = '';
    const problems = problemsOf(model);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('properties.portId');
  });

  it('reports a model whose type is not FeatureCollection', () => {
    const model = { ...buildDemoPort(), type: 'Feature' };
    const problems = problemsOf(model);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^type /);
  });

  const NOT_A_COLLECTION = ['the file must hold one GeoJSON FeatureCollection object'];
  it.each([
    ['null', null, NOT_A_COLLECTION],
    ['an array', [], NOT_A_COLLECTION],
    ['a string', 'port', NOT_A_COLLECTION],
    [
      'a collection without properties or features',
      { type: 'FeatureCollection' },
      ['properties must be object', 'features must be an array of GeoJSON features'],
    ],
  ])('reports %s as not a valid FeatureCollection', (_label, value, problems) => {
    expect(problemsOf(value)).toEqual(problems);
  });

  it('lists collection problems, feature problems and duplicate ids together, each once', () => {
    const model = brokenPort((byId) => {
      byId('T1-B1').properties.lengthM = 0;
      byId('T1-B5').properties.id = 'T1-B4';
      byId('T1-B6').properties.id = 'T1-B4';
    }) as { properties: { portId: string } };
    model.properties.portId = '';
    const problems = problemsOf(model);
    expect(problems).toEqual([
      expect.stringContaining('properties.portId'),
      'feature T1-B1 (berth): properties.lengthM must be > 0',
      'feature T1-B4: id is used more than once',
    ]);
  });

  it('puts the source and every problem in the error message, one per line', () => {
    const model = brokenPort((byId) => {
      byId('T1-B1').properties.depthM = 0;
      byId('T1-B2').properties.depthM = 0;
    });
    expect(() => validatePortModel(model, 'my-port.geojson')).toThrow(
      'port model my-port.geojson is invalid:\n' +
        '  feature T1-B1 (berth): properties.depthM must be > 0\n' +
        '  feature T1-B2 (berth): properties.depthM must be > 0',
    );
  });
});

describe('validatePortModel on the kinds beyond berths and blocks', () => {
  it('judges a crane as a Point on the rail', () => {
    const problems = problemsOf(
      brokenPort((byId) => {
        byId('T1-QC03').geometry.coordinates[1] = 95;
        byId('T1-QC04').properties.outreachM = 0;
        byId('T1-QC05').geometry.type = 'Polygon';
      }),
    );
    expect(problems).toEqual([
      'feature T1-QC03 (sts_crane): geometry.coordinates.1 must be <= 90',
      'feature T1-QC04 (sts_crane): properties.outreachM must be > 0',
      expect.stringMatching(/^feature T1-QC05 \(sts_crane\): geometry\.type /),
    ]);
  });

  it('checks the properties of lanes, areas and waters', () => {
    const problems = problemsOf(
      brokenPort((byId) => {
        byId('T1-gate-in-01').properties.direction = 'sideways';
        byId('T1-inspection-scan-1').properties.capacityPerHour = 0;
        byId('T1-inspection-manual-2').properties.method = 'sniffer dog';
        byId('channel-main').properties.depthM = -3;
        byId('anchorage-1').properties.maxDraughtM = 0;
      }),
    );
    expect(problems).toEqual([
      'feature channel-main (channel): properties.depthM must be > 0',
      'feature anchorage-1 (anchorage): properties.maxDraughtM must be > 0',
      'feature T1-gate-in-01 (gate_lane): properties.direction must be one of in, out',
      'feature T1-inspection-scan-1 (inspection_lane): properties.capacityPerHour must be > 0',
      'feature T1-inspection-manual-2 (inspection_lane): properties.method must be one of scan, manual',
    ]);
  });

  it('accepts a gate lane drawn as a polygon', () => {
    const model = brokenPort((byId) => {
      const lane = byId('T1-gate-out-02');
      const [[x0, y0], [x1, y1]] = lane.geometry.coordinates as [
        [number, number],
        [number, number],
      ];
      lane.geometry = {
        type: 'Polygon',
        coordinates: [
          [
            [x0 - 1e-5, y0],
            [x0 + 1e-5, y0],
            [x1 + 1e-5, y1],
            [x1 - 1e-5, y1],
            [x0 - 1e-5, y0],
          ],
        ],
      };
    });
    expect(() => validatePortModel(model, 'polygon lanes')).not.toThrow();
  });

  it('reports references to features that do not exist or are of another kind', () => {
    const problems = problemsOf(
      brokenPort((byId) => {
        byId('T1-gate-in-03').properties.gateId = 'T1-gate-north';
        byId('T1-QC07').properties.terminalId = 'T1-B2';
        byId('T1-inspection-manual-1').properties.inspectionAreaId = 'T1-gate';
        byId('T1-YC04').properties.terminalId = 'T2';
      }),
    );
    expect(problems).toEqual([
      'feature T1-QC07 (sts_crane): properties.terminalId "T1-B2" names a berth, not a terminal',
      'feature T1-YC04 (yard_block): properties.terminalId "T2" names no feature; it must be the id of a terminal',
      'feature T1-gate-in-03 (gate_lane): properties.gateId "T1-gate-north" names no feature; it must be the id of a gate',
      'feature T1-inspection-manual-1 (inspection_lane): properties.inspectionAreaId "T1-gate" names a gate, not an inspection_area',
    ]);
  });

  it('reports two cranes on the same place of one rail', () => {
    const problems = problemsOf(
      brokenPort((byId) => {
        byId('T1-QC09').properties.railOrder = 8;
      }),
    );
    expect(problems).toEqual([
      "feature T1-QC09 (sts_crane): properties.railOrder 8 is already T1-QC08's on the rail of terminal T1",
    ]);
  });

  it('lists schema problems, duplicate ids and references together', () => {
    const problems = problemsOf(
      brokenPort((byId) => {
        byId('T1-B1').properties.depthM = 0;
        byId('T1-B3').properties.id = 'T1-B2';
        byId('T1-gate-out-01').properties.gateId = 'nowhere';
      }),
    );
    expect(problems).toEqual([
      'feature T1-B1 (berth): properties.depthM must be > 0',
      'feature T1-B2: id is used more than once',
      'feature T1-gate-out-01 (gate_lane): properties.gateId "nowhere" names no feature; it must be the id of a gate',
    ]);
  });
});

describe('loadPortModel', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quayside-port-model-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the demo port when no path is configured', () => {
    expect(loadPortModel(undefined)).toEqual(buildDemoPort());
    expect(loadPortModel('')).toEqual(buildDemoPort());
  });

  it('loads and validates a GeoJSON file', () => {
    const path = file('good.geojson', JSON.stringify(buildDemoPort()));
    expect(loadPortModel(path)).toEqual(buildDemoPort());
  });

  it('rejects a file that is not JSON, saying so and naming the file', () => {
    const path = file('bad.geojson', '{"type": "FeatureCollection",');
    let caught: unknown;
    try {
      loadPortModel(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PortModelError);
    const error = caught as PortModelError;
    expect(error.source).toBe(path);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^cannot read it as JSON: /);
    expect(error.message).toContain(`port model ${path} is invalid`);
  });

  it('rejects a missing file as unreadable', () => {
    const path = join(dir, 'absent.geojson');
    expect(() => loadPortModel(path)).toThrow(/cannot read it as JSON: .*ENOENT/);
  });

  it('rejects a JSON file whose content is not a valid model', () => {
    const path = file('empty.geojson', '{}');
    expect(() => loadPortModel(path)).toThrow(PortModelError);
  });
});
