/**
 * Builds the Fastify app (testable with app.inject; main.ts makes it listen). A request's path:
 * request id → security headers → session cookie → actor + CSRF check (plugins/auth) → zod
 * validation → route → service (policy check first) → repository → presenter → zod-serialised
 * answer; any throw lands in plugins/error-handler as { error: { code, … } }.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { resolveConfig, type AppConfig } from './config';
import type { DatabaseHandle } from './db/client';
import { AppError } from './errors/app-error';
import { registerAuth } from './plugins/auth';
import { notFoundError, registerErrorHandler, sendError } from './plugins/error-handler';
import { registerOpenApi } from './plugins/openapi';
import { authRoutes } from './routes/auth/auth.routes';
import { healthRoutes } from './routes/health/health.routes';
import { resourceRoutes } from './routes/index';
import { publicRoutes } from './routes/public/public.routes';
import { reportingRoutes } from './routes/reporting/index';
import { createAuthService } from './services/auth/auth.service';
import { createServices } from './services/index';
import type { PublicProgressSource } from './services/public/progress-source';
import { createReportingServices } from './services/reporting/index';
import { DEFAULT_UPLOAD_LIMITS } from './uploads/limits';

export interface BuildAppOptions {
  db: DatabaseHandle;
  config?: Partial<AppConfig>;
  /** Pino options, true for defaults, false (tests) for none. */
  logger?: boolean | object;
  /** Published progress for the public portal (default: the reporting module's, when it offers one). */
  publicProgress?: PublicProgressSource;
  /** Called for every route as it is registered (the authorization test lists them with it). */
  onRoute?: (route: RouteOptions) => void;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const config = resolveConfig(options.config);
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: config.trustProxy,
    // A well-formed X-Request-Id from the proxy is kept, so one id follows a request end to end.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
    bodyLimit: 2 * 1024 * 1024,
  });
  const onRoute = options.onRoute;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // HSTS only over TLS (directly or via a trusted proxy): plain-http intranet installs stay reachable.
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=15552000');
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time (CSS-in-JS): inline styles only, never inline scripts.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    strictTransportSecurity: false, // set per request above, over TLS only
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  await app.register(multipart, {
    limits: {
      fileSize: DEFAULT_UPLOAD_LIMITS.maxFileBytes,
      files: 10,
      fields: 50,
      parts: 60,
      fieldSize: 1024 * 1024,
    },
  });
  await registerOpenApi(app, config.version);

  const auth = createAuthService({ db: options.db.db, config });
  registerAuth(app, { auth, config });
  const sweep = setInterval(
    () =>
      void auth
        .deleteExpiredSessions()
        .catch((error) => app.log.warn({ err: error }, 'session sweep failed')),
    60 * 60 * 1000,
  );
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
  authRoutes(app, { auth, config });
  healthRoutes(app, { handle: options.db, version: config.version });

  const services = createServices(options.db.db);
  await app.register(async (scope) => resourceRoutes(scope, { services }), { prefix: '/api' });
  const reporting = createReportingServices(options.db.db, { dataDir: config.dataDir });
  await app.register(async (scope) => reportingRoutes(scope, { services: reporting }), { prefix: '/api' });
  // The public portal: pages under /gongkai and the read-only /api/public, all `config.public`.
  await app.register(publicRoutes, { db: options.db.db, progress: options.publicProgress });

  const webIndex = config.webDistDir ? path.join(config.webDistDir, 'index.html') : null;
  if (config.webDistDir && webIndex && fs.existsSync(webIndex)) {
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    // The web app routes on the client: any other GET for a page gets index.html.
    if (
      !isApi &&
      webIndex &&
      fs.existsSync(webIndex) &&
      (request.method === 'GET' || request.method === 'HEAD')
    ) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    return sendError(reply, notFoundError(request));
  });

  return app;
}
