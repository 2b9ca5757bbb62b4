/**
 * Accent- and case-insensitive text for searching: "Petición" → "peticion", "  PEÑA  López " →
 * "pena lopez". The same idea as the database's FTS5 `remove_diacritics 2`, so searching behaves alike
 * in lists filtered on screen and in lists filtered by the core.
 */
export function normalizar(texto: string | number | null | undefined): string {
  if (texto === null || texto === undefined) return '';
  return String(texto)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase() // Spanish needs no locale-specific lowercasing (and the locale form is ~5× slower)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every word of `busqueda` appears in `texto` (both compared with `normalizar`). */
export function coincide(texto: string, busqueda: string): boolean {
  const palabras = normalizar(busqueda).split(' ').filter(Boolean);
  if (palabras.length === 0) return true;
  const t = normalizar(texto);
  return palabras.every((p) => t.includes(p));
}
