import { listAuditQuery, listAuditResponse } from '@minsheng/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { presentAuditEntry } from '../../presenters/audit.presenter';
import type { Services } from '../../services/index';

export function auditRoutes(app: FastifyInstance, { services }: { services: Services }): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/audit',
      { schema: { tags: ['audit'], querystring: listAuditQuery, response: { 200: listAuditResponse } } },
      async (request) => ({
        items: (await services.audit.list(request.actor, request.query)).map(presentAuditEntry),
      }),
    );
}
