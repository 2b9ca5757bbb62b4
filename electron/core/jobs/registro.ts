/**
 * Every background job the worker threads know, by name. A module adds its jobs in its own
 * `modules/<m>/trabajos.ts` and one line here.
 */
import type { Trabajo } from './definir';
import { correspondenciaTrabajos } from '../modules/correspondencia/trabajos';
import { tableroTrabajos } from '../modules/tablero/trabajos';
import { bitacoraTrabajos } from '../modules/bitacora/trabajos';
import { compromisosTrabajos } from '../modules/compromisos/trabajos';
import { poaTrabajos } from '../modules/poa/trabajos';
import { gabineteTrabajos } from '../modules/gabinete/trabajos';

export const TRABAJOS: Record<string, Trabajo> = {
  ...correspondenciaTrabajos,
  ...tableroTrabajos,
  ...bitacoraTrabajos,
  ...compromisosTrabajos,
  ...poaTrabajos,
  ...gabineteTrabajos,
};
