/**
 * Importación › reading what an office really keeps: .xlsx (exceljs; formulas give their cached value,
 * merged cells repeat their value, percent cells come as «65 %») and .csv (csv-parse, `,` or `;`).
 * Old .xls files, password-protected workbooks and zips of something else get a clear Spanish refusal.
 */
import type ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors';

export type Celda = string | number | Date | boolean | null;

export interface Hoja {
  nombre: string;
  /** Rows as read (1-based row number kept in `numero`); empty rows are left out. */
  filas: { numero: number; celdas: Celda[] }[];
}

/** More rows than this in one file are refused (split the file): the import is one transaction. */
export const MAX_FILAS = 50_000;
/** Upload size limit (a real office log of years is a few MB). */
export const MAX_BYTES = 40 * 1024 * 1024;

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function error(mensaje: string): AppError {
  return new AppError('ARCHIVO', mensaje);
}

/** A cell's value as the person sees it; a formula gives its cached result (never evaluated). */
function valorDe(cell: ExcelJS.Cell): Celda {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'number') {
    // A percent-formatted cell holds 0.65 and shows «65 %».
    if (typeof cell.numFmt === 'string' && cell.numFmt.includes('%')) return `${Math.round(v * 10000) / 100} %`;
    return v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) {
      const r = o.result as unknown;
      if (r === undefined || r === null || (typeof r === 'object' && !(r instanceof Date))) return null;
      if (typeof r === 'number' && typeof cell.numFmt === 'string' && cell.numFmt.includes('%')) return `${Math.round(r * 10000) / 100} %`;
      return r as Celda;
    }
    if ('text' in o) return String(o.text ?? '');
    if ('error' in o) return null;
  }
  return String(v);
}

function vacia(c: Celda): boolean {
  return c === null || (typeof c === 'string' && c.trim() === '');
}

/** «B3» → [row 3, column 2]. */
function direccion(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/**
 * Merged ranges of each worksheet file (`xl/worksheets/sheetN.xml` → ranges): the streaming reader skips
 * them, so they are read here from the sheet's XML (they come after the data, at its end).
 */
async function combinadas(bytes: Buffer): Promise<Map<string, [number, number, number, number][]>> {
  const zip = await JSZip.loadAsync(bytes);
  const r = new Map<string, [number, number, number, number][]>();
  for (const nombre of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(nombre)!.async('string');
    const i = xml.lastIndexOf('<mergeCells');
    if (i < 0) continue;
    const rangos = [...xml.slice(i).matchAll(/<mergeCell\s+ref="([A-Z]+\d+):([A-Z]+\d+)"/g)].map((m) => [...direccion(m[1]), ...direccion(m[2])] as [number, number, number, number]);
    r.set(nombre, rangos);
  }
  return r;
}

/** A merged range shows its first cell's value in every cell, as Excel displays it. */
function repartirCombinadas(filas: Hoja['filas'], rangos: [number, number, number, number][]) {
  if (!rangos.length) return;
  const porNumero = new Map(filas.map((f) => [f.numero, f]));
  for (const [f1, c1, f2, c2] of rangos) {
    const valor = porNumero.get(f1)?.celdas[c1 - 1] ?? null;
    if (vacia(valor)) continue;
    for (let f = f1; f <= f2; f++) {
      let fila = porNumero.get(f);
      if (!fila) porNumero.set(f, (fila = { numero: f, celdas: [] }));
      for (let c = c1; c <= c2; c++) if (vacia(fila.celdas[c - 1] ?? null)) fila.celdas[c - 1] = valor;
      for (let i = 0; i < fila.celdas.length; i++) if (fila.celdas[i] === undefined) fila.celdas[i] = null;
    }
  }
  filas.splice(0, filas.length, ...[...porNumero.values()].sort((a, b) => a.numero - b.numero));
}

/**
 * Streams the workbook row by row (exceljs WorkbookReader): only our compact rows stay in memory, never
 * exceljs's cell model of the whole workbook (a 25,000-row log would take hundreds of MB and seconds).
 */
async function leerXlsx(bytes: Buffer): Promise<Hoja[]> {
  const hojas: (Hoja & { archivo: string })[] = [];
  let orden: string[] = [];
  let rangos: Map<string, [number, number, number, number][]>;
  try {
    rangos = await combinadas(bytes);
    const { default: Excel } = await import('exceljs'); // on first use: see jobs/worker.ts
    const lector = new Excel.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
    });
    for await (const ws of lector) {
      const hoja = ws as unknown as AsyncIterable<ExcelJS.Row> & { id: string; name: string };
      const filas: Hoja['filas'] = [];
      for await (const row of hoja) {
        const celdas: Celda[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          celdas[col - 1] = valorDe(cell);
        });
        for (let i = 0; i < celdas.length; i++) if (celdas[i] === undefined) celdas[i] = null;
        if (celdas.some((c) => !vacia(c))) filas.push({ numero: row.number, celdas });
      }
      hojas.push({ nombre: hoja.name, filas, archivo: `xl/worksheets/sheet${hoja.id}.xml` });
    }
    orden = ((lector as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name);
  } catch {
    throw error('El archivo no es un libro de Excel válido (.xlsx): parece un .zip con otro contenido o está dañado.');
  }
  if (hojas.length === 0) throw error('El archivo no es un libro de Excel válido (.xlsx): no tiene hojas.');
  for (const h of hojas) repartirCombinadas(h.filas, rangos.get(h.archivo) ?? []);
  // The stream gives sheets in the zip's order; people expect the workbook's tab order.
  const pos = (n: string) => (orden.indexOf(n) < 0 ? 1e9 : orden.indexOf(n));
  return hojas.sort((a, b) => pos(a.nombre) - pos(b.nombre)).map(({ nombre, filas }) => ({ nombre, filas }));
}

