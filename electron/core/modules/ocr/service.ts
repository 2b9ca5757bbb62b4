/** OCR handlers: the reading queue and its settings, matches inside anexos, Registrar desde escaneo. */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Contexto, Handlers } from '../../contexto';
import { AppError, noEncontrado } from '../../errors';
import { TIPOS_DOCUMENTO } from '../../archivos';
import { expresionFts } from '../correspondencia/exports';
import { LectorCola, guardarPagina, paginaGuardada, quitarDelIndice, type OpcionesLector } from './cola';
import { escribirAjustesOcr, leerAjustesOcr, puedeLeer } from './ajustes';
import type { PaginaEnHilo, PedidoPagina } from './trabajos';
import { extraerCampos, type Conocidos } from './campos';

const lectores = new WeakMap<Database.Database, LectorCola>();

/** Starts the queue runner of this core (the app and the server; tests that need it). */
export function iniciarLectorOcr(ctx: Contexto, opts?: OpcionesLector): LectorCola {
  const l = new LectorCola(ctx, opts);
  lectores.set(ctx.sqlite, l);
  l.iniciar();
  return l;
}

const COLUMNAS = `t.anexo_id as anexoId, t.asunto_id as asuntoId, t.archivo_sha as sha256, t.estado, t.paginas, t.leidas, t.mensaje, t.actualizado`;

function lectura(ctx: Contexto, anexoId: string) {
  const l = ctx.sqlite.prepare(`select ${COLUMNAS}, t.clave from ocr_trabajos t where t.anexo_id = ?`).get(anexoId) as
    | (ReturnType<typeof filas>[number] & { clave: number })
    | undefined;
  if (!l) throw noEncontrado('el anexo en la cola de lectura');
  return l;
}

function filas(ctx: Contexto, where: string, ...p: unknown[]) {
  return ctx.sqlite.prepare(`select ${COLUMNAS} from ocr_trabajos t ${where}`).all(...p) as {
    anexoId: string;
    asuntoId: string;
    sha256: string;
    estado: 'pendiente' | 'leyendo' | 'listo' | 'error' | 'quitado';
    paginas: number | null;
    leidas: number;
    mensaje: string;
    actualizado: number;
  }[];
}

function conocidos(ctx: Contexto): Conocidos {
  const q = <T>(sql: string) => ctx.sqlite.prepare(sql).all() as T[];
  const remitentes = q<{ nombre: string; cargo: string; organizacion: string }>(
    `select nombre, cargo, organizacion from (
       select remitente_nombre as nombre, remitente_cargo as cargo, remitente_organizacion as organizacion, max(recibido) as r
       from asuntos group by remitente_nombre order by r desc limit 3000)
     union all
     select f.nombre, f.cargo, d.nombre from gab_funcionarios f join dependencias d on d.id = f.dependencia_id where f.activo = 1`,
  );
  const organizaciones = q<{ o: string }>(
    `select nombre as o from dependencias where activa = 1
     union select remitente_organizacion from (select remitente_organizacion, max(recibido) r from asuntos where remitente_organizacion <> ''
       group by remitente_organizacion order by r desc limit 3000)`,
  ).map((r) => r.o);
  return { municipios: q('select clave, nombre from municipios'), organizaciones, remitentes };
}

