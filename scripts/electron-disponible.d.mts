export interface EstadoElectron {
  disponible: boolean;
  /** The runtime executable, when the package says where it should be. */
  ruta: string | null;
  version: string | null;
  /** Why it is not available, in Spanish (null when it is). */
  motivo: string | null;
}
export function estadoElectron(desde?: string): EstadoElectron;
export function electronDisponible(desde?: string): boolean;
