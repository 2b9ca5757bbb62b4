/**
 * Reading one page runs as a background job (jobs/definir.ts): opening the file, reading a PDF's text
 * layer (pdfjs-dist), rasterizing a scanned page (@napi-rs/canvas) and recognizing it never happen on the
 * request thread. Each worker thread keeps the file it opened last and one tesseract worker between pages
 * (the queue reads page after page of the same file) and lets both go after a minute without work.
 */
import { defineJob } from '../../jobs/definir';
import type { Contexto } from '../../contexto';
import { abrirFuente, ErrorLectura, type Fuente, type PaginaLeida } from './lector';
import { Reconocedor } from './reconocedor';

export interface PedidoPagina {
  sha: string;
  /** 0 only opens the file (to learn how many pages it has). */
  pagina: number;
  /** A scan not stored yet (Registrar desde escaneo): its bytes and type. */
  contenido?: Uint8Array;
  tipo?: string;
}

export type PaginaEnHilo =
  | { ok: true; paginas: number; leida: PaginaLeida | null }
  | { ok: false; mensaje: string };

const INACTIVIDAD_MS = 60_000;
const reconocedor = new Reconocedor(INACTIVIDAD_MS);
let abierta: { sha: string; fuente: Fuente; reloj: NodeJS.Timeout | null } | null = null;

async function soltar(): Promise<void> {
  const a = abierta;
  abierta = null;
  if (a?.reloj) clearTimeout(a.reloj);
  await a?.fuente.cerrar().catch(() => {});
}

async function fuente(ctx: Contexto, p: PedidoPagina): Promise<Fuente> {
  if (abierta?.sha === p.sha) return abierta.fuente;
  await soltar();
  const archivo = p.contenido
    ? { bytes: Buffer.from(p.contenido.buffer, p.contenido.byteOffset, p.contenido.byteLength), tipo: p.tipo ?? '' }
    : ctx.archivos.leer(p.sha);
  if (!archivo) throw new ErrorLectura('El archivo del anexo no está en la carpeta de datos.');
  abierta = { sha: p.sha, fuente: await abrirFuente(archivo.bytes, archivo.tipo), reloj: null };
  return abierta.fuente;
}

export async function leerPaginaEnHilo(ctx: Contexto, p: PedidoPagina): Promise<PaginaEnHilo> {
  if (abierta?.reloj) clearTimeout(abierta.reloj);
  try {
    const f = await fuente(ctx, p);
    const leida = p.pagina >= 1 && p.pagina <= f.paginas ? await f.leer(p.pagina, reconocedor) : null;
    return { ok: true, paginas: f.paginas, leida };
  } catch (e) {
    if (!(e instanceof ErrorLectura)) throw e;
    await soltar();
    return { ok: false, mensaje: e.message };
  } finally {
    if (abierta) (abierta.reloj = setTimeout(() => void soltar(), INACTIVIDAD_MS)).unref();
  }
}

export const ocrTrabajos = {
  'ocr.leerPagina': defineJob(leerPaginaEnHilo),
};
