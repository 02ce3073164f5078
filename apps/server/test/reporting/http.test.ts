import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { jurisdictions, plans } from '../../src/db/schema';
import { DEMO_PASSWORD, ensureDemoData } from '../../src/demo/index';
import { reportingRoutes } from '../../src/routes/reporting/index';
import { createReportingServices } from '../../src/services/reporting/index';
import { openTestDatabase, testDatabases } from '../support/database';
import { buildTestApp, login, type Session } from '../security/helpers';

function multipart(file: { name: string; bytes: Uint8Array }) {
  const boundary = `----minsheng${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

describe.each(testDatabases())('reporting API over HTTP on %s', (kind) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let office: Session;
  let reporter: Session;
  let admin: Session;
  let dataDir: string;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await ensureDemoData(handle);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-reporting-http-'));
    // The app stores attachments under config.dataDir once it registers the reporting routes itself.
    const config: Record<string, unknown> = { dataDir };
    app = await buildTestApp(handle, config);
    if (!app.hasRoute({ method: 'GET', url: '/api/notifications' })) {
      const services = createReportingServices(handle.db, { dataDir });
      await app.register(async (scope) => reportingRoutes(scope, { services }), { prefix: '/api' });
    }
    office = await login(app, 'office', DEMO_PASSWORD);
    reporter = await login(app, 'reporter', DEMO_PASSWORD);
    admin = await login(app, 'admin', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a period: open, the reporter’s tasks, draft, 409, attachment, submit, accept, ratings, alerts', async () => {
    const [city] = await handle.db.select().from(jurisdictions).where(eq(jurisdictions.name, '吉林市'));
    const [plan] = await handle.db
      .select()
      .from(plans)
      .where(and(eq(plans.jurisdictionId, city!.id), eq(plans.year, 2015)));
    const opened = await app.inject({
      method: 'POST',
      url: `/api/plans/${plan!.id}/periods`,
      headers: office.headers,
      payload: { cadence: 'quarter' },
    });
    expect(opened.statusCode).toBe(201);
    const periods = (opened.json() as { items: { id: number; key: string; dueDate: string }[] }).items;
    expect(periods.map((p) => p.key)).toEqual(['2015Q1', '2015Q2', '2015Q3', '2015Q4']);
    const q3 = periods[2]!;
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/plans/${plan!.id}/periods`,
          headers: reporter.headers,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);

    const tasks = await app.inject({
      method: 'GET',
      url: `/api/periods/${q3.id}/tasks`,
      headers: reporter.headers,
    });
    expect(tasks.statusCode).toBe(200);
    const items = (
      tasks.json() as { items: { taskId: number; role: string; indicators: { id: number }[] }[] }
    ).items;
    expect(items.length).toBeGreaterThan(0);
    const task = items.find((t) => t.role === 'lead' && t.indicators.length > 0) ?? items[0]!;

    const draft = await app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: reporter.headers,
      payload: { taskId: task.taskId, periodId: q3.id },
    });
    expect(draft.statusCode).toBe(200);
    const report = draft.json() as { id: number; version: number };
    const values = task.indicators.slice(0, 1).map((i) => ({ indicatorId: i.id, actual: 1 }));
    const save = (version: number) =>
      app.inject({
        method: 'PUT',
        url: `/api/reports/${report.id}`,
        headers: reporter.headers,
        payload: { version, progressText: '已完成部分工作', values, investment: 10 },
      });
    expect((await save(report.version)).statusCode).toBe(200);
    const stale = await save(report.version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: { code: 'VERSION_CONFLICT', details: [{ path: 'version', message: '2' }] },
    });

    const upload = multipart({ name: '现场照片.png', bytes: PNG });
    const attached = await app.inject({
      method: 'POST',
      url: `/api/reports/${report.id}/attachments`,
      payload: upload.payload,
      headers: { ...reporter.headers, ...upload.headers },
    });
    expect(attached.statusCode).toBe(201);
    expect(attached.json()).toMatchObject({ mediaType: 'image/png', size: PNG.length });
    const disguised = multipart({ name: 'virus.png', bytes: new TextEncoder().encode('MZ not a picture') });
    const refused = await app.inject({
      method: 'POST',
      url: `/api/reports/${report.id}/attachments`,
      payload: disguised.payload,
      headers: { ...reporter.headers, ...disguised.headers },
    });
    expect(refused.statusCode).toBe(415);
    const download = await app.inject({
      method: 'GET',
      url: `/api/attachments/${(attached.json() as { id: number }).id}`,
      headers: office.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(Buffer.from(PNG))).toBe(true);

    const current = (
      await app.inject({ method: 'GET', url: `/api/reports/${report.id}`, headers: reporter.headers })
    ).json() as {
      version: number;
    };
    const submitted = await app.inject({
      method: 'POST',
      url: `/api/reports/${report.id}/submit`,
      headers: reporter.headers,
      payload: { version: current.version },
    });
    expect(submitted.statusCode).toBe(200);
    const s = submitted.json() as { status: string; version: number; proposedStatus: string };
    expect(s.status).toBe('submitted');
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/reports/${report.id}/accept`,
      headers: office.headers,
      payload: { version: s.version },
    });
    expect(accepted.statusCode).toBe(200);

    const ratings = await app.inject({
      method: 'GET',
      url: `/api/periods/${q3.id}/ratings`,
      headers: office.headers,
    });
    expect(ratings.statusCode).toBe(200);
    const r = ratings.json() as { items: { taskId: number; reportId: number | null; rating: string }[] };
    expect(r.items).toHaveLength(80);
    expect(r.items.find((i) => i.taskId === task.taskId)).toMatchObject({ reportId: report.id });
    expect(
      (await app.inject({ method: 'GET', url: `/api/periods/${q3.id}/ratings`, headers: reporter.headers }))
        .statusCode,
    ).toBe(403);

    const alerts = await app.inject({
      method: 'GET',
      url: `/api/periods/${q3.id}/alerts?kind=lagging`,
      headers: office.headers,
    });
    expect(alerts.statusCode).toBe(200);
    const a = alerts.json() as { counts: Record<string, number>; items: unknown[] };
    expect(a.counts.lagging).toBe(a.items.length);

    const notes = await app.inject({ method: 'GET', url: '/api/notifications', headers: reporter.headers });
    expect(notes.statusCode).toBe(200);
    expect((notes.json() as { items: { kind: string }[] }).items.map((n) => n.kind)).toContain(
      'report.accepted',
    );
    expect(
      (await app.inject({ method: 'GET', url: '/api/outbox', headers: office.headers })).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/outbox', headers: admin.headers })).statusCode).toBe(
      200,
    );
    const versions = await app.inject({
      method: 'GET',
      url: `/api/reports/${report.id}/versions`,
      headers: reporter.headers,
    });
    expect((versions.json() as { items: unknown[] }).items).toHaveLength(1);
  });
});
