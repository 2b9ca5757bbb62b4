/** What a benchmark file receives from scripts/bench.ts, and small statistics and measuring helpers. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Medicion {
  name: string;
  value: number;
  unit: string;
  /** Upper bound; null when the figure is informative only. */
  budget: number | null;
}

export interface Banco {
  opciones: { asuntos: number; datos: string; args: string[] };
  /** Prints one measurement line and records whether it met its budget. */
  reportar(m: Medicion): void;
  /** Runs fn n times (after `calentar` warm-up runs) and returns each duration in ms. */
  tiempos(n: number, fn: () => unknown | Promise<unknown>, calentar?: number): Promise<number[]>;
  /** Like `tiempos`, also with the process CPU time of each run (what the work costs when the machine is busy). */
  tiemposConCpu(n: number, fn: () => unknown | Promise<unknown>, calentar?: number): Promise<{ pared: number[]; cpu: number[] }>;
  /** Progress for humans, on stderr (stdout stays JSON lines). */
  avisar(texto: string): void;
}

export const mediana = (xs: number[]) => percentil(xs, 50);
export function percentil(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}
export const redondear = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;


/**
 * Peak RSS of this process in MB, worker threads included. On Linux it is VmHWM of the process's own memory:
 * `resourceUsage().maxRSS` of a spawned child also counts the parent's RSS at the fork (Linux keeps it
 * across exec), so a child measured late in `npm run bench` reported the bench's 600 MB as its own.
 */
export function memoriaMaximaMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux: maxRSS is the best the platform gives.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Runs a bench child script (TypeScript, under tsx) alone, so its time and memory are its own; returns its last stdout line as JSON. */
export function correrHijo<T>(script: string, args: string[]): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${path.basename(script)}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as T;
}
