/**
 * Tablero and Informe semanal: figures checked against data created through the modules' own methods
 * (and against the lists the figures link to); PDF and xlsx read back; the issue's bad inputs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRASENA, crearPrueba, crearUsuarioYEntrar, fallar, iniciarComoAdmin, llamar, type Prueba } from '../ayuda';
import type { Output } from '../../../electron/contract';

const texto = (ruta: string, pagina?: number) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ...(pagina ? ['-f', String(pagina), '-l', String(pagina)] : []), ruta, '-'], { encoding: 'utf8' });
const paginas = (ruta: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [ruta], { encoding: 'utf8' }))![1]);
/** Epoch ms of a local Hermosillo time (UTC−7). */
const hmo = (fecha: string, hora = '10:00') => Date.parse(`${fecha}T${hora}:00-07:00`);

interface Datos {
  p: Prueba;
  admin: string;
  cap: string;
  jefe: string;
  coord: string;
  dep: Record<string, string>;
  asuntos: Record<string, string>;
}

let d: Datos;
const ruta = (id: string, sesion: string) => d.p.core.archivoGenerado(id, sesion)!.ruta;

function asunto(extra: Record<string, unknown> = {}) {
  return {
    remitenteNombre: 'María José Peña Álvarez',
    remitenteOrganizacion: 'Ayuntamiento de Cajeme',
    asunto: 'Solicita apoyo para la rehabilitación del camino rural',
    ...extra,
  };
}

beforeAll(async () => {
  const p = await crearPrueba();
  p.reloj.ahora = hmo('2026-11-10', '08:00');
  let admin = await iniciarComoAdmin(p.core);
  let cap = await crearUsuarioYEntrar(p.core, admin, 'capturista1', 'capturista');
  let jefe = await crearUsuarioYEntrar(p.core, admin, 'jefe1', 'jefe');
  let coord = await crearUsuarioYEntrar(p.core, admin, 'coord1', 'coordinador');
  const entrar = async (usuario: string) => (await llamar(p.core, 'usuarios.iniciarSesion', { usuario, contrasena: CONTRASENA })).token;
  const dep = Object.fromEntries((await llamar(p.core, 'catalogos.dependencias.listar', {}, admin)).map((x) => [x.clave, x.id]));
  const instr = Object.fromEntries((await llamar(p.core, 'catalogos.instrucciones.listar', {}, admin)).map((x) => [x.clave, x.id]));
  const tipos = Object.fromEntries((await llamar(p.core, 'catalogos.tiposGabinete.listar', {}, admin)).map((x) => [x.clave, x.id]));
  const unidad = (await llamar(p.core, 'catalogos.unidades.listar', {}, admin))[0].id;
  const a: Record<string, string> = {};
  const reloj = p.reloj;
  // Moving the clock locks idle sessions: sign in again at each step.
  const en = async (fecha: string, hora = '10:00') => {
    reloj.ahora = hmo(fecha, hora);
    [admin, cap, jefe, coord] = [await entrar('admin'), await entrar('capturista1'), await entrar('jefe1'), await entrar('coord1')];
  };

  // Week 9–15 Nov 2026 (the last complete week when "today" is Fri 20 Nov).
  await en('2026-11-10', '09:00');
  a.A1 = (await llamar(p.core, 'correspondencia.registrar', { ...asunto(), fechaRecepcion: '2026-11-10', horaRecepcion: '09:00' }, cap)).id;
  a.A2 = (await llamar(p.core, 'correspondencia.registrar', { ...asunto({ asunto: 'Solicita becas' }), fechaRecepcion: '2026-11-10', horaRecepcion: '09:00' }, cap)).id;
  await en('2026-11-10', '11:00');
  await llamar(p.core, 'correspondencia.turnar', { asuntoId: a.A1, dependencias: [dep.SEGOB], instruccionId: instr.ATENCION }, cap);
  await en('2026-11-11', '09:00');
  a.A3 = (await llamar(p.core, 'correspondencia.registrar', { ...asunto({ asunto: 'Queja por falta de agua' }), fechaRecepcion: '2026-11-11', horaRecepcion: '09:00' }, cap)).id;
  await en('2026-11-12', '12:00'); // 51 h after A2 arrived: turned late
  await llamar(p.core, 'correspondencia.turnar', { asuntoId: a.A2, dependencias: [dep.SH], instruccionId: instr.ATENCION, fechaLimite: '2026-11-13' }, cap);

  const reunion = await llamar(p.core, 'gabinete.reuniones.crear', { tipoId: tipos.GL, tema: '', fecha: '2026-11-12', hora: '10:00', sede: 'Palacio de Gobierno', municipioClave: '26030' }, coord);
  const ac1 = await llamar(p.core, 'gabinete.acuerdos.crear', { reunionId: reunion.id, descripcion: 'Presentar el programa de obra 2027', dependenciaId: dep.SEGOB, fechaCompromiso: '2026-11-14' }, coord);
  const ac2 = await llamar(p.core, 'gabinete.acuerdos.crear', { reunionId: reunion.id, descripcion: 'Instalar la mesa de seguridad', dependenciaId: dep.SH, fechaCompromiso: '2026-12-15' }, coord);
  void ac1;
  await en('2026-11-13', '10:00');
  await llamar(p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: ac2.id, version: ac2.version, fecha: '2026-11-13', nota: 'Se instaló', estatus: 'concluido' }, coord);

  const c1 = await llamar(p.core, 'compromisos.crear', { descripcion: 'Hospital general en Cajeme', fechaCompromiso: '2021-05-01', municipioClave: '26018', dependenciaId: dep.SEGOB, fechaEstimada: '2026-11-13' }, coord);
  const c2 = await llamar(p.core, 'compromisos.crear', { descripcion: 'Carretera a Bahía de Kino', fechaCompromiso: '2021-05-02', municipioClave: '26030', dependenciaId: dep.SH }, coord);
  void c1;
  await en('2026-11-14', '10:00');
  await llamar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: c2.id, version: c2.version, fecha: '2026-11-14', nota: 'Obra entregada', estatus: 'cumplido' }, coord);

  const meta = await llamar(p.core, 'poa.crearMeta', { anio: 2026, descripcion: 'Reuniones de gabinete realizadas', unidadId: unidad, unidadMedida: 'Reunión', tipo: 'acumulable', periodicidad: 'trimestral', programado: [5, 6, 6, 6] }, coord);
  await llamar(p.core, 'poa.capturar', { metaId: meta.id, periodo: 1, version: 0, alcanzado: 5 }, coord);

  // This week (16–22 Nov): one asunto, turned at once.
  await en('2026-11-20', '09:00');
  a.A5 = (await llamar(p.core, 'correspondencia.registrar', { ...asunto({ asunto: 'Invitación al foro regional' }), fechaRecepcion: '2026-11-20', horaRecepcion: '09:00' }, cap)).id;
  await en('2026-11-20', '10:00');
  await llamar(p.core, 'correspondencia.turnar', { asuntoId: a.A5, dependencias: [dep.SEGOB], instruccionId: instr.ATENCION }, cap);
  d = { p, admin, cap, jefe, coord, dep, asuntos: a };
}, 60_000);

