/**
 * Sign-in, sessions and password change. The cookie carries an opaque random token; the
 * database keeps only its SHA-256, so a leaked sessions table opens no session.
 */
import crypto from 'node:crypto';
import type { SessionResponse, SessionUser } from '@minsheng/contract';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RequestActor } from '../../policy/actor';
import * as repo from '../../repositories/auth.repository';
import { listDescendantIds } from '../../repositories/jurisdiction.repository';
import { decoyPasswordHash, hashPassword, isStrongPassword, verifyPassword } from './password';

/** Extend a session at most once a minute, not on every request. */
const EXTEND_GRANULARITY_MS = 60 * 1000;

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface ResolvedSession {
  actor: RequestActor;
  sessionId: string;
  csrfToken: string;
  user: SessionUser;
  expiresAt: Date;
  /** The expiry moved: the cookie should be sent again with the new lifetime. */
  extended: boolean;
}

export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

function toSessionUser(user: repo.SessionRecord['user']): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    jurisdictionId: user.jurisdictionId,
    jurisdictionName: user.jurisdictionName,
    unitId: user.unitId,
    unitName: user.unitName,
  };
}

export function toSessionResponse(session: ResolvedSession): SessionResponse {
  return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
}

export interface AuthServiceDeps {
  db: Database;
  config: Pick<AppConfig, 'sessionTtlMs' | 'lockout'>;
}

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService({ db, config }: AuthServiceDeps) {
  async function resolveSessionId(sessionId: string): Promise<ResolvedSession | null> {
    const record = await repo.findLiveSession(db, sessionId);
    if (!record) return null;
    const scope = await listDescendantIds(db, record.user.jurisdictionId);
    const now = Date.now();
    let expiresAt = record.expiresAt;
    let extended = false;
    if (now + config.sessionTtlMs - expiresAt.getTime() >= EXTEND_GRANULARITY_MS) {
      expiresAt = new Date(now + config.sessionTtlMs);
      await repo.extendSession(db, sessionId, expiresAt);
      extended = true;
    }
    return {
      actor: {
        userId: record.user.id,
        username: record.user.username,
        role: record.user.role,
        jurisdictionId: record.user.jurisdictionId,
        unitId: record.user.role === 'reporter' ? record.user.unitId : null,
        scope: new Set(scope),
      },
      sessionId,
      csrfToken: record.csrfToken,
      user: toSessionUser(record.user),
      expiresAt,
      extended,
    };
  }

  return {
    /** Checks the credentials; on success opens a session and returns its cookie token. */
    async login(
      username: string,
      password: string,
      context: RequestContext,
    ): Promise<{ token: string; session: ResolvedSession }> {
      const account = await repo.findLoginAccount(db, username);
      if (!account || account.retiredAt) {
        await verifyPassword(await decoyPasswordHash(), password);
        await repo.insertAuthAudit(db, {
          action: 'auth.login_failed',
          userId: null,
          detail: { username, ip: context.ip, reason: 'unknown user' },
          requestId: context.requestId,
        });
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (account.lockedUntil && account.lockedUntil.getTime() > Date.now()) {
        throw new AppError('ACCOUNT_LOCKED');
      }
      if (!(await verifyPassword(account.passwordHash, password))) {
        const lockedUntil = await repo.recordFailedLogin(
          db,
          account.id,
          config.lockout.maxFailures,
          config.lockout.durationMs,
        );
        const locked = lockedUntil !== null && lockedUntil.getTime() > Date.now();
        await repo.insertAuthAudit(db, {
          action: locked ? 'auth.locked' : 'auth.login_failed',
          userId: account.id,
          detail: { ip: context.ip, ...(locked ? { lockedUntil: lockedUntil.toISOString() } : {}) },
          requestId: context.requestId,
        });
        throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
      }
      if (account.failedLogins > 0 || account.lockedUntil) await repo.clearFailedLogins(db, account.id);
      await repo.deleteExpiredSessions(db, account.id);

      const token = randomToken();
      const sessionId = hashSessionToken(token);
      await repo.insertSession(db, {
        id: sessionId,
        userId: account.id,
        csrfToken: randomToken(),
        expiresAt: new Date(Date.now() + config.sessionTtlMs),
        ip: context.ip,
        userAgent: context.userAgent?.slice(0, 500) ?? null,
      });
      await repo.insertAuthAudit(db, {
        action: 'auth.login',
        userId: account.id,
        detail: { ip: context.ip },
        requestId: context.requestId,
      });
      const session = await resolveSessionId(sessionId);
      if (!session) throw new AppError('INTERNAL');
      return { token, session };
    },

    /** The session a cookie token opens, pushing its expiry back; null when unknown or expired. */
    async resolveToken(token: string): Promise<ResolvedSession | null> {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
      return resolveSessionId(hashSessionToken(token));
    },

    async logout(session: ResolvedSession, context: RequestContext): Promise<void> {
      await repo.deleteSession(db, session.sessionId);
      await repo.insertAuthAudit(db, {
        action: 'auth.logout',
        userId: session.actor.userId,
        jurisdictionId: session.actor.jurisdictionId,
        requestId: context.requestId,
      });
    },

    /**
     * Changes the signed-in account's password. The current password is required (a wrong one
     * counts towards the lock-out); other sessions of the account end.
     */
    async changePassword(
      session: ResolvedSession | null,
      currentPassword: string,
      newPassword: string,
      context: RequestContext,
    ): Promise<void> {
      if (!session) throw new AppError('UNAUTHENTICATED');
      const account = await repo.findLoginAccount(db, session.actor.username);
      if (!account) throw new AppError('UNAUTHENTICATED');
      if (!(await verifyPassword(account.passwordHash, currentPassword))) {
        await repo.recordFailedLogin(db, account.id, config.lockout.maxFailures, config.lockout.durationMs);
        throw new AppError('INVALID_CREDENTIALS', {
          zh: '当前密码不正确',
          en: 'The current password is wrong',
          details: [{ path: 'currentPassword', message: 'wrong password' }],
        });
      }
      if (
        !isStrongPassword(newPassword) ||
        newPassword === currentPassword ||
        newPassword === account.username
      ) {
        throw new AppError('PASSWORD_TOO_WEAK', {
          details: [{ path: 'newPassword', message: 'too weak' }],
        });
      }
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await repo.updatePasswordHash(tx, account.id, passwordHash);
        await repo.deleteOtherSessions(tx, account.id, session.sessionId);
      });
      await repo.renewSession(db, session.sessionId);
      await repo.insertAuthAudit(db, {
        action: 'auth.password_changed',
        userId: account.id,
        jurisdictionId: session.actor.jurisdictionId,
        requestId: context.requestId,
      });
    },

    deleteExpiredSessions: () => repo.deleteExpiredSessions(db),
  };
}
