/** The console is Chinese by default; the English switch works everywhere and is remembered. */
import { expect, test } from './fixtures';
import { demo } from './demo-accounts';
import { signIn } from './helpers';

test('switching to English and back', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: '民生实事督办平台' })).toBeVisible();
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByLabel('User name')).toBeVisible();

  await signIn(page, demo.office, { user: 'User name', password: 'Password', submit: 'Sign in' });
  await expect(page.getByRole('heading', { name: 'Plans', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Audit log' })).toBeVisible();

  await page.getByRole('button', { name: /中文/ }).click();
  await expect(page.getByRole('heading', { name: '民生实事计划' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
