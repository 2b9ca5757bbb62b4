import { z } from 'zod';
import { metodo, Version, TODOS, SOLO_ADMIN, texto, textoRequerido } from './comun';

const Porcentaje = (etiqueta: string) =>
  z.number({ error: `${etiqueta}: se esperaba un número.` }).min(0, `${etiqueta}: mínimo 0 %.`).max(1000, `${etiqueta}: máximo 1000 %.`);

/**
 * Semáforo de cumplimiento bands (DOMAIN §4): verde ≥ verde.desde, amarillo in [amarillo.desde, amarillo.hasta),
 * rojo < rojo.hasta. They must meet exactly: no gap and no overlap.
 */
export const BandasSemaforo = z
  .object({
    verde: z.object({ desde: Porcentaje('Verde desde') }),
    amarillo: z.object({ desde: Porcentaje('Amarillo desde'), hasta: Porcentaje('Amarillo hasta') }),
    rojo: z.object({ hasta: Porcentaje('Rojo hasta') }),
  })
  .superRefine((b, ctx) => {
    const tramo = (a: number, c: number, de: string, a2: string) => {
      if (a < c) ctx.addIssue({ code: 'custom', message: `Hay un hueco entre ${de} (${a} %) y ${a2} (${c} %): las bandas deben tocarse.` });
      if (a > c) ctx.addIssue({ code: 'custom', message: `Las bandas ${de} (hasta ${a} %) y ${a2} (desde ${c} %) se traslapan.` });
    };
    if (b.amarillo.desde >= b.amarillo.hasta) {
      ctx.addIssue({ code: 'custom', message: 'La banda amarilla debe empezar antes de donde termina.' });
    }
    tramo(b.rojo.hasta, b.amarillo.desde, 'rojo', 'amarillo');
    tramo(b.amarillo.hasta, b.verde.desde, 'amarillo', 'verde');
  });
export type BandasSemaforo = z.infer<typeof BandasSemaforo>;

export const ValoresAjustes = z.object({
  institucion: textoRequerido('Nombre de la institución', 200),
  zonaHoraria: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('es-MX', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'Zona horaria desconocida (ejemplo: America/Hermosillo).'),
  bandas: BandasSemaforo,
  /** Días hábiles before the fecha límite at which an item is "en riesgo" (DOMAIN §5). */
  diasEnRiesgo: z.number().int().min(0).max(30),
  bloqueoMinutos: z.number({ error: 'Minutos de bloqueo: se esperaba un número.' }).int().min(1, 'Mínimo 1 minuto.').max(480, 'Máximo 480 minutos.'),
  anexoMaxMb: z.number().int().min(1, 'Mínimo 1 MB.').max(200, 'Máximo 200 MB.'),
  /** Oficios de salida (DOMAIN §1b): where they are signed and who signs them by default. */
  lugar: textoRequerido('Lugar de los oficios', 120),
  firmanteNombre: texto('Nombre del firmante', 150),
  firmanteCargo: texto('Cargo del firmante', 200),
});
export type ValoresAjustes = z.infer<typeof ValoresAjustes>;

export const Ajustes = ValoresAjustes.extend({
  version: Version,
  tieneLogo: z.boolean(),
  carpetaDatos: z.string(),
});
export type Ajustes = z.infer<typeof Ajustes>;

export const ajustes = {
  'ajustes.obtener': metodo({ input: z.object({}).optional(), output: Ajustes, acceso: TODOS }),
  'ajustes.guardar': metodo({
    input: ValoresAjustes.extend({ version: Version }),
    output: Ajustes,
    acceso: SOLO_ADMIN,
    escritura: true,
  }),
  /** The institution's logo for reports: PNG or JPEG, base64, at most 2 MB. */
  'ajustes.guardarLogo': metodo({
    input: z.object({ contenidoBase64: z.string().max(3_000_000, 'El logotipo debe pesar menos de 2 MB.').nullable() }),
    output: Ajustes,
    acceso: SOLO_ADMIN,
    escritura: true,
  }),
  'ajustes.logo': metodo({
    input: z.object({}).optional(),
    output: z.object({ tipo: z.string(), contenidoBase64: z.string() }).nullable(),
    acceso: TODOS,
  }),
};
