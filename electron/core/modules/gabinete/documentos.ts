/**
 * Gabinete documents through the shared report kit: convocatoria (one oficio per convocado), lista de
 * asistencia, orden del día, minuta de acuerdos, carpeta estratégica, acuerdos por dependencia (PDF/Excel).
 */
import type { Acuerdo, ReunionDetalle } from '../../../contract/gabinete';
import { ETIQUETA_ASISTENCIA } from '../../../contract/gabinete';
import type { Semaforo } from '../../../contract/comun';
import type { Contexto, Handlers } from '../../contexto';
import { actorDe } from '../../contexto';
import { AppError } from '../../errors';
import { escribirExcel, escribirPdf, hoja, type Columna, type DocumentoPdf, type Encabezado, type OpcionesPdf } from '../../reports';
import { fechaCorta, fechaEnZona, fechaLarga } from '../../tiempo';
import { logoDe } from '../ajustes/service';
import { contarPor } from './reglas';
import { listarAcuerdos, reunionDetalle } from './consultas';
import { cantidad, porcentaje } from '../../../contract/cifras';

function encabezado(ctx: Contexto, titulo: string, extra: Partial<Encabezado> = {}): Encabezado {
  const a = ctx.ajustes();
  return { institucion: a.institucion, logo: logoDe(ctx)?.bytes, titulo, generado: ctx.ahora(), zona: a.zonaHoraria, ...extra };
}

async function pdf(ctx: Contexto, nombre: string, enc: Encabezado, fn: (doc: DocumentoPdf) => void | Promise<void>, opciones?: OpcionesPdf) {
  const g = ctx.generados.nuevo(`${nombre}.pdf`, ctx.sesion);
  await escribirPdf(g.ruta, enc, fn, opciones);
  return { archivoId: g.id, nombre: g.nombre };
}

/** The kit's semáforo cell: dot + word (+ why). */
const celda = (s: Semaforo) => ({ color: s.color, texto: s.motivo ? `${s.etiqueta} · ${s.motivo}` : s.etiqueta });

const lugar = (r: ReunionDetalle) => [r.sede, r.municipio ? `${r.municipio}, Sonora` : ''].filter(Boolean).join(', ');

function datosReunion(doc: DocumentoPdf, r: ReunionDetalle) {
  doc.datos([
    ['Reunión', r.nombre],
    ['Fecha', `${fechaLarga(r.fecha)}, ${r.hora} horas`],
    ['Lugar', lugar(r) || 'Por definir'],
  ]);
}

async function tablaOrden(doc: DocumentoPdf, r: ReunionDetalle) {
  await doc.tabla(
    [
      { clave: 'posicion', titulo: 'No.', tipo: 'entero', ancho: 1 },
      { clave: 'titulo', titulo: 'Punto', ancho: 8 },
      { clave: 'presentador', titulo: 'Presenta', ancho: 4 },
    ],
    r.orden,
    { vacio: 'Sin puntos registrados en el orden del día.' },
  );
}

interface FilaAcuerdoDoc {
  codigo: string;
  reunion: string;
  descripcion: string;
  responsable: string;
  corresponsables: string;
  fechaCompromiso: string | null;
  avance: number;
  estatus: { color: Semaforo['color']; texto: string };
  plazo: { color: Semaforo['color']; texto: string };
  ultimoSeguimiento: string | null;
}

function filaAcuerdo(a: Acuerdo): FilaAcuerdoDoc {
  return {
    codigo: a.codigo,
    reunion: a.reunion,
    descripcion: a.descripcion,
    responsable: a.siglas || a.dependencia,
    corresponsables: a.corresponsables.map((c) => c.siglas || c.nombre).join(', '),
    fechaCompromiso: a.fechaCompromiso,
    avance: a.avance / 100,
    estatus: celda(a.semaforoEstatus),
    plazo: celda(a.semaforoPlazo),
    ultimoSeguimiento: a.ultimoSeguimiento,
  };
}

