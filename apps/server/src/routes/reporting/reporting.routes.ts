/** Reporting: periods, reports, reviews, ratings, alerts, progress-table imports, attachments, notifications. */
import {
  alertsQuery,
  alertsResponse,
  commitProgressImportBody,
  commitProgressImportResponse,
  emailResponse,
  idParams,
  listNotificationsQuery,
  listNotificationsResponse,
  listOutboxResponse,
  listPeriodsResponse,
  listReportsQuery,
  listReportsResponse,
  listReportVersionsResponse,
  openPeriodsBody,
  openReportBody,
  period,
  periodTasksQuery,
  periodTasksResponse,
  periodVersionBody,
  progressImportPreview,
  proposeStatusBody,
  ratingsResponse,
  report,
  attachment,
  reviewReportBody,
  saveReportBody,
  setEmailBody,
  statusProposal,
  submitReportBody,
} from '@minsheng/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { presentAlert } from '../../presenters/alert.presenter';
import { presentPeriod } from '../../presenters/period.presenter';
import {
  presentAttachment,
  presentNotification,
  presentOutboxEmail,
  presentPeriodTask,
  presentProposal,
  presentReport,
  presentReportVersion,
  presentTaskRating,
} from '../../presenters/report.presenter';
import type { ReportingServices } from '../../services/reporting/index';
import { readUpload } from '../read-upload';

