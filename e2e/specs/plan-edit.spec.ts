/**
 * Concurrent edits are detected, not lost: a task saved by someone else after this page read it
 * is refused (409) and the page says so and shows their version.
 */
import { expect, test } from './fixtures';
import { demo } from './demo-accounts';
import { signIn } from './helpers';

interface TaskBody {
  id: number;
  number: number;
  version: number;
}

test('a stale task edit is refused with "该记录已被他人修改" and the page reloads', async ({ page }) => {
  await signIn(page, demo.office);
  await page
    .getByRole('link', { name: /2015年民生改善工作/ })
    .first()
    .click();
  await expect(page.getByTestId('task-count')).toHaveText('共 80 项民生实事');

  await page.getByRole('button', { name: '编辑实事 2', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('完成时限').fill('10月底');

  // Meanwhile a colleague changes the same task.
  const planId = new URL(page.url()).pathname.split('/').pop();
  const plan = (await (await page.request.get(`/api/plans/${planId}`)).json()) as { tasks: TaskBody[] };
  const task = plan.tasks.find((t) => t.number === 2)!;
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const theirs = await page.request.patch(`/api/tasks/${task.id}`, {
    data: { version: task.version, title: '稳定扩大就业' },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  expect(theirs.status()).toBe(200);

  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-message-notice')).toContainText('该记录已被他人修改');
  const row2 = page
    .locator('tbody tr.ant-table-row')
    .filter({ has: page.getByRole('cell', { name: '2', exact: true }) });
  await expect(row2).toContainText('稳定扩大就业');
  await expect(row2).toContainText('11月');
});
