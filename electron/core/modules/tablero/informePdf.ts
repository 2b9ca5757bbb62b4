/** The informe semanal as PDF: summary with charts, then one section per module (long tables cut; the Excel has all rows). */
import type { Informe } from '../../../contract/tablero';
import type { Contexto } from '../../contexto';
import { fechaLarga } from '../../tiempo';
import { escribirPdf, type DocumentoPdf } from '../../reports';
import { COL_CAMBIOS, COL_DEP, COL_INDICADORES, COL_METAS, COL_REUNIONES, COL_VENCIDOS, encabezado, filas, n } from './informeDocumento';
import { textoSemana } from './semanas';

const MAX_DEP_PDF = 15;
const MAX_FILAS_PDF = 15;

export async function pdf(ctx: Contexto, ruta: string, i: Informe): Promise<number> {
  const f = filas(i);
  const r = await escribirPdf(ruta, encabezado(ctx, i), async (doc: DocumentoPdf) => {
    doc.seccion('Resumen de la semana');
    doc.parrafo(
      `Comparación con la semana ${textoSemana(i.anterior).toLowerCase()}. Pendientes y vencidos se miden al ${fechaLarga(i.corte)}.`,
      { tamano: 9, cursiva: true },
    );
    await doc.tabla(COL_INDICADORES, f.indicadores);
    doc.espacio(6);
    doc.barrasApiladas({
      titulo: 'Semáforo de estatus al corte',
      series: [
        { nombre: 'Concluido / cumplido / aceptable', color: 'verde' },
        { nombre: 'En proceso / en riesgo', color: 'amarillo' },
        { nombre: 'Por iniciar / sin avance / crítico', color: 'rojo' },
      ],
      categorias: [
        { etiqueta: 'Acuerdos', valores: [i.gabinete.concluidosTotal, i.gabinete.enProceso, i.gabinete.porIniciar] },
        { etiqueta: 'Compromisos', valores: [i.compromisos.cumplido, i.compromisos.enProceso, i.compromisos.sinAvance] },
        { etiqueta: `Metas POA (trim. ${['', 'I', 'II', 'III', 'IV'][i.poa.trimestre]})`, valores: [i.poa.verde, i.poa.amarillo, i.poa.rojo] },
      ],
      alto: 110,
    });

    doc.seccion('1. Correspondencia');
    const c = i.correspondencia;
    doc.datos([
      ['Recibida', n(c.recibidos)],
      ['Turnada', n(c.turnados)],
      ['Turnada dentro de 48 horas', `${n(c.turnadosEn48h)} de ${n(c.medibles48h)} (${n(c.porcentajeEn48h, 'porcentaje')})`],
      ['Promedio de horas para turnar', n(c.promedioHorasParaTurnar, 'horas')],
      ['Turnos atendidos en la semana', n(c.turnosAtendidos)],
      ['Turnos pendientes al corte', `${n(c.pendientes)}, de ellos ${n(c.vencidos)} vencidos`],
    ]);
    doc.espacio(4);
    const puntos = i.tendencia48h;
    if (puntos.some((p) => p.porcentaje !== null)) {
      doc.lineas({
        titulo: '% turnado en 48 horas, últimas 12 semanas',
        etiquetas: puntos.map((p) => p.etiqueta),
        series: [{ nombre: '% en 48 h', valores: puntos.map((p) => (p.porcentaje === null ? null : p.porcentaje / 100)) }],
        formato: 'porcentaje',
        minimo: 0,
        maximo: 1,
        alto: 140,
      });
    } else {
      doc.parrafo('% turnado en 48 horas, últimas 12 semanas: sin asuntos recibidos en esas semanas.', { tamano: 9 });
    }
    const conVencidos = f.dependencias.filter((d) => d.vencidos > 0).slice(0, 10);
    if (conVencidos.length) {
      doc.barras({ titulo: 'Turnos vencidos por dependencia al corte (10 principales)', datos: conVencidos.map((d) => ({ etiqueta: d.siglas || d.dependencia, valor: d.vencidos, color: 'rojo' })), formato: 'entero' });
    }
    doc.seccion('Turnos por dependencia');
    await doc.tabla(COL_DEP, f.dependencias.slice(0, MAX_DEP_PDF), {
      vacio: 'Sin turnos pendientes ni movimientos en la semana.',
      totales: { etiqueta: 'Total', columnas: { turnadosSemana: 'suma', atendidosSemana: 'suma', pendientes: 'suma', vencidos: 'suma' } },
    });
    if (f.dependencias.length > MAX_DEP_PDF) {
      doc.parrafo(`Se muestran las ${MAX_DEP_PDF} dependencias con más turnos vencidos y pendientes de ${f.dependencias.length}; el total suma solo las mostradas. El Excel incluye todas.`, { tamano: 8, cursiva: true });
    }

    doc.seccion('2. Gabinete');
    doc.datos([
      ['Reuniones de la semana', n(i.gabinete.reuniones.length)],
      ['Acuerdos nuevos', n(i.gabinete.nuevos)],
      ['Acuerdos concluidos en la semana', n(i.gabinete.concluidos)],
      ['Acuerdos vencidos al corte', n(i.gabinete.vencidos)],
      ['Acuerdos abiertos al corte', `${n(i.gabinete.porIniciar)} por iniciar, ${n(i.gabinete.enProceso)} en proceso`],
    ]);
    await doc.tabla(COL_REUNIONES, i.gabinete.reuniones, { vacio: 'No hubo reuniones de gabinete en la semana.' });
    doc.espacio(4);
    doc.seccion('Acuerdos vencidos');
    await doc.tabla(COL_VENCIDOS, i.gabinete.acuerdosVencidos.slice(0, MAX_FILAS_PDF), { vacio: 'Ningún acuerdo vencido al corte.' });
    if (i.gabinete.acuerdosVencidos.length > MAX_FILAS_PDF) doc.parrafo(`Se muestran ${MAX_FILAS_PDF} de ${i.gabinete.acuerdosVencidos.length}; el Excel incluye todos.`, { tamano: 8, cursiva: true });

    doc.seccion('3. Compromisos de campaña');
    const k = i.compromisos;
    doc.datos([
      ['Compromisos', `${n(k.total)} (${n(k.noProcedente)} no procedentes)`],
      ['Cumplidos / en proceso / sin avance', `${n(k.cumplido)} / ${n(k.enProceso)} / ${n(k.sinAvance)}`],
      ['Avance promedio', n(k.avancePromedio, 'porcentaje')],
      ['Cumplidos en la semana', n(k.cumplidosSemana)],
      ['Seguimientos registrados en la semana', n(k.cambios.length)],
    ]);
    await doc.tabla(COL_CAMBIOS, k.cambios.slice(0, MAX_FILAS_PDF), { vacio: 'Sin cambios en la semana.' });
    if (k.cambios.length > MAX_FILAS_PDF) doc.parrafo(`Se muestran ${MAX_FILAS_PDF} de ${k.cambios.length}; el Excel incluye todos.`, { tamano: 8, cursiva: true });

    doc.seccion(`4. POA ${i.poa.anio}: trimestre ${['', 'I', 'II', 'III', 'IV'][i.poa.trimestre]}`);
    doc.datos([
      ['Metas vigentes', n(i.poa.metas)],
      ['Aceptables / en riesgo / críticas / sin meta', `${n(i.poa.verde)} / ${n(i.poa.amarillo)} / ${n(i.poa.rojo)} / ${n(i.poa.gris)}`],
      ['Cumplimiento acumulado (metas acumulables)', n(i.poa.cumplimiento, 'porcentaje')],
    ]);
    await doc.tabla(COL_METAS, f.metas, { vacio: 'Ninguna meta en rojo al trimestre.' });
  });
  return r.paginas;
}
