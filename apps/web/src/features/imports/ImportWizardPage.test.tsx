import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PlanDocumentBody, PlanImport } from '@minsheng/contract';
import { App } from '../../App';

const now = '2026-11-23T08:00:00.000Z';

function buildImport(version: number, document: PlanDocumentBody): PlanImport {
  return {
    id: 5,
    jurisdictionId: 2,
    status: 'preview',
    planId: null,
    version,
    sourceDocument: {
      id: 1,
      fileName: '002.txt',
      mediaType: 'text/plain',
      size: 10,
      sha256: 'x',
      createdAt: now,
    },
    document,
    unitMatches: [{ name: '市人社局', tasks: 1, suggestion: null, unitId: null }],
    createdAt: now,
    updatedAt: now,
  };
}

const document: PlanDocumentBody = {
  kind: 'plan',
  title: '吉林市2015年改善民生事项',
  issuer: null,
  docNumber: null,
  year: 2015,
  jurisdiction: '吉林市',
  reportDate: null,
  period: null,
  declared: { categories: null, tasks: null },
  categories: [{ ordinal: 1, name: '就业增收', declaredTasks: null }],
  tasks: [
    {
      number: 62,
      category: null,
      title: null,
      content: '推进肉类蔬菜流通追溯体系建设。',
      units: [{ name: '市人社局', role: 'lead' }],
      deadline: null,
      indicators: [],
      progress: null,
    },
  ],
  warnings: [{ code: 'TASK_WITHOUT_CATEGORY', message: '第62项未归入类别', task: 62 }],
};

type Call = { url: string; method: string; headers: Record<string, string>; body: unknown };

function stubServer() {
  const calls: Call[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      calls.push({ url, method, headers: init.headers as Record<string, string>, body });
      if (url === '/api/auth/session') {
        return json({
          user: {
            id: 2,
            username: 'office',
            displayName: '吉林市民生办',
            role: 'office',
            jurisdictionId: 2,
            jurisdictionName: '吉林市',
            unitId: null,
            unitName: null,
          },
          csrfToken: 'csrf-1',
          expiresAt: now,
        });
      }
      if (url === '/api/imports/5' && method === 'GET') return json(buildImport(1, document));
      if (url === '/api/imports/5' && method === 'PATCH') {
        return json(buildImport(2, (body as { document: PlanDocumentBody }).document));
      }
      if (url === '/api/imports/5/commit') return json({ planId: 9, importId: 5 }, 201);
      if (url.startsWith('/api/plans/9'))
        return json({ error: { code: 'NOT_FOUND', message: '', messageZh: '', messageEn: '' } }, 404);
      return json({ items: [] });
    }),
  );
  return calls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.pushState({}, '', '/');
});

describe('import wizard', () => {
  it('sends the corrected document with its version and the CSRF token, then commits', async () => {
    const calls = stubServer();
    window.history.pushState({}, '', '/imports/5');
    render(<App />);

    fireEvent.click(await screen.findByRole('button', { name: '修改类别（第62项）' }, { timeout: 5000 }));
    const editor = screen.getByRole('combobox', { name: '修改类别（第62项）' });
    fireEvent.change(editor, { target: { value: '食品安全' } });
    fireEvent.keyDown(editor, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));

    await screen.findByText(/确认后将按以下内容保存为计划/, undefined, { timeout: 5000 });
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.headers['X-CSRF-Token']).toBe('csrf-1');
    const sent = patch?.body as {
      version: number;
      document: PlanDocumentBody;
      unitMapping: Record<string, number | null>;
    };
    expect(sent.version).toBe(1);
    expect(sent.document.tasks[0]!.category).toBe('食品安全');
    expect(sent.document.warnings).toEqual([]);
    expect(sent.unitMapping).toEqual({ 市人社局: null });

    fireEvent.click(screen.getByRole('button', { name: '确认保存' }));
    await waitFor(() => expect(window.location.pathname).toBe('/plans/9'), { timeout: 5000 });
    const commit = calls.find((c) => c.url === '/api/imports/5/commit');
    expect(commit?.body).toEqual({ version: 2, publish: false });
    expect(commit?.headers['X-CSRF-Token']).toBe('csrf-1');
  }, 30_000);
});
