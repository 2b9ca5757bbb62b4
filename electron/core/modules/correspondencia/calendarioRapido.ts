/**
 * The same CalendarioLaboral answers, with `habilesEntre` in O(years) instead of O(days): a bandeja page
 * of turnos overdue since years ago would otherwise walk thousands of days per row. Prefix counts per
 * year are built lazily from `esHabil` (so holidays and the office's own days are the calendar's own).
 */
import type { CalendarioLaboral } from '../catalogos/calendario';

const cache = new WeakMap<CalendarioLaboral, CalendarioLaboral>();

function diaDelAnio(fecha: string): { anio: number; dia: number } {
  const anio = Number(fecha.slice(0, 4));
  const t = Date.UTC(anio, Number(fecha.slice(5, 7)) - 1, Number(fecha.slice(8, 10)));
  return { anio, dia: Math.round((t - Date.UTC(anio, 0, 1)) / 86_400_000) };
}

export function calendarioRapido(cal: CalendarioLaboral): CalendarioLaboral {
  const hecho = cache.get(cal);
  if (hecho) return hecho;
  const anios = new Map<number, Int32Array>();
  /** acumulado[d] = días hábiles from 1 Jan through day d (0-based) of the year. */
  const acumulado = (anio: number): Int32Array => {
    let a = anios.get(anio);
    if (!a) {
      const dias = (Date.UTC(anio + 1, 0, 1) - Date.UTC(anio, 0, 1)) / 86_400_000;
      a = new Int32Array(dias);
      let n = 0;
      for (let d = 0; d < dias; d++) {
        const t = new Date(Date.UTC(anio, 0, 1 + d));
        const f = `${anio}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
        if (cal.esHabil(f)) n++;
        a[d] = n;
      }
      anios.set(anio, a);
    }
    return a;
  };
  /** Días hábiles from 1 Jan of `desdeAnio` through `fecha` inclusive. */
  const hasta = (fecha: string, desdeAnio: number): number => {
    const { anio, dia } = diaDelAnio(fecha);
    let n = 0;
    for (let y = desdeAnio; y < anio; y++) {
      const a = acumulado(y);
      n += a[a.length - 1];
    }
    return n + acumulado(anio)[dia];
  };
  const rapido = Object.create(cal) as CalendarioLaboral;
  rapido.habilesEntre = (desde: string, fin: string): number => {
    if (desde === fin) return 0;
    const [a, b, signo] = desde < fin ? [desde, fin, 1] : [fin, desde, -1];
    const base = Number(a.slice(0, 4));
    return signo * (hasta(b, base) - hasta(a, base));
  };
  cache.set(cal, rapido);
  return rapido;
}
