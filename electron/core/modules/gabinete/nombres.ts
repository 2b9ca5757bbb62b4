/**
 * Naming rules of gabinete meetings (DOMAIN §2): Roman ordinals, numbering scopes per tipo / per tema /
 * none, the name template of each tipo, and the display code of an acuerdo. Pure functions.
 */

export type Numeracion = 'por_tipo' | 'por_tema' | 'ninguna';

export interface TipoParaNombre {
  id: string;
  clave: string;
  numeracion: Numeracion;
  plantilla: string;
}

const ROMANOS: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → "I", 4 → "IV", 2026 → "MMXXVI" (1..3999). */
export function romano(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`Ordinal fuera de rango: ${n}`);
  let resto = n;
  let s = '';
  for (const [valor, letras] of ROMANOS) {
    while (resto >= valor) {
      s += letras;
      resto -= valor;
    }
  }
  return s;
}

/** The tema as the scope sees it: case, accents and extra spaces don't make a different tema. */
export function normalizarTema(tema: string): string {
  return tema.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether the tipo's name needs a tema/región ("del Mayo", "de Salud"). */
export function requiereTema(tipo: Pick<TipoParaNombre, 'plantilla' | 'numeracion'>): boolean {
  return tipo.plantilla.includes('{tema}') || tipo.numeracion === 'por_tema';
}

/** The numbering scope key of a meeting, or null when its tipo has no ordinal. */
export function alcanceDe(tipo: Pick<TipoParaNombre, 'id' | 'numeracion'>, tema: string): string | null {
  if (tipo.numeracion === 'ninguna') return null;
  if (tipo.numeracion === 'por_tipo') return `tipo:${tipo.id}`;
  return `tema:${tipo.id}:${normalizarTema(tema)}`;
}

/** Fills the template: `{ordinal}` (Roman numeral) and `{tema}`; missing parts leave no double spaces. */
export function nombreReunion(plantilla: string, ordinal: number | null, tema: string): string {
  return plantilla
    .replaceAll('{ordinal}', ordinal ? romano(ordinal) : '')
    .replaceAll('{tema}', tema.trim())
    .replace(/\s+/g, ' ')
    .trim();
}

const dos = (n: number) => String(n).padStart(2, '0');

/** Leading words that are not the tema itself ("de la Salud", "en Guaymas"). The migration that filled old meetings uses the same list. */
const ARTICULOS = ['con la ', 'con las ', 'con los ', 'con el ', 'con ', 'de la ', 'de las ', 'de los ', 'del ', 'de ', 'en ', 'la ', 'las ', 'los ', 'el ', 'para '];

/** "de Salud" → "SAL", "en Guaymas" → "GUA": three letters of the tema's first word (before disambiguation). */
export function abreviarTema(tema: string): string {
  let t = normalizarTema(tema);
  const articulo = ARTICULOS.find((a) => t.startsWith(a));
  if (articulo) t = t.slice(articulo.length);
  const palabra = t.split(' ')[0].replace(/[^a-z0-9]/g, '');
  return (palabra.slice(0, 3) || 'T').toUpperCase();
}

/** Whether this tipo's acuerdo codes need the tema key: its ordinal alone doesn't tell meetings apart. */
export function codigoLlevaTema(numeracion: Numeracion): boolean {
  return numeracion !== 'por_tipo';
}

/**
 * Display code of an acuerdo, unique across the administration (DOMAIN §2): `GL-IV-03` (tipo, ordinal,
 * número); Especializado carries the tema key, since each tema has its own I, II…: `GE-SAL-I-03`. Meetings
 * without ordinal use tema key and date, plus `-2`, `-3` for a second meeting of that tipo and tema that day:
 * `GS-TUR-20261120-03`.
 */
export function codigoAcuerdo(
  r: { tipoClave: string; claveTema: string; ordinal: number | null; fecha: string; mismoDia?: number },
  numero: number,
): string {
  const partes = [r.tipoClave];
  if (r.claveTema) partes.push(r.claveTema);
  partes.push(r.ordinal ? romano(r.ordinal) : r.fecha.replaceAll('-', '') + (r.mismoDia ? `-${r.mismoDia + 1}` : ''));
  return `${partes.join('-')}-${dos(numero)}`;
}
