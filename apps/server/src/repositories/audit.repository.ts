import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { auditLog } from '../db/schema';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditRecord {
  actorUserId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  jurisdictionId: number | null;
  before?: unknown;
  after?: unknown;
}

/** Rows become plain JSON for the log: dates as ISO strings, bytes never. */
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? `[${v.length} bytes]` : v)),
  );
}

export const auditRepository = {
  async append(tx: Database, records: AuditRecord | AuditRecord[]): Promise<void> {
    const list = Array.isArray(records) ? records : [records];
    if (list.length === 0) return;
    await tx.insert(auditLog).values(
      list.map((r) => ({
        actorUserId: r.actorUserId,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId === null ? null : String(r.entityId),
        jurisdictionId: r.jurisdictionId,
        before: toJson(r.before),
        after: toJson(r.after),
      })),
    );
  },

  async list(
    db: Database,
    filter: { entity?: string; entityId?: string; jurisdictionIds?: number[]; limit: number },
  ): Promise<AuditRow[]> {
    const where: SQL[] = [];
    if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
    if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
    if (filter.jurisdictionIds) where.push(inArray(auditLog.jurisdictionId, filter.jurisdictionIds));
    return db
      .select()
      .from(auditLog)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(filter.limit);
  },
};
export type AuditRepository = typeof auditRepository;
