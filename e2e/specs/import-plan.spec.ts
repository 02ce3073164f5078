/**
 * The office's core path: sign in, import seed 002 (吉林市 2015, 80 tasks) through the wizard,
 * correct a cell the importer warned about, confirm, and find the plan with its 80 tasks.
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { demo } from './demo-accounts';
import { signIn } from './helpers';

const seed = path.resolve(import.meta.dirname, '../../fixtures/seeds/002_a19654e07b0d8595.txt');

test('office imports seed 002 through the wizard, corrects a cell and sees its 80 tasks', async ({
  page,
}, testInfo) => {
  await signIn(page, demo.office);

  await page.getByRole('menuitem', { name: '导入计划' }).click();
  await expect(page.getByRole('heading', { name: '导入计划' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(seed);
  await page.getByRole('button', { name: '识别文件' }).click();

  // The preview: everything the importer found, warnings beside their rows.
  await expect(page).toHaveURL(/\/imports\/\d+$/);
  await expect(page.getByText(/识别到 \d+ 个类别、80 项实事/)).toBeVisible();
  const row62 = page.locator('tr', { has: page.getByRole('button', { name: '修改类别（第62项）' }) });
  const categoryWarning = row62.locator('[data-code=TASK_WITHOUT_CATEGORY]');
  await expect(categoryWarning).toBeVisible();

  // Task 62 (meat and vegetable tracing) sits in the category the importer could not see:
  // correct it in place.
  await page.getByRole('button', { name: '修改类别（第62项）' }).click();
  const editor = page.getByRole('combobox', { name: '修改类别（第62项）' });
  await editor.fill('食品安全');
  await editor.press('Enter');
  await expect(categoryWarning).toHaveCount(0);
  await expect(row62.getByRole('button', { name: '修改类别（第62项）' })).toHaveText('食品安全');

  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('确认后将按以下内容保存为计划')).toBeVisible();
  await page.getByRole('button', { name: '确认保存' }).click();

  // The plan page: 80 tasks, the corrected category among them.
  await expect(page).toHaveURL(/\/plans\/\d+$/);
  const planPath = new URL(page.url()).pathname;
  await expect(page.getByTestId('task-count')).toHaveText('共 80 项民生实事');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('吉林市');
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(80);
  const task62 = page
    .locator('tbody tr.ant-table-row')
    .filter({ has: page.getByRole('cell', { name: '62', exact: true }) });
  await expect(task62).toContainText('食品安全');
  // Indicators are marked inside the task sentence; dates read as officials write them.
  await expect(page.locator('mark.indicator').first()).toBeVisible();
  await expect(page.getByText('2015年11月30日').first()).toBeVisible();

  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 6_000 });
  // UPDATE_SCREENSHOT=1 refreshes the README's picture; other runs keep it with the test output.
  const shot = process.env.UPDATE_SCREENSHOT
    ? path.resolve(import.meta.dirname, '../../docs/screenshot.png')
    : testInfo.outputPath('plan.png');
  await page.screenshot({ path: shot });

  // It is listed among the plans.
  await page.getByRole('menuitem', { name: '民生实事计划' }).click();
  await expect(page.locator(`a[href="${planPath}"]`)).toContainText('2015年民生改善工作');
});
