import {
  createUnitBody,
  idParams,
  listUnitsQuery,
  listUnitsResponse,
  retireBody,
  unit,
  updateUnitBody,
} from '@minsheng/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { presentUnit } from '../../presenters/unit.presenter';
import type { Services } from '../../services/index';

export function unitRoutes(app: FastifyInstance, { services }: { services: Services }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['units'];
  const service = services.units;

  r.get(
    '/units',
    { schema: { tags, querystring: listUnitsQuery, response: { 200: listUnitsResponse } } },
    async (request) => {
      const { includeRetired, ...query } = request.query;
      const rows = await service.list(request.actor, { ...query, includeRetired: includeRetired === 'true' });
      return { items: rows.map(presentUnit) };
    },
  );
  r.get('/units/:id', { schema: { tags, params: idParams, response: { 200: unit } } }, async (request) =>
    presentUnit(await service.get(request.actor, request.params.id)),
  );
  r.post(
    '/units',
    { schema: { tags, body: createUnitBody, response: { 201: unit } } },
    async (request, reply) =>
      reply.code(201).send(presentUnit(await service.create(request.actor, request.body))),
  );
  r.patch(
    '/units/:id',
    { schema: { tags, params: idParams, body: updateUnitBody, response: { 200: unit } } },
    async (request) => presentUnit(await service.update(request.actor, request.params.id, request.body)),
  );
  r.post(
    '/units/:id/retire',
    { schema: { tags, params: idParams, body: retireBody, response: { 200: unit } } },
    async (request) =>
      presentUnit(await service.retire(request.actor, request.params.id, request.body.version)),
  );
}
