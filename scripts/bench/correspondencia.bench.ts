/** Correspondencia budgets at 100k asuntos / 250k turnos (issue 3). */
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createCore } from '../../electron/core/app';
import { asuntos, turnos } from '../../db/schema';
import { fechaEnZona, sumarDias } from '../../electron/core/tiempo';
import { CONTRASENA_DEMO } from '../demo-datos';
import { asegurarDemo } from './datos';
import { correrHijo, mediana, percentil, type Banco } from './medir';

export default async function (b: Banco) {
  const { datos } = b.opciones;
  const archivo = await asegurarDemo(b);

  const core = await createCore({ dataDir: datos });
  const entrar = async (usuario: string) => {
    const r = await core.call('usuarios.iniciarSesion', { usuario, contrasena: CONTRASENA_DEMO });
    if (!r.ok) throw new Error(r.error.message);
    return (r.data as { token: string }).token;
  };
  const cap = await entrar('capturista1');
  const jefe = await entrar('jefe1');
  const llamar = async (m: string, i: unknown, sesion = jefe) => {
    const r = await core.call(m, i, { sesion });
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.data as Record<string, unknown>;
  };
  const sqlite = new Database(archivo, { readonly: true });
  const conteo = sqlite.prepare('select (select count(*) from asuntos) as a, (select count(*) from turnos) as t').get() as { a: number; t: number };
  b.avisar(`Base: ${conteo.a.toLocaleString('es-MX')} asuntos, ${conteo.t.toLocaleString('es-MX')} turnos.`);
  b.reportar({ name: 'datos: asuntos', value: conteo.a, unit: 'filas', budget: null });
  b.reportar({ name: 'datos: turnos', value: conteo.t, unit: 'filas', budget: null });

  // 1. Registrar (folio + FTS + remitente + línea de tiempo + bitácora), through the router.
  const hoy = fechaEnZona(Date.now());
  let i = 0;
  const { pared: reg, cpu: regCpu } = await b.tiemposConCpu(300, () =>
    llamar('correspondencia.registrar', {
      fechaRecepcion: hoy,
      horaRecepcion: '00:00',
      remitenteNombre: `Remitente de prueba ${i++}`,
      remitenteOrganizacion: 'Ayuntamiento de Hermosillo',
      asunto: 'Solicita apoyo para la pavimentación de la calle principal de la colonia Centro',
      oficioNumero: `PM/${i}/2026`,
    }, cap),
  );
  b.reportar({ name: 'registrar: mediana', value: mediana(reg), unit: 'ms', budget: 5 });
  b.reportar({ name: 'registrar: p95', value: percentil(reg, 95), unit: 'ms', budget: null });
  b.reportar({ name: 'registrar: CPU mediana', value: mediana(regCpu), unit: 'ms', budget: null });

  // 2. Bandeja: filtered or full-text page of 50 (with total count and both semáforos).
  const dep = (sqlite.prepare("select id from dependencias where clave = 'SEGOB'").get() as { id: string }).id;
  const anio = new Date().getFullYear() - 2;
  const consultas: [string, object][] = [
    ['sin filtros', {}],
    ['estatus pendiente', { estatus: ['pendiente'] }],
    ['dependencia', { dependenciaId: dep }],
    ['dependencia + en proceso', { dependenciaId: dep, estatus: ['en_proceso'] }],
    ['vencidos', { vencidos: true }],
    ['no turnados en 48 h', { en48h: 'no' }],
    ['año + tipo + prioridad', { anio, tipo: 'peticion', prioridad: 'urgente' }],
    ['rango de fechas', { desde: `${anio}-03-01`, hasta: `${anio}-03-31` }],
    ['FTS: pavimentacion', { texto: 'pavimentacion' }],
    ['FTS: agua hermosillo', { texto: 'agua potable hermosillo' }],
    ['FTS: remitente sin acentos', { texto: 'maria garcia' }],
    ['FTS: folio', { texto: `03.01-1034/${String(anio).slice(2)}` }],
    ['FTS + dependencia', { texto: 'salud', dependenciaId: dep }],
    ['página 200 (offset 10,000)', { desplazamiento: 10_000 }],
    ['orden por recepción asc', { orden: 'recepcion_asc' }],
  ];
  const todas: number[] = [];
  const todasCpu: number[] = [];
  for (const [nombre, f] of consultas) {
    const t = await b.tiemposConCpu(30, () => llamar('correspondencia.bandeja', { limite: 50, ...f }));
    todas.push(...t.pared);
    todasCpu.push(...t.cpu);
    b.reportar({ name: `bandeja p95: ${nombre}`, value: percentil(t.pared, 95), unit: 'ms', budget: 30 });
    b.reportar({ name: `bandeja p95 CPU: ${nombre}`, value: percentil(t.cpu, 95), unit: 'ms', budget: null });
  }
  b.reportar({ name: 'bandeja p95: todas las consultas', value: percentil(todas, 95), unit: 'ms', budget: 30 });
  b.reportar({ name: 'bandeja p95 CPU: todas las consultas', value: percentil(todasCpu, 95), unit: 'ms', budget: null });

  // 3. The same query through drizzle and as hand SQL (page of 50 pending asuntos of a dependencia, by folio).
  const db = drizzle(sqlite);
  const porDrizzle = () =>
    db
      .select({ id: asuntos.id, folio: asuntos.folio, anio: asuntos.anio, numero: asuntos.numero, asunto: asuntos.asunto, remitente: asuntos.remitenteNombre, estatus: asuntos.estatus })
      .from(asuntos)
      .where(and(eq(asuntos.estatus, 'pendiente'), inArray(asuntos.id, db.select({ id: turnos.asuntoId }).from(turnos).where(eq(turnos.dependenciaId, dep)))))
      .orderBy(desc(asuntos.anio), desc(asuntos.numero))
      .limit(50)
      .all();
  const stmt = sqlite.prepare(`select id, folio, anio, numero, asunto, remitente_nombre as remitente, estatus from asuntos
    where estatus = 'pendiente' and id in (select asunto_id from turnos where dependencia_id = ?) order by anio desc, numero desc limit 50`);
  const porSql = () => stmt.all(dep);
  if (JSON.stringify(porDrizzle()) !== JSON.stringify(porSql())) throw new Error('drizzle y SQL no devuelven lo mismo');
  const td = await b.tiempos(200, porDrizzle, 10);
  const ts = await b.tiempos(200, porSql, 10);
  b.reportar({ name: 'misma consulta: drizzle mediana', value: mediana(td), unit: 'ms', budget: null });
  b.reportar({ name: 'misma consulta: SQL a mano mediana', value: mediana(ts), unit: 'ms', budget: null });
  b.reportar({ name: 'misma consulta: costo del ORM (drizzle / SQL)', value: mediana(td) / mediana(ts), unit: 'x', budget: null });

  // 4. Reporte de Estatus por Dependencia: compute (last 12 months and the whole five years) and PDF.
  const desde = sumarDias(hoy, -365);
  const r12 = await b.tiemposConCpu(10, () => llamar('correspondencia.reportes.estatusDatos', { desde, hasta: hoy }));
  b.reportar({ name: 'reporte de estatus: cálculo 12 meses (mediana)', value: mediana(r12.pared), unit: 'ms', budget: 150 });
  b.reportar({ name: 'reporte de estatus: cálculo 12 meses CPU (mediana)', value: mediana(r12.cpu), unit: 'ms', budget: null });
  const r5 = await b.tiemposConCpu(5, () => llamar('correspondencia.reportes.estatusDatos', { desde: sumarDias(hoy, -5 * 366), hasta: hoy }), 1);
  b.reportar({ name: 'reporte de estatus: cálculo 5 años (mediana)', value: mediana(r5.pared), unit: 'ms', budget: 150 });
  b.reportar({ name: 'reporte de estatus: cálculo 5 años CPU (mediana)', value: mediana(r5.cpu), unit: 'ms', budget: null });
  const pdf = await b.tiempos(3, () => llamar('correspondencia.reportes.estatus', { desde, hasta: hoy, formato: 'pdf' }), 1);
  b.reportar({ name: 'reporte de estatus: PDF (mediana)', value: mediana(pdf), unit: 'ms', budget: 1000 });
  const xl = await b.tiempos(3, () => llamar('correspondencia.reportes.estatus', { desde, hasta: hoy, formato: 'xlsx' }), 1);
  b.reportar({ name: 'reporte de estatus: Excel (mediana)', value: mediana(xl), unit: 'ms', budget: null });
  sqlite.close();
  core.close();

  // 5. Listado Excel of every asunto with all 13 columns, in its own process (peak memory is its own), and
  //    the same-run anchor: exceljs's streaming writer alone writing the same rows and columns. Beside them,
  //    the same writer reading its rows from the database as it writes: what reading alone costs, so the
  //    listado's ratio splits into the reading and the app's own code.
  // The job thread runs what the app ships: the built bundle (pool.ts takes it when it is newer than the
  // sources; from stale sources the thread would compile them with tsx, ~150 MB and seconds more).
  b.avisar('Compilando el paquete de los hilos de trabajo…');
  const compilado = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { encoding: 'utf8' });
  if (compilado.status !== 0) throw new Error(`build-electron: ${compilado.stderr}`);
  const columnas = ['folio', 'recepcion', 'remitente', 'asunto', 'estatus', 'turnadoA', 'semaforo', 'plazo', 'tipo', 'prioridad', 'destinatario', 'horas', 'oficio'];
  type Hijo = { ms: number; cpuMs: number; filas: number; rssMb: number; columnas?: number };
  // This machine's speed drifts ±15–30 % from minute to minute: three rounds, each running the three side by
  // side, and the median of each figure and of each round's ratio.
  const rondas: { l: Hijo; x: Hijo; piso: Hijo }[] = [];
  for (let r = 1; r <= 3; r++) {
    b.avisar(`Listado Excel de todos los asuntos, exceljs solo y exceljs leyendo de la base (procesos aparte), ronda ${r} de 3…`);
    const l = correrHijo<Hijo>('scripts/bench/listado-hijo.ts', [datos, 'correspondencia.exportar.asuntos', JSON.stringify({ columnas })]);
    const x = correrHijo<Hijo>('scripts/bench/excel-crudo.ts', [datos]);
    const piso = correrHijo<Hijo>('scripts/bench/excel-crudo.ts', [datos, '--leyendo']);
    b.avisar(`  listado ${(l.ms / 1000).toFixed(2)} s · exceljs solo ${(x.ms / 1000).toFixed(2)} s · exceljs leyendo ${(piso.ms / 1000).toFixed(2)} s`);
    rondas.push({ l, x, piso });
  }
  const med = (f: (r: (typeof rondas)[number]) => number) => mediana(rondas.map(f));
  const { l, x } = rondas[0];
  b.reportar({ name: `listado Excel de asuntos (${l.filas.toLocaleString('es-MX')} filas × 13 columnas): tiempo (mediana de 3)`, value: med((r) => r.l.ms) / 1000, unit: 's', budget: 10 });
  b.reportar({ name: 'listado Excel de asuntos: CPU (mediana)', value: med((r) => r.l.cpuMs) / 1000, unit: 's', budget: null });
  b.reportar({ name: 'listado Excel de asuntos: memoria máxima (RSS)', value: Math.max(...rondas.map((r) => r.l.rssMb)), unit: 'MB', budget: 400 });
  b.reportar({ name: `exceljs solo, mismas filas, columnas (${x.columnas}) y estilos (${x.filas.toLocaleString('es-MX')}): tiempo (mediana)`, value: med((r) => r.x.ms) / 1000, unit: 's', budget: null });
  b.reportar({ name: 'exceljs solo: CPU (mediana)', value: med((r) => r.x.cpuMs) / 1000, unit: 's', budget: null });
  b.reportar({ name: 'exceljs solo: memoria máxima (RSS, con las filas ya en memoria)', value: Math.max(...rondas.map((r) => r.x.rssMb)), unit: 'MB', budget: null });
  b.reportar({ name: 'exceljs leyendo las filas de la base mientras escribe (piso de cualquier listado): tiempo (mediana)', value: med((r) => r.piso.ms) / 1000, unit: 's', budget: null });
  b.reportar({ name: 'listado Excel / exceljs solo (tiempo, mediana de 3 rondas)', value: med((r) => r.l.ms / r.x.ms), unit: 'x', budget: 1.3 });
  b.reportar({ name: 'exceljs leyendo / exceljs solo (tiempo, mediana): lo que cuesta solo leer', value: med((r) => r.piso.ms / r.x.ms), unit: 'x', budget: null });
  b.reportar({ name: 'listado Excel / exceljs leyendo (tiempo, mediana): lo que cuesta el código de la app', value: med((r) => r.l.ms / r.piso.ms), unit: 'x', budget: null });
  b.reportar({ name: 'listado Excel / exceljs solo (CPU, mediana)', value: med((r) => r.l.cpuMs / r.x.cpuMs), unit: 'x', budget: null });
}
