/**
 * The manifest of a backup (manifiesto.json): what it holds and the hashes that prove it. Every figure
 * in it is recomputed from the copy when the backup is verified; its `sello` covers the rest, so a
 * manifest edited by hand is caught even where no figure changed.
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

export const FORMATO = 1;
export const ARCHIVO_MANIFIESTO = 'manifiesto.json';
export const ARCHIVO_VERIFICACION = 'verificacion.json';
export const BASE_COPIA = 'seguimiento.sqlite';

export interface ArchivoRespaldado {
  sha256: string;
  tamano: number;
}

export interface Manifiesto {
  formato: number;
  aplicacion: { nombre: string; version: string };
  /** The last migration applied to the copy (drizzle journal tag and its `when`). */
  migracion: { ultima: string | null; momento: number | null; total: number };
  creado: number;
  motivo: string;
  equipo: string;
  base: { archivo: string; tamano: number; sha256: string };
  conteos: Record<string, number>;
  bitacora: { total: number; hashFinal: string | null; integra: boolean };
  archivos: ArchivoRespaldado[];
  /** Anexos the database references but the data directory had already lost. */
  faltantes: string[];
  sello: string;
}

const ordenado = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(ordenado)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, ordenado((v as Record<string, unknown>)[k])]))
      : v;

export function selloDe(m: Omit<Manifiesto, 'sello'> & { sello?: string }): string {
  const { sello: _s, ...resto } = m;
  return crypto.createHash('sha256').update(JSON.stringify(ordenado(resto))).digest('hex');
}

export function sellar(m: Omit<Manifiesto, 'sello'>): Manifiesto {
  return { ...m, sello: selloDe(m) };
}

export async function sha256DeArchivo(file: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const trozo of fs.createReadStream(file, { highWaterMark: 1 << 20 })) h.update(trozo as Buffer);
  return h.digest('hex');
}

/** Rows per ordinary table (virtual FTS tables are counted through their shadow tables). */
export function contarFilas(sqlite: Database.Database): Record<string, number> {
  const tablas = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like 'CREATE VIRTUAL%' order by name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tablas.map((t) => [t, sqlite.prepare(`select count(*) from "${t.replaceAll('"', '""')}"`).pluck().get() as number]));
}

export function ultimaMigracion(sqlite: Database.Database, tags: Map<number, string>): Manifiesto['migracion'] {
  const hay = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!hay) return { ultima: null, momento: null, total: 0 };
  const filas = sqlite.prepare('select created_at from __drizzle_migrations order by created_at').pluck().all() as number[];
  const momento = filas.length ? Number(filas[filas.length - 1]) : null;
  return { ultima: momento === null ? null : (tags.get(momento) ?? `desconocida-${momento}`), momento, total: filas.length };
}

export function leerManifiesto(file: string): Manifiesto | null {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifiesto;
    return m && typeof m === 'object' && typeof m.creado === 'number' && m.base && Array.isArray(m.archivos) ? m : null;
  } catch {
    return null;
  }
}
