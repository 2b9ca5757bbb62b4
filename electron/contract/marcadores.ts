/**
 * `{…}` placeholders of a template, read the same way by the folio series (`{n}`, `{n:4}`, `{yy}`,
 * `{yyyy}`, DOMAIN §1) and by the oficio plantillas (`{destinatario.nombre}`, `{turnos_vencidos}`, §1b).
 * Which names are known, and what each becomes, stays with each module.
 */

/** One placeholder, never across a line break. */
export const MARCA = /\{([^{}\n]*)\}/g;

/** The names inside the placeholders of a text, in order. */
export function marcadoresDe(texto: string): string[] {
  return [...texto.matchAll(MARCA)].map((m) => m[1]);
}

export const LLAVES_SUELTAS = 'La plantilla tiene llaves sin cerrar.';

/** A `{` or `}` left over once the placeholders are taken out. */
export function tieneLlavesSueltas(texto: string): boolean {
  return /[{}]/.test(texto.replace(MARCA, ''));
}

/** Each placeholder replaced by what `valor` gives for its name (`marca` is the placeholder as written). */
export function reemplazarMarcadores(texto: string, valor: (nombre: string, marca: string) => string): string {
  return texto.replace(MARCA, (marca, nombre: string) => valor(nombre, marca));
}
