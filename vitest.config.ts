import { defineConfig } from 'vitest/config';

// One runner for every package: the "source" export condition lets tests import
// the TypeScript sources of sibling packages without a build step.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: [
      'grammar/test/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'test/**/*.test.ts',
      'playground/e2e/**/*.test.ts',
      'playground/test/**/*.test.ts',
    ],
    testTimeout: 60_000,
  },
});
