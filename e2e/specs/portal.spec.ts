/**
 * The public portal reads without JavaScript (old phones, screen readers, search engines): from
 * the home page through the archive to a plan and one of its tasks, by links and keyboard only.
 * Needs publicRoutes registered in app.ts; the demo data's published plans are what it reads.
 */
import { expect, test } from './fixtures';

test.use({ javaScriptEnabled: false });

test('a visitor without JavaScript reads a published plan and a task', async ({ page }) => {
  await page.goto('/gongkai');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '民生实事公开' })).toBeVisible();

  // The skip link is the first stop of the keyboard and lands on the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '民生档案' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '民生档案' })).toBeVisible();
  const firstPlan = page.locator('main section li > a').first();
  const title = (await firstPlan.textContent())?.trim() ?? '';
  expect(title.length).toBeGreaterThan(0);
  await firstPlan.click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page).toHaveTitle(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(page.getByRole('navigation', { name: '当前位置' })).toContainText('民生档案');
  await expect(page.getByRole('link', { name: '下载 CSV' })).toBeVisible();
  const task = page.locator('li.task h3 a').first();
  await task.click();
  await expect(page.getByRole('heading', { level: 2, name: '进展记录' })).toBeVisible();
  await expect(page.getByText('牵头单位')).toBeVisible();

  // Search with the labelled box in the site bar.
  await page.getByLabel('搜索计划和实事').fill('就业');
  await page.getByLabel('搜索计划和实事').press('Enter');
  await expect(page.getByRole('status')).toContainText('条结果');
  await expect(page.locator('mark').first()).toHaveText('就业');
});
