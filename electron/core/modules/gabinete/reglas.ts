/** Pure rules of acuerdos: semáforos, what a seguimiento does to estatus/avance, and the tablero counts. */
import type { Semaforo } from '../../../contract/comun';
import { ETIQUETA_ESTATUS_ACUERDO, type ConteoEstatus } from '../../../contract/gabinete';
import { AppError } from '../../errors';
import { semaforoEstatus, semaforoPlazo, type FaseEstatus } from '../../semaforo';
import type { CalendarioLaboral } from '../catalogos/calendario';
import { porcentaje } from '../../../contract/cifras';

export type EstatusAcuerdo = 'por_iniciar' | 'en_proceso' | 'concluido' | 'cancelado';

const FASE: Record<EstatusAcuerdo, FaseEstatus> = {
  concluido: 'hecho',
  en_proceso: 'en_proceso',
  por_iniciar: 'sin_iniciar',
  cancelado: 'excluido',
};

export interface EntradaSemaforos {
  estatus: EstatusAcuerdo;
  avance: number;
  /** Date of the meeting where it was agreed: the start of its plazo. */
  inicio: string;
  fechaCompromiso: string | null;
  motivoCancelacion?: string | null;
}

export interface Entorno {
  hoy: string;
  calendario: CalendarioLaboral;
  diasEnRiesgo: number;
}

/** Both semáforos of an acuerdo (DOMAIN §5), with the reason in words. */
export function semaforosAcuerdo(a: EntradaSemaforos, e: Entorno): { estatus: Semaforo; plazo: Semaforo } {
  const motivo = a.estatus === 'cancelado' ? (a.motivoCancelacion ? `Cancelado: ${a.motivoCancelacion}` : 'Cancelado') : a.estatus === 'en_proceso' ? `Avance ${a.avance} %` : null;
  return {
    estatus: semaforoEstatus(FASE[a.estatus], ETIQUETA_ESTATUS_ACUERDO[a.estatus], motivo),
    plazo: semaforoPlazo({
      concluido: a.estatus === 'concluido',
      excluido: a.estatus === 'cancelado',
      inicio: a.inicio,
      fechaLimite: a.fechaCompromiso,
      avance: a.avance,
      hoy: e.hoy,
      calendario: e.calendario,
      diasEnRiesgo: e.diasEnRiesgo,
    }),
  };
}

export interface CambioSeguimiento {
  estatus: EstatusAcuerdo;
  avance: number;
  /** What the core adjusted on its own, in words, recorded with the seguimiento. */
  ajuste: string | null;
}

/**
 * What a seguimiento does: concluding means 100 % (a lower avance is raised, recorded); 100 % without
 * concluding is refused so the user is asked to conclude; progress on a "por iniciar" acuerdo puts it
 * "en proceso" (recorded).
 */
export function aplicarSeguimiento(
  actual: { estatus: EstatusAcuerdo; avance: number },
  pedido: { estatus?: EstatusAcuerdo; avance?: number },
): CambioSeguimiento {
  let estatus = pedido.estatus ?? actual.estatus;
  let avance = pedido.avance ?? actual.avance;
  const ajustes: string[] = [];
  if (estatus === 'concluido' && avance < 100) {
    ajustes.push(`Al concluir, el avance pasó de ${avance} % a 100 %.`);
    avance = 100;
  } else if (avance === 100 && estatus !== 'concluido' && estatus !== 'cancelado') {
    throw new AppError(
      'VALIDACION',
      'Un avance de 100 % significa que el acuerdo está concluido. ¿Desea marcarlo como «Concluido»? Si aún no termina, indique un avance menor.',
      [{ campo: 'avance', mensaje: 'Avance de 100 % sin concluir.', confirmar: 'concluir' }],
    );
  }
  if (estatus === 'por_iniciar' && avance > 0) {
    ajustes.push(`Con avance de ${avance} %, el estatus pasó de «Por iniciar» a «En proceso».`);
    estatus = 'en_proceso';
  }
  return { estatus, avance, ajuste: ajustes.length ? ajustes.join(' ') : null };
}

export interface FilaConteo {
  estatus: EstatusAcuerdo;
  vencido: boolean;
}

const pct = (n: number, d: number) => porcentaje(n, d) ?? 0;

/** Counts and % by estatus; cancelled acuerdos are counted apart and left out of the total and the %. */
export function contar(clave: string, nombre: string, filas: Iterable<FilaConteo>): ConteoEstatus {
  const c = { por_iniciar: 0, en_proceso: 0, concluido: 0, cancelado: 0, vencidos: 0 };
  for (const f of filas) {
    c[f.estatus]++;
    if (f.vencido) c.vencidos++;
  }
  const total = c.por_iniciar + c.en_proceso + c.concluido;
  return {
    clave,
    nombre,
    ...c,
    total,
    pctConcluido: pct(c.concluido, total),
    pctEnProceso: pct(c.en_proceso, total),
    pctPorIniciar: pct(c.por_iniciar, total),
  };
}

/** Groups rows by a key and counts each group, largest first. */
export function contarPor<T extends FilaConteo>(filas: T[], clave: (f: T) => string, nombre: (f: T) => string): ConteoEstatus[] {
  const grupos = new Map<string, { nombre: string; filas: T[] }>();
  for (const f of filas) {
    const k = clave(f);
    let g = grupos.get(k);
    if (!g) grupos.set(k, (g = { nombre: nombre(f), filas: [] }));
    g.filas.push(f);
  }
  return [...grupos.entries()]
    .map(([k, g]) => contar(k, g.nombre, g.filas))
    .sort((a, b) => b.total + b.cancelado - (a.total + a.cancelado) || a.nombre.localeCompare(b.nombre, 'es'));
}
