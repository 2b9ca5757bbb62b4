/**
 * npm run restaurar -- --data-dir <carpeta> --desde <respaldo>
 * Refuses while another process (the app, the server) holds the data directory. Verifies the backup,
 * keeps a safety backup of the current data, replaces it and records the restore in its bitácora.
 */
import path from 'node:path';
import { acquireDataDirLock } from '../electron/core/dataDirLock';
import { restaurarDatos } from '../electron/core/modules/respaldo/service';
import { argumento, carpetaDeDatos, raizDeLaApp, terminarConError } from './cli/comun';
import os from 'node:os';
import fs from 'node:fs';

async function main(): Promise<void> {
  const dataDir = carpetaDeDatos();
  const desde = argumento('--desde');
  if (!desde) throw new Error('Indique el respaldo: npm run restaurar -- --data-dir <carpeta> --desde <carpeta del respaldo>');
  fs.mkdirSync(dataDir, { recursive: true });
  const candado = acquireDataDirLock(dataDir, 'una restauración');
  try {
    const r = await restaurarDatos({
      dataDir,
      desde: path.resolve(desde),
      appRoot: raizDeLaApp(),
      metodo: 'linea-de-comandos.restaurar',
      quien: { id: null, usuario: `${os.userInfo().username}@${os.hostname()}` },
      progreso: (_f, texto) => console.error(texto),
    });
    if (r.seguridad) console.error(`Los datos anteriores quedaron en ${r.seguridad}`);
    if (!r.bitacora.integra) throw new Error('Los datos se restauraron, pero su bitácora no verifica: revísela en Ajustes › Bitácora.');
    console.log(`Restaurado el respaldo del ${new Date(r.manifiesto.creado).toLocaleString('es-MX')} (${r.manifiesto.conteos.asuntos ?? 0} asuntos); bitácora verificada (${r.bitacora.total} entradas).`);
  } finally {
    candado.release();
  }
}

main().catch((e) => terminarConError(e));
