import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { markdownToSafeHtml } from './markdown';

/**
 * Safe HTML of Markdown texts, rendered when the text is written and kept in
 * `markdown_renderings`, so delivery reads it with the row instead of
 * rendering it per request. For texts of which there are too many for the
 * process's memo (markdown.ts): a 10,000-clinic brand's 50,000 provider bios
 * (docs/benchmarks.md, round 12).
 *
 * A rendering is found by the SHA-256 of its text, so it cannot go stale: a
 * text written by any path (an editor's publish, a preview's draft, a seed,
 * a restore, a hand-written UPDATE) either has its rendering or has none,
 * and then it is rendered when read, as before. And by the renderer that
 * made it (RENDERER): when marked, sanitize-html or their options render
 * differently, the stored renderings stop matching and the texts are
 * rendered when read until they are written again.
 */

/**
 * Texts covering what the renderer does: block and inline syntax, links it
 * keeps and drops, and raw HTML it sanitizes.
 */
const PROBE = [
  '# Heading\n\nA *paragraph* with **bold**, `code`, ~~strike~~ and a [link](https://example.com "title").',
  '- one\n- two\n\n3. three\n\n> quote\n\n---\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```\nblock\n```',
  'Line  \nbreak <b>kept</b> <span onclick="x()">dropped</span><script>alert(1)</script>',
  '[js](javascript:alert(1)) [tel](tel:+15550100) <a href="data:text/html,x">data</a> <img src=x onerror=y>',
].join('\n\n');

/** Who rendered a stored rendering: what the renderer makes of the probe. */
export const RENDERER = createHash('sha256')
  .update(markdownToSafeHtml(PROBE))
  .digest('hex')
  .slice(0, 16);

/** The SHA-256 of a text, as PostgreSQL computes it (hex), for the key of its rendering. */
const sha256Sql = (text: string) => `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`;

/**
 * A scalar subquery: the stored HTML of the text in `textColumn` (SQL), or
 * NULL when it has none. For delivery's select lists.
 */
export function storedHtmlSql(textColumn: string): string {
  return `(SELECT r.html FROM markdown_renderings r
            WHERE r.renderer = '${RENDERER}' AND r.source_sha256 = ${sha256Sql(textColumn)})`;
}

/** Renders the texts and stores their HTML (once per text and renderer). */
export async function storeRenderings(db: EntityManager, texts: Iterable<unknown>): Promise<void> {
  // Sorted: two writers storing the same texts insert them in one order, so neither waits on the other's.
  const distinct = [...new Set(texts)]
    .filter((text): text is string => typeof text === 'string')
    .sort();
  if (distinct.length === 0) return;
  await db.query(
    `INSERT INTO markdown_renderings (renderer, source_sha256, html)
     SELECT $1, ${sha256Sql('t.text')}, t.html FROM unnest($2::text[], $3::text[]) AS t(text, html)
     ON CONFLICT DO NOTHING`,
    [RENDERER, distinct, distinct.map(markdownToSafeHtml)],
  );
}

/**
 * Stores the renderings the texts of `column` in `table` lack: for rows
 * written by plain SQL (the scale seed) or before the renderer changed.
 */
export async function storeMissingRenderings(
  db: EntityManager,
  table: string,
  column: string,
): Promise<void> {
  const rows: { text: string }[] = await db.query(
    `SELECT DISTINCT x.${column} AS text FROM ${table} x
      WHERE x.${column} IS NOT NULL AND ${storedHtmlSql(`x.${column}`)} IS NULL`,
  );
  const batch = 1000;
  for (let start = 0; start < rows.length; start += batch) {
    await storeRenderings(
      db,
      rows.slice(start, start + batch).map((row) => row.text),
    );
  }
}
