/** Compromisos › PED: the eje › objetivo › estrategia hierarchy compromisos align to. */
import { v7 as uuidv7 } from 'uuid';
import { AppError, conflicto, noEncontrado } from '../../errors';
import type { Contexto, Handlers } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import type { ElementoPed, NivelPed } from '../../../contract/compromisos';

const PADRE: Record<NivelPed, NivelPed | null> = { eje: null, objetivo: 'eje', estrategia: 'objetivo' };
const NOMBRE_NIVEL: Record<NivelPed, string> = { eje: 'el eje', objetivo: 'el objetivo', estrategia: 'la estrategia' };

interface FilaPed {
  id: string;
  nivel: NivelPed;
  padre_id: string | null;
  clave: string;
  texto: string;
  activa: number;
  version: number;
}

const aElemento = (f: FilaPed): ElementoPed => ({
  id: f.id,
  nivel: f.nivel,
  padreId: f.padre_id,
  clave: f.clave,
  texto: f.texto,
  activa: f.activa === 1,
  version: f.version,
});

export function pedPorId(ctx: Contexto, id: string): FilaPed | undefined {
  return ctx.sqlite.prepare('select * from ped where id = ?').get(id) as FilaPed | undefined;
}

function guardarPed(ctx: Contexto, input: ParsedInput<'compromisos.ped.guardar'>): ElementoPed {
  const esperado = PADRE[input.nivel];
  if (esperado === null && input.padreId) throw new AppError('VALIDACION', 'Un eje no tiene elemento superior.', [{ campo: 'padreId', mensaje: 'Un eje no tiene elemento superior.' }]);
  if (esperado !== null) {
    const padre = input.padreId ? pedPorId(ctx, input.padreId) : undefined;
    if (!padre || padre.nivel !== esperado) {
      const m = input.nivel === 'objetivo' ? 'Elija el eje al que pertenece el objetivo.' : 'Elija el objetivo al que pertenece la estrategia.';
      throw new AppError('VALIDACION', m, [{ campo: 'padreId', mensaje: m }]);
    }
  }
  const repetida = ctx.sqlite.prepare('select id from ped where clave = ? collate nocase and id <> ?').get(input.clave, input.id ?? '') as { id: string } | undefined;
  if (repetida) throw new AppError('DUPLICADO', `Ya existe un elemento del Plan Estatal de Desarrollo con la clave «${input.clave}».`, [{ campo: 'clave', mensaje: 'Clave repetida.' }]);
  const ahora = ctx.ahora();
  if (!input.id) {
    const id = uuidv7();
    ctx.sqlite
      .prepare('insert into ped (id, nivel, padre_id, clave, texto, activa, version, creado, actualizado) values (?, ?, ?, ?, ?, 1, 0, ?, ?)')
      .run(id, input.nivel, input.padreId, input.clave, input.texto, ahora, ahora);
    const nuevo = aElemento(pedPorId(ctx, id)!);
    ctx.bitacora({ entidad: 'ped', entidadId: id, despues: nuevo });
    return nuevo;
  }
  const antes = pedPorId(ctx, input.id);
  if (!antes) throw noEncontrado(NOMBRE_NIVEL[input.nivel]);
  if (antes.version !== input.version) throw conflicto(NOMBRE_NIVEL[antes.nivel]);
  if (antes.nivel !== input.nivel) throw new AppError('VALIDACION', 'No se puede cambiar el nivel de un elemento del Plan; cree uno nuevo.');
  ctx.sqlite
    .prepare('update ped set padre_id = ?, clave = ?, texto = ?, version = version + 1, actualizado = ? where id = ?')
    .run(input.padreId, input.clave, input.texto, ahora, input.id);
  const despues = aElemento(pedPorId(ctx, input.id)!);
  ctx.bitacora({ entidad: 'ped', entidadId: input.id, antes: aElemento(antes), despues });
  return despues;
}

export const pedHandlers = {
  'compromisos.ped.listar': (ctx, input) =>
    (
      ctx.sqlite
        .prepare(`select * from ped ${input?.incluirInactivas ? '' : 'where activa = 1'}`)
        .all() as FilaPed[]
    )
      .map(aElemento)
      .sort((a, b) => a.clave.localeCompare(b.clave, 'es', { numeric: true })),
  'compromisos.ped.guardar': guardarPed,
  'compromisos.ped.cambiarActiva': (ctx, input) => {
    const antes = pedPorId(ctx, input.id);
    if (!antes) throw noEncontrado('el elemento del Plan');
    if (antes.version !== input.version) throw conflicto(NOMBRE_NIVEL[antes.nivel]);
    ctx.sqlite.prepare('update ped set activa = ?, version = version + 1, actualizado = ? where id = ?').run(input.activa ? 1 : 0, ctx.ahora(), input.id);
    const despues = aElemento(pedPorId(ctx, input.id)!);
    ctx.bitacora({ entidad: 'ped', entidadId: input.id, antes: aElemento(antes), despues });
    return despues;
  },
} satisfies Partial<Handlers>;
