/** Tablero de control and Informe semanal handlers (DOMAIN §6). */
import type { Contexto, Handlers } from '../../contexto';
import type { Rol } from '../../../contract/comun';
import { actorDe } from '../../contexto';
import { fechaEnZona } from '../../tiempo';
import { LEE, tarjetasYVencidos } from './cifras';
import { generar, informe, semanaPedida, tendencia48h } from './informe';
import { semanaAnterior, semanaDe, ultimaCompleta } from './semanas';

/** Entidades of the bitácora whose changes the tablero does not show (any other one refreshes it). */
const NO_AFECTAN: ReadonlySet<string> = new Set([
  'usuario', 'sesion', 'gab_funcionarios', 'gab_convocados', 'gab_orden_dia', 'gab_tarjetas', 'gab_anexos', 'anexos', 'tablero_instantaneas',
]);

function resumen(ctx: Contexto, rol: Rol, hoy: string) {
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
}

export const tableroHandlers = {
  // Every station refreshes it after each change notice: computed once per role until a write that
  // affects it commits (or a minute passes: overdue and 48-hour figures move with the clock).
  'tablero.resumen': (ctx) => {
    const rol = actorDe(ctx).rol;
    const hoy = fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
    return ctx.memoria.recordar(`tablero.resumen|${rol}|${hoy}`, { ahora: ctx.ahora(), vigenciaMs: 60_000, noDependeDe: NO_AFECTAN }, () => resumen(ctx, rol, hoy));
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
