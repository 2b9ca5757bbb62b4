/** The built bundle's worker threads do not inherit tsx from a tsx-run parent (pool.ts, sinTsx). */
import { describe, expect, it } from 'vitest';
import { sinTsx } from '../../../electron/core/jobs/pool';

describe('hilos del paquete compilado', () => {
  it('quitan el cargador de tsx de las opciones heredadas y dejan las demás', () => {
    expect(sinTsx(['--import', 'tsx'])).toEqual([]);
    expect(sinTsx(['--require', '/x/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///x/node_modules/tsx/dist/loader.mjs'])).toEqual([]);
    expect(sinTsx(['--import=tsx', '--loader=tsx/esm', '--max-old-space-size=512'])).toEqual(['--max-old-space-size=512']);
    expect(sinTsx(['--conditions', 'development', '--import', './otro.mjs', '--enable-source-maps'])).toEqual(['--conditions', 'development', '--import', './otro.mjs', '--enable-source-maps']);
  });
});
