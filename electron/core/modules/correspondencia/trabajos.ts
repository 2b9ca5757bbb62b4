/** Correspondencia's background jobs: acuse, volante, Reporte de Estatus and the listados (jobs/definir.ts). */
import { trabajosDe } from '../../jobs/definir';
import { archivosHandlers } from './reportes';

export const correspondenciaTrabajos = trabajosDe(archivosHandlers);
