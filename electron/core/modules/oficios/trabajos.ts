/** Oficios' background jobs: the PDF of one or a hundred oficios is laid out in a worker thread (jobs/definir.ts). */
import { trabajosDe } from '../../jobs/definir';
import { documentoHandlers } from './documento';

export const oficiosTrabajos = trabajosDe(documentoHandlers);
