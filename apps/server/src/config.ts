/**
 * Runtime settings of the HTTP app. buildApp() takes a Partial<AppConfig> (tests shorten the
 * windows); main.ts reads them from the environment with readConfigFromEnv().
 */
import fs from 'node:fs';
import path from 'node:path';

export interface AppConfig {
  /** Version reported by /api/health and the OpenAPI description. */
  version: string;
  /** Idle time after which a session ends (sliding: every request pushes it back). */
  sessionTtlMs: number;
  /** Fastify's trustProxy: true/false, or the proxies' addresses / CIDRs, comma-separated. */
  trustProxy: boolean | string;
  /** Secure cookie flag: 'auto' sets it when the request came over TLS (directly or via a trusted proxy). */
  secureCookies: 'auto' | boolean;
  /** Login attempts allowed per client IP and window. */
  loginRateLimit: { max: number; timeWindowMs: number };
  /** Failed logins in a row that lock an account, and for how long. */
  lockout: { maxFailures: number; durationMs: number };
  /** Origins, besides the server's own, allowed to post the login form (e.g. a dev server). */
  allowedOrigins: string[];
  /** Built web app to serve (index.html + assets), with an SPA fallback; null: API only. */
  webDistDir: string | null;
  /** MINSHENG_DATA_DIR: report attachments are stored under <dataDir>/uploads. */
  dataDir: string;
}

function packageVersion(): string {
  try {
    const file = path.join(import.meta.dirname, '..', 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const defaultConfig: AppConfig = {
  version: packageVersion(),
  sessionTtlMs: 8 * 60 * 60 * 1000,
  trustProxy: false,
  secureCookies: 'auto',
  loginRateLimit: { max: 10, timeWindowMs: 60 * 1000 },
  lockout: { maxFailures: 5, durationMs: 15 * 60 * 1000 },
  allowedOrigins: [],
  webDistDir: null,
  dataDir: './data',
};

export function resolveConfig(partial: Partial<AppConfig> = {}): AppConfig {
  return { ...defaultConfig, ...partial };
}

function parseTrustProxy(value: string | undefined): AppConfig['trustProxy'] {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  return value;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  }
  return value;
}

export interface ServerEnv {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: string;
  /** SMTP_URL ("smtp://user:pass@host:587"): reminders are e-mailed; unset, they wait in the outbox. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** MINSHENG_SCHEDULER=off: this process runs no reminder jobs (another one does). */
  scheduler: boolean;
  app: Partial<AppConfig>;
}

/**
 * PORT (3000; 0 picks a free one), HOST (0.0.0.0), MINSHENG_DATA_DIR (./data), DATABASE_URL, TRUST_PROXY,
 * SESSION_TTL (minutes, 480), SECURE_COOKIES (auto|true|false), LOGIN_RATE_LIMIT (per minute, 10),
 * LOCKOUT_THRESHOLD (5), LOCKOUT_MINUTES (15), ALLOWED_ORIGINS (comma-separated), LOG_LEVEL (info),
 * MINSHENG_WEB_DIST (apps/web/dist), SMTP_URL, SMTP_FROM, MINSHENG_SCHEDULER (on|off).
 */
export function readConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const secure = env.SECURE_COOKIES ?? 'auto';
  if (!['auto', 'true', 'false'].includes(secure))
    throw new Error('SECURE_COOKIES must be auto, true or false');
  return {
    port: positiveInt(env, 'PORT', 3000, 0),
    host: env.HOST || '0.0.0.0',
    dataDir: env.MINSHENG_DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || 'minsheng@localhost',
    scheduler: env.MINSHENG_SCHEDULER !== 'off',
    app: {
      sessionTtlMs: positiveInt(env, 'SESSION_TTL', 480) * 60 * 1000,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      secureCookies: secure === 'auto' ? 'auto' : secure === 'true',
      loginRateLimit: { max: positiveInt(env, 'LOGIN_RATE_LIMIT', 10), timeWindowMs: 60 * 1000 },
      lockout: {
        maxFailures: positiveInt(env, 'LOCKOUT_THRESHOLD', 5),
        durationMs: positiveInt(env, 'LOCKOUT_MINUTES', 15) * 60 * 1000,
      },
      allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      dataDir: env.MINSHENG_DATA_DIR || './data',
      webDistDir: env.MINSHENG_WEB_DIST
        ? path.resolve(env.MINSHENG_WEB_DIST)
        : path.resolve(import.meta.dirname, '../../web/dist'),
    },
  };
}
