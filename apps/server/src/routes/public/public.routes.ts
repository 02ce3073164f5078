/**
 * The public portal, no sign-in: server-rendered pages under /gongkai (公开) — a prefix that
 * neither the console (an SPA at / whose fallback only answers unmatched URLs) nor /api uses —
 * open data per plan (.csv, .json, .xlsx), and the read-only JSON API under /api/public.
 * Pages carry an ETag and `Cache-Control: public, no-cache`: browsers and proxies keep them but
 * ask every time, so an unpublished plan disappears at once and an unchanged page costs a 304.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  publicIdParams,
  publicPlan,
  publicPlansQuery,
  publicPlansResponse,
  publicTaskDetail,
} from '@minsheng/contract';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { Html } from '../../portal/html';
import { portalStylesheet } from '../../portal/layout';
import { planCsv, planXlsx } from '../../portal/open-data';
import {
  archivePage,
  homePage,
  notFoundPage,
  planPage,
  searchPage,
  taskPage,
  yearPage,
} from '../../portal/pages';
import {
  presentPublicPlan,
  presentPublicPlanSummary,
  presentPublicTaskDetail,
} from '../../presenters/public.presenter';
import { planRepository } from '../../repositories/plan.repository';
import { publicRepository } from '../../repositories/public.repository';
import { noPublicProgress, type PublicProgressSource } from '../../services/public/progress-source';
import { createPublicService, type PublicService } from '../../services/public/public.service';

export interface PublicRoutesOptions {
  db: Database;
  /** Published progress per task; none until reporting plugs its source in. */
  progress?: PublicProgressSource;
  /** A ready service (tests); otherwise built from db and progress. */
  service?: PublicService;
}

const PAGE_CACHE = 'public, no-cache';

/**
 * The portal's code and stylesheet: part of every data-based ETag, so a new release does not
 * answer 304 with pages its templates would now render differently.
 */
const RENDER_VERSION = (() => {
  const hash = crypto.createHash('sha1').update(portalStylesheet.path);
  const files = [
    ...fs.readdirSync(path.join(import.meta.dirname, '../../portal')).map((n) => `../../portal/${n}`),
    '../../presenters/public.presenter.ts',
    'public.routes.ts',
  ];
  for (const file of files.sort()) {
    try {
      hash.update(file).update(fs.readFileSync(path.join(import.meta.dirname, file)));
    } catch {
      // Compiled or bundled: fewer sources to read; the stylesheet and the rest still count.
    }
  }
  return hash.digest('hex');
})();

/** ETags computed before rendering (from the data fingerprint), by request. */
const dataTags = new WeakMap<FastifyRequest, string>();

