/** Importación › the workbooks it hands out: the template per kind and the file of rows with errors. */
import type ExcelJS from 'exceljs';
import type { Contexto } from '../../contexto';
import { neutralizar } from '../../reports/celdasExcel';
import type { DefinicionTipo, Problema } from './definicion';
import type { Celda } from './lectura';

/** exceljs loads on first use: see jobs/worker.ts. */
const libroNuevo = async () => new (await import('exceljs')).default.Workbook();

const NEGRITA = { bold: true, color: { argb: 'FFFFFFFF' } };
const FONDO: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF7A1E3A' } };

function letra(n: number): string {
  let s = '';
  for (n++; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Headers, one example row, drop-down lists for catalog columns (from a hidden «Listas» sheet) and «Instrucciones». */
export async function escribirPlantilla(ctx: Contexto, def: DefinicionTipo, ruta: string) {
  const libro = await libroNuevo();
  const datos = libro.addWorksheet(def.nombre.slice(0, 31));
  const instr = libro.addWorksheet('Instrucciones');
  const listas = libro.addWorksheet('Listas', { state: 'veryHidden' });
  datos.addRow(def.columnas.map((c) => c.titulo));
  datos.addRow(def.columnas.map((c) => (typeof c.ejemplo === 'string' ? neutralizar(c.ejemplo) : c.ejemplo)));
  datos.getRow(1).eachCell((cell) => ((cell.font = NEGRITA), (cell.fill = FONDO)));
  datos.views = [{ state: 'frozen', ySplit: 1 }];
  def.columnas.forEach((c, i) => {
    datos.getColumn(i + 1).width = Math.max(14, Math.min(45, c.titulo.length + 6));
    if (c.ejemplo instanceof Date) datos.getColumn(i + 1).numFmt = 'dd/mm/yyyy';
    const valores = c.lista?.(ctx) ?? [];
    if (!valores.length) return;
    const col = letra(i);
    valores.forEach((v, j) => (listas.getCell(`${col}${j + 1}`).value = neutralizar(v)));
    for (let fila = 2; fila <= 2000; fila++) {
      datos.getCell(`${col}${fila}`).dataValidation = {
        type: 'list', allowBlank: true, formulae: [`Listas!$${col}$1:$${col}$${valores.length}`],
        showErrorMessage: !c.catalogo, errorTitle: c.titulo, error: `Elija un valor de la lista de «${c.titulo}».`,
      };
    }
  });
  instr.addRow([`Plantilla de importación: ${def.nombre}`]).font = { bold: true, size: 14 };
  instr.addRow(['Capture una fila por registro en la hoja de datos (la fila 2 es un ejemplo: bórrela). Puede dejar filas de título arriba del encabezado y usar sus propios nombres de columna: el sistema los reconoce sin importar mayúsculas, acentos ni espacios, y le deja ajustarlos.']);
  instr.addRow([]);
  const h = instr.addRow(['Columna', 'Obligatoria', 'Qué acepta']);
  h.eachCell((cell) => ((cell.font = NEGRITA), (cell.fill = FONDO)));
  for (const c of def.columnas) instr.addRow([c.titulo, c.requerida ? 'Sí' : 'No', c.ayuda]);
  instr.getColumn(1).width = 32;
  instr.getColumn(2).width = 12;
  instr.getColumn(3).width = 100;
  await libro.xlsx.writeFile(ruta);
}

/** The original rows (from the header row down) plus an «Errores» column, so the office can fix and re-import. */
export async function escribirErrores(ruta: string, encabezados: string[], originales: Map<number, Celda[]>, errores: Problema[]) {
  const porFila = new Map<number, string[]>();
  for (const e of errores) (porFila.get(e.fila) ?? porFila.set(e.fila, []).get(e.fila)!).push(`${e.columna}: ${e.mensaje}`);
  const libro = await libroNuevo();
  const hoja = libro.addWorksheet('Filas con errores');
  const t = hoja.addRow(['Fila', ...encabezados.map(neutralizar), 'Errores']);
  t.eachCell((cell) => ((cell.font = NEGRITA), (cell.fill = FONDO)));
  for (const [fila, mensajes] of [...porFila].sort((a, b) => a[0] - b[0])) {
    const celdas = (originales.get(fila) ?? []).map((c) => (typeof c === 'string' ? neutralizar(c) : c));
    const r = hoja.addRow([fila, ...encabezados.map((_e, i) => celdas[i] ?? null), mensajes.join(' · ')]);
    r.getCell(encabezados.length + 2).font = { color: { argb: 'FFB00020' } };
  }
  hoja.views = [{ state: 'frozen', ySplit: 1 }];
  hoja.getColumn(encabezados.length + 2).width = 80;
  await libro.xlsx.writeFile(ruta);
}
