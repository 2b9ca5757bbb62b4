/**
 * Reading one page of a stored file: PDFs with a text layer are read directly (pdfjs-dist); scanned
 * PDFs are rasterized page by page (pdfjs-dist + @napi-rs/canvas) and recognized; JPG, PNG and TIFF
 * (every page of a multi-page TIFF) too. Plain inputs (bytes, page number) so it can move into a job.
 */
import UTIF, { type IFD } from 'utif';
import type { Reconocedor } from './reconocedor';

/** A reading failure the clerk can understand (shown on the anexo). */
export class ErrorLectura extends Error {}

export type Metodo = 'capa' | 'ocr';

export interface PaginaLeida {
  texto: string;
  metodo: Metodo;
  confianza: number | null;
}

/** A page with fewer letters than this in its text layer is treated as a scan. */
const MIN_LETRAS_CAPA = 40;
/** Scans are rasterized at 300 dpi: tesseract's sweet spot for letter-size oficios. */
const DPI = 300;
/** A bigger page than this (in pixels) is scaled down: bounded memory for posters or huge photos. */
const MAX_PIXELES = 5100 * 6600;

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | null = null;
const cargarPdfjs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** The part of a canvas (either @napi-rs/canvas build) that reading needs. */
interface Lienzo {
  width: number;
  height: number;
  getContext(tipo: '2d'): {
    fillStyle: unknown;
    fillRect(x: number, y: number, w: number, h: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    putImageData(img: { data: Uint8ClampedArray }, x: number, y: number): void;
  };
  toBuffer(tipo: 'image/png'): Buffer;
}
interface FabricaLienzos {
  create(w: number, h: number): { canvas: Lienzo; context: ReturnType<Lienzo['getContext']> };
}

type DocumentoPdf = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

/** An open source of pages (one at a time); `cerrar` frees it. */
export interface Fuente {
  paginas: number;
  leer(n: number, reconocedor: Reconocedor): Promise<PaginaLeida>;
  cerrar(): Promise<void>;
}

export async function abrirFuente(bytes: Buffer, tipo: string): Promise<Fuente> {
  if (tipo === 'application/pdf') return abrirPdf(bytes);
  if (tipo === 'image/tiff') return abrirTiff(bytes);
  if (tipo === 'image/png' || tipo === 'image/jpeg') return imagenSola(bytes);
  throw new ErrorLectura('Este tipo de archivo no se puede leer.');
}

async function abrirPdf(bytes: Buffer): Promise<Fuente> {
  const { getDocument } = await cargarPdfjs();
  let doc: DocumentoPdf;
  try {
    doc = await getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      isEvalSupported: false,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const nombre = (e as { name?: string }).name;
    if (nombre === 'PasswordException') throw new ErrorLectura('El PDF está protegido con contraseña: no se puede leer su texto.');
    throw new ErrorLectura('El PDF está dañado o incompleto: no se pudo abrir.');
  }
  return {
    paginas: doc.numPages,
    async leer(n, reconocedor) {
      const pagina = await doc.getPage(n);
      try {
        const contenido = await pagina.getTextContent();
        const texto = textoDeCapa(contenido.items as { str?: string; hasEOL?: boolean }[]);
        if ((texto.match(/\p{L}/gu)?.length ?? 0) >= MIN_LETRAS_CAPA) return { texto, metodo: 'capa', confianza: null };
        const viewport0 = pagina.getViewport({ scale: 1 });
        const escala = Math.min(DPI / 72, Math.sqrt(MAX_PIXELES / (viewport0.width * viewport0.height)));
        const viewport = pagina.getViewport({ scale: escala });
        // pdfjs's own canvas factory: it ships its own @napi-rs/canvas build, and mixing two builds crashes.
        const { canvas: lienzo, context: ctx } = (doc.canvasFactory as FabricaLienzos).create(Math.ceil(viewport.width), Math.ceil(viewport.height));
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, lienzo.width, lienzo.height);
        await pagina.render({ canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
        return reconocerLienzo(lienzo, reconocedor);
      } catch (e) {
        if (e instanceof ErrorLectura) throw e;
        throw new ErrorLectura(`No se pudo leer la página ${n} del PDF (${e instanceof Error ? e.message : String(e)}).`);
      } finally {
        pagina.cleanup();
      }
    },
    cerrar: () => doc.destroy(),
  };
}

function textoDeCapa(items: { str?: string; hasEOL?: boolean }[]): string {
  let t = '';
  for (const i of items) {
    if (typeof i.str !== 'string') continue;
    t += i.str + (i.hasEOL ? '\n' : '');
  }
  return t.trim();
}

function abrirTiff(bytes: Buffer): Fuente {
  let ifds: IFD[];
  try {
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    ifds = UTIF.decode(buf).filter((i) => i.t256 && i.t257); // pages, not thumbnails' sub-IFDs without size
    if (!ifds.length) throw new Error('sin páginas');
    return {
      paginas: ifds.length,
      async leer(n, reconocedor) {
        const ifd = ifds[n - 1];
        try {
          UTIF.decodeImage(buf, ifd);
          const rgba = UTIF.toRGBA8(ifd);
          const { createCanvas } = await import('@napi-rs/canvas'); // on first use: see jobs/worker.ts
          const lienzo = createCanvas(ifd.width, ifd.height);
          const ctx = lienzo.getContext('2d');
          const datos = ctx.createImageData(ifd.width, ifd.height);
          datos.data.set(rgba);
          ctx.putImageData(datos, 0, 0);
          (ifd as { data?: unknown }).data = undefined; // one decoded page in memory at a time
          return reconocerLienzo(lienzo as unknown as Lienzo, reconocedor);
        } catch (e) {
          if (e instanceof ErrorLectura) throw e;
          throw new ErrorLectura(`La página ${n} del TIFF está dañada: no se pudo leer.`);
        }
      },
      cerrar: async () => {},
    };
  } catch {
    throw new ErrorLectura('El TIFF está dañado o incompleto: no se pudo abrir.');
  }
}

function imagenSola(bytes: Buffer): Fuente {
  return {
    paginas: 1,
    async leer(_n, reconocedor) {
      try {
        return { ...(await reconocedor.reconocer(bytes)), metodo: 'ocr' };
      } catch {
        throw new ErrorLectura('La imagen está dañada o incompleta: no se pudo leer.');
      }
    },
    cerrar: async () => {},
  };
}

/** Grayscale before recognition (measurably fewer errors on colored letterheads and noisy scans). */
async function reconocerLienzo(lienzo: Lienzo, reconocedor: Reconocedor): Promise<PaginaLeida> {
  const ctx = lienzo.getContext('2d');
  const img = ctx.getImageData(0, 0, lienzo.width, lienzo.height);
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const g = (d[i] * 77 + d[i + 1] * 150 + d[i + 2] * 29) >> 8;
    d[i] = d[i + 1] = d[i + 2] = g;
  }
  ctx.putImageData(img, 0, 0);
  const png = lienzo.toBuffer('image/png');
  return { ...(await reconocedor.reconocer(png)), metodo: 'ocr' };
}

/** Reads a whole file (tests, bench, the Registrar's first page): one page at a time. */
export async function leerPaginas(bytes: Buffer, tipo: string, reconocedor: Reconocedor, hasta = Infinity): Promise<PaginaLeida[]> {
  const f = await abrirFuente(bytes, tipo);
  try {
    const r: PaginaLeida[] = [];
    for (let n = 1; n <= Math.min(f.paginas, hasta); n++) r.push(await f.leer(n, reconocedor));
    return r;
  } finally {
    await f.cerrar();
  }
}
