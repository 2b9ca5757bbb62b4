/**
 * The reading queue's runner: one page at a time, each page committed with its text (so a restart
 * resumes at the next page). Opening, rasterizing and recognizing a page run in a job worker
 * (trabajos.ts): the request thread only stores the text, so requests are answered while it reads.
 */
import type { Contexto } from '../../contexto';
import type { PaginaLeida } from './lector';
import type { PaginaEnHilo, PedidoPagina } from './trabajos';
import { leerAjustesOcr, puedeLeer } from './ajustes';

export interface TrabajoSql {
  anexo_id: string;
  clave: number;
  asunto_id: string;
  archivo_sha: string;
  estado: string;
  paginas: number | null;
  leidas: number;
}

const SIGUIENTE = `select anexo_id, clave, asunto_id, archivo_sha, estado, paginas, leidas from ocr_trabajos
  where estado in ('leyendo', 'pendiente') order by estado = 'leyendo' desc, creado, anexo_id limit 1`;

/** Text already read from this file (cached by content), or null. */
export function paginaGuardada(ctx: Pick<Contexto, 'sqlite'>, sha: string, n: number): PaginaLeida | null {
  const f = ctx.sqlite.prepare('select texto, metodo, confianza from ocr_paginas where archivo_sha = ? and pagina = ?').get(sha, n) as
    | { texto: string; metodo: PaginaLeida['metodo']; confianza: number | null }
    | undefined;
  return f ? { texto: f.texto, metodo: f.metodo, confianza: f.confianza } : null;
}

export function guardarPagina(ctx: Pick<Contexto, 'sqlite' | 'ahora'>, sha: string, n: number, p: PaginaLeida): void {
  ctx.sqlite
    .prepare('insert or ignore into ocr_paginas (archivo_sha, pagina, texto, metodo, confianza, creado) values (?, ?, ?, ?, ?, ?)')
    .run(sha, n, p.texto, p.metodo, p.confianza, ctx.ahora());
}

export interface OpcionesLector {
  /** Pause when there is nothing to read (ms). */
  intervaloMs?: number;
}

export class LectorCola {
  private detenido = false;
  private ciclo: Promise<void> | null = null;
  private despertar: (() => void) | null = null;
  private trabajando = false;

  constructor(
    private readonly ctx: Contexto,
    private readonly opts: OpcionesLector = {},
  ) {}

  iniciar(): void {
    this.ciclo ??= this.recorrer();
  }

  /** Whether a page is being read right now. */
  get ocupado(): boolean {
    return this.trabajando;
  }

  /** Wakes the runner (new work or settings changed) instead of waiting for the next poll. */
  avisar(): void {
    this.despertar?.();
  }

  async detener(): Promise<void> {
    this.detenido = true;
    this.avisar();
    await this.ciclo;
  }

