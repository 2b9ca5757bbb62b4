/**
 * The office's server for the load bench, in its own process (its memory and CPU are its own), started with
 * the same code as `npm run servidor` (HTTPS with the data directory's certificate) on loopback:
 * `node dist/electron/red-servidor.cjs <carpeta de datos> <usuarios> [hilos de trabajos]` (bundled like the app's
 * main process, so its memory is what ships; `tsx scripts/bench/red-servidor.ts …` runs it from the sources). Before listening it creates the bench's
 * accounts (`carga-cap-N`, `carga-lec-N`, password CONTRASENA_DEMO; existing ones are kept). Prints one JSON
 * line {url, huella, cargaMs, nucleoMs, listoMs} when it accepts requests; on stdin, `ronda` starts a round's
 * measurements and `medidas` answers them as one JSON line (see `medidas()`); exits on `fin`.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCore } from '../../electron/core/app';
import { iniciarServidorOficina } from '../../electron/core/http/oficina';
import type { Core } from '../../electron/core/tipos';
import { raizDeLaApp } from '../cli/comun';
import { CONTRASENA_DEMO } from '../demo-datos';
import { memoriaMaximaMb } from './medir';

const [dataDir, cuantos = '50', hilos] = process.argv.slice(2);
const PROVISIONAL = 'provisional-de-la-medicion';

/** Accounts the simulated people sign in with (an administrator's new user chooses a password at first sign-in). */
async function cuentasDeCarga(core: Core, n: number): Promise<void> {
  const pedir = async (metodo: string, input: unknown, sesion: string | null = null) => {
    const r = await core.call(metodo, input, { sesion });
    if (!r.ok) throw Object.assign(new Error(`${metodo}: ${r.error.message}`), { code: r.error.code });
    return r.data as Record<string, unknown>;
  };
  const admin = (await pedir('usuarios.iniciarSesion', { usuario: 'admin', contrasena: CONTRASENA_DEMO })).token as string;
  const existentes = new Set(((await pedir('usuarios.listar', {}, admin)) as unknown as { usuario: string }[]).map((u) => u.usuario));
  const cuentas = Array.from({ length: n }, (_, i) => [
    { usuario: `carga-cap-${i + 1}`, rol: 'capturista' },
    { usuario: `carga-lec-${i + 1}`, rol: 'jefe' },
  ]).flat();
  for (const c of cuentas.filter((x) => !existentes.has(x.usuario))) {
    await pedir('usuarios.crear', { usuario: c.usuario, nombre: `Persona de carga ${c.usuario}`, rol: c.rol, contrasena: PROVISIONAL }, admin);
    const sesion = (await pedir('usuarios.iniciarSesion', { usuario: c.usuario, contrasena: PROVISIONAL })).token as string;
    await pedir('usuarios.cambiarContrasena', { actual: PROVISIONAL, nueva: CONTRASENA_DEMO }, sesion);
    await pedir('usuarios.cerrarSesion', {}, sesion);
  }
  await pedir('usuarios.cerrarSesion', {}, admin);
}

/**
 * CPU seconds of the request thread alone (Linux: /proc/self/task/<pid>/stat, utime + stime in ticks of
 * 10 ms), null where there is no /proc. The process total also counts the job threads and SQLite's.
 */
function cpuDelHiloMs(): number | null {
  try {
    const campos = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(campos[11]) + Number(campos[12])) * 10;
  } catch {
    return null;
  }
}

// A round's figures: how long the request thread's event loop could not run (a request arriving then
// waits that long), the CPU time of the request thread and of the whole process, and memory at its peak.
const retraso = monitorEventLoopDelay({ resolution: 5 });
let ronda = { hilo: cpuDelHiloMs(), proceso: process.cpuUsage(), desde: performance.now() };
let pico = { rss: 0, heap: 0, externa: 0 };
setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > pico.rss) pico = { rss: m.rss, heap: m.heapUsed, externa: m.external };
}, 250).unref();

function medidas() {
  const mb = (x: number) => x / 1024 / 1024;
  const hilo = cpuDelHiloMs();
  const proceso = process.cpuUsage(ronda.proceso);
  return {
    rssMb: memoriaMaximaMb(),
    // At the sampled peak: the request thread's V8 heap and memory outside V8 (SQLite's page cache is not counted).
    heapMb: mb(pico.heap),
    externaMb: mb(pico.externa),
    segundos: (performance.now() - ronda.desde) / 1000,
    cpuHiloMs: hilo === null || ronda.hilo === null ? null : hilo - ronda.hilo,
    cpuProcesoMs: (proceso.user + proceso.system) / 1000,
    retrasoP50Ms: retraso.percentile(50) / 1e6,
    retrasoP99Ms: retraso.percentile(99) / 1e6,
    retrasoMaxMs: retraso.max / 1e6,
  };
}

// CommonJS has no top-level await: the bench runs this file bundled (dist/electron/red-servidor.cjs).
async function principal() {
  // Loading the code (under tsx: compiling it) is not start-up of the app: the bundle loads in a blink.
  const cargaMs = performance.now();
  const t0 = performance.now();
  const raiz = raizDeLaApp();
  // Without the daily automatic backup: on data without a recent backup it would start at once and take a job
  // thread for the whole round (the backup has its own bench, respaldo.bench.ts); everything else as the server.
  const core = await createCore({ dataDir, appRoot: raiz, rolProceso: 'el servidor de la medición de carga', respaldosAutomaticos: false, lectorOcr: true, trabajosEnParalelo: hilos ? Number(hilos) : undefined });
  const s = await iniciarServidorOficina({ core, host: '127.0.0.1', port: 0, staticDir: path.join(raiz, 'dist', 'renderer') });
  // performance.now() counts from the start of this process: what a user waits after launching the server.
  const listoMs = performance.now();
  const nucleoMs = listoMs - t0;
  if (Number(cuantos) > 0) await cuentasDeCarga(core, Number(cuantos) + 2);
  console.log(JSON.stringify({ url: `https://127.0.0.1:${s.http.port}/`, huella: s.huella, cargaMs, nucleoMs, listoMs }));
  retraso.enable();
  for await (const linea of readline.createInterface({ input: process.stdin })) {
    if (linea === 'ronda') {
      retraso.reset();
      ronda = { hilo: cpuDelHiloMs(), proceso: process.cpuUsage(), desde: performance.now() };
      pico = { rss: 0, heap: 0, externa: 0 };
      console.log(JSON.stringify({ ronda: true }));
    }
    if (linea === 'medidas') console.log(JSON.stringify(medidas()));
    if (linea === 'fin') break;
  }
  await s.close();
  core.close();
  process.exit(0);
}

void principal();
