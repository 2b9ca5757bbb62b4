/** The tabs of Gabinete › Reunión. Every rule (locks, numbering, semáforos) comes from the core. */
// One file per tab under ./pestanas/; Reunion.tsx keeps importing them from here.
export { PestanaConvocados } from './pestanas/Convocados';
export { PestanaOrden } from './pestanas/Orden';
export { PestanaAsistencia } from './pestanas/Asistencia';
export { PestanaTarjetas } from './pestanas/Tarjetas';
export { PestanaAcuerdos } from './pestanas/Acuerdos';
export { PestanaAnexos } from './pestanas/Anexos';
export { PestanaDocumentos } from './pestanas/Documentos';
