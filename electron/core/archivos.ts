/**
 * Content-addressed file store (anexos, evidencias, logo): bytes under dataDir/archivos/<ab>/<sha256>,
 * type checked by content (magic bytes), never by the file name; the same file attached twice is stored once.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type Database from 'better-sqlite3';
import { AppError } from './errors';

export const TIPOS_DOCUMENTO = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export const TIPOS_IMAGEN = ['image/jpeg', 'image/png'] as const;

const ETIQUETA: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/tiff': 'TIFF',
};

export interface ArchivoGuardado {
  sha256: string;
  tipo: string;
  tamano: number;
}

/** Writes `bytes` to `file` and flushes them to the disk before returning. */
function escribirDuradero(file: string, bytes: Buffer): void {
  const fd = fs.openSync(file, 'wx');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a directory entry (a rename or a new file) to the disk; Windows cannot open folders, and NTFS journals them. */
export function fsyncCarpeta(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export class AlmacenArchivos {
  private readonly dir: string;
  /** Files first written by the transaction in course (null outside one): removed if it rolls back. */
  private nuevos: string[] | null = null;

  constructor(dataDir: string, private readonly sqlite: Database.Database, private readonly ahora: () => number) {
    this.dir = path.join(dataDir, 'archivos');
  }

  private ruta(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('ARCHIVO', 'Identificador de archivo inválido.');
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Checks size and real type; throws a Spanish AppError and stores nothing when the file is not acceptable. */
  async verificar(bytes: Buffer, permitidos: readonly string[], maxBytes: number): Promise<string> {
    if (bytes.length === 0) throw new AppError('ARCHIVO', 'El archivo está vacío (0 bytes).');
    if (bytes.length > maxBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toLocaleString('es-MX', { maximumFractionDigits: 1 });
      throw new AppError('ARCHIVO', `El archivo pesa ${mb(bytes.length)} MB; el máximo es ${mb(maxBytes)} MB.`);
    }
    const tipo = (await fileTypeFromBuffer(bytes))?.mime;
    if (!tipo || !permitidos.includes(tipo)) {
      const lista = permitidos.map((t) => ETIQUETA[t] ?? t).join(', ');
      throw new AppError('ARCHIVO', `El contenido del archivo no es de un tipo permitido (${lista}), sin importar su extensión.`);
    }
    return tipo;
  }

  /**
   * Runs a database transaction so that the files it stores are durable before it commits and
   * gone if it rolls back (a closed quarter, a stale version): no orphan bytes are left behind.
   */
  enTransaccion<T>(fn: () => T): T {
    if (this.nuevos) return fn(); // nested: the outer one decides
    this.nuevos = [];
    try {
      return fn();
    } catch (e) {
      this.retirar(this.nuevos);
      throw e;
    } finally {
      this.nuevos = null;
    }
  }

  private retirar(shas: string[]): void {
    const enUso = this.sqlite.prepare('select 1 from archivos where sha256 = ?');
    for (const sha of shas) {
      if (!enUso.get(sha)) fs.rmSync(this.ruta(sha), { force: true });
    }
  }

  /**
   * Writes the bytes (atomically, once per content), fsyncing the file and its folder so the row that
   * references it never commits before the bytes are on the disk. Call `verificar` first (async,
   * outside any transaction); this part is synchronous so it runs inside the registering transaction.
   */
  guardar(bytes: Buffer, tipo: string): ArchivoGuardado {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const destino = this.ruta(sha256);
    if (!fs.existsSync(destino)) {
      const carpeta = path.dirname(destino);
      const nueva = !fs.existsSync(carpeta);
      fs.mkdirSync(carpeta, { recursive: true });
      const tmp = `${destino}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      escribirDuradero(tmp, bytes);
      fs.renameSync(tmp, destino);
      fsyncCarpeta(carpeta);
      if (nueva) fsyncCarpeta(this.dir);
      this.nuevos?.push(sha256);
    }
    this.sqlite
      .prepare('insert or ignore into archivos (sha256, tipo, tamano, creado) values (?, ?, ?, ?)')
      .run(sha256, tipo, bytes.length, this.ahora());
    return { sha256, tipo, tamano: bytes.length };
  }

  leer(sha256: string): { bytes: Buffer; tipo: string } | null {
    const fila = this.sqlite.prepare('select tipo from archivos where sha256 = ?').get(sha256) as { tipo: string } | undefined;
    const ruta = this.ruta(sha256);
    if (!fila || !fs.existsSync(ruta)) return null;
    return { bytes: fs.readFileSync(ruta), tipo: fila.tipo };
  }

  rutaDe(sha256: string): string | null {
    const ruta = this.ruta(sha256);
    return fs.existsSync(ruta) ? ruta : null;
  }
}
