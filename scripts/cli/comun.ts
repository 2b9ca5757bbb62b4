/**
 * What every command-line entry point shares (browser mode, servidor, respaldo, restaurar, importar):
 * where the app lives, which data directory to use, reading flags, and failing with a Spanish message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCTO = 'Sistema de Seguimiento del Ejecutivo';

/** The folder with package.json, db/migrations, resources and dist. */
export function raizDeLaApp(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const arriba = path.dirname(dir);
    if (arriba === dir) return process.cwd();
    dir = arriba;
  }
  return dir;
}

/** The same folder Electron's app.getPath('userData') uses, so every mode shares one database. */
export function carpetaDeDatosPorDefecto(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCTO);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCTO);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCTO);
}

/** `--nombre valor` or `--nombre=valor`. */
export function argumento(nombre: string, argv: readonly string[] = process.argv): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === nombre && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) return argv[i + 1];
    if (argv[i].startsWith(`${nombre}=`)) return argv[i].slice(nombre.length + 1);
  }
  return undefined;
}

export function bandera(nombre: string, argv: readonly string[] = process.argv): boolean {
  return argv.includes(nombre);
}

/** --data-dir, else SSE_DATA_DIR, else the desktop app's folder. */
export function carpetaDeDatos(argv: readonly string[] = process.argv): string {
  return path.resolve(argumento('--data-dir', argv) ?? process.env.SSE_DATA_DIR ?? carpetaDeDatosPorDefecto());
}

/** Prints the Spanish message (never a stack trace) and exits with `codigo`. */
export function terminarConError(e: unknown, codigo = 1): never {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(codigo);
}
