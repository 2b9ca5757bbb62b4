/** Tablero de control and Informe semanal handlers (DOMAIN §6). */
import type { Handlers } from '../../contexto';
import { actorDe } from '../../contexto';
import { fechaEnZona } from '../../tiempo';
import { LEE, tarjetasYVencidos } from './cifras';
import { generar, informe, semanaPedida, tendencia48h } from './informe';
import { semanaAnterior, semanaDe, ultimaCompleta } from './semanas';

export const tableroHandlers = {
  'tablero.resumen': (ctx) => {
    const rol = actorDe(ctx).rol;
    const hoy = fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
    const semana = semanaDe(hoy);
    const anterior = semanaAnterior(semana);
    const { tarjetas, vencidos, calculadas } = tarjetasYVencidos(ctx, rol, semana, anterior);
    return {
      generado: ctx.ahora(),
      hoy,
      semana,
      anterior,
      tarjetas,
      vencidosPorDependencia: vencidos,
      tendencia48h: LEE.correspondencia(rol) ? tendencia48h(ctx, semana, undefined, calculadas) : null,
    };
  },
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