function leerCsv(bytes: Buffer, nombre: string): Hoja[] {
  let texto = bytes.toString('utf8');
  // A file saved by Excel as «CSV» on Windows may be Latin-1: invalid UTF-8 shows as U+FFFD.
  if (texto.includes('\uFFFD')) texto = bytes.toString('latin1');
  const primera = texto.slice(0, texto.indexOf('\n') >>> 0);
  const delimitador = (primera.match(/;/g)?.length ?? 0) > (primera.match(/,/g)?.length ?? 0) ? ';' : ',';
  let registros: string[][];
  try {
    registros = parse(texto, { bom: true, delimiter: delimitador, relax_column_count: true, skip_empty_lines: false, relax_quotes: true });
  } catch (e) {
    throw error(`El archivo CSV no se pudo leer: ${(e as Error).message.slice(0, 200)}`);
  }
  const filas = registros
    .map((celdas, i) => ({ numero: i + 1, celdas: celdas.map((c) => (c === '' ? null : c)) as Celda[] }))
    .filter((f) => f.celdas.some((c) => !vacia(c)));
  return [{ nombre: nombre.replace(/\.csv$/i, '') || 'CSV', filas }];
}

/** Reads an uploaded spreadsheet; throws a Spanish AppError the user can act on. */
export async function leerLibro(bytes: Buffer, nombre: string): Promise<Hoja[]> {
  if (bytes.length === 0) throw error('El archivo está vacío.');
  if (bytes.length > MAX_BYTES) throw error(`El archivo pesa ${(bytes.length / 1048576).toFixed(1)} MB; el máximo es ${MAX_BYTES / 1048576} MB.`);
  if (bytes.subarray(0, 8).equals(OLE)) {
    // Both old .xls files and encrypted .xlsx files are OLE containers; encryption has an EncryptionInfo stream.
    if (bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      throw error('El libro está protegido con contraseña. Ábralo en Excel, quite la contraseña (Archivo › Información › Proteger libro) y guárdelo de nuevo.');
    }
    throw error('El archivo está en el formato antiguo de Excel (.xls). Ábralo en Excel y use «Guardar como» › «Libro de Excel (.xlsx)».');
  }
  const esZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (esZip) return leerXlsx(bytes);
  if (/\.xlsx$/i.test(nombre)) throw error('El archivo no es un libro de Excel válido (.xlsx).');
  if (/\.xls$/i.test(nombre)) throw error('El archivo está en el formato antiguo de Excel (.xls). Guárdelo como .xlsx.');
  if (bytes.subarray(0, 4096).includes(0)) throw error('El archivo no es una hoja de cálculo (.xlsx) ni un texto CSV.');
  return leerCsv(bytes, nombre);
}
