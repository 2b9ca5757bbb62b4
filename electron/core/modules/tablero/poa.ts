/** POA's figures: the card (the trimestre in course) and a week's trimestre with its critical metas, from the module's own aggregation. */
import type { Informe, Tarjeta } from '../../../contract/tablero';
import type { ColorSemaforo } from '../../../contract/comun';
import type { Contexto } from '../../contexto';
import { hoyDe } from '../correspondencia/datos';
import { tablero as tableroPoa, corteHoy } from '../poa/service';
import { cumplimiento as cumplimientoPoa } from '../poa/calculo';
import { limites } from './corte';
import { enlace, type Semana } from './semanas';

export function semanaPoa(ctx: Contexto, s: Semana): Informe['poa'] {
  const { corte } = limites(ctx, s);
  const anio = Number(corte.slice(0, 4));
  const trimestre = Math.ceil(Number(corte.slice(5, 7)) / 3);
  const t = tableroPoa(ctx, anio, trimestre);
  const c: Record<ColorSemaforo, number> = { verde: 0, amarillo: 0, rojo: 0, gris: 0 };
  for (const m of t.vigentes) c[m.calculada.semaforo.color]++;
  const criticas = t.vigentes
    .filter((m) => m.calculada.semaforo.color === 'rojo')
    .sort((p, q) => (p.calculada.cumplimiento ?? 0) - (q.calculada.cumplimiento ?? 0))
    .slice(0, 10)
    .map((m) => ({
      numero: m.fila.numero,
      descripcion: m.fila.descripcion,
      unidad: m.fila.unidad_clave,
      cumplimiento: m.calculada.cumplimiento,
      color: m.calculada.semaforo.color,
      semaforo: m.calculada.semaforo.etiqueta,
    }));
  return { anio, trimestre, metas: t.vigentes.length, ...c, cumplimiento: t.totales.cumplimiento ?? cumplimientoPoa(t.totales.alCorte), criticas };
}

export function tarjetaPoa(ctx: Contexto): Tarjeta {
  const { hoy } = hoyDe(ctx);
  const anio = Number(hoy.slice(0, 4));
  const corte = corteHoy(ctx, anio);
  const t = tableroPoa(ctx, anio, corte);
  const c: Record<ColorSemaforo, number> = { verde: 0, amarillo: 0, rojo: 0, gris: 0 };
  for (const m of t.vigentes) c[m.calculada.semaforo.color]++;
  const ir = `/poa/${anio}`;
  // Each count opens the grid at the same corte showing only the metas with that semáforo.
  const porSemaforo = (semaforo: ColorSemaforo) => enlace(ir, { corte, semaforo });
  const romano = ['', 'I', 'II', 'III', 'IV'][corte] ?? '';
  const cump = t.totales.cumplimiento;
  return {
    modulo: 'poa',
    titulo: `POA ${anio}`,
    unidad: 'metas',
    total: t.vigentes.length,
    enlace: ir,
    estatus: [
      { clave: 'verde', etiqueta: 'Aceptable (≥ 90 %)', color: 'verde', valor: c.verde, enlace: porSemaforo('verde') },
      { clave: 'amarillo', etiqueta: 'En riesgo', color: 'amarillo', valor: c.amarillo, enlace: porSemaforo('amarillo') },
      { clave: 'rojo', etiqueta: 'Crítico', color: 'rojo', valor: c.rojo, enlace: porSemaforo('rojo') },
      { clave: 'gris', etiqueta: 'Sin meta en el periodo', color: 'gris', valor: c.gris, enlace: porSemaforo('gris') },
    ],
    plazo: [],
    nota: `Cumplimiento acumulado al trimestre ${romano}${t.cerrados.includes(corte) ? ' (cerrado)' : ''}: ${cump === null ? 'sin metas programadas' : `${cump.toLocaleString('es-MX')} %`} (metas acumulables).`,
    semana: [],
  };
}
