import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  CheckedTarget,
  checkWebhookUrl,
  Lookup,
  OutboundPolicy,
  OutboundRefusal,
  resolveWebhookTarget,
} from './outbound-address';

/** Redirects followed per delivery; each hop is checked like the first. */
export const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The one message for refused, reset, timed out, unreachable and TLS failures. */
export const CONNECTION_FAILED =
  'connection failed (refused, reset, timed out or TLS failure): check that the URL answers HTTPS POSTs';
/** Only the status counts; a receiver's chatter is not read past this. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface SendOptions {
  policy: OutboundPolicy;
  /** For the whole delivery: DNS, connection, redirects and response. */
  timeoutMs: number;
  /** Test seam for DNS; the system resolver by default. */
  lookup?: Lookup;
}

export interface SendResult {
  ok: boolean;
  /** The final HTTP status; null when none came back. */
  statusCode: number | null;
  /** Why it failed, in words an admin can act on; null on success. */
  error: string | null;
}

/**
 * POSTs one webhook. Every hop is checked before it is made: scheme, then
 * the host's resolved addresses, then the connection goes to that checked
 * address (the host name stays for the Host header, SNI and the certificate
 * check), so a name that re-resolves elsewhere cannot slip past. Redirects
 * are followed by hand, re-checked and re-POSTed with the same signed body.
 * Never throws: every outcome is a SendResult.
 */
export async function sendWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: SendOptions,
): Promise<SendResult> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  let current = url;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const target = await resolveWebhookTarget(
        checkWebhookUrl(current, options.policy),
        options.policy,
        options.lookup,
      );
      const { statusCode, location } = await post(target, body, headers, deadline);
      if (REDIRECTS.has(statusCode) && location) {
        current = new URL(location, target.url).toString();
        continue;
      }
      const ok = statusCode >= 200 && statusCode < 300;
      return { ok, statusCode, error: ok ? null : `receiver answered HTTP ${statusCode}` };
    }
    return { ok: false, statusCode: null, error: `more than ${MAX_REDIRECTS} redirects` };
  } catch (error) {
    return { ok: false, statusCode: null, error: describe(error) };
  }
}

function post(
  target: CheckedTarget,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<{ statusCode: number; location: string | undefined }> {
  const { url } = target;
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const request = (url.protocol === 'https:' ? https : http).request({
    host: target.hostname,
    port: url.port || undefined,
    path: `${url.pathname}${url.search}`,
    method: 'POST',
    headers: {
      ...headers,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'user-agent': 'clinic-content-api-webhooks/1',
    },
    lookup: pinned,
    servername: target.hostname,
    // A fresh connection per delivery: a pooled socket could have been
    // opened to an address checked for another name.
    agent: false,
    signal,
  });
  return new Promise((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (response) => {
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_RESPONSE_BYTES) response.destroy();
      });
      const done = () =>
        resolve({ statusCode: response.statusCode ?? 0, location: response.headers.location });
      response.on('end', done);
      response.on('close', done);
      response.on('error', () => done());
    });
    request.end(body);
  });
}

/**
 * What an admin reads in `lastError`. Every failure to connect or to get an
 * answer reads the same: telling "refused" from "timed out" or "reset"
 * would let a webhook URL probe which hosts and ports are open.
 */
function describe(error: unknown): string {
  if (error instanceof OutboundRefusal) return `refused: ${error.message}`;
  const code = (error as { code?: string }).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host does not resolve';
  return CONNECTION_FAILED;
}
