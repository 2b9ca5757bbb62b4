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

export class AlmacenArchivos {
  private readonly dir: string;

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
   * Writes the bytes (atomically, once per content). Call `verificar` first (async, outside any
   * transaction); this part is synchronous so it can run inside the registering transaction.
   */
  guardar(bytes: Buffer, tipo: string): ArchivoGuardado {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const destino = this.ruta(sha256);
    if (!fs.existsSync(destino)) {
      fs.mkdirSync(path.dirname(destino), { recursive: true });
      const tmp = `${destino}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(tmp, bytes, { flag: 'wx' });
      fs.renameSync(tmp, destino);
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