const COLUMNAS_MINUTA: Columna<FilaAcuerdoDoc>[] = [
  { clave: 'codigo', titulo: 'Código', ancho: 2 },
  { clave: 'descripcion', titulo: 'Acuerdo', ancho: 8 },
  { clave: 'responsable', titulo: 'Responsable', ancho: 2.5 },
  { clave: 'corresponsables', titulo: 'Corresponsables', ancho: 2.5 },
  { clave: 'fechaCompromiso', titulo: 'Fecha compromiso', tipo: 'fecha', ancho: 2 },
];

const COLUMNAS_SEGUIMIENTO: Columna<FilaAcuerdoDoc>[] = [
  { clave: 'codigo', titulo: 'Código', ancho: 2 },
  { clave: 'descripcion', titulo: 'Acuerdo', ancho: 7 },
  { clave: 'responsable', titulo: 'Responsable', ancho: 2 },
  { clave: 'fechaCompromiso', titulo: 'Compromiso', tipo: 'fecha', ancho: 1.8 },
  { clave: 'avance', titulo: 'Avance', tipo: 'porcentaje', ancho: 1.3 },
  { clave: 'estatus', titulo: 'Estatus', tipo: 'semaforo', ancho: 2.4 },
  { clave: 'plazo', titulo: 'Plazo', tipo: 'semaforo', ancho: 3.2 },
];

/** Who issued the minuta (closed the meeting); null while it is open. */
function quienCerro(ctx: Contexto, reunionId: string): string | null {
  const f = ctx.sqlite.prepare('select u.nombre from gab_reuniones r join usuarios u on u.id = r.cerrada_por where r.id = ?').get(reunionId) as { nombre: string } | undefined;
  return f?.nombre ?? null;
}

function archivoDe(r: ReunionDetalle, documento: string): string {
  return `${documento} - ${r.nombre} (${fechaCorta(r.fecha).replaceAll('/', '-')})`;
}

/** Open acuerdos of earlier meetings of the same tipo: what the carpeta estratégica carries forward. */
export function acuerdosPrevios(ctx: Contexto, r: ReunionDetalle): Acuerdo[] {
  const previas = new Set(
    (ctx.sqlite
      // Earlier: by date and time; same date and time, the one registered first (UUIDv7 ids sort by creation).
      .prepare(
        `select id from gab_reuniones where tipo_id = ? and id <> ? and estatus <> 'cancelada'
           and (fecha < ? or (fecha = ? and (hora < ? or (hora = ? and id < ?))))`,
      )
      .all(r.tipoId, r.id, r.fecha, r.fecha, r.hora, r.hora, r.id) as { id: string }[]).map((x) => x.id),
  );
  return listarAcuerdos(ctx, { tipoId: r.tipoId, estatus: ['por_iniciar', 'en_proceso'] })
    .filter((a) => previas.has(a.reunionId))
    .sort((a, b) => a.reunionFecha.localeCompare(b.reunionFecha) || a.numero - b.numero);
}

