import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client';
import { sourceDocuments } from '../../src/db/schema';
import { DEMO_PASSWORD, ensureDemoData } from '../../src/demo/index';
import { openTestDatabase, testDatabases } from '../support/database';
import { buildTestApp, login, type Session } from '../security/helpers';

const seeds = path.resolve(import.meta.dirname, '../../../../fixtures/seeds');

function multipart(fields: Record<string, string>, file: { name: string; bytes: Uint8Array }) {
  const boundary = `----minsheng${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(testDatabases())('resource API over HTTP on %s', (kind) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let office: Session;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await ensureDemoData(handle);
    app = await buildTestApp(handle);
    office = await login(app, 'office', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('reads the 80-task plan with its tasks, units and indicators; refuses a stale edit with 409', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/plans?year=2015', headers: office.headers });
    expect(list.statusCode).toBe(200);
    const [plan] = (list.json() as { items: { id: number; version: number }[] }).items;
    const detail = await app.inject({
      method: 'GET',
      url: `/api/plans/${plan?.id}`,
      headers: office.headers,
    });
    expect(detail.statusCode).toBe(200);
    const body = detail.json() as { tasks: { units: unknown[]; indicators: unknown[] }[] };
    expect(body.tasks).toHaveLength(80);
    expect(body.tasks[0]?.units.length).toBeGreaterThan(0);
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${plan?.id}`,
      headers: office.headers,
      payload: { version: plan?.version, issuer: '吉林市人民政府办公厅' },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${plan?.id}`,
      headers: office.headers,
      payload: { version: plan?.version, issuer: '别人' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
    const users = await app.inject({ method: 'GET', url: '/api/users', headers: office.headers });
    expect(users.statusCode).toBe(200);
    expect(users.body).not.toContain('argon2');
    expect(users.body).not.toContain('passwordHash');
  });

  it('imports a document: upload → preview → edit → commit', async () => {
    const jurisdictions = await app.inject({
      method: 'GET',
      url: '/api/jurisdictions',
      headers: office.headers,
    });
    const city = (jurisdictions.json() as { items: { id: number; name: string }[] }).items.find(
      (j) => j.name === '吉林市',
    );
    const bytes = new Uint8Array(fs.readFileSync(path.join(seeds, '002_a19654e07b0d8595.txt')));
    const form = multipart({ jurisdictionId: String(city?.id) }, { name: '2015年民生.txt', bytes });
    const upload = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...office.headers, 'content-type': form.contentType },
      payload: form.payload,
    });
    expect(upload.statusCode).toBe(201);
    const preview = upload.json() as {
      id: number;
      version: number;
      document: { tasks: unknown[] };
      unitMatches: { unitId: number | null }[];
    };
    expect(preview.document.tasks).toHaveLength(80);
    // The demo already imported seed 002 here, so every name is in the register.
    expect(preview.unitMatches.every((m) => m.unitId !== null)).toBe(true);
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/imports/${preview.id}`,
      headers: office.headers,
      payload: { version: preview.version, unitMapping: {} },
    });
    expect(patched.statusCode).toBe(200);
    const commit = await app.inject({
      method: 'POST',
      url: `/api/imports/${preview.id}/commit`,
      headers: office.headers,
      payload: { version: preview.version + 1 },
    });
    expect(commit.statusCode).toBe(201);
    const committed = await app.inject({
      method: 'GET',
      url: '/api/imports?status=committed',
      headers: office.headers,
    });
    expect((committed.json() as { items: { id: number }[] }).items.map((i) => i.id)).toContain(preview.id);
    expect(commit.json()).toMatchObject({ importId: preview.id, planId: expect.any(Number) });
    const source = await app.inject({
      method: 'GET',
      url: `/api/source-documents/${(upload.json() as { sourceDocument: { id: number } }).sourceDocument.id}`,
      headers: office.headers,
    });
    expect(source.statusCode).toBe(200);
    expect(source.rawPayload.equals(Buffer.from(bytes))).toBe(true);
  });

  it('a bad upload gets a clear 4xx and stores nothing', async () => {
    const before = (await handle.db.select({ n: count() }).from(sourceDocuments))[0]?.n;
    const session = await app.inject({ method: 'GET', url: '/api/auth/session', headers: office.headers });
    const cityId = String((session.json() as { user: { jurisdictionId: number } }).user.jurisdictionId);
    const form = multipart(
      { jurisdictionId: cityId },
      { name: 'plan.docx', bytes: new TextEncoder().encode('%PDF-1.4 fake') },
    );
    const response = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...office.headers, 'content-type': form.contentType },
      payload: form.payload,
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: 'UNSUPPORTED_FILE_TYPE' } });
    const notMultipart = await app.inject({
      method: 'POST',
      url: `/api/imports?jurisdictionId=${cityId}`,
      headers: office.headers,
      payload: { file: 'x' },
    });
    expect(notMultipart.statusCode).toBe(400);
    const huge = multipart(
      { jurisdictionId: cityId },
      { name: 'huge.txt', bytes: new Uint8Array(21 * 1024 * 1024).fill(0x41) },
    );
    const tooLarge = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...office.headers, 'content-type': huge.contentType },
      payload: huge.payload,
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ error: { code: 'FILE_TOO_LARGE' } });
    expect((await handle.db.select({ n: count() }).from(sourceDocuments))[0]?.n).toBe(before);
  });
});
