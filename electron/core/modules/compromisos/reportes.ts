/** Reports of the compromisos module, built with the shared report kit (electron/core/reports). */
import { escribirExcel, escribirPdf, hoja, type Columna, type Encabezado } from '../../reports';
import type { Contexto } from '../../contexto';
import type { CompromisoResumen, ConteoSemaforo, SemaforoCompromisos } from '../../../contract/compromisos';
import { logoDe } from '../ajustes/service';
import { fechaLarga, fechaEnZona } from '../../tiempo';

export function encabezado(ctx: Contexto, titulo: string, periodo?: string): Encabezado {
  const aj = ctx.ajustes();
  return { institucion: aj.institucion, logo: logoDe(ctx)?.bytes, titulo, periodo, generado: ctx.ahora(), zona: aj.zonaHoraria };
}

function alCorte(ctx: Contexto): string {
  return `Al ${fechaLarga(fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria))}`;
}

interface FilaCatalogo {
  numero: number;
  descripcion: string;
  fechaCompromiso: string;
  municipio: string;
  eje: string;
  objetivo: string;
  estrategia: string;
  dependencia: string;
  corresponsables: string;
  estatus: { color: CompromisoResumen['semaforo']['color']; texto: string };
  avance: number;
  fechaEstimada: string | null;
  plazo: string;
  motivo: string;
}

const COLUMNAS_CATALOGO: Columna<FilaCatalogo>[] = [
  { clave: 'numero', titulo: 'No.', tipo: 'entero', ancho: 6 },
  { clave: 'descripcion', titulo: 'Descripción', ancho: 60 },
  { clave: 'fechaCompromiso', titulo: 'Fecha en que se comprometió', tipo: 'fecha', ancho: 14 },
  { clave: 'municipio', titulo: 'Municipio', ancho: 18 },
  { clave: 'eje', titulo: 'Eje', ancho: 26 },
  { clave: 'objetivo', titulo: 'Objetivo', ancho: 10 },
  { clave: 'estrategia', titulo: 'Estrategia', ancho: 26 },
  { clave: 'dependencia', titulo: 'Dependencia responsable', ancho: 30 },
  { clave: 'corresponsables', titulo: 'Corresponsables', ancho: 24 },
  { clave: 'estatus', titulo: 'Estatus', tipo: 'semaforo', ancho: 15 },
  { clave: 'avance', titulo: 'Avance', tipo: 'porcentaje', ancho: 9 },
  { clave: 'fechaEstimada', titulo: 'Fecha estimada de cumplimiento', tipo: 'fecha', ancho: 14 },
  { clave: 'plazo', titulo: 'Plazo', ancho: 24 },
  { clave: 'motivo', titulo: 'Motivo (no procedente)', ancho: 24 },
];

export function filaCatalogo(c: CompromisoResumen): FilaCatalogo {
  const a = c.alineacion;
  return {
    numero: c.numero,
    descripcion: c.descripcion,
    fechaCompromiso: c.fechaCompromiso,
    municipio: c.municipio,
    eje: a.ejeId ? `${a.ejeClave} ${a.ejeTexto}` : '',
    objetivo: a.objetivoClave ?? '',
    estrategia: a.estrategiaId ? `${a.estrategiaClave} ${a.estrategiaTexto}` : '',
    dependencia: c.dependencia,
    corresponsables: c.corresponsables.map((d) => d.siglas || d.nombre).join(', '),
    estatus: { color: c.semaforo.color, texto: c.semaforo.etiqueta },
    avance: c.avance / 100,
    fechaEstimada: c.fechaEstimada,
    plazo: c.plazo.motivo ? `${c.plazo.etiqueta}: ${c.plazo.motivo}` : c.plazo.etiqueta,
    motivo: c.motivoNoProcedente ?? '',
  };
}

const CLAVES_PDF = ['numero', 'descripcion', 'municipio', 'estrategia', 'dependencia', 'estatus', 'avance', 'fechaEstimada'] as const;

/** Catálogo de compromisos (Excel, or PDF to print): what the list shows with the same filters. */
export async function reporteCatalogo(ctx: Contexto, items: CompromisoResumen[], formato: 'xlsx' | 'pdf') {
  const g = ctx.generados.nuevo(`Catálogo de compromisos.${formato}`, ctx.sesion);
  ctx.progreso({ tarea: 'compromisos.catalogo', fraccion: 0, texto: 'Escribiendo el catálogo de compromisos…' });
  const enc = encabezado(ctx, 'Catálogo de compromisos de campaña', alCorte(ctx));
  const totales = { etiqueta: 'Total', columnas: { descripcion: 'cuenta', avance: 'promedio' } } as const;
  if (formato === 'xlsx') {
    await escribirExcel(g.ruta, enc, [hoja({ nombre: 'Compromisos', columnas: COLUMNAS_CATALOGO, filas: items.map(filaCatalogo), totales })]);
  } else {
    const columnas = CLAVES_PDF.map((k) => COLUMNAS_CATALOGO.find((c) => c.clave === k)!);
    await escribirPdf(g.ruta, enc, (doc) => doc.tabla(columnas, items.map(filaCatalogo), { totales, tamano: 7.5, vacio: 'No hay compromisos con estos filtros.' }), {
      orientacion: 'horizontal',
    });
  }
  ctx.progreso({ tarea: 'compromisos.catalogo', fraccion: 1, texto: 'Listo' });
  return { archivoId: g.id, nombre: g.nombre };
}

interface FilaSemaforo {
  nombre: string;
  total: number;
  no_procedente: number;
  contados: number;
  cumplido: number;
  pCumplido: number;
  en_proceso: number;
  pEnProceso: number;
  sin_avance: number;
  pSinAvance: number;
  avance: number;
}