export const documentosHandlers = {
  'gabinete.documentos.convocatoria': async (ctx, input) => {
    const r = reunionDetalle(ctx, input.reunionId);
    if (r.convocadosLista.length === 0) {
      throw new AppError('VALIDACION', `La «${r.nombre}» no tiene convocados: agréguelos en la pestaña Convocados antes de imprimir la convocatoria.`);
    }
    const firma = actorDe(ctx).nombre;
    const hoy = fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
    return pdf(ctx, archivoDe(r, 'Convocatoria'), encabezado(ctx, 'Convocatoria', { referencia: r.nombre }), (doc) => {
      r.convocadosLista.forEach((c, i) => {
        if (i > 0) doc.nuevaPagina();
        doc.parrafo(`Hermosillo, Sonora, a ${fechaLarga(hoy)}`, { alineacion: 'derecha' });
        doc.parrafo(`Asunto: Convocatoria a la ${r.nombre}`, { alineacion: 'derecha' });
        doc.espacio(12);
        doc.parrafo(c.nombre);
        if (c.cargo) doc.parrafo(c.cargo);
        doc.parrafo(c.dependencia);
        doc.parrafo('P r e s e n t e');
        doc.espacio(12);
        doc.parrafo(
          `Por instrucciones del Titular del Poder Ejecutivo del Estado, me permito convocarle a la ${r.nombre}, que se celebrará el ${fechaLarga(r.fecha)} a las ${r.hora} horas` +
            (lugar(r) ? ` en ${lugar(r)}` : '') +
            (r.orden.length ? ', conforme al siguiente orden del día:' : '.'),
          { alineacion: 'justificado' },
        );
        doc.espacio(6);
        for (const p of r.orden) doc.parrafo(`${p.posicion}. ${p.titulo}${p.presentador ? ` (presenta: ${p.presentador})` : ''}`);
        doc.espacio(8);
        doc.parrafo('Agradeceré confirmar su asistencia. Sin otro particular, le envío un cordial saludo.', { alineacion: 'justificado' });
        doc.espacio(24);
        doc.parrafo('A t e n t a m e n t e', { alineacion: 'centro' });
        doc.espacio(36);
        doc.parrafo(firma, { alineacion: 'centro' });
        doc.parrafo('Coordinación Ejecutiva de Seguimiento de Gabinete', { alineacion: 'centro' });
      });
    });
  },

  'gabinete.documentos.listaAsistencia': async (ctx, input) => {
    const r = reunionDetalle(ctx, input.reunionId);
    const filas = r.convocadosLista.map((c, i) => ({
      n: i + 1,
      nombre: c.asistencia === 'representante' ? `${c.representante} (en representación de ${c.nombre})` : c.nombre,
      cargo: c.cargo,
      dependencia: c.dependencia,
      asistencia: c.asistencia === 'sin_registro' ? '' : ETIQUETA_ASISTENCIA[c.asistencia],
      // Room to sign, then the line to sign on.
      firma: `\u00a0\n\u00a0\n${'_'.repeat(46)}`,
    }));
    return pdf(
      ctx,
      archivoDe(r, 'Lista de asistencia'),
      encabezado(ctx, 'Lista de asistencia', { referencia: r.nombre, periodo: `${fechaLarga(r.fecha)}, ${r.hora} horas` }),
      async (doc) => {
        datosReunion(doc, r);
        doc.espacio(6);
        await doc.tabla(
          [
            { clave: 'n', titulo: 'No.', tipo: 'entero', ancho: 0.7 },
            { clave: 'nombre', titulo: 'Nombre', ancho: 4.3 },
            { clave: 'cargo', titulo: 'Cargo', ancho: 3 },
            { clave: 'dependencia', titulo: 'Dependencia', ancho: 3.4 },
            { clave: 'asistencia', titulo: 'Asistencia', ancho: 1.9 },
            { clave: 'firma', titulo: 'Firma', ancho: 7.2, alineacion: 'centro' },
          ],
          filas,
          { vacio: 'Sin convocados.', tamano: 9 },
        );
      },
      { orientacion: 'horizontal' },
    );
  },

  'gabinete.documentos.ordenDia': async (ctx, input) => {
    const r = reunionDetalle(ctx, input.reunionId);
    return pdf(ctx, archivoDe(r, 'Orden del día'), encabezado(ctx, 'Orden del día', { referencia: r.nombre }), async (doc) => {
      datosReunion(doc, r);
      doc.seccion('Orden del día');
      await tablaOrden(doc, r);
    });
  },

  'gabinete.documentos.minuta': async (ctx, input) => {
    const r = reunionDetalle(ctx, input.reunionId);
    const emitida = r.estatus === 'cerrada';
    return pdf(
      ctx,
      archivoDe(r, emitida ? 'Minuta' : 'Minuta (borrador)'),
      encabezado(ctx, emitida ? 'Minuta de acuerdos' : 'Minuta de acuerdos — BORRADOR', { referencia: r.nombre }),
      async (doc) => {
        if (!emitida) doc.parrafo('Borrador: la minuta no se ha emitido; la reunión sigue abierta y sus acuerdos pueden cambiar.', { cursiva: true, color: '#8a1538' });
        datosReunion(doc, r);
        doc.seccion('Asistencia');
        await doc.tabla(
          [
            { clave: 'nombre', titulo: 'Nombre', ancho: 4 },
            { clave: 'cargo', titulo: 'Cargo', ancho: 4 },
            { clave: 'dependencia', titulo: 'Dependencia', ancho: 4 },
            { clave: 'asistencia', titulo: 'Asistencia', ancho: 3 },
          ],
          r.convocadosLista.map((c) => ({
            nombre: c.nombre,
            cargo: c.cargo,
            dependencia: c.siglas || c.dependencia,
            asistencia: c.asistencia === 'representante' ? `Representante: ${c.representante}` : ETIQUETA_ASISTENCIA[c.asistencia],
          })),
          { vacio: 'Sin convocados registrados.' },
        );
        doc.seccion('Orden del día');
        await tablaOrden(doc, r);
        doc.seccion(`Acuerdos (${r.acuerdosLista.length.toLocaleString('es-MX')})`);
        await doc.tabla(COLUMNAS_MINUTA, r.acuerdosLista.map(filaAcuerdo), { vacio: 'No se tomaron acuerdos.' });
        doc.espacio(18);
        doc.firmas(
          [
            { leyenda: 'Elaboró', nombre: quienCerro(ctx, r.id) ?? actorDe(ctx).nombre, cargo: 'Coordinación Ejecutiva de Seguimiento de Gabinete' },
            { leyenda: 'Revisó', nombre: '', cargo: 'Titular de la Coordinación Ejecutiva de Seguimiento de Gabinete' },
            { leyenda: 'Vo. Bo.', nombre: '', cargo: 'Jefatura de la Oficina del Ejecutivo Estatal' },
          ],
          { titulo: 'Firmas' },
        );
      },
      { orientacion: 'horizontal' },
    );
  },

  'gabinete.documentos.carpeta': async (ctx, input) => {
    const r = reunionDetalle(ctx, input.reunionId);
    const previos = acuerdosPrevios(ctx, r);
    return pdf(
      ctx,
      archivoDe(r, 'Carpeta estratégica'),
      encabezado(ctx, 'Carpeta estratégica', { referencia: r.nombre }),
      async (doc) => {
        // Cover.
        doc.espacio(120);
        doc.parrafo('Carpeta estratégica', { alineacion: 'centro', tamano: 26, color: '#8a1538' });
        doc.espacio(12);
        doc.parrafo(r.nombre, { alineacion: 'centro', tamano: 18 });
        doc.espacio(8);
        doc.parrafo(`${fechaLarga(r.fecha)}, ${r.hora} horas`, { alineacion: 'centro', tamano: 13 });
        if (lugar(r)) doc.parrafo(lugar(r), { alineacion: 'centro', tamano: 13 });
        doc.espacio(40);
        doc.parrafo(
          `Contenido: orden del día · seguimiento de ${cantidad(previos.length, 'acuerdo abierto')} de reuniones anteriores de ${r.tipoNombre} · ${cantidad(r.tarjetas.length, 'tarjeta informativa')}`,
          { alineacion: 'centro', color: '#555555' },
        );
        doc.nuevaPagina();
        datosReunion(doc, r);
        doc.seccion('Orden del día');
        await tablaOrden(doc, r);
        doc.seccion('Seguimiento de acuerdos de reuniones anteriores');
        if (previos.length) {
          const porColor = { verde: 0, amarillo: 0, rojo: 0, gris: 0 };
          for (const a of previos) porColor[a.semaforoPlazo.color]++;
          doc.parrafo(
            `${cantidad(previos.length, 'acuerdo abierto')}: ${cantidad(porColor.rojo, 'vencido')}, ${porColor.amarillo} en riesgo, ${porColor.verde} a tiempo, ${porColor.gris} sin plazo.`,
          );
        }
        await doc.tabla(
          [{ clave: 'reunion', titulo: 'Reunión', ancho: 3 } as Columna<FilaAcuerdoDoc>, ...COLUMNAS_SEGUIMIENTO],
          previos.map(filaAcuerdo),
          { vacio: `No hay acuerdos abiertos de reuniones anteriores de ${r.tipoNombre}.`, tamano: 8 },
        );
        doc.seccion('Tarjetas informativas');
        if (r.tarjetas.length === 0) doc.parrafo('Sin tarjetas informativas.', { cursiva: true });
        for (const t of r.tarjetas) {
          doc.parrafo(t.dependencia ? `${t.titulo} — ${t.dependencia}` : t.titulo, { tamano: 11, color: '#8a1538' });
          doc.parrafo(t.contenido, { alineacion: 'justificado' });
          doc.espacio(8);
        }
      },
      { orientacion: 'horizontal' },
    );
  },

  'gabinete.documentos.acuerdosPorDependencia': async (ctx, input) => {
    const acuerdos = listarAcuerdos(ctx, input.filtros);
    const hoy = fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
    const periodo =
      input.filtros.desde || input.filtros.hasta
        ? `Reuniones ${input.filtros.desde ? `del ${fechaCorta(input.filtros.desde)}` : ''} ${input.filtros.hasta ? `al ${fechaCorta(input.filtros.hasta)}` : ''}`.replace(/\s+/g, ' ').trim()
        : `Corte al ${fechaLarga(hoy)}`;
    const deLaReunion = input.filtros.reunionId ? reunionDetalle(ctx, input.filtros.reunionId) : null;
    const enc = encabezado(ctx, 'Acuerdos por dependencia', deLaReunion ? { referencia: deLaReunion.nombre, periodo: fechaLarga(deLaReunion.fecha) } : { periodo });
    const grupos = new Map<string, { nombre: string; filas: Acuerdo[] }>();
    for (const a of [...acuerdos].sort((x, y) => x.dependencia.localeCompare(y.dependencia, 'es'))) {
      const g = grupos.get(a.dependenciaId) ?? { nombre: a.dependencia, filas: [] };
      g.filas.push(a);
      grupos.set(a.dependenciaId, g);
    }
    const resumen = contarPor(acuerdos.map((a) => ({ ...a, vencido: a.semaforoPlazo.clave === 'vencido' })), (a) => a.dependenciaId, (a) => a.dependencia).map((c) => ({
      ...c,
      pctConcluido: c.total ? c.pctConcluido / 100 : null,
      pctEnProceso: c.total ? c.pctEnProceso / 100 : null,
      pctPorIniciar: c.total ? c.pctPorIniciar / 100 : null,
    }));
    const columnasResumen: Columna<(typeof resumen)[number]>[] = [
      { clave: 'nombre', titulo: 'Dependencia', ancho: 36 },
      { clave: 'total', titulo: 'Acuerdos', tipo: 'entero', ancho: 10 },
      { clave: 'concluido', titulo: 'Concluidos', tipo: 'entero', ancho: 11 },
      { clave: 'pctConcluido', titulo: '% concluidos', tipo: 'porcentaje', ancho: 11 },
      { clave: 'en_proceso', titulo: 'En proceso', tipo: 'entero', ancho: 11 },
      { clave: 'pctEnProceso', titulo: '% en proceso', tipo: 'porcentaje', ancho: 11 },
      { clave: 'por_iniciar', titulo: 'Por iniciar', tipo: 'entero', ancho: 11 },
      { clave: 'pctPorIniciar', titulo: '% por iniciar', tipo: 'porcentaje', ancho: 11 },
      { clave: 'vencidos', titulo: 'Vencidos', tipo: 'entero', ancho: 10 },
      { clave: 'cancelado', titulo: 'Cancelados', tipo: 'entero', ancho: 11 },
    ];
    // Percentages of the TOTAL row come from the summed counts (the one rule), never from adding percentages.
    const pctTotal = (clave: 'concluido' | 'en_proceso' | 'por_iniciar') => (s: Record<string, number>) => {
      const p = porcentaje(s[clave], s.total);
      return p === null ? null : p / 100;
    };
    const totales = {
      etiqueta: 'TOTAL',
      columnas: {
        total: 'suma', concluido: 'suma', en_proceso: 'suma', por_iniciar: 'suma', vencidos: 'suma', cancelado: 'suma',
        pctConcluido: pctTotal('concluido'), pctEnProceso: pctTotal('en_proceso'), pctPorIniciar: pctTotal('por_iniciar'),
      },
    } as const;
    if (input.formato === 'xlsx') {
      const g = ctx.generados.nuevo(`Acuerdos por dependencia ${hoy}.xlsx`, ctx.sesion);
      const filas = acuerdos.map((a) => ({ ...filaAcuerdo(a), dependencia: a.dependencia, gabinete: a.tipoNombre, reunionFecha: a.reunionFecha }));
      await escribirExcel(g.ruta, enc, [
        hoja({ nombre: 'Resumen', columnas: columnasResumen, filas: resumen, totales }),
        hoja({
          nombre: 'Acuerdos',
          columnas: [
            { clave: 'dependencia', titulo: 'Dependencia responsable', ancho: 32 },
            { clave: 'codigo', titulo: 'Código', ancho: 16 },
            { clave: 'gabinete', titulo: 'Gabinete', ancho: 22 },
            { clave: 'reunion', titulo: 'Reunión', ancho: 36 },
            { clave: 'reunionFecha', titulo: 'Fecha de la reunión', tipo: 'fecha', ancho: 12 },
            { clave: 'descripcion', titulo: 'Acuerdo', ancho: 60 },
            { clave: 'corresponsables', titulo: 'Corresponsables', ancho: 24 },
            { clave: 'fechaCompromiso', titulo: 'Fecha compromiso', tipo: 'fecha', ancho: 12 },
            { clave: 'avance', titulo: 'Avance', tipo: 'porcentaje', ancho: 9 },
            { clave: 'estatus', titulo: 'Estatus', tipo: 'semaforo', ancho: 18 },
            { clave: 'plazo', titulo: 'Plazo', tipo: 'semaforo', ancho: 30 },
            { clave: 'ultimoSeguimiento', titulo: 'Último seguimiento', tipo: 'fecha', ancho: 12 },
          ],
          filas,
        }),
      ]);
      return { archivoId: g.id, nombre: g.nombre };
    }
    return pdf(
      ctx,
      `Acuerdos por dependencia ${hoy}`,
      enc,
      async (doc) => {
        doc.seccion('Resumen');
        await doc.tabla(columnasResumen, resumen, { totales, vacio: 'No hay acuerdos con esos filtros.' });
        for (const [, g] of grupos) {
          doc.seccion(`${g.nombre} (${g.filas.length.toLocaleString('es-MX')})`);
          await doc.tabla([{ clave: 'reunion', titulo: 'Reunión', ancho: 3 } as Columna<FilaAcuerdoDoc>, ...COLUMNAS_SEGUIMIENTO], g.filas.map(filaAcuerdo), { tamano: 8 });
        }
      },
      { orientacion: 'horizontal' },
    );
  },
} satisfies Partial<Handlers>;
