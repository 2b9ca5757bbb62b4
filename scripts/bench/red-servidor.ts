/**
 * The office's server for the load bench, in its own process (its memory and CPU are its own), started with
 * the same code as `npm run servidor` (HTTPS with the data directory's certificate) on loopback:
 * `tsx scripts/bench/red-servidor.ts <carpeta de datos> <usuarios>`. Before listening it creates the bench's
 * accounts (`carga-cap-N`, `carga-lec-N`, password CONTRASENA_DEMO; existing ones are kept). Prints one JSON
 * line {url, huella, cargaMs, nucleoMs, listoMs} when it accepts requests; answers `rss` on stdin with
 * {rssMb} (peak so far) and exits on `fin`.
 */
import path from 'node:path';
import readline from 'node:readline';
import { createCore } from '../../electron/core/app';
import { iniciarServidorOficina } from '../../electron/core/http/oficina';
import type { Core } from '../../electron/core/tipos';
import { raizDeLaApp } from '../cli/comun';
import { CONTRASENA_DEMO } from '../demo-datos';

const [dataDir, cuantos = '50'] = process.argv.slice(2);
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

// Loading the code (under tsx: compiling it) is not start-up of the app: the bundle loads in a blink.
const cargaMs = performance.now();
const t0 = performance.now();
const raiz = raizDeLaApp();
const core = await createCore({ dataDir, appRoot: raiz, rolProceso: 'el servidor de la medición de carga', respaldosAutomaticos: true, lectorOcr: true });
const s = await iniciarServidorOficina({ core, host: '127.0.0.1', port: 0, staticDir: path.join(raiz, 'dist', 'renderer') });
// performance.now() counts from the start of this process: what a user waits after launching the server.
const listoMs = performance.now();
const nucleoMs = listoMs - t0;
if (Number(cuantos) > 0) await cuentasDeCarga(core, Number(cuantos) + 2);
console.log(JSON.stringify({ url: `https://127.0.0.1:${s.http.port}/`, huella: s.huella, cargaMs, nucleoMs, listoMs }));
for await (const linea of readline.createInterface({ input: process.stdin })) {
  if (linea === 'rss') console.log(JSON.stringify({ rssMb: process.resourceUsage().maxRSS / 1024 }));
  if (linea === 'fin') break;
}
await s.close();
core.close();
process.exit(0);
