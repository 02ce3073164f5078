import {
  createUserBody,
  idParams,
  listUsersQuery,
  listUsersResponse,
  retireBody,
  updateUserBody,
  user,
} from '@minsheng/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { presentUser } from '../../presenters/user.presenter';
import type { Services } from '../../services/index';

export function userRoutes(app: FastifyInstance, { services }: { services: Services }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const service = services.users;

  r.get(
    '/users',
    { schema: { tags, querystring: listUsersQuery, response: { 200: listUsersResponse } } },
    async (request) => {
      const { includeRetired, ...query } = request.query;
      const rows = await service.list(request.actor, { ...query, includeRetired: includeRetired === 'true' });
      return { items: rows.map(presentUser) };
    },
  );
  r.get('/users/:id', { schema: { tags, params: idParams, response: { 200: user } } }, async (request) =>
    presentUser(await service.get(request.actor, request.params.id)),
  );
  r.post(
    '/users',
    { schema: { tags, body: createUserBody, response: { 201: user } } },
    async (request, reply) =>
      reply.code(201).send(presentUser(await service.create(request.actor, request.body))),
  );
  r.patch(
    '/users/:id',
    { schema: { tags, params: idParams, body: updateUserBody, response: { 200: user } } },
    async (request) => presentUser(await service.update(request.actor, request.params.id, request.body)),
  );
  r.post(
    '/users/:id/retire',
    { schema: { tags, params: idParams, body: retireBody, response: { 200: user } } },
    async (request) =>
      presentUser(await service.retire(request.actor, request.params.id, request.body.version)),
  );
}
