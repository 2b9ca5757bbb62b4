/** What other modules may use from Oficios: when each dependencia was last reminded (the tablero shows it). */
export { ultimosRecordatorios } from './recordatorios';
