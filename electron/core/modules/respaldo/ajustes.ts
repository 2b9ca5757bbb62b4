/** Ajustes › Respaldos, kept in the ajustes key/value table (read through any connection, even read-only). */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ValoresRespaldo } from '../../../contract/respaldo';
import { ROTACION_INICIAL } from './rotacion';

export const CLAVE = 'respaldos';
export const CARPETA_PROPIA = 'respaldos';

export const RESPALDO_INICIAL: ValoresRespaldo = { destino: null, hora: '21:00', ...ROTACION_INICIAL };

export function leerAjustesRespaldo(sqlite: Database.Database): { valores: ValoresRespaldo; version: number } {
  const fila = sqlite.prepare('select valor, version from ajustes where clave = ?').get(CLAVE) as { valor: string; version: number } | undefined;
  if (!fila) return { valores: RESPALDO_INICIAL, version: 0 };
  return { valores: { ...RESPALDO_INICIAL, ...JSON.parse(fila.valor) }, version: fila.version };
}

/** Where backups go: the chosen folder, or `<data>/respaldos` until one is chosen. */
export function destinoEfectivo(dataDir: string, v: ValoresRespaldo): string {
  return v.destino ? path.resolve(v.destino) : path.join(dataDir, CARPETA_PROPIA);
}
