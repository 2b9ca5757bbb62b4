/** Office time: "today", the folio year and every deadline are computed in the office time zone. */
export const ZONA_OFICINA = 'America/Hermosillo';

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(tz, f);
  }
  return f;
}

export interface PartesFecha { anio: number; mes: number; dia: number; hora: number; minuto: number; segundo: number }

export function partesEnZona(instante: number, tz = ZONA_OFICINA): PartesFecha {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(tz).formatToParts(new Date(instante))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { anio: p.year, mes: p.month, dia: p.day, hora: p.hour, minuto: p.minute, segundo: p.second };
}

const dos = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of an instant in the office time zone. */
export function fechaEnZona(instante: number, tz = ZONA_OFICINA): string {
  const p = partesEnZona(instante, tz);
  return `${p.anio}-${dos(p.mes)}-${dos(p.dia)}`;
}

export function anioEnZona(instante: number, tz = ZONA_OFICINA): number {
  return partesEnZona(instante, tz).anio;
}

/** Epoch ms of local midnight of a calendar date in a zone (exact for fixed-offset zones, good across DST). */
export function inicioDeFecha(fecha: string, tz = ZONA_OFICINA): number {
  const [y, m, d] = fecha.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const p = partesEnZona(guess, tz);
  const offset = Date.UTC(p.anio, p.mes - 1, p.dia, p.hora, p.minuto, p.segundo) - guess;
  return guess - offset;
}

/** Calendar arithmetic on `YYYY-MM-DD` strings (no time zone involved). */
export function sumarDias(fecha: string, dias: number): string {
  const [y, m, d] = fecha.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + dias));
  return `${t.getUTCFullYear()}-${dos(t.getUTCMonth() + 1)}-${dos(t.getUTCDate())}`;
}

/** 0 = domingo … 6 = sábado. */
export function diaDeSemana(fecha: string): number {
  const [y, m, d] = fecha.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** "21 de noviembre de 2026", as documents write dates. */
export function fechaLarga(fecha: string): string {
  const [y, m, d] = fecha.split('-').map(Number);
  return `${d} de ${MESES[m - 1]} de ${y}`;
}

/** "21/11/2026", as tables write dates. */
export function fechaCorta(fecha: string): string {
  const [y, m, d] = fecha.split('-');
  return `${d}/${m}/${y}`;
}