export async function reportingRoutes(
  app: FastifyInstance,
  { services }: { services: ReportingServices },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = idParams;

  // Periods
  {
    const tags = ['periods'];
    const s = services.periods;
    r.get(
      '/plans/:id/periods',
      { schema: { tags, params, response: { 200: listPeriodsResponse } } },
      async (request) => ({ items: (await s.list(request.actor, request.params.id)).map(presentPeriod) }),
    );
    r.post(
      '/plans/:id/periods',
      { schema: { tags, params, body: openPeriodsBody, response: { 201: listPeriodsResponse } } },
      async (request, reply) =>
        reply
          .code(201)
          .send({ items: (await s.open(request.actor, request.params.id, request.body)).map(presentPeriod) }),
    );
    r.get('/periods/:id', { schema: { tags, params, response: { 200: period } } }, async (request) =>
      presentPeriod(await s.get(request.actor, request.params.id)),
    );
    r.post(
      '/periods/:id/close',
      { schema: { tags, params, body: periodVersionBody, response: { 200: period } } },
      async (request) => presentPeriod(await s.close(request.actor, request.params.id, request.body.version)),
    );
    r.post(
      '/periods/:id/reopen',
      { schema: { tags, params, body: periodVersionBody, response: { 200: period } } },
      async (request) =>
        presentPeriod(await s.reopen(request.actor, request.params.id, request.body.version)),
    );
  }

  // Reports
  {
    const tags = ['reports'];
    const s = services.reports;
    r.get(
      '/periods/:id/tasks',
      { schema: { tags, params, querystring: periodTasksQuery, response: { 200: periodTasksResponse } } },
      async (request) => ({
        items: (await s.listPeriodTasks(request.actor, request.params.id, request.query.unitId)).map(
          presentPeriodTask,
        ),
      }),
    );
    r.get(
      '/periods/:id/reports',
      { schema: { tags, params, querystring: listReportsQuery, response: { 200: listReportsResponse } } },
      async (request) => ({
        items: (await s.listByPeriod(request.actor, request.params.id, request.query)).map(presentReport),
      }),
    );
    r.post(
      '/reports',
      { schema: { tags, body: openReportBody, response: { 200: report } } },
      async (request) => presentReport(await s.open(request.actor, request.body)),
    );
    r.post(
      '/reports/proposal',
      { schema: { tags, body: proposeStatusBody, response: { 200: statusProposal } } },
      async (request) => presentProposal(await s.propose(request.actor, request.body)),
    );
    r.get('/reports/:id', { schema: { tags, params, response: { 200: report } } }, async (request) =>
      presentReport(await s.get(request.actor, request.params.id)),
    );
    r.put(
      '/reports/:id',
      { schema: { tags, params, body: saveReportBody, response: { 200: report } } },
      async (request) => presentReport(await s.save(request.actor, request.params.id, request.body)),
    );
    r.post(
      '/reports/:id/submit',
      { schema: { tags, params, body: submitReportBody, response: { 200: report } } },
      async (request) => presentReport(await s.submit(request.actor, request.params.id, request.body)),
    );
    r.post(
      '/reports/:id/accept',
      { schema: { tags, params, body: reviewReportBody, response: { 200: report } } },
      async (request) => presentReport(await s.accept(request.actor, request.params.id, request.body)),
    );
    r.post(
      '/reports/:id/return',
      { schema: { tags, params, body: reviewReportBody, response: { 200: report } } },
      async (request) => presentReport(await s.return(request.actor, request.params.id, request.body)),
    );
    r.get(
      '/reports/:id/versions',
      { schema: { tags, params, response: { 200: listReportVersionsResponse } } },
      async (request) => ({
        items: (await s.listVersions(request.actor, request.params.id)).map(presentReportVersion),
      }),
    );
  }

  // Ratings and alerts
  {
    const tags = ['ratings'];
    const s = services.ratings;
    r.get(
      '/periods/:id/ratings',
      { schema: { tags, params, response: { 200: ratingsResponse } } },
      async (request) => {
        const result = await s.ratings(request.actor, request.params.id);
        return {
          margins: result.margins,
          asOf: result.period.endDate,
          items: result.items.map(presentTaskRating),
        };
      },
    );
    r.get(
      '/periods/:id/alerts',
      { schema: { tags, params, querystring: alertsQuery, response: { 200: alertsResponse } } },
      async (request) => {
        const result = await s.alerts(request.actor, request.params.id, request.query);
        return { counts: result.counts, items: result.items.map(presentAlert) };
      },
    );
  }

  // Progress-table imports into a period
  {
    const tags = ['reports'];
    const s = services.progressImports;
    r.post(
      '/periods/:id/imports',
      {
        schema: {
          tags,
          params,
          description: 'multipart/form-data: file (a progress table); nothing is saved',
          response: { 200: progressImportPreview },
        },
      },
      async (request) => s.preview(request.actor, request.params.id, await readUpload(request)),
    );
    r.post(
      '/periods/:id/imports/commit',
      {
        schema: {
          tags,
          params,
          body: commitProgressImportBody,
          response: { 201: commitProgressImportResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send({ reportIds: await s.commit(request.actor, request.params.id, request.body) }),
    );
  }

  // Attachments
  {
    const tags = ['reports'];
    const s = services.attachments;
    r.post(
      '/reports/:id/attachments',
      {
        schema: {
          tags,
          params,
          description: 'multipart/form-data: file (JPEG, PNG, PDF, .docx, .xlsx; at most 20 MiB)',
          response: { 201: attachment },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentAttachment(await s.upload(request.actor, request.params.id, await readUpload(request))),
          ),
    );
    r.get('/attachments/:id', { schema: { tags, params } }, async (request, reply) => {
      const { row, bytes } = await s.download(request.actor, request.params.id);
      return reply
        .header('content-type', row.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
        )
        .send(Buffer.from(bytes));
    });
    r.post('/attachments/:id/retire', { schema: { tags, params } }, async (request, reply) => {
      await s.retire(request.actor, request.params.id);
      return reply.code(204).send();
    });
  }

  // Notifications, e-mail address, outbox
  {
    const tags = ['notifications'];
    const s = services.notifications;
    r.get(
      '/notifications',
      { schema: { tags, querystring: listNotificationsQuery, response: { 200: listNotificationsResponse } } },
      async (request) => {
        const result = await s.list(request.actor, request.query.unread === 'true');
        return { items: result.items.map(presentNotification), unread: result.unread };
      },
    );
    r.post(
      '/notifications/:id/read',
      { schema: { tags, params, response: { 200: z.object({ updated: z.number().int() }) } } },
      async (request) => ({ updated: await s.markRead(request.actor, request.params.id) }),
    );
    r.post(
      '/notifications/read-all',
      { schema: { tags, response: { 200: z.object({ updated: z.number().int() }) } } },
      async (request) => ({ updated: await s.markRead(request.actor, null) }),
    );
    r.get('/me/email', { schema: { tags, response: { 200: emailResponse } } }, async (request) => ({
      email: await s.getEmail(request.actor),
    }));
    r.put(
      '/me/email',
      { schema: { tags, body: setEmailBody, response: { 200: emailResponse } } },
      async (request) => ({ email: await s.setEmail(request.actor, request.body.email) }),
    );
    r.get('/outbox', { schema: { tags, response: { 200: listOutboxResponse } } }, async (request) => ({
      items: (await s.listOutbox(request.actor)).map(presentOutboxEmail),
    }));
  }
}
