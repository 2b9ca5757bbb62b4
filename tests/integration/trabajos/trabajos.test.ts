/**
 * Background jobs (electron/core/jobs): listados run in a worker thread on its own read-only connection,
 * report progress, hand the file to the caller's session only, see what was committed before they started,
 * and can be cancelled (no file left behind, the pool keeps working). Also the tablero's memory: each
 * section computed once for every role until a write it reads commits.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generarDemo } from '../../../scripts/demo-datos';
import type { Progreso } from '../../../electron/core/tipos';
import { createCore } from '../../../electron/core/app';
import { PRIORIDAD_DE_TRABAJOS } from '../../../electron/core/jobs/definir';
import { carpetaTemporal, crearPrueba, crearUsuarioYEntrar, fallar, iniciarComoAdmin, llamar, CONTRASENA, type Prueba } from '../ayuda';

let p: Prueba;
let jefe: string;
let admin: string;
let capturista: string;

beforeAll(async () => {
  const dir = carpetaTemporal('sse-trabajos-');
  await generarDemo({ dataDir: dir, asuntos: 3000 });
  p = await crearPrueba(dir);
  const entrar = async (usuario: string) => (await llamar(p.core, 'usuarios.iniciarSesion', { usuario, contrasena: CONTRASENA })).token;
  jefe = await entrar('jefe1');
  admin = await entrar('admin');
  capturista = await entrar('capturista1');
});
afterAll(() => p?.cerrar());

const reportes = () => fs.readdirSync(path.join(p.dataDir, 'reportes'));
/** Threads of this process and their nice value (Linux). */
const prioridadesDeHilos = () =>
  fs.readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      return [{ tid: Number(tid), nice: Number(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]) }];
    } catch {
      return []; // a thread that ended while being read
    }
  });

describe('trabajos en segundo plano', () => {
  it('el listado se escribe en otro hilo: avisa su avance, lo descarga solo quien lo pidió e incluye lo recién guardado', async () => {
    const nuevo = await llamar(
      p.core,
      'correspondencia.registrar',
      { fechaRecepcion: '2026-11-20', horaRecepcion: '09:30', remitenteNombre: 'Remitente del hilo', remitenteOrganizacion: 'Ayuntamiento de Álamos', asunto: 'Asunto registrado justo antes del listado' },
      capturista,
    );
    const avisos: Progreso[] = [];
    const off = p.core.on('progreso', (x) => avisos.push(x));
    const r = await llamar(p.core, 'correspondencia.exportar.asuntos', { tarea: 'listado-prueba', columnas: ['folio', 'asunto'] }, jefe);
    off();
    expect(r.filas).toBe(3001);
    expect(avisos.filter((a) => a.tarea === 'listado-prueba').at(-1)).toMatchObject({ fraccion: 1 });
    expect(p.core.archivoGenerado(r.archivoId, admin)).toBeNull();
    const archivo = p.core.archivoGenerado(r.archivoId, jefe)!;
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.readFile(archivo.ruta);
    const folios = libro.worksheets[0].getColumn(1).values.map(String);
    expect(folios).toContain(nuevo.folio);
  });

  it('cancelar detiene el trabajo de esa sesión, no deja archivo, y el siguiente trabajo corre', async () => {
    const antes = reportes();
    const enCurso = p.core.call('correspondencia.exportar.turnos', { tarea: 'a-cancelar' }, { sesion: jefe });
    expect(await llamar(p.core, 'trabajos.cancelar', { tarea: 'a-cancelar' }, admin)).toEqual({ cancelada: false });
    expect(await llamar(p.core, 'trabajos.cancelar', { tarea: 'a-cancelar' }, jefe)).toEqual({ cancelada: true });
    const r = await enCurso;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CANCELADO', message: expect.stringContaining('Se canceló') });
    await new Promise((ok) => setTimeout(ok, 300)); // the stopped thread's files are removed once it exits
    expect(reportes().sort()).toEqual(antes.sort());
    const otro = await llamar(p.core, 'bitacora.verificar', {}, admin);
    expect(otro.integra).toBe(true);
  });

  it('los hilos de trabajos ceden el paso al de peticiones (Linux) y un trabajo que espera hilo lo avisa', async (t) => {
    // Two long listados take both threads; a third waits and says so with its own tarea.
    const avisos: Progreso[] = [];
    const dejar = p.core.on('progreso', (x: Progreso) => avisos.push(x));
    const largos = [1, 2].map((i) => p.core.call('correspondencia.exportar.turnos', { tarea: `largo-${i}` }, { sesion: jefe }));
    const tercero = p.core.call('correspondencia.exportar.turnos', { tarea: 'tercero' }, { sesion: jefe });
    // Read while they run (a listado's thread ends with it, RETIRAN_SU_HILO): the sample with most job threads.
    let prioridades: ReturnType<typeof prioridadesDeHilos> = [];
    const cuantos = (x: typeof prioridades) => x.filter((h) => h.nice === PRIORIDAD_DE_TRABAJOS).length;
    const muestreo = setInterval(() => {
      const ahora = process.platform === 'linux' ? prioridadesDeHilos() : [];
      if (cuantos(ahora) > cuantos(prioridades) || !prioridades.length) prioridades = ahora;
    }, 5);
    await Promise.all([...largos, tercero]);
    clearInterval(muestreo);
    dejar();
    expect(avisos.find((a) => a.tarea === 'tercero')).toMatchObject({ fraccion: 0, texto: expect.stringContaining('En espera') });
    if (process.platform !== 'linux') return t.skip('La prioridad de un solo hilo solo se puede bajar en Linux.');
    expect(prioridades.find((x) => x.tid === process.pid)?.nice).toBe(0);
    expect(prioridades.filter((x) => x.nice === PRIORIDAD_DE_TRABAJOS).length).toBeGreaterThanOrEqual(2);
  });

  it('el hilo que escribió un listado termina con él (Linux): no se queda con su memoria', async (t) => {
    if (process.platform !== 'linux') return t.skip('Los hilos del proceso se cuentan en /proc (Linux).');
    const avisos: Progreso[] = [];
    const dejar = p.core.on('progreso', (x: Progreso) => avisos.push(x));
    const listado = llamar(p.core, 'correspondencia.exportar.asuntos', { tarea: 'listado-que-termina' }, jefe);
    await vi.waitFor(() => expect(avisos.some((a) => a.tarea === 'listado-que-termina')).toBe(true), { timeout: 30_000 });
    const durante = prioridadesDeHilos().filter((x) => x.nice === PRIORIDAD_DE_TRABAJOS).map((x) => x.tid);
    await listado;
    dejar();
    // Some job thread that was there while it ran is gone (the idle one, if any, stays).
    await vi.waitFor(() => expect(durante.some((tid) => !fs.existsSync(`/proc/self/task/${tid}`))).toBe(true), { timeout: 10_000 });
    // And the next job gets a fresh thread.
    expect((await llamar(p.core, 'bitacora.verificar', {}, admin)).integra).toBe(true);
  });

  it('los errores del trabajo llegan en español y sin detalles internos', async () => {
    const e = await fallar(p.core, 'correspondencia.reportes.acuse', { id: '00000000-0000-7000-8000-000000000000' }, jefe);
    expect(e.code).toBe('NO_ENCONTRADO');
    expect(e.message).not.toMatch(/at |\.ts/);
  });
});

