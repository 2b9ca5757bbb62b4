/** POA's background job: the informe trimestral / anual (jobs/definir.ts). */
import { trabajosDe } from '../../jobs/definir';
import { informeHandlers } from './reportes';

export const poaTrabajos = trabajosDe(informeHandlers);
