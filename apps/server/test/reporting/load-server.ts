/**
 * The server with the reporting routes, for the crash test and the benchmark (main.ts serves
 * them once the app registers them). MINSHENG_DATA_DIR or DATABASE_URL, PORT (0: a free one).
 */
import { buildApp } from '../../src/app';
import { openDatabase } from '../../src/db/client';
import { reportingRoutes } from '../../src/routes/reporting/index';
import { createReportingServices } from '../../src/services/reporting/index';

const dataDir = process.env.MINSHENG_DATA_DIR || './data';
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir });
const config: Record<string, unknown> = { dataDir, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } };
const app = await buildApp({ db: handle, logger: false, config });
if (!app.hasRoute({ method: 'GET', url: '/api/notifications' })) {
  const services = createReportingServices(handle.db, { dataDir });
  await app.register(async (scope) => reportingRoutes(scope, { services }), { prefix: '/api' });
}
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
console.log(`listening at http://127.0.0.1:${port}`);
