import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { SessionResponse, UserRole } from '@minsheng/contract';
import { App } from '../../App';

function sessionOf(role: UserRole): SessionResponse {
  return {
    user: {
      id: 7,
      username: role,
      displayName: '测试用户',
      role,
      jurisdictionId: 2,
      jurisdictionName: '吉林市',
      unitId: role === 'reporter' ? 3 : null,
      unitName: role === 'reporter' ? '市人社局' : null,
    },
    csrfToken: 'token',
    expiresAt: '2026-11-23T18:00:00.000Z',
  };
}

/** A server that knows one session and answers every list with nothing. */
function stubServer(role: UserRole | null) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      if (input === '/api/auth/session') {
        return role
          ? new Response(JSON.stringify(sessionOf(role)), { status: 200 })
          : new Response(
              JSON.stringify({
                error: { code: 'UNAUTHENTICATED', message: '', messageZh: '', messageEn: '' },
              }),
              { status: 401 },
            );
      }
      return new Response(JSON.stringify({ items: [] }), { status: 200 });
    }),
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.pushState({}, '', '/');
});

describe('access by role', () => {
  it('shows a reporter no admin menu and refuses the admin pages by URL', async () => {
    stubServer('reporter');
    window.history.pushState({}, '', '/admin/users');
    render(<App />);
    expect(await screen.findByText('无权访问')).toBeTruthy();
    const menu = screen.getByRole('navigation');
    expect(menu.textContent).toContain('民生实事计划');
    expect(menu.textContent).not.toContain('用户管理');
    expect(menu.textContent).not.toContain('导入计划');
  });

  it('gives the office the import and admin pages', async () => {
    stubServer('office');
    window.history.pushState({}, '', '/admin/units');
    render(<App />);
    expect(await screen.findByRole('heading', { name: '责任单位' })).toBeTruthy();
    expect(screen.queryByText('无权访问')).toBeNull();
    expect(screen.getByRole('navigation').textContent).toContain('导入计划');
  });

  it('sends a visitor without a session to the login page', async () => {
    stubServer(null);
    window.history.pushState({}, '', '/plans');
    render(<App />);
    await waitFor(() => expect(window.location.pathname).toBe('/login'));
    expect(await screen.findByLabelText('用户名')).toBeTruthy();
  });
});
