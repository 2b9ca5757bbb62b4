/** Lectura de escaneos (OCR): reading queue, its settings, search matches inside anexos, Registrar desde escaneo. */
import { z } from 'zod';
import { metodo, Id, Instante, SOLO_ADMIN, texto } from './comun';
import { ArchivoEntrada, CAPTURA_CORRESPONDENCIA, LECTORES_CORRESPONDENCIA } from './correspondencia';

export const EstadoLectura = z.enum(['pendiente', 'leyendo', 'listo', 'error', 'quitado']);
export type EstadoLectura = z.infer<typeof EstadoLectura>;

/** How far the reading of one anexo went ("Leyendo página 2 de 5"). */
export const Lectura = z.object({
  anexoId: Id,
  asuntoId: Id,
  sha256: z.string(),
  estado: EstadoLectura,
  paginas: z.number().int().nullable(),
  leidas: z.number().int(),
  mensaje: z.string(),
  actualizado: Instante,
});
export type Lectura = z.infer<typeof Lectura>;

const Hora = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora: use HH:MM (24 horas).');

export const AjustesOcr = z
  .object({
    /** Off: nothing is read (the queue keeps growing and is read when turned on again). */
    activo: z.boolean(),
    /** Only on días hábiles between horaInicio and horaFin (office time). */
    soloHorarioLaboral: z.boolean(),
    horaInicio: Hora,
    horaFin: Hora,
  })
  .refine((a) => a.horaInicio < a.horaFin, { message: 'La hora de inicio debe ser anterior a la de fin.', path: ['horaFin'] });
export type AjustesOcr = z.infer<typeof AjustesOcr>;

export const FilaCola = Lectura.extend({ folio: z.string(), nombre: z.string() });

export const Cola = z.object({
  ajustes: AjustesOcr,
  /** Whether the reader is working now (on, and within hours). */
  trabajando: z.boolean(),
  porLeer: z.number().int(),
  filas: z.array(FilaCola),
});

/** Where a search matched inside an anexo: the page and a snippet, the words between \u0002 and \u0003. */
export const Coincidencia = z.object({
  asuntoId: Id,
  anexoId: Id,
  sha256: z.string(),
  nombre: z.string(),
  pagina: z.number().int(),
  fragmento: z.string(),
  /** The asunto's own fields do not contain the words: it was found only inside the scan. */
  soloEnAnexo: z.boolean(),
});
export type Coincidencia = z.infer<typeof Coincidencia>;

/** Proposals read from a scan for the Registrar form (never saved by themselves). */
export const Sugerencias = z.object({
  oficioNumero: z.string().nullable(),
  oficioFecha: z.string().nullable(),
  remitenteNombre: z.string().nullable(),
  remitenteCargo: z.string().nullable(),
  remitenteOrganizacion: z.string().nullable(),
  municipioClave: z.string().nullable(),
  asunto: z.string().nullable(),
});
export type Sugerencias = z.infer<typeof Sugerencias>;

export const ocr = {
  'ocr.lecturas': metodo({ input: z.object({ asuntoId: Id }), output: z.array(Lectura), acceso: LECTORES_CORRESPONDENCIA }),
  'ocr.cola': metodo({ input: z.object({}).optional(), output: Cola, acceso: SOLO_ADMIN }),
  'ocr.guardarAjustes': metodo({ input: AjustesOcr, output: AjustesOcr, acceso: SOLO_ADMIN, escritura: true }),
  /** Stops reading an anexo (its text leaves the search); `reintentar` puts it back. */
  'ocr.quitar': metodo({ input: z.object({ anexoId: Id }), output: Lectura, acceso: SOLO_ADMIN, escritura: true }),
  'ocr.reintentar': metodo({ input: z.object({ anexoId: Id }), output: Lectura, acceso: SOLO_ADMIN, escritura: true }),
  'ocr.coincidencias': metodo({
    input: z.object({ texto: texto('Búsqueda', 200), asuntoIds: z.array(Id).max(200) }),
    output: z.array(Coincidencia),
    acceso: LECTORES_CORRESPONDENCIA,
  }),
  /** Reads page 1 of a scan dropped on Registrar and proposes the form's fields. */
  'ocr.leerEscaneo': metodo({
    input: z.object({ archivo: ArchivoEntrada }),
    output: z.object({ paginas: z.number().int(), texto: z.string(), sugerencias: Sugerencias }),
    acceso: CAPTURA_CORRESPONDENCIA,
  }),
};
