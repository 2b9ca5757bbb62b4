/**
 * Registrar desde escaneo: the form's fields read from the text of an oficio's first page (pure
 * functions). Oficios follow one shape: letterhead, number/place-and-date/asunto block, addressee,
 * body, "Atentamente", signer's name and cargo. What is not found stays null (never a guess).
 */
import { distance } from 'fastest-levenshtein';
import type { Sugerencias } from '../../../contract/ocr';
import { normalizar } from '../../texto';

export interface Conocidos {
  municipios: { clave: string; nombre: string }[];
  /** Dependencias of the catalog and organizations of remitentes already registered. */
  organizaciones: string[];
  /** Remitentes already registered and the directorio de funcionarios. */
  remitentes: { nombre: string; cargo: string; organizacion: string }[];
}

const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
// Longest first: «C.P.» must not stop at «C.».
const TITULOS = /^(?:(?:c\.\s?p|q\.\s?b|licda|lcda|lic|ing|mtro|mtra|dra|dr|arq|profa|profr|prof|mvz|c)\.\s*)+/i;
const MINUSCULAS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'en', 'para', 'a', 'por']);

function lineas(texto: string): string[] {
  return texto.split(/\r?\n/).map((l) => l.replace(/[ \t]+/g, ' ').trim());
}

/** Similarity 0–1 of two normalized strings (1 = equal). */
function parecido(a: string, b: string): number {
  const x = normalizar(a);
  const y = normalizar(b);
  if (!x || !y) return 0;
  return 1 - distance(x, y) / Math.max(x.length, y.length);
}