  private async recorrer(): Promise<void> {
    while (!this.detenido) {
      let hizo = false;
      try {
        hizo = await this.paso();
      } catch (e) {
        console.error('[ocr] error inesperado en la cola:', e);
      }
      if (this.detenido) break;
      // Between pages: back to the event loop (requests first); idle: wait for a notice or the poll.
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, hizo ? 0 : (this.opts.intervaloMs ?? 3000));
        this.despertar = () => (clearTimeout(t), resolve());
      });
      this.despertar = null;
    }
  }

  /** Reads one page of the next trabajo; false when there was nothing to do. */
  async paso(): Promise<boolean> {
    const ctx = this.ctx;
    if (!puedeLeer(leerAjustesOcr(ctx), ctx.ahora(), ctx.ajustes().zonaHoraria, (f) => ctx.calendario().esHabil(f))) return false;
    const t = ctx.sqlite.prepare(SIGUIENTE).get() as TrabajoSql | undefined;
    if (!t) return false;
    this.trabajando = true;
    try {
      await this.leerSiguientePagina(t);
    } finally {
      this.trabajando = false;
    }
    return true;
  }

  /** One page in a job worker (trabajos.ts); null when the queue stopped meanwhile. */
  private async enHilo(t: TrabajoSql, pagina: number): Promise<PaginaEnHilo | null> {
    try {
      return await this.ctx.trabajos.correr<PaginaEnHilo>('ocr.leerPagina', { sha: t.archivo_sha, pagina } satisfies PedidoPagina);
    } catch (e) {
      if (this.detenido) return null;
      return { ok: false, mensaje: `No se pudo leer el archivo (${e instanceof Error ? e.message : String(e)}).` };
    }
  }

  private async leerSiguientePagina(t: TrabajoSql): Promise<void> {
    const ctx = this.ctx;
    const n = t.leidas + 1;
    let paginas = t.paginas;
    let leida: PaginaLeida | null = paginas !== null ? paginaGuardada(ctx, t.archivo_sha, n) : null;
    if (!leida) {
      if (paginas === null) {
        // Known as soon as the file opens: the anexo shows «Leyendo página 1 de N» from here on.
        const r = await this.enHilo(t, 0);
        if (!r) return;
        if (!r.ok) return this.fallo(t, r.mensaje, null);
        paginas = r.paginas;
        const p = paginas;
        ctx.transaccion(() => {
          if (sigueIgual(ctx, t)) actualizar(ctx, t.anexo_id, { estado: 'leyendo', paginas: p, mensaje: '' });
        });
      }
      leida = n <= paginas ? paginaGuardada(ctx, t.archivo_sha, n) : null;
      if (!leida && n <= paginas) {
        const r = await this.enHilo(t, n);
        if (!r) return;
        if (!r.ok) return this.fallo(t, r.mensaje, paginas);
        leida = r.leida;
      }
    }
    if (this.detenido) return;
    ctx.transaccion(() => {
      // Removed from the queue (or retried) while this page was being read: the text is not used.
      if (!sigueIgual(ctx, t)) return;
      if (leida) {
        guardarPagina(ctx, t.archivo_sha, n, leida);
        const asuntoFts = (ctx.sqlite.prepare('select fts_id from asuntos where id = ?').get(t.asunto_id) as { fts_id: number }).fts_id;
        ctx.sqlite
          .prepare('insert into ocr_fts (rowid, texto, asunto_fts, anexo_id, pagina) values (?, ?, ?, ?, ?)')
          .run(t.clave * PAGINAS_POR_CLAVE + n, leida.texto, asuntoFts, t.anexo_id, n);
      }
      const leidas = leida ? n : t.leidas;
      const listo = leidas >= (paginas ?? 0);
      actualizar(ctx, t.anexo_id, {
        estado: listo ? 'listo' : 'leyendo',
        leidas,
        paginas,
        mensaje: listo && !tieneTexto(ctx, t.archivo_sha) ? 'No se encontró texto legible (¿páginas en blanco?).' : '',
      });
    });
  }

  private fallo(t: TrabajoSql, mensaje: string, paginas: number | null): void {
    if (this.detenido) return;
    const ctx = this.ctx;
    ctx.transaccion(() => {
      if (sigueIgual(ctx, t)) actualizar(ctx, t.anexo_id, { estado: 'error', mensaje, paginas });
    });
  }
}

function sigueIgual(ctx: Contexto, t: TrabajoSql): boolean {
  const ahora = ctx.sqlite.prepare('select estado, leidas from ocr_trabajos where anexo_id = ?').get(t.anexo_id) as { estado: string; leidas: number } | undefined;
  return !!ahora && (ahora.estado === 'pendiente' || ahora.estado === 'leyendo') && ahora.leidas === t.leidas;
}

function tieneTexto(ctx: Contexto, sha: string): boolean {
  return !!ctx.sqlite.prepare("select 1 from ocr_paginas where archivo_sha = ? and length(trim(texto)) > 0 limit 1").get(sha);
}

/** An anexo's rows in ocr_fts: rowids clave * PAGINAS_POR_CLAVE + página. */
export const PAGINAS_POR_CLAVE = 100_000;

export function quitarDelIndice(ctx: Pick<Contexto, 'sqlite'>, clave: number): void {
  ctx.sqlite.prepare('delete from ocr_fts where rowid between ? and ?').run(clave * PAGINAS_POR_CLAVE, clave * PAGINAS_POR_CLAVE + PAGINAS_POR_CLAVE - 1);
}

function actualizar(ctx: Contexto, anexoId: string, c: { estado: string; leidas?: number; paginas: number | null; mensaje: string }): void {
  ctx.sqlite
    .prepare('update ocr_trabajos set estado = ?, leidas = coalesce(?, leidas), paginas = ?, mensaje = ?, actualizado = ? where anexo_id = ?')
    .run(c.estado, c.leidas ?? null, c.paginas, c.mensaje, ctx.ahora(), anexoId);
}
