import { Pool } from 'pg';
import { scaleClinicSlug } from '../../seeds/scale-seed';
import { TREATMENT } from '../workloads';
import type { BenchDatabase } from './bench-database';
import {
  type BenchTarget,
  graphql,
  graphqlOk,
  type RateFigures,
  rateFigures,
  round,
  statementsSent,
} from './bench-http';

export interface EditingOptions {
  target: BenchTarget;
  db: BenchDatabase;
  databaseUrl: string;
  /** An `admin` key of the brand: it creates the editors' accounts. */
  adminKey: string;
  brand: string;
  clinics: number;
  /** Seconds of saving, for the floor and then for the API. */
  seconds: number;
  editors?: number;
}

export interface EditingFigures {
  floor: RateFigures;
  api: RateFigures;
  /** Saves refused (CONFLICT or otherwise) during the API run: none is expected. */
  apiErrors: number;
  /** Statements the API sent per save (the floor sends 4: BEGIN, UPDATE, INSERT, COMMIT). */
  apiSqlPerSave?: number;
}

interface Editor {
  clinicSlug: string;
  clinicId: string;
  overrideId: string;
  token?: string;
}

const PASSWORD = 'velvet orbit canyon marmalade 2031';

const SET_OVERRIDE = `mutation Save($input: SetOverrideInput!) {
  setOverride(input: $input) { outcome item { version } }
}`;

/**
 * editing: 16 clinic editors save their clinic's local summary of the
 * treatment at once, each save based on the version the previous one
 * answered (a form saved again and again), through `setOverride` with
 * `version`. Each has an account of its own (CLINIC_EDITOR of one of the
 * scale seed's every-fifth clinics, which override the summary already),
 * signed in with `login`, so every save goes through the access checks of
 * a real editor.
 *
 * The floor does the same writes with plain SQL on a pool of 16: per save,
 * a transaction with `UPDATE overrides … WHERE id = $1 AND version = $n`
 * and the revision row, as the product's write path does at its core.
 */
export async function measureEditing(options: EditingOptions): Promise<EditingFigures> {
  const editors = await findEditors(options);
  console.log(`  editing: ${editors.length} editors, one clinic summary override each`);

  const floor = await runFloor(options, editors);
  await signIn(options, editors);
  const sqlBefore = options.target.statsPort ? await statementsSent(options.target) : undefined;
  const api = await runApi(options, editors);
  const apiSqlPerSave =
    sqlBefore === undefined
      ? undefined
      : ((await statementsSent(options.target)) - sqlBefore) / Math.max(1, api.saves);
  console.log(
    `  editing: floor ${floor.rps} saves/s (p50 ${floor.p50Ms} ms, p99 ${floor.p99Ms} ms); ` +
      `API ${api.figures.rps} saves/s (p50 ${api.figures.p50Ms} ms, p99 ${api.figures.p99Ms} ms)` +
      `${apiSqlPerSave === undefined ? '' : `, ${round(apiSqlPerSave, 1)} statements per save`}` +
      `${api.errors ? `, ${api.errors} refused saves` : ''}`,
  );
  return {
    floor,
    api: api.figures,
    apiErrors: api.errors,
    apiSqlPerSave: apiSqlPerSave === undefined ? undefined : round(apiSqlPerSave, 1),
  };
}

async function findEditors(options: EditingOptions): Promise<Editor[]> {
  const wanted = Math.min(options.editors ?? 16, Math.floor(options.clinics / 5));
  if (wanted < 1) throw new Error('editing needs at least 5 clinics (every fifth has an override)');
  const slugs = Array.from({ length: wanted }, (_, k) => scaleClinicSlug(5 * (k + 1)));
  const rows = await options.db.query<{ slug: string; clinic_id: string; override_id: string }>(
    `SELECT c.slug, c.id AS clinic_id, o.id AS override_id
       FROM clinics c
       JOIN brands b ON b.id = c.brand_id AND b.slug = $1
       JOIN treatments t ON t.brand_id = b.id AND t.slug = $2
       JOIN overrides o ON o.clinic_id = c.id AND o.scope = 'CLINIC' AND o.entity_type = 'TREATMENT'
                       AND o.entity_id = t.id AND o.field = 'summary'
      WHERE c.slug = ANY($3)
      ORDER BY c.slug`,
    [options.brand, TREATMENT, slugs],
  );
  if (rows.length !== wanted)
    throw new Error(`editing: found ${rows.length} of ${wanted} overrides`);
  return rows.map((row) => ({
    clinicSlug: row.slug,
    clinicId: row.clinic_id,
    overrideId: row.override_id,
  }));
}

async function versionOf(db: BenchDatabase, overrideId: string): Promise<number> {
  const [row] = await db.query<{ version: number }>(`SELECT version FROM overrides WHERE id = $1`, [
    overrideId,
  ]);
  return row.version;
}

