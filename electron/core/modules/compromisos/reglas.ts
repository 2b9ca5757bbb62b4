/** Pure rules of the compromisos module: semáforo mapping, counts that add up, search normalization. */
import { normalizar } from '../../texto';
import type { Semaforo } from '../../../contract/comun';
import { ETIQUETA_ESTATUS_COMPROMISO, type EstatusCompromiso } from '../../../contract/compromisos';
import { semaforoEstatus, type FaseEstatus } from '../../semaforo';
import { porcentaje, redondearPorcentaje } from '../../../contract/cifras';

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
  const pct = (n: number) => porcentaje(n, contados) ?? 0;
  return {
    clave,
    nombre,
    total: items.length,
    contados,
    ...c,
    porcentajes: { cumplido: pct(c.cumplido), en_proceso: pct(c.en_proceso), sin_avance: pct(c.sin_avance) },
    avancePromedio: contados ? redondearPorcentaje(suma / contados) : 0,
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
