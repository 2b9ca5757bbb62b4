/** The weekly comparison: one figure of this week beside the previous week's, each with the list it links to. */
import type { Comparacion } from '../../../contract/tablero';
import { cambio } from './semanas';

export function comparar(
  clave: string,
  etiqueta: string,
  unidad: Comparacion['unidad'],
  actual: number | null,
  anterior: number | null,
  enlaceActual: string | null = null,
  enlaceAnterior: string | null = null,
): Comparacion {
  return { clave, etiqueta, unidad, actual, anterior, cambio: cambio(actual, anterior), enlace: enlaceActual, enlaceAnterior };
}
