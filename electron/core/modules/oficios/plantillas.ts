/** Oficios › plantillas (administrator): asunto and body with merge fields; unknown fields are refused on save. */
import { v7 as uuidv7 } from 'uuid';
import type { Plantilla } from '../../../contract/oficios';
import { AppError, conflicto, noEncontrado } from '../../errors';
import type { Contexto, Handlers } from '../../contexto';
import { problemaPlantilla } from './combinar';
import { st } from './datos';

interface PlantillaSql {
  id: string;
  clave: string;
  nombre: string;
  tipo: Plantilla['tipo'];
  asunto: string;
  cuerpo: string;
  activa: number;
  version: number;
}

export function plantillaSql(ctx: Contexto, id: string): PlantillaSql {
  const p = st(ctx, 'select * from plantillas_oficio where id = ?').get(id) as PlantillaSql | undefined;
  if (!p) throw noEncontrado('la plantilla');
  return p;
}

/** The shipped plantilla of a recordatorio (by clave), or the first active of that kind. */
export function plantillaPorClave(ctx: Contexto, clave: string): PlantillaSql {
  const p = st(ctx, 'select * from plantillas_oficio where clave = ? and activa = 1').get(clave) as PlantillaSql | undefined;
  if (!p) throw new AppError('VALIDACION', `No hay una plantilla activa «${clave}»; pida al administrador que la restablezca en Oficios › Plantillas.`);
  return p;
}

const aVista = (p: PlantillaSql): Plantilla => ({ ...p, activa: !!p.activa });

function revisar(campo: 'asunto' | 'cuerpo', texto: string) {
  const problema = problemaPlantilla(texto, campo === 'cuerpo');
  if (problema) throw new AppError('VALIDACION', problema, [{ campo, mensaje: problema }]);
}

export const plantillasHandlers = {
  'oficios.plantillas.listar': (ctx) => (st(ctx, 'select * from plantillas_oficio order by nombre').all() as PlantillaSql[]).map(aVista),

  'oficios.plantillas.guardar': (ctx, input) => {
    revisar('asunto', input.asunto);
    revisar('cuerpo', input.cuerpo);
    const otra = st(ctx, 'select id from plantillas_oficio where clave = ?').get(input.clave) as { id: string } | undefined;
    if (otra && otra.id !== input.id) throw new AppError('DUPLICADO', `Ya existe una plantilla con la clave «${input.clave}».`, [{ campo: 'clave', mensaje: 'Clave repetida.' }]);
    const ahora = ctx.ahora();
    const valores = { clave: input.clave, nombre: input.nombre, tipo: input.tipo, asunto: input.asunto, cuerpo: input.cuerpo, activa: input.activa ? 1 : 0, ahora };
    if (!input.id) {
      const id = uuidv7();
      st(ctx, 'insert into plantillas_oficio (id, clave, nombre, tipo, asunto, cuerpo, activa, version, creado, actualizado) values (@id, @clave, @nombre, @tipo, @asunto, @cuerpo, @activa, 0, @ahora, @ahora)').run({ id, ...valores });
      const p = plantillaSql(ctx, id);
      ctx.bitacora({ entidad: 'plantillas_oficio', entidadId: id, despues: p });
      return aVista(p);
    }
    const antes = plantillaSql(ctx, input.id);
    if (input.version === undefined || antes.version !== input.version) throw conflicto('la plantilla');
    st(ctx, 'update plantillas_oficio set clave = @clave, nombre = @nombre, tipo = @tipo, asunto = @asunto, cuerpo = @cuerpo, activa = @activa, version = version + 1, actualizado = @ahora where id = @id').run({ id: input.id, ...valores });
    const p = plantillaSql(ctx, input.id);
    ctx.bitacora({ entidad: 'plantillas_oficio', entidadId: input.id, antes, despues: p });
    return aVista(p);
  },
} satisfies Partial<Handlers>;
