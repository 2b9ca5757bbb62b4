/**
 * The asunto as one record (DOMAIN §1): its captured fields, anexos, turnos with respuestas and history,
 * and its timeline. The asuntos and turnos methods both answer with it.
 */
import { z } from 'zod';
import { Id, Version, Instante, Semaforo, texto, textoRequerido, fecha } from '../comun';
import { Destinatario, EstatusAsunto, ESTATUS_TURNO_GUARDADO, Medio, Prioridad, TipoAsunto } from './base';

const Hora = z
  .string({ error: 'Hora de recepción: se esperaba una hora.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora de recepción: use HH:MM (24 horas).');

export const CamposAsunto = z.object({
  fechaRecepcion: fecha('Fecha de recepción'),
  horaRecepcion: Hora,
  medio: Medio.default('ventanilla'),
  destinatario: Destinatario.default('titular'),
  tipo: TipoAsunto.default('oficio'),
  prioridad: Prioridad.default('normal'),
  remitenteNombre: textoRequerido('Remitente', 200),
  remitenteCargo: texto('Cargo del remitente', 200).default(''),
  remitenteOrganizacion: texto('Dependencia u organización del remitente', 200).default(''),
  municipioClave: z.string().max(10).nullable().default(null),
  oficioNumero: texto('Número de oficio', 100).default(''),
  oficioFecha: fecha('Fecha del oficio').nullable().default(null),
  asunto: textoRequerido('Asunto', 4000),
  serieDocumentalId: Id.nullable().default(null),
  observaciones: texto('Observaciones', 4000).default(''),
});

export const Anexo = z.object({
  id: Id,
  nombre: z.string(),
  tipo: z.string(),
  tamano: z.number().int(),
  sha256: z.string(),
  agregado: Instante,
  usuario: z.string().nullable(),
});

export const Respuesta = z.object({
  id: Id,
  numeroOficio: z.string(),
  fecha: z.string(),
  resumen: z.string(),
  archivo: z.object({ sha256: z.string(), nombre: z.string() }).nullable(),
  registrado: Instante,
  usuario: z.string().nullable(),
});

export const HistorialTurno = z.object({
  tipo: z.enum(['prorroga', 'reapertura']),
  motivo: z.string(),
  plazoAnterior: z.string().nullable(),
  plazoNuevo: z.string().nullable(),
  estatusAnterior: z.string(),
  momento: Instante,
  usuario: z.string().nullable(),
});

export const Turno = z.object({
  id: Id,
  asuntoId: Id,
  dependenciaId: Id,
  dependencia: z.string(),
  dependenciaSiglas: z.string(),
  instruccionId: Id,
  instruccion: z.string(),
  requiereAtencion: z.boolean(),
  turnado: Instante,
  fechaTurno: z.string(),
  plazoOriginal: z.string().nullable(),
  fechaLimite: z.string().nullable(),
  prorrogas: z.number().int(),
  reaperturas: z.number().int(),
  estatus: z.enum(ESTATUS_TURNO_GUARDADO),
  atendido: Instante.nullable(),
  /** Devolución: date and reason; the turno that replaced it (reasignación) and the one it replaces. */
  devolucion: z.object({ fecha: z.string(), motivo: z.string() }).nullable(),
  reasignadoA: z.object({ turnoId: Id, dependencia: z.string() }).nullable(),
  reasignadoDe: z.object({ turnoId: Id, dependencia: z.string() }).nullable(),
  notas: z.string(),
  version: Version,
  semaforoEstatus: Semaforo,
  semaforoPlazo: Semaforo,
  respuestas: z.array(Respuesta),
  historial: z.array(HistorialTurno),
});
export type Turno = z.infer<typeof Turno>;

export const Evento = z.object({
  id: z.number().int(),
  momento: Instante,
  usuario: z.string().nullable(),
  tipo: z.string(),
  descripcion: z.string(),
  detalle: z.unknown().nullable(),
  /** Real date of an action captured late (DOMAIN §1 late capture); null when it happened at capture. */
  ocurrio: z.string().nullable(),
});

export const Asunto = CamposAsunto.extend({
  id: Id,
  folio: z.string(),
  anio: z.number().int(),
  numero: z.number().int(),
  serieId: Id,
  serieClave: z.string(),
  serieNombre: z.string(),
  recibido: Instante,
  estatus: EstatusAsunto,
  anulado: z.boolean(),
  motivoAnulacion: z.string().nullable(),
  archivado: z.boolean(),
  motivoArchivo: z.string().nullable(),
  primerTurno: Instante.nullable(),
  horasParaTurnar: z.number().nullable(),
  municipio: z.string().nullable(),
  serieDocumental: z.string().nullable(),
  registradoPor: z.string().nullable(),
  creado: Instante,
  version: Version,
  semaforoEstatus: Semaforo,
  semaforoPlazo: Semaforo,
  anexos: z.array(Anexo),
  turnos: z.array(Turno),
  eventos: z.array(Evento),
});
export type Asunto = z.infer<typeof Asunto>;
