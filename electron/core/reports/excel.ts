/**
 * Excel del kit de reportes (exceljs, escritor en flujo).
 *
 * - Las filas llegan de un `Iterable` o `AsyncIterable` y se confirman (`commit`) una a una: un
 *   export de 100 mil filas nunca está completo en memoria.
 * - Tipos reales: números como números, `fecha` (`YYYY-MM-DD`) como fecha de Excel, `instante`
 *   (epoch ms) como fecha y hora en la zona de la oficina, `porcentaje` como fracción 0..1 con formato
 *   `0 %`.
 * - Membrete en las primeras filas (institución, título, periodo, referencia, fecha de generación),
 *   encabezado inmovilizado y con autofiltro, anchos, impresión horizontal ajustada al ancho, fila de
 *   encabezado repetida en cada hoja impresa y pie "Página X de Y".
 * - Neutralización: todo texto que empieza con `=`, `+`, `-`, `@`, tabulador o retorno de carro se
 *   escribe precedido de un apóstrofo (`'=SUMA(A1)`), como recomienda OWASP para "CSV/formula
 *   injection": la celda es texto y, aunque alguien la copie a otra hoja o la vuelva a editar, nunca se
 *   evalúa como fórmula. Las únicas fórmulas del archivo son los SUBTOTAL de la fila de totales.
 * - Se escribe a un archivo temporal junto al destino y se renombra al final: si algo falla o se
 *   cancela, no queda un .xlsx a medias.
 */
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type ExcelJS from 'exceljs';
import { ZONA_OFICINA } from '../tiempo';
import { formatoNumero, formatoPorcentaje, neutralizar, valorCelda, type Valor } from './celdasExcel';
import {
  Acumulador,
  ANCHO_POR_TIPO,
  COLORES_SEMAFORO,
  esIterableAsincrono,
  semaforoDe,
  textoGenerado,
  textoCelda,
  type Agregado,
  type Columna,
  type Encabezado,
  type TipoColumna,
  type Totales,
} from './formato';

export interface HojaExcel<R> {
  /** Nombre de la pestaña (se recorta a 31 caracteres y se quitan `[]:*?/\`). */
  nombre: string;
  columnas: readonly Columna<R>[];
  filas: Iterable<R> | AsyncIterable<R>;
  totales?: Totales<R>;
}

export interface OpcionesExcel {
  /** Se llama cada `cada` filas (500 por omisión) y al terminar, con el total de filas escritas. */
  alAvanzar?: (filasEscritas: number) => void;
  cada?: number;
  /** Cancela la exportación; el archivo destino no se crea. */
  senal?: AbortSignal;
}

export interface ResultadoExcel {
  ruta: string;
  /** Filas de datos escritas (sin membrete, encabezados ni totales), sumando todas las hojas. */
  filas: number;
}

/** Ayuda a inferir el tipo de fila de cada hoja: `hoja({ nombre, columnas, filas })`. */
export function hoja<R>(definicion: HojaExcel<R>): HojaExcel<R> {
  return definicion;
}

function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

const TINTA = argb('#1c2024');
const GUINDA = argb('#7a1e3a');
/** La fuente de Excel por omisión: los estilos propios la repiten para no caer en otra. */
const FUENTE = { name: 'Calibri', family: 2, size: 11 } as const;
const GRIS_TEXTO = argb('#5f6b76');
const FONDO_ENCABEZADO = argb('#e6eaee');
const BORDE = argb('#7a1e3a');

function nombreDeHoja(nombre: string, usados: Set<string>): string {
  const limpio = nombre.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim();
  const base = (limpio || 'Hoja').slice(0, 31);
  let candidato = base;
  for (let i = 2; usados.has(candidato.toLowerCase()); i++) {
    const sufijo = ` (${i})`;
    candidato = base.slice(0, 31 - sufijo.length) + sufijo;
  }
  usados.add(candidato.toLowerCase());
  return candidato;
}

/** Texto para encabezado/pie de impresión de Excel: `&` es código de control y se duplica. */
function textoImpresion(t: string): string {
  return t.replace(/&/g, '&&');
}

const estilosSemaforo = Object.fromEntries(
  (Object.keys(COLORES_SEMAFORO) as (keyof typeof COLORES_SEMAFORO)[]).map((color) => [
    color,
    {
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(COLORES_SEMAFORO[color]) } } as ExcelJS.Fill,
      font: { ...FUENTE, bold: true, color: { argb: color === 'verde' || color === 'rojo' ? 'FFFFFFFF' : 'FF1A1A1A' } },
      alignment: { horizontal: 'center', vertical: 'top' } as Partial<ExcelJS.Alignment>,
    },
  ]),
);

/**
 * Column widths (characters) that never cut a value: the declared width, widened for numbers, dates and
 * semáforos to their longest text when the rows are already in memory (a stream is written as it comes,
 * so its declared widths must suffice; text wraps in any case).
 */
