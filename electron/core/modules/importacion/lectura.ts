/**
 * Importación › reading what an office really keeps: .xlsx (exceljs; formulas give their cached value,
 * merged cells repeat their value, percent cells come as «65 %») and .csv (csv-parse, `,` or `;`).
 * Old .xls files, password-protected workbooks and zips of something else get a clear Spanish refusal.
 */
import ExcelJS from 'exceljs';
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

async function leerXlsx(bytes: Buffer): Promise<Hoja[]> {
  const libro = new ExcelJS.Workbook();
  try {
    await libro.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw error('El archivo no es un libro de Excel válido (.xlsx): parece un .zip con otro contenido o está dañado.');
  }
  if (libro.worksheets.length === 0) throw error('El archivo no es un libro de Excel válido (.xlsx): no tiene hojas.');
  const hojas: Hoja[] = [];
  for (const ws of libro.worksheets) {
    const filas: Hoja['filas'] = [];
    ws.eachRow({ includeEmpty: false }, (row, numero) => {
      const celdas: Celda[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        celdas[col - 1] = valorDe(cell);
      });
      for (let i = 0; i < celdas.length; i++) if (celdas[i] === undefined) celdas[i] = null;
      if (celdas.some((c) => !vacia(c))) filas.push({ numero, celdas });
    });
    hojas.push({ nombre: ws.name, filas });
  }
  return hojas;
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
