/**
 * The two semáforos of DOMAIN §5, one definition for the whole app. Each module maps its own estatus
 * to these inputs; the UI and the reports never recompute them.
 */
import type { ColorSemaforo, Semaforo } from '../contract/comun';
import type { CalendarioLaboral } from './modules/catalogos/calendario';
import { fechaCorta } from './tiempo';
import { cantidad } from '../contract/cifras';

/** Semáforo de estatus: verde done, amarillo in progress, rojo not started, gris left out of counts. */
export type FaseEstatus = 'hecho' | 'en_proceso' | 'sin_iniciar' | 'excluido';

const ESTATUS: Record<FaseEstatus, ColorSemaforo> = { hecho: 'verde', en_proceso: 'amarillo', sin_iniciar: 'rojo', excluido: 'gris' };

export function semaforoEstatus(fase: FaseEstatus, etiqueta: string, motivo: string | null = null): Semaforo {
  return { clave: fase, color: ESTATUS[fase], etiqueta, motivo };
}

export interface EntradaPlazo {
  /** Done (atendido, concluido, cumplido): the plazo no longer matters. */
  concluido: boolean;
  /** Left out (cancelado, anulado, informativo…). */
  excluido?: boolean;
  /** Start of the period (fecha de turno, of the acuerdo…), `YYYY-MM-DD`. */
  inicio: string;
  fechaLimite: string | null;
  /** 0..100 when the item reports progress. */
  avance?: number | null;
  hoy: string;
  calendario: CalendarioLaboral;
  /** Días hábiles before the limit at which it turns "en riesgo" (Ajustes, default 3). */
  diasEnRiesgo: number;
}

const plural = cantidad;

/** Semáforo de plazo: concluido, vencido, en_riesgo or a_tiempo, with the reason in words. */
export function semaforoPlazo(e: EntradaPlazo): Semaforo {
  if (e.excluido) return { clave: 'no_aplica', color: 'gris', etiqueta: 'No aplica', motivo: null };
  if (e.concluido) return { clave: 'concluido', color: 'verde', etiqueta: 'Concluido', motivo: null };
  if (!e.fechaLimite) return { clave: 'sin_plazo', color: 'gris', etiqueta: 'Sin plazo', motivo: null };
  if (e.hoy > e.fechaLimite) {
    const dias = e.calendario.habilesEntre(e.fechaLimite, e.hoy);
    const motivo = dias > 0 ? `Vencido hace ${plural(dias, 'día hábil', 'días hábiles')}` : `Venció el ${fechaCorta(e.fechaLimite)}`;
    return { clave: 'vencido', color: 'rojo', etiqueta: 'Vencido', motivo };
  }
  const restantes = e.calendario.habilesEntre(e.hoy, e.fechaLimite);
  if (restantes <= e.diasEnRiesgo) {
    const motivo = restantes === 0 ? 'Vence hoy' : `Vence en ${plural(restantes, 'día hábil', 'días hábiles')}`;
    return { clave: 'en_riesgo', color: 'amarillo', etiqueta: 'En riesgo', motivo };
  }
  if (e.avance !== undefined && e.avance !== null) {
    const total = e.calendario.habilesEntre(e.inicio, e.fechaLimite);
    const transcurrido = Math.max(0, e.calendario.habilesEntre(e.inicio, e.hoy));
    const esperado = total > 0 ? Math.round((transcurrido / total) * 100) : 0;
    if (e.avance < esperado) {
      return { clave: 'en_riesgo', color: 'amarillo', etiqueta: 'En riesgo', motivo: `Avance ${e.avance} % de ${esperado} % esperado` };
    }
  }
  return { clave: 'a_tiempo', color: 'verde', etiqueta: 'A tiempo', motivo: `Vence el ${fechaCorta(e.fechaLimite)}` };
}
