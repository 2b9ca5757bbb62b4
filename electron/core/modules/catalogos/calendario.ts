/**
 * Días hábiles: Monday to Friday except the statutory Mexican holidays (Ley Federal del Trabajo,
 * art. 74, computed per year) and the office's own non-working days.
 */
import { diaDeSemana, sumarDias } from '../../tiempo';

export interface DiaInhabil { fecha: string; descripcion: string; oficial: boolean }

const dos = (n: number) => String(n).padStart(2, '0');

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

  /** Días hábiles from `desde` (exclusive) to `hasta` (inclusive); negative when hasta is earlier. */
  habilesEntre(desde: string, hasta: string): number {
    if (desde === hasta) return 0;
    const signo = desde < hasta ? 1 : -1;
    let [a, b] = signo > 0 ? [desde, hasta] : [hasta, desde];
    let n = 0;
    while (a < b) {
      a = sumarDias(a, 1);
      if (this.esHabil(a)) n++;
    }
    return signo * n;
  }
}
