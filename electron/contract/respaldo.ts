import { z } from 'zod';
import { metodo, Version, SOLO_ADMIN, Instante } from './comun';

const Cantidad = (etiqueta: string, max: number) =>
  z.number({ error: `${etiqueta}: se esperaba un número.` }).int(`${etiqueta}: sin decimales.`).min(0, `${etiqueta}: mínimo 0.`).max(max, `${etiqueta}: máximo ${max}.`);

/** Ajustes › Respaldos. `destino` null: the data directory's own `respaldos` folder (same disk: only a fallback). */
export const ValoresRespaldo = z.object({
  destino: z
    .string()
    .trim()
    .max(500, 'Carpeta de destino: máximo 500 caracteres.')
    .nullable()
    .transform((d) => (d ? d : null))
    .refine((d) => d === null || /^([a-zA-Z]:[\\/]|\\\\|\/)/.test(d), 'Carpeta de destino: escriba la ruta completa (por ejemplo E:\\Respaldos o /media/usb/respaldos).'),
  /** Daily hour, office time. */
  hora: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora del respaldo diario: use HH:MM de 00:00 a 23:59.'),
  diarios: Cantidad('Respaldos diarios a conservar', 60).min(1, 'Conserve al menos 1 respaldo diario.'),
  semanales: Cantidad('Respaldos semanales a conservar', 52),
  mensuales: Cantidad('Respaldos mensuales a conservar', 120),
});
export type ValoresRespaldo = z.infer<typeof ValoresRespaldo>;

export const ResumenRespaldo = z.object({
  nombre: z.string(),
  ruta: z.string(),
  creado: Instante,
  tamano: z.number().int().nonnegative(),
  version: z.string(),
  migracion: z.string().nullable(),
  motivo: z.string(),
  equipo: z.string(),
  conteos: z.record(z.string(), z.number()),
  anexos: z.number().int().nonnegative(),
  faltantes: z.number().int().nonnegative(),
  bitacoraIntegra: z.boolean(),
  /** The last check: when it was made (verified at creation) or re-checked with Verificar. */
  verificado: z.boolean(),
  verificadoEn: Instante,
  problemas: z.array(z.string()),
});
export type ResumenRespaldo = z.infer<typeof ResumenRespaldo>;

export const EstadoRespaldos = z.object({
  ajustes: ValoresRespaldo.extend({ version: Version }),
  /** The folder backups go to now (the chosen one, or the data directory's fallback). */
  destinoEfectivo: z.string(),
  respaldos: z.array(ResumenRespaldo),
  /** A warning for the administrator (no backup in 48 h, destination missing…), or null. */
  aviso: z.string().nullable(),
  ultimo: Instante.nullable(),
});
export type EstadoRespaldos = z.infer<typeof EstadoRespaldos>;

const Ruta = z.string().trim().min(1, 'Indique la carpeta del respaldo.').max(1000);
const Tarea = z.string().min(1).max(64);

export const respaldo = {
  'respaldo.estado': metodo({ input: z.object({}).optional(), output: EstadoRespaldos, acceso: SOLO_ADMIN }),
  'respaldo.guardarAjustes': metodo({ input: ValoresRespaldo.extend({ version: Version }), output: EstadoRespaldos, acceso: SOLO_ADMIN, escritura: true }),
  /** Respaldar ahora: online copy, verified; progress arrives on `progreso` with this `tarea`. */
  'respaldo.respaldar': metodo({ input: z.object({ tarea: Tarea }), output: ResumenRespaldo, acceso: SOLO_ADMIN }),
  'respaldo.verificar': metodo({
    input: z.object({ ruta: Ruta }),
    output: z.object({ valido: z.boolean(), problemas: z.array(z.string()), respaldo: ResumenRespaldo.nullable() }),
    acceso: SOLO_ADMIN,
  }),
  /** What a backup holds and whether it can be restored here, before asking for confirmation. */
  'respaldo.examinar': metodo({
    input: z.object({ ruta: Ruta }),
    output: z.object({ respaldo: ResumenRespaldo.nullable(), restaurable: z.boolean(), motivo: z.string().nullable() }),
    acceso: SOLO_ADMIN,
  }),
  /**
   * Replaces all data with the backup's. `confirmacion` must repeat the backup's name (the dialog
   * names it). A safety backup of the current data is taken first; every session ends.
   */
  'respaldo.restaurar': metodo({
    input: z.object({ ruta: Ruta, confirmacion: z.string(), tarea: Tarea }),
    output: z.object({ restaurado: ResumenRespaldo, seguridad: z.string().nullable(), bitacoraIntegra: z.boolean() }),
    acceso: SOLO_ADMIN,
  }),
  /** The tablero's figure for administrators: age of the last good backup. */
  'respaldo.aviso': metodo({
    input: z.object({}).optional(),
    output: z.object({ ultimo: Instante.nullable(), horas: z.number().nullable(), aviso: z.string().nullable() }),
    acceso: SOLO_ADMIN,
  }),
};
