/** Lookups and guards shared by the gabinete handler files (one per sub-domain, merged in service.ts). */
import { eq } from 'drizzle-orm';
import * as s from '../../../../db/schema';
import type { Contexto } from '../../contexto';
import { AppError, conflicto, noEncontrado } from '../../errors';

export type Reunion = typeof s.reuniones.$inferSelect;

/** Anexos of a meeting: presentations and documents, checked by content. */
export const TIPOS_ANEXO = [
  'application/pdf', 'image/jpeg', 'image/png',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

export function reunionDe(ctx: Contexto, id: string): Reunion {
  const r = ctx.db.select().from(s.reuniones).where(eq(s.reuniones.id, id)).get();
  if (!r) throw noEncontrado('la reunión');
  return r;
}

export function versionDe(r: { version: number }, version: number, entidad: string) {
  if (r.version !== version) throw conflicto(entidad);
}

/** Meetings that still accept changes to their content (not closed, not cancelled). */
export function abierta(r: Reunion, que: string) {
  if (r.estatus === 'cerrada') {
    throw new AppError(
      'VALIDACION',
      `La minuta de la «${r.nombre}» ya se emitió y la reunión está cerrada: no se puede ${que}. Para corregirla, un coordinador debe reabrirla indicando el motivo.`,
      [{ campo: 'reunion', mensaje: 'Reunión cerrada.', bloqueada: true }],
    );
  }
  if (r.estatus === 'cancelada') {
    throw new AppError('VALIDACION', `La «${r.nombre}» fue cancelada: no se puede ${que}.`, [{ campo: 'reunion', mensaje: 'Reunión cancelada.' }]);
  }
}

export function dependenciaActiva(ctx: Contexto, id: string, papel: string, campo: string) {
  const d = ctx.db.select().from(s.dependencias).where(eq(s.dependencias.id, id)).get();
  if (!d) throw new AppError('VALIDACION', `${papel}: elija una dependencia de la lista.`, [{ campo, mensaje: 'Dependencia desconocida.' }]);
  if (!d.activa) {
    throw new AppError('VALIDACION', `${papel}: la dependencia «${d.nombre}» está inactiva; elija una dependencia vigente.`, [
      { campo, mensaje: 'Dependencia inactiva.' },
    ]);
  }
  return d;
}
