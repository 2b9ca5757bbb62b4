/** Correspondencia reports with the shared kit: acuse, volante, Reporte de Estatus por Dependencia, listados. */
import type { Asunto, FiltrosAsuntos } from '../../../contract/correspondencia';
import { ETIQUETAS, COLUMNAS_PREDETERMINADAS, type ColumnaListado } from '../../../contract/correspondencia';
import type { Semaforo } from '../../../contract/comun';
import type { Contexto, Handlers } from '../../contexto';
import { actorDe } from '../../contexto';
import { codigoBarras, codigoQr, escribirExcel, escribirPdf, hoja, type Columna, type Encabezado } from '../../reports';
import { fechaCorta, fechaEnZona, fechaLarga } from '../../tiempo';
import { logoDe } from '../ajustes/service';
import { reporteEstatus } from './estatus';
import { recorrer, contar, hoyDe } from './datos';
import { semaforosTurno } from './reglas';
import { detalle } from './bandeja';

function encabezado(ctx: Contexto, titulo: string, extra: Partial<Encabezado> = {}): Encabezado {
  const a = ctx.ajustes();
  return { institucion: a.institucion, logo: logoDe(ctx)?.bytes, titulo, generado: ctx.ahora(), zona: a.zonaHoraria, ...extra };
}

const sem = (s: Semaforo) => ({ color: s.color, texto: s.motivo ? `${s.etiqueta} — ${s.motivo}` : s.etiqueta });

function fechaHora(ctx: Contexto, instante: number): string {
  const tz = ctx.ajustes().zonaHoraria;
  const h = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instante));
  return `${fechaLarga(fechaEnZona(instante, tz))}, ${h} h`;
}

function remitenteCompleto(a: Asunto): string {
  return [a.remitenteNombre, a.remitenteCargo, a.remitenteOrganizacion].filter(Boolean).join(', ');
}

/** QR always; Code 128 too when the folio is printable ASCII (templates are free text). */
async function codigos(doc: Parameters<Parameters<typeof escribirPdf>[2]>[0], folio: string) {
  const qr = await codigoQr(folio, { escala: 3 });
  let barras: Buffer | null = null;
  try {
    barras = await codigoBarras(folio, { escala: 2, alto: 10 });
  } catch {
    barras = null;
  }
  const caja = doc.reservar(90);
  doc.pdfkit.image(qr, caja.x, caja.y, { width: 80 });
  if (barras) doc.pdfkit.image(barras, caja.x + 110, caja.y + 10, { height: 55 });
}

