import { z } from 'zod';
import { metodo, Id, Instante } from './comun';

export const EntradaBitacora = z.object({
  id: z.number().int(),
  momento: Instante,
  usuario: z.string().nullable(),
  metodo: z.string(),
  entidad: z.string(),
  entidadId: z.string().nullable(),
  antes: z.unknown().nullable(),
  despues: z.unknown().nullable(),
});
export type EntradaBitacora = z.infer<typeof EntradaBitacora>;

export const bitacora = {
  'bitacora.listar': metodo({
    input: z.object({
      entidad: z.string().max(60).optional(),
      entidadId: Id.optional(),
      antesDe: z.number().int().optional(),
      limite: z.number().int().min(1).max(500).default(100),
    }),
    output: z.array(EntradaBitacora),
    acceso: ['administrador', 'jefe'],
  }),
  'bitacora.verificar': metodo({
    input: z.object({}).optional(),
    output: z.object({
      integra: z.boolean(),
      total: z.number().int(),
      primerRoto: z.object({ id: z.number().int(), motivo: z.string() }).nullable(),
    }),
    acceso: ['administrador'],
  }),
};
