import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RouteOptions } from 'fastify';
import { buildApp } from '../../src/app';
import type { Database } from '../../src/db/client';
import { buildOpenApiDocument, openApiFile } from '../../src/openapi';

type OpenApi = { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };

describe('OpenAPI description', () => {
  it('is committed and up to date (regenerate: npm run openapi -w @minsheng/server)', async () => {
    const generated = await buildOpenApiDocument();
    const committed: unknown = JSON.parse(fs.readFileSync(openApiFile, 'utf8'));
    expect(committed, 'apps/server/openapi.json is stale: run `npm run openapi -w @minsheng/server`').toEqual(
      generated,
    );
  });

  it('describes every API route except the docs themselves', async () => {
    const routes: RouteOptions[] = [];
    const app = await buildApp({
      db: { db: {} as unknown as Database, kind: 'pglite', close: async () => undefined },
      onRoute: (route) => routes.push(route),
    });
    await app.ready();
    const document = app.swagger() as unknown as OpenApi;
    await app.close();
    const missing: string[] = [];
    for (const route of routes) {
      if (
        !route.url.startsWith('/api/') ||
        route.url.startsWith('/api/docs') ||
        route.url === '/api/openapi.json'
      )
        continue;
      const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter(
        (m) => m !== 'HEAD',
      );
      const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
      for (const method of methods) {
        const operation = document.paths[openApiPath]?.[method.toLowerCase()];
        if (!operation) missing.push(`${method} ${route.url}`);
        else if (!Object.keys(operation.responses ?? {}).some((code) => code.startsWith('2')))
          missing.push(`${method} ${route.url} (no 2xx response schema)`);
      }
    }
    expect(missing).toEqual([]);
  });
});
