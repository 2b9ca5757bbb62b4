/**
 * Lo que va dentro de una celda de Excel: el valor tipado de cada dato, su formato de número y el texto
 * neutralizado (nunca una fórmula, nunca XML inválido). `excel.ts` escribe las hojas con esto.
 */
import type ExcelJS from 'exceljs';
import { horaDeParedEnZona } from '../tiempo';
import { redondearPorcentaje } from '../../contract/cifras';
import { fechaValida, semaforoDe, textoSemaforo, type TipoColumna } from './formato';

const LIMITE_CELDA = 32_767;
// Caracteres que XML 1.0 no admite: romperían el archivo.
// eslint-disable-next-line no-control-regex
const INVALIDOS_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const PELIGROSOS = /^[=+\-@\t\r]/;
// eslint-disable-next-line no-control-regex
const REVISAR = /^[=+\-@]|[\u0000-\u001F\uFFFE\uFFFF]/;

/**
 * Convierte un texto en algo que una hoja de cálculo nunca ejecuta: antepone un apóstrofo si empieza
 * con `= + - @`, tabulador o CR; quita caracteres inválidos en XML, normaliza los saltos de línea y
 * recorta al máximo de Excel (32,767 caracteres).
 */
export function neutralizar(texto: string): string {
  // Almost every cell needs nothing: one test instead of three passes per cell of a 100k-row export.
  if (texto.length <= LIMITE_CELDA && !REVISAR.test(texto)) return texto;
  let t = texto.replace(INVALIDOS_XML, '');
  if (PELIGROSOS.test(t)) t = `'${t}`;
  // XML convierte CR en LF al leer: se normaliza aquí para que lo escrito sea lo que se lee.
  t = t.replace(/\r\n?/g, '\n');
  return t.length > LIMITE_CELDA ? t.slice(0, LIMITE_CELDA) : t;
}

export function formatoNumero(tipo: TipoColumna, decimales?: number): string | undefined {
  const dec = (d: number) => (d > 0 ? '.' + '0'.repeat(d) : '');
  switch (tipo) {
    case 'numero':
      return `#,##0${dec(decimales ?? 2)}`;
    case 'entero':
      return '#,##0';
    case 'porcentaje':
      return FORMATO_PORCENTAJE;
    case 'fecha':
      return 'dd/mm/yyyy';
    case 'instante':
      return 'dd/mm/yyyy hh:mm';
    default:
      return undefined;
  }
}

/** Percent cells read like the app (one rule, contract/cifras): `65 %`, and `64.5 %` only when a decimal exists. */
const FORMATO_PORCENTAJE = '0\\ %';
const FORMATO_PORCENTAJE_DECIMAL = '0.0\\ %';
export function formatoPorcentaje(fraccion: number): string {
  return Number.isInteger(redondearPorcentaje(fraccion * 100)) ? FORMATO_PORCENTAJE : FORMATO_PORCENTAJE_DECIMAL;
}

export type Valor = ExcelJS.CellValue;

/** El valor real (tipado) de una celda de datos. */
export function valorCelda(v: unknown, tipo: TipoColumna, zona: string): Valor {
  if (v === null || v === undefined || v === '') return null;
  switch (tipo) {
    case 'entero':
      // A count is an integer in the cell too, not 3.0000001 shown as 3.
      if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v) : null;
      if (typeof v === 'bigint') return Number(v);
      break;
    case 'numero':
      if (typeof v === 'number') return Number.isFinite(v) ? v : null;
      if (typeof v === 'bigint') return Number(v);
      break;
    case 'porcentaje':
      // Rounded once, as the app shows it: the cell holds 0.645, never 0.64499999.
      if (typeof v === 'number') return Number.isFinite(v) ? Math.round(redondearPorcentaje(v * 100) * 10) / 1000 : null;
      break;
    case 'fecha':
      if (fechaValida(v)) {
        const [a, m, d] = v.split('-').map(Number);
        return new Date(Date.UTC(a, m - 1, d));
      }
      break;
    case 'instante':
      if (typeof v === 'number' && Number.isFinite(v)) {
        // Excel no conoce zonas: se guarda la hora de pared de la oficina (exceljs escribe en UTC).
        return new Date(horaDeParedEnZona(v, zona));
      }
      break;
    case 'semaforo': {
      const s = semaforoDe(v);
      if (s) return neutralizar(textoSemaforo(s));
      break;
    }
  }
  if (v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'Sí' : 'No';
  return neutralizar(String(v));
}
