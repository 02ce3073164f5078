/**
 * One RequestActor per request, from the session cookie; and the CSRF check.
 *
 * CSRF: every session has its own random token, given to the client by GET /api/auth/session
 * (and the login answer). An unsafe request (POST, PUT, PATCH, DELETE) that arrives with a live
 * session must carry it in the X-CSRF-Token header, or it is refused with 403 CSRF_TOKEN_INVALID.
 * Routes marked `config: { csrf: false }` (login) are protected instead by the SameSite=Strict
 * cookie and the Origin check below, which every unsafe request passes through.
 *
 * Secure by default: an /api route answers 401 without a session unless it is marked
 * `config: { public: true }`, before its body is even parsed; the services still check the
 * actor's role, jurisdiction and unit themselves.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '@minsheng/contract';
import type { AppConfig } from '../config';
import { AppError } from '../errors/app-error';
import type { RequestActor } from '../policy/actor';
import type { AuthService, RequestContext, ResolvedSession } from '../services/auth/auth.service';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; null when not signed in. Services take it as their first argument. */
    actor: RequestActor | null;
    /** The signed-in session (auth routes only need it). */
    authSession: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    /** false: no CSRF token required (login, which has no session yet). */
    csrf?: boolean;
    /** true: answers without a session (login, health, the public portal). Default: sign-in required. */
    public?: boolean;
  }
}

export const SESSION_COOKIE = 'minsheng_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function requestContext(request: FastifyRequest): RequestContext {
  return {
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: String(request.id),
  };
}

function isSecureRequest(request: FastifyRequest, config: AppConfig): boolean {
  if (config.secureCookies !== 'auto') return config.secureCookies;
  return request.protocol === 'https';
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  session: ResolvedSession,
  config: AppConfig,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecureRequest(reply.request, config),
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecureRequest(reply.request, config),
  });
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** An Origin (when the browser sends one) must be this server's own host or an allowed origin. */
function originAllowed(request: FastifyRequest, config: AppConfig): boolean {
  const origin = request.headers.origin;
  if (!origin) return request.headers['sec-fetch-site'] !== 'cross-site';
  if (config.allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/** Routes that answer without a session: marked public, the API docs, and unknown routes (404). */
function isPublic(request: FastifyRequest): boolean {
  if (request.is404) return true;
  if (request.routeOptions.config.public === true) return true;
  const url = request.routeOptions.url ?? '';
  return url === '/api/docs' || url.startsWith('/api/docs/');
}

export function registerAuth(app: FastifyInstance, deps: { auth: AuthService; config: AppConfig }): void {
  const { auth, config } = deps;
  app.decorateRequest('actor', null);
  app.decorateRequest('authSession', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const unsafe = UNSAFE_METHODS.has(request.method);
    if (unsafe && !originAllowed(request, config)) {
      // Behind a proxy that rewrites Host, list the public origin in ALLOWED_ORIGINS (or forward Host).
      request.log.warn(
        { origin: request.headers.origin, host: request.host },
        'cross-origin request refused; behind a proxy, set ALLOWED_ORIGINS or forward the Host header',
      );
      throw new AppError('CSRF_TOKEN_INVALID', {
        zh: '请求来源不被允许',
        en: 'Cross-origin request refused',
      });
    }
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await auth.resolveToken(token) : null;
    if (!session) {
      if (token) clearSessionCookie(reply, config);
      if (!isPublic(request)) throw new AppError('UNAUTHENTICATED');
      return;
    }
    if (unsafe && request.routeOptions.config.csrf !== false) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
        throw new AppError('CSRF_TOKEN_INVALID');
      }
    }
    request.actor = session.actor;
    request.authSession = session;
    if (session.extended && token) setSessionCookie(reply, token, session, config);
  });
}
