/** The one method of the job runner: a session stops a job it started (by the `tarea` id it chose). */
import type { Handlers } from '../contexto';

export const trabajosHandlers = {
  'trabajos.cancelar': (ctx, input) => ({ cancelada: ctx.trabajos.cancelar(input.tarea) }),
} satisfies Partial<Handlers>;