function anchosSinRecorte<R>(columnas: readonly (Columna<R> & { tipo: TipoColumna })[], filas: Iterable<R> | AsyncIterable<R>, zona: string): number[] {
  const anchos = columnas.map((c) => c.ancho ?? Math.max(ANCHO_POR_TIPO[c.tipo], Math.min(40, c.titulo.length + 2)));
  if (!Array.isArray(filas)) return anchos;
  columnas.forEach((c, i) => {
    if (c.tipo === 'texto') return;
    let largo = 0;
    for (const f of filas as R[]) {
      const tipo = c.tipoEn?.(f) ?? c.tipo;
      largo = Math.max(largo, textoCelda((f as Record<string, unknown>)[c.clave], tipo, c.decimales, zona).length);
    }
    anchos[i] = Math.max(anchos[i], Math.min(60, largo + 3));
  });
  return anchos;
}

const esperarTurno = () => new Promise<void>((r) => setImmediate(r));

/** Lo que la hoja escribió y el zip aún no comprime, por encima de lo cual se espera. */
const ATRASO_MAXIMO = 1 << 20;

/**
 * exceljs entrega el XML de la hoja al zip sin esperar a que lo comprima (ignora la contrapresión) y el
 * zip avanza un trozo por vuelta del ciclo de eventos: sin esperar, las 100 mil filas de un listado
 * quedaban enteras en memoria (~75 MB) hasta el final. Mientras el atraso pase del límite se espera a
 * que el flujo se vacíe ('drain'; revisando cada 50 ms por si no llega). Si exceljs cambia por dentro y
 * no se encuentra el flujo, no se espera.
 */
async function esperarAlZip(hoja: unknown): Promise<void> {
  type Flujo = { _writableState?: { length?: number }; once(e: 'drain', f: () => void): void; off(e: 'drain', f: () => void): void };
  const flujo = (hoja as { stream?: { pipes?: Flujo[] } }).stream?.pipes?.[0];
  while (flujo && (flujo._writableState?.length ?? 0) > ATRASO_MAXIMO) {
    await new Promise<void>((r) => {
      const listo = () => (clearTimeout(reloj), flujo.off('drain', listo), r());
      const reloj = setTimeout(listo, 50);
      flujo.once('drain', listo);
    });
  }
}

/**
 * Escribe un libro .xlsx en `ruta` con una o más hojas. Resuelve cuando el archivo está completo.
 */
