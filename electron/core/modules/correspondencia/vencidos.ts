/**
 * Correspondencia › turnos vencidos (and, optionally, en riesgo) at a cut-off date, with the plazo semáforo
 * computed as of that date: what a recordatorio to each dependencia lists (DOMAIN §1b).
 */
import type { Contexto } from '../../contexto';
import { semaforoPlazo } from '../../semaforo';
import { st } from './datos';

export interface TurnoVencido {
  turnoId: string;
  asuntoId: string;
  dependenciaId: string;
  folio: string;
  anio: number;
  numero: number;
  asunto: string;
  fechaTurno: string;
  fechaLimite: string;
  /** Días hábiles from the fecha límite to the cut-off (0 or negative when only en riesgo). */
  diasVencidos: number;
  situacion: 'vencido' | 'en_riesgo';
  /** "Vencido hace 12 días hábiles", "Vence en 2 días hábiles". */
  motivo: string;
}

/** Open turnos that require attention, of asuntos neither anulados nor archivados, due before `corte` (or within the risk window). */
export function turnosVencidos(ctx: Contexto, corte: string, conRiesgo: boolean, dependenciaId: string | null = null): TurnoVencido[] {
  const { diasEnRiesgo } = ctx.ajustes();
  const calendario = ctx.calendario();
  const hasta = conRiesgo ? calendario.sumarHabiles(corte, diasEnRiesgo) : corte;
  const filas = st(
    ctx,
    `select t.id as turnoId, t.asunto_id as asuntoId, t.dependencia_id as dependenciaId, a.folio, a.anio, a.numero, a.asunto,
       t.fecha_turno as fechaTurno, t.fecha_limite as fechaLimite
     from turnos t indexed by turnos_vencimiento join asuntos a on a.id = t.asunto_id
     where t.estatus in ('pendiente', 'en_proceso') and t.fecha_limite is not null and t.fecha_limite ${conRiesgo ? '<=' : '<'} @hasta
       and t.requiere_atencion = 1 and a.estatus not in ('anulado', 'archivado')
       and (@dep is null or t.dependencia_id = @dep)
     order by t.dependencia_id, t.fecha_limite, a.anio, a.numero`,
  ).all({ hasta, dep: dependenciaId }) as Omit<TurnoVencido, 'diasVencidos' | 'situacion' | 'motivo'>[];
  // Without avance the semáforo depends only on the fecha límite: computed once per date (a run lists tens of thousands).
  const porFecha = new Map<string, Pick<TurnoVencido, 'diasVencidos' | 'situacion' | 'motivo'> | null>();
  const out: TurnoVencido[] = [];
  for (const f of filas) {
    let v = porFecha.get(f.fechaLimite);
    if (v === undefined) {
      const s = semaforoPlazo({ concluido: false, inicio: f.fechaTurno, fechaLimite: f.fechaLimite, hoy: corte, calendario, diasEnRiesgo });
      v = s.clave === 'vencido' || s.clave === 'en_riesgo' ? { diasVencidos: calendario.habilesEntre(f.fechaLimite, corte), situacion: s.clave, motivo: s.motivo ?? s.etiqueta } : null;
      porFecha.set(f.fechaLimite, v);
    }
    if (!v) continue;
    const t = f as TurnoVencido;
    t.diasVencidos = v.diasVencidos;
    t.situacion = v.situacion;
    t.motivo = v.motivo;
    out.push(t);
  }
  return out;
}
