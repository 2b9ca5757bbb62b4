/** Compromisos de campaña (DOMAIN §3): Plan Estatal de Desarrollo, compromisos, seguimientos, semáforo. */
import { z } from 'zod';
import { metodo, Id, Version, Semaforo, ColorSemaforo, texto, textoRequerido, fecha, type Rol } from './comun';

export const LECTORES_COMPROMISOS: readonly Rol[] = ['coordinador', 'jefe', 'administrador'];
export const ESCRITORES_COMPROMISOS: readonly Rol[] = ['coordinador'];
/** The PED is a catalog: the coordinator and the administrator maintain it. */
export const EDITORES_PED: readonly Rol[] = ['coordinador', 'administrador'];

export const EstatusCompromiso = z.enum(['sin_avance', 'en_proceso', 'cumplido', 'no_procedente'], {
  error: 'Estatus: elija sin avance, en proceso, cumplido o no procedente.',
});
export type EstatusCompromiso = z.infer<typeof EstatusCompromiso>;
export const ETIQUETA_ESTATUS_COMPROMISO: Record<EstatusCompromiso, string> = {
  sin_avance: 'Sin avance',
  en_proceso: 'En proceso',
  cumplido: 'Cumplido',
  no_procedente: 'No procedente',
};

export const NivelPed = z.enum(['eje', 'objetivo', 'estrategia']);
export type NivelPed = z.infer<typeof NivelPed>;

const ClavePed = z
  .string({ error: 'Clave: se esperaba texto.' })
  .trim()
  .min(1, 'La clave es obligatoria.')
  .max(20, 'La clave admite máximo 20 caracteres.')
  .regex(/^[A-Za-z0-9ÑñÁÉÍÓÚáéíóú._-]+$/, 'La clave solo admite letras, números, punto y guion, sin espacios.');

export const ElementoPed = z.object({
  id: Id,
  nivel: NivelPed,
  padreId: Id.nullable(),
  clave: z.string(),
  texto: z.string(),
  activa: z.boolean(),
  version: Version,
});
export type ElementoPed = z.infer<typeof ElementoPed>;

/** Avance %: an integer 0..100. */
export const Avance = z
  .number({ error: 'Avance: se esperaba un número.' })
  .int('Avance: use un número entero de 0 a 100.')
  .min(0, 'Avance: no puede ser negativo (0 a 100 %).')
  .max(100, 'Avance: no puede pasar de 100 %.');

/** A municipio key of the 72 (INEGI, e.g. "26030"), or null for "Estatal". */
const MunicipioEntrada = z
  .string({ error: 'Municipio: se esperaba la clave de un municipio o «Estatal».' })
  .trim()
  .max(10, 'Municipio: clave inválida.')
  .nullable();

const CamposCompromiso = z.object({
  descripcion: textoRequerido('Descripción', 2000),
  fechaCompromiso: fecha('Fecha en que se comprometió'),
  municipioClave: MunicipioEntrada,
  estrategiaId: Id.nullable().default(null),
  dependenciaId: Id.min(1, 'Elija la dependencia responsable.'),
  corresponsables: z.array(Id).max(30, 'Máximo 30 corresponsables.').default([]),
  fechaEstimada: fecha('Fecha estimada de cumplimiento').nullable().default(null),
});

const Numero = z
  .number({ error: 'Número: se esperaba un número.' })
  .int('Número: use un número entero.')
  .min(1, 'Número: mínimo 1.')
  .max(99999, 'Número: máximo 99,999.');

export const Alineacion = z.object({
  ejeId: z.string().nullable(),
  ejeClave: z.string().nullable(),
  ejeTexto: z.string().nullable(),
  objetivoId: z.string().nullable(),
  objetivoClave: z.string().nullable(),
  estrategiaId: z.string().nullable(),
  estrategiaClave: z.string().nullable(),
  estrategiaTexto: z.string().nullable(),
});

