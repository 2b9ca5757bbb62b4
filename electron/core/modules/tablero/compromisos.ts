/**
 * Compromisos de campaña's figures: the card (the module's own query and semáforos) and a week's tallies
 * and seguimientos, each compromiso as it stood at the week's cut-off, rebuilt from its seguimientos.
 */
import type { Informe, Tarjeta } from '../../../contract/tablero';
import { ETIQUETA_ESTATUS_COMPROMISO, type EstatusCompromiso } from '../../../contract/compromisos';
import type { Contexto } from '../../contexto';
import { contar as contarCompromisos } from '../compromisos/reglas';
import { consultar as consultarCompromisos, estadoAl } from '../compromisos/service';
import { comparar } from './comparacion';
import { contarSemaforos } from './conteos';
import { limites, type Nombres } from './corte';
import { enlace, type Semana } from './semanas';
import { cantidad } from '../../../contract/cifras';

export interface SemanaCompromisos {
  total: number;
  cumplido: number;
  enProceso: number;
  sinAvance: number;
  noProcedente: number;
  avancePromedio: number;
  cumplidosSemana: number;
  cambios: Informe['compromisos']['cambios'];
}

export function semanaCompromisos(ctx: Contexto, s: Semana, nombres?: Nombres): SemanaCompromisos {
  const { a, t, corte } = limites(ctx, s);
  const items = ctx.sqlite.prepare('select id, estatus, avance, fecha_compromiso as fecha from compromisos').all() as { id: string; estatus: EstatusCompromiso; avance: number; fecha: string }[];
  // A compromiso exists from the date it was made (even if captured later).
  const existentes = new Set(items.filter((x) => x.fecha <= corte).map((x) => x.id));
  const antes = estadoAl(ctx, t);
  const al = items.filter((x) => existentes.has(x.id)).map((x) => antes.get(x.id) ?? { estatus: x.estatus, avance: x.avance });
  const c = contarCompromisos('general', 'Todos', al);
  const cambios = (
    ctx.sqlite
      .prepare(
        `select c.numero, c.descripcion, coalesce(nullif(d.siglas, ''), d.nombre) as dependencia, c.dependencia_id as dependenciaId, s.fecha, s.estatus_anterior as estatusAnterior, s.estatus,
                s.avance_anterior as avanceAnterior, s.avance
         from compromiso_seguimientos s join compromisos c on c.id = s.compromiso_id join dependencias d on d.id = c.dependencia_id
         where s.creado >= ? and s.creado < ? order by s.creado, s.id`,
      )
      .all(a, t) as (Omit<Informe['compromisos']['cambios'][number], 'estatus' | 'estatusAnterior'> & { estatus: EstatusCompromiso; estatusAnterior: EstatusCompromiso; dependenciaId: string })[]
  ).map(({ dependenciaId, ...x }) => ({
    ...x,
    dependencia: (nombres?.get(dependenciaId)?.siglas || nombres?.get(dependenciaId)?.nombre) ?? x.dependencia ?? '',
    estatus: ETIQUETA_ESTATUS_COMPROMISO[x.estatus], estatusAnterior: ETIQUETA_ESTATUS_COMPROMISO[x.estatusAnterior] }));
  const cumplidosSemana = (
    ctx.sqlite
      .prepare("select count(distinct compromiso_id) as n from compromiso_seguimientos where creado >= ? and creado < ? and estatus = 'cumplido' and estatus_anterior <> 'cumplido'")
      .get(a, t) as { n: number }
  ).n;
  return {
    total: c.total,
    cumplido: c.cumplido,
    enProceso: c.en_proceso,
    sinAvance: c.sin_avance,
    noProcedente: c.no_procedente,
    avancePromedio: c.avancePromedio,
    cumplidosSemana,
    cambios,
  };
}

export function tarjetaCompromisos(ctx: Contexto, semana: Semana, anterior: Semana): { tarjeta: Tarjeta; vencidos: Map<string, number> } {
  const items = consultarCompromisos(ctx, { texto: '' });
  const { c, p, vencidos } = contarSemaforos(items, (x) => x.semaforo.color, (x) => x.plazo.clave);
  const esta = semanaCompromisos(ctx, semana);
  const previa = semanaCompromisos(ctx, anterior);
  const ir = (semaforo: string) => enlace('/compromisos', { semaforo });
  // Exactly the compromisos that week's figure counts: turned cumplido by a seguimiento recorded in it.
  const cumplidosEn = (s: Semana) => enlace('/compromisos', { cumplidoDesde: s.desde, cumplidoHasta: s.hasta });
  // The compromisos that received those seguimientos; the list says how many each got (they add up to the figure).
  const seguidosEn = (s: Semana) => enlace('/compromisos', { seguimientoDesde: s.desde, seguimientoHasta: s.hasta });
  const porPlazo = (plazo: string) => enlace('/compromisos', { estatus: 'sin_avance,en_proceso', plazo });
  // The compromisos this week's average is taken over: made by today, not «no procedente» (their avance is current).
  const promediados = enlace('/compromisos', { estatus: 'cumplido,en_proceso,sin_avance', hasta: limites(ctx, semana).corte, de: 'avance' });
  // Last week's: those made by its close, with the estatus and avance they had then (the same rebuild as the figure).
  const promediadosAl = enlace('/compromisos', { estatus: 'cumplido,en_proceso,sin_avance', alCierre: anterior.hasta, de: 'avance' });
  return {
    vencidos,
    tarjeta: {
      modulo: 'compromisos',
      titulo: 'Compromisos de campaña',
      unidad: 'compromisos',
      total: c.verde + c.amarillo + c.rojo,
      enlace: '/compromisos',
      estatus: [
        { clave: 'cumplido', etiqueta: 'Cumplidos', color: 'verde', valor: c.verde, enlace: ir('verde') },
        { clave: 'en_proceso', etiqueta: 'En proceso', color: 'amarillo', valor: c.amarillo, enlace: ir('amarillo') },
        { clave: 'sin_avance', etiqueta: 'Sin avance', color: 'rojo', valor: c.rojo, enlace: ir('rojo') },
      ],
      plazo: [
        // Each figure opens exactly the compromisos it counts (the list filters by semáforo de plazo).
        { clave: 'vencido', etiqueta: 'Vencidos', color: 'rojo', valor: p.vencido, enlace: porPlazo('vencido') },
        { clave: 'en_riesgo', etiqueta: 'En riesgo', color: 'amarillo', valor: p.en_riesgo, enlace: porPlazo('en_riesgo') },
        { clave: 'a_tiempo', etiqueta: 'A tiempo', color: 'verde', valor: p.a_tiempo, enlace: porPlazo('a_tiempo') },
        { clave: 'sin_plazo', etiqueta: 'Sin fecha estimada', color: 'gris', valor: p.sin_plazo, enlace: porPlazo('sin_plazo') },
      ],
      nota: c.gris ? `${cantidad(c.gris, 'no procedente', 'no procedentes')} fuera de los conteos.` : null,
      semana: [
        comparar('cumplidos', 'Cumplidos en la semana', 'cantidad', esta.cumplidosSemana, previa.cumplidosSemana, cumplidosEn(semana), cumplidosEn(anterior)),
        comparar('seguimientos', 'Seguimientos registrados', 'cantidad', esta.cambios.length, previa.cambios.length, seguidosEn(semana), seguidosEn(anterior)),
        comparar('avance', 'Avance promedio', 'porcentaje', esta.avancePromedio, previa.avancePromedio, promediados, promediadosAl),
      ],
    },
  };
}
