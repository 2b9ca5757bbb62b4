/**
 * Respaldos: Ajustes › Respaldos, Respaldar ahora (with progress), Verificar, Examinar and Restaurar,
 * and the tablero's warning. The work itself is in plain functions (respaldar, verificar, restaurar)
 * that the CLI (`npm run respaldo`, `npm run restaurar`) calls without a core.
 */
import path from 'node:path';
import type { Contexto, Handlers } from '../../contexto';
import { actorDe } from '../../contexto';
import { AppError, conflicto } from '../../errors';
import type { ResumenRespaldo, ValoresRespaldo } from '../../../contract/respaldo';
import { CLAVE, destinoEfectivo, leerAjustesRespaldo } from './ajustes';
import { listarRespaldos, leerVerificacion, type RespaldoListado } from './carpetas';
import type { RespaldoHecho } from './respaldar';
import type { ResultadoVerificacion } from './verificar';
import { restaurable, restaurarDatos } from './restaurar';
import type { Manifiesto } from './manifiesto';
import type { PedidoRespaldo } from './trabajos';

export { crearRespaldo } from './respaldar';
export { verificarRespaldo } from './verificar';
export { restaurarDatos } from './restaurar';
export { listarRespaldos } from './carpetas';
export { rotar } from './rotacion';
export { iniciarProgramador } from './programador';

const HORA_MS = 3_600_000;
const LIMITE_HORAS = 48;

function resumen(ruta: string, m: Manifiesto, tamano?: number): ResumenRespaldo {
  const v = leerVerificacion(ruta);
  return {
    nombre: path.basename(ruta),
    ruta,
    creado: m.creado,
    tamano: tamano ?? m.base.tamano + m.archivos.reduce((s, a) => s + a.tamano, 0),
    version: m.aplicacion.version,
    migracion: m.migracion.ultima,
    motivo: m.motivo,
    equipo: m.equipo,
    conteos: m.conteos,
    anexos: m.archivos.length,
    faltantes: m.faltantes.length,
    bitacoraIntegra: m.bitacora.integra,
    verificado: v ? v.valido : true,
    verificadoEn: v ? v.momento : m.creado,
    problemas: v?.problemas ?? [],
  };
}

const deListado = (r: RespaldoListado) => resumen(r.ruta, r.manifiesto, r.tamano);

/** Verificar in a job worker (it hashes every file); it records its result next to the manifest. */
const verificar = (ctx: Contexto, ruta: string) => ctx.trabajos.correr<ResultadoVerificacion>('respaldo.verificar', { ruta });

function ajustesDe(ctx: Contexto) {
  return leerAjustesRespaldo(ctx.sqlite);
}

/** The administrator's warning: none in 48 h, or never. */
export function avisoDe(ultimo: number | null, ahora: number): { horas: number | null; aviso: string | null } {
  if (ultimo === null) return { horas: null, aviso: 'No hay ningún respaldo verificado. Haga uno en Ajustes › Respaldos.' };
  const horas = Math.floor((ahora - ultimo) / HORA_MS);
  if (horas < LIMITE_HORAS) return { horas, aviso: null };
  const dias = Math.floor(horas / 24);
  return { horas, aviso: `El último respaldo verificado es de hace ${dias} días. Revise el destino en Ajustes › Respaldos y haga uno ahora.` };
}

function estado(ctx: Contexto) {
  const { valores, version } = ajustesDe(ctx);
  const destino = destinoEfectivo(ctx.dataDir, valores);
  const respaldos = listarRespaldos(destino).map(deListado);
  const ultimo = respaldos.find((r) => r.verificado)?.creado ?? null;
  let { aviso } = avisoDe(ultimo, ctx.ahora());
  if (!valores.destino) aviso ??= 'Los respaldos se guardan en el mismo disco que los datos: elija una carpeta en otro disco o memoria USB.';
  return { ajustes: { ...valores, version }, destinoEfectivo: destino, respaldos, aviso, ultimo };
}

function guardarAjustes(ctx: Contexto, input: ValoresRespaldo & { version: number }) {
  const { version, ...valores } = input;
  const actual = ajustesDe(ctx);
  if (actual.version !== version) throw conflicto('los ajustes de respaldos');
  const ahora = ctx.ahora();
  ctx.sqlite
    .prepare(
      `insert into ajustes (clave, valor, version, actualizado) values (?, ?, 1, ?)
       on conflict (clave) do update set valor = excluded.valor, version = ajustes.version + 1, actualizado = excluded.actualizado`,
    )
    .run(CLAVE, JSON.stringify(valores), ahora);
  ctx.bitacora({ entidad: 'ajustes', entidadId: CLAVE, antes: actual.valores, despues: valores });
  return estado(ctx);
}

export const respaldoHandlers = {
  'respaldo.estado': (ctx) => estado(ctx),
  'respaldo.guardarAjustes': (ctx, input) => guardarAjustes(ctx, input),

  // Copying, checking and hashing run in a job worker (trabajos.ts): other users keep working meanwhile.
  'respaldo.respaldar': async (ctx, input) => {
    const { valores } = ajustesDe(ctx);
    const pedido: PedidoRespaldo = { destino: destinoEfectivo(ctx.dataDir, valores), crearDestino: !valores.destino, motivo: 'manual', tarea: input.tarea, rotacion: valores };
    const r = await ctx.trabajos.correr<RespaldoHecho>('respaldo.crear', pedido);
    return resumen(r.ruta, r.manifiesto);
  },

  'respaldo.verificar': async (ctx, input) => {
    const v = await verificar(ctx, input.ruta);
    return { valido: v.valido, problemas: v.problemas, respaldo: v.manifiesto ? resumen(input.ruta, v.manifiesto) : null };
  },

  'respaldo.examinar': async (ctx, input) => {
    const v = await verificar(ctx, input.ruta);
    try {
      return { respaldo: resumen(input.ruta, restaurable(v)), restaurable: true, motivo: null };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return { respaldo: v.manifiesto ? resumen(input.ruta, v.manifiesto) : null, restaurable: false, motivo: e.message };
    }
  },

  'respaldo.restaurar': async (ctx, input) => {
    const actor = actorDe(ctx);
    const ruta = path.resolve(input.ruta);
    if (input.confirmacion !== path.basename(ruta)) {
      throw new AppError('VALIDACION', `Para restaurar escriba el nombre del respaldo tal como aparece: ${path.basename(ruta)}.`);
    }
    restaurable(await verificar(ctx, ruta)); // refusals before anything closes
    const progreso = (fraccion: number, texto: string) => ctx.progreso({ tarea: input.tarea, fraccion, texto });
    const { dataDir, appRoot, ahora, metodo, nativeBinding } = ctx;
    const r = await ctx.reemplazarDatos(() =>
      restaurarDatos({ dataDir, desde: ruta, appRoot, ahora, progreso, metodo, nativeBinding, quien: { id: actor.id, usuario: actor.usuario } }),
    );
    return { restaurado: resumen(ruta, r.manifiesto), seguridad: r.seguridad, bitacoraIntegra: r.bitacora.integra };
  },

  'respaldo.aviso': (ctx) => {
    const { valores } = ajustesDe(ctx);
    const ultimo = listarRespaldos(destinoEfectivo(ctx.dataDir, valores)).find((r) => r.verificacion?.valido !== false)?.manifiesto.creado ?? null;
    return { ultimo, ...avisoDe(ultimo, ctx.ahora()) };
  },
} satisfies Partial<Handlers>;
