/** Building blocks shared by every module's part of the API contract (zod only: the renderer imports it). */
import { z } from 'zod';

z.config(z.locales.es());

export const ROLES = ['capturista', 'coordinador', 'jefe', 'administrador'] as const;
export const Rol = z.enum(ROLES);
export type Rol = z.infer<typeof Rol>;

export const ROL_ETIQUETA: Record<Rol, string> = {
  capturista: 'Capturista de correspondencia',
  coordinador: 'Coordinador de gabinete',
  jefe: 'Jefe de Oficina',
  administrador: 'Administrador',
};

/** Who may call a method: a list of roles, any signed-in user, any session even if idle-locked (unlock, sign out), or anyone (sign-in, first run). */
export type Acceso = readonly Rol[] | 'autenticado' | 'sesion' | 'publico';

export interface Metodo<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  acceso: Acceso;
  /**
   * Every method that writes: it runs inside one IMMEDIATE transaction together with its bitácora entries
   * and honours the Idempotency-Key (one that awaits first, e.g. a file check, is `escrituraAsincrona`).
   */
  escritura: boolean;
}

export function metodo<I extends z.ZodType, O extends z.ZodType>(m: {
  input: I;
  output: O;
  acceso: Acceso;
  escritura?: boolean;
}): Metodo<I, O> {
  return { ...m, escritura: m.escritura ?? false };
}

export const TODOS: readonly Rol[] = ROLES;
export const SOLO_ADMIN: readonly Rol[] = ['administrador'];

export const Id = z.string().min(1, 'Falta el identificador.').max(64);
export const Version = z.number().int().nonnegative();
export const Vacio = z.object({}).strict().optional().default({});
export const Ok = z.object({ ok: z.literal(true) });

/** Spaces and characters nobody sees (NBSP, zero-width, BOM, word joiner, soft hyphen) at either end. */
const INVISIBLES_EN_BORDES = /^[\s\u00A0\u00AD\u180E\u200B-\u200F\u2028-\u202F\u205F-\u2064\u3000\uFEFF]+|[\s\u00A0\u00AD\u180E\u200B-\u200F\u2028-\u202F\u205F-\u2064\u3000\uFEFF]+$/g;

/** Trims what the eye cannot see, so text made only of it counts as empty in a required field. */
export function sinInvisibles(s: string): string {
  return s.replace(INVISIBLES_EN_BORDES, '');
}

/** Short user text: trimmed, with a length limit so huge or malicious input is refused, not stored. */
export function texto(etiqueta: string, max = 300) {
  return z
    .string({ error: `${etiqueta}: se esperaba texto.` })
    .overwrite(sinInvisibles)
    .max(max, `${etiqueta}: máximo ${max.toLocaleString('es-MX')} caracteres.`);
}
export function textoRequerido(etiqueta: string, max = 300) {
  return texto(etiqueta, max).min(1, `${etiqueta} es obligatorio.`);
}

/**
 * The clave of something an administrator keeps (serie de folios, plantilla, catalog entry): trimmed,
 * upper case, required, at most `max` characters of the ones `permitidos` accepts (its own message).
 */
export function clave(max: number, permitidos: RegExp, mensaje: string) {
  return z
    .string({ error: 'Clave: se esperaba texto.' })
    .trim()
    .toUpperCase()
    .min(1, 'La clave es obligatoria.')
    .max(max, `La clave admite máximo ${max} caracteres.`)
    .regex(permitidos, mensaje);
}

function esFechaReal(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && y >= 1900 && y <= 2200;
}

/** A calendar date `YYYY-MM-DD` that exists (no 31 of February). */
export function fecha(etiqueta = 'Fecha') {
  return z
    .string({ error: `${etiqueta}: se esperaba una fecha.` })
    .refine(esFechaReal, `${etiqueta}: no es una fecha válida (use AAAA-MM-DD).`);
}

/** An instant as epoch milliseconds UTC. */
export const Instante = z.number().int().nonnegative();

export const Paginado = z.object({
  limite: z.number().int().min(1).max(1000).default(50),
  desplazamiento: z.number().int().min(0).default(0),
});

export const ColorSemaforo = z.enum(['verde', 'amarillo', 'rojo', 'gris']);
export type ColorSemaforo = z.infer<typeof ColorSemaforo>;

/** The official semáforo colours, the same on screen, in PDF and in Excel. */
export const HEX_SEMAFORO: Readonly<Record<ColorSemaforo, string>> = {
  verde: '#2e7d32',
  amarillo: '#f9a825',
  rojo: '#c62828',
  gris: '#9e9e9e',
};

/** A semáforo as the core computes it (DOMAIN §5); the renderer only shows it: dot + word + why. */
export const Semaforo = z.object({
  clave: z.string(),
  color: ColorSemaforo,
  etiqueta: z.string(),
  motivo: z.string().nullable(),
});
export type Semaforo = z.infer<typeof Semaforo>;
