/**
 * The figures of the tablero and the informe semanal. Domain rules are the modules' own: the Reporte de
 * Estatus (48 h target), the bandeja's counters (same WHERE as the list a figure links to), the acuerdos'
 * and compromisos' semáforo functions and the POA aggregation. Only what they don't expose is read with
 * read-only, indexed SQL over their tables, one sibling file per module; this file assembles the tablero.
 */
import type { PuntoTendencia, Tarjeta, VencidosDependencia } from '../../../contract/tablero';
import type { Contexto } from '../../contexto';
import { tarjetaAcuerdos } from './acuerdos';
import { tarjetaCompromisos } from './compromisos';
import { tarjetaCorrespondencia, turnosVencidosPorDependencia, type SemanaCorrespondencia } from './correspondencia';
import { tarjetaPoa } from './poa';
import { seccion, type Calculada } from './secciones';
import { tendencia48h } from './tendencia';
import { ultimosRecordatorios } from '../oficios/exports';
import { enlace, type Semana } from './semanas';

// The per-module figures keep being importable from here, where they lived before the split.
export { limites, nombresAl } from './corte';
export { comparar } from './comparacion';
export { puntoTendencia } from './tendencia';
export { semanaCorrespondencia, enlacesCorrespondencia, type SemanaCorrespondencia } from './correspondencia';
export { semanaAcuerdos, type SemanaAcuerdos } from './acuerdos';
export { semanaCompromisos, type SemanaCompromisos } from './compromisos';
export { semanaPoa } from './poa';

export type Rol = 'capturista' | 'coordinador' | 'jefe' | 'administrador';
export const LEE = {
  correspondencia: (r: Rol) => r === 'capturista' || r === 'jefe' || r === 'administrador',
  gabinete: (r: Rol) => r !== 'capturista',
};

export interface Tablero {
  tarjetas: Tarjeta[];
  vencidos: VencidosDependencia[];
  tendencia48h: PuntoTendencia[] | null;
  /** When the oldest of its figures was computed. */
  generado: number;
}

/**
 * The tablero a role sees: the sections it reads, each remembered apart (secciones.ts), assembled here with
 * the overdue items by dependencia (names and last reminders are read fresh: two small queries).
 */
export function tablero(ctx: Contexto, rol: Rol, hoy: string, semana: Semana, anterior: Semana): Tablero {
  const tarjetas: Tarjeta[] = [];
  const calculadas: number[] = [];
  const usar = <T>(c: Calculada<T>): T => (calculadas.push(c.calculado), c.valor);
  const nada = new Map<string, number>();
  let vencidos = { turnos: nada, acuerdos: nada, compromisos: nada };
  let tendencia: PuntoTendencia[] | null = null;
  if (LEE.correspondencia(rol)) {
    const c = usar(
      seccion(ctx, 'correspondencia', hoy, () => {
        const semanas = new Map<string, SemanaCorrespondencia>();
        const tarjeta = tarjetaCorrespondencia(ctx, semana, anterior, semanas);
        return { tarjeta, vencidos: turnosVencidosPorDependencia(ctx), tendencia: tendencia48h(ctx, semana, undefined, semanas) };
      }),
    );
    tarjetas.push(c.tarjeta);
    vencidos = { ...vencidos, turnos: c.vencidos };
    tendencia = c.tendencia;
  }
  if (LEE.gabinete(rol)) {
    const a = usar(seccion(ctx, 'acuerdos', hoy, () => tarjetaAcuerdos(ctx, semana, anterior)));
    const c = usar(seccion(ctx, 'compromisos', hoy, () => tarjetaCompromisos(ctx, semana, anterior)));
    tarjetas.push(a.tarjeta, c.tarjeta, usar(seccion(ctx, 'poa', hoy, () => tarjetaPoa(ctx))));
    vencidos = { ...vencidos, acuerdos: a.vencidos, compromisos: c.vencidos };
  }
  return { tarjetas, vencidos: vencidosPorDependencia(ctx, vencidos), tendencia48h: tendencia, generado: calculadas.length ? Math.min(...calculadas) : ctx.ahora() };
}

function vencidosPorDependencia(ctx: Contexto, { turnos, acuerdos, compromisos }: Record<'turnos' | 'acuerdos' | 'compromisos', Map<string, number>>): VencidosDependencia[] {
  const ids = new Set([...turnos.keys(), ...acuerdos.keys(), ...compromisos.keys()]);
  const nombres = new Map(
    (ctx.sqlite.prepare('select id, nombre, siglas from dependencias').all() as { id: string; nombre: string; siglas: string | null }[]).map((d) => [d.id, d]),
  );
  const recordados = ultimosRecordatorios(ctx);
  return [...ids]
    .map((id) => {
      const t = turnos.get(id) ?? 0;
      const a = acuerdos.get(id) ?? 0;
      const c = compromisos.get(id) ?? 0;
      const d = nombres.get(id);
      return {
        dependenciaId: id,
        nombre: d?.nombre ?? '—',
        siglas: d?.siglas ?? '',
        turnos: t,
        acuerdos: a,
        compromisos: c,
        total: t + a + c,
        enlaces: {
          turnos: t ? enlace('/correspondencia', { vencidos: 1, 'f.turnadoA': id }) : null,
          acuerdos: a ? enlace('/gabinete/acuerdos', { dependencia: id, vencidos: 1 }) : null,
          compromisos: c ? enlace('/compromisos', { dependencia: id, estatus: 'sin_avance,en_proceso' }) : null,
        },
        ultimoRecordatorio: recordados.get(id) ?? null,
      };
    })
    .sort((p, q) => q.total - p.total || p.nombre.localeCompare(q.nombre, 'es'))
    .slice(0, 10);
}
