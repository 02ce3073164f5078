/**
 * SQL of accounts and sessions: the login path, the session lookup behind every request, and
 * the account's read scope (its jurisdiction and every one below it).
 */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { auditLog, jurisdictions, sessions, units, users } from '../db/schema';
import type { Role } from '../policy/actor';

export interface LoginAccount {
  id: number;
  username: string;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: Date | null;
  retiredAt: Date | null;
}

export async function findLoginAccount(db: Database, username: string): Promise<LoginAccount | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      passwordHash: users.passwordHash,
      failedLogins: users.failedLogins,
      lockedUntil: users.lockedUntil,
      retiredAt: users.retiredAt,
    })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return row;
}

/**
 * Counts a failed login in one statement (safe under concurrent attempts); the failure that
 * reaches the threshold locks the account and restarts the count. Returns the new lock, if any.
 */
export async function recordFailedLogin(
  db: Database,
  userId: number,
  maxFailures: number,
  lockMs: number,
): Promise<Date | null> {
  const lockUntil = sql`now() + ${`${lockMs} milliseconds`}::interval`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`CASE WHEN ${users.failedLogins} + 1 >= ${maxFailures} THEN 0 ELSE ${users.failedLogins} + 1 END`,
      lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${maxFailures} THEN ${lockUntil} ELSE ${users.lockedUntil} END`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  return row?.lockedUntil ?? null;
}

export async function clearFailedLogins(db: Database, userId: number): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function updatePasswordHash(db: Database, userId: number, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({
      passwordHash,
      passwordChangedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${users.version} + 1`,
    })
    .where(eq(users.id, userId));
}

export interface NewSession {
  id: string;
  userId: number;
  csrfToken: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: Database, session: NewSession): Promise<void> {
  await db.insert(sessions).values(session);
}

export interface SessionRecord {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  user: {
    id: number;
    username: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    jurisdictionId: number;
    jurisdictionName: string;
    unitId: number | null;
    unitName: string | null;
  };
}

/**
 * The live session with this id and its account; undefined when unknown, expired, its account
 * retired, or its password changed since the session began.
 */
export async function findLiveSession(db: Database, sessionId: string): Promise<SessionRecord | undefined> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        passwordHash: users.passwordHash,
        role: users.role,
        jurisdictionId: users.jurisdictionId,
        jurisdictionName: jurisdictions.name,
        unitId: users.unitId,
        unitName: units.name,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(sessions.id, sessionId),
        sql`${sessions.expiresAt} > now()`,
        isNull(users.retiredAt),
        // A password set after the session began (by its owner or an admin) ends it.
        sql`${sessions.createdAt} >= ${users.passwordChangedAt}`,
      ),
    )
    .limit(1);
  return row;
}

export async function extendSession(db: Database, sessionId: string, expiresAt: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ expiresAt, lastSeenAt: sql`now()` })
    .where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Marks a session as begun now: the session that changed the password outlives the change. */
export async function renewSession(db: Database, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ createdAt: sql`now()` })
    .where(eq(sessions.id, sessionId));
}

/** Ends every other session of the account (after a password change). */
export async function deleteOtherSessions(
  db: Database,
  userId: number,
  keepSessionId: string,
): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
}

/** Removes expired sessions: of one account (at its login), or of all (periodic clean-up). */
export async function deleteExpiredSessions(db: Database, userId?: number): Promise<void> {
  const expired = sql`${sessions.expiresAt} <= now()`;
  await db.delete(sessions).where(userId === undefined ? expired : and(eq(sessions.userId, userId), expired));
}

export interface AuthAuditEntry {
  action: 'auth.login' | 'auth.login_failed' | 'auth.locked' | 'auth.logout' | 'auth.password_changed';
  userId: number | null;
  jurisdictionId?: number | null;
  detail?: Record<string, unknown>;
  requestId?: string | null;
}

export async function insertAuthAudit(db: Database, entry: AuthAuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: entry.userId,
    action: entry.action,
    entity: 'user',
    entityId: entry.userId === null ? null : String(entry.userId),
    jurisdictionId: entry.jurisdictionId ?? null,
    after: entry.detail ?? null,
    requestId: entry.requestId ?? null,
  });
}
