/** Compromisos' background jobs: the printable reports (jobs/definir.ts). */
import { trabajosDe } from '../../jobs/definir';
import { reportesHandlers } from './cumplimiento';

export const compromisosTrabajos = trabajosDe(reportesHandlers);
