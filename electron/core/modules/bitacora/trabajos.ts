/** Bitácora's background job: verifying the whole hash chain (jobs/definir.ts). */
import { trabajosDe } from '../../jobs/definir';
import { verificacionHandlers } from './service';

export const bitacoraTrabajos = trabajosDe(verificacionHandlers);
