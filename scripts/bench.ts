/**
 * Benchmark runner: `npm run bench [-- --asuntos 100000 --datos DIR --solo nombre]`; `-- --red [--usuarios 5,10,25,50]`
 * runs the load bench of the whole office instead (scripts/bench/red.ts).
 * Loads every `scripts/bench/*.bench.ts` (each module adds its own file: `export default async (b: Banco) => …`),
 * prints one JSON line per measurement `{"name","value","unit","budget","ok"}` and exits non-zero if any
 * budget is missed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { redondear, type Banco } from './bench/medir';

function argumento(nombre: string, omision: string): string {
  const i = process.argv.indexOf(nombre);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : omision;
}

async function main() {
  const asuntos = Number(argumento('--asuntos', '100000'));
  const datos = path.resolve(argumento('--datos', path.join(os.tmpdir(), `sse-bench-${asuntos}`)));
  const solo = argumento('--solo', '');
  let fallidos = 0;
  const banco: Banco = {
    opciones: { asuntos, datos, args: process.argv.slice(2) },
    reportar(m) {
      const ok = m.budget === null || m.value <= m.budget;
      if (!ok) fallidos++;
      // The machine's load beside every figure: on a shared machine only same-run ratios compare.
      console.log(JSON.stringify({ name: m.name, value: redondear(m.value), unit: m.unit, budget: m.budget, ok, carga: redondear(os.loadavg()[0], 1) }));
    },
    async tiempos(n, fn, calentar = 3) {
      for (let i = 0; i < calentar; i++) await fn();
      const r: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await fn();
        r.push(performance.now() - t);
      }
      return r;
    },
    async tiemposConCpu(n, fn, calentar = 3) {
      for (let i = 0; i < calentar; i++) await fn();
      const pared: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < n; i++) {
        const c = process.cpuUsage();
        const t = performance.now();
        await fn();
        pared.push(performance.now() - t);
        const d = process.cpuUsage(c);
        cpu.push((d.user + d.system) / 1000);
      }
      return { pared, cpu };
    },
    avisar: (t) => process.stderr.write(`${t}\n`),
  };
  // The machine's load when the figures were taken (2 cores: above 2, other processes compete).
  banco.reportar({ name: 'carga del equipo (promedio 1 min)', value: os.loadavg()[0], unit: 'procesos', budget: null });
  banco.reportar({ name: 'núcleos', value: os.cpus().length, unit: 'núcleos', budget: null });
  const dir = path.resolve('scripts/bench');
  // `--red`: the load bench of the office on one server (scripts/bench/red.ts) instead of the per-module files.
  const red = process.argv.includes('--red');
  const archivos = red ? ['red.ts'] : fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!solo || f.startsWith(solo))).sort();
  for (const f of archivos) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { default: (b: Banco) => Promise<void> };
    banco.avisar(`── ${f}`);
    await mod.default(banco);
  }
  if (fallidos) banco.avisar(`${fallidos} medición(es) fuera de presupuesto.`);
  process.exit(fallidos ? 1 : 0);
}

const esPrincipal = process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('scripts', 'bench.ts'));
if (esPrincipal) await main();
