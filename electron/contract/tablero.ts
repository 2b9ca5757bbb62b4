/** Tablero de control e Informe semanal del Jefe de Oficina (DOMAIN §6). */
import { z } from 'zod';
import { metodo, fecha, ColorSemaforo, Instante, TODOS, type Rol } from './comun';

export const LECTORES_INFORME: readonly Rol[] = ['jefe', 'administrador'];

/**
 * Where a figure leads: a route of the app with the query its list page understands, e.g.
 * `/correspondencia?vencidos=1&f.turnadoA=…`; null when no list shows exactly that figure.
 */
export const Enlace = z.string().nullable();

export const Semana = z.object({ desde: z.string(), hasta: z.string() });
export type Semana = z.infer<typeof Semana>;

/** A weekly figure beside the previous week's, with the change (actual − anterior). */
export const Comparacion = z.object({
  clave: z.string(),
  etiqueta: z.string(),
  unidad: z.enum(['cantidad', 'porcentaje', 'horas']),
  actual: z.number().nullable(),
  anterior: z.number().nullable(),
  cambio: z.number().nullable(),
  enlace: Enlace,
  enlaceAnterior: Enlace,
});
export type Comparacion = z.infer<typeof Comparacion>;

export const Segmento = z.object({
  clave: z.string(),
  etiqueta: z.string(),
  color: ColorSemaforo,
  valor: z.number().int(),
  enlace: Enlace,
});
export type Segmento = z.infer<typeof Segmento>;

export const ModuloTablero = z.enum(['correspondencia', 'acuerdos', 'compromisos', 'poa']);
export type ModuloTablero = z.infer<typeof ModuloTablero>;

export const Tarjeta = z.object({
  modulo: ModuloTablero,
  titulo: z.string(),
  /** What is counted ("asuntos", "acuerdos", "compromisos", "metas"). */
  unidad: z.string(),
  total: z.number().int(),
  enlace: Enlace,
  /** Semáforo de estatus: verde, amarillo, rojo (and gris: left out of the counts). */
  estatus: z.array(Segmento),
  /** Semáforo de plazo (vencido first); empty when the module has no plazos (POA). */
  plazo: z.array(Segmento),
  nota: z.string().nullable(),
  semana: z.array(Comparacion),
});
export type Tarjeta = z.infer<typeof Tarjeta>;

export const VencidosDependencia = z.object({
  dependenciaId: z.string(),
  nombre: z.string(),
  siglas: z.string(),
  turnos: z.number().int(),
  acuerdos: z.number().int(),
  compromisos: z.number().int(),
  total: z.number().int(),
  enlaces: z.object({ turnos: Enlace, acuerdos: Enlace, compromisos: Enlace }),
  /** The last recordatorio (oficio de salida) sent to the dependencia, if any. */
  ultimoRecordatorio: z.object({ numero: z.string(), fecha: z.string() }).nullable(),
});
export type VencidosDependencia = z.infer<typeof VencidosDependencia>;

export const PuntoTendencia = z.object({
  desde: z.string(),
  hasta: z.string(),
  /** "16 nov" */
  etiqueta: z.string(),
  porcentaje: z.number().nullable(),
  turnadosEn48h: z.number().int(),
  medibles: z.number().int(),
  /** `informe`: the figure printed in that week's informe (snapshot); `datos`: computed from the data now. */
  fuente: z.enum(['informe', 'datos']),
  enlace: Enlace,
});
export type PuntoTendencia = z.infer<typeof PuntoTendencia>;

export const Resumen = z.object({
  generado: Instante,
  hoy: z.string(),
  semana: Semana,
  anterior: Semana,
  tarjetas: z.array(Tarjeta),
  /** Top 10 dependencias by overdue items of the modules the role reads. */
  vencidosPorDependencia: z.array(VencidosDependencia),
  /** % of asuntos turned within 48 h, 12 weeks ending this week; null when the role does not read correspondencia. */
  tendencia48h: z.array(PuntoTendencia).nullable(),
});
export type Resumen = z.infer<typeof Resumen>;

// ───────────── Informe semanal ─────────────

const FilaDependencia = z.object({
  dependenciaId: z.string(),
  dependencia: z.string(),
  siglas: z.string(),
  turnadosSemana: z.number().int(),
  atendidosSemana: z.number().int(),
  /** Open at the corte (turned, not yet attended). */
  pendientes: z.number().int(),
  vencidos: z.number().int(),
});

