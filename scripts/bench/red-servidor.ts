/**
 * The office's server for the load bench, in its own process (its memory and CPU are its own):
 * `tsx scripts/bench/red-servidor.ts <carpeta de datos>`. Prints one JSON line {url, token, cargaMs,
 * nucleoMs, listoMs} when it accepts requests; answers `rss` on stdin with {rssMb} (peak so far) and exits on `fin`.
 */
import readline from 'node:readline';
import { createCore } from '../../electron/core/app';
import { startServer } from '../../electron/core/server';

const [dataDir] = process.argv.slice(2);
// Loading the code (under tsx: compiling it) is not start-up of the app: the bundle loads in a blink.
const cargaMs = performance.now();
const t0 = performance.now();
const core = await createCore({ dataDir, rolProceso: 'el servidor de la medición de carga' });
const nucleoMs = performance.now() - t0;
const servidor = await startServer({ core, staticDir: 'dist/renderer' });
// performance.now() counts from the start of this process: what a user waits after launching the server.
console.log(JSON.stringify({ url: servidor.url, token: servidor.token, cargaMs, nucleoMs, listoMs: performance.now() }));
for await (const linea of readline.createInterface({ input: process.stdin })) {
  if (linea === 'rss') console.log(JSON.stringify({ rssMb: process.resourceUsage().maxRSS / 1024 }));
  if (linea === 'fin') break;
}
await servidor.close();
core.close();
process.exit(0);
