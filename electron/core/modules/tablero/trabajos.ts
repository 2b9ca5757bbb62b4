/** Tablero's background job: the informe semanal's document (jobs/definir.ts). */
import { defineJob } from '../../jobs/definir';
import { generarDocumento } from './informe';

export const tableroTrabajos = {
  'tablero.informe.generar': defineJob(generarDocumento),
};