const Reunion = z.object({ nombre: z.string(), fecha: z.string(), hora: z.string(), estatus: z.string(), acuerdos: z.number().int() });
const AcuerdoVencido = z.object({ codigo: z.string(), descripcion: z.string(), dependencia: z.string(), fechaCompromiso: z.string().nullable(), motivo: z.string() });
const CambioCompromiso = z.object({
  numero: z.number().int(),
  descripcion: z.string(),
  dependencia: z.string(),
  fecha: z.string(),
  estatusAnterior: z.string(),
  estatus: z.string(),
  avanceAnterior: z.number(),
  avance: z.number(),
});
const MetaPoa = z.object({ numero: z.number().int(), descripcion: z.string(), unidad: z.string(), cumplimiento: z.number().nullable(), color: ColorSemaforo, semaforo: z.string() });

export const Informe = z.object({
  semana: Semana,
  anterior: Semana,
  /** The date at which states (pending, overdue) are measured: the week's Sunday, or today for the week in progress. */
  corte: z.string(),
  enCurso: z.boolean(),
  generado: Instante,
  indicadores: z.array(Comparacion),
  correspondencia: z.object({
    recibidos: z.number().int(),
    turnados: z.number().int(),
    turnadosEn48h: z.number().int(),
    medibles48h: z.number().int(),
    porcentajeEn48h: z.number().nullable(),
    promedioHorasParaTurnar: z.number().nullable(),
    turnosAtendidos: z.number().int(),
    pendientes: z.number().int(),
    vencidos: z.number().int(),
    porDependencia: z.array(FilaDependencia),
  }),
  gabinete: z.object({
    reuniones: z.array(Reunion),
    nuevos: z.number().int(),
    concluidos: z.number().int(),
    vencidos: z.number().int(),
    porIniciar: z.number().int(),
    enProceso: z.number().int(),
    concluidosTotal: z.number().int(),
    acuerdosVencidos: z.array(AcuerdoVencido),
  }),
  compromisos: z.object({
    total: z.number().int(),
    cumplido: z.number().int(),
    enProceso: z.number().int(),
    sinAvance: z.number().int(),
    noProcedente: z.number().int(),
    avancePromedio: z.number(),
    cumplidosSemana: z.number().int(),
    cambios: z.array(CambioCompromiso),
  }),
  poa: z.object({
    anio: z.number().int(),
    trimestre: z.number().int(),
    metas: z.number().int(),
    verde: z.number().int(),
    amarillo: z.number().int(),
    rojo: z.number().int(),
    gris: z.number().int(),
    cumplimiento: z.number().nullable(),
    criticas: z.array(MetaPoa),
  }),
  tendencia48h: z.array(PuntoTendencia),
  /** Present when the figures come from the informe generated before (reproduced exactly). */
  instantanea: z.object({ generado: Instante, generadoPor: z.string().nullable() }).nullable(),
});
export type Informe = z.infer<typeof Informe>;

const PedirSemana = z
  .object({
    /** Any date of the week (normalized to its Monday); default: the last complete week. */
    semana: fecha('Semana').optional(),
    /** Recompute a week already generated (replaces its stored figures; recorded in the bitácora). */
    recalcular: z.boolean().default(false),
  })
  .strict()
  .default({ recalcular: false });

export const tablero = {
  'tablero.resumen': metodo({ input: z.object({}).strict().optional(), output: Resumen, acceso: TODOS }),
  'tablero.informe.datos': metodo({ input: PedirSemana, output: Informe, acceso: LECTORES_INFORME }),
  'tablero.informe.generar': metodo({
    input: z
      .object({
        semana: fecha('Semana').optional(),
        recalcular: z.boolean().default(false),
        formato: z.enum(['pdf', 'xlsx'], { error: 'Formato: elija PDF o Excel.' }),
        tarea: z.string().max(80).optional(),
      })
      .strict(),
    output: z.object({ archivoId: z.string(), nombre: z.string(), semana: Semana, reproducido: z.boolean() }),
    acceso: LECTORES_INFORME,
  }),
  'tablero.informe.semanas': metodo({
    input: z.object({}).strict().optional(),
    output: z.object({
      predeterminada: Semana,
      actual: Semana,
      generadas: z.array(z.object({ desde: z.string(), hasta: z.string(), generado: Instante, generadoPor: z.string().nullable() })),
    }),
    acceso: LECTORES_INFORME,
  }),
};
