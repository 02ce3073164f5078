import {
  createJurisdictionBody,
  idParams,
  jurisdiction,
  listJurisdictionsQuery,
  listJurisdictionsResponse,
  retireBody,
  updateJurisdictionBody,
} from '@minsheng/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { presentJurisdiction } from '../../presenters/jurisdiction.presenter';
import type { Services } from '../../services/index';

export function jurisdictionRoutes(app: FastifyInstance, { services }: { services: Services }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['jurisdictions'];
  const service = services.jurisdictions;

  r.get(
    '/jurisdictions',
    { schema: { tags, querystring: listJurisdictionsQuery, response: { 200: listJurisdictionsResponse } } },
    async (request) => {
      const { includeRetired, ...query } = request.query;
      const rows = await service.list(request.actor, { ...query, includeRetired: includeRetired === 'true' });
      return { items: rows.map(presentJurisdiction) };
    },
  );
  r.get(
    '/jurisdictions/:id',
    { schema: { tags, params: idParams, response: { 200: jurisdiction } } },
    async (request) => presentJurisdiction(await service.get(request.actor, request.params.id)),
  );
  r.post(
    '/jurisdictions',
    { schema: { tags, body: createJurisdictionBody, response: { 201: jurisdiction } } },
    async (request, reply) =>
      reply.code(201).send(presentJurisdiction(await service.create(request.actor, request.body))),
  );
  r.patch(
    '/jurisdictions/:id',
    { schema: { tags, params: idParams, body: updateJurisdictionBody, response: { 200: jurisdiction } } },
    async (request) =>
      presentJurisdiction(await service.update(request.actor, request.params.id, request.body)),
  );
  r.post(
    '/jurisdictions/:id/retire',
    { schema: { tags, params: idParams, body: retireBody, response: { 200: jurisdiction } } },
    async (request) =>
      presentJurisdiction(await service.retire(request.actor, request.params.id, request.body.version)),
  );
}
