/** Gabinete contract › Acuerdos, their seguimientos and the tablero counts. */
import { z } from 'zod';
import { metodo, Id, Version, Semaforo, Instante, texto, textoRequerido, fecha } from '../comun';
import { ArchivoEntrada, ESCRITURA_GABINETE, EstatusAcuerdo, EstatusReunion, LECTURA_GABINETE } from './base';

const Avance = z
  .number({ error: 'Avance: se esperaba un número.' })
  .int('Avance: use un número entero.')
  .min(0, 'Avance: mínimo 0 %.')
  .max(100, 'Avance: máximo 100 %.');

const DependenciaBreve = z.object({ id: Id, nombre: z.string(), siglas: z.string() });

export const Acuerdo = z.object({
  id: Id,
  reunionId: Id,
  reunion: z.string(),
  reunionFecha: z.string(),
  reunionEstatus: EstatusReunion,
  tipoId: Id,
  tipoClave: z.string(),
  tipoNombre: z.string(),
  numero: z.number().int(),
  codigo: z.string(),
  descripcion: z.string(),
  dependenciaId: Id,
  dependencia: z.string(),
  siglas: z.string(),
  corresponsables: z.array(DependenciaBreve),
  fechaCompromiso: z.string().nullable(),
  estatus: EstatusAcuerdo,
  motivoCancelacion: z.string().nullable(),
  avance: z.number().int(),
  /** The minuta was issued: the text can no longer change, only its follow-up. */
  textoBloqueado: z.boolean(),
  semaforoEstatus: Semaforo,
  semaforoPlazo: Semaforo,
  ultimoSeguimiento: z.string().nullable(),
  version: Version,
});
export type Acuerdo = z.infer<typeof Acuerdo>;

export const Seguimiento = z.object({
  id: Id,
  fecha: z.string(),
  nota: z.string(),
  autor: z.string(),
  evidencia: z.object({ sha256: z.string(), nombre: z.string() }).nullable(),
  estatusAntes: EstatusAcuerdo,
  estatusDespues: EstatusAcuerdo,
  avanceAntes: z.number().int(),
  avanceDespues: z.number().int(),
  ajuste: z.string().nullable(),
  creado: Instante,
});
export type Seguimiento = z.infer<typeof Seguimiento>;

export const FiltrosAcuerdos = z.object({
  tipoId: Id.optional(),
  reunionId: Id.optional(),
  /** Responsable or corresponsable. */
  dependenciaId: Id.optional(),
  estatus: z.array(EstatusAcuerdo).max(4).optional(),
  /** Clave of either semáforo: verde/amarillo/rojo/gris of estatus, or a_tiempo/en_riesgo/vencido/concluido of plazo. */
  semaforo: z.enum(['verde', 'amarillo', 'rojo', 'gris', 'a_tiempo', 'en_riesgo', 'vencido', 'concluido', 'sin_plazo']).optional(),
  vencidos: z.boolean().optional(),
  /** Date range over the meeting date. */
  desde: fecha('Desde').optional(),
  hasta: fecha('Hasta').optional(),
  /** Concluded in this range: a seguimiento that made it concluido was recorded then (the tablero's «Concluidos» of a week). */
  concluidoDesde: fecha('Concluido desde').optional(),
  concluidoHasta: fecha('Concluido hasta').optional(),
  /** Vencidos at the close of this day, each as it stood then (the tablero's «Vencidos» of a past week). */
  vencidosAl: fecha('Vencidos al').optional(),
  texto: texto('Buscar', 100).optional(),
});
export type FiltrosAcuerdos = z.infer<typeof FiltrosAcuerdos>;

const AcuerdoEntrada = z.object({
  descripcion: textoRequerido('Descripción del acuerdo', 4000),
  dependenciaId: Id,
  corresponsables: z.array(Id).max(30, 'Máximo 30 corresponsables.').default([]),
  fechaCompromiso: fecha('Fecha compromiso').nullable().default(null),
});

const ConteoEstatus = z.object({
  clave: z.string(),
  nombre: z.string(),
  por_iniciar: z.number().int(),
  en_proceso: z.number().int(),
  concluido: z.number().int(),
  cancelado: z.number().int(),
  /** Acuerdos counted (cancelled ones are left out, DOMAIN §5). */
  total: z.number().int(),
  vencidos: z.number().int(),
  pctConcluido: z.number(),
  pctEnProceso: z.number(),
  pctPorIniciar: z.number(),
});
export type ConteoEstatus = z.infer<typeof ConteoEstatus>;

export const Tablero = z.object({
  total: ConteoEstatus,
  porTipo: z.array(ConteoEstatus),
  porDependencia: z.array(ConteoEstatus),
  plazo: z.object({ a_tiempo: z.number().int(), en_riesgo: z.number().int(), vencido: z.number().int(), concluido: z.number().int(), sin_plazo: z.number().int() }),
});
export type Tablero = z.infer<typeof Tablero>;

export const metodosAcuerdos = {
  'gabinete.acuerdos.crear': metodo({
    input: AcuerdoEntrada.extend({ reunionId: Id }),
    output: Acuerdo,
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.acuerdos.editar': metodo({
    input: AcuerdoEntrada.extend({ id: Id, version: Version }),
    output: Acuerdo,
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.acuerdos.listar': metodo({
    input: FiltrosAcuerdos.optional(),
    output: z.object({ total: z.number().int(), items: z.array(Acuerdo) }),
    acceso: LECTURA_GABINETE,
  }),
  'gabinete.acuerdos.obtener': metodo({
    input: z.object({ id: Id }),
    output: Acuerdo.extend({ seguimientos: z.array(Seguimiento) }),
    acceso: LECTURA_GABINETE,
  }),
  /**
   * Adds a seguimiento (never edited afterwards). Concluding sets avance to 100 (recorded); avance 100
   * without concluding is refused with details `{ confirmar: 'concluir' }` so the UI can ask.
   */
  'gabinete.acuerdos.seguimiento': metodo({
    input: z.object({
      acuerdoId: Id,
      version: Version,
      fecha: fecha('Fecha del seguimiento'),
      nota: textoRequerido('Nota', 4000),
      estatus: EstatusAcuerdo.optional(),
      avance: Avance.optional(),
      evidencia: ArchivoEntrada.nullable().default(null),
    }),
    output: Acuerdo.extend({ seguimientos: z.array(Seguimiento) }),
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.acuerdos.tablero': metodo({
    input: z.object({ desde: fecha('Desde').optional(), hasta: fecha('Hasta').optional() }).optional(),
    output: Tablero,
    acceso: LECTURA_GABINETE,
  }),
};