function etagOf(body: string | Uint8Array): string {
  return `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
}

function notModified(request: FastifyRequest, etag: string): boolean {
  const given = request.headers['if-none-match'];
  if (!given) return false;
  return given
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

/** Sends a body with its ETag, or 304 when the client already has it. */
function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string | Uint8Array,
  type: string,
  extra: Record<string, string> = {},
): FastifyReply {
  const etag = dataTags.get(request) ?? etagOf(body);
  reply.header('etag', etag).header('cache-control', PAGE_CACHE).header('vary', 'accept-encoding');
  for (const [k, v] of Object.entries(extra)) reply.header(k, v);
  if (notModified(request, etag)) return reply.code(304).send();
  return reply.type(type).send(body);
}

function sendPage(request: FastifyRequest, reply: FastifyReply, page: Html): FastifyReply {
  return sendCached(request, reply, page.value, 'text/html; charset=utf-8');
}

function sendNotFound(reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8')
    .send(notFoundPage().value);
}

const isNotFound = (error: unknown) => error instanceof AppError && error.status === 404;

/** A positive id from a path segment, or null ("12abc", "0", "1e3" are not ids). */
function parseId(text: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const n = Number(text);
  return n <= 2147483647 ? n : null;
}

export async function publicRoutes(app: FastifyInstance, opts: PublicRoutesOptions): Promise<void> {
  const service =
    opts.service ??
    createPublicService({
      db: opts.db,
      publicPlans: publicRepository,
      plans: planRepository,
      progress: opts.progress ?? noPublicProgress,
    });
  const page = { config: { public: true }, schema: { hide: true } } as const;

  /**
   * Runs a page handler; a missing or unpublished record becomes the 404 page. When the data
   * fingerprint says nothing changed since the client's copy, answers 304 before reading or
   * rendering anything.
   */
  const guard =
    (handler: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        const fingerprint = await service.fingerprint();
        if (fingerprint !== null) {
          const tag = `"d${crypto
            .createHash('sha1')
            .update(`${RENDER_VERSION}\n${fingerprint}\n${request.url}`)
            .digest('base64url')}"`;
          if (notModified(request, tag)) {
            return reply.code(304).header('etag', tag).header('cache-control', PAGE_CACHE).send();
          }
          dataTags.set(request, tag);
        }
        return await handler(request, reply);
      } catch (error) {
        if (isNotFound(error)) return sendNotFound(reply);
        throw error;
      }
    };

  app.get(portalStylesheet.path, page, async (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type('text/css; charset=utf-8')
      .send(portalStylesheet.body),
  );

  app.get(
    '/gongkai',
    page,
    guard(async (request, reply) => {
      const plans = await service.listPlans();
      return sendPage(request, reply, homePage(plans.map(presentPublicPlanSummary)));
    }),
  );

  app.get(
    '/gongkai/archive',
    page,
    guard(async (request, reply) => {
      const plans = await service.listPlans();
      return sendPage(request, reply, archivePage(plans.map(presentPublicPlanSummary)));
    }),
  );

  app.get(
    '/gongkai/archive/:year',
    page,
    guard(async (request, reply) => {
      const year = parseId((request.params as { year: string }).year);
      if (year === null) return sendNotFound(reply);
      const plans = await service.listPlans({ year });
      if (plans.length === 0) return sendNotFound(reply);
      return sendPage(request, reply, archivePage(plans.map(presentPublicPlanSummary), year));
    }),
  );

  app.get(
    '/gongkai/search',
    page,
    guard(async (request, reply) => {
      const query = request.query as { q?: unknown; page?: unknown };
      const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
      const pageNo = typeof query.page === 'string' ? (parseId(query.page) ?? 1) : 1;
      const result = await service.search(q, pageNo);
      return sendPage(request, reply, searchPage(result));
    }),
  );

  app.get(
    '/gongkai/:jurisdictionId/:year',
    page,
    guard(async (request, reply) => {
      const params = request.params as { jurisdictionId: string; year: string };
      const jurisdictionId = parseId(params.jurisdictionId);
      const year = parseId(params.year);
      if (jurisdictionId === null || year === null) return sendNotFound(reply);
      const views = await service.getYear(jurisdictionId, year);
      return sendPage(request, reply, yearPage(views.map(presentPublicPlan)));
    }),
  );

  // /gongkai/plans/12, /gongkai/plans/12.csv, .json, .xlsx
  app.get(
    '/gongkai/plans/:ref',
    page,
    guard(async (request, reply) => {
      const match = /^(\d+)(?:\.(csv|json|xlsx))?$/.exec((request.params as { ref: string }).ref);
      const id = match ? parseId(match[1] ?? '') : null;
      if (!match || id === null) return sendNotFound(reply);
      const plan = presentPublicPlan(await service.getPlan(id));
      const format = match[2];
      const download = (ext: string) => ({
        'content-disposition': `attachment; filename="minsheng-plan-${plan.id}-${plan.year}.${ext}"`,
      });
      if (format === 'csv')
        return sendCached(request, reply, planCsv(plan), 'text/csv; charset=utf-8', download('csv'));
      if (format === 'json') {
        return sendCached(request, reply, JSON.stringify(plan), 'application/json; charset=utf-8', {
          'access-control-allow-origin': '*',
        });
      }
      if (format === 'xlsx') {
        return sendCached(
          request,
          reply,
          await planXlsx(plan),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          download('xlsx'),
        );
      }
      return sendPage(request, reply, planPage(plan));
    }),
  );

  app.get(
    '/gongkai/tasks/:id',
    page,
    guard(async (request, reply) => {
      const id = parseId((request.params as { id: string }).id);
      if (id === null) return sendNotFound(reply);
      return sendPage(request, reply, taskPage(presentPublicTaskDetail(await service.getTask(id))));
    }),
  );

  app.get('/gongkai/', page, async (_request, reply) => reply.redirect('/gongkai', 301));
  // Anything else under /gongkai is the portal's own 404 (not the console's SPA fallback).
  app.get('/gongkai/*', page, async (_request, reply) => sendNotFound(reply));

  // The read-only JSON API (documented in the OpenAPI description under "public").
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const apiConfig = { public: true } as const;
  api.get(
    '/api/public/plans',
    {
      config: apiConfig,
      schema: {
        tags,
        summary: 'Published plans (newest year first); no sign-in',
        querystring: publicPlansQuery,
        response: { 200: publicPlansResponse },
      },
    },
    async (request) => ({ items: (await service.listPlans(request.query)).map(presentPublicPlanSummary) }),
  );
  api.get(
    '/api/public/plans/:id',
    {
      config: apiConfig,
      schema: {
        tags,
        summary: 'A published plan with its categories, tasks, targets, units and published progress',
        params: publicIdParams,
        response: { 200: publicPlan },
      },
    },
    async (request) => presentPublicPlan(await service.getPlan(request.params.id)),
  );
  api.get(
    '/api/public/tasks/:id',
    {
      config: apiConfig,
      schema: {
        tags,
        summary: "A published plan's task with its published progress history",
        params: publicIdParams,
        response: { 200: publicTaskDetail },
      },
    },
    async (request) => presentPublicTaskDetail(await service.getTask(request.params.id)),
  );
}
