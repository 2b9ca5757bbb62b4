/** Pure rules of Correspondencia (DOMAIN §1, §5): derived estatus, plazos, both semáforos, the 48-hour target. */
import type { Semaforo } from '../../../contract/comun';
import { semaforoEstatus, semaforoPlazo, type FaseEstatus } from '../../semaforo';
import type { CalendarioLaboral } from '../catalogos/calendario';

export type EstatusAsunto = 'por_turnar' | 'pendiente' | 'en_proceso' | 'atendido' | 'archivado' | 'anulado';
export type EstatusTurno = 'pendiente' | 'en_proceso' | 'atendido' | 'devuelto';

export const HORAS_META_TURNO = 48;
export const MS_HORA = 3_600_000;

export interface TurnoParaEstatus {
  requiereAtencion: boolean;
  estatus: EstatusTurno;
}

/** Estatus of an asunto: derived, never typed. */
export function estatusAsunto(a: { anulado: boolean; archivado: boolean; turnos: readonly TurnoParaEstatus[] }): EstatusAsunto {
  if (a.anulado) return 'anulado';
  if (a.archivado) return 'archivado';
  // A returned turno no longer counts: the asunto waits for its reasignación.
  const vigentes = a.turnos.filter((t) => t.estatus !== 'devuelto');
  if (vigentes.length === 0) return 'por_turnar';
  const req = vigentes.filter((t) => t.requiereAtencion);
  if (req.every((t) => t.estatus === 'atendido')) return 'atendido';
  if (req.some((t) => t.estatus !== 'pendiente')) return 'en_proceso';
  return 'pendiente';
}

const ETIQUETA_TURNO: Record<EstatusTurno, string> = { pendiente: 'No atendido', en_proceso: 'En proceso', atendido: 'Atendido', devuelto: 'Devuelto' };
const FASE_TURNO: Record<EstatusTurno, FaseEstatus> = { pendiente: 'sin_iniciar', en_proceso: 'en_proceso', atendido: 'hecho', devuelto: 'excluido' };

export interface TurnoParaSemaforo extends TurnoParaEstatus {
  fechaTurno: string;
  fechaLimite: string | null;
  prorrogas: number;
}

export interface Hoy {
  hoy: string;
  calendario: CalendarioLaboral;
  diasEnRiesgo: number;
}

/** Both semáforos of a turno. Informative, returned turnos and those of an anulado asunto are gray (left out of counts). */
export function semaforosTurno(t: TurnoParaSemaforo, asuntoAnulado: boolean, h: Hoy): { estatus: Semaforo; plazo: Semaforo } {
  if (t.estatus === 'devuelto' && !asuntoAnulado) {
    return {
      estatus: semaforoEstatus('excluido', 'Devuelto', 'La dependencia lo devolvió: no es de su competencia'),
      plazo: { clave: 'no_aplica', color: 'gris', etiqueta: 'No aplica', motivo: 'Turno devuelto' },
    };
  }
  const excluido = asuntoAnulado || !t.requiereAtencion;
  const estatus = excluido
    ? semaforoEstatus('excluido', asuntoAnulado ? 'Anulado' : 'Para conocimiento', asuntoAnulado ? 'El asunto fue anulado' : 'No requiere atención')
    : semaforoEstatus(FASE_TURNO[t.estatus], ETIQUETA_TURNO[t.estatus]);
  const plazo = semaforoPlazo({
    concluido: t.estatus === 'atendido',
    excluido,
    inicio: t.fechaTurno,
    fechaLimite: t.fechaLimite,
    hoy: h.hoy,
    calendario: h.calendario,
    diasEnRiesgo: h.diasEnRiesgo,
  });
  if (t.prorrogas > 0 && plazo.clave !== 'concluido' && plazo.clave !== 'no_aplica') {
    const nota = t.prorrogas === 1 ? 'con prórroga' : `con ${t.prorrogas} prórrogas`;
    return { estatus, plazo: { ...plazo, motivo: plazo.motivo ? `${plazo.motivo} (${nota})` : nota } };
  }
  return { estatus, plazo };
}

