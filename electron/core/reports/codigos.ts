/**
 * Códigos QR y de barras (Code 128) como PNG, con bwip-js, para folios como `03.01-1034/21`.
 * Se insertan en el PDF con `doc.imagen(png, { ancho })`; la resolución alcanza para imprimir.
 */
import { AppError } from '../errors';

/** On first use: see jobs/worker.ts. */
const bwip = async () => (await import('bwip-js/node')).default;

export interface OpcionesQr {
  /** Píxeles por módulo (4 por omisión: ~2.5 cm a 300 ppp para un folio). */
  escala?: number;
  /** Corrección de errores: L, M (por omisión), Q o H. */
  correccion?: 'L' | 'M' | 'Q' | 'H';
}

/** QR de un texto cualquiera (se codifica en UTF-8: admite acentos y ñ). */
export async function codigoQr(texto: string, opciones: OpcionesQr = {}): Promise<Buffer> {
  if (!texto) throw new AppError('VALIDACION', 'No hay texto para el código QR.');
  return (await bwip()).toBuffer({
    bcid: 'qrcode',
    text: texto,
    scale: opciones.escala ?? 4,
    padding: 2,
    backgroundcolor: 'FFFFFF',
    ...({ eclevel: opciones.correccion ?? 'M' } as object),
  });
}

export interface OpcionesCodigoBarras {
  /** Píxeles por módulo (3 por omisión). */
  escala?: number;
  /** Alto de las barras en milímetros (12 por omisión). */
  alto?: number;
  /** Escribir el texto debajo de las barras (sí por omisión). */
  conTexto?: boolean;
}

/** Code 128 (ASCII imprimible, hasta 80 caracteres): el de los folios. */
export async function codigoBarras(texto: string, opciones: OpcionesCodigoBarras = {}): Promise<Buffer> {
  if (!/^[\x20-\x7e]{1,80}$/.test(texto)) {
    throw new AppError(
      'VALIDACION',
      'El código de barras solo admite letras sin acentos, números y signos comunes (hasta 80 caracteres).',
    );
  }
  return (await bwip()).toBuffer({
    bcid: 'code128',
    text: texto,
    scale: opciones.escala ?? 3,
    height: opciones.alto ?? 12,
    includetext: opciones.conTexto ?? true,
    textxalign: 'center',
    textsize: 10,
    padding: 2,
    backgroundcolor: 'FFFFFF',
  });
}
