/**
 * Oficios de salida at 100k asuntos (issue 13): emitting 100 recordatorios (one per dependencia with turnos
 * vencidos, in as many runs as needed) < 10 s, and printing those 100 as one PDF (informative). Measured on an online copy
 * of the demo data (db.backup), so the shared demo directory is never changed by these oficios.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../electron/core/app';
import { fechaEnZona } from '../../electron/core/tiempo';
import { CONTRASENA_DEMO } from '../demo-datos';
import { asegurarDemo } from './datos';
import type { Banco } from './medir';

export default async function (b: Banco) {
  const archivo = await asegurarDemo(b);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-bench-oficios-'));
  try {
    const origen = new Database(archivo, { readonly: true });
    await origen.backup(path.join(dir, path.basename(archivo)));
    origen.close();
    const core = await createCore({ dataDir: dir });
    // The start-up integrity check of a 400 MB file runs in a worker for seconds: measure the oficios, not it.
    await core.integridad();
    const llamar = async (m: string, i: unknown, sesion: string | null) => {
      const r = await core.call(m, i, { sesion });
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.data as Record<string, unknown>;
    };
    const entrar = async (usuario: string) => (await llamar('usuarios.iniciarSesion', { usuario, contrasena: CONTRASENA_DEMO }, null)).token as string;
    const admin = await entrar('admin');
    const cap = await entrar('capturista1');
    const aj = (await llamar('ajustes.obtener', {}, admin)) as Record<string, unknown>;
    const { version, tieneLogo: _t, carpetaDatos: _c, ...valores } = aj;
    await llamar('ajustes.guardar', { ...valores, firmanteNombre: 'Firmante de prueba', version }, admin);

    const corte = fechaEnZona(Date.now());
    const vista = async () => (await llamar('oficios.recordatorios.vistaPrevia', { corte, materia: 'turnos' }, cap)) as { filas: { dependenciaId: string }[]; total: number };
    const t0 = performance.now();
    const v = await vista();
    b.reportar({ name: 'oficios: vista previa de recordatorios (turnos vencidos)', value: performance.now() - t0, unit: 'ms', budget: 3000 });
    b.reportar({ name: 'oficios: turnos vencidos / dependencias', value: v.total / Math.max(1, v.filas.length), unit: 'turnos por oficio', budget: null });
    if (!v.filas.length) throw new Error('Los datos de demostración no tienen turnos vencidos.');

    const ids: string[] = [];
    const cpu = process.cpuUsage();
    const t1 = performance.now();
    while (ids.length < 100) {
      const faltan = 100 - ids.length;
      const g = (await llamar('oficios.recordatorios.generar', { corte, materia: 'turnos', dependencias: v.filas.slice(0, faltan).map((f) => f.dependenciaId) }, cap)) as { oficios: { id: string }[] };
      ids.push(...g.oficios.map((o) => o.id));
    }
    b.reportar({ name: 'oficios: generar y emitir 100 recordatorios', value: (performance.now() - t1) / 1000, unit: 's', budget: 10 });
    // CPU time of this process for the same work: comparable between runs when the shared machine is loaded.
    const usado = process.cpuUsage(cpu);
    b.reportar({ name: 'oficios: generar 100 recordatorios (CPU del proceso)', value: (usado.user + usado.system) / 1e6, unit: 's', budget: null });

    const cpuPdf = process.cpuUsage();
    const t2 = performance.now();
    const pdf = (await llamar('oficios.pdf', { ids, modo: 'uno' }, cap)) as { paginas: number };
    const segundosPdf = (performance.now() - t2) / 1000;
    // No budget in the issue: the demo's ~2,340 overdue turnos per dependencia make ~100 pages per oficio,
    // so the figure is informative, with its cost per page (pdfkit's text layout is most of it).
    b.reportar({ name: 'oficios: PDF de 100 recordatorios en un archivo', value: segundosPdf, unit: 's', budget: null });
    // The PDF is laid out in the jobs worker: its CPU is counted with this process's.
    const usadoPdf = process.cpuUsage(cpuPdf);
    b.reportar({ name: 'oficios: PDF de 100 recordatorios (CPU del proceso)', value: (usadoPdf.user + usadoPdf.system) / 1e6, unit: 's', budget: null });
    b.reportar({ name: 'oficios: páginas del PDF de 100 recordatorios', value: pdf.paginas, unit: 'páginas', budget: null });
    b.reportar({ name: 'oficios: PDF, tiempo por página', value: (segundosPdf * 1000) / pdf.paginas, unit: 'ms', budget: null });
    core.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