afterAll(() => d?.p.cerrar());

/** Reads a tablero link's query back into the bandeja's filters (the same mapping its page does). */
function filtrosBandeja(enlace: string) {
  const q = new URLSearchParams(enlace.split('?')[1] ?? '');
  return {
    estatus: q.get('f.estatus') ? (q.get('f.estatus')!.split(',') as never) : undefined,
    dependenciaId: q.get('f.turnadoA') || null,
    desde: q.get('desde') || null,
    hasta: q.get('hasta') || null,
    vencidos: q.get('vencidos') === '1' || undefined,
    en48h: (q.get('en48h') as 'si' | 'no' | null) || null,
    plazo: (q.get('plazo') as 'en_riesgo' | 'a_tiempo' | null) || null,
  };
}

describe('tablero.resumen', () => {
  let r: Output<'tablero.resumen'>;
  beforeAll(async () => {
    r = await llamar(d.p.core, 'tablero.resumen', {}, d.jefe);
  });

  it('el Jefe de Oficina ve las cuatro tarjetas, y cada cifra de correspondencia es el total de la bandeja a la que lleva', async () => {
    expect(r.semana).toEqual({ desde: '2026-11-16', hasta: '2026-11-22' });
    expect(r.anterior).toEqual({ desde: '2026-11-09', hasta: '2026-11-15' });
    expect(r.tarjetas.map((t) => t.modulo)).toEqual(['correspondencia', 'acuerdos', 'compromisos', 'poa']);
    const c = r.tarjetas[0];
    expect(c.total).toBe(4);
    expect(Object.fromEntries(c.estatus.map((s) => [s.clave, s.valor]))).toEqual({ atendido: 0, en_proceso: 0, pendiente: 4 });
    expect(c.plazo.find((s) => s.clave === 'vencido')).toMatchObject({ valor: 2, color: 'rojo', enlace: '/correspondencia?vencidos=1' });
    // Every plazo figure leads to its list (en riesgo and a tiempo too), checked against the bandeja below.
    expect(c.plazo.map((s) => s.enlace)).toEqual(['/correspondencia?vencidos=1', '/correspondencia?plazo=en_riesgo', '/correspondencia?plazo=a_tiempo']);
    expect(c.plazo.reduce((n, s) => n + s.valor, 0)).toBe(c.total);
    for (const s of [...c.estatus, ...c.plazo, ...c.semana.map((x) => ({ valor: x.clave === 'en48h' ? null : x.actual, enlace: x.enlace }))]) {
      if (!s.enlace || s.valor === null) continue;
      const b = await llamar(d.p.core, 'correspondencia.bandeja', { ...filtrosBandeja(s.enlace), limite: 1 }, d.jefe);
      expect(b.total, s.enlace).toBe(s.valor);
    }
    const semana = Object.fromEntries(c.semana.map((x) => [x.clave, x]));
    expect(semana.recibidos).toMatchObject({ actual: 1, anterior: 3, cambio: -2 });
    expect(semana.turnados).toMatchObject({ actual: 1, anterior: 2, cambio: -1 });
    expect(semana.en48h).toMatchObject({ actual: 100, anterior: 33.3, cambio: 66.7 });
    expect(semana.en48h.enlace).toBe('/correspondencia?desde=2026-11-16&hasta=2026-11-22&en48h=si&f.estatus=pendiente%2Cen_proceso%2Catendido');
  });

  it('acuerdos y compromisos: semáforos de estatus y de plazo iguales a las listas de sus módulos', async () => {
    const ac = r.tarjetas[1];
    expect(ac.total).toBe(2);
    const lista = await llamar(d.p.core, 'gabinete.acuerdos.listar', {}, d.jefe);
    for (const s of ac.estatus) {
      const q = new URLSearchParams(s.enlace!.split('?')[1]);
      const filtrada = await llamar(d.p.core, 'gabinete.acuerdos.listar', { semaforo: q.get('semaforo') as 'verde' }, d.jefe);
      expect(filtrada.total, s.clave).toBe(s.valor);
    }
    expect(ac.plazo.find((s) => s.clave === 'vencido')!.valor).toBe(lista.items.filter((x) => x.semaforoPlazo.clave === 'vencido').length);
    expect(ac.plazo.find((s) => s.clave === 'vencido')!.valor).toBe(1);
    const semana = Object.fromEntries(ac.semana.map((x) => [x.clave, x]));
    expect(semana.nuevos).toMatchObject({ actual: 0, anterior: 2 });
    expect(semana.concluidos).toMatchObject({ actual: 0, anterior: 1 });
    expect(semana.vencidos).toMatchObject({ actual: 1, anterior: 1 });
    // «Concluidos» of each week opens the acuerdos concluded that week (not every concluded acuerdo).
    for (const [enlace, valor] of [[semana.concluidos.enlace!, semana.concluidos.actual], [semana.concluidos.enlaceAnterior!, semana.concluidos.anterior]] as const) {
      const q = new URLSearchParams(enlace.split('?')[1]);
      const l = await llamar(d.p.core, 'gabinete.acuerdos.listar', { concluidoDesde: q.get('concluidoDesde')!, concluidoHasta: q.get('concluidoHasta')! }, d.jefe);
      expect(l.total, enlace).toBe(valor);
    }
    expect(semana.concluidos.enlaceAnterior).toBe('/gabinete/acuerdos?concluidoDesde=2026-11-09&concluidoHasta=2026-11-15');

    const co = r.tarjetas[2];
    const sem = await llamar(d.p.core, 'compromisos.semaforo', {}, d.jefe);
    expect(Object.fromEntries(co.estatus.map((s) => [s.clave, s.valor]))).toEqual({ cumplido: sem.general.cumplido, en_proceso: sem.general.en_proceso, sin_avance: sem.general.sin_avance });
    expect(co.plazo.find((s) => s.clave === 'vencido')!.valor).toBe(1);
    // Same plazo semáforo as the compromisos list computes, item by item.
    const listaC = await llamar(d.p.core, 'compromisos.listar', { texto: '' }, d.jefe);
    for (const s of co.plazo) expect(s.valor, s.clave).toBe(listaC.items.filter((x) => x.plazo.clave === s.clave).length);
    expect(co.semana.find((x) => x.clave === 'cumplidos')).toMatchObject({ actual: 0, anterior: 1 });
    // «Cumplidos en la semana» opens that week's cumplidos: as many as the figure says, each week.
    const cumplidos = co.semana.find((x) => x.clave === 'cumplidos')!;
    for (const [enlace, valor] of [[cumplidos.enlace!, cumplidos.actual], [cumplidos.enlaceAnterior!, cumplidos.anterior]] as const) {
      const q = new URLSearchParams(enlace.split('?')[1]);
      const l = await llamar(d.p.core, 'compromisos.listar', { texto: '', cumplidoDesde: q.get('cumplidoDesde')!, cumplidoHasta: q.get('cumplidoHasta')! }, d.jefe);
      expect(l.total, enlace).toBe(valor);
    }
    expect(cumplidos.enlaceAnterior).toBe('/compromisos?cumplidoDesde=2026-11-09&cumplidoHasta=2026-11-15');

    const poa = r.tarjetas[3];
    const t = await llamar(d.p.core, 'poa.tablero', { anio: 2026 }, d.jefe);
    expect(poa.total).toBe(t.metas.length);
    expect(poa.estatus.find((s) => s.color === 'rojo')!.valor).toBe(t.metas.filter((m) => m.semaforo.color === 'rojo').length);
    expect(poa.enlace).toBe('/poa/2026');
    // Each semáforo count opens the grid at the same corte showing only its metas.
    for (const s of poa.estatus) {
      const q = new URLSearchParams(s.enlace!.split('?')[1]);
      expect(s.enlace!.startsWith('/poa/2026?'), s.enlace!).toBe(true);
      const grid = await llamar(d.p.core, 'poa.tablero', { anio: 2026, corte: Number(q.get('corte')) }, d.jefe);
      expect(grid.metas.filter((m) => !m.cancelada && m.semaforo.color === q.get('semaforo')).length, s.clave).toBe(s.valor);
    }
  });

  it('vencidos por dependencia: turnos, acuerdos y compromisos, con el enlace a cada lista filtrada', async () => {
    const segob = r.vencidosPorDependencia.find((x) => x.dependenciaId === d.dep.SEGOB)!;
    expect(segob).toMatchObject({ turnos: 0, acuerdos: 1, compromisos: 1, total: 2 });
    expect(segob.enlaces.acuerdos).toBe(`/gabinete/acuerdos?dependencia=${d.dep.SEGOB}&vencidos=1`);
    const sh = r.vencidosPorDependencia.find((x) => x.dependenciaId === d.dep.SH)!;
    expect(sh).toMatchObject({ turnos: 1, acuerdos: 0, compromisos: 0, total: 1 });
    const b = await llamar(d.p.core, 'correspondencia.bandeja', { ...filtrosBandeja(sh.enlaces.turnos!), limite: 5 }, d.jefe);
    expect(b.filas.map((f) => f.id)).toEqual([d.asuntos.A2]);
    expect(r.vencidosPorDependencia[0].total).toBeGreaterThanOrEqual(r.vencidosPorDependencia.at(-1)!.total);
  });

  it('tendencia de 12 semanas de "turnados en 48 h" que termina en la semana actual', () => {
    expect(r.tendencia48h).toHaveLength(12);
    expect(r.tendencia48h!.at(-1)).toMatchObject({ desde: '2026-11-16', porcentaje: 100, etiqueta: '16 nov' });
    expect(r.tendencia48h!.at(-2)).toMatchObject({ desde: '2026-11-09', porcentaje: 33.3, turnadosEn48h: 1, medibles: 3 });
    expect(r.tendencia48h![0].porcentaje).toBeNull();
  });

  it('por rol: la capturista ve solo correspondencia; la coordinación no ve correspondencia', async () => {
    const c = await llamar(d.p.core, 'tablero.resumen', {}, d.cap);
    expect(c.tarjetas.map((t) => t.modulo)).toEqual(['correspondencia']);
    expect(c.vencidosPorDependencia.every((x) => x.acuerdos === 0 && x.compromisos === 0)).toBe(true);
    const k = await llamar(d.p.core, 'tablero.resumen', {}, d.coord);
    expect(k.tarjetas.map((t) => t.modulo)).toEqual(['acuerdos', 'compromisos', 'poa']);
    expect(k.tendencia48h).toBeNull();
    expect((await fallar(d.p.core, 'tablero.resumen', {}, null)).code).toBe('NO_AUTENTICADO');
    expect((await fallar(d.p.core, 'tablero.informe.datos', {}, d.cap)).code).toBe('PROHIBIDO');
  });
});

