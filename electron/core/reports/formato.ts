/**
 * Lo común a Excel y PDF: el encabezado, las columnas, el semáforo y el formato de números y fechas
 * en español de México (`1,234.5`, `65 %`, "21 de noviembre de 2026"). Sin dependencias de exceljs
 * ni de pdfkit, para que cualquier módulo pueda importarlo.
 */
import { HEX_SEMAFORO, type ColorSemaforo } from '../../contract/comun';
import { fechaCorta, fechaEnZona, fechaLarga, partesEnZona, ZONA_OFICINA } from '../tiempo';
import { textoPorcentaje } from '../../contract/cifras';

/** Datos de membrete que recibe todo reporte. */
export interface Encabezado {
  /** Nombre de la institución (Ajustes), p. ej. "Oficina del Ejecutivo Estatal de Sonora". */
  institucion: string;
  /** Logotipo PNG o JPEG (Ajustes). Si no se puede leer, el reporte sale sin logotipo. */
  logo?: Buffer;
  titulo: string;
  /** Texto libre del periodo: "Del 16 al 22 de noviembre de 2026". */
  periodo?: string;
  /** Folio o referencia del documento, p. ej. "03.01-1034/21". */
  referencia?: string;
  /** Momento de generación (epoch ms); se muestra en la zona de la oficina. */
  generado: number;
  /** Zona horaria IANA; por omisión la de la oficina (America/Hermosillo). */
  zona?: string;
}

export type { ColorSemaforo };

/** Colores oficiales del semáforo en toda la aplicación (los mismos de la pantalla). */
export const COLORES_SEMAFORO = HEX_SEMAFORO;

/** Una celda de semáforo: el color y la palabra que lo acompaña siempre ("Atendido", "Vencido"…). */
export interface Semaforo {
  color: ColorSemaforo;
  /** La etiqueta del elemento; si falta se usa el nombre del color. */
  texto?: string;
}

/**
 * Tipos de columna, iguales para Excel y PDF:
 * - `texto`: cualquier valor, mostrado como texto.
 * - `numero` / `entero`: `number`.
 * - `fecha`: cadena `YYYY-MM-DD` (fecha de calendario, sin zona).
 * - `instante`: epoch ms, mostrado en la zona de la oficina.
 * - `porcentaje`: **fracción 0..1** (0.65 = 65 %), como la guarda Excel.
 * - `semaforo`: `Semaforo` o directamente el color (`'rojo'`).
 */
export type TipoColumna = 'texto' | 'numero' | 'entero' | 'fecha' | 'instante' | 'porcentaje' | 'semaforo';

export type Alineacion = 'izquierda' | 'centro' | 'derecha';

export type Clave<R> = Extract<keyof R, string>;

/** Una columna de reporte; la misma definición sirve para `escribirExcel` y para `tabla` del PDF. */
export interface Columna<R> {
  clave: Clave<R>;
  titulo: string;
  /** Por omisión `texto`. */
  tipo?: TipoColumna;
  /** En Excel, caracteres; en PDF, peso relativo (el ancho disponible se reparte en proporción). */
  ancho?: number;
  /** Decimales de `numero` (2 por omisión) y `porcentaje` (0 por omisión). */
  decimales?: number;
  /** Solo Excel: el tipo de la celda en esta fila, cuando una columna mezcla cantidades, porcentajes y horas. */
  tipoEn?: (fila: R) => TipoColumna;
  /** Solo PDF; por omisión los números van a la derecha y las fechas al centro. */
  alineacion?: Alineacion;
}

/**
 * Fila de totales. Cada columna indicada se calcula mientras se escriben las filas (sin guardarlas):
 * `'suma'`, `'promedio'` (de los valores numéricos presentes), `'cuenta'` (celdas no vacías), o una
 * función que recibe las sumas de todas las columnas numéricas y el número de filas, p. ej.
 * `(s) => s.alcanzado / s.programado` para un % de cumplimiento global.
 */
export type Agregado = 'suma' | 'promedio' | 'cuenta' | ((sumas: Record<string, number>, filas: number) => unknown);

export interface Totales<R> {
  /** Se escribe en la primera columna (si esa columna no lleva total). Por omisión "Total". */
  etiqueta?: string;
  columnas: Partial<Record<Clave<R>, Agregado>>;
}

export const ANCHO_POR_TIPO: Readonly<Record<TipoColumna, number>> = {
  texto: 30,
  numero: 14,
  entero: 10,
  fecha: 12,
  instante: 17,
  porcentaje: 11,
  semaforo: 15,
};

export function esNumerico(tipo: TipoColumna): boolean {
  return tipo === 'numero' || tipo === 'entero' || tipo === 'porcentaje';
}

/** Acumula sumas, conteos y promedios por columna mientras las filas pasan una sola vez. */
export class Acumulador<R> {
  readonly sumas: Record<string, number> = {};
  private readonly presentes: Record<string, number> = {};
  private readonly noVacias: Record<string, number> = {};
  filas = 0;

  constructor(private readonly columnas: readonly Columna<R>[]) {
    for (const c of columnas) {
      this.sumas[c.clave] = 0;
      this.presentes[c.clave] = 0;
      this.noVacias[c.clave] = 0;
    }
  }