export async function escribirExcel(
  ruta: string,
  encabezado: Encabezado,
  hojas: readonly HojaExcel<any>[], // eslint-disable-line @typescript-eslint/no-explicit-any
  opciones: OpcionesExcel = {},
): Promise<ResultadoExcel> {
  const { alAvanzar, senal } = opciones;
  const cada = Math.max(1, opciones.cada ?? 500);
  const zona = encabezado.zona ?? ZONA_OFICINA;
  senal?.throwIfAborted();
  const { default: Excel } = await import('exceljs'); // on first use: see jobs/worker.ts

  const temporal = `${ruta}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const salida = createWriteStream(temporal);
  const cerrado = new Promise<void>((r) => salida.once('close', () => r()));
  const libro = new Excel.stream.xlsx.WorkbookWriter({ stream: salida, useStyles: true, useSharedStrings: false });
  libro.creator = encabezado.institucion;
  libro.created = new Date(encabezado.generado);
  libro.modified = new Date(encabezado.generado);
  libro.title = encabezado.titulo;

  let total = 0;
  try {
    const usados = new Set<string>();
    for (const h of hojas) {
      total = await escribirHoja(libro, h, nombreDeHoja(h.nombre, usados), encabezado, zona, total, cada, alAvanzar, senal);
    }
    if (hojas.length === 0) {
      const vacia = libro.addWorksheet('Hoja');
      vacia.addRow([neutralizar(encabezado.titulo)]).commit();
      vacia.commit();
    }
    await libro.commit();
    await finished(salida);
    await rename(temporal, ruta);
  } catch (e) {
    salida.destroy();
    await cerrado; // el archivo se abre de forma asíncrona: borrarlo antes de que cierre lo dejaría
    await unlink(temporal).catch(() => undefined);
    throw e;
  }
  if (total % cada !== 0 || total === 0) alAvanzar?.(total);
  return { ruta, filas: total };
}

async function escribirHoja<R>(
  libro: ExcelJS.stream.xlsx.WorkbookWriter,
  def: HojaExcel<R>,
  nombre: string,
  enc: Encabezado,
  zona: string,
  previas: number,
  cada: number,
  alAvanzar: ((n: number) => void) | undefined,
  senal: AbortSignal | undefined,
): Promise<number> {
  const columnas = def.columnas.map((c) => ({ ...c, tipo: c.tipo ?? ('texto' as TipoColumna) }));
  const n = Math.max(1, columnas.length);

  // Membrete: filas de texto arriba de la tabla.
  const membrete: { texto: string; fuente: Partial<ExcelJS.Font>; alto?: number }[] = [
    { texto: enc.institucion, fuente: { ...FUENTE, bold: true, size: 13, color: { argb: GUINDA } }, alto: 20 },
    { texto: enc.titulo, fuente: { ...FUENTE, bold: true, size: 12, color: { argb: TINTA } }, alto: 18 },
  ];
  if (enc.periodo) membrete.push({ texto: enc.periodo, fuente: { ...FUENTE, size: 11, color: { argb: TINTA } } });
  if (enc.referencia) membrete.push({ texto: `Referencia: ${enc.referencia}`, fuente: { ...FUENTE, size: 11, color: { argb: TINTA } } });
  membrete.push({ texto: textoGenerado(enc.generado, zona), fuente: { ...FUENTE, italic: true, size: 9, color: { argb: GRIS_TEXTO } } });
  const filaEncabezado = membrete.length + 2; // una fila en blanco de separación

  const hojaXlsx = libro.addWorksheet(nombre, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: filaEncabezado, topLeftCell: `A${filaEncabezado + 1}`, activeCell: `A${filaEncabezado + 1}` }],
    pageSetup: {
      paperSize: 1 as ExcelJS.PaperSize, // carta (exceljs no lo enumera)
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.79, right: 0.79, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
      printTitlesRow: `${filaEncabezado}:${filaEncabezado}`,
    },
    headerFooter: {
      oddFooter: `&L&8${textoImpresion(textoGenerado(enc.generado, zona))}&R&8Página &P de &N`,
      oddHeader: `&L&8${textoImpresion(enc.institucion)}&R&8${textoImpresion(enc.titulo)}`,
    },
  });
  const anchos = anchosSinRecorte(columnas, def.filas, zona);
  hojaXlsx.columns = columnas.map((c, i) => ({
    key: c.clave,
    width: anchos[i],
    // Long text wraps inside its column instead of being cut off by the next cell.
    style: formatoNumero(c.tipo, c.decimales)
      ? { numFmt: formatoNumero(c.tipo, c.decimales) }
      : c.tipo === 'texto' ? { alignment: { wrapText: true, vertical: 'top' } } : {},
  }));

  for (const m of membrete) {
    const fila = hojaXlsx.addRow([neutralizar(m.texto)]);
    fila.getCell(1).font = m.fuente;
    fila.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
    // Los formatos por columna no deben afectar al membrete.
    fila.getCell(1).numFmt = 'General';
    if (m.alto) fila.height = m.alto;
    fila.commit();
  }
  hojaXlsx.addRow([]).commit();

  // Encabezado de columnas: negritas, fondo gris claro, borde inferior; alto según el texto más largo.
  const encabezado = hojaXlsx.addRow(columnas.map((c) => neutralizar(c.titulo)));
  let lineas = 1;
  columnas.forEach((c, i) => {
    const celda = encabezado.getCell(i + 1);
    celda.font = { ...FUENTE, bold: true, color: { argb: TINTA } };
    celda.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FONDO_ENCABEZADO } };
    celda.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    celda.border = { top: { style: 'thin', color: { argb: BORDE } }, bottom: { style: 'thin', color: { argb: BORDE } } };
    celda.numFmt = 'General';
    const ancho = c.ancho ?? Math.max(ANCHO_POR_TIPO[c.tipo], Math.min(40, c.titulo.length + 2));
    lineas = Math.max(lineas, Math.ceil(c.titulo.length / Math.max(1, ancho - 2)));
  });
  encabezado.height = Math.min(4, lineas) * 15 + 4;
  encabezado.commit();

  // Totals only when the sheet has them: a listado of 100k rows does not add up its columns for nothing.
  const acumulador = def.totales ? new Acumulador<R>(def.columnas) : null;
  let escritas = 0;

  // One style object per kind of cell, shared by every cell of that kind: exceljs remembers the style id
  // of an object it has seen, so only the first cell of each kind pays for turning its style into XML.
  const estiloDe = columnas.map((c): Partial<ExcelJS.Style> => {
    const numFmt = formatoNumero(c.tipo, c.decimales);
    // Long text wraps inside its column instead of being cut off by the next cell.
    return numFmt ? { numFmt } : c.tipo === 'texto' ? { alignment: { wrapText: true, vertical: 'top' } } : {};
  });
  const comoTexto: Partial<ExcelJS.Style> = { numFmt: 'General' };
  const porFormato = new Map<string, Partial<ExcelJS.Style>>();
  const conFormato = (numFmt: string) => porFormato.get(numFmt) ?? porFormato.set(numFmt, { numFmt }).get(numFmt)!;
  const semaforos = columnas.map((c, i) =>
    c.tipo === 'semaforo'
      ? Object.fromEntries(Object.entries(estilosSemaforo).map(([color, e]) => [color, { ...estiloDe[i], fill: e.fill, font: e.font, alignment: e.alignment }]))
      : null,
  );

  // Plain loops over the columns, nothing allocated per cell but its value: this runs 13 × 100k times.
  const tipos: TipoColumna[] = columnas.map((c) => c.tipo);
  const escribir = (registro: R) => {
    const r = registro as Record<string, unknown>;
    const valores: Valor[] = new Array(columnas.length);
    for (let i = 0; i < columnas.length; i++) {
      const c = columnas[i];
      tipos[i] = c.tipoEn ? (c.tipoEn(registro) ?? c.tipo) : c.tipo;
      valores[i] = valorCelda(r[c.clave], tipos[i], zona);
    }
    const fila = hojaXlsx.addRow(valores);
    for (let i = 0; i < columnas.length; i++) {
      const c = columnas[i];
      const valor = valores[i];
      let estilo: Partial<ExcelJS.Style> = estiloDe[i];
      if (c.tipo === 'semaforo') {
        const s = semaforoDe(r[c.clave]);
        if (s) estilo = semaforos[i]![s.color];
      } else if (tipos[i] === 'porcentaje' && typeof valor === 'number') {
        estilo = conFormato(formatoPorcentaje(valor));
      } else if (tipos[i] !== c.tipo && typeof valor === 'number') {
        estilo = conFormato(formatoNumero(tipos[i], c.decimales) ?? 'General');
      } else if (typeof valor === 'string' && c.tipo !== 'texto') {
        // Un texto en columna numérica o de fecha (dato inválido) se muestra tal cual, sin formato.
        estilo = comoTexto;
      }
      fila.getCell(i + 1).style = estilo;
    }
    fila.commit();
    acumulador?.agregar(registro);
    escritas++;
  };

  const avanzar = async () => {
    if (escritas % 250 === 0) await esperarAlZip(hojaXlsx);
    if (escritas % cada === 0) {
      alAvanzar?.(previas + escritas);
      // Cede el turno para que el zip vacíe lo acumulado y la aplicación siga respondiendo.
      await esperarTurno();
      senal?.throwIfAborted();
    }
  };

  if (esIterableAsincrono(def.filas)) {
    for await (const registro of def.filas) {
      senal?.throwIfAborted();
      escribir(registro);
      await avanzar();
    }
  } else {
    for (const registro of def.filas) {
      escribir(registro);
      await avanzar();
    }
  }
  senal?.throwIfAborted();

  const ultimaDatos = filaEncabezado + escritas;
  if (def.totales) {
    const agregados = def.totales.columnas as Partial<Record<string, Agregado>>;
    const funcion = { suma: 109, promedio: 101, cuenta: 103 } as const;
    const letra = (i: number) => hojaXlsx.getColumn(i + 1).letter;
    const valores: Valor[] = columnas.map((c, i) => {
      const a = agregados[c.clave];
      if (a === undefined) return null;
      const resultado = acumulador!.valor(c.clave, a);
      if (typeof a === 'function') return valorCelda(resultado, c.tipo, zona);
      const rango = `${letra(i)}${filaEncabezado + 1}:${letra(i)}${Math.max(ultimaDatos, filaEncabezado + 1)}`;
      // SUBTOTAL ignora filas ocultas por el autofiltro; el resultado ya va calculado.
      return { formula: `SUBTOTAL(${funcion[a]},${rango})`, result: (resultado ?? 0) as number } as ExcelJS.CellFormulaValue;
    });
    if (columnas.length > 0 && valores[0] === null) valores[0] = neutralizar(def.totales.etiqueta ?? 'Total');
    const fila = hojaXlsx.addRow(valores);
    columnas.forEach((c, i) => {
      const celda = fila.getCell(i + 1);
      celda.font = { ...FUENTE, bold: true, color: { argb: TINTA } };
      celda.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FONDO_ENCABEZADO } };
      celda.border = { top: { style: 'thin', color: { argb: BORDE } }, bottom: { style: 'double', color: { argb: BORDE } } };
      if (i === 0 && typeof valores[0] === 'string') celda.numFmt = 'General';
      if (c.tipo === 'porcentaje' && agregados[c.clave] === 'cuenta') celda.numFmt = '#,##0';
    });
    fila.commit();
  }

  hojaXlsx.autoFilter = {
    from: { row: filaEncabezado, column: 1 },
    to: { row: Math.max(ultimaDatos, filaEncabezado), column: n },
  };
  hojaXlsx.commit();
  return previas + escritas;
}
