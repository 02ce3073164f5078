/**
 * The OpenAPI description of every /api route, generated from the routes' zod schemas: served as
 * JSON at /api/openapi.json and browsable at /api/docs; committed as apps/server/openapi.json
 * (`npm run openapi -w @minsheng/server`, checked by test/security/openapi.test.ts).
 */
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Minsheng API（民生实事督办平台）',
        description:
          'Session cookie authentication: POST /api/auth/login, then send the csrfToken from ' +
          'GET /api/auth/session in the X-CSRF-Token header on every POST, PUT, PATCH and DELETE. ' +
          'Every error answers { error: { code, message, messageZh, messageEn, details } }.',
        version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'minsheng_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // swagger-ui's policy upgrades requests to https, which breaks plain-http intranet installs.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
