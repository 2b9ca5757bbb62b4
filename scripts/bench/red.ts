/**
 * Load bench of the whole office on one server: `npm run bench -- --red [--usuarios 5,10,25,50] [--segundos 20]`.
 * The server is `npm run servidor`'s code (HTTPS with the data directory's certificate) on loopback over the
 * demo data, in its own process; every simulated person signs in with an account of their own through the
 * pinned TLS client the desktop stations use. For each user count: capturistas register and turn asuntos;
 * readers open the bandeja, a detail and the tablero after every change notice of the event stream; meanwhile
 * one user exports the listado of every asunto and another generates the informe semanal. Prints p50/p95/p99
 * and errors per method, the server's peak memory, the slowest request while the export and the informe ran,
 * and the user count at which some method's p95 passes 250 ms.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import readline from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CONTRASENA_DEMO } from '../demo-datos';
import { fechaEnZona } from '../../electron/core/tiempo';
import { clientePinned } from '../../electron/core/http/clientePinned';
import { asegurarDemo } from './datos';
import { mediana, percentil, type Banco } from './medir';

export interface MedidasServidor {
  /** Peak resident memory of the server process so far, and at the round's sampled peak its V8 heap and memory outside V8. */
  rssMb: number;
  heapMb: number;
  externaMb: number;
  segundos: number;
  /** CPU time of the request thread (null without /proc) and of the whole process (job threads included). */
  cpuHiloMs: number | null;
  cpuProcesoMs: number;
  retrasoP50Ms: number;
  retrasoP99Ms: number;
  retrasoMaxMs: number;
}

interface Servidor {
  url: string;
  /** The certificate's SHA-256 fingerprint the clients pin. */
  huella: string;
  /** Since the process started: code loaded, server up (`nucleoMs`: core, certificate and HTTPS), accepting requests (`listoMs`). */
  cargaMs: number;
  nucleoMs: number;
  listoMs: number;
  /** Starts a round's server-side measurements (CPU, event-loop delay, memory peak). */
  ronda(): Promise<void>;
  /** The round's server-side measurements (scripts/bench/red-servidor.ts). */
  medidas(): Promise<MedidasServidor>;
  cerrar(): Promise<void>;
}

/** Starts "the server" over a data directory, in its own process, with accounts for `usuarios` people of each kind. */
export async function iniciarServidor(datos: string, usuarios: number, o: { hilos?: number; perfil?: string } = {}): Promise<Servidor> {
  // `perfil`: a folder for V8 CPU profiles of the server's threads (.cpuprofile, open them in Chrome's DevTools).
  const perfil = o.perfil ? ['--cpu-prof', `--cpu-prof-dir=${o.perfil}`] : [];
  // Bundled, as the desktop app runs the office server (its job threads beside it, trabajos.cjs): run from the
  // sources under tsx, the compiled code alone took ~190 MB of the server's memory.
  const compilado = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--bench-red'], { encoding: 'utf8' });
  if (compilado.status !== 0) throw new Error(`build-electron: ${compilado.stderr}`);
  const args = [...perfil, 'dist/electron/red-servidor.cjs', datos, String(usuarios), ...(o.hilos ? [String(o.hilos)] : [])];
  const proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lineas = readline.createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  const siguiente = async () => {
    const r = await lineas.next();
    if (r.done) throw new Error('El servidor de la medición terminó antes de tiempo.');
    return JSON.parse(r.value) as Record<string, unknown>;
  };
  const inicio = (await siguiente()) as { url: string; huella: string; cargaMs: number; nucleoMs: number; listoMs: number };
  return {
    ...inicio,
    ronda: async () => {
      proc.stdin.write('ronda\n');
      await siguiente();
    },
    medidas: async () => {
      proc.stdin.write('medidas\n');
      return (await siguiente()) as unknown as MedidasServidor;
    },
    cerrar: async () => {
      proc.stdin.write('fin\n');
      await new Promise((r) => proc.once('exit', r));
    },
  };
}

