/**
 * Electron entry (bundled to dist/electron/main.cjs by scripts/build-electron.mjs).
 * Everything it does is in electron/shell/arranque.ts, in order, so it can be tested.
 */
import { createCore } from './core/app';
import { arrancar } from './shell/arranque';

void arrancar({ createCore, dirBundle: __dirname }).catch((e: unknown) => {
  console.error('Fallo inesperado al iniciar:', e);
  process.exit(1);
});
