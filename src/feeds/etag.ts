import { createHash } from 'node:crypto';

/** A strong ETag for a body: the same bytes, the same tag, on every instance. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * Does If-None-Match match this ETag? It may list several tags or `*`;
 * per RFC 9110 the comparison is weak, so `W/"x"` matches `"x"`.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