/** "SECRETARÍA DE EDUCACIÓN" → "Secretaría de Educación"; text already in mixed case is kept. */
export function comoTitulo(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s
    .toLowerCase()
    .split(' ')
    .map((p, i) => (i > 0 && MINUSCULAS.has(p) ? p : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

export function numeroDeOficio(texto: string): string | null {
  const re = /\b(?:oficio|of\.)\s*(?:n[uú]m(?:ero)?\.?|no\.?|n[°º]\.?|#)?\s*[:.]?\s*([\p{Lu}0-9][\p{Lu}0-9\-/.]*\d[\p{Lu}0-9\-/.]*)/iu;
  const m = re.exec(texto);
  return m ? m[1].replace(/[.\-/]+$/, '') : null;
}

/** The oficio's date: "12 de noviembre de 2026" or "12/11/2026", the first in the page (the header's). */
export function fechaDeOficio(texto: string): string | null {
  const t = normalizar(texto).replace(/\s+/g, ' ');
  const largo = /\b(\d{1,2})\s*(?:de\s+)?(enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre)\s*(?:de|del)?\s*(\d{4})\b/.exec(t);
  const corto = /\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b/.exec(t);
  const candidatos: { i: number; d: number; m: number; y: number }[] = [];
  if (largo) candidatos.push({ i: largo.index, d: +largo[1], m: MESES.indexOf(largo[2] === 'setiembre' ? 'septiembre' : largo[2]) + 1, y: +largo[3] });
  if (corto) candidatos.push({ i: corto.index, d: +corto[1], m: +corto[2], y: +corto[3] });
  candidatos.sort((a, b) => a.i - b.i);
  for (const c of candidatos) {
    const f = new Date(Date.UTC(c.y, c.m - 1, c.d));
    if (c.y >= 1990 && c.y <= 2100 && f.getUTCMonth() === c.m - 1 && f.getUTCDate() === c.d) {
      return `${c.y}-${String(c.m).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
    }
  }
  return null;
}

/** The place of "Hermosillo, Sonora, a 12 de…" matched against the catalog (OCR may miss a letter). */
export function municipioDe(texto: string, municipios: Conocidos['municipios']): string | null {
  for (const l of lineas(texto).slice(0, 25)) {
    const m = /([\p{L}][\p{L}\d .'-]{2,60}?)\s*,\s*son(?:ora)?\b/iu.exec(l);
    if (!m) continue;
    // The place is the last words before «, Sonora» (the line may start with anything).
    const palabras = m[1].trim().split(' ');
    let mejor: { clave: string; p: number } | null = null;
    for (let k = 0; k < palabras.length; k++) {
      const lugar = palabras.slice(k).join(' ');
      for (const mu of municipios) {
        const p = parecido(lugar, mu.nombre);
        if (p >= 0.8 && (!mejor || p > mejor.p)) mejor = { clave: mu.clave, p };
      }
    }
    if (mejor) return mejor.clave;
  }
  return null;
}

/** The "Asunto:" line (with its continuation), or else the body's first sentence. */
export function asuntoDe(texto: string): string | null {
  const ls = lineas(texto);
  const i = ls.findIndex((l) => /^asunto\s*[:.;]/i.test(l));
  if (i >= 0) {
    let a = ls[i].replace(/^asunto\s*[:.;]\s*/i, '');
    // A wrapped asunto continues on the next lines: no blank line between, no field label, and a start
    // that cannot open the addressee's block (lowercase, a quote or a number: «Niños Héroes», 2027).
    for (const sig of ls.slice(i + 1, i + 3)) {
      if (!sig || /:/.test(sig) || !/^[a-záéíóúñü«"“(¿¡\d]/.test(sig)) break;
      a += ` ${sig}`;
    }
    return a.trim() || null;
  }
  const p = ls.findIndex((l) => /^p\s*r\s*e\s*s\s*e\s*n\s*t\s*e\b/i.test(l));
  const cuerpo = p >= 0 ? ls.slice(p + 1).filter(Boolean).join(' ') : '';
  const frase = /^(.{20,300}?[.;])(\s|$)/.exec(cuerpo)?.[1];
  return frase ?? null;
}

/** Signer after "Atentamente": name, then cargo, then (sometimes) the organization. */
export function firmante(texto: string): { nombre: string; cargo: string | null; resto: string[] } | null {
  const ls = lineas(texto);
  const i = ls.findIndex((l) => /^a\s*t\s*e\s*n\s*t\s*a\s*m\s*e\s*n\s*t\s*e\b/i.test(l));
  if (i < 0) return null;
  const siguientes = ls
    .slice(i + 1)
    .filter((l) => l && !/^["“”'«]/.test(l) && !/sufragio|reelecci|^_+$|^-+$/i.test(l) && /\p{L}{2}/u.test(l));
  const fin = siguientes.findIndex((l) => /^(c\.?\s*c\.?\s*p|ccp|anexo|elabor|c\.c\.)/i.test(l));
  const bloque = (fin >= 0 ? siguientes.slice(0, fin) : siguientes).slice(0, 4);
  if (!bloque.length) return null;
  return { nombre: bloque[0], cargo: bloque[1] ?? null, resto: bloque.slice(2) };
}

function mejorOrganizacion(candidatos: string[], conocidas: string[]): string | null {
  let mejor: { o: string; p: number } | null = null;
  for (const c of candidatos) {
    for (const o of conocidas) {
      const p = parecido(c, o);
      if (p >= 0.75 && (!mejor || p > mejor.p)) mejor = { o, p };
    }
  }
  return mejor?.o ?? null;
}

/** From a cargo "Secretario de Educación y Cultura" to the organization "Secretaría de Educación y Cultura". */
function organizacionDelCargo(cargo: string): string[] {
  const m = /\b(?:secretari[oa]|director[a]?|presidente|presidenta|coordinador[a]?|titular)\s+(?:general\s+)?(de[l]?\s+.+)$/i.exec(cargo);
  if (!m) return [];
  return [`Secretaría ${m[1]}`, `Dirección ${m[1]}`, `Coordinación ${m[1]}`, m[1].replace(/^de[l]?\s+/i, '')];
}

/** Words a cargo is made of, feminine or masculine («Coordinadora», «Subsecretario»). */
const PALABRAS_DE_CARGO = /^(?:sub)?(?:secretari[oa]|director[a]?|coordinador[a]?|president[ea]|delegad[oa]|encargad[oa]|administrador[a]?|gobernador[a]?|procurador[a]?|comisionad[oa]|contralor[a]?|tesorer[oa]|jef[ea]|titular)$/i;

/** «Coordina Dora Estatal» → «Coordinadora Estatal»: OCR sometimes splits a long word printed in capitals. */
function unirPalabraPartida(cargo: string): string {
  const p = cargo.split(' ');
  for (let i = 0; i < p.length - 1; i++) {
    if (!PALABRAS_DE_CARGO.test(p[i]) && PALABRAS_DE_CARGO.test(normalizar(p[i] + p[i + 1]))) p.splice(i, 2, p[i] + p[i + 1].toLowerCase());
  }
  return p.join(' ');
}

/** Without the stray marks OCR leaves at the ends of a line («Peña —», «| Secretario»). */
const limpiar = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}.)]+$/gu, '').trim();

/** «J OAQUÍN» → «JOAQUÍN»: OCR sometimes splits a capital off a word printed in bold capitals. */
const unirLetraSuelta = (s: string) => s.replace(/(^|\s)([\p{Lu}])\s(?=\p{Lu}{2})/gu, (m, a: string, l: string) => (/[YE]/.test(l) ? m : `${a}${l}`));

export function extraerCampos(texto: string, conocidos: Conocidos): Sugerencias {
  const f = firmante(texto);
  let nombre = f ? comoTitulo(unirLetraSuelta(limpiar(limpiar(f.nombre).replace(TITULOS, '')))) : null;
  let cargo = f?.cargo ? unirPalabraPartida(comoTitulo(limpiar(f.cargo))) : null;
  // A known remitente (or funcionario of the directorio) gives the spelling already in use.
  const conocido = nombre ? conocidos.remitentes.find((r) => parecido(r.nombre, nombre!) >= 0.85) : undefined;
  if (conocido) {
    nombre = conocido.nombre;
    cargo = cargo && conocido.cargo && parecido(cargo, conocido.cargo) >= 0.8 ? conocido.cargo : (cargo ?? (conocido.cargo || null));
  }
  const encabezado = lineas(texto).slice(0, 8).filter(Boolean);
  const candidatos = [...(f?.resto ?? []), ...encabezado, ...(cargo ? organizacionDelCargo(cargo) : [])];
  const organizacion = mejorOrganizacion(candidatos, conocidos.organizaciones) ?? (conocido?.organizacion || null);
  return {
    oficioNumero: numeroDeOficio(texto),
    oficioFecha: fechaDeOficio(texto),
    remitenteNombre: nombre || null,
    remitenteCargo: cargo || null,
    remitenteOrganizacion: organizacion,
    municipioClave: municipioDe(texto, conocidos.municipios),
    asunto: asuntoDe(texto),
  };
}
