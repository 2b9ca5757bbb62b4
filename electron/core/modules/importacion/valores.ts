/** Importación › forgiving values: the dates, percentages and words people write in spreadsheets. */
import { normalizar } from '../../texto';
import type { Celda } from './lectura';

export type Lectura<T> = { ok: true; valor: T } | { ok: false; mensaje: string };

const ok = <T>(valor: T): Lectura<T> => ({ ok: true, valor });
const mal = (mensaje: string): Lectura<never> => ({ ok: false, mensaje });

/** Key for matching headers and catalog words: no case, accents, spaces or punctuation. */
export function clave(texto: string): string {
  return normalizar(texto).replace(/[^a-z0-9ñ]/g, '');
}

/** Words for catalog lookups: no case or accents, punctuation as spaces («Cd. Obregón» → «cd obregon»). */
export function palabras(texto: string): string {
  return normalizar(texto.replace(/[^\p{L}\p{N}]+/gu, ' '));
}

export function textoDe(c: Celda): string {
  if (c === null) return '';
  if (c instanceof Date) return fechaIso(c);
  if (typeof c === 'number') return Number.isInteger(c) ? String(c) : String(Math.round(c * 1e6) / 1e6);
  return String(c).trim();
}

export function vacia(c: Celda): boolean {
  return textoDe(c) === '';
}

function fechaIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const MESES: Record<string, number> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8,
  septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  ene: 1, feb: 2, mar: 3, abr: 4, may: 5, jun: 6, jul: 7, ago: 8, sep: 9, sept: 9, oct: 10, nov: 11, dic: 12,
};

function armar(a: number, m: number, d: number, original: string): Lectura<string> {
  if (a < 100) a += 2000;
  const t = new Date(Date.UTC(a, m - 1, d));
  if (m < 1 || m > 12 || t.getUTCFullYear() !== a || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) {
    return mal(`«${original}» no es una fecha posible.`);
  }
  if (a < 1990 || a > 2100) return mal(`«${original}»: año fuera de rango.`);
  return ok(`${String(a).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** Excel date, `dd/mm/aaaa`, `aaaa-mm-dd`, «1 de octubre de 2021», or an Excel serial number. */
export function leerFecha(c: Celda): Lectura<string> {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? mal('Fecha inválida.') : ok(fechaIso(c));
  if (typeof c === 'number') {
    // A date typed in a general-format cell: days since 1899-12-30.
    if (c > 20000 && c < 80000) return ok(fechaIso(new Date(Date.UTC(1899, 11, 30) + Math.floor(c) * 86_400_000)));
    return mal(`«${c}» no es una fecha.`);
  }
  const s = textoDe(c);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(s);
  if (m) return armar(+m[1], +m[2], +m[3], s);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s.*)?$/.exec(s);
  if (m) return armar(+m[3], +m[2], +m[1], s);
  m = /^(\d{1,2})(?:\s+de)?\s+([a-záéíóú]+)\.?(?:\s+de)?(?:\s+del)?\s+(\d{4})$/i.exec(normalizar(s));
  if (m && MESES[m[2]]) return armar(+m[3], MESES[m[2]], +m[1], s);
  return mal(`«${s.slice(0, 40)}» no es una fecha (use dd/mm/aaaa, aaaa-mm-dd o «1 de octubre de 2021»).`);
}

/** Hour of a date-time cell or «14:05»; null when the cell has none. */
export function leerHora(c: Celda): string | null {
  if (c instanceof Date) {
    const h = c.getUTCHours();
    const mi = c.getUTCMinutes();
    return h === 0 && mi === 0 ? null : `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
  }
  if (typeof c === 'number' && c > 0 && c < 1) {
    const min = Math.round(c * 1440);
    return `${String(Math.floor(min / 60) % 24).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
  }
  const m = /(\d{1,2}):(\d{2})/.exec(textoDe(c));
  if (!m || +m[1] > 23 || +m[2] > 59) return null;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

/** `65`, `65 %`, `65%`, `0.65` in a percent cell (read as «65 %»). Integer 0..100. */
export function leerPorcentaje(c: Celda): Lectura<number> {
  const s = textoDe(c).replace(/\s/g, '').replace('%', '').replace(',', '.');
  const n = Number(s);
  if (s === '' || !Number.isFinite(n)) return mal(`«${textoDe(c).slice(0, 20)}» no es un porcentaje.`);
  if (n < 0) return mal(`${textoDe(c)}: el avance no puede ser negativo.`);
  if (n > 100) return mal(`${textoDe(c)}: el avance no puede pasar de 100 %.`);
  return ok(Math.round(n));
}

export function leerEntero(c: Celda, etiqueta: string): Lectura<number> {
  const s = textoDe(c).replace(/[\s,]/g, '');
  const n = Number(s);
  if (s === '' || !Number.isInteger(n)) return mal(`${etiqueta}: «${textoDe(c).slice(0, 20)}» no es un número entero.`);
  return ok(n);
}

/** A decimal quantity (POA programado/alcanzado), as a number with at most 2 decimals. */
export function leerCantidad(c: Celda, etiqueta: string): Lectura<number> {
  const s = textoDe(c).replace(/\s/g, '').replace('%', '').replace(/,(?=\d{3}(\D|$))/g, '').replace(',', '.');
  const n = Number(s);
  if (s === '' || !Number.isFinite(n)) return mal(`${etiqueta}: «${textoDe(c).slice(0, 20)}» no es un número.`);
  if (n < 0) return mal(`${etiqueta}: no puede ser negativo.`);
  return ok(Math.round(n * 100) / 100);
}

/** Matches a word against an enum's labels and keys, ignoring case, accents and spaces. */
export function leerOpcion<T extends string>(c: Celda, etiquetas: Record<T, string>, extra: Record<string, T> = {}): Lectura<T> {
  const k = clave(textoDe(c));
  for (const [valor, etiqueta] of Object.entries(etiquetas) as [T, string][]) {
    if (clave(valor) === k || clave(etiqueta) === k) return ok(valor);
  }
  for (const [palabra, valor] of Object.entries(extra)) if (clave(palabra) === k) return ok(valor);
  return mal(`«${textoDe(c).slice(0, 40)}» no se reconoce; use ${Object.values<string>(etiquetas).join(', ')}.`);
}
