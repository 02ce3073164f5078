import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { emailOutbox, notifications, userEmails, users } from '../db/schema';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type OutboxRow = typeof emailOutbox.$inferSelect;

export const notificationRepository = {
  async insert(tx: Database, values: NewNotification[]): Promise<void> {
    if (values.length === 0) return;
    await tx.insert(notifications).values(values);
  },

  async listForUser(
    db: Database,
    userId: number,
    unreadOnly: boolean,
    limit = 200,
  ): Promise<NotificationRow[]> {
    return db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
      .orderBy(desc(notifications.id))
      .limit(limit);
  },

  async countUnread(db: Database, userId: number): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return Number(row?.n ?? 0);
  },

  async markRead(tx: Database, userId: number, id: number | null): Promise<number> {
    const rows = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          id === null ? undefined : eq(notifications.id, id),
        ),
      )
      .returning({ id: notifications.id });
    return rows.length;
  },

  /** Live reporter accounts of these units, with their e-mail address when they gave one. */
  async listReporters(
    db: Database,
    unitIds: number[],
  ): Promise<Array<{ userId: number; unitId: number; email: string | null }>> {
    if (unitIds.length === 0) return [];
    const rows = await db
      .select({ userId: users.id, unitId: users.unitId, email: userEmails.email })
      .from(users)
      .leftJoin(userEmails, eq(userEmails.userId, users.id))
      .where(and(inArray(users.unitId, unitIds), eq(users.role, 'reporter'), isNull(users.retiredAt)))
      .orderBy(asc(users.id));
    return rows.flatMap((r) =>
      r.unitId === null ? [] : [{ userId: r.userId, unitId: r.unitId, email: r.email }],
    );
  },

  async findEmail(db: Database, userId: number): Promise<string | null> {
    const [row] = await db.select().from(userEmails).where(eq(userEmails.userId, userId));
    return row?.email ?? null;
  },

  async setEmail(tx: Database, userId: number, email: string): Promise<void> {
    await tx
      .insert(userEmails)
      .values({ userId, email })
      .onConflictDoUpdate({ target: userEmails.userId, set: { email, updatedAt: sql`now()` } });
  },

  async enqueueEmails(
    tx: Database,
    values: Array<{ to: string; subject: string; body: string }>,
  ): Promise<void> {
    if (values.length === 0) return;
    await tx.insert(emailOutbox).values(values);
  },

  async listOutbox(db: Database, limit = 200): Promise<OutboxRow[]> {
    return db.select().from(emailOutbox).orderBy(desc(emailOutbox.id)).limit(limit);
  },

  async listUnsent(db: Database, limit = 50): Promise<OutboxRow[]> {
    return db
      .select()
      .from(emailOutbox)
      .where(and(isNull(emailOutbox.sentAt), isNull(emailOutbox.error)))
      .orderBy(asc(emailOutbox.id))
      .limit(limit);
  },

  async markSent(db: Database, id: number, error: string | null): Promise<void> {
    await db
      .update(emailOutbox)
      .set(error === null ? { sentAt: sql`now()` } : { error })
      .where(eq(emailOutbox.id, id));
  },
};
export type NotificationRepository = typeof notificationRepository;
