/**
 * Migration day: `npm run importar -- --data-dir <carpeta> --tipo <tipo> --archivo <xlsx|csv> [--hoja <nombre>] [--simular] [--usuario <u>]`.
 * Prints per-row errors and, last, «N filas: X nuevas, Y actualizadas, Z sin cambio, E con error».
 * Exit 0 imported (or simulated) without errors, 2 when a row has an error (nothing written), 1 otherwise.
 * It goes through createCore, so a data directory held by the app or the server is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../electron/core/app';
import { TIPOS_IMPORTACION } from '../electron/contract/importacion';
import type { Simulacion } from '../electron/contract/importacion';
import { argumento, bandera, carpetaDeDatos, raizDeLaApp, terminarConError } from './cli/comun';

async function main(): Promise<number> {
  const tipo = argumento('--tipo');
  const archivo = argumento('--archivo');
  if (!tipo || !(TIPOS_IMPORTACION as readonly string[]).includes(tipo)) terminarConError(`Indique --tipo: ${TIPOS_IMPORTACION.join(', ')}.`);
  if (!archivo || !fs.existsSync(archivo)) terminarConError(`No se encontró el archivo «${archivo ?? ''}» (--archivo).`);
  const core = await createCore({ dataDir: carpetaDeDatos(), appRoot: raizDeLaApp(), rolProceso: 'la importación por línea de comandos' });
  try {
    const sesion = core.sesionLocal(argumento('--usuario'));
    if (!sesion) terminarConError('No hay un usuario administrador activo en esta carpeta de datos (o --usuario no existe).');
    const entrada = {
      tipo, hoja: argumento('--hoja') ?? null,
      archivo: { nombre: path.basename(archivo), contenidoBase64: fs.readFileSync(archivo).toString('base64') },
    };
    const s = await core.call('importacion.simular', entrada, { sesion });
    if (!s.ok) terminarConError(s.error.message);
    const sim = s.data as Simulacion;
    for (const f of sim.faltantes) console.log(`Falta la columna obligatoria «${f}».`);
    for (const e of sim.errores) console.log(`Fila ${e.fila}, ${e.columna}: ${e.mensaje}${e.sugerencias?.length ? ` (¿${e.sugerencias.join('? ¿')}?)` : ''}`);
    for (const n of sim.notas) console.log(n);
    const c = sim.conteos;
    let conteos = c;
    if (c.conError === 0 && !bandera('--simular')) {
      const r = await core.call('importacion.importar', entrada, { sesion });
      if (!r.ok) terminarConError(r.error.message);
      conteos = (r.data as { conteos: typeof c }).conteos;
    }
    console.log(`${conteos.filas} filas: ${conteos.nuevas} nuevas, ${conteos.actualizadas} actualizadas, ${conteos.sinCambio} sin cambio, ${conteos.conError} con error`);
    return conteos.conError > 0 ? 2 : 0;
  } finally {
    core.close();
  }
}

main().then((codigo) => process.exit(codigo), (e) => terminarConError(e, 1));
