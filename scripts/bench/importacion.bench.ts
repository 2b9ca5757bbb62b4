/**
 * Importación: 10,000 asuntos históricos with 25,000 turnos from one .xlsx, all in one transaction
 * (issue #11: < 30 s, < 400 MB). Measured in its own process on a fresh data directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { correrHijo, type Banco } from './medir';

const DEPENDENCIAS = ['SEGOB', 'SH', 'SCG', 'SEC', 'SSP'];

/**
 * The office's log as a real .xlsx, written with exceljs's streaming writer to a file: building it in memory
 * would take memory for nothing.
 */
async function libro(ruta: string, asuntos: number, turnos: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: ruta, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Correspondencia 2021');
  ws.addRow(['Folio', 'Fecha de recepción', 'Remitente', 'Asunto', 'Turnado a', 'Fecha de turno', 'Estatus del turno', 'Fecha de respuesta']).commit();
  let t = 0;
  for (let i = 0; i < asuntos; i++) {
    const dia = new Date(Date.UTC(2021, 0, 4) + Math.floor(i / 30) * 86_400_000);
    const n = Math.round(((i + 1) * turnos) / asuntos) - t;
    for (let k = 0; k < Math.max(1, n); k++) {
      const atendido = (i + k) % 3 !== 0;
      ws.addRow([`03.01-${i + 1}/21`, dia, `Remitente ${i % 997}`, `Solicitud número ${i + 1} sobre obra pública`, n ? DEPENDENCIAS[(i + k) % 5] : null, n ? new Date(dia.getTime() + 86_400_000) : null, n ? (atendido ? 'Atendido' : 'Pendiente') : null, n && atendido ? new Date(dia.getTime() + 5 * 86_400_000) : null]).commit();
    }
    t += n;
  }
  ws.commit();
  await wb.commit();
}

export default async function (b: Banco) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-bench-importacion-'));
  try {
    const ruta = path.join(dir, 'correspondencia-2021.xlsx');
    await libro(ruta, 10_000, 25_000);
    const datos = path.join(dir, 'datos');
    fs.mkdirSync(datos);
    const r = correrHijo<{ ms: number; cpuMs: number; rssMb: number; filas: number; nuevas: number }>('scripts/bench/importacion-hijo.ts', [datos, ruta]);
    if (r.filas !== 25_000 || r.nuevas !== 25_000) throw new Error(`Conteos inesperados: ${JSON.stringify(r)}`);
    b.reportar({ name: 'importacion.asuntos_10k_turnos_25k', value: r.ms, unit: 'ms', budget: 30_000 });
    // CPU of every thread (the reading runs in a worker): what the import costs when the machine is busy.
    b.reportar({ name: 'importacion.cpu', value: r.cpuMs, unit: 'ms', budget: null });
    b.reportar({ name: 'importacion.memoria_pico', value: r.rssMb, unit: 'MB', budget: 400 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
