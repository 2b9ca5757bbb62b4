/**
 * Re-checks a backup from its bytes: the manifest's seal, the database copy's hash, SQLite's
 * integrity_check, row counts, the bitácora chain and every anexo's hash. Read-only on the copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { verificarCadena } from '../bitacora/cadena';
import { datosDeLaAplicacion } from './aplicacion';
import { rutaAnexo, type Verificacion } from './carpetas';
import { ARCHIVO_MANIFIESTO, ARCHIVO_VERIFICACION, contarFilas, leerManifiesto, selloDe, sha256DeArchivo, ultimaMigracion, type Manifiesto } from './manifiesto';

export interface ResultadoVerificacion extends Verificacion {
  manifiesto: Manifiesto | null;
  /** Made by a newer version of the app (its schema has migrations this build does not know). */
  masReciente: boolean;
}

function revisarCopia(file: string, m: Manifiesto, migraciones: Map<number, string>, problemas: string[], nativeBinding: string | undefined): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch {
    problemas.push('La copia de la base de datos no se puede abrir.');
    return;
  }
  try {
    const integridad = db.pragma('integrity_check', { simple: true });
    if (integridad !== 'ok') {
      problemas.push(`La copia de la base de datos está dañada (${String(integridad)}).`);
      return;
    }
    const conteos = contarFilas(db);
    const distintas = Object.keys({ ...conteos, ...m.conteos }).filter((t) => conteos[t] !== m.conteos[t]);
    if (distintas.length) problemas.push(`Los conteos de ${distintas.slice(0, 3).join(', ')} no coinciden con el manifiesto.`);
    const mig = ultimaMigracion(db, migraciones);
    if (mig.momento !== m.migracion.momento || mig.total !== m.migracion.total) problemas.push('La versión del esquema de la copia no coincide con el manifiesto.');
    const cadena = verificarCadena(db);
    const hashFinal = (db.prepare('select hash from bitacora order by id desc limit 1').pluck().get() as string | undefined) ?? null;
    if (cadena.total !== m.bitacora.total || hashFinal !== m.bitacora.hashFinal) problemas.push('La bitácora de la copia no coincide con el manifiesto.');
    else if (m.bitacora.integra && !cadena.integra) problemas.push(`La bitácora de la copia no verifica (entrada ${cadena.primerRoto?.id}).`);
  } catch (e) {
    problemas.push(`La copia de la base de datos no se puede leer (${(e as Error).message}).`);
  } finally {
    db.close();
  }
}

export interface OpcionesVerificar {
  /** Write verificacion.json next to the manifest (default: yes). */
  registrar?: boolean;
  ahora?: () => number;
  nativeBinding?: string;
}

export async function verificarRespaldo(ruta: string, appRoot: string, o: OpcionesVerificar = {}): Promise<ResultadoVerificacion> {
  const problemas: string[] = [];
  const app = datosDeLaAplicacion(appRoot);
  const m = leerManifiesto(path.join(ruta, ARCHIVO_MANIFIESTO));
  let masReciente = false;
  if (!m) {
    problemas.push(fs.existsSync(ruta) ? 'El respaldo está incompleto: falta su manifiesto o no se puede leer.' : `No existe el respaldo ${ruta}.`);
  } else {
    if (m.sello !== selloDe(m)) problemas.push('El manifiesto fue modificado después de hacerse el respaldo.');
    masReciente = m.migracion.momento !== null && !app.migraciones.has(m.migracion.momento);
    const copia = path.join(ruta, m.base.archivo);
    if (!fs.existsSync(copia)) problemas.push('El respaldo está incompleto: falta la copia de la base de datos.');
    else if (fs.statSync(copia).size !== m.base.tamano || (await sha256DeArchivo(copia)) !== m.base.sha256) {
      problemas.push('La copia de la base de datos fue alterada o está incompleta (su huella SHA-256 no coincide).');
    } else revisarCopia(copia, m, app.migraciones, problemas, o.nativeBinding);
    for (const a of m.archivos) {
      const f = rutaAnexo(ruta, a.sha256);
      if (!fs.existsSync(f)) problemas.push(`Falta el anexo ${a.sha256.slice(0, 12)}… en el respaldo.`);
      else if ((await sha256DeArchivo(f)) !== a.sha256) problemas.push(`El anexo ${a.sha256.slice(0, 12)}… del respaldo fue alterado.`);
    }
  }
  const resultado: ResultadoVerificacion = { momento: (o.ahora ?? Date.now)(), valido: problemas.length === 0, problemas, manifiesto: m, masReciente };
  if (o.registrar !== false) {
    try {
      const { manifiesto: _m, masReciente: _r, ...v } = resultado;
      fs.writeFileSync(path.join(ruta, ARCHIVO_VERIFICACION), JSON.stringify(v));
    } catch {
      /* a read-only drive: the result is still returned */
    }
  }
  return resultado;
}
