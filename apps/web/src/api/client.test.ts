import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, createApiClient, type Fetch } from './client';
import { describeError } from '../i18n/error-text';

function fakeFetch(status: number, body: unknown) {
  return vi.fn<Fetch>(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
}

const okSchema = z.object({ ok: z.literal(true) });

describe('api client', () => {
  it('sends the CSRF token on unsafe requests only', async () => {
    const fetchImpl = fakeFetch(200, { ok: true });
    const api = createApiClient(fetchImpl);
    api.setCsrfToken('tok-123');

    await api.request(okSchema, '/api/units');
    await api.request(okSchema, '/api/units', { method: 'POST', body: { name: '市人社局' } });
    await api.send('/api/imports/1', { method: 'DELETE' });

    const headersOf = (call: number) => fetchImpl.mock.calls[call]![1].headers as Record<string, string>;
    expect(headersOf(0)['X-CSRF-Token']).toBeUndefined();
    expect(headersOf(1)['X-CSRF-Token']).toBe('tok-123');
    expect(headersOf(1)['Content-Type']).toBe('application/json');
    expect(fetchImpl.mock.calls[1]![1].body).toBe(JSON.stringify({ name: '市人社局' }));
    expect(headersOf(2)['X-CSRF-Token']).toBe('tok-123');
  });

  it('sends no token before there is a session, and none after it is cleared', async () => {
    const fetchImpl = fakeFetch(200, { ok: true });
    const api = createApiClient(fetchImpl);
    await api.send('/api/auth/login', { method: 'POST', body: {} });
    api.setCsrfToken('abc');
    api.setCsrfToken(null);
    await api.send('/api/auth/logout', { method: 'POST' });
    for (const [, init] of fetchImpl.mock.calls) {
      expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    }
  });

  it('puts query parameters on the URL and leaves FormData alone', async () => {
    const fetchImpl = fakeFetch(200, { ok: true });
    const api = createApiClient(fetchImpl);
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.txt');
    await api.request(okSchema, '/api/imports', {
      method: 'POST',
      body: form,
      query: { jurisdictionId: 2, year: undefined },
    });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/api/imports?jurisdictionId=2');
    expect(init.body).toBe(form);
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('turns an error body into an ApiError with its catalogue code', async () => {
    const api = createApiClient(
      fakeFetch(409, {
        error: { code: 'VERSION_CONFLICT', message: 'stale', messageZh: '旧', messageEn: 'old', details: [] },
      }),
    );
    const error = await api
      .request(okSchema, '/api/tasks/1', { method: 'PATCH', body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('VERSION_CONFLICT');
    expect((error as ApiError).status).toBe(409);
    // The message shown comes from the catalogue by code, in the chosen language.
    expect(describeError(error, 'zh-CN')).toBe('该记录已被他人修改，请刷新后再编辑');
    expect(describeError(error, 'en-US')).toBe('Someone else changed this record; reload it and edit again');
  });

  it('falls back to the server message for a code the catalogue lacks, and adds field details', async () => {
    const unknown = new ApiError({
      status: 400,
      code: 'SOMETHING_NEW',
      messageZh: '新错误',
      messageEn: 'new error',
    });
    expect(describeError(unknown, 'zh-CN')).toBe('新错误');
    expect(describeError(unknown, 'en-US')).toBe('new error');
    const invalid = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [{ path: 'name', message: 'Required' }],
    });
    expect(describeError(invalid, 'zh-CN')).toBe('提交的数据不符合要求（name: Required）');
  });

  it('reports a network failure and a malformed answer in plain words', async () => {
    const down = createApiClient(vi.fn<Fetch>(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const netError = await down.request(okSchema, '/api/plans').catch((e: unknown) => e);
    expect((netError as ApiError).code).toBe('NETWORK_ERROR');
    expect(describeError(netError, 'zh-CN')).toBe('无法连接服务器，请检查网络后重试');

    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const odd = createApiClient(fakeFetch(200, { ok: 'yes' }));
    const badError = await odd.request(okSchema, '/api/plans').catch((e: unknown) => e);
    expect((badError as ApiError).code).toBe('BAD_RESPONSE');
    spy.mockRestore();
  });

  it('tells listeners when the session is gone, except for a failed login', async () => {
    const body = { error: { code: 'UNAUTHENTICATED', message: '', messageZh: '', messageEn: '' } };
    const api = createApiClient(fakeFetch(401, body));
    const listener = vi.fn();
    api.onUnauthenticated(listener);
    await api.request(okSchema, '/api/plans').catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    await api.send('/api/auth/login', { method: 'POST', body: {} }).catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