async function pdfAsunto(ctx: Contexto, id: string, tipo: 'acuse' | 'volante') {
  const a = detalle(ctx, id);
  const titulo = tipo === 'acuse' ? 'Acuse de recibo' : 'Volante de turno';
  const g = ctx.generados.nuevo(`${titulo} ${a.folio}.pdf`, ctx.sesion);
  const actor = actorDe(ctx);
  await escribirPdf(g.ruta, encabezado(ctx, titulo, { referencia: `Folio ${a.folio}` }), async (doc) => {
    doc.seccion(`Folio ${a.folio}`);
    const pares: [string, string | null][] = [
      ['Folio', a.folio],
      ['Recepción', fechaHora(ctx, a.recibido)],
      ['Medio', ETIQUETAS.medio[a.medio]],
      ['Destinatario', ETIQUETAS.destinatario[a.destinatario]],
      ['Remitente', remitenteCompleto(a)],
      ['Documento', [ETIQUETAS.tipo[a.tipo], a.oficioNumero && `núm. ${a.oficioNumero}`, a.oficioFecha && `del ${fechaLarga(a.oficioFecha)}`].filter(Boolean).join(' ')],
      ['Asunto', a.asunto],
    ];
    if (tipo === 'volante') {
      pares.push(['Prioridad', ETIQUETAS.prioridad[a.prioridad]]);
      if (a.municipio) pares.push(['Municipio', a.municipio]);
      if (a.observaciones) pares.push(['Observaciones', a.observaciones]);
    }
    pares.push(['Anexos', a.anexos.length ? a.anexos.map((x) => x.nombre).join(', ') : 'Sin anexos']);
    if (a.anulado) pares.push(['Estatus', `ANULADO — ${a.motivoAnulacion ?? ''}`]);
    doc.datos(pares);
    doc.espacio(8);
    if (tipo === 'acuse') {
      doc.parrafo(
        `Se hace constar que en esta fecha la ${ctx.ajustes().institucion} recibió el documento descrito. Para cualquier consulta sobre su seguimiento, cite el folio ${a.folio}.`,
        { alineacion: 'justificado' },
      );
      doc.espacio(10);
      doc.firmas([{ leyenda: 'Recibió', nombre: actor.nombre, cargo: ctx.ajustes().institucion }], { sello: true });
    } else {
      doc.seccion('Turnado a');
      const filas = a.turnos.map((t) => ({
        dependencia: t.dependencia,
        instruccion: t.instruccion,
        fechaTurno: t.fechaTurno,
        fechaLimite: t.fechaLimite ?? '',
        estatus: sem(t.semaforoEstatus),
      }));
      await doc.tabla(
        [
          { clave: 'dependencia', titulo: 'Dependencia', ancho: 4 },
          { clave: 'instruccion', titulo: 'Instrucción', ancho: 3 },
          { clave: 'fechaTurno', titulo: 'Fecha de turno', tipo: 'fecha', ancho: 1.6 },
          { clave: 'fechaLimite', titulo: 'Fecha límite', tipo: 'fecha', ancho: 1.6 },
          { clave: 'estatus', titulo: 'Estatus', tipo: 'semaforo', ancho: 2 },
        ],
        filas,
        { vacio: 'Aún no se ha turnado.' },
      );
      doc.espacio(10);
      doc.datos([['Turnó', actor.nombre]]);
    }
    doc.espacio(10);
    await codigos(doc, a.folio);
  });
  return { archivoId: g.id, nombre: g.nombre };
}

interface FilaEstatus {
  dependencia: string;
  turnos: number;
  atendidos: number;
  enProceso: number;
  noAtendidos: number;
  vencidos: number;
  prorrogados: number;
  informativos: number;
  devueltos: number;
  porcentaje: number | null;
  semaforo: { color: Semaforo['color']; texto: string };
}

const COLUMNAS_ESTATUS: Columna<FilaEstatus>[] = [
  { clave: 'dependencia', titulo: 'Dependencia', ancho: 40 },
  { clave: 'turnos', titulo: 'Turnos', tipo: 'entero', ancho: 9 },
  { clave: 'atendidos', titulo: 'Atendidos', tipo: 'entero', ancho: 10 },
  { clave: 'enProceso', titulo: 'En proceso', tipo: 'entero', ancho: 10 },
  { clave: 'noAtendidos', titulo: 'No atendidos', tipo: 'entero', ancho: 11 },
  { clave: 'vencidos', titulo: 'Vencidos', tipo: 'entero', ancho: 9 },
  { clave: 'prorrogados', titulo: 'Con prórroga', tipo: 'entero', ancho: 11 },
  { clave: 'informativos', titulo: 'Para conocimiento', tipo: 'entero', ancho: 12 },
  { clave: 'devueltos', titulo: 'Devueltos', tipo: 'entero', ancho: 10 },
  { clave: 'porcentaje', titulo: '% atendido', tipo: 'porcentaje', decimales: 1, ancho: 10 },
  { clave: 'semaforo', titulo: 'Semáforo', tipo: 'semaforo', ancho: 16 },
];

