/**
 * POA aggregation rules (DOMAIN §4), pure. Quantities are integer hundredths (centésimas).
 * - acumulable: quarter = sum of its months; annual = sum; to date = sum up to the cut-off.
 * - porcentaje: average of the periods that have a value (never added into TOTALES).
 * - % cumplimiento to date = alcanzado ÷ programado, both accumulated to the cut-off quarter.
 */
import type { BandasSemaforo } from '../../../contract/ajustes';
import type { Semaforo } from '../../../contract/comun';
import type { Periodicidad, TipoMeta } from '../../../contract/poa';
import { porcentaje } from '../../../contract/cifras';

export interface ValorPeriodo {
  periodo: number;
  programado: number | null;
  alcanzado: number | null;
}

export interface MetaCalculo {
  tipo: TipoMeta;
  periodicidad: Periodicidad;
  periodos: readonly ValorPeriodo[];
}

export interface Par {
  programado: number | null;
  alcanzado: number | null;
}

export const PERIODOS: Record<Periodicidad, number> = { trimestral: 4, mensual: 12 };
export const ROMANOS = ['I', 'II', 'III', 'IV'] as const;
export const MESES_CORTOS = ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Sep', 'Oct', 'Nov', 'Dic'] as const;

export function trimestreDe(periodicidad: Periodicidad, periodo: number): number {
  return periodicidad === 'trimestral' ? periodo : Math.ceil(periodo / 3);
}

/** Sum (acumulable) or average of the values present (porcentaje); null when no period has a value. */
export function agregar(tipo: TipoMeta, valores: readonly (number | null)[]): number | null {
  const con = valores.filter((v): v is number => v !== null);
  if (con.length === 0) return null;
  const suma = con.reduce((a, b) => a + b, 0);
  return tipo === 'acumulable' ? suma : Math.round(suma / con.length);
}

function parDe(m: MetaCalculo, filtro: (p: ValorPeriodo) => boolean): Par {
  const ps = m.periodos.filter(filtro);
  return { programado: agregar(m.tipo, ps.map((p) => p.programado)), alcanzado: agregar(m.tipo, ps.map((p) => p.alcanzado)) };
}

export function porTrimestre(m: MetaCalculo): Par[] {
  return [1, 2, 3, 4].map((q) => parDe(m, (p) => trimestreDe(m.periodicidad, p.periodo) === q));
}

export function anual(m: MetaCalculo): Par {
  return parDe(m, () => true);
}

/** Accumulated up to and including quarter `corte` (0 = nothing yet). */
export function alCorte(m: MetaCalculo, corte: number): Par {
  return parDe(m, (p) => trimestreDe(m.periodicidad, p.periodo) <= corte);
}

/** alcanzado ÷ programado × 100 with one decimal; null when nothing is programmed. */
export function cumplimiento(par: Par): number | null {
  if (!par.programado) return null;
  return porcentaje(par.alcanzado ?? 0, par.programado);
}

const ETIQUETAS = { verde: 'Aceptable', amarillo: 'En riesgo', rojo: 'Crítico' } as const;

function pct(n: number): string {
  return `${n.toLocaleString('es-MX', { maximumFractionDigits: 1 })} %`;
}

/**
 * Semáforo de cumplimiento with the configured bands (validated elsewhere: no gaps, no overlaps).
 * Over 100 % stays verde and is shown as is; nothing programmed and nothing achieved is gris.
 */
export function semaforoCumplimiento(par: Par, bandas: BandasSemaforo): Semaforo {
  const prog = par.programado ?? 0;
  const alc = par.alcanzado ?? 0;
  if (prog === 0 && alc === 0) return { clave: 'sin_meta', color: 'gris', etiqueta: 'Sin meta en el periodo', motivo: null };
  if (prog === 0) return { clave: 'verde', color: 'verde', etiqueta: ETIQUETAS.verde, motivo: 'Alcanzado sin meta programada' };
  // Exact comparison in integers: alcanzado × 100 ≥ banda × programado (bands with up to 2 decimals).
  const llega = (desde: number) => alc * 10000 >= Math.round(desde * 100) * prog;
  const color = llega(bandas.verde.desde) ? 'verde' : llega(bandas.amarillo.desde) ? 'amarillo' : 'rojo';
  return { clave: color, color, etiqueta: ETIQUETAS[color], motivo: `${pct(cumplimiento(par) ?? 0)} de cumplimiento` };
}

export interface Calculada {
  trimestres: Par[];
  anual: Par;
  alCorte: Par;
  cumplimiento: number | null;
  semaforo: Semaforo;
}

export function calcular(m: MetaCalculo, corte: number, bandas: BandasSemaforo): Calculada {
  const c = alCorte(m, corte);
  return { trimestres: porTrimestre(m), anual: anual(m), alCorte: c, cumplimiento: cumplimiento(c), semaforo: semaforoCumplimiento(c, bandas) };
}

function sumar(pares: readonly Par[]): Par {
  const s = (k: keyof Par) => {
    const v = pares.map((p) => p[k]).filter((x): x is number => x !== null);
    return v.length ? v.reduce((a, b) => a + b, 0) : null;
  };
  return { programado: s('programado'), alcanzado: s('alcanzado') };
}

/** TOTALES row: acumulable metas only (percentage metas are never added). */
export function totales(metas: readonly (MetaCalculo & { calculada: Calculada })[], bandas: BandasSemaforo) {
  const sumables = metas.filter((m) => m.tipo === 'acumulable');
  const alCorteT = sumar(sumables.map((m) => m.calculada.alCorte));
  return {
    metasSumadas: sumables.length,
    trimestres: [0, 1, 2, 3].map((q) => sumar(sumables.map((m) => m.calculada.trimestres[q]))),
    anual: sumar(sumables.map((m) => m.calculada.anual)),
    alCorte: alCorteT,
    cumplimiento: cumplimiento(alCorteT),
    semaforo: semaforoCumplimiento(alCorteT, bandas),
  };
}

/** Integer hundredths ↔ the number the user reads. */
export const aCentesimas = (n: number): number => Math.round(n * 100);
export const deCentesimas = (n: number | null): number | null => (n === null ? null : n / 100);
export const parDeCentesimas = (p: Par): Par => ({ programado: deCentesimas(p.programado), alcanzado: deCentesimas(p.alcanzado) });
