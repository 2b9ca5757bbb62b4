/** Pure rules of the compromisos module: semáforo mapping, counts that add up, search normalization. */
import { normalizar } from '../../texto';
import type { Semaforo } from '../../../contract/comun';
import { ETIQUETA_ESTATUS_COMPROMISO, type EstatusCompromiso } from '../../../contract/compromisos';
import { semaforoEstatus, type FaseEstatus } from '../../semaforo';

const FASE: Record<EstatusCompromiso, FaseEstatus> = {
  cumplido: 'hecho',
  en_proceso: 'en_proceso',
  sin_avance: 'sin_iniciar',
  no_procedente: 'excluido',
};

/** Semáforo de estatus of a compromiso (DOMAIN §5): cumplido verde, en proceso amarillo, sin avance rojo, no procedente gris. */
export function semaforoCompromiso(estatus: EstatusCompromiso, motivoNoProcedente: string | null = null): Semaforo {
  return semaforoEstatus(FASE[estatus], ETIQUETA_ESTATUS_COMPROMISO[estatus], estatus === 'no_procedente' ? motivoNoProcedente : null);
}

/**
 * Integer percentages of `valores` over their sum that add up to exactly 100 (largest remainder);
 * all zeros when the sum is 0.
 */
export function porcentajesQueSuman(valores: readonly number[]): number[] {
  const total = valores.reduce((a, b) => a + b, 0);
  if (total === 0) return valores.map(() => 0);
  const exactos = valores.map((v) => (v * 100) / total);
  const base = exactos.map(Math.floor);
  let faltan = 100 - base.reduce((a, b) => a + b, 0);
  const orden = exactos.map((e, i) => ({ i, resto: e - Math.floor(e) })).sort((a, b) => b.resto - a.resto || a.i - b.i);
  for (const { i } of orden) {
    if (faltan <= 0) break;
    base[i] += 1;
    faltan -= 1;
  }
  return base;
}

export interface ParaContar {
  estatus: EstatusCompromiso;
  avance: number;
}

export interface Conteo {
  clave: string;
  nombre: string;
  total: number;
  contados: number;
  cumplido: number;
  en_proceso: number;
  sin_avance: number;
  no_procedente: number;
  porcentajes: { cumplido: number; en_proceso: number; sin_avance: number };
  avancePromedio: number;
}

/** Counts by estatus; no procedente is left out of the counted total and of the percentages (DOMAIN §5). */
export function contar(clave: string, nombre: string, items: readonly ParaContar[]): Conteo {
  const c = { cumplido: 0, en_proceso: 0, sin_avance: 0, no_procedente: 0 };
  let suma = 0;
  for (const it of items) {
    c[it.estatus] += 1;
    if (it.estatus !== 'no_procedente') suma += it.avance;
  }
  const contados = c.cumplido + c.en_proceso + c.sin_avance;
  const [pc, pp, ps] = porcentajesQueSuman([c.cumplido, c.en_proceso, c.sin_avance]);
  return {
    clave,
    nombre,
    total: items.length,
    contados,
    ...c,
    porcentajes: { cumplido: pc, en_proceso: pp, sin_avance: ps },
    avancePromedio: contados ? Math.round((suma * 10) / contados) / 10 : 0,
  };
}

/** Search terms as LIKE patterns (bound as parameters, never spliced): `%`, `_` and `\` escaped. */
export function patronesBusqueda(texto: string): string[] {
  return normalizar(texto)
    .split(' ')
    .filter(Boolean)
    .slice(0, 10)
    .map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/**
 * Estatus and avance after a seguimiento. `cumplido` means 100 %; a first avance above 0 on a
 * compromiso sin avance moves it to en proceso when no estatus was given.
 */
export function aplicarSeguimiento(
  actual: ParaContar,
  cambio: { estatus?: EstatusCompromiso; avance?: number },
): ParaContar {
  const avance = cambio.estatus === 'cumplido' ? 100 : (cambio.avance ?? actual.avance);
  let estatus = cambio.estatus ?? actual.estatus;
  if (!cambio.estatus && estatus === 'sin_avance' && avance > 0) estatus = 'en_proceso';
  return { estatus, avance };
}
