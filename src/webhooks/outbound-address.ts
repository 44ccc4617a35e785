import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Where webhooks may go (from config: WEBHOOK_ALLOW_HTTP, WEBHOOK_ALLOW_PRIVATE_HOSTS, WEBHOOK_ALLOWED_HOSTS). */
export interface OutboundPolicy {
  allowHttp: boolean;
  allowPrivateHosts: boolean;
  /** Host names or IP literals exempt from the private-address check. */
  allowedHosts: readonly string[];
}

/** A target the policy refuses; the message says why, without internals. */
export class OutboundRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefusal';
  }
}

/** A resolved, checked address to connect to (and nothing else). */
export interface CheckedTarget {
  url: URL;
  /** Host name without IPv6 brackets: for the Host header, SNI and certificate checks. */
  hostname: string;
  address: string;
  family: 4 | 6;
}

export type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Is this an address on the public internet? Only ipaddr.js's `unicast`
 * range passes: loopback, private (RFC 1918, unique local), link-local
 * (which holds the 169.254.169.254 metadata service), carrier-grade NAT
 * (Alibaba's metadata at 100.100.100.200), multicast, reserved and the
 * IPv6 ranges that embed IPv4 addresses (NAT64, 6to4, Teredo) are refused.
 * IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it maps.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/**
 * Checks what can be checked without the network: scheme, credentials,
 * host, and IP literals. Returns the parsed URL.
 */
export function checkWebhookUrl(raw: string, policy: OutboundPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefusal('is not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    throw new OutboundRefusal(
      policy.allowHttp ? 'must start with https:// or http://' : 'must start with https://',
    );
  }
  if (url.username || url.password) {
    throw new OutboundRefusal('must not carry a user name or password');
  }
  if (!url.hostname) throw new OutboundRefusal('names no host');
  const hostname = hostnameOf(url);
  if (isIP(hostname) && !exempt(hostname, policy) && !isPublicAddress(hostname)) {
    throw new OutboundRefusal(`points at a private or reserved address (${hostname})`);
  }
  return url;
}

/**
 * Resolves the URL's host and checks every address it resolves to (one
 * private answer is enough to refuse: DNS can rotate). Connect to the
 * returned address only, so nothing re-resolves the name between the check
 * and the connection.
 */
export async function resolveWebhookTarget(
  url: URL,
  policy: OutboundPolicy,
  lookup: Lookup = systemLookup,
): Promise<CheckedTarget> {
  const hostname = hostnameOf(url);
  let answers: { address: string; family: number }[];
  if (isIP(hostname)) {
    answers = [{ address: hostname, family: isIP(hostname) }];
  } else {
    try {
      answers = await lookup(hostname);
    } catch {
      throw new OutboundRefusal(`host ${hostname} does not resolve`);
    }
  }
  if (answers.length === 0) throw new OutboundRefusal(`host ${hostname} does not resolve`);
  if (!exempt(hostname, policy)) {
    const refused = answers.find((answer) => !isPublicAddress(answer.address));
    if (refused) {
      throw new OutboundRefusal(
        `host ${hostname} resolves to a private or reserved address (${refused.address})`,
      );
    }
  }
  const { address, family } = answers[0];
  return { url, hostname, address, family: family === 6 ? 6 : 4 };
}

function hostnameOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

function exempt(hostname: string, policy: OutboundPolicy): boolean {
  return policy.allowPrivateHosts || policy.allowedHosts.includes(hostname);
}
