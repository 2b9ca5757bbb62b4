/**
 * Every background job the worker threads know, by name. A module adds its jobs in its own
 * `modules/<m>/trabajos.ts` and one line here.
 */
import { defineJob, type Trabajo } from './definir';
import { comprobarIntegridad } from '../../../db/connection';
import { correspondenciaTrabajos } from '../modules/correspondencia/trabajos';
import { tableroTrabajos } from '../modules/tablero/trabajos';
import { bitacoraTrabajos } from '../modules/bitacora/trabajos';
import { compromisosTrabajos } from '../modules/compromisos/trabajos';
import { poaTrabajos } from '../modules/poa/trabajos';
import { gabineteTrabajos } from '../modules/gabinete/trabajos';
import { oficiosTrabajos } from '../modules/oficios/trabajos';
import { ocrTrabajos } from '../modules/ocr/trabajos';
import { respaldoTrabajos } from '../modules/respaldo/trabajos';

/**
 * Jobs whose thread ends when they finish: after a listado of 100k rows the thread keeps ~70 MB (exceljs's and
 * the zip's buffers) that the next job would not give back; on the office server that was the difference
 * between 458–523 and ~408 MB with 25 users. The next job waits for a fresh thread (~0.3 s).
 */
export const RETIRAN_SU_HILO: ReadonlySet<string> = new Set(['correspondencia.exportar.asuntos', 'correspondencia.exportar.turnos']);

export const TRABAJOS: Record<string, Trabajo> = {
  // Run by createCore after start-up: PRAGMA quick_check reads the whole file.
  'sistema.comprobarIntegridad': defineJob((ctx) => comprobarIntegridad(ctx.sqlite)),
  ...correspondenciaTrabajos,
  ...tableroTrabajos,
  ...bitacoraTrabajos,
  ...compromisosTrabajos,
  ...poaTrabajos,
  ...gabineteTrabajos,
  ...oficiosTrabajos,
  ...ocrTrabajos,
  ...respaldoTrabajos,
};