export const CompromisoResumen = z.object({
  id: Id,
  numero: z.number().int(),
  descripcion: z.string(),
  fechaCompromiso: z.string(),
  municipioClave: z.string().nullable(),
  municipio: z.string(),
  dependenciaId: z.string(),
  dependencia: z.string(),
  dependenciaSiglas: z.string(),
  corresponsables: z.array(z.object({ id: z.string(), nombre: z.string(), siglas: z.string() })),
  alineacion: Alineacion,
  estatus: EstatusCompromiso,
  estatusEtiqueta: z.string(),
  motivoNoProcedente: z.string().nullable(),
  avance: z.number().int(),
  fechaEstimada: z.string().nullable(),
  semaforo: Semaforo,
  plazo: Semaforo,
  version: Version,
  /** Only with the seguimiento filter: seguimientos recorded in that range. */
  seguimientosEnPeriodo: z.number().int().optional(),
  /** Only with `alCierre`: estatus and avance at that close. */
  alCierre: z.object({ estatus: EstatusCompromiso, avance: z.number().int() }).optional(),
});
export type CompromisoResumen = z.infer<typeof CompromisoResumen>;

export const SeguimientoCompromiso = z.object({
  id: Id,
  fecha: z.string(),
  nota: z.string(),
  estatusAnterior: EstatusCompromiso,
  estatus: EstatusCompromiso,
  avanceAnterior: z.number().int(),
  avance: z.number().int(),
  motivo: z.string().nullable(),
  evidencia: z.object({ sha256: z.string(), nombre: z.string() }).nullable(),
  autor: z.string(),
  creado: z.number(),
});

export const CompromisoDetalle = CompromisoResumen.extend({ seguimientos: z.array(SeguimientoCompromiso) });
export type CompromisoDetalle = z.infer<typeof CompromisoDetalle>;

export const FiltrosCompromisos = z
  .object({
    texto: texto('Búsqueda', 200).default(''),
    dependenciaId: Id.optional(),
    /** A municipio key, or "ESTATAL". */
    municipio: z.string().max(10).optional(),
    ejeId: Id.optional(),
    objetivoId: Id.optional(),
    estrategiaId: Id.optional(),
    estatus: z.array(EstatusCompromiso).max(4).optional(),
    semaforo: z.array(ColorSemaforo).max(4).optional(),
    /** Semáforo de plazo (fecha estimada de cumplimiento). */
    plazo: z.array(z.enum(['vencido', 'en_riesgo', 'a_tiempo', 'concluido', 'sin_plazo', 'no_aplica'])).max(6).optional(),
    avanceMin: Avance.optional(),
    avanceMax: Avance.optional(),
    fechaDesde: fecha('Fecha desde').optional(),
    fechaHasta: fecha('Fecha hasta').optional(),
    /** Marked cumplido (a seguimiento that changed it to cumplido) between these days, inclusive. */
    cumplidoDesde: fecha('Cumplido desde').optional(),
    cumplidoHasta: fecha('Cumplido hasta').optional(),
    /** With a seguimiento recorded between these days, inclusive; each item then says how many (`seguimientosEnPeriodo`). */
    seguimientoDesde: fecha('Seguimientos desde').optional(),
    seguimientoHasta: fecha('Seguimientos hasta').optional(),
    /**
     * As they stood at the close of this day (rebuilt from the seguimientos): only those made by then,
     * `estatus` filters the estatus they had then, and each item carries it (`alCierre`).
     */
    alCierre: fecha('Al cierre del').optional(),
  })
  .default({ texto: '' });
export type FiltrosCompromisos = z.input<typeof FiltrosCompromisos>;

/** One group of the semáforo de cumplimiento: counts and percentages (over the counted ones) that add up to 100. */
export const ConteoSemaforo = z.object({
  clave: z.string(),
  nombre: z.string(),
  total: z.number().int(),
  contados: z.number().int(),
  cumplido: z.number().int(),
  en_proceso: z.number().int(),
  sin_avance: z.number().int(),
  no_procedente: z.number().int(),
  porcentajes: z.object({ cumplido: z.number(), en_proceso: z.number(), sin_avance: z.number() }),
  avancePromedio: z.number(),
});
export type ConteoSemaforo = z.infer<typeof ConteoSemaforo>;

export const SemaforoCompromisos = z.object({
  general: ConteoSemaforo,
  porDependencia: z.array(ConteoSemaforo),
  porMunicipio: z.array(ConteoSemaforo),
  porEje: z.array(ConteoSemaforo),
});
export type SemaforoCompromisos = z.infer<typeof SemaforoCompromisos>;

const ArchivoEntrada = z.object({
  nombre: textoRequerido('Nombre del archivo', 200),
  contenidoBase64: z.string().min(1, 'El archivo está vacío.').max(70_000_000, 'El archivo pesa más de 50 MB.'),
});

