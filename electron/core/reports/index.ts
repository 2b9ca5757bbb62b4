/**
 * Kit de reportes: todos los módulos producen Excel y PDF con estas piezas, para que se vean igual.
 *
 *   const columnas: Columna<Turno>[] = [
 *     { clave: 'folio', titulo: 'Folio', ancho: 14 },
 *     { clave: 'asunto', titulo: 'Asunto', ancho: 40 },
 *     { clave: 'recibido', titulo: 'Recibido', tipo: 'instante' },
 *     { clave: 'avance', titulo: 'Avance', tipo: 'porcentaje' },   // fracción 0..1
 *     { clave: 'semaforo', titulo: 'Estatus', tipo: 'semaforo' },  // { color: 'rojo', texto: 'Vencido' }
 *   ];
 *   await escribirExcel(ruta, encabezado, [hoja({ nombre: 'Turnos', columnas, filas: consulta.iterate() })]);
 *   await escribirPdf(ruta, encabezado, async (doc) => {
 *     doc.seccion('Turnos');
 *     await doc.tabla(columnas, consulta.iterate(), { totales: { columnas: { folio: 'cuenta' } } });
 *   });
 */
export * from './formato';
export { neutralizar } from './celdasExcel';
export { escribirExcel, hoja, type HojaExcel, type OpcionesExcel, type ResultadoExcel } from './excel';
export {
  escribirPdf,
  configurarFuentes,
  MARGEN,
  COLORES,
  type DocumentoPdf,
  type OpcionesPdf,
  type OpcionesTabla,
  type OpcionesParrafo,
  type Orientacion,
  type ResultadoPdf,
  type ValorDato,
  type BloqueFirma,
} from './pdf';
export {
  escala,
  formatear,
  type ColorGrafica,
  type DatoBarra,
  type FormatoValor,
  type GraficaBarras,
  type GraficaBarrasApiladas,
  type GraficaLineas,
  type SerieApilada,
  type SerieLinea,
} from './graficas';
export { codigoQr, codigoBarras, type OpcionesQr, type OpcionesCodigoBarras } from './codigos';
