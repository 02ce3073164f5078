/** Every resource route under /api (app.ts registers this with the prefix). */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services/index';
import { auditRoutes } from './audit/audit.routes';
import { importRoutes } from './imports/import.routes';
import { jurisdictionRoutes } from './jurisdictions/jurisdiction.routes';
import { planRoutes } from './plans/plan.routes';
import { unitRoutes } from './units/unit.routes';
import { userRoutes } from './users/user.routes';

export async function resourceRoutes(app: FastifyInstance, opts: { services: Services }): Promise<void> {
  jurisdictionRoutes(app, opts);
  unitRoutes(app, opts);
  userRoutes(app, opts);
  planRoutes(app, opts);
  importRoutes(app, opts);
  auditRoutes(app, opts);
}