async function estatusArchivo(ctx: Contexto, desde: string, hasta: string, formato: 'xlsx' | 'pdf') {
  const r = reporteEstatus(ctx, desde, hasta);
  const periodo = `Del ${fechaLarga(desde)} al ${fechaLarga(hasta)}`;
  const titulo = 'Reporte de Estatus por Dependencia';
  const filas: FilaEstatus[] = r.filas.map((f) => ({
    dependencia: f.siglas && f.siglas !== f.dependencia ? `${f.dependencia} (${f.siglas})` : f.dependencia,
    turnos: f.turnos,
    atendidos: f.atendidos,
    enProceso: f.enProceso,
    noAtendidos: f.noAtendidos,
    vencidos: f.vencidos,
    prorrogados: f.prorrogados,
    informativos: f.informativos,
    devueltos: f.devueltos,
    porcentaje: f.porcentajeAtendido === null ? null : f.porcentajeAtendido / 100,
    semaforo: { color: f.semaforo.color, texto: f.semaforo.etiqueta },
  }));
  const totales = {
    etiqueta: 'Total',
    columnas: {
      turnos: 'suma',
      atendidos: 'suma',
      enProceso: 'suma',
      noAtendidos: 'suma',
      vencidos: 'suma',
      prorrogados: 'suma',
      informativos: 'suma',
      devueltos: 'suma',
      porcentaje: (s: Record<string, number>) => (s.turnos > 0 ? s.atendidos / s.turnos : null),
    },
  } as const;
  const indicadores: [string, string][] = [
    ['Asuntos recibidos en el periodo', r.asuntos.toLocaleString('es-MX')],
    ['Turnados dentro de 48 horas', `${r.turnadosEn48h.toLocaleString('es-MX')} de ${r.medibles48h.toLocaleString('es-MX')}`],
    ['% turnado en 48 h', r.porcentajeEn48h === null ? 'Sin datos' : `${r.porcentajeEn48h.toLocaleString('es-MX')} %`],
    ['Promedio de horas para turnar', r.promedioHorasParaTurnar === null ? 'Sin datos' : `${r.promedioHorasParaTurnar.toLocaleString('es-MX')} h`],
    ['% atendido (total)', r.totales.porcentajeAtendido === null ? 'Sin turnos' : `${r.totales.porcentajeAtendido.toLocaleString('es-MX')} %`],
  ];
  const enc = encabezado(ctx, titulo, { periodo });
  const g = ctx.generados.nuevo(`Estatus por dependencia ${desde} a ${hasta}.${formato}`, ctx.sesion);
  if (formato === 'pdf') {
    await escribirPdf(
      g.ruta,
      enc,
      async (doc) => {
        doc.seccion('Meta de servicio: turnar en 48 horas');
        doc.datos(indicadores);
        doc.espacio(6);
        doc.seccion('Turnos por dependencia');
        await doc.tabla(COLUMNAS_ESTATUS, filas, { totales, vacio: 'No hubo turnos en el periodo.' });
        doc.espacio(4);
        doc.parrafo(
          'Los turnos «para conocimiento» no requieren atención y no cuentan en el semáforo. Vencido: no atendido y con fecha límite anterior a hoy. El semáforo usa las bandas de Ajustes sobre el % atendido.',
          { tamano: 8, cursiva: true },
        );
      },
      { orientacion: 'horizontal' },
    );
  } else {
    await escribirExcel(g.ruta, enc, [
      hoja({ nombre: 'Estatus por dependencia', columnas: COLUMNAS_ESTATUS, filas, totales }),
      hoja({
        nombre: 'Meta de 48 horas',
        columnas: [
          { clave: 'indicador', titulo: 'Indicador', ancho: 40 },
          { clave: 'valor', titulo: 'Valor', ancho: 24 },
        ],
        filas: indicadores.map(([indicador, valor]) => ({ indicador, valor })),
      }),
    ]);
  }
  return { archivoId: g.id, nombre: g.nombre };
}

interface FilaListado {
  folio: string;
  recepcion: number;
  remitente: string;
  asunto: string;
  estatus: { color: Semaforo['color']; texto: string };
  turnadoA: string;
  semaforo: { color: Semaforo['color']; texto: string };
  plazo: string | null;
  tipo: string;
  prioridad: string;
  destinatario: string;
  horas: number | null;
  oficio: string;
}

/** The bandeja's columns, by the same ids: the listado has exactly the columns on screen. */
const COLUMNAS_LISTADO: Record<ColumnaListado, Columna<FilaListado>> = {
  folio: { clave: 'folio', titulo: 'Folio', ancho: 16 },
  recepcion: { clave: 'recepcion', titulo: 'Recepción', tipo: 'instante', ancho: 17 },
  remitente: { clave: 'remitente', titulo: 'Remitente', ancho: 40 },
  asunto: { clave: 'asunto', titulo: 'Asunto', ancho: 60 },
  estatus: { clave: 'estatus', titulo: 'Estatus', tipo: 'semaforo', ancho: 14 },
  turnadoA: { clave: 'turnadoA', titulo: 'Turnado a', ancho: 22 },
  semaforo: { clave: 'semaforo', titulo: 'Semáforo', tipo: 'semaforo', ancho: 28 },
  plazo: { clave: 'plazo', titulo: 'Plazo', tipo: 'fecha', ancho: 12 },
  tipo: { clave: 'tipo', titulo: 'Tipo', ancho: 16 },
  prioridad: { clave: 'prioridad', titulo: 'Prioridad', ancho: 10 },
  destinatario: { clave: 'destinatario', titulo: 'Destinatario', ancho: 20 },
  horas: { clave: 'horas', titulo: 'Horas para turnar', tipo: 'numero', decimales: 1, ancho: 10 },
  oficio: { clave: 'oficio', titulo: 'Núm. de oficio', ancho: 16 },
};

