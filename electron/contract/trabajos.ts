/** Background jobs (exports, reports, verifications): the caller may stop one it started. */
import { z } from 'zod';
import { metodo } from './comun';

export const trabajos = {
  'trabajos.cancelar': metodo({
    input: z.object({ tarea: z.string().min(1).max(80) }).strict(),
    output: z.object({ cancelada: z.boolean() }),
    acceso: 'autenticado',
  }),
};
