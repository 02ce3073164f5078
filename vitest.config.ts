import { defineConfig } from 'vitest/config';

// Every unit and medium test of every workspace; the e2e tier runs in Playwright.
export default defineConfig({
  test: {
    projects: ['packages/core', 'packages/contract', 'apps/server', 'apps/web', 'bench'],
  },
});
