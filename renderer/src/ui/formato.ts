/**
 * es-MX formatting for everything the user reads: dates `21/11/2026`, times `14:05` (office time zone,
 * America/Hermosillo), numbers `1,234.5`, percentages `65 %`. Empty values render as an empty string
 * so a table cell or a report stays blank instead of printing "null".
 */

import { cantidad, textoPorcentaje } from '../../../electron/contract/cifras';

export const ZONA_OFICINA = 'America/Hermosillo';

const MESES = [
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio',
  'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
] as const;

const RE_FECHA = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `'2026-11-21'` → `'21/11/2026'`. A calendar date has no time zone: it is never shifted. */
export function fecha(valor: string | null | undefined): string {
  if (!valor) return '';
  const m = RE_FECHA.exec(valor.slice(0, 10));
  if (!m) return valor;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** `'2026-11-21'` → `'21 de noviembre de 2026'` (documents and headings). */
export function fechaLarga(valor: string | null | undefined): string {
  if (!valor) return '';
  const m = RE_FECHA.exec(valor.slice(0, 10));
  if (!m) return valor;
  return `${Number(m[3])} de ${MESES[Number(m[2]) - 1]} de ${m[1]}`;
}

const partesFechaHora = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONA_OFICINA,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partes(epochMs: number): Record<string, string> {
  const r: Record<string, string> = {};
  for (const p of partesFechaHora.formatToParts(new Date(epochMs))) r[p.type] = p.value;
  return r;
}

/** An instant (epoch ms UTC) → `'21/11/2026 14:05'` in the office time zone. */
export function fechaHora(epochMs: number | null | undefined): string {
  if (epochMs === null || epochMs === undefined || !Number.isFinite(epochMs)) return '';
  const p = partes(epochMs);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** An instant → `'14:05'` in the office time zone. */
export function hora(epochMs: number | null | undefined): string {
  if (epochMs === null || epochMs === undefined || !Number.isFinite(epochMs)) return '';
  const p = partes(epochMs);
  return `${p.hour}:${p.minute}`;
}

/** An instant → its calendar date `YYYY-MM-DD` in the office time zone. */
export function fechaDeInstante(epochMs: number): string {
  const p = partes(epochMs);
  return `${p.year}-${p.month}-${p.day}`;
}

const formatosNumero = new Map<number, Intl.NumberFormat>();
function formatoNumero(decimales: number): Intl.NumberFormat {
  let f = formatosNumero.get(decimales);
  if (!f) {
    f = new Intl.NumberFormat('es-MX', { maximumFractionDigits: decimales, useGrouping: true });
    formatosNumero.set(decimales, f);
  }
  return f;
}

/** `1234.5` → `'1,234.5'` (up to `decimales` decimals, 2 by default; trailing zeros dropped). */
export function numero(valor: number | null | undefined, decimales = 2): string {
  if (valor === null || valor === undefined || !Number.isFinite(valor)) return '';
  // Avoid "-0".
  const v = Object.is(valor, -0) ? 0 : valor;
  return formatoNumero(decimales).format(v);
}

/**
 * `65` → `'65 %'`, `64.5` → `'64.5 %'`: the value is already a percentage (0–100, may exceed 100), shown by
 * the app's one rule (contract/cifras). `_decimales` is kept for old callers and no longer changes it.
 */
export function porcentaje(valor: number | null | undefined, _decimales?: number): string {
  return textoPorcentaje(valor);
}

/** `plural(1245, 'asunto')` → `'1,245 asuntos'`; `plural(1, 'reunión')` → `'1 reunión'` (the one helper: contract/cifras). */
export function plural(n: number, singular: string, pluralTexto?: string): string {
  return cantidad(n, singular, pluralTexto);
}