describe('informe semanal', () => {
  it('por omisión la última semana completa, con las secciones del DOMAIN §6 y la semana anterior al lado', async () => {
    const i = await llamar(d.p.core, 'tablero.informe.datos', {}, d.jefe);
    expect(i.semana).toEqual({ desde: '2026-11-09', hasta: '2026-11-15' });
    expect(i).toMatchObject({ corte: '2026-11-15', enCurso: false, instantanea: null });
    expect(i.correspondencia).toMatchObject({ recibidos: 3, turnados: 2, turnadosEn48h: 1, medibles48h: 3, porcentajeEn48h: 33.3, pendientes: 2, vencidos: 1 });
    // A2 was turned on the 12th with fecha límite the 13th: overdue at the corte (Sunday 15).
    const sh = i.correspondencia.porDependencia.find((x) => x.dependenciaId === d.dep.SH)!;
    expect(sh).toMatchObject({ turnadosSemana: 1, atendidosSemana: 0, pendientes: 1, vencidos: 1 });
    expect(i.gabinete).toMatchObject({ nuevos: 2, concluidos: 1, vencidos: 1, porIniciar: 1, concluidosTotal: 1 });
    expect(i.gabinete.reuniones).toHaveLength(1);
    expect(i.gabinete.acuerdosVencidos[0]).toMatchObject({ codigo: 'GL-I-01', fechaCompromiso: '2026-11-14' });
    expect(i.compromisos).toMatchObject({ total: 2, cumplido: 1, sinAvance: 1, cumplidosSemana: 1 });
    expect(i.compromisos.cambios).toHaveLength(1);
    expect(i.poa).toMatchObject({ anio: 2026, trimestre: 4, metas: 1, rojo: 1 });
    const ind = Object.fromEntries(i.indicadores.map((x) => [x.clave, x]));
    expect(ind.recibidos).toMatchObject({ actual: 3, anterior: 0, cambio: 3 });
    expect(ind.en48h).toMatchObject({ actual: 33.3, anterior: null, cambio: null });
    expect(i.tendencia48h.at(-1)).toMatchObject({ desde: '2026-11-09', porcentaje: 33.3 });
  });

  it('genera PDF y Excel, guarda la instantánea y reproduce después las mismas cifras y nombres aunque los datos cambien', async () => {
    const progreso: number[] = [];
    const dejar = d.p.core.on('progreso', (p) => p.tarea === 'prueba-informe' && progreso.push(p.fraccion));
    const pdf = await llamar(d.p.core, 'tablero.informe.generar', { formato: 'pdf', tarea: 'prueba-informe' }, d.jefe);
    dejar();
    expect(progreso[0]).toBe(0);
    expect(progreso.at(-1)).toBe(1);
    expect(pdf).toMatchObject({ semana: { desde: '2026-11-09', hasta: '2026-11-15' }, reproducido: false, nombre: 'Informe semanal 2026-11-09 a 2026-11-15.pdf' });
    const r1 = ruta(pdf.archivoId, d.jefe);
    const t1 = texto(r1);
    expect(t1).toContain('Informe semanal');
    expect(t1).toContain('Del 9 al 15 de noviembre de 2026');
    expect(t1).toMatch(/Correspondencia recibida\s+3\s+0\s+\+3/);
    expect(t1).toMatch(/% turnado en 48 horas\s+33\.3 %\s+Sin datos/);
    expect(t1).toMatch(/Acuerdos vencidos al corte\s+1/);
    expect(t1).toContain('GL-I-01');
    expect(t1).toContain('Secretaría de Hacienda');
    expect(t1).toContain('Carretera a Bahía de Kino');
    expect(paginas(r1)).toBeLessThanOrEqual(4);
    fs.copyFileSync(r1, '/tmp/informe-semanal-prueba.pdf');

    const xlsx = await llamar(d.p.core, 'tablero.informe.generar', { formato: 'xlsx' }, d.jefe);
    expect(xlsx.reproducido).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ruta(xlsx.archivoId, d.jefe));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Resumen', 'Correspondencia', 'Tendencia 48 h', 'Gabinete - reuniones', 'Gabinete - acuerdos vencidos', 'Compromisos', 'POA']);
    const celdas = (nombre: string) => {
      const out: string[][] = [];
      wb.getWorksheet(nombre)!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && 'result' in (v as object) ? String((v as { result: unknown }).result) : String(v)))));
      return out;
    };
    expect(celdas('Resumen').find((r) => r[0] === 'Correspondencia recibida')).toEqual(['Correspondencia recibida', '3', '0', '3']);
    expect(celdas('Resumen').find((r) => r[0] === '% turnado en 48 horas')).toEqual(['% turnado en 48 horas', '0.333']);
    // Counts are integers and percentages are percent-formatted numbers (no "%" column beside a 33.3).
    const resumen = wb.getWorksheet('Resumen')!;
    let filaPct = 0;
    let filaCuenta = 0;
    resumen.eachRow((row, n) => {
      if (row.getCell(1).value === '% turnado en 48 horas') filaPct = n;
      if (row.getCell(1).value === 'Correspondencia recibida') filaCuenta = n;
    });
    expect(resumen.getRow(filaPct).getCell(2).numFmt).toMatch(/^0\.0\\? %$/);
    expect(resumen.getRow(filaCuenta).getCell(2).numFmt).toBe('#,##0');
    const dep = celdas('Correspondencia').find((r) => r[0].startsWith('Secretaría de Hacienda'))!;
    expect(dep.slice(1, 5)).toEqual(['1', '0', '1', '1']);
    expect(celdas('Compromisos').some((r) => r.includes('Carretera a Bahía de Kino'))).toBe(true);

    // The data moves on: A3 gets turned, Hacienda is renamed.
    await llamar(d.p.core, 'correspondencia.turnar', { asuntoId: d.asuntos.A3, dependencias: [d.dep.SH], instruccionId: (await llamar(d.p.core, 'catalogos.instrucciones.listar', {}, d.admin)).find((x) => x.clave === 'ATENCION')!.id }, d.cap);
    const deps = await llamar(d.p.core, 'catalogos.dependencias.listar', {}, d.admin);
    const sh = deps.find((x) => x.id === d.dep.SH)!;
    await llamar(d.p.core, 'catalogos.dependencias.guardar', { ...sh, nombre: 'Secretaría de Finanzas y Hacienda Pública', siglas: 'SFHP' }, d.admin);

    const otra = await llamar(d.p.core, 'tablero.informe.generar', { formato: 'pdf' }, d.jefe);
    expect(otra.reproducido).toBe(true);
    const t2 = texto(ruta(otra.archivoId, d.jefe));
    expect(t2).toMatch(/Asuntos turnados\s+2\s+0/);
    expect(t2).toContain('Secretaría de Hacienda');
    expect(t2).not.toContain('Finanzas y Hacienda');
    expect(t2).toContain('Reproducción del informe generado');

    // Recomputed from the data: A3 now counts as turned, but the name is still the one it had that week.
    const nueva = await llamar(d.p.core, 'tablero.informe.datos', { recalcular: true }, d.jefe);
    expect(nueva.correspondencia.turnados).toBe(3);
    expect(nueva.correspondencia.porDependencia.find((x) => x.dependenciaId === d.dep.SH)!.dependencia).toBe(sh.nombre);
    expect(nueva.compromisos.cambios[0].dependencia).toBe(sh.siglas);
    // The tablero (today) shows today's names.
    expect((await llamar(d.p.core, 'tablero.resumen', {}, d.jefe)).vencidosPorDependencia.find((x) => x.dependenciaId === d.dep.SH)?.siglas).toBe('SFHP');
    // The trend of the tablero reads the printed figure of that week.
    const r = await llamar(d.p.core, 'tablero.resumen', {}, d.jefe);
    expect(r.tendencia48h!.at(-2)).toMatchObject({ desde: '2026-11-09', fuente: 'informe', porcentaje: 33.3 });
    const semanas = await llamar(d.p.core, 'tablero.informe.semanas', {}, d.jefe);
    expect(semanas.generadas.map((s) => s.desde)).toEqual(['2026-11-09']);
    expect(semanas.predeterminada).toEqual({ desde: '2026-11-09', hasta: '2026-11-15' });
  });

  it('una semana futura se rechaza; la semana en curso se informa sin guardarse; fechas inválidas se rechazan', async () => {
    const e = await fallar(d.p.core, 'tablero.informe.generar', { semana: '2026-11-23', formato: 'pdf' }, d.jefe);
    expect(e).toMatchObject({ code: 'VALIDACION', message: 'La semana del 23/11/2026 al 29/11/2026 aún no comienza: elija una semana que ya haya comenzado (hoy es 20/11/2026).' });
    expect((await fallar(d.p.core, 'tablero.informe.datos', { semana: '2027-01-04' }, d.jefe)).code).toBe('VALIDACION');
    expect((await fallar(d.p.core, 'tablero.informe.datos', { semana: '2026-02-30' }, d.jefe)).message).toBe('Semana: no es una fecha válida (use AAAA-MM-DD).');
    expect((await fallar(d.p.core, 'tablero.informe.generar', { formato: 'docx' }, d.jefe)).message).toBe('Formato: elija PDF o Excel.');
    expect((await fallar(d.p.core, 'tablero.informe.datos', { semana: "2026-11-16'; drop table asuntos;--" }, d.jefe)).code).toBe('VALIDACION');
    const enCurso = await llamar(d.p.core, 'tablero.informe.generar', { semana: '2026-11-18', formato: 'pdf' }, d.jefe);
    expect(enCurso.semana).toEqual({ desde: '2026-11-16', hasta: '2026-11-22' });
    expect(texto(ruta(enCurso.archivoId, d.jefe))).toContain('semana en curso, cifras al 20 de noviembre de 2026');
    const semanas = await llamar(d.p.core, 'tablero.informe.semanas', {}, d.jefe);
    expect(semanas.generadas.map((s) => s.desde)).not.toContain('2026-11-16');
  });

  it('una semana sin datos imprime un informe completo en ceros, sin páginas vacías', async () => {
    const g = await llamar(d.p.core, 'tablero.informe.generar', { semana: '2026-06-03', formato: 'pdf' }, d.jefe);
    expect(g.semana).toEqual({ desde: '2026-06-01', hasta: '2026-06-07' });
    const r = ruta(g.archivoId, d.jefe);
    const t = texto(r);
    for (const s of ['Resumen de la semana', '1. Correspondencia', '2. Gabinete', '3. Compromisos de campaña', '4. POA 2026']) expect(t).toContain(s);
    expect(t).toMatch(/Correspondencia recibida\s+0\s+0\s+Sin cambio/);
    expect(t).toContain('No hubo reuniones de gabinete en la semana.');
    expect(t).toContain('sin asuntos recibidos en esas semanas');
    const n = paginas(r);
    expect(n).toBeLessThanOrEqual(4);
    for (let k = 1; k <= n; k++) expect(texto(r, k).replace(/Página \d+ de \d+|Generado.*$/gm, '').trim().length, `página ${k}`).toBeGreaterThan(100);
    fs.copyFileSync(r, '/tmp/informe-semanal-vacio.pdf');
    const x = await llamar(d.p.core, 'tablero.informe.generar', { semana: '2026-06-03', formato: 'xlsx' }, d.jefe);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ruta(x.archivoId, d.jefe));
    expect(wb.worksheets).toHaveLength(7);
  });
});

