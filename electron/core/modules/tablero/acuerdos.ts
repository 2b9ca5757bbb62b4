/**
 * Gabinete's figures: the acuerdos card (the module's own semáforos) and a week's meetings and acuerdos,
 * each acuerdo as it stood at the week's cut-off, rebuilt from its seguimientos.
 */
import type { Informe, Tarjeta } from '../../../contract/tablero';
import { ETIQUETA_ESTATUS_REUNION, type Acuerdo } from '../../../contract/gabinete';
import type { Contexto } from '../../contexto';
import { listarAcuerdos, listarReuniones, entorno, estadosAcuerdosAl, vencidoAl } from '../gabinete/service';
import { semaforosAcuerdo } from '../gabinete/reglas';
import { comparar } from './comparacion';
import { contarSemaforos } from './conteos';
import { limites, type Nombres } from './corte';
import { enlace, type Semana } from './semanas';
import { cantidad } from '../../../contract/cifras';

export interface SemanaAcuerdos {
  reuniones: Informe['gabinete']['reuniones'];
  nuevos: number;
  concluidos: number;
  vencidos: number;
  porIniciar: number;
  enProceso: number;
  concluidosTotal: number;
  acuerdosVencidos: Informe['gabinete']['acuerdosVencidos'];
}

export function semanaAcuerdos(ctx: Contexto, s: Semana, todos: Acuerdo[] = listarAcuerdos(ctx, {}), nombres?: Nombres): SemanaAcuerdos {
  const { a, t, corte } = limites(ctx, s);
  const antes = estadosAcuerdosAl(ctx, t);
  const e = { ...entorno(ctx), calendario: ctx.calendario(), hoy: corte };
  let porIniciar = 0;
  let enProceso = 0;
  let concluidosTotal = 0;
  const vencidos: Informe['gabinete']['acuerdosVencidos'] = [];
  for (const x of todos) {
    // An acuerdo exists from its meeting's date on (even if captured later).
    if (x.reunionFecha > corte) continue;
    const est = antes.get(x.id) ?? { estatus: x.estatus, avance: x.avance };
    if (est.estatus === 'por_iniciar') porIniciar++;
    else if (est.estatus === 'en_proceso') enProceso++;
    else if (est.estatus === 'concluido') concluidosTotal++;
    // The same test as the acuerdos list's «vencidos al» filter, so the figure and its list agree.
    if (vencidoAl(x, est, e)) {
      const sem = semaforosAcuerdo({ estatus: est.estatus, avance: est.avance, inicio: x.reunionFecha, fechaCompromiso: x.fechaCompromiso }, e);
      vencidos.push({ codigo: x.codigo, descripcion: x.descripcion, dependencia: (nombres?.get(x.dependenciaId)?.siglas || nombres?.get(x.dependenciaId)?.nombre) ?? (x.siglas || x.dependencia), fechaCompromiso: x.fechaCompromiso, motivo: sem.plazo.motivo ?? 'Vencido' });
    }
  }
  vencidos.sort((p, q) => (p.fechaCompromiso ?? '').localeCompare(q.fechaCompromiso ?? '') || p.codigo.localeCompare(q.codigo));
  const concluidos = (
    ctx.sqlite
      .prepare("select count(distinct acuerdo_id) as n from gab_seguimientos where creado >= ? and creado < ? and estatus_despues = 'concluido' and estatus_antes <> 'concluido'")
      .get(a, t) as { n: number }
  ).n;
  const reuniones = listarReuniones(ctx)
    .filter((r) => r.fecha >= s.desde && r.fecha <= s.hasta)
    .sort((p, q) => (p.fecha + p.hora).localeCompare(q.fecha + q.hora))
    .map((r) => ({ nombre: r.nombre, fecha: r.fecha, hora: r.hora, estatus: ETIQUETA_ESTATUS_REUNION[r.estatus], acuerdos: r.acuerdos }));
  // Every acuerdo of the week's meetings (the acuerdos list filtered by meeting date shows the same).
  const nuevos = todos.filter((x) => x.reunionFecha >= s.desde && x.reunionFecha <= s.hasta).length;
  return { reuniones, nuevos, concluidos, vencidos: vencidos.length, porIniciar, enProceso, concluidosTotal, acuerdosVencidos: vencidos };
}

const enlacesAcuerdos = {
  nuevos: (s: Semana) => enlace('/gabinete/acuerdos', { desde: s.desde, hasta: s.hasta }),
  concluidos: (s: Semana) => enlace('/gabinete/acuerdos', { concluidoDesde: s.desde, concluidoHasta: s.hasta }),
  vencidos: () => enlace('/gabinete/acuerdos', { vencidos: 1 }),
  vencidosAl: (s: Semana) => enlace('/gabinete/acuerdos', { vencidosAl: s.hasta }),
};

export function tarjetaAcuerdos(ctx: Contexto, semana: Semana, anterior: Semana): { tarjeta: Tarjeta; vencidos: Map<string, number> } {
  const items = listarAcuerdos(ctx, {});
  const { c, p, vencidos } = contarSemaforos(items, (x) => x.semaforoEstatus.color, (x) => x.semaforoPlazo.clave);
  const esta = semanaAcuerdos(ctx, semana, items);
  const previa = semanaAcuerdos(ctx, anterior, items);
  const ir = (semaforo: string) => enlace('/gabinete/acuerdos', { semaforo });
  return {
    vencidos,
    tarjeta: {
      modulo: 'acuerdos',
      titulo: 'Acuerdos de gabinete',
      unidad: 'acuerdos',
      total: c.verde + c.amarillo + c.rojo,
      enlace: '/gabinete/acuerdos',
      estatus: [
        { clave: 'concluido', etiqueta: 'Concluidos', color: 'verde', valor: c.verde, enlace: ir('verde') },
        { clave: 'en_proceso', etiqueta: 'En proceso', color: 'amarillo', valor: c.amarillo, enlace: ir('amarillo') },
        { clave: 'por_iniciar', etiqueta: 'Por iniciar', color: 'rojo', valor: c.rojo, enlace: ir('rojo') },
      ],
      plazo: [
        { clave: 'vencido', etiqueta: 'Vencidos', color: 'rojo', valor: p.vencido, enlace: enlacesAcuerdos.vencidos() },
        { clave: 'en_riesgo', etiqueta: 'En riesgo', color: 'amarillo', valor: p.en_riesgo, enlace: ir('en_riesgo') },
        { clave: 'a_tiempo', etiqueta: 'A tiempo', color: 'verde', valor: p.a_tiempo, enlace: ir('a_tiempo') },
        { clave: 'sin_plazo', etiqueta: 'Sin fecha compromiso', color: 'gris', valor: p.sin_plazo, enlace: ir('sin_plazo') },
      ],
      nota: c.gris ? `${cantidad(c.gris, 'cancelado')} fuera de los conteos.` : null,
      semana: [
        comparar('nuevos', 'Nuevos', 'cantidad', esta.nuevos, previa.nuevos, enlacesAcuerdos.nuevos(semana), enlacesAcuerdos.nuevos(anterior)),
        comparar('concluidos', 'Concluidos', 'cantidad', esta.concluidos, previa.concluidos, enlacesAcuerdos.concluidos(semana), enlacesAcuerdos.concluidos(anterior)),
        comparar('vencidos', 'Vencidos', 'cantidad', esta.vencidos, previa.vencidos, enlacesAcuerdos.vencidos(), enlacesAcuerdos.vencidosAl(anterior)),
      ],
    },
  };
}
