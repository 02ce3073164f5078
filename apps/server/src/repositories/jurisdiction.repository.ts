import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { jurisdictions } from '../db/schema';
import { queryRows } from './raw';
import { staleOrMissing } from './versioning';

export type JurisdictionRow = typeof jurisdictions.$inferSelect;
export type NewJurisdiction = typeof jurisdictions.$inferInsert;
export type JurisdictionChanges = Partial<Pick<NewJurisdiction, 'parentId' | 'name' | 'level' | 'code'>>;

/**
 * A jurisdiction and every one below it (recursive CTE), retired ones included: the auth module
 * builds an actor's read scope from it.
 */
export async function listDescendantIds(db: Database, jurisdictionId: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`
    WITH RECURSIVE tree(id) AS (
      SELECT id FROM jurisdictions WHERE id = ${jurisdictionId}
      UNION
      SELECT j.id FROM jurisdictions j JOIN tree t ON j.parent_id = t.id
    )
    SELECT id FROM tree ORDER BY id`,
  );
  return rows.map((row) => Number(row.id));
}

/** The jurisdiction and its ancestors, nearest first. */
export async function listAncestorIds(db: Database, jurisdictionId: number): Promise<number[]> {
  const rows = await queryRows<{ id: number; depth: number }>(
    db,
    sql`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM jurisdictions WHERE id = ${jurisdictionId}
      UNION ALL
      SELECT j.id, j.parent_id, u.depth + 1 FROM jurisdictions j JOIN up u ON j.id = u.parent_id
    )
    SELECT id, depth FROM up ORDER BY depth`,
  );
  return rows.map((row) => Number(row.id));
}

export const jurisdictionRepository = {
  listDescendantIds,
  listAncestorIds,

  async list(
    db: Database,
    filter: { parentId?: number; includeRetired?: boolean },
  ): Promise<JurisdictionRow[]> {
    const where: SQL[] = [];
    if (filter.parentId !== undefined) where.push(eq(jurisdictions.parentId, filter.parentId));
    if (!filter.includeRetired) where.push(isNull(jurisdictions.retiredAt));
    return db
      .select()
      .from(jurisdictions)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(jurisdictions.id));
  },

  async findById(db: Database, id: number): Promise<JurisdictionRow | undefined> {
    const [row] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, id));
    return row;
  },

  async findByName(db: Database, name: string): Promise<JurisdictionRow | undefined> {
    const [row] = await db.select().from(jurisdictions).where(eq(jurisdictions.name, name));
    return row;
  },

  async count(db: Database): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(jurisdictions);
    return Number(row?.n ?? 0);
  },

  async insert(tx: Database, values: NewJurisdiction): Promise<JurisdictionRow> {
    const [row] = await tx.insert(jurisdictions).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  /** Optimistic update: refused (409) unless `version` is the row's current one. */
  async update(
    tx: Database,
    id: number,
    version: number,
    changes: JurisdictionChanges & { retiredAt?: Date | null },
  ): Promise<JurisdictionRow> {
    const [row] = await tx
      .update(jurisdictions)
      .set({ ...changes, version: sql`${jurisdictions.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(jurisdictions.id, id), eq(jurisdictions.version, version)))
      .returning();
    if (row) return row;
    const current = await jurisdictionRepository.findById(tx, id);
    throw staleOrMissing(current?.version, 'JURISDICTION_NOT_FOUND');
  },
};
export type JurisdictionRepository = typeof jurisdictionRepository;
