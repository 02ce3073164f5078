import { test as base, expect } from '@playwright/test';

/**
 * Every spec fails on an uncaught error in the page: a production bundle can build cleanly and
 * still throw at run time (a blank page that unit tests never see).
 */
export const test = base.extend<{ pageErrors: Error[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(errors.map((e) => e.message)).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
