/**
 * `CalendarioLaboral.habilesEntre` walks day by day: for 330 compromisos whose plazo spans six years
 * (2021 → 2027) a list cost about a second. This view of the same calendar answers `habilesEntre`
 * from a prefix count over the range the request needs (one pass), and falls back outside it.
 */
import type { CalendarioLaboral } from '../catalogos/calendario';
import { sumarDias } from '../../tiempo';

const DIA = 86_400_000;
const dia = (f: string) => Date.UTC(Number(f.slice(0, 4)), Number(f.slice(5, 7)) - 1, Number(f.slice(8, 10))) / DIA;

export function calendarioIndexado(cal: CalendarioLaboral, fechas: readonly (string | null | undefined)[]): CalendarioLaboral {
  const validas = fechas.filter((f): f is string => !!f && /^\d{4}-\d{2}-\d{2}$/.test(f)).sort();
  if (validas.length === 0) return cal;
  const desde = validas[0];
  const base = dia(desde);
  const largo = dia(validas[validas.length - 1]) - base + 1;
  // acumulados[i] = días hábiles in (desde, desde + i]
  const acumulados = new Int32Array(largo);
  let f = desde;
  for (let i = 1; i < largo; i++) {
    f = sumarDias(f, 1);
    acumulados[i] = acumulados[i - 1] + (cal.esHabil(f) ? 1 : 0);
  }
  const rapido = Object.create(cal) as CalendarioLaboral;
  rapido.habilesEntre = (a: string, b: string): number => {
    const ia = dia(a) - base;
    const ib = dia(b) - base;
    if (ia < 0 || ib < 0 || ia >= largo || ib >= largo) return cal.habilesEntre(a, b);
    return acumulados[ib] - acumulados[ia];
  };
  return rapido;
}
