/** What other modules may use from Correspondencia (the importer registers historical asuntos). */
export { moldesDeSeries, reconocerFolio, registrarHistorico, agregarTurnosHistoricos, avanzarContador, numerosUsados, asuntoPorFolio } from './historico';
export type { AsuntoHistorico, TurnoHistorico, FolioReconocido } from './historico';
export { plazoPorDefecto } from './reglas';
export { formatearFolio } from './folio';
