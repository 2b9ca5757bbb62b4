/**
 * Días hábiles: Monday to Friday except the statutory Mexican holidays (Ley Federal del Trabajo,
 * art. 74, computed per year) and the office's own non-working days.
 */
import { diaDeSemana, sumarDias } from '../../tiempo';

export interface DiaInhabil { fecha: string; descripcion: string; oficial: boolean }

const dos = (n: number) => String(n).padStart(2, '0');
const DIA = 86_400_000;

/** The n-th Monday (1-based) of a month, as `YYYY-MM-DD`. */
function lunes(anio: number, mes: number, n: number): string {
  const primero = `${anio}-${dos(mes)}-01`;
  const desfase = (8 - diaDeSemana(primero)) % 7;
  return sumarDias(primero, desfase + (n - 1) * 7);
}

export function festivosOficiales(anio: number): DiaInhabil[] {
  const f = (fecha: string, descripcion: string): DiaInhabil => ({ fecha, descripcion, oficial: true });
  const dias = [
    f(`${anio}-01-01`, 'Año Nuevo'),
    f(lunes(anio, 2, 1), 'Día de la Constitución'),
    f(lunes(anio, 3, 3), 'Natalicio de Benito Juárez'),
    f(`${anio}-05-01`, 'Día del Trabajo'),
    f(`${anio}-09-16`, 'Día de la Independencia'),
    f(lunes(anio, 11, 3), 'Día de la Revolución'),
    f(`${anio}-12-25`, 'Navidad'),
  ];
  if (anio >= 2024 && (anio - 2024) % 6 === 0) {
    dias.push(f(`${anio}-10-01`, 'Transmisión del Poder Ejecutivo Federal'));
  }
  return dias.sort((a, b) => a.fecha.localeCompare(b.fecha));
}

export class CalendarioLaboral {
  private readonly cache = new Map<number, Set<string>>();

  /** @param propios the office's own non-working dates (`YYYY-MM-DD`). */
  constructor(private readonly propios: Iterable<string>) {}

  private inhabilesDe(anio: number): Set<string> {
    let s = this.cache.get(anio);
    if (!s) {
      s = new Set(festivosOficiales(anio).map((d) => d.fecha));
      for (const p of this.propios) if (p.startsWith(`${anio}-`)) s.add(p);
      this.cache.set(anio, s);
    }
    return s;
  }

  esHabil(fecha: string): boolean {
    const d = diaDeSemana(fecha);
    return d !== 0 && d !== 6 && !this.inhabilesDe(Number(fecha.slice(0, 4))).has(fecha);
  }

  /** The date n días hábiles after `fecha` (n = 0: the same date). */
  sumarHabiles(fecha: string, n: number): string {
    let actual = fecha;
    let restantes = n;
    while (restantes > 0) {
      actual = sumarDias(actual, 1);
      if (this.esHabil(actual)) restantes--;
    }
    return actual;
  }

  /**
   * Días hábiles from `desde` (exclusive) to `hasta` (inclusive); negative when hasta is earlier.
   * O(years), not O(days): lists of items overdue for years compute this once per row.
   */
  habilesEntre(desde: string, hasta: string): number {
    if (desde === hasta) return 0;
    const [a, b, signo] = desde < hasta ? [desde, hasta, 1] : [hasta, desde, -1];
    const base = Number(a.slice(0, 4));
    return signo * (this.habilesHasta(b, base) - this.habilesHasta(a, base));
  }

  private readonly acumulados = new Map<number, Int32Array>();

  /** acumulado[d] = días hábiles from 1 January through day d (0-based) of the year. */
  private acumuladoDe(anio: number): Int32Array {
    let a = this.acumulados.get(anio);
    if (!a) {
      const dias = (Date.UTC(anio + 1, 0, 1) - Date.UTC(anio, 0, 1)) / DIA;
      a = new Int32Array(dias);
      let fecha = `${anio}-01-01`;
      for (let d = 0, n = 0; d < dias; d++, fecha = sumarDias(fecha, 1)) {
        if (this.esHabil(fecha)) n++;
        a[d] = n;
      }
      this.acumulados.set(anio, a);
    }
    return a;
  }

  /** Días hábiles from 1 January of `desdeAnio` through `fecha` inclusive. */
  private habilesHasta(fecha: string, desdeAnio: number): number {
    const anio = Number(fecha.slice(0, 4));
    const dia = (Date.UTC(anio, Number(fecha.slice(5, 7)) - 1, Number(fecha.slice(8, 10))) - Date.UTC(anio, 0, 1)) / DIA;
    let n = 0;
    for (let y = desdeAnio; y < anio; y++) {
      const a = this.acumuladoDe(y);
      n += a[a.length - 1];
    }
    return n + this.acumuladoDe(anio)[dia];
  }
}
