/** A unit reporter sees plans but not the admin pages: no menu entry, and the URL is refused. */
import { expect, test } from './fixtures';
import { demo } from './demo-accounts';
import { signIn } from './helpers';

test('a reporter is refused the admin pages', async ({ page }) => {
  await signIn(page, demo.reporter);
  const menu = page.getByRole('navigation');
  await expect(menu.getByRole('menuitem', { name: '民生实事计划' })).toBeVisible();
  for (const name of ['导入计划', '责任单位', '用户管理', '行政区', '操作日志']) {
    await expect(menu.getByRole('menuitem', { name })).toHaveCount(0);
  }

  for (const url of [
    '/admin/users',
    '/admin/units',
    '/admin/jurisdictions',
    '/admin/audit',
    '/imports/new',
  ]) {
    await page.goto(url);
    await expect(page.getByText('无权访问')).toBeVisible();
  }

  // The server refuses too, whatever the page shows.
  const users = await page.request.get('/api/users');
  expect(users.status()).toBe(403);
  expect(((await users.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
});

test('a wrong password gets the catalogue message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(demo.reporter.username);
  await page.getByLabel('密码').fill('not-the-password-1');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
});
