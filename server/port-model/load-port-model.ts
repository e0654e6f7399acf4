// The port model in use: the built-in demo port, or the GeoJSON file PORT_MODEL names.
// A file is checked whole before the server starts, and every problem is listed with
// the feature it concerns (shape, duplicate ids, references between features), so a
// port engineer can fix the file in one pass.
import { readFileSync } from 'node:fs';
import { Compile } from 'typebox/compile';
import { PORT_FEATURE_SCHEMAS, PortFeature, PortModel } from '../../protocol/port-model.ts';
import { describeSchemaErrors } from '../ingest/schema-errors.ts';
import { buildDemoPort } from './demo-port.ts';
import { referenceProblems } from './port-model-references.ts';

const checkModel = Compile(PortModel);
const checkFeature = Compile(PortFeature);
const checkCollectionProperties = Compile(PortModel.properties.properties);

export class PortModelError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`port model ${source} is invalid:\n  ${problems.join('\n  ')}`);
  }
}

export function validatePortModel(value: unknown, source: string): PortModel {
  if (
    checkModel.Check(value) &&
    duplicateIds(value.features).length === 0 &&
    referenceProblems(value.features).length === 0
  )
    return value;
  throw new PortModelError(source, listProblems(value));
}

/** Every problem of the file at once: the collection, each feature, ids, references. */
function listProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['the file must hold one GeoJSON FeatureCollection object'];
  const root = value as { type?: unknown; properties?: unknown; features?: unknown };
  const problems: string[] = [];
  if (root.type !== 'FeatureCollection') problems.push('type must be "FeatureCollection"');
  if (!checkCollectionProperties.Check(root.properties))
    problems.push(
      describeSchemaErrors(
        checkCollectionProperties.Errors(root.properties),
        PortModel.properties.properties,
        'properties',
      ),
    );
  if (!Array.isArray(root.features)) {
    problems.push('features must be an array of GeoJSON features');
    return problems;
  }
  root.features.forEach((feature: unknown, index) => {
    if (checkFeature.Check(feature)) return;
    const props = (feature as { properties?: { id?: unknown; kind?: unknown } })?.properties;
    const name = typeof props?.id === 'string' ? props.id : `#${index}`;
    problems.push(
      `feature ${name} (${String(props?.kind ?? 'no kind')}): ${describeFeature(feature)}`,
    );
  });
  for (const id of duplicateIds(root.features))
    problems.push(`feature ${id}: id is used more than once`);
  problems.push(...referenceProblems(root.features));
  return problems;
}

/** Each id that more than one feature carries, once. */
function duplicateIds(features: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const feature of features) {
    const id = (feature as { properties?: { id?: unknown } })?.properties?.id;
    if (typeof id !== 'string') continue;
    if (seen.has(id)) duplicates.add(id);
    seen.add(id);
  }
  return [...duplicates];
}

const checkVariant = Object.fromEntries(
  Object.entries(PORT_FEATURE_SCHEMAS).map(([kind, schema]) => [kind, Compile(schema)]),
);

/** Errors against the schema of the feature's own kind, not against every kind at once. */
function describeFeature(feature: unknown): string {
  const kind = (feature as { properties?: { kind?: unknown } })?.properties?.kind;
  const kinds = Object.keys(PORT_FEATURE_SCHEMAS);
  if (typeof kind !== 'string' || !kinds.includes(kind))
    return `properties.kind must be one of ${kinds.join(', ')}`;
  const variant = PORT_FEATURE_SCHEMAS[kind as keyof typeof PORT_FEATURE_SCHEMAS];
  return describeSchemaErrors(checkVariant[kind]!.Errors(feature), variant);
}

export function loadPortModel(path: string | undefined): PortModel {
  if (!path) return buildDemoPort();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PortModelError(path, [`cannot read it as JSON: ${(error as Error).message}`]);
  }
  return validatePortModel(parsed, path);
}
