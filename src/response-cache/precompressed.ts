import type { Request } from 'express';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Answers smaller than this are sent as they are (compression would gain little). */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

export type ContentEncoding = 'br' | 'gzip';
export type Encodings = Partial<Record<ContentEncoding, Buffer>>;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The compressed forms of a cached answer, made once when it is stored (on
 * zlib's thread pool, off the request path), so a hit costs no compression.
 * Stored answers are read many times: brotli works harder than it can for
 * an answer compressed on the fly (quality 4 in app-setup).
 */
export async function compressOnce(body: Buffer): Promise<Encodings> {
  if (body.length < COMPRESSION_THRESHOLD_BYTES) return {};
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 8,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    gzipAsync(body, { level: 9 }),
  ]);
  const encodings: Encodings = {};
  if (br.length < body.length) encodings.br = br;
  if (gz.length < body.length) encodings.gzip = gz;
  return encodings;
}

/** The stored form to send for the request's Accept-Encoding, or undefined for identity. */
export function pickEncoding(
  req: Request,
  encodings: Encodings | undefined,
): ContentEncoding | undefined {
  const offered = (['br', 'gzip'] as const).filter((encoding) => encodings?.[encoding]);
  if (offered.length === 0 || !req.headers['accept-encoding']) return undefined;
  const chosen = req.acceptsEncodings([...offered, 'identity']);
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}
