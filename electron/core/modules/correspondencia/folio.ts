/**
 * Folio templates (DOMAIN §1): `{n}` the number, `{n:4}` zero-padded to 4, `{yy}` two-digit year,
 * `{yyyy}` four-digit year. Pure: the number itself is taken by the service inside the insert transaction.
 * The outgoing oficio series (§1b) use the same templates; placeholders are read as in contract/marcadores.
 */
import { LLAVES_SUELTAS, marcadoresDe, reemplazarMarcadores, tieneLlavesSueltas } from '../../../contract/marcadores';

export interface PlantillaValida {
  ok: true;
}
export interface PlantillaInvalida {
  ok: false;
  mensaje: string;
}

/** Checks a template: exactly one `{n}`/`{n:k}` (k 1–9), only known placeholders, balanced braces. */
export function validarPlantilla(plantilla: string): PlantillaValida | PlantillaInvalida {
  let numeros = 0;
  for (const p of marcadoresDe(plantilla)) {
    if (p === 'n' || /^n:[1-9]$/.test(p)) numeros++;
    else if (p !== 'yy' && p !== 'yyyy') {
      return { ok: false, mensaje: `La plantilla tiene un marcador desconocido «{${p}}»; use {n}, {n:4}, {yy} o {yyyy}.` };
    }
  }
  if (tieneLlavesSueltas(plantilla)) return { ok: false, mensaje: LLAVES_SUELTAS };
  if (numeros === 0) return { ok: false, mensaje: 'La plantilla debe incluir el número: {n} o {n:4}.' };
  if (numeros > 1) return { ok: false, mensaje: 'La plantilla debe incluir el número una sola vez.' };
  if (/[\u0000-\u001f]/.test(plantilla)) return { ok: false, mensaje: 'La plantilla no admite caracteres de control.' };
  return { ok: true };
}

export function formatearFolio(plantilla: string, anio: number, numero: number): string {
  return reemplazarMarcadores(plantilla, (p) => {
    if (p === 'n') return String(numero);
    if (p.startsWith('n:')) return String(numero).padStart(Number(p.slice(2)), '0');
    if (p === 'yy') return String(anio % 100).padStart(2, '0');
    if (p === 'yyyy') return String(anio);
    return '';
  });
}
