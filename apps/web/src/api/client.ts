/**
 * The one way the console talks to the server: same-origin fetch with the session cookie,
 * the CSRF token on every unsafe request, every response checked against its contract schema,
 * and every failure turned into an ApiError carrying the catalogue's error code.
 */
import type { ZodType } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Codes the client itself produces, beside the server's catalogue codes. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string | null;
  readonly messageEn: string | null;
  readonly details: ErrorDetail[];

  constructor(init: {
    status: number;
    code: string;
    message?: string;
    messageZh?: string | null;
    messageEn?: string | null;
    details?: ErrorDetail[];
  }) {
    super(init.message ?? init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.messageZh = init.messageZh ?? null;
    this.messageEn = init.messageEn ?? null;
    this.details = init.details ?? [];
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const unsafe = new Set<HttpMethod>(['POST', 'PATCH', 'PUT', 'DELETE']);

export interface RequestOptions {
  method?: HttpMethod;
  /** JSON body; FormData is sent as multipart as it is. */
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClient {
  request<T>(schema: ZodType<T>, path: string, options?: RequestOptions): Promise<T>;
  /** For endpoints that answer 204 or whose body does not matter. */
  send(path: string, options?: RequestOptions): Promise<void>;
  setCsrfToken(token: string | null): void;
  getCsrfToken(): string | null;
  /** Called on every 401, so the app can return to the login page. */
  onUnauthenticated(listener: () => void): () => void;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads `{ error: { code, message, messageZh, messageEn, details? } }`; anything else is INTERNAL. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string') {
    const details = Array.isArray(error.details)
      ? error.details
          .filter(isRecord)
          .map((d) => ({ path: String(d.path ?? ''), message: String(d.message ?? '') }))
      : [];
    return new ApiError({
      status,
      code: error.code,
      message: typeof error.message === 'string' ? error.message : error.code,
      messageZh: typeof error.messageZh === 'string' ? error.messageZh : null,
      messageEn: typeof error.messageEn === 'string' ? error.messageEn : null,
      details,
    });
  }
  return new ApiError({ status, code: status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL' });
}

export function createApiClient(fetchImpl: Fetch = (input, init) => fetch(input, init)): ApiClient {
  let csrfToken: string | null = null;
  const unauthenticatedListeners = new Set<() => void>();

  async function call(path: string, options: RequestOptions): Promise<unknown> {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) {
      body = options.body;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (unsafe.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

    let response: Response;
    try {
      response = await fetchImpl(buildUrl(path, options.query), {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError({ status: 0, code: 'NETWORK_ERROR' });
    }

    const text = await response.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!response.ok) {
      const error = errorFromBody(response.status, parsed);
      if (response.status === 401 && !path.startsWith('/api/auth/login')) {
        for (const listener of unauthenticatedListeners) listener();
      }
      throw error;
    }
    return parsed;
  }

  return {
    async request<T>(schema: ZodType<T>, path: string, options: RequestOptions = {}): Promise<T> {
      const raw = await call(path, options);
      const result = schema.safeParse(raw);
      if (!result.success) {
        console.error(`Response of ${path} does not match its contract schema`, result.error);
        throw new ApiError({ status: 200, code: 'BAD_RESPONSE' });
      }
      return result.data;
    },
    async send(path: string, options: RequestOptions = {}): Promise<void> {
      await call(path, options);
    },
    setCsrfToken(token) {
      csrfToken = token;
    },
    getCsrfToken() {
      return csrfToken;
    },
    onUnauthenticated(listener) {
      unauthenticatedListeners.add(listener);
      return () => unauthenticatedListeners.delete(listener);
    },
  };
}

/** The app's client; tests build their own with createApiClient(fakeFetch). */
export const api = createApiClient();
