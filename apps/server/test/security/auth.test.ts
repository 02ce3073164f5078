import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/client';
import { sessions, users } from '../../src/db/schema';
import { hashSessionToken } from '../../src/services/auth/auth.service';
import { hashPassword, verifyPassword } from '../../src/services/auth/password';
import { openTestDatabase, testDatabases } from '../support/database';
import { buildTestApp, cookieHeader, login, PASSWORD, seedWorld, type World } from './helpers';

describe('password hashing', () => {
  it('uses argon2id and verifies', async () => {
    const hash = await hashPassword('secret-password-1');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'secret-password-1')).toBe(true);
    expect(await verifyPassword(hash, 'secret-password-2')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});

describe.each(testDatabases())('accounts and sessions on %s', (kind) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let world: World;
  const username = (key: string) => world.accounts[key]!.username;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    world = await seedWorld(handle);
    app = await buildTestApp(handle, { lockout: { maxFailures: 3, durationMs: 60_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('logs in with an HttpOnly, SameSite=Strict cookie and answers the session with a CSRF token', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: username('office@provA'), password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const [cookie] = response.cookies;
    expect(cookie).toMatchObject({ name: 'minsheng_session', httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie!.secure).toBeFalsy();
    const body = response.json();
    expect(body.user).toMatchObject({ username: 'office.provA', role: 'office', jurisdictionName: '甲省' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const session = await app.inject({
      url: '/api/auth/session',
      headers: { cookie: cookieHeader(response) },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json().csrfToken).toBe(body.csrfToken);
    expect(session.json().user.id).toBe(world.accounts['office@provA']!.id);
  });

  it('stores only the SHA-256 of the session token', async () => {
    const s = await login(app, username('leader@provA'));
    const token = s.cookie.split('=')[1]!;
    const rows = await handle.db.select().from(sessions);
    expect(rows.some((r) => r.id === token)).toBe(false);
    expect(rows.some((r) => r.id === hashSessionToken(token))).toBe(true);
  });

  it('marks the cookie Secure behind a TLS proxy when the proxy is trusted, and only then', async () => {
    const payload = { username: username('leader@provB'), password: PASSWORD };
    const headers = { 'x-forwarded-proto': 'https' };
    const untrusted = await app.inject({ method: 'POST', url: '/api/auth/login', payload, headers });
    expect(untrusted.cookies[0]!.secure).toBeFalsy();
    const proxied = await buildTestApp(handle, { trustProxy: true });
    try {
      const trusted = await proxied.inject({ method: 'POST', url: '/api/auth/login', payload, headers });
      expect(trusted.statusCode).toBe(200);
      expect(trusted.cookies[0]!.secure).toBe(true);
      expect(trusted.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(untrusted.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });

  it('answers 401 without a session, and for an unknown or expired one', async () => {
    expect((await app.inject({ url: '/api/auth/session' })).json().error.code).toBe('UNAUTHENTICATED');
    const bogus = await app.inject({
      url: '/api/auth/session',
      headers: { cookie: 'minsheng_session=nope' },
    });
    expect(bogus.statusCode).toBe(401);

    const s = await login(app, username('deputy@provA'));
    const id = hashSessionToken(s.cookie.split('=')[1]!);
    await handle.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.id, id));
    const expired = await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(expired.statusCode).toBe(401);
  });

  it('pushes a session’s expiry back when it is used (sliding)', async () => {
    const s = await login(app, username('deputy@provB'));
    const id = hashSessionToken(s.cookie.split('=')[1]!);
    const soon = new Date(Date.now() + 5 * 60 * 1000);
    await handle.db.update(sessions).set({ expiresAt: soon }).where(eq(sessions.id, id));
    const response = await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(response.statusCode).toBe(200);
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, id));
    expect(row!.expiresAt.getTime()).toBeGreaterThan(soon.getTime() + 60 * 60 * 1000);
    expect(response.cookies[0]?.name).toBe('minsheng_session');
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    const s = await login(app, username('admin@provB'));
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(200);
    expect(out.cookies[0]).toMatchObject({ name: 'minsheng_session', value: '' });
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(
      401,
    );
  });

  it('refuses an unsafe request of a session without the right X-CSRF-Token', async () => {
    const s = await login(app, username('admin@provA'));
    const missing = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(s.csrfToken.length) },
    });
    expect(wrong.statusCode).toBe(403);
    // the session survived both attempts
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(
      200,
    );
  });

  it('refuses a login posted from another origin', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', host: 'minsheng.example' },
      payload: { username: username('office@provB'), password: PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const sameOrigin = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://minsheng.example', host: 'minsheng.example' },
      payload: { username: username('office@provB'), password: PASSWORD },
    });
    expect(sameOrigin.statusCode).toBe(200);
    // behind a proxy that rewrites Host, the public origin is listed in ALLOWED_ORIGINS
    const proxied = await buildTestApp(handle, { allowedOrigins: ['https://minsheng.example'] });
    try {
      const listed = await proxied.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'https://minsheng.example', host: '127.0.0.1:3000' },
        payload: { username: username('office@provB'), password: PASSWORD },
      });
      expect(listed.statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: username('leader@cityA1'), password: 'wrong-password-1' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'wrong-password-1' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', messageZh: '用户名或密码错误' });
    // a success resets the count
    await login(app, username('leader@cityA1'));
    const [row] = await handle.db
      .select()
      .from(users)
      .where(eq(users.username, username('leader@cityA1')));
    expect(row!.failedLogins).toBe(0);
  });

  it('locks an account after repeated failures, even against the right password', async () => {
    const name = username('deputy@cityA1');
    const attempt = (password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: name, password } });
    expect((await attempt('wrong-1')).statusCode).toBe(401);
    expect((await attempt('wrong-2')).statusCode).toBe(401);
    const third = await attempt('wrong-3');
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await attempt(PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.cookies).toHaveLength(0);
    // once the lock has run out, the right password works again
    await handle.db
      .update(users)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(users.username, name));
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits login attempts per client address with 429 RATE_LIMITED', async () => {
    const limited = await buildTestApp(handle, { loginRateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const attempt = (ip: string) =>
        limited.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: ip,
          payload: { username: 'nobody', password: 'whatever-1' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt('10.0.0.1')).statusCode).toBe(401);
      const refused = await attempt('10.0.0.1');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('RATE_LIMITED');
      expect(refused.headers['retry-after']).toBeDefined();
      expect((await attempt('10.0.0.2')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('changes the password: checks the current one and the strength, ends the other sessions', async () => {
    const name = username('office@cityA1');
    const s = await login(app, name);
    const other = await login(app, name);
    const change = (currentPassword: string, newPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: s.headers,
        payload: { currentPassword, newPassword },
      });
    const wrongCurrent = await change('not-it-123', 'a-new-password-7');
    expect(wrongCurrent.statusCode).toBe(401);
    expect(wrongCurrent.json().error.code).toBe('INVALID_CREDENTIALS');
    for (const weak of ['short1', 'onlyletterspassword', '12345678901234', PASSWORD]) {
      const response = await change(PASSWORD, weak);
      expect(response.statusCode, weak).toBe(422);
      expect(response.json().error.code).toBe('PASSWORD_TOO_WEAK');
    }
    const ok = await change(PASSWORD, 'a-new-password-7');
    expect(ok.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(
      200,
    );
    expect(
      (await app.inject({ url: '/api/auth/session', headers: { cookie: other.cookie } })).statusCode,
    ).toBe(401);
    await expect(login(app, name)).rejects.toThrow(/401/);
    await login(app, name, 'a-new-password-7');

    const [row] = await handle.db.select().from(users).where(eq(users.username, name));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);

    const signedOut = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'another-password-8' },
    });
    expect(signedOut.statusCode).toBe(401);
  });

  it('ends a user’s sessions when an admin sets a new password, or retires the account', async () => {
    const admin = await login(app, username('admin@provA'));
    const victim = world.accounts['leader@provA']!;
    const s = await login(app, victim.username);
    const [before] = await handle.db.select().from(users).where(eq(users.id, victim.id));
    const reset = await app.inject({
      method: 'PATCH',
      url: `/api/users/${victim.id}`,
      headers: admin.headers,
      payload: { version: before!.version, password: 'reset-by-admin-77' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(
      401,
    );
    const again = await login(app, victim.username, 'reset-by-admin-77');
    expect(
      (await app.inject({ url: '/api/auth/session', headers: { cookie: again.cookie } })).statusCode,
    ).toBe(200);

    await handle.db.update(users).set({ retiredAt: new Date() }).where(eq(users.id, victim.id));
    expect(
      (await app.inject({ url: '/api/auth/session', headers: { cookie: again.cookie } })).statusCode,
    ).toBe(401);
    await expect(login(app, victim.username, 'reset-by-admin-77')).rejects.toThrow(/401/);
  });
});
