/**
 * One writer per data directory (DESIGN §4): the app, the office server or a writing CLI holds
 * `seguimiento.lock` (pid, host, role, start) while it runs. A second writer is refused with a Spanish
 * message naming the holder. Read-only tools (backup) do not take it.
 *
 * A lock is stale when its process is gone (same host) or its heartbeat stopped (any host: the holder
 * touches the file every HEARTBEAT_MS, so a lock left by a crashed PC on a USB drive expires).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from './errors';

export const LOCK_FILE = 'seguimiento.lock';
const HEARTBEAT_MS = 20_000;
const STALE_AFTER_MS = 90_000;

export interface LockHolder {
  pid: number;
  host: string;
  /** Who holds it, in Spanish: «la aplicación», «el servidor de la oficina», «una importación»… */
  rol: string;
  inicio: number;
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(file: string, holder: LockHolder | null, now: number): boolean {
  if (!holder) return true;
  if (holder.host === os.hostname()) return holder.pid !== process.pid && !processAlive(holder.pid);
  try {
    return now - fs.statSync(file).mtimeMs > STALE_AFTER_MS;
  } catch {
    return true;
  }
}

/** Who holds the data directory now, or null when it is free (or its lock is stale). */
export function lockHolder(dataDir: string): LockHolder | null {
  const file = path.join(dataDir, LOCK_FILE);
  if (!fs.existsSync(file)) return null;
  const holder = readHolder(file);
  return isStale(file, holder, Date.now()) ? null : holder;
}

export function describeHolder(dataDir: string, h: LockHolder): string {
  const desde = new Date(h.inicio).toLocaleString('es-MX', { dateStyle: 'short', timeStyle: 'short' });
  return (
    `La carpeta de datos ${dataDir} está en uso por ${h.rol} (proceso ${h.pid} en el equipo «${h.host}», desde ${desde}). ` +
    'Ciérrelo antes de continuar; para copiar los datos mientras trabaja use «npm run respaldo», que solo lee.'
  );
}

/** Takes the lock or throws AppError('CARPETA_EN_USO'). Released on release(), on exit, and on SIGINT/SIGTERM exits. */
export function acquireDataDirLock(dataDir: string, rol: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), rol, inicio: Date.now() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(me));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      return holdLock(file, me);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(file);
      if (!isStale(file, holder, Date.now())) {
        throw new AppError('CARPETA_EN_USO', describeHolder(dataDir, holder!), holder);
      }
      fs.rmSync(file, { force: true }); // stale: the next attempt recreates it atomically
    }
  }
  throw new AppError('CARPETA_EN_USO', `No se pudo tomar la carpeta de datos ${dataDir}: otro proceso la tomó al mismo tiempo.`);
}

function holdLock(file: string, me: LockHolder): DataDirLock {
  const heartbeat = setInterval(() => {
    const t = new Date();
    try {
      fs.utimesSync(file, t, t);
    } catch {
      /* the folder vanished (USB unplugged): the database will report it */
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    process.off('exit', release);
    const h = readHolder(file);
    if (h && h.pid === me.pid && h.inicio === me.inicio && h.host === me.host) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, release };
}
