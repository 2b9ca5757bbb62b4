/**
 * Same-run anchor of the listado Excel: exceljs's own streaming writer (same options as the report kit:
 * styles on, no shared strings) writing what the listado writes — the same asuntos in the same order, the
 * same 13 columns with the same kinds of values (text, date-time, semáforo text, date, number), the same
 * styles per cell (wrapped text, date and number formats, coloured semáforo cells: one shared object per
 * kind, as exceljs recommends), the same letterhead, header row, widths, frozen panes, print setup and
 * autofilter. The rows are read into memory before the clock starts: the anchor is the writer alone.
 *
 * With `--leyendo`, the same writer reads the rows from the database as it writes them (the anchor's own
 * query, which takes the plazo and the hours already stored and only the siglas from the turnos): the floor
 * of any listado that reads from SQLite on its thread, with none of the app's code (no semáforos of turnos,
 * no filters). Prints {ms, cpuMs, filas, columnas, rssMb}.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { ARCHIVO_BASE } from '../../electron/core/app';
import { COLORES_SEMAFORO } from '../../electron/core/reports/formato';
import { memoriaMaximaMb } from './medir';

const [dataDir, modo] = process.argv.slice(2);
const leyendo = modo === '--leyendo';
const db = new Database(path.join(dataDir, ARCHIVO_BASE), { readonly: true });
type FilaCruda = [string, number, string, string, string, string | null, string | null, string, string, string, number | null, string];
const consulta = db
  .prepare(
    `select a.folio, a.recibido, a.remitente_nombre || ', ' || a.remitente_cargo || ', ' || a.remitente_organizacion as remitente, a.asunto,
       a.estatus, (select group_concat(d.siglas, ', ') from turnos t join dependencias d on d.id = t.dependencia_id where t.asunto_id = a.id) as turnado,
       a.plazo_proximo, a.tipo, a.prioridad, a.destinatario, a.demora_turno, a.oficio_numero
     from asuntos a order by a.anio desc, a.numero desc`,
  )
  .raw();
// Hermosillo has no daylight saving time: its wall clock is UTC−7 all year.
const HERMOSILLO = -7 * 3_600_000;
const COLOR: Record<string, keyof typeof COLORES_SEMAFORO> = { atendido: 'verde', en_proceso: 'amarillo', pendiente: 'rojo', por_turnar: 'rojo', archivado: 'gris', anulado: 'gris' };
const fila = (f: FilaCruda) => ({
  v: [
    f[0], new Date(Math.floor((f[1] + HERMOSILLO) / 1000) * 1000), f[2], f[3], f[4], f[5] ?? '', `${f[4]} — en plazo`,
    f[6] ? new Date(`${f[6]}T00:00:00Z`) : null, f[7], f[8], f[9], f[10] === null ? null : f[10] / 3_600_000, f[11],
  ] as ExcelJS.CellValue[],
  color: COLOR[f[4]] ?? 'gris',
});
function* valoresLeidos() {
  for (const f of consulta.iterate() as IterableIterator<FilaCruda>) yield fila(f);
}
// Writer alone: every row read and shaped before the clock starts.
const enMemoria = leyendo ? null : (consulta.all() as FilaCruda[]).map(fila);

// The report kit's styles (electron/core/reports/excel.ts), one object per kind of cell.
const argb = (hex: string) => 'FF' + hex.replace('#', '').toUpperCase();
const FUENTE = { name: 'Calibri', family: 2, size: 11 } as const;
const texto: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };
const instante: Partial<ExcelJS.Style> = { numFmt: 'dd/mm/yyyy hh:mm' };
const fecha: Partial<ExcelJS.Style> = { numFmt: 'dd/mm/yyyy' };
const horas: Partial<ExcelJS.Style> = { numFmt: '#,##0.0' };
const semaforo = Object.fromEntries(
  (Object.keys(COLORES_SEMAFORO) as (keyof typeof COLORES_SEMAFORO)[]).map((c) => [
    c,
    {
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(COLORES_SEMAFORO[c]) } },
      font: { ...FUENTE, bold: true, color: { argb: c === 'verde' || c === 'rojo' ? 'FFFFFFFF' : 'FF1A1A1A' } },
      alignment: { horizontal: 'center', vertical: 'top' },
    } as Partial<ExcelJS.Style>,
  ]),
);
const columnas: [string, number, Partial<ExcelJS.Style> | 'semaforo'][] = [
  ['Folio', 16, texto], ['Recepción', 17, instante], ['Remitente', 40, texto], ['Asunto', 60, texto], ['Estatus', 14, 'semaforo'],
  ['Turnado a', 22, texto], ['Semáforo', 28, 'semaforo'], ['Plazo', 12, fecha], ['Tipo', 16, texto], ['Prioridad', 10, texto],
  ['Destinatario', 20, texto], ['Horas para turnar', 10, horas], ['Núm. de oficio', 16, texto],
];

const ruta = path.join(os.tmpdir(), `sse-excel-crudo-${process.pid}.xlsx`);
const c = process.cpuUsage();
const t = performance.now();
const valores = enMemoria ?? valoresLeidos();
const salida = fs.createWriteStream(ruta);
const libro = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: salida, useStyles: true, useSharedStrings: false });
const hoja = libro.addWorksheet('Asuntos', {
  views: [{ state: 'frozen', xSplit: 0, ySplit: 7, topLeftCell: 'A8', activeCell: 'A8' }],
  pageSetup: { paperSize: 1 as ExcelJS.PaperSize, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '7:7' },
  headerFooter: { oddFooter: '&L&8Generado&R&8Página &P de &N', oddHeader: '&L&8Institución&R&8Listado de asuntos' },
});
hoja.columns = columnas.map(([, width, s]) => ({ width, style: s === 'semaforo' ? {} : s }));
for (const [txt, size] of [['Oficina del Ejecutivo Estatal', 13], ['Listado de asuntos', 12], ['Todos los asuntos', 11], ['Generado', 9]] as const) {
  const fila = hoja.addRow([txt]);
  fila.getCell(1).font = { ...FUENTE, bold: size > 11, size, color: { argb: argb('#7a1e3a') } };
  fila.getCell(1).numFmt = 'General';
  fila.commit();
}
hoja.addRow([]).commit();
hoja.addRow([]).commit();
const encabezado = hoja.addRow(columnas.map(([titulo]) => titulo));
const estiloEncabezado: Partial<ExcelJS.Style> = {
  font: { ...FUENTE, bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb('#e6eaee') } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true }, border: { bottom: { style: 'thin' } }, numFmt: 'General',
};
encabezado.eachCell((celda) => (celda.style = estiloEncabezado));
encabezado.commit();
let n = 0;
for (const { v, color } of valores) {
  const fila = hoja.addRow(v);
  for (let i = 0; i < columnas.length; i++) {
    const s = columnas[i][2];
    fila.getCell(i + 1).style = s === 'semaforo' ? semaforo[color] : s;
  }
  fila.commit();
  if (++n % 2000 === 0) await new Promise((r) => setImmediate(r));
}
hoja.autoFilter = { from: { row: 7, column: 1 }, to: { row: 7 + n, column: columnas.length } };
hoja.commit();
await libro.commit();
const ms = performance.now() - t;
const u = process.cpuUsage(c);
db.close();
fs.rmSync(ruta, { force: true });
console.log(JSON.stringify({ ms, cpuMs: (u.user + u.system) / 1000, filas: n, columnas: columnas.length, rssMb: memoriaMaximaMb() }));
