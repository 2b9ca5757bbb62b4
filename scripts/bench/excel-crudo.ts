/**
 * Same-run anchor of the listado Excel: exceljs's own streaming writer (same options as the report kit:
 * styles on, no shared strings) writing the same asuntos as 13 columns of the same kinds — text, dates,
 * numbers — read into memory before the clock starts. Prints {ms, cpuMs, filas, rssMb}.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { ARCHIVO_BASE } from '../../electron/core/app';

const [dataDir] = process.argv.slice(2);
const db = new Database(path.join(dataDir, ARCHIVO_BASE), { readonly: true });
const filas = db
  .prepare(
    `select a.folio, a.recibido, a.remitente_nombre || ', ' || a.remitente_cargo || ', ' || a.remitente_organizacion as remitente, a.asunto,
       a.estatus, (select group_concat(d.siglas, ', ') from turnos t join dependencias d on d.id = t.dependencia_id where t.asunto_id = a.id) as turnado,
       a.plazo_proximo, a.tipo, a.prioridad, a.destinatario, a.demora_turno, a.oficio_numero
     from asuntos a order by a.anio desc, a.numero desc`,
  )
  .raw()
  .all() as [string, number, string, string, string, string | null, string | null, string, string, string, number | null, string][];
db.close();
const valores = filas.map((f) => [
  f[0], new Date(f[1]), f[2], f[3], f[4], f[5] ?? '', `${f[4]} — en plazo`, f[6] ? new Date(`${f[6]}T00:00:00Z`) : null, f[7], f[8], f[9],
  f[10] === null ? null : f[10] / 3_600_000, f[11],
]);

const ruta = path.join(os.tmpdir(), `sse-excel-crudo-${process.pid}.xlsx`);
const c = process.cpuUsage();
const t = performance.now();
const salida = fs.createWriteStream(ruta);
const libro = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: salida, useStyles: true, useSharedStrings: false });
const hoja = libro.addWorksheet('Asuntos');
let n = 0;
for (const v of valores) {
  hoja.addRow(v).commit();
  if (++n % 2000 === 0) await new Promise((r) => setImmediate(r));
}
hoja.commit();
await libro.commit();
const ms = performance.now() - t;
const u = process.cpuUsage(c);
fs.rmSync(ruta, { force: true });
console.log(JSON.stringify({ ms, cpuMs: (u.user + u.system) / 1000, filas: n, rssMb: process.resourceUsage().maxRSS / 1024 }));
