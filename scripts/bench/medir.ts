/** What a benchmark file receives from scripts/bench.ts, and small statistics helpers. */
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

