/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/session, POST /api/auth/password. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordBody,
  errorResponse,
  loginBody,
  okResponse,
  sessionResponse,
} from '@minsheng/contract';
import type { AppConfig } from '../../config';
import { AppError } from '../../errors/app-error';
import { clearSessionCookie, requestContext, setSessionCookie } from '../../plugins/auth';
import { toSessionResponse, type AuthService } from '../../services/auth/auth.service';

export function authRoutes(app: FastifyInstance, deps: { auth: AuthService; config: AppConfig }): void {
  const { auth, config } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      config: {
        public: true,
        csrf: false,
        rateLimit: { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.timeWindowMs },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with user name and password; sets the HttpOnly session cookie',
        body: loginBody,
        response: {
          200: sessionResponse,
          400: errorResponse,
          401: errorResponse,
          423: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const { token, session } = await auth.login(
        request.body.username,
        request.body.password,
        requestContext(request),
      );
      setSessionCookie(reply, token, session, config);
      return toSessionResponse(session);
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'End the current session (idempotent)',
        response: { 200: okResponse, 403: errorResponse },
      },
    },
    async (request, reply) => {
      if (request.authSession) await auth.logout(request.authSession, requestContext(request));
      clearSessionCookie(reply, config);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and the CSRF token to send in X-CSRF-Token; 401 when signed out',
        response: { 200: sessionResponse, 401: errorResponse },
      },
    },
    async (request, reply) => {
      if (!request.authSession) throw new AppError('UNAUTHENTICATED');
      reply.header('cache-control', 'no-store');
      return toSessionResponse(request.authSession);
    },
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the signed-in account’s password; its other sessions end',
        body: changePasswordBody,
        response: {
          200: okResponse,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          422: errorResponse,
        },
      },
    },
    async (request) => {
      await auth.changePassword(
        request.authSession,
        request.body.currentPassword,
        request.body.newPassword,
        requestContext(request),
      );
      return { ok: true as const };
    },
  );
}
