import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../../src/db/client';
import { AppError } from '../../src/errors/app-error';
import { DEFAULT_UPLOAD_LIMITS } from '../../src/uploads/limits';
import { openTestDatabase } from '../support/database';
import { buildTestApp } from './helpers';

function multipartBody(field: string, fileName: string, content: Buffer): { body: Buffer; type: string } {
  const boundary = '----minsheng-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), type: `multipart/form-data; boundary=${boundary}` };
}

describe('HTTP behaviour: headers, errors, health, uploads', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let webDist: string;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-web-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>民生</title>');
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1)');
    app = await buildTestApp(handle, { webDistDir: webDist });
    // Test-only routes, to see how the error handler treats what real routes might throw.
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/test/boom', { config: { public: true }, schema: { hide: true } }, async () => {
      throw new Error('connection to 10.1.2.3 failed: password authentication failed for user "minsheng"');
    });
    r.get('/api/test/app-error', { config: { public: true }, schema: { hide: true } }, async () => {
      throw new AppError('PLAN_NOT_FOUND');
    });
    r.post(
      '/api/test/validate',
      {
        config: { public: true },
        schema: {
          hide: true,
          body: z.object({ year: z.number().int().min(2000), title: z.string().min(1) }),
        },
      },
      async () => ({ ok: true }),
    );
    r.post('/api/test/upload', { config: { public: true }, schema: { hide: true } }, async (request) => {
      const file = await request.file();
      if (!file) throw new AppError('FILE_EMPTY');
      const bytes = await file.toBuffer();
      return { size: bytes.length };
    });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('sets the security headers: CSP without inline scripts, nosniff, no framing', async () => {
    const response = await app.inject({ url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('gives every answer a request id, keeping a well-formed one from the proxy', async () => {
    const generated = await app.inject({ url: '/api/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'lb-123' } });
    expect(kept.headers['x-request-id']).toBe('lb-123');
    const replaced = await app.inject({ url: '/api/health', headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers['x-request-id']).not.toBe('<script>');
  });

  it('answers /api/health with the database kind and reachability', async () => {
    const response = await app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      database: { kind: 'pglite', reachable: true },
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(response.json().uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('turns an unknown error into a 500 INTERNAL that leaks nothing', async () => {
    const response = await app.inject({ url: '/api/test/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: {
        code: 'INTERNAL',
        message: '服务器内部错误',
        messageZh: '服务器内部错误',
        messageEn: 'Internal server error',
      },
    });
    expect(response.body).not.toMatch(/10\.1\.2\.3|password|stack/);
  });

  it('keeps an AppError’s code and status, in the language asked for', async () => {
    const zh = await app.inject({ url: '/api/test/app-error' });
    expect(zh.statusCode).toBe(404);
    expect(zh.json().error).toMatchObject({ code: 'PLAN_NOT_FOUND', message: '找不到该计划' });
    const en = await app.inject({
      url: '/api/test/app-error',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().error.message).toBe('Plan not found');
  });

  it('answers invalid input with 400 VALIDATION_FAILED and a detail per field', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/test/validate', payload: { year: 1999 } });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(['title', 'year']);
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/test/validate',
      headers: { 'content-type': 'application/json' },
      payload: '{"year":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
    const wrongType = await app.inject({
      method: 'POST',
      url: '/api/test/validate',
      headers: { 'content-type': 'application/x-foo' },
      payload: 'x',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a signed-in-only route without a session before reading its body', async () => {
    const big = multipartBody('file', 'plan.docx', Buffer.alloc(1024, 1));
    const response = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': big.type },
      payload: big.body,
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown API route with 404 NOT_FOUND', async () => {
    const response = await app.inject({ url: '/api/no/such/thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
    const post = await app.inject({ method: 'DELETE', url: '/api/auth/session' });
    expect(post.statusCode).toBe(404);
  });

  it('accepts an upload within the limit and refuses a larger one with 413 FILE_TOO_LARGE', async () => {
    const small = multipartBody('file', 'plan.docx', Buffer.alloc(1024, 1));
    const ok = await app.inject({
      method: 'POST',
      url: '/api/test/upload',
      headers: { 'content-type': small.type },
      payload: small.body,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ size: 1024 });
    const big = multipartBody('file', 'plan.docx', Buffer.alloc(DEFAULT_UPLOAD_LIMITS.maxFileBytes + 1, 1));
    const refused = await app.inject({
      method: 'POST',
      url: '/api/test/upload',
      headers: { 'content-type': big.type },
      payload: big.body,
    });
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(refused.json().error.messageZh).toContain('20 MiB');
  });

  it('serves the web app, with index.html for client-side routes but not for /api', async () => {
    const asset = await app.inject({ url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    const page = await app.inject({ url: '/plans/12/tasks' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('民生');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await app.inject({ url: '/api/plans-nope' })).headers['content-type']).toMatch(/json/);
  });

  it('serves the OpenAPI description and the docs page', async () => {
    const json = await app.inject({ url: '/api/openapi.json' });
    expect(json.statusCode).toBe(200);
    expect(json.json().paths['/api/auth/login']).toBeDefined();
    expect(json.json().paths['/api/test/boom']).toBeUndefined();
    const docs = await app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });
});
