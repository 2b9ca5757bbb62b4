/**
 * Backups as background jobs (jobs/definir.ts): the online copy, integrity_check, row counts, the
 * bitácora chain and every hash run in a worker thread, so the people using the app are not made to
 * wait; progress reaches the administrator's bar. The CLI calls the same functions directly.
 */
import { defineJob } from '../../jobs/definir';
import { crearRespaldo, type OpcionesRespaldo } from './respaldar';
import { verificarRespaldo } from './verificar';
import { rotar, type ReglasRotacion } from './rotacion';

export interface PedidoRespaldo {
  destino: string;
  crearDestino: boolean;
  motivo: NonNullable<OpcionesRespaldo['motivo']>;
  /** The caller's progress id (Respaldar ahora). */
  tarea?: string;
  /** Rotation to apply once the new backup is verified. */
  rotacion?: ReglasRotacion;
}

export const respaldoTrabajos = {
  'respaldo.crear': defineJob(async (ctx, p: PedidoRespaldo) => {
    const r = await crearRespaldo({
      dataDir: ctx.dataDir,
      destino: p.destino,
      appRoot: ctx.appRoot,
      ahora: ctx.ahora,
      motivo: p.motivo,
      crearDestino: p.crearDestino,
      nativeBinding: ctx.nativeBinding,
      progreso: p.tarea ? (fraccion, texto) => ctx.progreso({ tarea: p.tarea!, fraccion, texto }) : undefined,
    });
    const retirados = p.rotacion ? rotar(p.destino, p.rotacion) : [];
    return { ruta: r.ruta, manifiesto: r.manifiesto, retirados };
  }),
  'respaldo.verificar': defineJob((ctx, p: { ruta: string; registrar?: boolean }) =>
    verificarRespaldo(p.ruta, ctx.appRoot, { ahora: ctx.ahora, registrar: p.registrar, nativeBinding: ctx.nativeBinding }),
  ),
};
