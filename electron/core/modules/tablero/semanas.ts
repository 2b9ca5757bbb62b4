/** Weeks of the informe semanal (Monday–Sunday, office time) and the weekly comparisons: pure. */
import { diaDeSemana, sumarDias } from '../../tiempo';

export interface Semana {
  desde: string;
  hasta: string;
}

/** The Monday of the week a date belongs to. */
export function lunesDe(fecha: string): string {
  return sumarDias(fecha, -((diaDeSemana(fecha) + 6) % 7));
}

export function semanaDe(fecha: string): Semana {
  const desde = lunesDe(fecha);
  return { desde, hasta: sumarDias(desde, 6) };
}

export function semanaAnterior(s: Semana): Semana {
  return semanaDe(sumarDias(s.desde, -7));
}

/** The last complete week before `hoy`. */
export function ultimaCompleta(hoy: string): Semana {
  return semanaAnterior(semanaDe(hoy));
}

/** The `n` weeks ending with `s`, oldest first. */
export function ultimasSemanas(s: Semana, n: number): Semana[] {
  return Array.from({ length: n }, (_, i) => semanaDe(sumarDias(s.desde, -7 * (n - 1 - i))));
}

const MESES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

/** "16 nov" — the week's Monday, for chart axes. */
export function etiquetaSemana(s: Semana): string {
  const [, m, d] = s.desde.split('-').map(Number);
  return `${d} ${MESES[m - 1]}`;
}

/** "Del 16 al 22 de noviembre de 2026" / "Del 28 de diciembre de 2026 al 3 de enero de 2027". */
export function textoSemana(s: Semana): string {
  const LARGOS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
  const [y1, m1, d1] = s.desde.split('-').map(Number);
  const [y2, m2, d2] = s.hasta.split('-').map(Number);
  if (y1 !== y2) return `Del ${d1} de ${LARGOS[m1 - 1]} de ${y1} al ${d2} de ${LARGOS[m2 - 1]} de ${y2}`;
  if (m1 !== m2) return `Del ${d1} de ${LARGOS[m1 - 1]} al ${d2} de ${LARGOS[m2 - 1]} de ${y2}`;
  return `Del ${d1} al ${d2} de ${LARGOS[m2 - 1]} de ${y2}`;
}

/** Change between two figures; null when either is missing. Percentages keep one decimal. */
export function cambio(actual: number | null, anterior: number | null): number | null {
  if (actual === null || anterior === null) return null;
  return Math.round((actual - anterior) * 10) / 10;
}

/** A route with its query string, skipping empty values. */
export function enlace(ruta: string, params: Record<string, string | number | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${ruta}?${s}` : ruta;
}
