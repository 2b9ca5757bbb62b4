import type { Contexto } from './contexto';

/** Where a module keeps its seguimientos: each row records the estatus and avance its record had before it. */
export interface TablaSeguimientos {
  tabla: string;
  registro: string;
  estatusAntes: string;
  avanceAntes: string;
}

/**
 * Each record's estatus and avance at instant `t`, for those changed since: the "before" of its first
 * seguimiento recorded at or after `t` (records absent from the map stand as they are now). Acuerdos and
 * compromisos keep the same history, so the tablero's past weeks and their lists rebuild it the same way.
 */
export function estadoAntes<E extends string>(ctx: Contexto, t: number, s: TablaSeguimientos): Map<string, { estatus: E; avance: number }> {
  const filas = ctx.sqlite
    .prepare(
      `select s.${s.registro} as id, s.${s.estatusAntes} as estatus, s.${s.avanceAntes} as avance from ${s.tabla} s
       where s.creado >= ? and not exists (select 1 from ${s.tabla} s2 where s2.${s.registro} = s.${s.registro} and s2.creado >= ? and (s2.creado < s.creado or (s2.creado = s.creado and s2.id < s.id)))`,
    )
    .all(t, t) as { id: string; estatus: E; avance: number }[];
  return new Map(filas.map((f) => [f.id, { estatus: f.estatus, avance: f.avance }]));
}
