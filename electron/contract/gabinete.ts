/** Gabinete (DOMAIN §2): directorio, reuniones, acuerdos y seguimientos, tablero y documentos. */
// The schemas live in ./gabinete/ (one file per sub-domain); this file keeps every public name and
// the `gabinete` method map at their original path.
import { metodosDirectorio } from './gabinete/directorio';
import { metodosReuniones } from './gabinete/reuniones';
import { metodosAcuerdos } from './gabinete/acuerdos';
import { metodosDocumentos } from './gabinete/documentos';

export {
  LECTURA_GABINETE, ESCRITURA_GABINETE, DIRECTORIO_GABINETE,
  ESTATUS_REUNION, EstatusReunion, ESTATUS_ACUERDO, EstatusAcuerdo, ASISTENCIA, Asistencia,
  ETIQUETA_ESTATUS_REUNION, ETIQUETA_ESTATUS_ACUERDO, ETIQUETA_ASISTENCIA,
} from './gabinete/base';
export { Funcionario } from './gabinete/directorio';
export { ReunionResumen, Convocado, PuntoOrden, Tarjeta, Anexo, EventoReunion, ReunionDetalle } from './gabinete/reuniones';
export { Acuerdo, Seguimiento, FiltrosAcuerdos, Tablero } from './gabinete/acuerdos';
export type { ConteoEstatus } from './gabinete/acuerdos';

export const gabinete = {
  ...metodosDirectorio,
  ...metodosReuniones,
  ...metodosAcuerdos,
  ...metodosDocumentos,
};
