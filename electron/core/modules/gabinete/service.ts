/** Gabinete handlers (DOMAIN §2): directorio, reuniones, convocados, orden del día, tarjetas, anexos, acuerdos. */
// Each sub-domain keeps its handlers in a sibling file; this one only merges them for app.ts.
import type { Handlers } from '../../contexto';
import { directorioHandlers } from './directorio';
import { reunionesHandlers } from './reuniones';
import { convocadosHandlers } from './convocados';
import { ordenDiaHandlers } from './ordenDia';
import { tarjetasHandlers } from './tarjetas';
import { anexosHandlers } from './anexos';
import { acuerdosHandlers } from './acuerdos';
import { enSegundoPlano } from '../../jobs/definir';

/** For imports: seguimientos written inside the importing transaction. */
export { registrarSeguimientoAcuerdo } from './acuerdos';
/** For the tablero and the informe semanal: the acuerdos and reuniones, and how each acuerdo stood at a date. */
export { listarAcuerdos, listarReuniones, entorno, estadosAcuerdosAl, vencidoAl } from './consultas';

export const gabineteHandlers = {
  ...directorioHandlers,
  ...reunionesHandlers,
  ...convocadosHandlers,
  ...ordenDiaHandlers,
  ...tarjetasHandlers,
  ...anexosHandlers,
  ...acuerdosHandlers,
  ...enSegundoPlano(
    'gabinete.documentos.convocatoria',
    'gabinete.documentos.listaAsistencia',
    'gabinete.documentos.ordenDia',
    'gabinete.documentos.minuta',
    'gabinete.documentos.carpeta',
    'gabinete.documentos.acuerdosPorDependencia',
  ),
} satisfies Partial<Handlers>;
