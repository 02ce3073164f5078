/**
 * Writes the OpenAPI description of every route to apps/server/openapi.json (committed, so API
 * changes show in review; test/security/openapi.test.ts fails when it drifts).
 *   npm run openapi -w @minsheng/server
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from './app';
import type { Database, DatabaseHandle } from './db/client';

export const openApiFile = path.join(import.meta.dirname, '..', 'openapi.json');

/** The description as the app serves it at /api/openapi.json. Building routes touches no database. */
export async function buildOpenApiDocument(): Promise<unknown> {
  const offline: DatabaseHandle = {
    db: {} as unknown as Database,
    kind: 'pglite',
    close: async () => undefined,
  };
  const app = await buildApp({ db: offline, logger: false, config: { webDistDir: null } });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
  }
}

export function serializeOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = serializeOpenApi(await buildOpenApiDocument());
  fs.writeFileSync(openApiFile, text);
  console.log(`wrote ${path.relative(process.cwd(), openApiFile)}`);
}
