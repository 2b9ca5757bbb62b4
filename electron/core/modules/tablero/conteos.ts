/**
 * The semáforo tallies of a module's list, shared by the acuerdos and compromisos cards: both lists carry a
 * status color, a plazo key and the dependencias (responsable and corresponsables) each item belongs to.
 */
import type { ColorSemaforo } from '../../../contract/comun';

export function contarSemaforos<T extends { dependenciaId: string; corresponsables: { id: string }[] }>(
  items: readonly T[],
  color: (x: T) => ColorSemaforo,
  plazo: (x: T) => string,
): { c: Record<ColorSemaforo, number>; p: Record<string, number>; vencidos: Map<string, number> } {
  const c: Record<ColorSemaforo, number> = { verde: 0, amarillo: 0, rojo: 0, gris: 0 };
  const p: Record<string, number> = { vencido: 0, en_riesgo: 0, a_tiempo: 0, sin_plazo: 0 };
  const vencidos = new Map<string, number>();
  for (const x of items) {
    c[color(x)]++;
    const clave = plazo(x);
    if (clave in p) p[clave]++;
    if (clave === 'vencido') {
      // The lists filter a dependencia as responsable or corresponsable: count it the same way.
      for (const d of new Set([x.dependenciaId, ...x.corresponsables.map((y) => y.id)])) vencidos.set(d, (vencidos.get(d) ?? 0) + 1);
    }
  }
  return { c, p, vencidos };
}