const filaSemaforo = (c: ConteoSemaforo): FilaSemaforo => ({
  nombre: c.nombre,
  total: c.total,
  no_procedente: c.no_procedente,
  contados: c.contados,
  cumplido: c.cumplido,
  pCumplido: c.porcentajes.cumplido / 100,
  en_proceso: c.en_proceso,
  pEnProceso: c.porcentajes.en_proceso / 100,
  sin_avance: c.sin_avance,
  pSinAvance: c.porcentajes.sin_avance / 100,
  avance: c.avancePromedio / 100,
});

function columnasSemaforo(grupo: string): Columna<FilaSemaforo>[] {
  return [
    { clave: 'nombre', titulo: grupo, ancho: 40 },
    { clave: 'total', titulo: 'Total', tipo: 'entero', ancho: 8 },
    { clave: 'no_procedente', titulo: 'No procedentes', tipo: 'entero', ancho: 11 },
    { clave: 'contados', titulo: 'Contados', tipo: 'entero', ancho: 9 },
    { clave: 'cumplido', titulo: 'Cumplidos', tipo: 'entero', ancho: 10 },
    { clave: 'pCumplido', titulo: '% cumplidos', tipo: 'porcentaje', ancho: 10 },
    { clave: 'en_proceso', titulo: 'En proceso', tipo: 'entero', ancho: 10 },
    { clave: 'pEnProceso', titulo: '% en proceso', tipo: 'porcentaje', ancho: 10 },
    { clave: 'sin_avance', titulo: 'Sin avance', tipo: 'entero', ancho: 10 },
    { clave: 'pSinAvance', titulo: '% sin avance', tipo: 'porcentaje', ancho: 10 },
    { clave: 'avance', titulo: 'Avance promedio', tipo: 'porcentaje', decimales: 1, ancho: 11 },
  ];
}

/** The TOTAL row of every group table is the general count (each compromiso is in exactly one group): it adds up. */
function totalesSemaforo(g: ConteoSemaforo) {
  const f = filaSemaforo(g);
  return {
    etiqueta: 'Total',
    columnas: {
      total: 'suma',
      no_procedente: 'suma',
      contados: 'suma',
      cumplido: 'suma',
      en_proceso: 'suma',
      sin_avance: 'suma',
      pCumplido: () => f.pCumplido,
      pEnProceso: () => f.pEnProceso,
      pSinAvance: () => f.pSinAvance,
      avance: () => f.avance,
    },
  } as const;
}

const SERIES = [
  { nombre: 'Cumplido', color: 'verde' as const },
  { nombre: 'En proceso', color: 'amarillo' as const },
  { nombre: 'Sin avance', color: 'rojo' as const },
];
const valores = (c: ConteoSemaforo) => [c.cumplido, c.en_proceso, c.sin_avance];

/** Semáforo de cumplimiento (Excel: one sheet per view; PDF: charts and tables). */
export async function reporteSemaforo(ctx: Contexto, s: SemaforoCompromisos, formato: 'xlsx' | 'pdf') {
  const titulo = 'Semáforo de cumplimiento de compromisos de campaña';
  const g = ctx.generados.nuevo(`Semáforo de compromisos.${formato}`, ctx.sesion);
  const enc = encabezado(ctx, titulo, alCorte(ctx));
  const vistas: [string, string, ConteoSemaforo[]][] = [
    ['General', 'Compromisos', [s.general]],
    ['Por dependencia', 'Dependencia responsable', s.porDependencia],
    ['Por municipio', 'Municipio', s.porMunicipio],
    ['Por eje', 'Eje del Plan Estatal de Desarrollo', s.porEje],
  ];
  if (formato === 'xlsx') {
    await escribirExcel(
      g.ruta,
      enc,
      vistas.map(([nombre, grupo, filas], i) =>
        hoja({ nombre, columnas: columnasSemaforo(grupo), filas: filas.map(filaSemaforo), totales: i === 0 ? undefined : totalesSemaforo(s.general) }),
      ),
    );
  } else {
    await escribirPdf(
      g.ruta,
      enc,
      async (doc) => {
        const gen = s.general;
        doc.seccion('Resumen general');
        doc.datos([
          ['Compromisos registrados', gen.total],
          ['No procedentes (fuera del conteo)', gen.no_procedente],
          ['Compromisos contados', gen.contados],
          ['Cumplidos', `${gen.cumplido} (${gen.porcentajes.cumplido} %)`],
          ['En proceso', `${gen.en_proceso} (${gen.porcentajes.en_proceso} %)`],
          ['Sin avance', `${gen.sin_avance} (${gen.porcentajes.sin_avance} %)`],
          ['Avance promedio', `${gen.avancePromedio.toLocaleString('es-MX')} %`],
        ]);
        doc.barrasApiladas({ titulo: 'Distribución por estatus', series: SERIES, categorias: [{ etiqueta: 'Total', valores: valores(gen) }], porcentual: true });
        for (const [nombre, grupo, filas] of vistas.slice(1)) {
          doc.seccion(`Semáforo ${nombre.toLowerCase()}`);
          if (nombre !== 'Por municipio' && filas.length) {
            doc.barrasApiladas({ titulo: `Compromisos ${nombre.toLowerCase()}`, series: SERIES, categorias: filas.slice(0, 20).map((f) => ({ etiqueta: f.nombre, valores: valores(f) })) });
          }
          await doc.tabla(columnasSemaforo(grupo), filas.map(filaSemaforo), { totales: totalesSemaforo(gen), tamano: 7.5 });
        }
      },
      { orientacion: 'horizontal' },
    );
  }
  return { archivoId: g.id, nombre: g.nombre };
}
