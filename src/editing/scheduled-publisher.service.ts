import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { updateReturning } from '../database/update-returning';
import { PublisherService } from './publisher.service';
import type { ItemRef, WriteContext } from './write-context';
import { currentCreator, ScheduleFailure, ScheduleFailureReason } from './schedule-creator';
import { refusal } from '../access/item-access';
import { Permission } from '../access/permission';
import { checkScheduleAccess } from '../access/schedule-access';

export interface ScheduledPublicationRow {
  id: string;
  brandId: string;
  items: ItemRef[];
  publishAt: Date;
  status: 'PENDING' | 'DONE' | 'FAILED' | 'CANCELLED';
  error: string | null;
  failureReason: ScheduleFailureReason | null;
  createdAt: Date;
  completedAt: Date | null;
  actor: Actor;
}

const COLUMNS = `id, brand_id AS "brandId", items, publish_at AS "publishAt", status, error,
  failure_reason AS "failureReason", created_at AS "createdAt", completed_at AS "completedAt", actor`;

/** How many due schedules one run claims, so a backlog cannot starve a tick. */
const BATCH = 20;

/**
 * Publishes changesets at their time. Any number of API instances may run
 * this job: each claims due rows with FOR UPDATE SKIP LOCKED, publishes in
 * the same transaction and marks the row DONE (or FAILED with the reason),
 * so a schedule runs exactly once even if an instance dies mid-way.
 */
