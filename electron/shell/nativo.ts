/**
 * Where the Electron-ABI build of better-sqlite3 lives (DESIGN §8). It is kept apart from
 * node_modules/better-sqlite3/build (the Node build used by `npm test`) and handed to the core as
 * `nativeBinding`.
 *
 * - development: `<raiz>/.cache/electron-native/better_sqlite3.node` (scripts/electron-native.mjs)
 * - packaged:    `<resources>/native/better_sqlite3.node` (electron-builder extraResources)
 * - override:    `SSE_SQLITE_BINDING=<ruta>`
 */
import fs from 'node:fs';
import path from 'node:path';

export const CARPETA_DESARROLLO = path.join('.cache', 'electron-native');
export const ARCHIVO = 'better_sqlite3.node';

export interface DondeBuscar {
  empaquetado: boolean;
  /** process.resourcesPath (packaged). */
  recursos?: string;
  /** Repository / app root (development). */
  raiz: string;
  env?: NodeJS.ProcessEnv;
  existe?: (ruta: string) => boolean;
}

export function candidatos({ empaquetado, recursos, raiz, env = process.env }: DondeBuscar): string[] {
  const lista: string[] = [];
  if (env.SSE_SQLITE_BINDING) lista.push(path.resolve(env.SSE_SQLITE_BINDING));
  if (empaquetado && recursos) {
    lista.push(path.join(recursos, 'native', ARCHIVO));
    lista.push(path.join(recursos, 'app.asar.unpacked', CARPETA_DESARROLLO, ARCHIVO));
  }
  lista.push(path.join(raiz, CARPETA_DESARROLLO, ARCHIVO));
  return lista;
}

/** The first binding that exists, or undefined (better-sqlite3 then looks for its own build). */
export function rutaBindingNativo(donde: DondeBuscar): string | undefined {
  const existe = donde.existe ?? ((r: string) => fs.existsSync(r));
  return candidatos(donde).find((r) => existe(r));
}

/** better-sqlite3 built for another runtime fails with this; the start script can fix it. */
export function esErrorDeAbi(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e ?? '');
  return /NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|not a valid Win32 application/i.test(
    m,
  );
}
