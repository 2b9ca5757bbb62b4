import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidatos, esErrorDeAbi, rutaBindingNativo } from '../../../electron/shell/nativo';

describe('Electron-ABI better-sqlite3 location', () => {
  it('development: .cache/electron-native under the app root', () => {
    expect(candidatos({ empaquetado: false, raiz: '/repo', env: {} })).toEqual([
      path.join('/repo', '.cache', 'electron-native', 'better_sqlite3.node'),
    ]);
  });

  it('packaged: resources/native first, then the unpacked asar', () => {
    const c = candidatos({ empaquetado: true, recursos: '/opt/sse/resources', raiz: '/opt/sse/resources/app.asar', env: {} });
    expect(c[0]).toBe(path.join('/opt/sse/resources', 'native', 'better_sqlite3.node'));
    expect(c[1]).toBe(path.join('/opt/sse/resources', 'app.asar.unpacked', '.cache', 'electron-native', 'better_sqlite3.node'));
  });

  it('SSE_SQLITE_BINDING overrides; only existing files are returned', () => {
    const env = { SSE_SQLITE_BINDING: '/a/b.node' };
    expect(rutaBindingNativo({ empaquetado: false, raiz: '/repo', env, existe: () => true })).toBe(path.resolve('/a/b.node'));
    const dev = path.join('/repo', '.cache', 'electron-native', 'better_sqlite3.node');
    expect(rutaBindingNativo({ empaquetado: false, raiz: '/repo', env, existe: (r) => r === dev })).toBe(dev);
    expect(rutaBindingNativo({ empaquetado: false, raiz: '/repo', env: {}, existe: () => false })).toBeUndefined();
  });

  it('recognises ABI mismatch errors', () => {
    expect(esErrorDeAbi(new Error('was compiled against a different Node.js version using NODE_MODULE_VERSION 115'))).toBe(true);
    expect(esErrorDeAbi(new Error('SQLITE_BUSY'))).toBe(false);
  });
});
