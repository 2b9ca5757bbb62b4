/** Correspondencia handlers (DOMAIN §1): folios, registro, turnos, anexos, bandeja. Reports in reportes.ts. */
// Each sub-domain keeps its handlers in a sibling file; this one only merges them for app.ts.
import type { Handlers } from '../../contexto';
import { seriesHandlers } from './series';
import { registroHandlers } from './registro';
import { bandejaHandlers } from './bandeja';
import { turnosHandlers } from './turnos';
import { devolucionesHandlers } from './devoluciones';
import { anexosHandlers } from './anexos';
import { reportesHandlers } from './reportes';
import { enSegundoPlano } from '../../jobs/definir';

// reportes.ts builds the acuse and volante from the detail view and imports it from here.
export { detalle } from './bandeja';

export const correspondenciaHandlers = {
  ...seriesHandlers,
  ...registroHandlers,
  ...bandejaHandlers,
  ...turnosHandlers,
  ...devolucionesHandlers,
  ...anexosHandlers,
  ...reportesHandlers,
  ...enSegundoPlano(
    'correspondencia.reportes.acuse',
    'correspondencia.reportes.volante',
    'correspondencia.reportes.estatus',
    'correspondencia.exportar.asuntos',
    'correspondencia.exportar.turnos',
  ),
} satisfies Partial<Handlers>;
