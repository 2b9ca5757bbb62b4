import { defineConfig } from '@playwright/test';

/**
 * The desktop app under the real Electron runtime (`_electron.launch`). Where the runtime binary is
 * missing (as on machines that cannot download it) every test prints why and is skipped.
 * Run: npx playwright test -c playwright.electron.config.ts
 */
export default defineConfig({
  testDir: 'tests/electron',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