export const ocrHandlers = {
  'ocr.lecturas': (ctx, input) => filas(ctx, 'where t.asunto_id = ? order by t.creado, t.clave', input.asuntoId),

  'ocr.cola': (ctx) => {
    const a = leerAjustesOcr(ctx);
    const porLeer = (ctx.sqlite.prepare("select count(*) as n from ocr_trabajos where estado in ('pendiente', 'leyendo')").get() as { n: number }).n;
    const lista = ctx.sqlite
      .prepare(
        `select ${COLUMNAS}, s.folio, x.nombre from ocr_trabajos t join asuntos s on s.id = t.asunto_id join anexos x on x.id = t.anexo_id
         order by case t.estado when 'leyendo' then 0 when 'pendiente' then 1 when 'error' then 2 else 3 end, t.actualizado desc, t.clave desc limit 200`,
      )
      .all() as (ReturnType<typeof filas>[number] & { folio: string; nombre: string })[];
    const trabajando = lectores.has(ctx.sqlite) && puedeLeer(a, ctx.ahora(), ctx.ajustes().zonaHoraria, (f) => ctx.calendario().esHabil(f));
    return { ajustes: a, trabajando, porLeer, filas: lista };
  },

  'ocr.guardarAjustes': (ctx, input) => {
    const antes = leerAjustesOcr(ctx);
    escribirAjustesOcr(ctx, input);
    ctx.bitacora({ entidad: 'ajustes', entidadId: 'ocr', antes, despues: input });
    lectores.get(ctx.sqlite)?.avisar();
    return input;
  },

  'ocr.quitar': (ctx, input) => {
    const l = lectura(ctx, input.anexoId);
    if (l.estado === 'quitado') throw new AppError('CONFLICTO', 'Este anexo ya se quitó de la cola de lectura.');
    ctx.sqlite
      .prepare("update ocr_trabajos set estado = 'quitado', mensaje = ?, actualizado = ? where anexo_id = ?")
      .run(`Quitado de la cola por ${ctx.actor?.nombre ?? 'el sistema'}.`, ctx.ahora(), l.anexoId);
    quitarDelIndice(ctx, l.clave);
    ctx.bitacora({ entidad: 'ocr_trabajos', entidadId: l.anexoId, antes: { estado: l.estado, leidas: l.leidas }, despues: { estado: 'quitado' } });
    return filas(ctx, 'where t.anexo_id = ?', l.anexoId)[0];
  },

  'ocr.reintentar': (ctx, input) => {
    const l = lectura(ctx, input.anexoId);
    if (l.estado === 'pendiente' || l.estado === 'leyendo') throw new AppError('CONFLICTO', 'Este anexo ya está en la cola de lectura.');
    ctx.sqlite
      .prepare("update ocr_trabajos set estado = 'pendiente', leidas = 0, paginas = null, mensaje = '', actualizado = ? where anexo_id = ?")
      .run(ctx.ahora(), l.anexoId);
    quitarDelIndice(ctx, l.clave);
    ctx.bitacora({ entidad: 'ocr_trabajos', entidadId: l.anexoId, antes: { estado: l.estado }, despues: { estado: 'pendiente' } });
    lectores.get(ctx.sqlite)?.avisar();
    return filas(ctx, 'where t.anexo_id = ?', l.anexoId)[0];
  },

  'ocr.coincidencias': (ctx, input) => {
    const fts = expresionFts(input.texto);
    if (!fts || !input.asuntoIds.length) return [];
    const r = ctx.sqlite
      .prepare(
        `select a.id as asuntoId, f.anexo_id as anexoId, x.archivo_sha as sha256, x.nombre, f.pagina,
           snippet(ocr_fts, 0, char(2), char(3), '…', 16) as fragmento,
           not exists (select 1 from asuntos_fts s where asuntos_fts match @fts and s.rowid = a.fts_id) as soloEnAnexo
         from ocr_fts f join asuntos a on a.fts_id = f.asunto_fts join anexos x on x.id = f.anexo_id
         where ocr_fts match @fts and a.id in (select value from json_each(@ids))
         order by a.id, f.rowid`,
      )
      .all({ fts, ids: JSON.stringify(input.asuntoIds) }) as { asuntoId: string; soloEnAnexo: number }[];
    // The first page that matched, per asunto.
    const vistos = new Set<string>();
    return r.filter((c) => !vistos.has(c.asuntoId) && vistos.add(c.asuntoId)).map((c) => ({ ...c, soloEnAnexo: !!c.soloEnAnexo })) as never;
  },

  'ocr.leerEscaneo': async (ctx, input) => {
    const bytes = Buffer.from(input.archivo.contenidoBase64, 'base64');
    let tipo: string;
    try {
      tipo = await ctx.archivos.verificar(bytes, TIPOS_DOCUMENTO, ctx.ajustes().anexoMaxMb * 1024 * 1024);
    } catch (e) {
      if (e instanceof AppError) throw new AppError('ARCHIVO', `«${input.archivo.nombre}»: ${e.message}`);
      throw e;
    }
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    // Page 1 in a job worker (trabajos.ts), unless this very file was read before (kept by content).
    const guardada = paginaGuardada(ctx, sha, 1);
    const r = await ctx.trabajos.correr<PaginaEnHilo>('ocr.leerPagina', {
      sha,
      pagina: guardada ? 0 : 1,
      contenido: bytes,
      tipo,
    } satisfies PedidoPagina);
    if (!r.ok) throw new AppError('ARCHIVO', `«${input.archivo.nombre}»: ${r.mensaje}`);
    const leida = guardada ?? r.leida;
    if (!leida) throw new AppError('ARCHIVO', `«${input.archivo.nombre}»: el archivo no tiene páginas.`);
    // Kept by content: when the asunto is saved with this scan, the queue does not read page 1 again.
    if (!guardada) ctx.transaccion(() => guardarPagina(ctx, sha, 1, leida));
    const { paginas } = r;
    const texto = leida.texto;
    return { paginas, texto, sugerencias: extraerCampos(texto, conocidos(ctx)) };
  },
} satisfies Partial<Handlers>;
