/** Gabinete contract › Reuniones and what they hold: convocados, orden del día, tarjetas, anexos. */
import { z } from 'zod';
import { metodo, Id, Version, Instante, texto, textoRequerido, fecha } from '../comun';
import { Acuerdo } from './acuerdos';
import { ArchivoEntrada, Asistencia, ESCRITURA_GABINETE, EstatusReunion, Generado, LECTURA_GABINETE } from './base';

const Hora = z
  .string({ error: 'Hora: se esperaba texto.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora: use el formato HH:MM de 24 horas (por ejemplo 10:30).');
const Ordinal = z
  .number({ error: 'Ordinal: se esperaba un número.' })
  .int('Ordinal: use un número entero.')
  .min(1, 'Ordinal: mínimo 1.')
  .max(3999, 'Ordinal: máximo 3,999.');
const Motivo = textoRequerido('Motivo', 1000);

/** What a coordinator captures of a reunión, when creating it and when editing it. */
const DatosReunion = z.object({
  tema: texto('Tema o región', 150).default(''),
  fecha: fecha('Fecha de la reunión'),
  hora: Hora,
  sede: texto('Sede', 200).default(''),
  municipioClave: z.string().max(10).nullable().default(null),
});

export const ReunionResumen = z.object({
  id: Id,
  nombre: z.string(),
  tipoId: Id,
  tipoClave: z.string(),
  tipoNombre: z.string(),
  tema: z.string(),
  ordinal: z.number().int().nullable(),
  numeracion: z.enum(['por_tipo', 'por_tema', 'ninguna']),
  fecha: z.string(),
  hora: z.string(),
  sede: z.string(),
  municipioClave: z.string().nullable(),
  municipio: z.string().nullable(),
  estatus: EstatusReunion,
  motivoCancelacion: z.string().nullable(),
  acuerdos: z.number().int(),
  acuerdosAbiertos: z.number().int(),
  convocados: z.number().int(),
  version: Version,
});
export type ReunionResumen = z.infer<typeof ReunionResumen>;

export const Convocado = z.object({
  id: Id,
  funcionarioId: Id,
  nombre: z.string(),
  cargo: z.string(),
  dependenciaId: Id,
  dependencia: z.string(),
  siglas: z.string(),
  correo: z.string(),
  asistencia: Asistencia,
  representante: z.string(),
  version: Version,
});
export type Convocado = z.infer<typeof Convocado>;

export const PuntoOrden = z.object({ id: Id, posicion: z.number().int(), titulo: z.string(), presentador: z.string(), version: Version });
export type PuntoOrden = z.infer<typeof PuntoOrden>;

export const Tarjeta = z.object({
  id: Id,
  titulo: z.string(),
  contenido: z.string(),
  dependenciaId: Id.nullable(),
  dependencia: z.string().nullable(),
  version: Version,
});
export type Tarjeta = z.infer<typeof Tarjeta>;

export const Anexo = z.object({ id: Id, nombre: z.string(), sha256: z.string(), tipo: z.string(), tamano: z.number().int(), creado: Instante });
export type Anexo = z.infer<typeof Anexo>;

export const EventoReunion = z.object({
  tipo: z.enum(['cierre', 'reapertura', 'cancelacion', 'celebrada', 'ordinal']),
  motivo: z.string().nullable(),
  usuario: z.string(),
  momento: Instante,
});

export const ReunionDetalle = ReunionResumen.extend({
  convocadosLista: z.array(Convocado),
  orden: z.array(PuntoOrden),
  tarjetas: z.array(Tarjeta),
  anexos: z.array(Anexo),
  acuerdosLista: z.array(Acuerdo),
  eventos: z.array(EventoReunion),
});
export type ReunionDetalle = z.infer<typeof ReunionDetalle>;

export const metodosReuniones = {
  'gabinete.reuniones.listar': metodo({
    input: z
      .object({
        tipoId: Id.optional(),
        anio: z.number().int().min(2000, 'Año fuera de rango.').max(2100, 'Año fuera de rango.').optional(),
        estatus: EstatusReunion.optional(),
      })
      .optional(),
    output: z.array(ReunionResumen),
    acceso: LECTURA_GABINETE,
  }),
  /** The name the meeting will get, before saving (live preview in the form). */
  'gabinete.reuniones.vistaPrevia': metodo({
    input: z.object({ tipoId: Id, tema: texto('Tema o región', 150).default(''), reunionId: Id.optional(), ordinal: Ordinal.optional() }),
    output: z.object({
      nombre: z.string(),
      ordinal: z.number().int().nullable(),
      numeracion: z.enum(['por_tipo', 'por_tema', 'ninguna']),
      requiereTema: z.boolean(),
      ordinalOcupado: z.boolean(),
    }),
    acceso: LECTURA_GABINETE,
  }),
  'gabinete.reuniones.crear': metodo({
    input: DatosReunion.extend({ tipoId: Id }),
    output: ReunionDetalle,
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.reuniones.editar': metodo({
    input: DatosReunion.extend({ id: Id, version: Version }),
    output: ReunionDetalle,
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.reuniones.cambiarOrdinal': metodo({
    input: z.object({ id: Id, version: Version, ordinal: Ordinal }),
    output: ReunionDetalle,
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.reuniones.obtener': metodo({ input: z.object({ id: Id }), output: ReunionDetalle, acceso: LECTURA_GABINETE }),
  'gabinete.reuniones.marcarCelebrada': metodo({
    input: z.object({ id: Id, version: Version }),
    output: ReunionDetalle,
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.reuniones.cancelar': metodo({
    input: z.object({ id: Id, version: Version, motivo: Motivo }),
    output: ReunionDetalle,
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  /** Issues the minuta: the meeting becomes cerrada and its acuerdos' text is locked. */
  'gabinete.reuniones.cerrar': metodo({
    input: z.object({ id: Id, version: Version }),
    output: ReunionDetalle,
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.reuniones.reabrir': metodo({
    input: z.object({ id: Id, version: Version, motivo: Motivo }),
    output: ReunionDetalle,
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),

  'gabinete.convocados.agregar': metodo({
    input: z.object({ reunionId: Id, funcionarioIds: z.array(Id).min(1, 'Elija al menos un funcionario.').max(500) }),
    output: z.array(Convocado),
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.convocados.quitar': metodo({
    input: z.object({ id: Id, version: Version }),
    output: z.array(Convocado),
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.asistencia.registrar': metodo({
    input: z.object({ id: Id, version: Version, asistencia: Asistencia, representante: texto('Nombre del representante', 150).default('') }),
    output: Convocado,
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),

  'gabinete.orden.guardar': metodo({
    input: z.object({
      reunionId: Id,
      id: Id.optional(),
      version: Version.optional(),
      titulo: textoRequerido('Punto del orden del día', 500),
      presentador: texto('Presenta', 200).default(''),
    }),
    output: z.array(PuntoOrden),
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.orden.reordenar': metodo({
    input: z.object({ reunionId: Id, ids: z.array(Id).max(200) }),
    output: z.array(PuntoOrden),
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.orden.retirar': metodo({
    input: z.object({ id: Id, version: Version }),
    output: z.array(PuntoOrden),
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),

  'gabinete.tarjetas.guardar': metodo({
    input: z.object({
      reunionId: Id,
      id: Id.optional(),
      version: Version.optional(),
      titulo: textoRequerido('Título de la tarjeta', 300),
      contenido: textoRequerido('Contenido de la tarjeta', 8000),
      dependenciaId: Id.nullable().default(null),
    }),
    output: z.array(Tarjeta),
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.tarjetas.retirar': metodo({
    input: z.object({ id: Id, version: Version }),
    output: z.array(Tarjeta),
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),

  /** Checks the file's real type first, then writes in its own transaction. */
  'gabinete.anexos.agregar': metodo({
    input: z.object({ reunionId: Id, archivo: ArchivoEntrada }),
    output: z.array(Anexo),
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.anexos.retirar': metodo({
    input: z.object({ id: Id, motivo: Motivo }),
    output: z.array(Anexo),
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  /** A copy of an anexo or an evidencia, handed out like a generated file. */
  'gabinete.archivos.descargar': metodo({
    input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Archivo inválido.'), nombre: texto('Nombre', 200).default('archivo') }),
    output: Generado,
    acceso: LECTURA_GABINETE,
  }),
};