describe('semana con cambio de año', () => {
  it('cuenta cada asunto una sola vez aunque sus folios sean de años distintos', async () => {
    const p = await crearPrueba();
    try {
      const admin = await iniciarComoAdmin(p.core);
      await crearUsuarioYEntrar(p.core, admin, 'capturista1', 'capturista');
      await crearUsuarioYEntrar(p.core, admin, 'jefe1', 'jefe');
      const dep = Object.fromEntries((await llamar(p.core, 'catalogos.dependencias.listar', {}, admin)).map((x) => [x.clave, x.id]));
      const instr = Object.fromEntries((await llamar(p.core, 'catalogos.instrucciones.listar', {}, admin)).map((x) => [x.clave, x.id]));
      const folios: string[] = [];
      for (const [fecha, hora] of [['2026-12-30', '10:00'], ['2026-12-31', '23:30'], ['2027-01-01', '00:30'], ['2027-01-03', '12:00']]) {
        p.reloj.ahora = hmo(fecha, hora);
        const s = (await llamar(p.core, 'usuarios.iniciarSesion', { usuario: 'capturista1', contrasena: CONTRASENA })).token;
        const a = await llamar(p.core, 'correspondencia.registrar', { ...asunto(), fechaRecepcion: fecha, horaRecepcion: hora }, s);
        folios.push(a.folio);
        p.reloj.avanzar(5 * 60_000);
        await llamar(p.core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [dep.SEGOB], instruccionId: instr.ATENCION }, s);
      }
      expect(folios.map((f) => f.slice(-2))).toEqual(['26', '26', '27', '27']);
      p.reloj.ahora = hmo('2027-01-10');
      const jefe = (await llamar(p.core, 'usuarios.iniciarSesion', { usuario: 'jefe1', contrasena: CONTRASENA })).token;
      const i = await llamar(p.core, 'tablero.informe.datos', { semana: '2027-01-01' }, jefe);
      expect(i.semana).toEqual({ desde: '2026-12-28', hasta: '2027-01-03' });
      expect(i.correspondencia).toMatchObject({ recibidos: 4, turnados: 4, turnadosEn48h: 4, porcentajeEn48h: 100 });
      expect(i.correspondencia.porDependencia.find((x) => x.dependenciaId === dep.SEGOB)!.turnadosSemana).toBe(4);
      const g = await llamar(p.core, 'tablero.informe.generar', { semana: '2027-01-01', formato: 'pdf' }, jefe);
      expect(texto(p.core.archivoGenerado(g.archivoId, jefe)!.ruta)).toContain('Del 28 de diciembre de 2026 al 3 de enero de 2027');
    } finally {
      p.cerrar();
    }
  });
});

