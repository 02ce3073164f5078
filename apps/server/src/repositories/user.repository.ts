import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { staleOrMissing } from './versioning';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserChanges = Partial<
  Pick<NewUser, 'displayName' | 'role' | 'jurisdictionId' | 'unitId' | 'passwordHash' | 'passwordChangedAt'>
>;

export const userRepository = {
  async list(
    db: Database,
    filter: { jurisdictionIds?: number[]; role?: UserRow['role']; includeRetired?: boolean },
  ): Promise<UserRow[]> {
    const where: SQL[] = [];
    if (filter.jurisdictionIds) where.push(inArray(users.jurisdictionId, filter.jurisdictionIds));
    if (filter.role) where.push(eq(users.role, filter.role));
    if (!filter.includeRetired) where.push(isNull(users.retiredAt));
    return db
      .select()
      .from(users)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(users.id));
  },

  async findById(db: Database, id: number): Promise<UserRow | undefined> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row;
  },

  async findByUsername(db: Database, username: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(users).where(eq(users.username, username));
    return row;
  },

  async insert(tx: Database, values: NewUser): Promise<UserRow> {
    const [row] = await tx.insert(users).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  async update(
    tx: Database,
    id: number,
    version: number,
    changes: UserChanges & { retiredAt?: Date | null },
  ): Promise<UserRow> {
    const [row] = await tx
      .update(users)
      .set({ ...changes, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning();
    if (row) return row;
    const current = await userRepository.findById(tx, id);
    throw staleOrMissing(current?.version, 'USER_NOT_FOUND');
  },
};
export type UserRepository = typeof userRepository;
