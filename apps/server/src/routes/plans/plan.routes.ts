import {
  category,
  createCategoryBody,
  createIndicatorBody,
  createPlanBody,
  createTaskBody,
  idParams,
  indicator,
  listCategoriesResponse,
  listIndicatorsResponse,
  listPlansQuery,
  listPlansResponse,
  listTasksResponse,
  plan,
  planDetail,
  readPlanQuery,
  retireBody,
  setTaskUnitsBody,
  task,
  updateCategoryBody,
  updateIndicatorBody,
  updatePlanBody,
  updateTaskBody,
} from '@minsheng/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  presentCategory,
  presentIndicator,
  presentPlan,
  presentPlanDetail,
  presentTask,
} from '../../presenters/plan.presenter';
import type { Services } from '../../services/index';

/** Plans and what is under them: categories, tasks (with their units) and indicators. */
export function planRoutes(app: FastifyInstance, { services }: { services: Services }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  const service = services.plans;
  const params = idParams;
  const query = readPlanQuery;

  // Plans
  r.get(
    '/plans',
    { schema: { tags, querystring: listPlansQuery, response: { 200: listPlansResponse } } },
    async (request) => {
      const { includeRetired, ...filter } = request.query;
      const rows = await service.list(request.actor, {
        ...filter,
        includeRetired: includeRetired === 'true',
      });
      return { items: rows.map(presentPlan) };
    },
  );
  r.get(
    '/plans/:id',
    { schema: { tags, params, querystring: query, response: { 200: planDetail } } },
    async (request) =>
      presentPlanDetail(
        await service.get(request.actor, request.params.id, request.query.includeRetired === 'true'),
      ),
  );
  r.post(
    '/plans',
    { schema: { tags, body: createPlanBody, response: { 201: plan } } },
    async (request, reply) =>
      reply.code(201).send(presentPlan(await service.create(request.actor, request.body))),
  );
  r.patch(
    '/plans/:id',
    { schema: { tags, params, body: updatePlanBody, response: { 200: plan } } },
    async (request) => presentPlan(await service.update(request.actor, request.params.id, request.body)),
  );
  r.post(
    '/plans/:id/retire',
    { schema: { tags, params, body: retireBody, response: { 200: plan } } },
    async (request) =>
      presentPlan(await service.retire(request.actor, request.params.id, request.body.version)),
  );

  // Categories
  r.get(
    '/plans/:id/categories',
    { schema: { tags, params, querystring: query, response: { 200: listCategoriesResponse } } },
    async (request) => ({
      items: (
        await service.listCategories(
          request.actor,
          request.params.id,
          request.query.includeRetired === 'true',
        )
      ).map(presentCategory),
    }),
  );
  r.post(
    '/plans/:id/categories',
    { schema: { tags, params, body: createCategoryBody, response: { 201: category } } },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentCategory(await service.createCategory(request.actor, request.params.id, request.body))),
  );
  r.get('/categories/:id', { schema: { tags, params, response: { 200: category } } }, async (request) =>
    presentCategory(await service.getCategory(request.actor, request.params.id)),
  );
  r.patch(
    '/categories/:id',
    { schema: { tags, params, body: updateCategoryBody, response: { 200: category } } },
    async (request) =>
      presentCategory(await service.updateCategory(request.actor, request.params.id, request.body)),
  );
  r.post(
    '/categories/:id/retire',
    { schema: { tags, params, body: retireBody, response: { 200: category } } },
    async (request) =>
      presentCategory(await service.retireCategory(request.actor, request.params.id, request.body.version)),
  );

  // Tasks
  r.get(
    '/plans/:id/tasks',
    { schema: { tags, params, querystring: query, response: { 200: listTasksResponse } } },
    async (request) => ({
      items: (
        await service.listTasks(request.actor, request.params.id, request.query.includeRetired === 'true')
      ).map(presentTask),
    }),
  );
  r.post(
    '/plans/:id/tasks',
    { schema: { tags, params, body: createTaskBody, response: { 201: task } } },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentTask(await service.createTask(request.actor, request.params.id, request.body))),
  );
  r.get('/tasks/:id', { schema: { tags, params, response: { 200: task } } }, async (request) =>
    presentTask(await service.getTask(request.actor, request.params.id)),
  );
  r.patch(
    '/tasks/:id',
    { schema: { tags, params, body: updateTaskBody, response: { 200: task } } },
    async (request) => presentTask(await service.updateTask(request.actor, request.params.id, request.body)),
  );
  r.put(
    '/tasks/:id/units',
    { schema: { tags, params, body: setTaskUnitsBody, response: { 200: task } } },
    async (request) =>
      presentTask(await service.setTaskUnits(request.actor, request.params.id, request.body)),
  );
  r.post(
    '/tasks/:id/retire',
    { schema: { tags, params, body: retireBody, response: { 200: task } } },
    async (request) =>
      presentTask(await service.retireTask(request.actor, request.params.id, request.body.version)),
  );

  // Indicators
  r.get(
    '/tasks/:id/indicators',
    { schema: { tags, params, querystring: query, response: { 200: listIndicatorsResponse } } },
    async (request) => ({
      items: (
        await service.listIndicators(
          request.actor,
          request.params.id,
          request.query.includeRetired === 'true',
        )
      ).map(presentIndicator),
    }),
  );
  r.post(
    '/tasks/:id/indicators',
    { schema: { tags, params, body: createIndicatorBody, response: { 201: indicator } } },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          presentIndicator(await service.createIndicator(request.actor, request.params.id, request.body)),
        ),
  );
  r.get('/indicators/:id', { schema: { tags, params, response: { 200: indicator } } }, async (request) =>
    presentIndicator(await service.getIndicator(request.actor, request.params.id)),
  );
  r.patch(
    '/indicators/:id',
    { schema: { tags, params, body: updateIndicatorBody, response: { 200: indicator } } },
    async (request) =>
      presentIndicator(await service.updateIndicator(request.actor, request.params.id, request.body)),
  );
  r.post(
    '/indicators/:id/retire',
    { schema: { tags, params, body: retireBody, response: { 200: indicator } } },
    async (request) =>
      presentIndicator(await service.retireIndicator(request.actor, request.params.id, request.body.version)),
  );
}
