import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { RESYNC_INSTRUCTIONS } from './resync';
import {
  ChangeOperationName,
  ContentChange,
  ContentChangePage,
  SyndicatedTypeName,
} from './dtos/content-change.object';
import { contentChange, PartnerItemOf } from './dtos/partner-item';
import { PartnerItemsService } from './partner-items.service';
import { decodeSyncCursor, encodeSyncCursor, SyncCursor } from './sync-cursor';
import { SYNDICATED_TYPES, SyndicatedType } from './syndicated-types';
import { requireBrandPermission } from '../access/brand-access';
import { feedClinicLimit } from '../access/feed-access';
import { Permission } from '../access/permission';

/** A published brand and where its feed stands: its epoch and the last change sequence. */
interface FeedState {
  id: string;
  epoch: string;
  head: string;
}

const positionOf = (brand: FeedState) => `${brand.id}:${brand.epoch}:${brand.head}`;

interface ChangeRow {
  seq: string;
  entity_type: SyndicatedType;
  entity_id: string;
  version: number;
}

/**
 * The partner sync: pages of items to store or drop, in commit order.
 *
 * Without a cursor it first walks the published state (type by type, by id)
 * and remembers where the change feed stood when it began; then it goes on
 * with the changes after that point. Each change row says "this item
 * changed"; the page carries the item as published now, or a tombstone when
 * it no longer is. Reading the current state keeps every page consistent
 * with the published state, and a later change of the same item follows
 * anyway, so applying pages in order converges on the published state.
 *
 * Why no change is skipped: change rows get their `seq` from the brand's
 * counter row, locked by the publishing transaction until it commits, so
 * the rows of a brand become visible in `seq` order. A reader that saw
 * `seq` n can never later find a smaller one appearing.
 */
