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

/**
 * Lists and exports convert thousands of instants, and Intl is slow. A zone's offset is constant over
 * almost every UTC day: when it is the same at both ends of the day it is reused for the whole day;
 * days with a change (DST) ask Intl for each instant.
 */
const DIA_MS = 86_400_000;
const desfasesPorZona = new Map<string, Map<number, number | null>>();

function desfaseIntl(instante: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(tz).formatToParts(new Date(instante))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const segundo = Math.floor(instante / 1000) * 1000;
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - segundo;
}

function desfaseEnZona(instante: number, tz: string): number {
  let dias = desfasesPorZona.get(tz);
  if (!dias) desfasesPorZona.set(tz, (dias = new Map()));
  const dia = Math.floor(instante / DIA_MS);
  let d = dias.get(dia);
  if (d === undefined) {
    const inicio = desfaseIntl(dia * DIA_MS, tz);
    d = inicio === desfaseIntl(dia * DIA_MS + DIA_MS - 1000, tz) ? inicio : null;
    if (dias.size > 100_000) dias.clear();
    dias.set(dia, d);
  }
  return d ?? desfaseIntl(instante, tz);
}

export function partesEnZona(instante: number, tz = ZONA_OFICINA): PartesFecha {
  const t = new Date(instante + desfaseEnZona(instante, tz));
  return {
    anio: t.getUTCFullYear(), mes: t.getUTCMonth() + 1, dia: t.getUTCDate(),
    hora: t.getUTCHours(), minuto: t.getUTCMinutes(), segundo: t.getUTCSeconds(),
  };
}

/**
 * The office's wall clock of an instant, to the second, as if it were UTC (what a spreadsheet cell holds:
 * Excel knows no zones). The same as the UTC date of `partesEnZona`, without building its parts.
 */
export function horaDeParedEnZona(instante: number, tz = ZONA_OFICINA): number {
  return Math.floor((instante + desfaseEnZona(instante, tz)) / 1000) * 1000;
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
