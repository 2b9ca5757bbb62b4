import { z } from 'zod';
import { metodo, clave, type Metodo, Id, Version, Ok, TODOS, SOLO_ADMIN, texto, textoRequerido, fecha } from './comun';

const Clave = clave(20, /^[A-Z0-9ÑÁÉÍÓÚÜ._-]+$/, 'La clave solo admite letras, números, punto y guion, sin espacios.');

const Base = z.object({ id: Id, activa: z.boolean(), version: Version });
const ListarInput = z.object({ incluirInactivas: z.boolean().default(false) }).optional();
const CambiarActivaInput = z.object({ id: Id, version: Version, activa: z.boolean() });
const EliminarInput = z.object({ id: Id });

type Metodos<N extends string, R extends z.ZodType, E extends z.ZodType> = {
  [K in N as `catalogos.${K}.listar`]: Metodo<typeof ListarInput, z.ZodArray<R>>;
} & { [K in N as `catalogos.${K}.guardar`]: Metodo<E, R> } & {
  [K in N as `catalogos.${K}.cambiarActiva`]: Metodo<typeof CambiarActivaInput, R>;
} & { [K in N as `catalogos.${K}.eliminar`]: Metodo<typeof EliminarInput, typeof Ok> };

/**
 * The four methods every editable catalog has. `campos` is the record without id/activa/version;
 * `guardar` creates when `id` is absent and updates (checking `version`) when present.
 */
function catalogo<N extends string, C extends z.ZodRawShape>(nombre: N, campos: C) {
  const Registro = Base.extend(campos);
  const Entrada = z.object(campos).extend({ id: Id.optional(), version: Version.optional() });
  return {
    Registro,
    Entrada,
    metodos: {
      [`catalogos.${nombre}.listar`]: metodo({ input: ListarInput, output: z.array(Registro), acceso: TODOS }),
      [`catalogos.${nombre}.guardar`]: metodo({ input: Entrada, output: Registro, acceso: SOLO_ADMIN, escritura: true }),
      [`catalogos.${nombre}.cambiarActiva`]: metodo({
        input: CambiarActivaInput,
        output: Registro,
        acceso: SOLO_ADMIN,
        escritura: true,
      }),
      [`catalogos.${nombre}.eliminar`]: metodo({ input: EliminarInput, output: Ok, acceso: SOLO_ADMIN, escritura: true }),
    } as unknown as Metodos<N, typeof Registro, typeof Entrada>,
  };
}

export const Dependencia = catalogo('dependencias', {
  clave: Clave,
  nombre: textoRequerido('Nombre', 200),
  siglas: texto('Siglas', 30).default(''),
  titular: texto('Titular', 150).default(''),
});
export const Unidad = catalogo('unidades', { clave: Clave, nombre: textoRequerido('Nombre', 200) });
/** Why a meeting-name template is unusable: only `{ordinal}` and `{tema}` exist (as folio templates only know theirs). */
export function errorPlantillaNombre(plantilla: string): string | null {
  for (const m of plantilla.matchAll(/\{([^{}]*)\}/g)) {
    if (m[1] !== 'ordinal' && m[1] !== 'tema') {
      return `La plantilla tiene un marcador desconocido «{${m[1]}}»; use {ordinal} o {tema}.`;
    }
  }
  if (/[{}]/.test(plantilla.replace(/\{[^{}]*\}/g, ''))) return 'La plantilla tiene llaves sin cerrar.';
  if (/[\u0000-\u001f]/.test(plantilla)) return 'La plantilla no admite caracteres de control.';
  return null;
}

export const TipoGabinete = catalogo('tiposGabinete', {
  clave: Clave,
  nombre: textoRequerido('Nombre', 120),
  numeracion: z.enum(['por_tipo', 'por_tema', 'ninguna'], { error: 'Numeración: elija por tipo, por tema o ninguna.' }),
  plantilla: textoRequerido('Plantilla del nombre', 200).superRefine((p, c) => {
    const error = errorPlantillaNombre(p);
    if (error) c.addIssue({ code: 'custom', message: error });
  }),
});
export const SerieDocumental = catalogo('seriesDocumentales', {
  clave: Clave,
  nombre: textoRequerido('Nombre', 200),
});
export const Instruccion = catalogo('instrucciones', {
  clave: Clave,
  nombre: textoRequerido('Instrucción', 200),
  requiereAtencion: z.boolean({ error: '¿Requiere atención?: elija sí o no.' }),
  diasHabiles: z
    .number({ error: 'Días hábiles: se esperaba un número.' })
    .int('Días hábiles: use un número entero.')
    .min(0, 'Días hábiles: no puede ser negativo.')
    .max(365, 'Días hábiles: máximo 365.'),
});
export const DiaInhabil = catalogo('diasInhabiles', {
  fecha: fecha('Fecha'),
  descripcion: textoRequerido('Descripción', 200),
});

export const Municipio = z.object({ clave: z.string(), nombre: z.string() });
export const DiaCalendario = z.object({ fecha: z.string(), descripcion: z.string(), oficial: z.boolean() });

export type Dependencia = z.infer<typeof Dependencia.Registro>;
export type Unidad = z.infer<typeof Unidad.Registro>;
export type TipoGabinete = z.infer<typeof TipoGabinete.Registro>;
export type SerieDocumental = z.infer<typeof SerieDocumental.Registro>;
export type Instruccion = z.infer<typeof Instruccion.Registro>;
export type DiaInhabil = z.infer<typeof DiaInhabil.Registro>;

export const catalogos = {
  ...Dependencia.metodos,
  ...Unidad.metodos,
  ...TipoGabinete.metodos,
  ...SerieDocumental.metodos,
  ...Instruccion.metodos,
  ...DiaInhabil.metodos,
  'catalogos.municipios.listar': metodo({ input: z.object({}).optional(), output: z.array(Municipio), acceso: TODOS }),
  'catalogos.diasInhabiles.calendario': metodo({
    input: z.object({ anio: z.number().int().min(2000, 'Año fuera de rango.').max(2100, 'Año fuera de rango.') }),
    output: z.array(DiaCalendario),
    acceso: TODOS,
  }),
};
