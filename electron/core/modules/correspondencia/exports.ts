/**
 * What other modules may use from Correspondencia (ESTILO §3): the importer registers historical asuntos;
 * oficios de salida take their número from the same gapless series counter, read asuntos and overdue
 * turnos, and write on an asunto's timeline.
 */
export { moldesDeSeries, reconocerFolio, registrarHistorico, agregarTurnosHistoricos, avanzarContador, numerosUsados, asuntoPorFolio } from './historico';
export type { AsuntoHistorico, TurnoHistorico, FolioReconocido } from './historico';
export { plazoPorDefecto } from './reglas';
export { tomarNumero, serie, type SerieFila } from './series';
export { formatearFolio } from './folio';
export { expresionFts } from './busqueda';
export { detalle as detalleAsunto } from './bandeja';
export { evento as eventoAsunto } from './comun';
export { turnosVencidos, type TurnoVencido } from './vencidos';
export { verificarArchivos } from './anexos';
