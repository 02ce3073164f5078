import { expect, type Page } from '@playwright/test';

export interface Account {
  username: string;
  password: string;
}

/** Signs in through the login form and waits for the console. */
export async function signIn(
  page: Page,
  account: Account,
  labels = { user: '用户名', password: '密码', submit: '登录' },
) {
  await page.goto('/login');
  await page.getByLabel(labels.user).fill(account.username);
  await page.getByLabel(labels.password).fill(account.password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/plans$/);
}
