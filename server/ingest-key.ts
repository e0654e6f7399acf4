// The key ingest clients present as `Authorization: Bearer KEY`. Without
// QUAYSIDE_INGEST_KEY one is generated at first start and kept under DATA_DIR, so a
// restart keeps the key the feeds already use.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface IngestKey {
  value: string;
  generated: boolean;
}

export function loadOrCreateIngestKey(dataDir: string, configured: string | undefined): IngestKey {
  if (configured) return { value: configured, generated: false };
  const file = join(dataDir, 'ingest-key');
  if (existsSync(file)) return { value: readFileSync(file, 'utf8').trim(), generated: false };
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(24).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return { value, generated: true };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time check of an Authorization header against the key (hashing evens lengths). */
export function bearerMatches(header: string | undefined, key: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(key)) && presented.length > 0;
}
