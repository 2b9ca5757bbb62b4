/** Gabinete documents (PDF/Excel) through the shared report kit. */
import type { Handlers } from '../../contexto';
import { AppError } from '../../errors';

const pendiente = () => {
  throw new AppError('INTERNO', 'Documento en preparación.');
};

export const documentosHandlers = {
  'gabinete.documentos.convocatoria': pendiente,
  'gabinete.documentos.listaAsistencia': pendiente,
  'gabinete.documentos.ordenDia': pendiente,
  'gabinete.documentos.minuta': pendiente,
  'gabinete.documentos.carpeta': pendiente,
  'gabinete.documentos.acuerdosPorDependencia': pendiente,
} satisfies Partial<Handlers>;
