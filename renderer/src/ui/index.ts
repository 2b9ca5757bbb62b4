export { claveOrden, DataTable, textoCelda } from './DataTable';
export type {
  ColumnaTabla,
  DataTableProps,
  EstadoExportacion,
  EstadoTabla,
  EstadoVacio,
  OpcionFiltro,
  OrdenColumna,
  TipoColumna,
  ValorCelda,
} from './DataTable';
export { Semaforo } from './Semaforo';
export type { SemaforoProps } from './Semaforo';
export { BarraSemaforo } from './BarraSemaforo';
export type { BarraSemaforoProps } from './BarraSemaforo';
export {
  COLOR_SEMAFORO,
  COLORES_SEMAFORO,
  FONDO_SEMAFORO,
  NOMBRE_COLOR_SEMAFORO,
  TINTA_SEMAFORO,
} from './semaforoColores';
export type { ColorSemaforo } from './semaforoColores';
export {
  BotonGuardar,
  CampoAreaTexto,
  CampoFecha,
  CampoNumero,
  CampoSeleccion,
  CampoTexto,
  erroresDeCampos,
  explicarFechaInvalida,
  fechaOpcional,
  fechaRequerida,
  filtroSinAcentos,
  Formulario,
  interpretarFecha,
  manejarTeclasFormulario,
  manejarTeclasFormularioCaptura,
  siguienteCampo,
  tecladoFormulario,
  useEnvioUnico,
  useFormulario,
  useFormularioTeclado,
} from './campos';
export { AvisosBorrador, borrarBorrador, cerrarPreguntando, escribirBorrador, fijarDuenoBorradores, GuardiaSalida, leerBorrador, OfertaBorrador, PanelEdicion, preguntarSalir, useAvisarPanel, useBorrador, useBorradorDe, useBorradorEstado, type ControlBorrador } from './borrador';
export type {
  CampoAreaTextoProps,
  CampoFechaProps,
  CampoNumeroProps,
  CampoSeleccionProps,
  CampoTextoProps,
  FormularioProps,
  OpcionesFormulario,
} from './campos';
export { coincide, normalizar } from './normalizar';
export { confirmar, DialogoEdicion, pedirMotivo } from './dialogos';
export type { DialogoEdicionProps, OpcionesConfirmar, OpcionesMotivo } from './dialogos';
export { avisarError, avisarExito, esErrorDeApp, mensajeDeError, MENSAJE_INESPERADO } from './avisos';
export type { ErrorDeApp } from './avisos';
export { ChipFiltro } from './ChipFiltro';
export type { ChipFiltroProps } from './ChipFiltro';
export { FiltroMultiple } from './FiltroMultiple';
export type { FiltroMultipleProps } from './FiltroMultiple';
export { Progreso } from './Progreso';
export type { ProgresoProps } from './Progreso';
export { escribirEstado, leerEstado, useEstadoTablaEnUrl } from './estadoUrl';
export { fecha, fechaDeInstante, fechaHora, fechaLarga, hora, numero, plural, porcentaje, ZONA_OFICINA } from './formato';
export { tema, COLOR_GUINDA } from './tema';
export { aBase64, tamano } from './archivos';
