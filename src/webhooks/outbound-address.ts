import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may go (from config: WEBHOOK_ALLOW_HTTP,
 * WEBHOOK_ALLOW_PRIVATE_HOSTS, WEBHOOK_ALLOWED_HOSTS, WEBHOOK_ALLOWED_PORTS).
 */
export interface OutboundPolicy {
  allowHttp: boolean;
  allowPrivateHosts: boolean;
  /** Host names or IP literals exempt from the private-address and port checks. */
  allowedHosts: readonly string[];
  /** Ports a URL may name (the scheme's default port counts as named). */
  allowedPorts: readonly number[];
}

/** The policy the app's settings describe. */
export function outboundPolicyOf(config: {
  webhookAllowHttp: boolean;
  webhookAllowPrivateHosts: boolean;
  webhookAllowedHosts: readonly string[];
  webhookAllowedPorts: readonly number[];
}): OutboundPolicy {
  return {
    allowHttp: config.webhookAllowHttp,
    allowPrivateHosts: config.webhookAllowPrivateHosts,
    allowedHosts: config.webhookAllowedHosts,
    allowedPorts: config.webhookAllowedPorts,
  };
}

/**
 * IPv4-compatible IPv6 (`::a.b.c.d`, deprecated since RFC 4291): URL
 * parsing turns `[::127.0.0.1]` into `[::7f00:1]`, which ipaddr.js calls
 * plain unicast, yet some stacks route it to the embedded IPv4 address.
 */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

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
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv6' && parsed.match(IPV4_COMPATIBLE)) return false;
  return parsed.range() === 'unicast';
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
  if (exempt(hostname, policy)) return url;
  if (isIP(hostname) && !isPublicAddress(hostname)) {
    throw new OutboundRefusal(`points at a private or reserved address (${hostname})`);
  }
  // An empty port is the scheme's default (443 or 80).
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (!policy.allowedPorts.includes(port)) {
    throw new OutboundRefusal(
      `names port ${port}: webhooks may use port ${policy.allowedPorts.join(' or ')} only`,
    );
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
