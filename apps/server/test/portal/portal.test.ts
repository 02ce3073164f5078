/**
 * The public portal through HTTP on a real database: drafts invisible everywhere, every field
 * escaped, Chinese search, ETag/304, open data that parses back, accessible page structure.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { publicPlan, publicPlansResponse, publicTaskDetail } from '@minsheng/contract';
import { buildApp } from '../../src/app';
import type { DatabaseHandle } from '../../src/db/client';
import type { RequestActor } from '../../src/policy/actor';
import { publicRoutes } from '../../src/routes/public/public.routes';
import { createServices } from '../../src/services/index';
import type { PublicProgressSource, PublicTaskProgress } from '../../src/services/public/progress-source';
import { openTestDatabase, testDatabases } from '../support/database';
import { buildActor, buildUnit, buildWorld, unique } from '../support/factories';

/** Whitespace runs as one space: the templates are formatted by Prettier. */
const squash = (body: string) => body.replace(/\s+/g, ' ');

const XSS = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';

/** A CSV parser good enough for RFC 4180 quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/**
 * The app with the portal: buildApp registers publicRoutes (with `publicProgress`); registered
 * here as well when this buildApp does not (yet) do it.
 */
async function portalApp(handle: DatabaseHandle, progress?: PublicProgressSource): Promise<FastifyInstance> {
  const options = { db: handle, logger: false, ...(progress ? { publicProgress: progress } : {}) };
  const app = await buildApp(options);
  if (!app.hasRoute({ method: 'GET', url: '/gongkai' })) {
    await app.register(publicRoutes, { db: handle.db, ...(progress ? { progress } : {}) });
  }
  await app.ready();
  return app;
}

