/** Compromisos de campaña: PED hierarchy, compromisos with version checks, seguimientos, semáforo. */
// Each part keeps its handlers in a sibling file; this one merges them for app.ts and keeps the
// public names (tablero imports `consultar` from here).
import type { Handlers } from '../../contexto';
import { pedHandlers } from './ped';
import { registroHandlers } from './registro';
import { cumplimientoHandlers } from './cumplimiento';
import { enSegundoPlano } from '../../jobs/definir';

export { consultar, estadoAl } from './consultas';
export { semaforoDe } from './cumplimiento';
export { registrarSeguimiento } from './registro';
export { detalle as compromisoDetalle } from './consultas';

export const compromisosHandlers = {
  ...pedHandlers,
  ...registroHandlers,
  ...cumplimientoHandlers,
  ...enSegundoPlano('compromisos.reporteCatalogo', 'compromisos.reporteSemaforo'),
} satisfies Partial<Handlers>;