/** Runs `save` for every editor in a loop until time is up; returns the latencies. */
async function saveLoop(
  editors: Editor[],
  seconds: number,
  save: (editor: Editor, n: number) => Promise<void>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    editors.map(async (editor) => {
      for (let n = 1; performance.now() < until; n++) {
        const from = performance.now();
        await save(editor, n);
        latencies.push(performance.now() - from);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

async function runFloor(options: EditingOptions, editors: Editor[]): Promise<RateFigures> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: editors.length });
  try {
    const [{ brand_id: brandId }] = await options.db.query<{ brand_id: string }>(
      `SELECT brand_id FROM overrides WHERE id = $1`,
      [editors[0].overrideId],
    );
    const versions = new Map<string, number>();
    for (const editor of editors) {
      versions.set(editor.overrideId, await versionOf(options.db, editor.overrideId));
    }
    const run = await saveLoop(editors, options.seconds, async (editor, n) => {
      const version = versions.get(editor.overrideId)!;
      const value = `At ${editor.clinicSlug}: floor save ${n}.`;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query(
          `UPDATE overrides SET draft = $2::jsonb, version = version + 1, updated_at = now()
            WHERE id = $1 AND version = $3 RETURNING version`,
          [editor.overrideId, JSON.stringify({ value }), version],
        );
        if (rows.length !== 1)
          throw new Error(`floor: override ${editor.overrideId} is not at ${version}`);
        await client.query(
          `INSERT INTO revisions (brand_id, entity_type, entity_id, version, action, actor_kind,
                                  actor_id, actor_label, source, before, after, changed_fields)
           VALUES ($1, 'OVERRIDE', $2, $3, 'UPDATE', 'USER', NULL, 'bench floor', 'API',
                   $4::jsonb, $5::jsonb, '{value}')`,
          [
            brandId,
            editor.overrideId,
            rows[0].version,
            JSON.stringify({ value: `At ${editor.clinicSlug}: floor save ${n - 1}.` }),
            JSON.stringify({ value }),
          ],
        );
        await client.query('COMMIT');
        versions.set(editor.overrideId, rows[0].version);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    });
    return rateFigures(run.latencies, run.seconds);
  } finally {
    await pool.end();
  }
}

/** An account per editor, made by the brand admin, and a login each (one at a time). */
async function signIn(options: EditingOptions, editors: Editor[]): Promise<void> {
  const run = Date.now();
  for (const [k, editor] of editors.entries()) {
    const email = `bench-editor-${k + 1}-${run}@bench.example`;
    await graphqlOk(
      options.target,
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          email,
          password: PASSWORD,
          role: 'CLINIC_EDITOR',
          clinicIds: [editor.clinicId],
          displayName: `Bench editor ${k + 1}`,
        },
      },
      options.adminKey,
    );
    const { login } = await graphqlOk<{ login: { accessToken: string } }>(
      options.target,
      `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email, password: PASSWORD, brand: options.brand } },
    );
    editor.token = login.accessToken;
  }
}

async function runApi(
  options: EditingOptions,
  editors: Editor[],
): Promise<{ figures: RateFigures; errors: number; saves: number }> {
  const [{ id: treatmentId }] = await options.db.query<{ id: string }>(
    `SELECT t.id FROM treatments t JOIN brands b ON b.id = t.brand_id WHERE b.slug = $1 AND t.slug = $2`,
    [options.brand, TREATMENT],
  );
  const versions = new Map<string, number>();
  for (const editor of editors) {
    versions.set(editor.overrideId, await versionOf(options.db, editor.overrideId));
  }
  let errors = 0;
  let firstError = '';
  const run = await saveLoop(editors, options.seconds, async (editor, n) => {
    const answer = await graphql<{ setOverride: { item: { version: number } | null } }>(
      options.target,
      SET_OVERRIDE,
      {
        input: {
          scope: 'CLINIC',
          clinicId: editor.clinicId,
          entityType: 'TREATMENT',
          entityId: treatmentId,
          field: 'summary',
          value: `At ${editor.clinicSlug}: saved by editor, save ${n}.`,
          version: versions.get(editor.overrideId),
        },
      },
      editor.token,
    );
    const version = answer.data?.setOverride?.item?.version;
    if (answer.errors || version === undefined) {
      errors++;
      firstError ||= answer.text.slice(0, 300);
      versions.set(editor.overrideId, await versionOf(options.db, editor.overrideId));
      return;
    }
    versions.set(editor.overrideId, version);
  });
  if (firstError) console.log(`  editing: a refused save: ${firstError}`);
  return {
    figures: rateFigures(run.latencies, run.seconds),
    errors,
    saves: run.latencies.length,
  };
}
