/** GET /api/health: is the process up and its database reachable (for load balancers and monitors). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthResponse } from '@minsheng/contract';
import type { DatabaseHandle } from '../../db/client';
import { pingDatabase } from '../../repositories/system.repository';

export function healthRoutes(app: FastifyInstance, deps: { handle: DatabaseHandle; version: string }): void {
  const startedAt = Date.now();
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability; 503 when the database does not answer',
        response: { 200: healthResponse, 503: healthResponse },
      },
    },
    async (request, reply) => {
      let reachable = false;
      let latencyMs: number | null = null;
      const t0 = performance.now();
      try {
        await pingDatabase(deps.handle.db);
        reachable = true;
        latencyMs = Math.round((performance.now() - t0) * 10) / 10;
      } catch (error) {
        request.log.error({ err: error }, 'health: database unreachable');
      }
      reply.code(reachable ? 200 : 503).header('cache-control', 'no-store');
      return {
        status: reachable ? ('ok' as const) : ('degraded' as const),
        database: { kind: deps.handle.kind, reachable, latencyMs },
        version: deps.version,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      };
    },
  );
}
