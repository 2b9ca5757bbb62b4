/** The demo data every bench file measures on: generated once per size, reused by the next files and runs. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ARCHIVO_BASE } from '../../electron/core/app';
import { generarDemo } from '../demo-datos';
import type { Banco } from './medir';

function asuntosExistentes(archivo: string): number {
  if (!fs.existsSync(archivo)) return 0;
  const db = new Database(archivo, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from asuntos').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

/**
 * Makes sure `b.opciones.datos` holds at least `b.opciones.asuntos` demo asuntos (reporting the time when it
 * generates them) and returns the database file.
 */
export async function asegurarDemo(b: Banco): Promise<string> {
  const { datos, asuntos: n } = b.opciones;
  const archivo = path.join(datos, ARCHIVO_BASE);
  if (asuntosExistentes(archivo) >= n) return archivo;
  fs.rmSync(datos, { recursive: true, force: true });
  b.avisar(`Generando ${n.toLocaleString('es-MX')} asuntos de demostración en ${datos}…`);
  const r = await generarDemo({ dataDir: datos, asuntos: n, progreso: (t) => process.stderr.write(`\r${t}   `) });
  process.stderr.write('\n');
  b.reportar({ name: 'demo: generar asuntos + turnos', value: r.segundos, unit: 's', budget: null });
  return archivo;
}
