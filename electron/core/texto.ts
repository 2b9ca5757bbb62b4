/**
 * Accent- and case-insensitive text for searching in the core: "  PEÑA  López " → "pena lopez", the same
 * idea as FTS5's `remove_diacritics 2` (the renderer has its own copy in renderer/src/ui/normalizar.ts,
 * since it may not import the core).
 */
export function normalizar(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