describe.each(testDatabases())('public portal on %s', (kind) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  /** The portal as registered in production: default progress source, data-based ETags. */
  let plainApp: FastifyInstance;
  let services: ReturnType<typeof createServices>;
  let admin: RequestActor;
  const ids = {
    jurisdiction: 0,
    plan: 0,
    draftPlan: 0,
    draftTask: 0,
    task1: 0,
    task2: 0,
    task3: 0,
    draftJurisdiction: 0,
  };
  const draftTitle = unique('草稿秘密计划');
  const progressByTask = new Map<number, PublicTaskProgress>();
  const progress: PublicProgressSource = {
    async forTasks(_db, taskIds) {
      return new Map(
        taskIds.flatMap((id) => (progressByTask.has(id) ? [[id, progressByTask.get(id)!]] : [])),
      );
    },
  };

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    services = createServices(handle.db);
    const world = await buildWorld(handle.db, services);
    const county = await services.jurisdictions.create(world.admin, {
      parentId: world.city.id,
      name: unique(`长春新区${XSS}`),
      level: 'district',
    });
    ids.jurisdiction = county.id;
    // The admin's scope, read again: it now includes the new district.
    admin = await buildActor(handle.db, world.province.id);
    const lead = await buildUnit(services, admin, county.id, { name: unique(`人社局${XSS}`) });
    const co = await buildUnit(services, admin, county.id, { name: unique('创业中心') });

    const plan = await services.plans.create(admin, {
      jurisdictionId: county.id,
      year: 2017,
      title: `2017年建设幸福新区行动计划${XSS}`,
      issuer: `市民生办${XSS}`,
      docNumber: `长新发〔2017〕1号${XSS}`,
    });
    const category = await services.plans.createCategory(admin, plan.id, {
      ordinal: 1,
      name: `推进创业就业服务${XSS}`,
    });
    const t1 = await services.plans.createTask(admin, plan.id, {
      categoryId: category.id,
      number: 1,
      content: `大力扶持困难群体就业，就业困难人员实现就业60人${XSS}`,
      deadlineText: `年底前${XSS}`,
      units: [
        { unitId: lead.id, role: 'lead' },
        { unitId: co.id, role: 'co' },
      ],
    });
    await services.plans.createIndicator(admin, t1.task.id, {
      subject: `就业困难人员实现就业${XSS}`,
      value: 60,
      unit: '人',
      comparator: '>=',
      text: `就业困难人员实现就业60人${XSS}`,
    });
    const t2 = await services.plans.createTask(admin, plan.id, {
      categoryId: category.id,
      number: 2,
      title: `教育惠民${XSS}`,
      content: '完成5所新建校建设任务，新建幼儿园5所，新增学位1840个',
      deadlineDate: '2017-09-25',
      units: [{ unitId: lead.id, role: 'lead' }],
    });
    const t3 = await services.plans.createTask(admin, plan.id, {
      categoryId: category.id,
      number: 3,
      content: '城乡低保覆盖率100%_达标',
      units: [{ unitId: co.id, role: 'lead' }],
    });
    await services.plans.update(admin, plan.id, { version: plan.version, status: 'published' });
    ids.plan = plan.id;
    ids.task1 = t1.task.id;
    ids.task2 = t2.task.id;
    ids.task3 = t3.task.id;

    const draftCounty = await services.jurisdictions.create(admin, {
      parentId: world.city.id,
      name: unique('草稿区'),
      level: 'district',
    });
    ids.draftJurisdiction = draftCounty.id;
    const admin2 = await buildActor(handle.db, world.province.id);
    const draft = await services.plans.create(admin2, {
      jurisdictionId: draftCounty.id,
      year: 2018,
      title: draftTitle,
    });
    const dt = await services.plans.createTask(admin2, draft.id, {
      number: 1,
      content: '秘密草稿幼儿园实事',
    });
    ids.draftPlan = draft.id;
    ids.draftTask = dt.task.id;

    progressByTask.set(ids.task1, {
      completion: 0.905,
      rating: 'on_track',
      ratingReason: `进度正常${XSS}`,
      lastUpdate: '2020-09-25',
      history: [
        {
          periodLabel: `三季度${XSS}`,
          date: '2020-09-25',
          text: `完成就业困难人员再就业55人${XSS}`,
          photos: [{ url: '/x.jpg" onerror="alert(1)', alt: `照片${XSS}` }],
        },
      ],
    });

    app = await portalApp(handle, progress);
    plainApp = await portalApp(handle);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await plainApp?.close();
    await handle?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });
  const pages = () => [
    '/gongkai',
    '/gongkai/archive',
    '/gongkai/archive/2017',
    `/gongkai/${ids.jurisdiction}/2017`,
    `/gongkai/plans/${ids.plan}`,
    `/gongkai/tasks/${ids.task1}`,
    `/gongkai/tasks/${ids.task2}`,
    `/gongkai/search?q=${encodeURIComponent('就业 script')}`,
    `/gongkai/search?q=${encodeURIComponent(XSS)}`,
    '/gongkai/no/such/page',
  ];

  it('answers every page without a session, as accessible HTML', async () => {
    for (const url of pages()) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(url.includes('no/such') ? 404 : 200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html; charset=utf-8/);
      const body = res.body;
      expect(body, url).toMatch(/^<!doctype html>\s*<html lang="zh-CN">/);
      expect(body, url).toMatch(/<title>[^<]+<\/title>/);
      expect(body, url).toMatch(/<meta name="description" content="[^"]+"/);
      expect(body.match(/<h1[ >]/g) ?? [], url).toHaveLength(1);
      expect(body, url).toContain('<a class="skip" href="#main">');
      expect(body, url).toContain('<main id="main"');
      expect(body, url).toContain('aria-label="当前位置"');
      for (const [, id] of body.matchAll(/<input id="([^"]+)"/g)) {
        expect(body, `${url}: input #${id} has a label`).toContain(`<label for="${id}">`);
      }
      // No inline styles or scripts: the strict CSP holds.
      expect(body, url).not.toMatch(/<script|style="|<style|\son[a-z]+="/i);
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
    }
  });

  it('escapes a planted <script> in every field on every page', async () => {
    for (const url of pages()) {
      const res = await get(url);
      expect(res.body, url).not.toContain(XSS);
      expect(res.body, url).not.toContain('onerror="');
    }
    const plan = (await get(`/gongkai/plans/${ids.plan}`)).body;
    expect(plan).toContain(`2017年建设幸福新区行动计划${ESCAPED}`);
    expect(plan).toContain(`推进创业就业服务${ESCAPED}`);
    expect(plan).toContain(`人社局`);
    expect(plan).toContain(`年底前${ESCAPED}`);
    const task = (await get(`/gongkai/tasks/${ids.task1}`)).body;
    expect(task).toContain(`完成就业困难人员再就业55人${ESCAPED}`);
    expect(task).toContain(`就业困难人员实现就业${ESCAPED}`);
    expect(task).toContain('src="/x.jpg&quot; onerror=&quot;alert(1)"');
  });

  it('shows plan, tasks, units, deadlines as officials write them, and plugged-in progress', async () => {
    const plan = squash((await get(`/gongkai/plans/${ids.plan}`)).body);
    expect(plan).toContain('<progress max="100" value="91"');
    expect(plan).toContain('完成 90.5%');
    expect(plan).toContain('正常推进');
    expect(plan).toContain('最近更新：2020年9月25日');
    expect(plan).toContain('暂无已公开的进展');
    expect(plan).toContain('2017年9月25日');
    expect(plan).toContain(`href="/gongkai/plans/${ids.plan}.csv"`);
    expect(plan).toMatch(
      /首页<\/a><\/li> ?<li> ?<span aria-hidden="true">&nbsp;&gt;&nbsp;<\/span> ?<a href="\/gongkai\/archive">民生档案/,
    );
    const year = squash((await get(`/gongkai/${ids.jurisdiction}/2017`)).body);
    expect(year).toContain('<strong>3</strong>件民生实事');
    expect(year).toContain('<strong>90.5%</strong>平均完成进度');
  });

  it('never shows an unpublished plan: pages, search, open data, API', async () => {
    const missing = await get('/gongkai/plans/999999');
    for (const url of [
      `/gongkai/plans/${ids.draftPlan}`,
      `/gongkai/plans/${ids.draftPlan}.csv`,
      `/gongkai/plans/${ids.draftPlan}.json`,
      `/gongkai/plans/${ids.draftPlan}.xlsx`,
      `/gongkai/tasks/${ids.draftTask}`,
      `/gongkai/${ids.draftJurisdiction}/2018`,
      '/gongkai/archive/2018',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      // The same page as for a record that never existed: nothing says a draft is there.
      expect(res.body, url).toBe(missing.body);
    }
    for (const url of ['/gongkai', '/gongkai/archive', `/gongkai/search?q=${encodeURIComponent('秘密')}`]) {
      const res = await get(url);
      expect(res.body, url).not.toContain(draftTitle);
      expect(res.body, url).not.toContain('秘密草稿');
    }
    const search = await get(`/gongkai/search?q=${encodeURIComponent('秘密')}`);
    expect(search.body).toContain('找到 0 条结果');
    const list = publicPlansResponse.parse((await get('/api/public/plans')).json());
    expect(list.items.map((p) => p.id)).toContain(ids.plan);
    expect(list.items.map((p) => p.id)).not.toContain(ids.draftPlan);
    expect((await get(`/api/public/plans/${ids.draftPlan}`)).statusCode).toBe(404);
    expect((await get(`/api/public/tasks/${ids.draftTask}`)).statusCode).toBe(404);
  });

  it('searches Chinese terms, ranks by matches and marks them in an escaped snippet', async () => {
    const res = await get(`/gongkai/search?q=${encodeURIComponent('幼儿园 学位')}`);
    expect(res.body).toContain('找到 1 条结果');
    expect(res.body).toContain(`href="/gongkai/tasks/${ids.task2}"`);
    expect(res.body).toContain('<mark>幼儿园</mark>');
    expect(res.body).toContain('<mark>学位</mark>');
    // Units are searched too; plan titles rank with them.
    const byUnit = await get(`/gongkai/search?q=${encodeURIComponent('人社局')}`);
    expect(byUnit.body).toContain(`href="/gongkai/tasks/${ids.task1}"`);
    expect(byUnit.body).toContain(`href="/gongkai/tasks/${ids.task2}"`);
    // Two terms beat one: task 1 matches 就业 and 困难, the plan title neither.
    const ranked = (await get(`/gongkai/search?q=${encodeURIComponent('困难 就业')}`)).body;
    expect(ranked.indexOf(`/gongkai/tasks/${ids.task1}"`)).toBeGreaterThan(0);
    // % and _ are literal characters, not wildcards.
    const literal = await get(`/gongkai/search?q=${encodeURIComponent('%_')}`);
    expect(literal.body).toContain('找到 1 条结果');
    expect(literal.body).toContain(`href="/gongkai/tasks/${ids.task3}"`);
    const wildcard = await get(`/gongkai/search?q=${encodeURIComponent('新建%幼儿园')}`);
    expect(wildcard.body).toContain('找到 0 条结果');
    // The marked snippet of a planted script stays escaped.
    const xss = await get(`/gongkai/search?q=${encodeURIComponent('script')}`);
    expect(xss.body).toContain('&lt;<mark>script</mark>&gt;');
    const empty = await get('/gongkai/search');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('请输入要检索的词');
  });

  it('sends an ETag and answers 304 when the page has not changed', async () => {
    for (const url of [
      `/gongkai/plans/${ids.plan}`,
      `/gongkai/plans/${ids.plan}.csv`,
      '/gongkai/search?q=就业',
    ]) {
      const first = await get(url);
      const etag = first.headers.etag;
      expect(typeof etag, url).toBe('string');
      expect(first.headers['cache-control'], url).toBe('public, no-cache');
      const again = await get(url, { 'if-none-match': String(etag) });
      expect(again.statusCode, url).toBe(304);
      expect(again.body, url).toBe('');
      const other = await get(url, { 'if-none-match': '"stale"' });
      expect(other.statusCode, url).toBe(200);
    }
    const page = (await get('/gongkai')).body;
    const cssPath = /<link rel="stylesheet" href="(\/gongkai\/assets\/[^"]+)"/.exec(page)?.[1] ?? '';
    const css = await get(cssPath);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('gives open data as CSV (with BOM), JSON and XLSX that parse back', async () => {
    const csv = await get(`/gongkai/plans/${ids.plan}.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, ''));
    expect(rows[0]?.[0]).toBe('计划ID');
    expect(rows).toHaveLength(4);
    expect(rows[1]?.[8]).toBe(`大力扶持困难群体就业，就业困难人员实现就业60人${XSS}`);
    expect(rows[1]?.[13]).toBe('90.5');
    expect(rows[2]?.[7]).toBe(`教育惠民${XSS}`);

    const json = publicPlan.parse((await get(`/gongkai/plans/${ids.plan}.json`)).json());
    expect(json.id).toBe(ids.plan);
    expect(json.tasks.map((t) => t.id)).toEqual([ids.task1, ids.task2, ids.task3]);
    expect(json.tasks[0]?.leadUnits[0]).toContain('人社局');
    expect(json.tasks[0]?.progress.ratingLabel).toBe('正常推进');
    expect(json).not.toHaveProperty('status');
    const api = publicPlan.parse((await get(`/api/public/plans/${ids.plan}`)).json());
    expect(api).toEqual(json);
    const task = publicTaskDetail.parse((await get(`/api/public/tasks/${ids.task1}`)).json());
    expect(task.history).toHaveLength(1);
    expect(task.plan.id).toBe(ids.plan);

    const xlsx = await get(`/gongkai/plans/${ids.plan}.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('计划ID');
    expect(sheet.getCell(2, 6).value).toBe(ids.task1);
    expect(sheet.getCell(3, 9).value).toBe('完成5所新建校建设任务，新建幼儿园5所，新增学位1840个');
    expect(sheet.rowCount).toBe(4);
  });

  // Last: it edits and unpublishes the plan.
  it('answers 304 from the data fingerprint, and not once the data changed or the plan was unpublished', async () => {
    const url = `/gongkai/plans/${ids.plan}`;
    const first = await plainApp.inject({ method: 'GET', url });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"d/);
    const cached = await plainApp.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(cached.statusCode).toBe(304);
    expect(cached.headers.etag).toBe(etag);

    const task = await services.plans.getTask(admin, ids.task3);
    await services.plans.updateTask(admin, ids.task3, {
      version: task.task.version,
      content: '城乡低保全覆盖',
    });
    const edited = await plainApp.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(edited.statusCode).toBe(200);
    expect(edited.body).toContain('城乡低保全覆盖');
    const editedTag = String(edited.headers.etag);

    const plan = await services.plans.get(admin, ids.plan);
    await services.plans.update(admin, ids.plan, { version: plan.plan.version, status: 'draft' });
    for (const tag of [etag, editedTag]) {
      const gone = await plainApp.inject({ method: 'GET', url, headers: { 'if-none-match': tag } });
      expect(gone.statusCode).toBe(404);
      expect(gone.headers.etag).toBeUndefined();
    }
  });
});