export interface Cliente {
  llamar(metodo: string, input?: unknown): Promise<unknown>;
  /** Follows the event stream: `alCambiar` on every change notice. Returns a function that stops it. */
  alCambiar(f: () => void): () => void;
}

/** A signed-in person at a station (pinned HTTPS, session cookie). Throws on any failure (the bench counts it as an error). */
export async function clienteAutenticado(s: Servidor, usuario: string, contrasena: string): Promise<Cliente> {
  // A station waits as long as the server may take (its own limit is 120 s): a slow answer is measured, not cut.
  const c = clientePinned({ url: s.url, huella: s.huella, tiempoMs: 180_000 });
  const llamar = async (metodo: string, input: unknown = {}) => {
    // Like the renderer: every call carries its own Idempotency-Key (only writes use it).
    const r = await c.llamar(metodo, input, { clave: crypto.randomUUID() });
    if (!r.ok) throw new Error(`${metodo}: ${r.error.message}`);
    return r.data;
  };
  await llamar('usuarios.iniciarSesion', { usuario, contrasena });
  return { llamar, alCambiar: (f) => c.eventos((nombre) => nombre === 'cambio' && f()) };
}

// ───────────── the simulation ─────────────

interface Muestra {
  metodo: string;
  inicio: number;
  ms: number;
  error: boolean;
}

const retrasoCliente = monitorEventLoopDelay({ resolution: 5 });
const dormir = (ms: number) => new Promise((r) => setTimeout(r, ms));
const azar = (min: number, max: number) => min + Math.random() * (max - min);

