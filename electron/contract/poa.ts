/** Metas del POA (DOMAIN §4): metas per year, capture by period, closed quarters, informes. */
import { z } from 'zod';
import { metodo, Id, Version, Semaforo, texto, textoRequerido, type Rol } from './comun';

export const LECTORES_POA: readonly Rol[] = ['coordinador', 'jefe', 'administrador'];
export const ESCRITORES_POA: readonly Rol[] = ['coordinador'];
export const CIERRAN_TRIMESTRE: readonly Rol[] = ['coordinador', 'administrador'];
export const REABREN_TRIMESTRE: readonly Rol[] = ['administrador'];

export const TipoMeta = z.enum(['acumulable', 'porcentaje'], { error: 'Tipo: elija acumulable o porcentaje.' });
export type TipoMeta = z.infer<typeof TipoMeta>;
export const Periodicidad = z.enum(['trimestral', 'mensual'], { error: 'Periodicidad: elija trimestral o mensual.' });
export type Periodicidad = z.infer<typeof Periodicidad>;

export const Anio = z
  .number({ error: 'Año: se esperaba un número.' })
  .int('Año: use un número entero.')
  .min(2000, 'Año: mínimo 2000.')
  .max(2100, 'Año: máximo 2100.');
export const Trimestre = z
  .number({ error: 'Trimestre: se esperaba un número de 1 a 4.' })
  .int('Trimestre: de 1 a 4.')
  .min(1, 'Trimestre: de 1 a 4.')
  .max(4, 'Trimestre: de 1 a 4.');

/**
 * A quantity as the user types it: a finite number ≥ 0 with at most two decimals (stored exactly as
 * integer hundredths). NaN, Infinity, text and negatives are refused with the field's name.
 */
export function cantidad(etiqueta: string) {
  return z
    .number({ error: `${etiqueta}: se esperaba un número.` })
    .refine((n) => Number.isFinite(n), `${etiqueta}: se esperaba un número.`)
    .refine((n) => n >= 0, `${etiqueta}: no puede ser negativo.`)
    .refine((n) => n <= 999_999_999, `${etiqueta}: máximo 999,999,999.`)
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, `${etiqueta}: máximo dos decimales.`);
}

export const ValorPeriodo = z.object({
  periodo: z.number().int(),
  /** Quarter (1..4) the period belongs to. */
  trimestre: z.number().int(),
  programado: z.number().nullable(),
  alcanzado: z.number().nullable(),
  comentario: z.string(),
  evidencia: z.object({ nombre: z.string() }).nullable(),
  capturadoPor: z.string().nullable(),
  cerrado: z.boolean(),
  version: Version,
});

export const Par = z.object({ programado: z.number().nullable(), alcanzado: z.number().nullable() });

export const MetaVista = z.object({
  id: Id,
  anio: z.number().int(),
  numero: z.number().int(),
  descripcion: z.string(),
  unidadId: z.string(),
  unidadClave: z.string(),
  unidadNombre: z.string(),
  unidadMedida: z.string(),
  tipo: TipoMeta,
  periodicidad: Periodicidad,
  cancelada: z.boolean(),
  motivoCancelacion: z.string().nullable(),
  version: Version,
  periodos: z.array(ValorPeriodo),
  trimestres: z.array(Par).length(4),
  anual: Par,
  /** Accumulated to the cut-off quarter (acumulable: sums; porcentaje: averages of periods with a value). */
  alCorte: Par,
  /** % cumplimiento to the cut-off (alcanzado ÷ programado × 100, one decimal), null without programado. */
  cumplimiento: z.number().nullable(),
  semaforo: Semaforo,
});
export type MetaVista = z.infer<typeof MetaVista>;

export const TotalesPoa = z.object({
  /** Only acumulable metas: percentage metas are never added (DOMAIN §4). */
  metasSumadas: z.number().int(),
  trimestres: z.array(Par).length(4),
  anual: Par,
  alCorte: Par,
  cumplimiento: z.number().nullable(),
  semaforo: Semaforo,
});

export const TableroPoa = z.object({
  anio: z.number().int(),
  corte: z.number().int(),
  cerrados: z.array(z.number().int()),
  metas: z.array(MetaVista),
  totales: TotalesPoa,
  siguienteNumero: z.number().int(),
});
export type TableroPoa = z.infer<typeof TableroPoa>;

const Programado = z.array(cantidad('Programado').nullable()).refine((a) => a.length === 4 || a.length === 12, 'Programado: capture 4 trimestres o 12 meses.');