  agregar(fila: R): void {
    this.filas++;
    for (const c of this.columnas) {
      const v = (fila as Record<string, unknown>)[c.clave];
      if (v === null || v === undefined || v === '') continue;
      this.noVacias[c.clave]++;
      if (esNumerico(c.tipo ?? 'texto') && typeof v === 'number' && Number.isFinite(v)) {
        this.sumas[c.clave] += v;
        this.presentes[c.clave]++;
      }
    }
  }

  valor(clave: string, agregado: Agregado): unknown {
    if (typeof agregado === 'function') return agregado({ ...this.sumas }, this.filas);
    if (agregado === 'suma') return this.sumas[clave] ?? 0;
    if (agregado === 'cuenta') return this.noVacias[clave] ?? 0;
    const n = this.presentes[clave] ?? 0;
    return n === 0 ? null : (this.sumas[clave] ?? 0) / n;
  }
}

// ───────────────────────────── números ─────────────────────────────

function agrupar(entero: string): string {
  return entero.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `1,234.5`: separador de miles coma y punto decimal (es-MX). Sin `decimales`, hasta 2 decimales sin
 * ceros sobrantes; con `decimales`, exactamente esos.
 */
export function numero(n: number, decimales?: number): string {
  if (!Number.isFinite(n)) return '';
  const fijos = decimales ?? 2;
  let texto = Math.abs(n).toFixed(fijos);
  if (decimales === undefined && texto.includes('.')) texto = texto.replace(/\.?0+$/, '');
  const [ent, dec] = texto.split('.');
  const signo = n < 0 && /[1-9]/.test(texto) ? '-' : '';
  return signo + agrupar(ent) + (dec ? '.' + dec : '');
}

export function entero(n: number): string {
  return numero(Math.round(n), 0);
}

/**
 * `65 %`, `64.5 %` a partir de una fracción (0.645), con la regla única de la app (contract/cifras): un
 * decimal, solo si no es cero. `decimales` se conserva por compatibilidad y ya no cambia el resultado.
 */
export function porcentaje(fraccion: number, _decimales?: number): string {
  if (!Number.isFinite(fraccion)) return '';
  return textoPorcentaje(fraccion * 100);
}

// ───────────────────────────── fechas ─────────────────────────────

const dos = (n: number) => String(n).padStart(2, '0');

/** "14:05" en la zona indicada. */
export function hora(instante: number, zona = ZONA_OFICINA): string {
  const p = partesEnZona(instante, zona);
  return `${dos(p.hora)}:${dos(p.minuto)}`;
}

/** "21/11/2026 14:05", como se escribe un instante en una tabla. */
export function fechaHoraCorta(instante: number, zona = ZONA_OFICINA): string {
  return `${fechaCorta(fechaEnZona(instante, zona))} ${hora(instante, zona)}`;
}

/** "21 de noviembre de 2026, 14:05". */
export function fechaHoraLarga(instante: number, zona = ZONA_OFICINA): string {
  return `${fechaLarga(fechaEnZona(instante, zona))}, ${hora(instante, zona)}`;
}

/** "Generado el 21 de noviembre de 2026, 14:05" (pie del PDF y encabezado del Excel). */
export function textoGenerado(generado: number, zona = ZONA_OFICINA): string {
  return `Generado el ${fechaHoraLarga(generado, zona)}`;
}

export const RE_FECHA = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` que existe en el calendario (rechaza "2026-02-30"). */
export function fechaValida(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = RE_FECHA.exec(v);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.getUTCFullYear() === Number(m[1]) && t.getUTCMonth() === Number(m[2]) - 1 && t.getUTCDate() === Number(m[3]);
}

// ───────────────────────────── celdas ─────────────────────────────

export function semaforoDe(v: unknown): Semaforo | null {
  if (typeof v === 'string' && v in COLORES_SEMAFORO) return { color: v as ColorSemaforo };
  if (v && typeof v === 'object' && 'color' in v && typeof v.color === 'string' && v.color in COLORES_SEMAFORO) {
    return v as Semaforo;
  }
  return null;
}

export function textoSemaforo(s: Semaforo): string {
  return s.texto ?? s.color;
}

/** Texto de una celda tal como se imprime en el PDF (las tablas de Excel llevan tipos reales). */
export function textoCelda(v: unknown, tipo: TipoColumna, decimales: number | undefined, zona: string): string {
  if (v === null || v === undefined) return '';
  switch (tipo) {
    case 'numero':
      return typeof v === 'number' ? numero(v, decimales ?? 2) : String(v);
    case 'entero':
      return typeof v === 'number' ? entero(v) : String(v);
    case 'porcentaje':
      return typeof v === 'number' ? porcentaje(v, decimales ?? 0) : String(v);
    case 'fecha':
      return fechaValida(v) ? fechaCorta(v) : String(v);
    case 'instante':
      return typeof v === 'number' && Number.isFinite(v) ? fechaHoraCorta(v, zona) : String(v);
    case 'semaforo': {
      const s = semaforoDe(v);
      return s ? textoSemaforo(s) : String(v);
    }
    default:
      return v instanceof Date ? fechaHoraCorta(v.getTime(), zona) : String(v);
  }
}

export function esIterableAsincrono<T>(x: Iterable<T> | AsyncIterable<T>): x is AsyncIterable<T> {
  return typeof (x as AsyncIterable<T>)[Symbol.asyncIterator] === 'function';
}
