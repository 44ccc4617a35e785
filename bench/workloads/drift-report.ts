import { TREATMENT } from '../workloads';
import type { BenchDatabase } from './bench-database';
import { type BenchTarget, graphqlOk, percentile, round, statementsSent } from './bench-http';

export interface DriftReportOptions {
  target: BenchTarget;
  db: BenchDatabase;
  /** An `admin` key of the brand (brand-wide: the report is for brand editors). */
  adminKey: string;
  brand: string;
  /** Requests per kind of page. */
  samples?: number;
}

export interface DriftReportFigures {
  /** Rows of the whole report (totalCount). */
  rows: number;
  /** The first page of 50, unfiltered. */
  p50Ms: number;
  p99Ms: number;
  /** The next pages of 50 (after a cursor). */
  nextPageP50Ms: number;
  /** The first page of one region's rows. */
  regionP50Ms: number;
  sqlPerPage?: number;
}

const REPORT = `query Drift($regionId: ID, $after: String) {
  driftReport(regionId: $regionId, first: 50, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind field brandValue value clinic { name } region { name } treatment { name }
                   override { id version } } }
  }
}`;

/**
 * driftReport: the brand's drift report at the bench's clinic count. The
 * brand rewrites the treatment's summary (a draft, as an editor would
 * before publishing), so every override of it — the scale seed's every
 * fifth clinic — is stale; the disclaimer is CLINIC_REQUIRED, so every
 * clinic's offers are checked for a local value. Pages of 50 are read one
 * after another (an editor paging), unfiltered, after a cursor, and for one
 * region; the draft is withdrawn afterwards.
 */
export async function measureDriftReport(options: DriftReportOptions): Promise<DriftReportFigures> {
  const { target, db, adminKey } = options;
  const samples = options.samples ?? 30;
  const brandId = await db.brandId(options.brand);
  const [region] = await db.query<{ id: string }>(
    `SELECT id FROM regions WHERE brand_id = $1 ORDER BY slug LIMIT 1`,
    [brandId],
  );
  await db.query(
    `UPDATE treatments SET draft = coalesce(draft, '{}') || jsonb_build_object('summary', summary || ' Rewritten by the brand.')
      WHERE brand_id = $1 AND slug = $2`,
    [brandId, TREATMENT],
  );
  try {
    const page = async (variables: Record<string, unknown>) => {
      const started = performance.now();
      const data = await graphqlOk(target, REPORT, variables, adminKey);
      return { ms: performance.now() - started, report: data.driftReport };
    };
    const first = await page({});
    const rows: number = first.report.totalCount;
    const firstPages: number[] = [];
    const nextPages: number[] = [];
    const regionPages: number[] = [];
    const sqlBefore = target.statsPort ? await statementsSent(target) : undefined;
    let after: string | null = first.report.pageInfo.endCursor;
    for (let i = 0; i < samples; i++) firstPages.push((await page({})).ms);
    const sqlPerPage =
      sqlBefore === undefined ? undefined : ((await statementsSent(target)) - sqlBefore) / samples;
    for (let i = 0; i < samples && after; i++) {
      const next = await page({ after });
      nextPages.push(next.ms);
      after = next.report.pageInfo.hasNextPage ? next.report.pageInfo.endCursor : null;
    }
    for (let i = 0; i < samples; i++) regionPages.push((await page({ regionId: region.id })).ms);
    const figures: DriftReportFigures = {
      rows,
      p50Ms: round(percentile(firstPages, 50), 1),
      p99Ms: round(percentile(firstPages, 99), 1),
      nextPageP50Ms: round(percentile(nextPages, 50), 1),
      regionP50Ms: round(percentile(regionPages, 50), 1),
      ...(sqlPerPage === undefined ? {} : { sqlPerPage: round(sqlPerPage, 1) }),
    };
    console.log(
      `  driftReport: ${rows} rows; a page of 50 p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms; ` +
        `next page p50 ${figures.nextPageP50Ms} ms; one region p50 ${figures.regionP50Ms} ms` +
        `${sqlPerPage === undefined ? '' : `; ${figures.sqlPerPage} statements per page`}`,
    );
    return figures;
  } finally {
    // The rewrite withdrawn: the treatment's draft as it was.
    await db.query(
      `UPDATE treatments SET draft = CASE WHEN draft - 'summary' = '{}' THEN NULL ELSE draft - 'summary' END
        WHERE brand_id = $1 AND slug = $2`,
      [brandId, TREATMENT],
    );
  }
}