interface FilaTurno {
  folio: string;
  recibido: number;
  asunto: string;
  dependencia: string;
  instruccion: string;
  fechaTurno: string;
  plazoOriginal: string | null;
  fechaLimite: string | null;
  prorrogas: number;
  estatus: { color: Semaforo['color']; texto: string };
  plazo: { color: Semaforo['color']; texto: string };
  atendido: number | null;
}

const COLUMNAS_TURNOS: Columna<FilaTurno>[] = [
  { clave: 'folio', titulo: 'Folio', ancho: 16 },
  { clave: 'recibido', titulo: 'Recepción', tipo: 'instante', ancho: 17 },
  { clave: 'asunto', titulo: 'Asunto', ancho: 50 },
  { clave: 'dependencia', titulo: 'Dependencia', ancho: 34 },
  { clave: 'instruccion', titulo: 'Instrucción', ancho: 28 },
  { clave: 'fechaTurno', titulo: 'Fecha de turno', tipo: 'fecha', ancho: 12 },
  { clave: 'plazoOriginal', titulo: 'Plazo original', tipo: 'fecha', ancho: 12 },
  { clave: 'fechaLimite', titulo: 'Fecha límite', tipo: 'fecha', ancho: 12 },
  { clave: 'prorrogas', titulo: 'Prórrogas', tipo: 'entero', ancho: 9 },
  { clave: 'estatus', titulo: 'Estatus', tipo: 'semaforo', ancho: 18 },
  { clave: 'plazo', titulo: 'Semáforo de plazo', tipo: 'semaforo', ancho: 26 },
  { clave: 'atendido', titulo: 'Atendido', tipo: 'instante', ancho: 17 },
];

function describirFiltros(ctx: Contexto, f: FiltrosAsuntos): string {
  const p: string[] = [];
  if (f.anio) p.push(`año ${f.anio}`);
  if (f.desde || f.hasta) p.push(`recepción ${f.desde ? `desde ${fechaCorta(f.desde)}` : ''}${f.hasta ? ` hasta ${fechaCorta(f.hasta)}` : ''}`.trim());
  if (f.estatus?.length) p.push(`estatus: ${f.estatus.map((e) => ETIQUETAS.estatusAsunto[e]).join(', ')}`);
  if (f.destinatario) p.push(ETIQUETAS.destinatario[f.destinatario]);
  if (f.tipo) p.push(ETIQUETAS.tipo[f.tipo]);
  if (f.prioridad) p.push(`prioridad ${ETIQUETAS.prioridad[f.prioridad]}`);
  if (f.dependenciaId) {
    const d = ctx.sqlite.prepare('select nombre from dependencias where id = ?').get(f.dependenciaId) as { nombre: string } | undefined;
    p.push(`turnados a ${d?.nombre ?? '—'}`);
  }
  if (f.vencidos) p.push('vencidos');
  if (f.en48h) p.push(f.en48h === 'si' ? 'turnados en 48 h' : 'no turnados en 48 h');
  if (f.texto) p.push(`búsqueda «${f.texto}»`);
  return p.length ? `Filtros: ${p.join('; ')}` : 'Todos los asuntos';
}

