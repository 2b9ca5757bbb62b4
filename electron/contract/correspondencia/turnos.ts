/** Correspondencia › turnos: plazo, turnar, estatus and respuesta, prórroga, reapertura, devolución, reasignación. */
import { z } from 'zod';
import { metodo, Id, Version, texto, fecha } from '../comun';
import { ArchivoEntrada, CAPTURA_CORRESPONDENCIA, EstatusTurno, LECTORES_CORRESPONDENCIA, Motivo } from './base';
import { Asunto } from './detalle';

const HoraTurno = z
  .string({ error: 'Hora de turno: se esperaba una hora.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora de turno: use HH:MM (24 horas).');

export const metodosTurnos = {
  'correspondencia.plazo': metodo({
    input: z.object({ instruccionId: Id, fechaTurno: fecha('Fecha de turno').optional() }),
    output: z.object({ fechaTurno: z.string(), fechaLimite: z.string().nullable(), diasHabiles: z.number().int(), requiereAtencion: z.boolean() }),
    acceso: LECTORES_CORRESPONDENCIA,
  }),
  'correspondencia.turnar': metodo({
    input: z.object({
      asuntoId: Id,
      dependencias: z.array(Id).min(1, 'Elija al menos una dependencia.').max(50, 'Máximo 50 dependencias por turno.'),
      instruccionId: Id,
      /** Editable plazo; when absent, fecha de turno + the instrucción's días hábiles. */
      fechaLimite: fecha('Fecha límite').nullable().optional(),
      notas: texto('Notas', 1000).default(''),
      /** Late capture: the day it was really turned (not future, not before reception); default today. */
      fecha: fecha('Fecha de turno').optional(),
      hora: HoraTurno.optional(),
    }),
    output: Asunto,
    acceso: CAPTURA_CORRESPONDENCIA,
    escritura: true,
  }),
  'correspondencia.turnos.actualizar': metodo({
    input: z.object({
      id: Id,
      version: Version,
      estatus: EstatusTurno,
      notas: texto('Notas', 1000).optional(),
      /** Late capture: the day the change really happened (e.g. when it was attended); default today. */
      fecha: fecha('Fecha en que ocurrió').optional(),
      respuesta: z
        .object({
          numeroOficio: texto('Número de oficio de respuesta', 100).default(''),
          fecha: fecha('Fecha de la respuesta'),
          resumen: texto('Resumen de la respuesta', 4000).default(''),
          anexo: ArchivoEntrada.nullable().default(null),
        })
        .nullable()
        .default(null),
    }),
    output: Asunto,
    acceso: CAPTURA_CORRESPONDENCIA,
    escritura: true,
  }),
  'correspondencia.turnos.prorrogar': metodo({
    input: z.object({ id: Id, version: Version, fechaLimite: fecha('Nueva fecha límite'), motivo: Motivo }),
    output: Asunto,
    acceso: CAPTURA_CORRESPONDENCIA,
    escritura: true,
  }),
  'correspondencia.turnos.reabrir': metodo({
    input: z.object({ id: Id, version: Version, motivo: Motivo }),
    output: Asunto,
    acceso: CAPTURA_CORRESPONDENCIA,
    escritura: true,
  }),
  /** The dependencia returned the turno as outside its competence (DOMAIN §1: devolución). */
  'correspondencia.turnos.devolver': metodo({
    input: z.object({ id: Id, version: Version, fecha: fecha('Fecha de devolución'), motivo: Motivo }),
    output: Asunto,
    acceso: CAPTURA_CORRESPONDENCIA,
    escritura: true,
  }),
  /** A new turno to another dependencia, linked to the returned one; plazo recomputed from today. */
  'correspondencia.turnos.reasignar': metodo({
    input: z.object({
      id: Id,
      version: Version,
      dependenciaId: Id,
      instruccionId: Id.nullable().default(null),
      fechaLimite: fecha('Fecha límite').nullable().default(null),
      notas: texto('Notas', 2000).default(''),
    }),
    output: Asunto,
    acceso: CAPTURA_CORRESPONDENCIA,
    escritura: true,
  }),
};
