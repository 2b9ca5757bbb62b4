/** Medidas y colores comunes del PDF: la hoja, el membrete, el cuerpo y las tablas los comparten. */
import type { Alineacion } from './formato';

const CM = 72 / 2.54;
/** Margen de la hoja: 2 cm por lado. Membrete y pie viven dentro de él. */
export const MARGEN = 2 * CM;

/** Guinda del tema de la aplicación (renderer/src/ui/tema.ts) para membrete, filetes y títulos. */
export const COLORES = {
  tinta: '#1c2024',
  acento: '#7a1e3a',
  /** Barras de gráficas sin color propio: azul pizarra, que no se confunde con el rojo del semáforo. */
  grafica: '#2f5377',
  gris: '#5b6670',
  linea: '#c5cdd5',
  fondoEncabezado: '#e3e8ee',
  cebra: '#f3f5f8',
} as const;

/** Alineación del kit → la de pdfkit. */
export const ALINEAR: Record<Alineacion, 'left' | 'center' | 'right'> = { izquierda: 'left', centro: 'center', derecha: 'right' };
