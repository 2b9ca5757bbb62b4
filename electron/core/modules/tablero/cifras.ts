/**
 * The figures of the tablero and the informe semanal. Domain rules are the modules' own: the Reporte de
 * Estatus (48 h target), the bandeja's counters (same WHERE as the list a figure links to), the acuerdos'
 * and compromisos' semáforo functions and the POA aggregation. Only what they don't expose is read with
 * read-only, indexed SQL over their tables, one sibling file per module; this file assembles the tablero.
 */
import type { Tarjeta, VencidosDependencia } from '../../../contract/tablero';
import type { Contexto } from '../../contexto';
import { tarjetaAcuerdos } from './acuerdos';
import { tarjetaCompromisos } from './compromisos';
import { tarjetaCorrespondencia, turnosVencidosPorDependencia, type SemanaCorrespondencia } from './correspondencia';
import { tarjetaPoa } from './poa';
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

export function tarjetasYVencidos(
  ctx: Contexto,
  rol: Rol,
  semana: Semana,
  anterior: Semana,
): { tarjetas: Tarjeta[]; vencidos: VencidosDependencia[]; calculadas: Map<string, SemanaCorrespondencia> } {
  const tarjetas: Tarjeta[] = [];
  const calculadas = new Map<string, SemanaCorrespondencia>();
  let turnos = new Map<string, number>();
  let acuerdos = new Map<string, number>();
  let compromisos = new Map<string, number>();
  if (LEE.correspondencia(rol)) {
    tarjetas.push(tarjetaCorrespondencia(ctx, semana, anterior, calculadas));
    turnos = turnosVencidosPorDependencia(ctx);
  }
  if (LEE.gabinete(rol)) {
    const a = tarjetaAcuerdos(ctx, semana, anterior);
    const c = tarjetaCompromisos(ctx, semana, anterior);
    tarjetas.push(a.tarjeta, c.tarjeta, tarjetaPoa(ctx));
    acuerdos = a.vencidos;
    compromisos = c.vencidos;
  }
  const ids = new Set([...turnos.keys(), ...acuerdos.keys(), ...compromisos.keys()]);
  const nombres = new Map(
    (ctx.sqlite.prepare('select id, nombre, siglas from dependencias').all() as { id: string; nombre: string; siglas: string | null }[]).map((d) => [d.id, d]),
  );
  const recordados = ultimosRecordatorios(ctx);
  const vencidos = [...ids]
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
  return { tarjetas, vencidos, calculadas };
}