const FASE_ASUNTO: Record<EstatusAsunto, FaseEstatus> = {
  por_turnar: 'sin_iniciar',
  pendiente: 'sin_iniciar',
  en_proceso: 'en_proceso',
  atendido: 'hecho',
  archivado: 'excluido',
  anulado: 'excluido',
};
const ETIQUETA_ASUNTO: Record<EstatusAsunto, string> = {
  por_turnar: 'Por turnar', pendiente: 'Pendiente', en_proceso: 'En proceso', atendido: 'Atendido', archivado: 'Archivado', anulado: 'Anulado',
};

export function semaforoEstatusAsunto(e: EstatusAsunto): Semaforo {
  return semaforoEstatus(FASE_ASUNTO[e], ETIQUETA_ASUNTO[e]);
}

const GRAVEDAD: Record<string, number> = { vencido: 5, en_riesgo: 4, a_tiempo: 3, sin_plazo: 2, concluido: 1, no_aplica: 0 };

/**
 * Plazo semáforo of an asunto: the most urgent of its turnos'. Before it is turned, the 48-hour target
 * is the deadline (turning late shows as vencido).
 */
export function semaforoPlazoAsunto(
  estatus: EstatusAsunto,
  plazos: readonly Semaforo[],
  recibido: number,
  ahora: number,
): Semaforo {
  if (estatus === 'anulado' || estatus === 'archivado') return { clave: 'no_aplica', color: 'gris', etiqueta: 'No aplica', motivo: null };
  if (estatus === 'por_turnar') {
    const horas = (ahora - recibido) / MS_HORA;
    if (horas > HORAS_META_TURNO) {
      return { clave: 'vencido', color: 'rojo', etiqueta: 'Vencido', motivo: `Sin turnar desde hace ${Math.floor(horas).toLocaleString('es-MX')} h (meta: 48 h)` };
    }
    const restan = Math.max(0, Math.floor(HORAS_META_TURNO - horas));
    if (horas > HORAS_META_TURNO / 2) return { clave: 'en_riesgo', color: 'amarillo', etiqueta: 'En riesgo', motivo: `Turnar en las próximas ${restan} h` };
    return { clave: 'a_tiempo', color: 'verde', etiqueta: 'A tiempo', motivo: `Turnar en las próximas ${restan} h` };
  }
  let peor: Semaforo | null = null;
  for (const p of plazos) if (!peor || (GRAVEDAD[p.clave] ?? 0) > (GRAVEDAD[peor.clave] ?? 0)) peor = p;
  return peor ?? { clave: 'sin_plazo', color: 'gris', etiqueta: 'Sin plazo', motivo: null };
}

/** Default plazo: fecha de turno + the instrucción's días hábiles; informative instrucciones have none. */
export function plazoPorDefecto(cal: CalendarioLaboral, fechaTurno: string, instr: { requiereAtencion: boolean; diasHabiles: number }): string | null {
  if (!instr.requiereAtencion) return null;
  return cal.sumarHabiles(fechaTurno, instr.diasHabiles);
}

/** Hours from reception to the first turno, one decimal; null when not turned yet. */
export function horasParaTurnar(recibido: number, primerTurno: number | null): number | null {
  if (primerTurno === null) return null;
  return Math.round(((primerTurno - recibido) / MS_HORA) * 10) / 10;
}

/** Percentage by the app's one rule (contract/cifras), null when there is nothing to measure. */
export { porcentaje } from '../../../contract/cifras';

/** Semáforo of a dependencia in the status report: by % atendido, with the settings' bands. */
export function semaforoPorcentaje(p: number | null, bandas: { verde: { desde: number }; amarillo: { desde: number } }): Semaforo {
  if (p === null) return { clave: 'sin_datos', color: 'gris', etiqueta: 'Sin turnos', motivo: null };
  if (p >= bandas.verde.desde) return { clave: 'verde', color: 'verde', etiqueta: 'Satisfactorio', motivo: `${p} % atendido` };
  if (p >= bandas.amarillo.desde) return { clave: 'amarillo', color: 'amarillo', etiqueta: 'En observación', motivo: `${p} % atendido` };
  return { clave: 'rojo', color: 'rojo', etiqueta: 'Crítico', motivo: `${p} % atendido` };
}

/** A file name as the user will see it: last path segment only, no control or reserved characters. */
export function nombreSeguro(nombre: string): string {
  const base = nombre.split(/[\\/]/).pop() ?? '';
  const limpio = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return limpio || 'anexo';
}
