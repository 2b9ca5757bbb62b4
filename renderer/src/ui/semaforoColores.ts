/** The four semáforo colours (DOMAIN §5). The UI shows what the core computed; it never recomputes it. */
import { HEX_SEMAFORO, type ColorSemaforo } from '../../../electron/contract/comun';

export type { ColorSemaforo };

export const COLORES_SEMAFORO: readonly ColorSemaforo[] = ['verde', 'amarillo', 'rojo', 'gris'];

/** Dot / bar colour. */
export const COLOR_SEMAFORO: Readonly<Record<ColorSemaforo, string>> = HEX_SEMAFORO;

/** Text colour on the light tinted background (WCAG AA on white and on the tint). */
export const TINTA_SEMAFORO: Record<ColorSemaforo, string> = {
  verde: '#1b5e20',
  amarillo: '#6d4c00',
  rojo: '#b71c1c',
  gris: '#494949',
};

/** Light background of the badge. */
export const FONDO_SEMAFORO: Record<ColorSemaforo, string> = {
  verde: '#eaf4eb',
  amarillo: '#fef5dc',
  rojo: '#fbe9e9',
  gris: '#f1f1f1',
};

export const BORDE_SEMAFORO: Record<ColorSemaforo, string> = {
  verde: '#b9d9bb',
  amarillo: '#f3d58a',
  rojo: '#efb8b8',
  gris: '#d6d6d6',
};

export const NOMBRE_COLOR_SEMAFORO: Record<ColorSemaforo, string> = {
  verde: 'Verde',
  amarillo: 'Amarillo',
  rojo: 'Rojo',
  gris: 'Gris',
};
