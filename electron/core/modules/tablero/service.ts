/** Tablero de control and Informe semanal handlers (DOMAIN §6). */
import type { Contexto, Handlers } from '../../contexto';
import type { Rol } from '../../../contract/comun';
import { actorDe } from '../../contexto';
import { fechaEnZona } from '../../tiempo';
import { tablero } from './cifras';
import { generar, informe, semanaPedida } from './informe';
import { semanaAnterior, semanaDe, ultimaCompleta } from './semanas';

function resumen(ctx: Contexto, rol: Rol) {
  const hoy = fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
  const semana = semanaDe(hoy);
  const anterior = semanaAnterior(semana);
  const t = tablero(ctx, rol, hoy, semana, anterior);
  return { generado: t.generado, hoy, semana, anterior, tarjetas: t.tarjetas, vencidosPorDependencia: t.vencidos, tendencia48h: t.tendencia48h };
}

export const tableroHandlers = {
  // Every station refreshes it after each change notice: each section is computed once for every role
  // until a write it reads commits (secciones.ts).
  'tablero.resumen': (ctx) => resumen(ctx, actorDe(ctx).rol),
  'tablero.informe.datos': (ctx, input) => informe(ctx, semanaPedida(ctx, input.semana), { recalcular: input.recalcular, guardar: false }),
  'tablero.informe.generar': (ctx, input) => generar(ctx, input),
  'tablero.informe.semanas': (ctx) => {
    const hoy = fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
    const generadas = ctx.sqlite
      .prepare(
        `select i.semana as desde, date(i.semana, '+6 days') as hasta, i.actualizado as generado, u.nombre as generadoPor
         from tablero_instantaneas i left join usuarios u on u.id = i.generado_por order by i.semana desc limit 104`,
      )
      .all() as { desde: string; hasta: string; generado: number; generadoPor: string | null }[];
    return { predeterminada: ultimaCompleta(hoy), actual: semanaDe(hoy), generadas };
  },
} satisfies Partial<Handlers>;