const CamposMeta = z.object({
  descripcion: textoRequerido('Descripción', 1000),
  unidadId: Id.min(1, 'Elija la unidad administrativa.'),
  unidadMedida: textoRequerido('Unidad de medida', 100),
  tipo: TipoMeta,
  periodicidad: Periodicidad,
  programado: Programado,
});

const Numero = z
  .number({ error: 'Número: se esperaba un número.' })
  .int('Número: use un número entero.')
  .min(1, 'Número: mínimo 1.')
  .max(9999, 'Número: máximo 9,999.');

const ArchivoEntrada = z.object({
  nombre: textoRequerido('Nombre del archivo', 200),
  contenidoBase64: z.string().min(1, 'El archivo está vacío.').max(70_000_000, 'El archivo pesa más de 50 MB.'),
});

export const Cierre = z.object({
  id: Id,
  anio: z.number().int(),
  trimestre: z.number().int(),
  accion: z.enum(['cerrar', 'reabrir']),
  motivo: z.string(),
  usuario: z.string(),
  creado: z.number(),
});

const Generado = z.object({ archivoId: z.string(), nombre: z.string() });

export const poa = {
  'poa.anios': metodo({
    input: z.object({}).optional(),
    output: z.array(z.object({ anio: z.number().int(), metas: z.number().int() })),
    acceso: LECTORES_POA,
  }),
  /** The year's grid; `corte` (1..4) is the quarter "to date" (default: the current quarter, or IV for past years). */
  'poa.tablero': metodo({
    input: z.object({ anio: Anio, corte: Trimestre.optional() }),
    output: TableroPoa,
    acceso: LECTORES_POA,
  }),
  'poa.crearMeta': metodo({
    input: CamposMeta.extend({ anio: Anio, numero: Numero.optional() }),
    output: MetaVista,
    acceso: ESCRITORES_POA,
    escritura: true,
  }),
  'poa.actualizarMeta': metodo({
    input: CamposMeta.extend({ id: Id, version: Version, numero: Numero }),
    output: MetaVista,
    acceso: ESCRITORES_POA,
    escritura: true,
  }),
  'poa.cancelarMeta': metodo({
    input: z.object({ id: Id, version: Version, motivo: textoRequerido('Motivo', 1000) }),
    output: MetaVista,
    acceso: ESCRITORES_POA,
    escritura: true,
  }),
  /** Copies the year's metas (descripción, área, unidad, tipo, periodicidad, programado) into another year. */
  'poa.copiarAnio': metodo({
    input: z.object({ origen: Anio, destino: Anio }),
    output: z.object({ copiadas: z.number().int() }),
    acceso: ESCRITORES_POA,
    escritura: true,
  }),
  /** Captures (or corrects) the alcanzado of one period; checks the evidence file first, then one transaction. */
  'poa.capturar': metodo({
    input: z.object({
      metaId: Id,
      periodo: z.number({ error: 'Periodo: se esperaba un número.' }).int().min(1, 'Periodo inválido.').max(12, 'Periodo inválido.'),
      /** The period's version the user read (0 when nothing was captured). */
      version: Version,
      alcanzado: cantidad('Alcanzado').nullable(),
      comentario: texto('Comentario', 2000).default(''),
      evidencia: ArchivoEntrada.nullable().default(null),
    }),
    output: MetaVista,
    acceso: ESCRITORES_POA,
    escritura: true,
  }),
  'poa.evidencia': metodo({
    input: z.object({ metaId: Id, periodo: z.number().int().min(1).max(12) }),
    output: Generado,
    acceso: LECTORES_POA,
  }),
  'poa.cerrarTrimestre': metodo({
    input: z.object({ anio: Anio, trimestre: Trimestre, motivo: texto('Motivo', 1000).default('') }),
    output: z.array(Cierre),
    acceso: CIERRAN_TRIMESTRE,
    escritura: true,
  }),
  'poa.reabrirTrimestre': metodo({
    input: z.object({ anio: Anio, trimestre: Trimestre, motivo: textoRequerido('Motivo de la reapertura', 1000) }),
    output: z.array(Cierre),
    acceso: REABREN_TRIMESTRE,
    escritura: true,
  }),
  'poa.cierres': metodo({ input: z.object({ anio: Anio }), output: z.array(Cierre), acceso: LECTORES_POA }),
  /** Informe trimestral (to the given quarter) or anual de metas, Excel or PDF. */
  'poa.informe': metodo({
    input: z.object({
      anio: Anio,
      tipo: z.enum(['trimestral', 'anual'], { error: 'Informe: elija trimestral o anual.' }),
      trimestre: Trimestre.default(4),
      formato: z.enum(['xlsx', 'pdf'], { error: 'Formato: elija Excel o PDF.' }),
    }),
    output: Generado,
    acceso: LECTORES_POA,
  }),
};
