import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    // Rendering antd in happy-dom takes seconds on a busy 2-core machine; the default 5 s flakes.
    testTimeout: 20_000,
  },
});
