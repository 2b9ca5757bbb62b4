import type { Handlers } from '../../contexto';
import { enSegundoPlano } from '../../jobs/definir';
import { verificarCadena, type FilaBitacora } from './cadena';

const json = (s: string | null) => (s === null ? null : JSON.parse(s));

export const bitacoraHandlers = {
  ...enSegundoPlano('bitacora.verificar'),
  'bitacora.listar': (ctx, input) => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (input.entidad) (where.push('entidad = ?'), params.push(input.entidad));
    if (input.entidadId) (where.push('entidad_id = ?'), params.push(input.entidadId));
    if (input.antesDe !== undefined) (where.push('id < ?'), params.push(input.antesDe));
    const sql = `select * from bitacora ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit ?`;
    const filas = ctx.sqlite.prepare(sql).all(...params, input.limite) as FilaBitacora[];
    return filas.map((f) => ({
      id: f.id,
      momento: f.momento,
      usuario: f.usuario,
      metodo: f.metodo,
      entidad: f.entidad,
      entidadId: f.entidad_id,
      antes: json(f.antes),
      despues: json(f.despues),
    }));
  },
} satisfies Partial<Handlers>;

/** Walking the whole hash chain is a background job (trabajos.ts). */
export const verificacionHandlers = {
  'bitacora.verificar': (ctx) => verificarCadena(ctx.sqlite),
} satisfies Partial<Handlers>;
