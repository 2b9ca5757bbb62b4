/**
 * User text → a safe FTS5 MATCH expression. User text is never spliced: each word is reduced to its
 * letter/digit runs and quoted as a phrase (with a prefix star), so `"`, `*`, `NEAR(`, `OR`, `-`,
 * unbalanced quotes or `' OR 1=1 --` are just words or nothing.
 */
const MAX_TERMINOS = 12;

export function expresionFts(texto: string | null | undefined): string | null {
  if (!texto) return null;
  const terminos: string[] = [];
  for (const palabra of texto.normalize('NFC').split(/\s+/)) {
    const partes = palabra.match(/[\p{L}\p{N}]+/gu);
    if (!partes) continue;
    // Quoting makes every token literal (OR, NEAR, AND are just words); double quotes cannot appear here.
    terminos.push(`"${partes.join(' ')}"*`);
    if (terminos.length >= MAX_TERMINOS) break;
  }
  return terminos.length ? terminos.join(' ') : null;
}