async function ronda(s: Servidor, usuarios: number, segundos: number, avisar: (t: string) => void) {
  const muestras: Muestra[] = [];
  const medir = async <T>(c: Cliente, metodo: string, input?: unknown): Promise<T | null> => {
    const inicio = performance.now();
    try {
      const r = (await c.llamar(metodo, input)) as T;
      muestras.push({ metodo, inicio, ms: performance.now() - inicio, error: false });
      return r;
    } catch (e) {
      muestras.push({ metodo, inicio, ms: performance.now() - inicio, error: true });
      avisar(`  error: ${(e as Error).message}`);
      return null;
    }
  };
  const capturistas = Math.max(1, Math.round(usuarios * 0.4));
  const lectores = Math.max(1, usuarios - capturistas);
  const cap = await Promise.all(Array.from({ length: capturistas }, (_, i) => clienteAutenticado(s, `carga-cap-${i + 1}`, CONTRASENA_DEMO)));
  const lec = await Promise.all(Array.from({ length: lectores }, (_, i) => clienteAutenticado(s, `carga-lec-${i + 1}`, CONTRASENA_DEMO)));
  const exportador = await clienteAutenticado(s, `carga-lec-${lectores + 1}`, CONTRASENA_DEMO);
  const informador = await clienteAutenticado(s, `carga-lec-${lectores + 2}`, CONTRASENA_DEMO);
  const deps = ((await cap[0].llamar('catalogos.dependencias.listar')) as { id: string; activa?: boolean }[]).map((d) => d.id);
  const instr = ((await cap[0].llamar('catalogos.instrucciones.listar')) as { id: string }[]).map((i) => i.id);

  // Each reader's station follows the event stream; a change notice wakes it (or 5 s without any).
  const despertar = new Map<Cliente, () => void>();
  const dejar = lec.map((c) => c.alCambiar(() => despertar.get(c)?.()));
  const esperarCambio = (c: Cliente, max: number) =>
    new Promise<void>((r) => {
      const t = setTimeout(() => f(), max);
      const f = () => (clearTimeout(t), despertar.delete(c), r());
      despertar.set(c, f);
    });

  // From here on the round is measured: the server's CPU, event-loop delay and memory, and this process's own
  // (the simulated stations share the machine with the server: they must not be its bottleneck).
  await s.ronda();
  const cpuCliente = process.cpuUsage();
  const desde = performance.now();
  retrasoCliente.reset();

  const fin = performance.now() + segundos * 1000;
  const hoy = fechaEnZona(Date.now());
  let k = 0;
  const capturista = async (c: Cliente) => {
    await dormir(azar(0, 2000));
    while (performance.now() < fin) {
      const a = await medir<{ id: string }>(c, 'correspondencia.registrar', {
        fechaRecepcion: hoy,
        horaRecepcion: '00:00',
        remitenteNombre: `Remitente de carga ${k++}`,
        remitenteOrganizacion: 'Ayuntamiento de Cajeme',
        asunto: 'Solicita apoyo para la rehabilitación del camino rural',
      });
      await dormir(azar(1000, 3000));
      if (a) {
        await medir(c, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [deps[k % deps.length]], instruccionId: instr[k % instr.length] });
      }
      await dormir(azar(2000, 5000));
    }
  };
  const lector = async (c: Cliente) => {
    await dormir(azar(0, 2000));
    while (performance.now() < fin) {
      const b = await medir<{ filas: { id: string }[] }>(c, 'correspondencia.bandeja', { limite: 50 });
      await medir(c, 'tablero.resumen', {});
      const id = b?.filas[Math.floor(Math.random() * b.filas.length)]?.id;
      if (id) await medir(c, 'correspondencia.obtener', { id });
      await esperarCambio(c, 5000);
      await dormir(azar(200, 1500)); // the station refetches shortly after the notice
    }
  };
  let pesadoHasta = Infinity;
  const pesados = Promise.all([
    medir(exportador, 'correspondencia.exportar.asuntos', {}),
    medir(informador, 'tablero.informe.generar', { formato: 'pdf', recalcular: true }),
  ]).then(() => (pesadoHasta = performance.now()));
  const pesadoDesde = performance.now();
  await Promise.all([...cap.map(capturista), ...lec.map(lector)]);
  await pesados;
  for (const f of dejar) f();
  const ligeras = muestras.filter((m) => !['correspondencia.exportar.asuntos', 'tablero.informe.generar'].includes(m.metodo));
  const durantePesados = ligeras.filter((m) => m.inicio >= pesadoDesde && m.inicio <= pesadoHasta);
  const c = process.cpuUsage(cpuCliente);
  const cliente = { segundos: (performance.now() - desde) / 1000, cpuMs: (c.user + c.system) / 1000, retrasoP99Ms: retrasoCliente.percentile(99) / 1e6 };
  return { muestras, ligeras, durantePesados, pesadosMs: pesadoHasta - pesadoDesde, cliente, servidor: await s.medidas() };
}

const CLAVE = ['correspondencia.registrar', 'correspondencia.turnar', 'correspondencia.bandeja', 'correspondencia.obtener', 'tablero.resumen'];

