/** Correspondencia › series de folios (DOMAIN §1, §1b): template, default destinatario, next number. */
import { z } from 'zod';
import { metodo, clave, Id, Version, SOLO_ADMIN, sinInvisibles, textoRequerido } from '../comun';
import { Anio, Destinatario, LECTORES_CORRESPONDENCIA } from './base';

export const Plantilla = z
  .string({ error: 'Plantilla: se esperaba texto.' })
  .overwrite(sinInvisibles)
  .min(1, 'La plantilla es obligatoria.')
  .max(60, 'La plantilla admite máximo 60 caracteres.');

export const SerieFolio = z.object({
  id: Id,
  clave: z.string(),
  nombre: z.string(),
  plantilla: z.string(),
  destinatario: Destinatario.nullable(),
  /** Incoming asuntos or outgoing oficios (DOMAIN §1b); fixed when the series is created. */
  uso: z.enum(['correspondencia', 'oficios']),
  activa: z.boolean(),
  version: Version,
  /** Year of today (office time) and the next number of that year, with the folio it would produce. */
  anio: z.number().int(),
  siguiente: z.number().int(),
  ejemplo: z.string(),
  usados: z.number().int(),
});
export type SerieFolio = z.infer<typeof SerieFolio>;

const GuardarSerie = z.object({
  id: Id.optional(),
  version: Version.optional(),
  clave: clave(20, /^[A-Z0-9._-]+$/, 'La clave solo admite letras, números, punto y guion, sin espacios.'),
  nombre: textoRequerido('Nombre', 120),
  plantilla: Plantilla,
  destinatario: Destinatario.nullable().default(null),
  /** Only read when the series is created. */
  uso: z.enum(['correspondencia', 'oficios']).default('correspondencia'),
  activa: z.boolean().default(true),
});

export const metodosSeries = {
  'correspondencia.series.listar': metodo({ input: z.object({}).optional(), output: z.array(SerieFolio), acceso: LECTORES_CORRESPONDENCIA }),
  'correspondencia.series.guardar': metodo({ input: GuardarSerie, output: SerieFolio, acceso: SOLO_ADMIN, escritura: true }),
  'correspondencia.series.vistaPrevia': metodo({
    input: z.object({ plantilla: Plantilla, anio: Anio, numero: z.number().int().min(1).max(999_999_999) }),
    output: z.object({ folio: z.string() }),
    acceso: SOLO_ADMIN,
  }),
  'correspondencia.series.fijarSiguiente': metodo({
    input: z.object({
      serieId: Id,
      anio: Anio,
      siguiente: z.number({ error: 'Siguiente número: se esperaba un número.' }).int('Use un número entero.').min(1, 'El siguiente número debe ser 1 o mayor.').max(999_999_999),
    }),
    output: z.object({ serieId: Id, anio: z.number().int(), siguiente: z.number().int(), folio: z.string() }),
    acceso: SOLO_ADMIN,
    escritura: true,
  }),
};
