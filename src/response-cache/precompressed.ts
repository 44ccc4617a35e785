import compression from 'compression';
import type { Request, Response } from 'express';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { gunzipSync } from 'fflate';
import type { CachedAnswer } from './cache-store';

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
 * an answer compressed on the fly (quality 4 in app-setup). Quality 5, not
 * more: on a 42 KB clinic page it gives 5,927 bytes against 6,360 at 4 and
 * 5,912 at 8, for a fraction of 8's CPU; a publish re-renders and
 * recompresses hundreds of pages at once.
 */
export async function compressOnce(body: Buffer): Promise<Encodings> {
  if (body.length < COMPRESSION_THRESHOLD_BYTES) return {};
  // zlib writes into chunks of 64 KB by default, garbage once copied out
  // (ownCopy) but counted against the process until V8 collects them; JSON
  // answers compress to a fifth or less, so a quarter of the body is one chunk.
  const chunkSize = Math.max(constants.Z_MIN_CHUNK, Math.ceil(body.length / 4));
  const [br, gz] = await Promise.all([
    brotli(body, {
      chunkSize,
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        // A window just larger than the answer compresses as well as the
        // default 4 MB one, and brotli then takes a small hash table
        // instead of 16 MB per answer being compressed.
        [constants.BROTLI_PARAM_LGWIN]: windowBitsFor(body.length),
      },
    }),
    gzipAsync(body, { level: 9, chunkSize }),
  ]);
  const encodings: Encodings = {};
  if (br.length < body.length) encodings.br = ownCopy(br);
  if (gz.length < body.length) encodings.gzip = ownCopy(gz);
  return encodings;
}

/**
 * What the store keeps of an answer once compressed: its compressed forms,
 * and its identity bytes only when there is no gzip form to inflate them
 * from (identityOf). The identity form is by far the largest (a clinic
 * page: 43 KB, against 7 KB gzip and 6 KB brotli) and the least asked for:
 * browsers, CDNs, fetch and curl --compressed all accept gzip. Without it
 * the store holds four times as many pages in the same memory.
 */
export function storedForms(
  body: Buffer,
  encodings: Encodings,
): Pick<CachedAnswer, 'body' | 'encodings'> {
  return encodings.gzip ? { encodings } : { body, encodings };
}

/**
 * The answer's bytes without Content-Encoding: kept, or inflated from its
 * gzip form into a buffer of their exact length (the gzip trailer's ISIZE;
 * answers are at most 8 MB, far below its 4 GB). fflate rather than
 * node:zlib, whose gunzipSync makes a zlib stream and context per call: at
 * a few thousand such hits a second the process held 40–60 MB more with it
 * than with fflate, which writes into the one buffer given (see
 * docs/benchmarks.md). fflate takes about 30 % more CPU for a 43 KB page.
 */
export function identityOf(answer: CachedAnswer): Buffer {
  if (answer.body) return answer.body;
  const gzip = answer.encodings?.gzip;
  if (!gzip) throw new Error('A cached answer without its identity bytes must have a gzip form');
  const identity = Buffer.allocUnsafe(gzip.readUInt32LE(gzip.length - 4));
  gunzipSync(gzip, { out: identity });
  return identity;
}

/** log2 of the smallest brotli window holding `bytes`, at most the default (4 MB). */
function windowBitsFor(bytes: number): number {
  return Math.min(
    constants.BROTLI_DEFAULT_WINDOW,
    Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes))),
  );
}

/**
 * zlib answers a view into its 64 KB output chunk: kept as it is, a 7 KB
 * brotli form would hold the whole chunk in the cache while the store counts
 * 7 KB. A copy of the exact length (not from Buffer's shared 8 KB pool)
 * frees the chunk.
 */
function ownCopy(compressed: Buffer): Buffer {
  if (compressed.byteLength === compressed.buffer.byteLength) return compressed;
  const copy = Buffer.allocUnsafeSlow(compressed.byteLength);
  compressed.copy(copy);
  return copy;
}

/** Whether the answer, once compressed (compressOnce), has a form the client would take. */
export function acceptsStoredForms(req: Request, answer: CachedAnswer): boolean {
  const bytes = answer.body?.length ?? 0;
  return bytes >= COMPRESSION_THRESHOLD_BYTES && pickEncoding(req, ALL_FORMS) !== undefined;
}

/** Stand-ins for pickEncoding: every form compressOnce makes. */
const ALL_FORMS: Encodings = { br: Buffer.alloc(0), gzip: Buffer.alloc(0) };

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

/** Set on a response the compression middleware must leave as it is (sendAsIs). */
const AS_IS = Symbol('sendAsIs');

/**
 * Sends the answer without Content-Encoding whatever the client accepts:
 * a stored answer whose compressed forms wait for renders in flight
 * (CompressionQueue), which compressing on the fly would slow down.
 */
export function sendAsIs(res: Response): void {
  (res as Response & { [AS_IS]?: boolean })[AS_IS] = true;
}

/** The compression middleware's filter: its default, except for answers sent as they are. */
export function compressOnTheFly(req: Request, res: Response): boolean {
  return !(res as Response & { [AS_IS]?: boolean })[AS_IS] && compression.filter(req, res);
}