export default async function (b: Banco) {
  const args = b.opciones.args;
  const opcion = (n: string, o: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : o);
  const cuentas = opcion('--usuarios', '5,10,25,50').split(',').map(Number).filter((n) => n > 0);
  const segundos = Number(opcion('--segundos', '20'));
  await asegurarDemo(b);
  retrasoCliente.enable();
  const hilos = Number(opcion('--hilos', '0')) || undefined;
  const s = await iniciarServidor(b.opciones.datos, Math.max(...cuentas), { hilos, perfil: opcion('--perfil', '') || undefined });
  b.reportar({ name: 'red: arranque del servidor (núcleo, certificado y HTTPS sobre la base)', value: s.nucleoMs, unit: 'ms', budget: null });
  b.reportar({ name: 'red: arranque del servidor hasta aceptar peticiones', value: s.listoMs, unit: 'ms', budget: null });
  let rompe: number | null = null;
  try {
    for (const n of cuentas) {
      b.avisar(`── ${n} usuarios, ${segundos} s, con el listado de todos los asuntos y el informe semanal en curso…`);
      const r = await ronda(s, n, segundos, b.avisar);
      const metodos = [...new Set(r.muestras.map((m) => m.metodo))].sort();
      let peorP95 = 0;
      for (const m of metodos) {
        const xs = r.muestras.filter((x) => x.metodo === m);
        const ms = xs.map((x) => x.ms);
        const p95 = percentil(ms, 95);
        const clave = CLAVE.includes(m);
        if (clave) peorP95 = Math.max(peorP95, p95);
        const presupuesto = n === 25 && clave ? 100 : null;
        b.reportar({ name: `red ${n} usuarios: ${m} p50`, value: mediana(ms), unit: 'ms', budget: null });
        b.reportar({ name: `red ${n} usuarios: ${m} p95`, value: p95, unit: 'ms', budget: presupuesto });
        b.reportar({ name: `red ${n} usuarios: ${m} p99`, value: percentil(ms, 99), unit: 'ms', budget: null });
        b.reportar({ name: `red ${n} usuarios: ${m} errores`, value: xs.filter((x) => x.error).length, unit: 'peticiones', budget: n === 25 ? 0 : null });
      }
      b.reportar({ name: `red ${n} usuarios: peticiones`, value: r.muestras.length, unit: 'peticiones', budget: null });
      b.reportar({ name: `red ${n} usuarios: listado + informe en curso`, value: r.pesadosMs, unit: 'ms', budget: null });
      b.reportar({
        name: `red ${n} usuarios: petición más lenta mientras corrían el listado y el informe`,
        value: Math.max(0, ...r.durantePesados.map((m) => m.ms)),
        unit: 'ms',
        budget: n === 25 ? 1000 : null,
      });
      const sv = r.servidor;
      const ligeras = r.ligeras.length;
      b.reportar({ name: `red ${n} usuarios: memoria máxima del servidor (RSS)`, value: sv.rssMb, unit: 'MB', budget: n <= 25 ? 500 : null });
      b.reportar({ name: `red ${n} usuarios: en el pico de memoria, heap de V8 del hilo de peticiones`, value: sv.heapMb, unit: 'MB', budget: null });
      b.reportar({ name: `red ${n} usuarios: en el pico de memoria, memoria fuera de V8 del hilo de peticiones`, value: sv.externaMb, unit: 'MB', budget: null });
      if (sv.cpuHiloMs !== null) {
        b.reportar({ name: `red ${n} usuarios: CPU del hilo de peticiones por petición (sin listado ni informe)`, value: sv.cpuHiloMs / ligeras, unit: 'ms', budget: null });
        b.reportar({ name: `red ${n} usuarios: hilo de peticiones ocupado (CPU / tiempo de la ronda)`, value: (100 * sv.cpuHiloMs) / (sv.segundos * 1000), unit: '%', budget: null });
      }
      b.reportar({ name: `red ${n} usuarios: CPU del proceso servidor (con los hilos de trabajos)`, value: sv.cpuProcesoMs / (sv.segundos * 1000), unit: 'núcleos', budget: null });
      b.reportar({ name: `red ${n} usuarios: hilo de peticiones bloqueado (retraso del ciclo de eventos) p99`, value: sv.retrasoP99Ms, unit: 'ms', budget: null });
      b.reportar({ name: `red ${n} usuarios: hilo de peticiones bloqueado (retraso del ciclo de eventos) máximo`, value: sv.retrasoMaxMs, unit: 'ms', budget: null });
      b.reportar({ name: `red ${n} usuarios: CPU del cliente de la medición (todas las estaciones simuladas)`, value: r.cliente.cpuMs / (r.cliente.segundos * 1000), unit: 'núcleos', budget: null });
      b.reportar({ name: `red ${n} usuarios: retraso del ciclo de eventos del cliente p99`, value: r.cliente.retrasoP99Ms, unit: 'ms', budget: null });
      if (rompe === null && peorP95 > 250) rompe = n;
    }
  } finally {
    await s.cerrar();
  }
  // 0 = no user count tried passed 250 ms.
  b.reportar({ name: 'red: usuarios con los que algún p95 pasa de 250 ms (0: ninguno de los probados)', value: rompe ?? 0, unit: 'usuarios', budget: null });
}
