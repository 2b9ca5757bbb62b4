/** Correspondencia › series de folios (admin) and the gapless counter the registro takes its folio from. */
import { v7 as uuidv7 } from 'uuid';
import type { SerieFolio } from '../../../contract/correspondencia';
import { AppError, conflicto, noEncontrado } from '../../errors';
import type { Contexto, Handlers } from '../../contexto';
import { anioEnZona } from '../../tiempo';
import { formatearFolio, validarPlantilla } from './folio';
import { st } from './datos';
import { vErr, zona } from './comun';

export interface SerieFila {
  id: string;
  clave: string;
  nombre: string;
  plantilla: string;
  destinatario: 'titular' | 'jefe_oficina' | null;
  uso: 'correspondencia' | 'oficios';
  activa: number;
  version: number;
}

function serieVista(ctx: Contexto, s: SerieFila): SerieFolio {
  const anio = anioEnZona(ctx.ahora(), zona(ctx));
  const c = st(ctx, 'select siguiente from contadores_folio where serie_id = ? and anio = ?').get(s.id, anio) as { siguiente: number } | undefined;
  const usados = numerosUsados(ctx, s, anio).n;
  const siguiente = c?.siguiente ?? 1;
  return {
    id: s.id,
    clave: s.clave,
    nombre: s.nombre,
    plantilla: s.plantilla,
    destinatario: s.destinatario,
    uso: s.uso,
    activa: !!s.activa,
    version: s.version,
    anio,
    siguiente,
    ejemplo: formatearFolio(s.plantilla, anio, siguiente),
    usados,
  };
}

/** Numbers of (serie, año) already given: asuntos' folios, or emitted oficios' números (DOMAIN §1b). */
function numerosUsados(ctx: Contexto, s: SerieFila, anio: number): { n: number; max: number } {
  const tabla = s.uso === 'oficios' ? 'oficios' : 'asuntos';
  const r = st(ctx, `select count(numero) as n, coalesce(max(numero), 0) as max from ${tabla} where serie_id = ? and anio = ?`).get(s.id, anio) as { n: number; max: number };
  return r;
}

export function serie(ctx: Contexto, id: string): SerieFila {
  const s = st(ctx, 'select * from series_folios where id = ?').get(id) as SerieFila | undefined;
  if (!s) throw noEncontrado('la serie de folios');
  return s;
}

/**
 * Takes the next number of (serie, año) inside the caller's IMMEDIATE transaction: gapless (a rollback
 * returns it), unique (the write lock serializes processes; the unique index guards anyway), never reused.
 */
export function tomarNumero(ctx: Contexto, serieId: string, anio: number): number {
  if (!ctx.sqlite.inTransaction) throw new Error('El folio solo se toma dentro de la transacción del registro.');
  const r = st(
    ctx,
    `insert into contadores_folio (serie_id, anio, siguiente, actualizado) values (?, ?, 2, ?)
     on conflict (serie_id, anio) do update set siguiente = siguiente + 1, actualizado = excluded.actualizado
     returning siguiente - 1 as n`,
  ).get(serieId, anio, ctx.ahora()) as { n: number };
  return r.n;
}

export const seriesHandlers = {
  'correspondencia.series.listar': (ctx) =>
    (st(ctx, 'select * from series_folios order by clave').all() as SerieFila[]).map((s) => serieVista(ctx, s)),

  'correspondencia.series.guardar': (ctx, input) => {
    const v = validarPlantilla(input.plantilla);
    if (!v.ok) throw vErr('plantilla', v.mensaje);
    const otra = st(ctx, 'select id from series_folios where clave = ?').get(input.clave) as { id: string } | undefined;
    if (otra && otra.id !== input.id) throw new AppError('DUPLICADO', `Ya existe una serie con la clave «${input.clave}».`, [{ campo: 'clave', mensaje: 'Clave repetida.' }]);
    const ahora = ctx.ahora();
    if (!input.id) {
      const id = uuidv7();
      if (input.uso === 'oficios' && input.destinatario) throw vErr('destinatario', 'Una serie de oficios de salida no es la de ningún destinatario de correspondencia.');
      st(ctx, 'insert into series_folios (id, clave, nombre, plantilla, destinatario, uso, activa, version, creado, actualizado) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)').run(
        id, input.clave, input.nombre, input.plantilla, input.destinatario, input.uso, input.activa ? 1 : 0, ahora, ahora,
      );
      if (input.destinatario) st(ctx, 'update series_folios set destinatario = null where destinatario = ? and id <> ?').run(input.destinatario, id);
      const s = serie(ctx, id);
      ctx.bitacora({ entidad: 'series_folios', entidadId: id, despues: s });
      return serieVista(ctx, s);
    }
    const antes = serie(ctx, input.id);
    if (input.version === undefined || antes.version !== input.version) throw conflicto('la serie de folios');
    if (antes.uso === 'oficios' && input.destinatario) throw vErr('destinatario', 'Una serie de oficios de salida no es la de ningún destinatario de correspondencia.');
    st(ctx, 'update series_folios set clave = ?, nombre = ?, plantilla = ?, destinatario = ?, activa = ?, version = version + 1, actualizado = ? where id = ?').run(
      input.clave, input.nombre, input.plantilla, input.destinatario, input.activa ? 1 : 0, ahora, input.id,
    );
    // One default series per destinatario: the new default takes over.
    if (input.destinatario) st(ctx, 'update series_folios set destinatario = null where destinatario = ? and id <> ?').run(input.destinatario, input.id);
    const s = serie(ctx, input.id);
    ctx.bitacora({ entidad: 'series_folios', entidadId: input.id, antes, despues: s });
    return serieVista(ctx, s);
  },

  'correspondencia.series.vistaPrevia': (_ctx, input) => {
    const v = validarPlantilla(input.plantilla);
    if (!v.ok) throw vErr('plantilla', v.mensaje);
    return { folio: formatearFolio(input.plantilla, input.anio, input.numero) };
  },

  'correspondencia.series.fijarSiguiente': (ctx, input) => {
    const s = serie(ctx, input.serieId);
    const { max } = numerosUsados(ctx, s, input.anio);
    if (input.siguiente <= max) {
      throw vErr(
        'siguiente',
        `El folio ${formatearFolio(s.plantilla, input.anio, max)} ya se usó en ${input.anio}: el siguiente número debe ser mayor que ${max.toLocaleString('es-MX')} (los folios nunca se reutilizan).`,
      );
    }
    const antes = st(ctx, 'select siguiente from contadores_folio where serie_id = ? and anio = ?').get(s.id, input.anio) as { siguiente: number } | undefined;
    st(
      ctx,
      `insert into contadores_folio (serie_id, anio, siguiente, actualizado) values (?, ?, ?, ?)
       on conflict (serie_id, anio) do update set siguiente = excluded.siguiente, actualizado = excluded.actualizado`,
    ).run(s.id, input.anio, input.siguiente, ctx.ahora());
    ctx.bitacora({
      entidad: 'contadores_folio',
      entidadId: `${s.id}:${input.anio}`,
      antes: { siguiente: antes?.siguiente ?? 1 },
      despues: { siguiente: input.siguiente },
    });
    return { serieId: s.id, anio: input.anio, siguiente: input.siguiente, folio: formatearFolio(s.plantilla, input.anio, input.siguiente) };
  },
} satisfies Partial<Handlers>;
