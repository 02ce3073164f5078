import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { unitAliases, units } from '../db/schema';
import { staleOrMissing } from './versioning';

export type UnitRow = typeof units.$inferSelect;
export type NewUnit = typeof units.$inferInsert;
export type UnitChanges = Partial<
  Pick<NewUnit, 'name' | 'kind' | 'leaderName' | 'contactName' | 'contactPhone'>
>;
export type UnitWithAliases = UnitRow & { aliases: string[] };

async function attachAliases(db: Database, rows: UnitRow[]): Promise<UnitWithAliases[]> {
  if (rows.length === 0) return [];
  const aliasRows = await db
    .select({ unitId: unitAliases.unitId, alias: unitAliases.alias })
    .from(unitAliases)
    .where(
      inArray(
        unitAliases.unitId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(unitAliases.id));
  const byUnit = new Map<number, string[]>();
  for (const a of aliasRows) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a.alias]);
  return rows.map((r) => ({ ...r, aliases: byUnit.get(r.id) ?? [] }));
}

export const unitRepository = {
  async list(
    db: Database,
    filter: { jurisdictionIds?: number[]; q?: string; includeRetired?: boolean },
  ): Promise<UnitWithAliases[]> {
    const where: SQL[] = [];
    if (filter.jurisdictionIds) where.push(inArray(units.jurisdictionId, filter.jurisdictionIds));
    if (!filter.includeRetired) where.push(isNull(units.retiredAt));
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const match = or(
        ilike(units.name, pattern),
        sql`exists (select 1 from unit_aliases a where a.unit_id = ${units.id} and a.alias ilike ${pattern})`,
      );
      if (match) where.push(match);
    }
    const rows = await db
      .select()
      .from(units)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(units.jurisdictionId), asc(units.id));
    return attachAliases(db, rows);
  },

  async findById(db: Database, id: number): Promise<UnitRow | undefined> {
    const [row] = await db.select().from(units).where(eq(units.id, id));
    return row;
  },

  async findByIdWithAliases(db: Database, id: number): Promise<UnitWithAliases | undefined> {
    const row = await unitRepository.findById(db, id);
    return row ? (await attachAliases(db, [row]))[0] : undefined;
  },

  async findByIds(db: Database, ids: number[]): Promise<UnitRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(units).where(inArray(units.id, ids));
  },

  async insert(tx: Database, values: NewUnit): Promise<UnitRow> {
    const [row] = await tx.insert(units).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  async update(
    tx: Database,
    id: number,
    version: number,
    changes: UnitChanges & { retiredAt?: Date | null },
  ): Promise<UnitRow> {
    const [row] = await tx
      .update(units)
      .set({ ...changes, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(units.id, id), eq(units.version, version)))
      .returning();
    if (row) return row;
    const current = await unitRepository.findById(tx, id);
    throw staleOrMissing(current?.version, 'UNIT_NOT_FOUND');
  },

  /** Every alias of the jurisdiction's units: name → unit id. */
  async aliasMap(db: Database, jurisdictionId: number): Promise<Map<string, number>> {
    const rows = await db
      .select({ alias: unitAliases.alias, unitId: unitAliases.unitId })
      .from(unitAliases)
      .where(eq(unitAliases.jurisdictionId, jurisdictionId));
    return new Map(rows.map((r) => [r.alias, r.unitId]));
  },

  /** Adds aliases, skipping any the jurisdiction already has. Returns the ones added. */
  async addAliases(
    tx: Database,
    jurisdictionId: number,
    entries: { unitId: number; alias: string }[],
  ): Promise<{ unitId: number; alias: string }[]> {
    if (entries.length === 0) return [];
    return tx
      .insert(unitAliases)
      .values(entries.map((e) => ({ ...e, jurisdictionId })))
      .onConflictDoNothing()
      .returning({ unitId: unitAliases.unitId, alias: unitAliases.alias });
  },

  async replaceAliases(tx: Database, unit: UnitRow, aliases: string[]): Promise<void> {
    await tx.delete(unitAliases).where(eq(unitAliases.unitId, unit.id));
    const unique = [...new Set(aliases.filter((a) => a !== unit.name))];
    await unitRepository.addAliases(
      tx,
      unit.jurisdictionId,
      unique.map((alias) => ({ unitId: unit.id, alias })),
    );
  },
};
export type UnitRepository = typeof unitRepository;