async function listado(ctx: Contexto, f: FiltrosAsuntos & { tarea?: string; columnas?: ColumnaListado[] }, que: 'asuntos' | 'turnos') {
  const total = contar(ctx, f);
  const tarea = f.tarea ?? `listado-${que}`;
  const titulo = que === 'asuntos' ? 'Listado de asuntos' : 'Listado de turnos';
  const g = ctx.generados.nuevo(`${titulo} ${fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria)}.xlsx`, ctx.sesion);
  const enc = encabezado(ctx, titulo, { periodo: describirFiltros(ctx, f) });
  const avisar = (n: number) =>
    ctx.progreso({ tarea, fraccion: total ? Math.min(1, n / total) : 1, texto: `${titulo}: ${n.toLocaleString('es-MX')} de ${total.toLocaleString('es-MX')} asuntos` });
  let asuntosLeidos = 0;
  let filas: number;
  if (que === 'asuntos') {
    const gen = function* (): Generator<FilaListado> {
      for (const { fila, sql } of recorrer(ctx, f)) {
        asuntosLeidos++;
        yield {
          folio: fila.folio,
          recepcion: fila.recibido,
          remitente: [sql.remitente_nombre, sql.remitente_cargo, sql.remitente_organizacion].filter(Boolean).join(', '),
          asunto: sql.asunto,
          estatus: sem(fila.semaforoEstatus),
          turnadoA: fila.turnadoA,
          semaforo: sem(fila.semaforoPlazo),
          plazo: fila.fechaLimite,
          tipo: ETIQUETAS.tipo[fila.tipo],
          prioridad: ETIQUETAS.prioridad[fila.prioridad],
          destinatario: ETIQUETAS.destinatario[fila.destinatario],
          horas: fila.horasParaTurnar,
          oficio: sql.oficio_numero,
        };
      }
    };
    const columnas = (f.columnas?.length ? f.columnas : COLUMNAS_PREDETERMINADAS).map((c) => COLUMNAS_LISTADO[c]);
    const r = await escribirExcel(g.ruta, enc, [hoja({ nombre: 'Asuntos', columnas, filas: gen() })], {
      alAvanzar: () => avisar(asuntosLeidos),
      cada: 2000,
    });
    filas = r.filas;
  } else {
    const { hoy, calendario, diasEnRiesgo } = hoyDe(ctx);
    const gen = function* (): Generator<FilaTurno> {
      for (const { sql, turnos } of recorrer(ctx, f)) {
        asuntosLeidos++;
        for (const t of turnos) {
          const s = semaforosTurno(
            { requiereAtencion: !!t.requiere_atencion, estatus: t.estatus, fechaTurno: t.fecha_turno, fechaLimite: t.fecha_limite, prorrogas: t.prorrogas },
            sql.estatus === 'anulado',
            { hoy, calendario, diasEnRiesgo },
          );
          yield {
            folio: sql.folio,
            recibido: sql.recibido,
            asunto: sql.asunto,
            dependencia: t.dependencia,
            instruccion: t.instruccion,
            fechaTurno: t.fecha_turno,
            plazoOriginal: t.plazo_original,
            fechaLimite: t.fecha_limite,
            prorrogas: t.prorrogas,
            estatus: sem(s.estatus),
            plazo: sem(s.plazo),
            atendido: t.atendido,
          };
        }
      }
    };
    const r = await escribirExcel(g.ruta, enc, [hoja({ nombre: 'Turnos', columnas: COLUMNAS_TURNOS, filas: gen() })], {
      alAvanzar: () => avisar(asuntosLeidos),
      cada: 2000,
    });
    filas = r.filas;
  }
  avisar(total);
  return { archivoId: g.id, nombre: g.nombre, filas };
}

export const reportesHandlers = {
  'correspondencia.reportes.estatusDatos': (ctx, input) => reporteEstatus(ctx, input.desde, input.hasta),
} satisfies Partial<Handlers>;

/** The documents and listados: run as background jobs (trabajos.ts), off the request thread. */
export const archivosHandlers = {
  'correspondencia.reportes.acuse': (ctx, input) => pdfAsunto(ctx, input.id, 'acuse'),
  'correspondencia.reportes.volante': (ctx, input) => pdfAsunto(ctx, input.id, 'volante'),
  'correspondencia.reportes.estatus': (ctx, input) => estatusArchivo(ctx, input.desde, input.hasta, input.formato),
  'correspondencia.exportar.asuntos': (ctx, input) => listado(ctx, input, 'asuntos'),
  'correspondencia.exportar.turnos': (ctx, input) => listado(ctx, input, 'turnos'),
} satisfies Partial<Handlers>;
