/** Correspondencia (DOMAIN §1): series de folios, asuntos, turnos, anexos, bandeja and its reports. */
// One file per sub-domain in this folder; this index keeps every public name of the former
// contract/correspondencia.ts and the `correspondencia` method map.
import { metodosSeries } from './series';
import { metodosAsuntos } from './asuntos';
import { metodosTurnos } from './turnos';
import { metodosReportes } from './reportes';

export {
  LECTORES_CORRESPONDENCIA, CAPTURA_CORRESPONDENCIA,
  MEDIOS, DESTINATARIOS, TIPOS_ASUNTO, PRIORIDADES, ESTATUS_ASUNTO, ESTATUS_TURNO, ESTATUS_TURNO_GUARDADO,
  ETIQUETAS, EstatusAsunto, EstatusTurno, ArchivoEntrada,
} from './base';
export { Plantilla, SerieFolio } from './series';
export { Anexo, Respuesta, HistorialTurno, Turno, Evento, Asunto } from './detalle';
export { COLUMNAS_LISTADO, COLUMNAS_PREDETERMINADAS, FilaAsunto, FiltrosAsuntos } from './asuntos';
export type { ColumnaListado } from './asuntos';
export { FilaEstatusDependencia, ReporteEstatus } from './reportes';

export const correspondencia = {
  ...metodosSeries,
  ...metodosAsuntos,
  ...metodosTurnos,
  ...metodosReportes,
};