export const SeguimientoEntrada = z
  .object({
    compromisoId: Id,
    /** The version the user read; the follow-up fails with CONFLICTO if the compromiso moved meanwhile. */
    version: Version,
    fecha: fecha('Fecha del seguimiento'),
    nota: textoRequerido('Nota', 4000),
    estatus: EstatusCompromiso.optional(),
    avance: Avance.optional(),
    motivo: texto('Motivo', 1000).default(''),
    evidencia: ArchivoEntrada.nullable().default(null),
  })
  .superRefine((s, ctx) => {
    if (s.estatus === 'no_procedente' && !s.motivo) {
      ctx.addIssue({ code: 'custom', path: ['motivo'], message: 'Para marcar el compromiso como no procedente escriba el motivo.' });
    }
    if (s.estatus === 'cumplido' && s.avance !== undefined && s.avance !== 100) {
      ctx.addIssue({ code: 'custom', path: ['avance'], message: 'Un compromiso cumplido tiene 100 % de avance.' });
    }
  });

const Generado = z.object({ archivoId: z.string(), nombre: z.string() });
const Formato = z.enum(['xlsx', 'pdf'], { error: 'Formato: elija Excel o PDF.' });

export const compromisos = {
  'compromisos.ped.listar': metodo({
    input: z.object({ incluirInactivas: z.boolean().default(false) }).optional(),
    output: z.array(ElementoPed),
    acceso: LECTORES_COMPROMISOS,
  }),
  /** Creates (without id) or edits (with id + version) an eje, objetivo or estrategia. */
  'compromisos.ped.guardar': metodo({
    input: z.object({
      id: Id.optional(),
      version: Version.optional(),
      nivel: NivelPed,
      padreId: Id.nullable().default(null),
      clave: ClavePed,
      texto: textoRequerido('Texto', 1000),
    }),
    output: ElementoPed,
    acceso: EDITORES_PED,
    escritura: true,
  }),
  'compromisos.ped.cambiarActiva': metodo({
    input: z.object({ id: Id, version: Version, activa: z.boolean() }),
    output: ElementoPed,
    acceso: EDITORES_PED,
    escritura: true,
  }),

  'compromisos.listar': metodo({
    input: FiltrosCompromisos,
    output: z.object({ total: z.number().int(), siguienteNumero: z.number().int(), items: z.array(CompromisoResumen) }),
    acceso: LECTORES_COMPROMISOS,
  }),
  'compromisos.obtener': metodo({ input: z.object({ id: Id }), output: CompromisoDetalle, acceso: LECTORES_COMPROMISOS }),
  'compromisos.crear': metodo({
    input: CamposCompromiso.extend({ numero: Numero.optional() }),
    output: CompromisoDetalle,
    acceso: ESCRITORES_COMPROMISOS,
    escritura: true,
  }),
  'compromisos.actualizar': metodo({
    input: CamposCompromiso.extend({ id: Id, version: Version, numero: Numero }),
    output: CompromisoDetalle,
    acceso: ESCRITORES_COMPROMISOS,
    escritura: true,
  }),
  /** Appends a seguimiento (checks the evidence file first, then one transaction). */
  'compromisos.agregarSeguimiento': metodo({
    input: SeguimientoEntrada,
    output: CompromisoDetalle,
    acceso: ESCRITORES_COMPROMISOS,
    escritura: true,
  }),
  /** A copy of an evidence file, handed out like a generated file. */
  'compromisos.evidencia': metodo({ input: z.object({ seguimientoId: Id }), output: Generado, acceso: LECTORES_COMPROMISOS }),

  'compromisos.semaforo': metodo({ input: FiltrosCompromisos, output: SemaforoCompromisos, acceso: LECTORES_COMPROMISOS }),
  /** Catálogo de compromisos: what the list shows with the same filters (Excel, or PDF to print). */
  'compromisos.reporteCatalogo': metodo({
    input: z.object({ formato: Formato.default('xlsx'), filtros: FiltrosCompromisos }),
    output: Generado,
    acceso: LECTORES_COMPROMISOS,
  }),
  'compromisos.reporteSemaforo': metodo({
    input: z.object({ formato: Formato, filtros: FiltrosCompromisos }),
    output: Generado,
    acceso: LECTORES_COMPROMISOS,
  }),
};
