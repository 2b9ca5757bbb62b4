/**
 * What other modules may use from Correspondencia (ESTILO §3): oficios de salida take their número from the
 * same gapless series counter, read asuntos and overdue turnos, and write on an asunto's timeline.
 */
export { tomarNumero, serie, type SerieFila } from './series';
export { formatearFolio } from './folio';
export { expresionFts } from './busqueda';
export { detalle as detalleAsunto } from './bandeja';
export { evento as eventoAsunto } from './comun';
export { turnosVencidos, type TurnoVencido } from './vencidos';
export { verificarArchivos } from './anexos';