describe('tablero en memoria', () => {
  it('cada sección se calcula una vez para todos los roles hasta que se guarda algo que ella lee o pasa un minuto', async () => {
    const coordinacion = await crearUsuarioYEntrar(p.core, admin, 'coordinacion9', 'coordinador');
    const uno = await llamar(p.core, 'tablero.resumen', {}, jefe);
    p.reloj.avanzar(1000);
    expect((await llamar(p.core, 'tablero.resumen', {}, jefe)).generado).toBe(uno.generado);
    // The capturista's correspondencia card is the one computed for the jefe.
    const cap = await llamar(p.core, 'tablero.resumen', {}, capturista);
    expect(cap.generado).toBe(uno.generado);
    expect(cap.tarjetas).toEqual([uno.tarjetas[0]]);
    // A write the tablero does not show (a new user) keeps every section.
    await llamar(p.core, 'usuarios.crear', { usuario: 'lector9', nombre: 'Persona lectora', rol: 'capturista', contrasena: CONTRASENA }, admin);
    expect((await llamar(p.core, 'tablero.resumen', {}, jefe)).generado).toBe(uno.generado);
    // A new asunto recomputes correspondencia only, with the new figures; gabinete, compromisos and POA stay.
    await llamar(
      p.core,
      'correspondencia.registrar',
      { fechaRecepcion: '2026-11-20', horaRecepcion: '10:00', remitenteNombre: 'Otra remitente', remitenteOrganizacion: 'Ciudadana', asunto: 'Solicita audiencia' },
      capturista,
    );
    p.reloj.avanzar(1000);
    const cap2 = await llamar(p.core, 'tablero.resumen', {}, capturista);
    expect(cap2.generado).toBe(p.reloj.ahora);
    expect(cap2.tarjetas[0].total).toBe(uno.tarjetas[0].total + 1);
    const coord = await llamar(p.core, 'tablero.resumen', {}, coordinacion);
    expect(coord.generado).toBe(uno.generado);
    expect(coord.tarjetas).toEqual(uno.tarjetas.slice(1));
    // The jefe sees the new correspondencia figures; "cifras al" is the instant of the oldest section.
    const dos = await llamar(p.core, 'tablero.resumen', {}, jefe);
    expect(dos.tarjetas).toEqual([cap2.tarjetas[0], ...uno.tarjetas.slice(1)]);
    expect(dos.generado).toBe(uno.generado);
    // Overdue and 48-hour figures move with the clock: after a minute everything is recomputed.
    p.reloj.avanzar(61_000);
    expect((await llamar(p.core, 'tablero.resumen', {}, jefe)).generado).toBe(p.reloj.ahora);
  });
});

describe('comprobación de integridad después del arranque', () => {
  it('con una base grande corre en un hilo al arrancar; una base sana sigue aceptando escrituras', async () => {
    const dir = carpetaTemporal('sse-integridad-');
    const core = await createCore({ dataDir: dir, comprobarEnSegundoPlanoDesde: 0, clock: () => p.reloj.ahora });
    try {
      expect(await core.integridad()).toBeNull();
      expect((await iniciarComoAdmin(core)).length).toBeGreaterThan(10);
    } finally {
      core.close();
    }
  });
});
