// Every file of the built client, raw, gzip (level 9) and brotli (quality 11), as a note
// quotes them ("N MB raw, M MB gzip").
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The files largest first, and their total. */
export function bundleSizes(dir: string): { files: FileSize[]; total: Omit<FileSize, 'file'> } {
  const files = filesUnder(dir)
    .map((path) => {
      const bytes = readFileSync(path);
      return {
        file: relative(dir, path),
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: 11,
            [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }).length,
      };
    })
    .sort((a, b) => b.raw - a.raw);
  const total = files.reduce(
    (sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip, brotli: sum.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files, total };
}

export type BundleSizes = ReturnType<typeof bundleSizes>;
