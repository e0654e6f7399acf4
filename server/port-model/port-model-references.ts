// What a schema cannot check in a port model: that a property naming another feature
// (a lane's gateId, a crane's terminalId, ...) names one that exists and is of the
// right kind, and that no two cranes of a terminal claim the same place on the rail.
import { PORT_FEATURE_REFERENCES, type PortFeatureKind } from '../../protocol/port-model.ts';

interface LooseProperties {
  id?: unknown;
  kind?: unknown;
  [property: string]: unknown;
}

const propertiesOf = (feature: unknown): LooseProperties | undefined => {
  const props = (feature as { properties?: unknown } | null)?.properties;
  return typeof props === 'object' && props !== null ? (props as LooseProperties) : undefined;
};

const article = (kind: string) => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;

/** One line per broken reference, in feature order. */
export function referenceProblems(features: readonly unknown[]): string[] {
  const kindById = new Map<string, unknown>();
  for (const feature of features) {
    const props = propertiesOf(feature);
    if (typeof props?.id === 'string' && !kindById.has(props.id))
      kindById.set(props.id, props.kind);
  }
  const problems: string[] = [];
  features.forEach((feature, index) => {
    const props = propertiesOf(feature);
    if (!props) return;
    const name = typeof props.id === 'string' ? props.id : `#${index}`;
    for (const { kind, property, target } of PORT_FEATURE_REFERENCES) {
      const value = props[property];
      if (props.kind !== kind || typeof value !== 'string') continue;
      const found = kindById.get(value);
      if (found === target) continue;
      problems.push(
        `feature ${name} (${kind}): properties.${property} "${value}" ` +
          (found === undefined
            ? `names no feature; it must be the id of ${article(target)}`
            : `names ${article(String(found))}, not ${article(target)}`),
      );
    }
  });
  return [...problems, ...railOrderProblems(features)];
}

/** Cranes share a rail and cannot pass each other: each rail place is one crane's. */
function railOrderProblems(features: readonly unknown[]): string[] {
  const holder = new Map<string, string>();
  const problems: string[] = [];
  const crane: PortFeatureKind = 'sts_crane';
  for (const feature of features) {
    const props = propertiesOf(feature);
    if (props?.kind !== crane || typeof props.id !== 'string') continue;
    const place = `${String(props.terminalId)}#${String(props.railOrder)}`;
    const first = holder.get(place);
    if (first === undefined) holder.set(place, props.id);
    else
      problems.push(
        `feature ${props.id} (sts_crane): properties.railOrder ${String(props.railOrder)} is ` +
          `already ${first}'s on the rail of terminal ${String(props.terminalId)}`,
      );
  }
  return problems;
}
