/** Gabinete's background jobs: convocatoria, lista, orden del día, minuta, carpeta, acuerdos (jobs/definir.ts). */
import { trabajosDe } from '../../jobs/definir';
import { documentosHandlers } from './documentos';

export const gabineteTrabajos = trabajosDe(documentosHandlers);