@Injectable()
export class ChangeFeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly items: PartnerItemsService,
  ) {}

  async read(
    actor: Actor,
    args: { brand: string; after?: string | null; first: number },
  ): Promise<ContentChangePage> {
    const caller = requireBrandPermission(actor, Permission.FeedRead);
    const brand = await this.feedState(args.brand);
    // Same answer whether another brand exists or not.
    if (!brand || brand.id !== caller.brandId) {
      throw new DomainError('FORBIDDEN', 'You have no access to this brand');
    }
    const brandId = brand.id;
    const clinicIds = feedClinicLimit(caller);
    const { epoch } = brand;
    const head = BigInt(brand.head);
    let cursor: SyncCursor = args.after
      ? checkTimeline(decodeSyncCursor(args.after, brandId), epoch, head)
      : // Read first: anything committed later has a higher seq and follows the walk.
        { brandId, epoch, phase: 'SNAPSHOT', upTo: head, typeIndex: 0, lastId: null };

    const changes: ContentChange[] = [];
    let hasMore = false;
    while (changes.length < args.first) {
      const room = args.first - changes.length;
      if (cursor.phase === 'CHANGES') {
        const page = await this.changesAfter(cursor.seq, brandId, clinicIds, room);
        changes.push(...page.changes);
        cursor = { brandId, epoch, phase: 'CHANGES', seq: page.seq };
        hasMore = page.hasMore;
        break;
      }
      const type = SYNDICATED_TYPES[cursor.typeIndex];
      const items = await this.items.list(type, brandId, cursor.lastId, room, clinicIds);
      for (const item of items) changes.push(upsert(item, null));
      if (items.length === room) {
        cursor = { ...cursor, epoch, lastId: items[items.length - 1].id };
        hasMore = true;
        break;
      }
      cursor =
        cursor.typeIndex + 1 < SYNDICATED_TYPES.length
          ? { ...cursor, epoch, typeIndex: cursor.typeIndex + 1, lastId: null }
          : { brandId, epoch, phase: 'CHANGES', seq: cursor.upTo };
    }
    return {
      changes,
      endCursor: encodeSyncCursor(cursor),
      hasMore,
      epoch,
      position: positionOf(brand),
    };
  }

  /**
   * Where the feed of a published brand stands now, as one opaque value, or
   * null when no published brand has that slug. It moves with everything a
   * page of the feed shows: every change to published content is recorded
   * in the feed (its head moves in the same transaction), a restore starts a
   * new epoch, and a brand renamed or unpublished is no longer found. So a
   * page read after this value was read is the page a read now would give,
   * for as long as the value stays the same (FeedReadAhead relies on it).
   */
  async position(brandSlug: string): Promise<string | null> {
    const brand = await this.feedState(brandSlug);
    return brand ? positionOf(brand) : null;
  }

  /**
   * The brand and where its feed stands, in one statement: a page is one
   * round trip fewer, and the position read is the same either way.
   */
  private async feedState(brandSlug: string): Promise<FeedState | undefined> {
    const [brand]: FeedState[] = await this.db.query(
      `SELECT b.id, e.epoch, coalesce(c.last_seq, 0)::text AS head
         FROM brands b
        CROSS JOIN deployment_epoch e
         LEFT JOIN content_feed_counters c ON c.brand_id = b.id
        WHERE b.slug = $1 AND b.publication_status = 'PUBLISHED'`,
      [brandSlug],
    );
    return brand;
  }

  /** The brand's last allocated change sequence (0 before the first change). */
  private async head(brandId: string): Promise<bigint> {
    const [row] = await this.db.query(
      `SELECT last_seq::text AS seq FROM content_feed_counters WHERE brand_id = $1`,
      [brandId],
    );
    return BigInt(row?.seq ?? 0);
  }

  private async changesAfter(
    after: bigint,
    brandId: string,
    clinicIds: string[] | null,
    limit: number,
  ): Promise<{ changes: ContentChange[]; seq: bigint; hasMore: boolean }> {
    // Read before the rows: every seq up to `head` is committed by now.
    const head = await this.head(brandId);
    const rows: ChangeRow[] = await this.db.query(
      `SELECT c.seq::text AS seq, c.entity_type, c.entity_id, c.version
         FROM content_changes c
        WHERE c.brand_id = $1 AND c.seq > $2
          AND ($3::uuid[] IS NULL OR c.clinic_id IS NULL OR c.clinic_id = ANY($3::uuid[]))
        ORDER BY c.seq
        LIMIT $4`,
      [brandId, after.toString(), clinicIds, limit + 1],
    );
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page.length ? BigInt(page[page.length - 1].seq) : after;
    // With nothing more to read, skip past rows this key does not see.
    const seq = hasMore || last > head ? last : head;
    return { changes: await this.current(page, brandId, clinicIds), seq, hasMore };
  }

  /**
   * The page's items as published now; an item changed twice in the page
   * appears once, at its last position.
   */
  private async current(
    rows: ChangeRow[],
    brandId: string,
    clinicIds: string[] | null,
  ): Promise<ContentChange[]> {
    const visible = new Map<string, PartnerItemOf>();
    for (const type of SYNDICATED_TYPES) {
      const ids = [...new Set(rows.filter((r) => r.entity_type === type).map((r) => r.entity_id))];
      if (ids.length === 0) continue;
      for (const item of await this.items.byIds(this.db, type, brandId, ids, clinicIds)) {
        visible.set(`${type}:${item.id}`, item);
      }
    }
    const lastIndex = new Map(rows.map((row, i) => [`${row.entity_type}:${row.entity_id}`, i]));
    const latest = rows.filter(
      (row, i) => lastIndex.get(`${row.entity_type}:${row.entity_id}`) === i,
    );
    const gone = latest.filter((row) => !visible.has(`${row.entity_type}:${row.entity_id}`));
    const goneVersions = await this.lastRecordedVersions(brandId, gone);
    return latest.map((row) => {
      const key = `${row.entity_type}:${row.entity_id}`;
      const item = visible.get(key);
      return item
        ? upsert(item, row.seq)
        : contentChange(
            ChangeOperationName.DELETE,
            row.entity_type as SyndicatedTypeName,
            row.entity_id,
            goneVersions.get(key) ?? row.version,
            row.seq,
            null,
          );
    });
  }

  /**
   * The version a tombstone carries: the highest any change of the item
   * recorded. An UPSERT carries the item's version when the page is read,
   * which can be newer than this row's (the item was published again and
   * edited since, then unpublished again): the row's own version would make
   * `version` go backwards for the partner. Every version shown before the
   * item went away is at most the one recorded when it went away.
   */
  private async lastRecordedVersions(
    brandId: string,
    rows: ChangeRow[],
  ): Promise<Map<string, number>> {
    if (rows.length === 0) return new Map();
    const found: { key: string; version: number }[] = await this.db.query(
      `SELECT c.entity_type || ':' || c.entity_id AS key, max(c.version) AS version
         FROM content_changes c
         JOIN unnest($2::text[], $3::uuid[]) AS u(type, id)
           ON c.entity_type = u.type AND c.entity_id = u.id
        WHERE c.brand_id = $1
        GROUP BY c.entity_type, c.entity_id`,
      [brandId, rows.map((row) => row.entity_type), rows.map((row) => row.entity_id)],
    );
    return new Map(found.map(({ key, version }) => [key, version]));
  }
}

function checkTimeline(cursor: SyncCursor, epoch: string, head: bigint): SyncCursor {
  const position = cursor.phase === 'CHANGES' ? cursor.seq : cursor.upTo;
  if ((cursor.epoch !== null && cursor.epoch !== epoch) || position > head) {
    throw new DomainError('RESYNC_REQUIRED', RESYNC_INSTRUCTIONS, {
      argument: 'after',
      epoch,
    });
  }
  return cursor;
}

function upsert(item: PartnerItemOf, sequence: string | null): ContentChange {
  return contentChange(
    ChangeOperationName.UPSERT,
    item.syndicatedType as SyndicatedTypeName,
    item.id,
    item.version,
    sequence,
    item,
  );
}
