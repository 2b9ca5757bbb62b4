/**
 * How every count and percentage reads, the same on screen, in PDF and in Excel (pure: the renderer and
 * the core both import it).
 *
 * Percentages follow one rule across modules: computed from the exact counts and rounded **once**, to
 * one decimal, half away from zero (2 of 3 → 66.7; 129 of 200 → 64.5); shown without the decimal when it
 * is zero ("65 %", "64.5 %"). Nothing is rounded twice.
 */

const enteros = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 });
const unDecimal = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });

/** Half away from zero at one decimal, robust to binary noise (64.45 → 64.5, not 64.4). */
export function redondearPorcentaje(valor: number): number {
  const escalado = Math.round(Math.abs(valor) * 10 + 1e-9);
  return (Math.sign(valor) * escalado) / 10 || 0;
}

/** `parte` of `total` as a percentage with the one rule; null when there is nothing to measure. */
export function porcentaje(parte: number, total: number): number | null {
  return total > 0 ? redondearPorcentaje((parte * 100) / total) : null;
}

/** `65 %`, `64.5 %`; empty for null. */
export function textoPorcentaje(valor: number | null | undefined): string {
  if (valor === null || valor === undefined || !Number.isFinite(valor)) return '';
  return `${unDecimal.format(redondearPorcentaje(valor))} %`;
}

/** The plural of one Spanish word by the common rules: acuerdo → acuerdos, reunión → reuniones, unidad → unidades, vez → veces. */
export function pluralDe(palabra: string): string {
  if (/[aeiouáéó]$/i.test(palabra)) return `${palabra}s`;
  if (/z$/i.test(palabra)) return `${palabra.slice(0, -1)}ces`;
  const sinTilde = palabra.replace(/([áéíóú])([nsl])$/i, (_m, v: string, c: string) => v.normalize('NFD')[0] + c);
  return `${sinTilde}es`;
}

/** The plural of a noun phrase: each word that is not a preposition or article changes ("día hábil" → "días hábiles"). */
export function pluralFrase(frase: string): string {
  let enComplemento = false;
  return frase
    .split(' ')
    .map((p, i) => {
      if (i > 0 && /^(de|del|en|a|con|por|para|sin|y)$/i.test(p)) enComplemento = true;
      return enComplemento || !p ? p : pluralDe(p);
    })
    .join(' ');
}

/**
 * The count with its noun, right in singular and plural: `cantidad(1, 'compromiso')` → "1 compromiso",
 * `cantidad(3, 'reunión')` → "3 reuniones", `cantidad(1204, 'asunto')` → "1,204 asuntos". Give the plural
 * when the rules don't know it (`cantidad(2, 'meta acumulable', 'metas acumulables')`).
 */
export function cantidad(n: number, singular: string, plural = pluralFrase(singular)): string {
  return `${enteros.format(n)} ${n === 1 ? singular : plural}`;
}