describe('cifras de la semana que abren su lista', () => {
  it('«Vencidos» de la semana anterior abre los vencidos al cierre de esa semana; «Avance promedio» de cada semana los compromisos que promedia; «Seguimientos registrados» los compromisos que los recibieron', async () => {
    const p = await crearPrueba();
    try {
      p.reloj.ahora = hmo('2026-11-10', '08:00');
      const admin = await iniciarComoAdmin(p.core);
      await crearUsuarioYEntrar(p.core, admin, 'coord1', 'coordinador');
      await crearUsuarioYEntrar(p.core, admin, 'jefe1', 'jefe');
      const entrar = async (usuario: string) => (await llamar(p.core, 'usuarios.iniciarSesion', { usuario, contrasena: CONTRASENA })).token;
      const dep = Object.fromEntries((await llamar(p.core, 'catalogos.dependencias.listar', {}, admin)).map((x) => [x.clave, x.id]));
      const tipos = Object.fromEntries((await llamar(p.core, 'catalogos.tiposGabinete.listar', {}, admin)).map((x) => [x.clave, x.id]));
      let coord = await entrar('coord1');
      const reunion = await llamar(p.core, 'gabinete.reuniones.crear', { tipoId: tipos.GL, tema: '', fecha: '2026-11-10', hora: '10:00', sede: 'Palacio de Gobierno', municipioClave: '26030' }, coord);
      const concluidoDespues = await llamar(p.core, 'gabinete.acuerdos.crear', { reunionId: reunion.id, descripcion: 'Entregar el padrón de beneficiarios', dependenciaId: dep.SEGOB, fechaCompromiso: '2026-11-11' }, coord);
      await llamar(p.core, 'gabinete.acuerdos.crear', { reunionId: reunion.id, descripcion: 'Publicar la convocatoria', dependenciaId: dep.SH, fechaCompromiso: '2026-11-12' }, coord);
      await llamar(p.core, 'gabinete.acuerdos.crear', { reunionId: reunion.id, descripcion: 'Instalar el comité', dependenciaId: dep.SH, fechaCompromiso: '2026-11-30' }, coord);
      const c1 = await llamar(p.core, 'compromisos.crear', { descripcion: 'Hospital general en Cajeme', fechaCompromiso: '2021-05-01', municipioClave: '26018', dependenciaId: dep.SEGOB }, coord);
      const c2 = await llamar(p.core, 'compromisos.crear', { descripcion: 'Carretera a Bahía de Kino', fechaCompromiso: '2021-05-02', municipioClave: '26030', dependenciaId: dep.SH }, coord);
      const c3 = await llamar(p.core, 'compromisos.crear', { descripcion: 'Presa en el río Sonora', fechaCompromiso: '2021-05-03', municipioClave: '26030', dependenciaId: dep.SH }, coord);
      let h1 = await llamar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: c1.id, version: c1.version, fecha: '2026-11-10', nota: 'Obra al 45 %', estatus: 'en_proceso', avance: 45 }, coord);
      await llamar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: c3.id, version: c3.version, fecha: '2026-11-10', nota: 'Sin viabilidad técnica', estatus: 'no_procedente', motivo: 'Sin viabilidad técnica' }, coord);
      // Concluded this week: vencido at last week's close, not today.
      p.reloj.ahora = hmo('2026-11-18');
      coord = await entrar('coord1');
      await llamar(p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: concluidoDespues.id, version: concluidoDespues.version, fecha: '2026-11-18', nota: 'Entregado', estatus: 'concluido' }, coord);
      // This week: two notes on the same compromiso (2 seguimientos, 1 compromiso; its avance does not move).
      h1 = await llamar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: c1.id, version: h1.version, fecha: '2026-11-18', nota: 'Visita de obra' }, coord);
      await llamar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: c1.id, version: h1.version, fecha: '2026-11-18', nota: 'Reunión con el contratista' }, coord);
      // And the carretera, sin avance at last week's close, is cumplida this week.
      await llamar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: c2.id, version: c2.version, fecha: '2026-11-18', nota: 'Inaugurada', estatus: 'cumplido', avance: 100 }, coord);

      p.reloj.ahora = hmo('2026-11-20');
      const jefe = await entrar('jefe1');
      const r = await llamar(p.core, 'tablero.resumen', {}, jefe);
      const vencidos = r.tarjetas.find((t) => t.modulo === 'acuerdos')!.semana.find((x) => x.clave === 'vencidos')!;
      expect(vencidos).toMatchObject({ actual: 1, anterior: 2 });
      expect(vencidos.enlaceAnterior).toBe('/gabinete/acuerdos?vencidosAl=2026-11-15');
      const alCierre = await llamar(p.core, 'gabinete.acuerdos.listar', { vencidosAl: '2026-11-15' }, jefe);
      expect(alCierre.total).toBe(vencidos.anterior);
      expect(alCierre.items.map((x) => x.descripcion).sort()).toEqual(['Entregar el padrón de beneficiarios', 'Publicar la convocatoria']);
      expect((await llamar(p.core, 'gabinete.acuerdos.listar', { vencidos: true }, jefe)).total).toBe(vencidos.actual);
      // Before the first fecha compromiso passed, none was vencido.
      expect((await llamar(p.core, 'gabinete.acuerdos.listar', { vencidosAl: '2026-11-11' }, jefe)).total).toBe(0);

      const avance = r.tarjetas.find((t) => t.modulo === 'compromisos')!.semana.find((x) => x.clave === 'avance')!;
      expect(avance).toMatchObject({ actual: 72.5, anterior: 22.5 });
      const q = new URLSearchParams(avance.enlace!.split('?')[1]);
      expect(q.get('de')).toBe('avance');
      const l = await llamar(p.core, 'compromisos.listar', { texto: '', estatus: q.get('estatus')!.split(',') as never, fechaHasta: q.get('hasta')! }, jefe);
      expect(l.items.map((x) => x.descripcion).sort()).toEqual(['Carretera a Bahía de Kino', 'Hospital general en Cajeme']);
      expect(l.items.reduce((s, x) => s + x.avance, 0) / l.items.length).toBe(avance.actual);
      // Last week's opens the same compromisos as they stood at its close (estatus and avance rebuilt from the seguimientos).
      expect(avance.enlaceAnterior).toBe('/compromisos?estatus=cumplido%2Cen_proceso%2Csin_avance&alCierre=2026-11-15&de=avance');
      const qa = new URLSearchParams(avance.enlaceAnterior!.split('?')[1]);
      const la = await llamar(p.core, 'compromisos.listar', { texto: '', estatus: qa.get('estatus')!.split(',') as never, alCierre: qa.get('alCierre')! }, jefe);
      expect(la.items.map((x) => [x.descripcion, x.alCierre, x.estatus])).toEqual([
        ['Hospital general en Cajeme', { estatus: 'en_proceso', avance: 45 }, 'en_proceso'],
        ['Carretera a Bahía de Kino', { estatus: 'sin_avance', avance: 0 }, 'cumplido'],
      ]);
      expect(la.items.reduce((s, x) => s + x.alCierre!.avance, 0) / la.items.length).toBe(avance.anterior);
      // The estatus filter reads the estatus at the close: sin avance then, cumplida now.
      expect((await llamar(p.core, 'compromisos.listar', { texto: '', estatus: ['sin_avance'], alCierre: '2026-11-15' }, jefe)).items.map((x) => x.descripcion)).toEqual(['Carretera a Bahía de Kino']);
      // Before they were made, nothing.
      expect((await llamar(p.core, 'compromisos.listar', { texto: '', alCierre: '2021-05-01' }, jefe)).items.map((x) => x.descripcion)).toEqual(['Hospital general en Cajeme']);

      // «Seguimientos registrados» of each week opens the compromisos that got them; their counts add up to the figure.
      const seguimientos = r.tarjetas.find((t) => t.modulo === 'compromisos')!.semana.find((x) => x.clave === 'seguimientos')!;
      expect(seguimientos).toMatchObject({ actual: 3, anterior: 2 });
      expect(seguimientos.enlace).toBe('/compromisos?seguimientoDesde=2026-11-16&seguimientoHasta=2026-11-22');
      expect(seguimientos.enlaceAnterior).toBe('/compromisos?seguimientoDesde=2026-11-09&seguimientoHasta=2026-11-15');
      const porSemana = [];
      for (const [enlace, valor] of [[seguimientos.enlace!, seguimientos.actual], [seguimientos.enlaceAnterior!, seguimientos.anterior]] as const) {
        const qs = new URLSearchParams(enlace.split('?')[1]);
        const ls = await llamar(p.core, 'compromisos.listar', { texto: '', seguimientoDesde: qs.get('seguimientoDesde')!, seguimientoHasta: qs.get('seguimientoHasta')! }, jefe);
        expect(ls.items.reduce((s, x) => s + x.seguimientosEnPeriodo!, 0), enlace).toBe(valor);
        porSemana.push(ls.items.map((x) => [x.descripcion, x.seguimientosEnPeriodo]));
      }
      expect(porSemana).toEqual([
        [['Hospital general en Cajeme', 2], ['Carretera a Bahía de Kino', 1]],
        [['Hospital general en Cajeme', 1], ['Presa en el río Sonora', 1]],
      ]);
      // Without the filter nobody carries the count.
      expect((await llamar(p.core, 'compromisos.listar', { texto: '' }, jefe)).items.every((x) => x.seguimientosEnPeriodo === undefined)).toBe(true);
    } finally {
      p.cerrar();
    }
  });
});