@Injectable()
export class ScheduledPublisherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduledPublisherService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly publisher: PublisherService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.schedulerIntervalSeconds;
    if (seconds > 0) {
      this.timer = setInterval(() => void this.tick(), seconds * 1000);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async schedule(
    ctx: WriteContext,
    items: ItemRef[],
    publishAt: Date,
  ): Promise<ScheduledPublicationRow> {
    const brandId = await this.publisher.checkPublishable(ctx, items);
    return this.db.transaction(async (tx) => {
      const [row]: ScheduledPublicationRow[] = await tx.query(
        `INSERT INTO scheduled_publications (brand_id, items, publish_at, actor)
         VALUES ($1, $2::jsonb, $3, $4::jsonb) RETURNING ${COLUMNS}`,
        [brandId, JSON.stringify(items), publishAt, JSON.stringify(ctx.actor)],
      );
      await this.audit.record(
        {
          brandId,
          actor: ctx.actor,
          action: 'SCHEDULE_PUBLISH',
          targetType: 'SCHEDULED_PUBLICATION',
          targetId: row.id,
          details: { publishAt, items },
        },
        tx,
      );
      return row;
    });
  }

  /**
   * Cancels a pending schedule of the caller's brand: brand-wide editors
   * any, other editors only their own. A schedule of another brand, or
   * another editor's, is refused alike whether it exists or not; one that
   * already ran or was cancelled is a CONFLICT.
   */
  async cancel(actor: Actor, id: string): Promise<ScheduledPublicationRow> {
    if (actor.kind === 'ANONYMOUS') throw refusal(actor, false);
    return this.db.transaction(async (tx) => {
      const [schedule]: ScheduledPublicationRow[] = await tx.query(
        `SELECT ${COLUMNS} FROM scheduled_publications
          WHERE id::text = $1 AND brand_id = $2
          FOR UPDATE`,
        [id, actor.brandId],
      );
      if (!schedule || !checkScheduleAccess(actor, Permission.ScheduleCancel, schedule))
        throw refusal(actor, false);
      if (schedule.status !== 'PENDING') {
        throw new DomainError(
          'CONFLICT',
          `This scheduled publication is ${schedule.status}, not pending`,
          {
            status: schedule.status,
          },
        );
      }
      const [row] = await updateReturning<ScheduledPublicationRow>(
        tx,
        `UPDATE scheduled_publications SET status = 'CANCELLED', completed_at = now()
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [schedule.id],
      );
      await this.audit.record(
        {
          brandId: actor.brandId,
          actor,
          action: 'CANCEL_SCHEDULED_PUBLISH',
          targetType: 'SCHEDULED_PUBLICATION',
          targetId: row.id,
        },
        tx,
      );
      return row;
    });
  }

  /**
   * One page of a brand's schedules, the latest scheduled first, of the
   * given statuses (all when null), strictly after the schedule `afterId`
   * (keyset: its creation time and id), so schedules made or run while an
   * editor pages never shift or repeat what follows.
   */
  page(
    brandId: string,
    statuses: ScheduledPublicationRow['status'][] | null,
    afterId: string | null,
    limit: number,
  ): Promise<ScheduledPublicationRow[]> {
    const params: unknown[] = [brandId, statuses];
    // The cursor's row gives the exact position (microseconds included).
    const after = afterId
      ? `AND (created_at, id) <
           (SELECT created_at, id FROM scheduled_publications WHERE id = $${params.push(afterId)} AND brand_id = $1)`
      : '';
    return this.db.query(
      `SELECT ${COLUMNS} FROM scheduled_publications
        WHERE brand_id = $1 AND ($2::text[] IS NULL OR status = ANY($2)) ${after}
        ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
      params,
    );
  }

  /** How many schedules of the brand have the given statuses (all when null). */
  async count(
    brandId: string,
    statuses: ScheduledPublicationRow['status'][] | null,
  ): Promise<number> {
    const [{ count }] = await this.db.query(
      `SELECT count(*)::int AS count FROM scheduled_publications
        WHERE brand_id = $1 AND ($2::text[] IS NULL OR status = ANY($2))`,
      [brandId, statuses],
    );
    return count;
  }

  /** Publishes what is due; returns how many schedules it handled. */
  runDue(): Promise<number> {
    const run = this.claimAndPublish().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private claimAndPublish(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due: ScheduledPublicationRow[] = await tx.query(
        `SELECT ${COLUMNS} FROM scheduled_publications
          WHERE status = 'PENDING' AND publish_at <= now()
          ORDER BY publish_at, id LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED`,
      );
      // Brand by brand: each publish takes its brand's change-feed lock
      // first, so instances working on several brands lock them in one order.
      due.sort((a, b) => (a.brandId < b.brandId ? -1 : a.brandId > b.brandId ? 1 : 0));
      for (const schedule of due) {
        await tx.query('SAVEPOINT scheduled_publish');
        try {
          // The creator's authority as it is now, not as it was when scheduled.
          const actor = await currentCreator(tx, schedule.actor);
          await this.publisher.publishIn(tx, { actor, source: 'SCHEDULER' }, schedule.items);
          await tx.query(
            `UPDATE scheduled_publications SET status = 'DONE', completed_at = now() WHERE id = $1`,
            [schedule.id],
          );
        } catch (error) {
          await tx.query('ROLLBACK TO SAVEPOINT scheduled_publish');
          const reason = error instanceof Error ? error.message : String(error);
          const failureReason = failureReasonOf(error);
          await tx.query(
            `UPDATE scheduled_publications
                SET status = 'FAILED', error = $2, failure_reason = $3, completed_at = now()
              WHERE id = $1`,
            [schedule.id, reason, failureReason],
          );
          await this.audit.record(
            {
              brandId: schedule.brandId,
              actor: { kind: 'SYSTEM', id: null, label: 'scheduler' },
              action: 'SCHEDULED_PUBLISH_FAILED',
              targetType: 'SCHEDULED_PUBLICATION',
              targetId: schedule.id,
              details: { reason, failureReason },
            },
            tx,
          );
        }
      }
      return due.length;
    });
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    try {
      await this.runDue();
    } catch (error) {
      this.logger.error(`Scheduled publishing failed: ${String(error)}`);
    }
  }
}

/** The reason recorded on a failed schedule, from what its publish threw. */
function failureReasonOf(error: unknown): ScheduleFailureReason {
  if (error instanceof ScheduleFailure) return error.reason;
  if (error instanceof DomainError) {
    if (error.code === 'CONFLICT') return 'ITEM_CHANGED';
    if (error.code === 'COMPLIANCE_BLOCKED') return 'COMPLIANCE_BLOCKED';
    if (['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'].includes(error.code)) {
      return 'CREATOR_NOT_ALLOWED';
    }
  }
  return 'PUBLISH_FAILED';
}
