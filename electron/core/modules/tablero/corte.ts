/**
 * A week's cut-off: where its window ends and the dependencia names as they were then. Shared by every
 * module's weekly figures so all of them measure the same instant.
 */
import type { Contexto } from '../../contexto';
import { fechaEnZona, inicioDeFecha, sumarDias } from '../../tiempo';
import type { Semana } from './semanas';

export type Nombres = Map<string, { nombre: string; siglas: string }>;

/** Epoch ms where a week's window ends (exclusive): Monday after, or now for the week in progress. */
export function limites(ctx: Contexto, s: Semana): { a: number; b: number; t: number; corte: string; enCurso: boolean } {
  const tz = ctx.ajustes().zonaHoraria;
  const a = inicioDeFecha(s.desde, tz);
  const b = inicioDeFecha(sumarDias(s.hasta, 1), tz);
  const ahora = ctx.ahora();
  const enCurso = ahora < b;
  const t = Math.min(b, ahora);
  return { a, b, t, corte: enCurso ? fechaEnZona(ahora, tz) : s.hasta, enCurso };
}

/** Dependencia names as they were at instant `t`: the "before" of each one's first catalog change after `t`. */
export function nombresAl(ctx: Contexto, t: number): Map<string, { nombre: string; siglas: string }> {
  const actuales = ctx.sqlite.prepare('select id, nombre, siglas from dependencias').all() as { id: string; nombre: string; siglas: string | null }[];
  const mapa = new Map(actuales.map((d) => [d.id, { nombre: d.nombre, siglas: d.siglas ?? '' }]));
  const cambios = ctx.sqlite
    .prepare("select entidad_id as id, antes from bitacora where entidad = 'dependencias' and momento >= ? and antes is not null order by id")
    .all(t) as { id: string; antes: string }[];
  const vistos = new Set<string>();
  for (const c of cambios) {
    if (vistos.has(c.id)) continue;
    vistos.add(c.id);
    try {
      const a = JSON.parse(c.antes) as { nombre?: string; siglas?: string | null };
      if (a.nombre) mapa.set(c.id, { nombre: a.nombre, siglas: a.siglas ?? '' });
    } catch {
      /* an unreadable entry keeps the current name */
    }
  }
  return mapa;
}
