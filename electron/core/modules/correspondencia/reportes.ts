/** Correspondencia reports (acuse, volante, estatus por dependencia, listados) — built with the shared report kit. */
import type { Handlers } from '../../contexto';
import { AppError } from '../../errors';

const pendiente = () => {
  throw new AppError('INTERNO', 'Reporte aún no disponible.');
};

export const reportesHandlers = {
  'correspondencia.reportes.acuse': pendiente,
  'correspondencia.reportes.volante': pendiente,
  'correspondencia.reportes.estatusDatos': pendiente,
  'correspondencia.reportes.estatus': pendiente,
  'correspondencia.exportar.asuntos': pendiente,
  'correspondencia.exportar.turnos': pendiente,
} satisfies Partial<Handlers>;
