// Turns validator errors into one sentence a feed's developer can act on:
// "lon must be <= 180; missing property kind".
import type { TLocalizedValidationError } from 'typebox/error';

/** The sub-schema a JSON pointer such as "#/properties/time" names, if any. */
function schemaAt(schema: unknown, pointer: string): Record<string, unknown> | undefined {
  let node: unknown = schema;
  for (const step of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : undefined;
}

export function describeSchemaErrors(
  errors: readonly TLocalizedValidationError[],
  schema: unknown,
  /** Where the validated value sits in a larger document, e.g. "properties". */
  at = '',
): string {
  const parts = new Set<string>();
  for (const error of errors) {
    // The alternatives of a union each fail on their own; the union's error says it once.
    if (error.schemaPath.includes('/anyOf/')) continue;
    const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const where = [at, path].filter(Boolean).join('.');
    switch (error.keyword) {
      case 'required': {
        const missing = (error.params as { requiredProperties?: string[] }).requiredProperties;
        const prefix = where ? `${where}.` : '';
        parts.add(`missing ${(missing ?? []).map((name) => prefix + name).join(', ')}`);
        break;
      }
      case 'additionalProperties': {
        const extra = (error.params as { additionalProperties?: string[] }).additionalProperties;
        const prefix = where ? `${where}.` : '';
        parts.add(`unknown property ${(extra ?? []).map((name) => prefix + name).join(', ')}`);
        break;
      }
      case 'enum': {
        const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
        parts.add(`${where} must be one of ${allowed.join(', ')}`);
        break;
      }
      case 'anyOf': {
        const description = schemaAt(schema, error.schemaPath)?.description;
        parts.add(
          `${where} must be ${typeof description === 'string' ? description : 'of another type'}`,
        );
        break;
      }
      case 'boolean':
        // The "schema is false" twin of an additionalProperties error: said already.
        break;
      default:
        parts.add(where ? `${where} ${error.message}` : `item ${error.message}`);
    }
  }
  return [...parts].join('; ') || 'item is invalid';
}
