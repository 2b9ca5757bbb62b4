/**
 * npm run respaldo -- --data-dir <carpeta> [--destino <carpeta>]
 * A verified backup while the app or the server may be running (it only reads; it takes no lock).
 * Without --destino, the folder chosen in Ajustes › Respaldos. The backup's path is the last line.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { crearRespaldo } from '../electron/core/modules/respaldo/service';
import { destinoEfectivo, leerAjustesRespaldo } from '../electron/core/modules/respaldo/ajustes';
import { argumento, carpetaDeDatos, raizDeLaApp, terminarConError } from './cli/comun';

function destinoConfigurado(dataDir: string): { destino: string; propio: boolean } {
  const db = new Database(path.join(dataDir, 'seguimiento.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const v = leerAjustesRespaldo(db).valores;
    return { destino: destinoEfectivo(dataDir, v), propio: !v.destino };
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const dataDir = carpetaDeDatos();
  const elegido = argumento('--destino');
  const { destino, propio } = elegido ? { destino: path.resolve(elegido), propio: false } : destinoConfigurado(dataDir);
  let ultimo = -1;
  const r = await crearRespaldo({
    dataDir,
    destino,
    appRoot: raizDeLaApp(),
    motivo: 'linea-de-comandos',
    crearDestino: propio,
    progreso: (f, texto) => {
      const pct = Math.floor(f * 10) * 10;
      if (pct !== ultimo) console.error(`${pct} % ${texto}`);
      ultimo = pct;
    },
  });
  const m = r.manifiesto;
  console.error(`Respaldo verificado: ${m.conteos.asuntos ?? 0} asuntos, ${m.archivos.length} anexos, ${m.bitacora.total} entradas de bitácora.`);
  console.log(r.ruta);
}

main().catch((e) => terminarConError(e));
