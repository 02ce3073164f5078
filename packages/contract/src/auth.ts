/**
 * Accounts, sessions and the system endpoints: login, logout, session, password change, health,
 * and the error body every non-2xx response carries.
 */
import { z } from 'zod';
import { errorCodes, type ErrorCode } from './errors';

/** Password rule, shared by the server's check and the web form: 10+ characters, letters and digits. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export function isStrongPassword(password: string): boolean {
  return (
    password.length >= PASSWORD_MIN_LENGTH &&
    password.length <= PASSWORD_MAX_LENGTH &&
    /\p{L}/u.test(password) &&
    /\p{Nd}/u.test(password)
  );
}

/** The header the web client sends its session's CSRF token in, on every POST/PUT/PATCH/DELETE. */
export const CSRF_HEADER = 'x-csrf-token';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginBody = z.infer<typeof loginBody>;

export const sessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'office', 'leader', 'reporter', 'deputy']),
  jurisdictionId: z.number().int(),
  jurisdictionName: z.string(),
  /** Reporters: the unit they report for. */
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUser>;

/** Answer of POST /api/auth/login and GET /api/auth/session. */
export const sessionResponse = z.object({
  user: sessionUser,
  /** Send it back in the X-CSRF-Token header on every unsafe request of this session. */
  csrfToken: z.string(),
  /** When the session ends unless used again (sliding). */
  expiresAt: z.iso.datetime(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const okResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof okResponse>;

export const healthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    reachable: z.boolean(),
    latencyMs: z.number().nullable(),
  }),
  version: z.string(),
  uptimeSeconds: z.number(),
});
export type HealthResponse = z.infer<typeof healthResponse>;

/** The body of every non-2xx API response (see ErrorBody in ./errors). */
export const errorResponse = z.object({
  error: z.object({
    code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    messageZh: z.string(),
    messageEn: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
