/** Correspondencia (DOMAIN §1): series de folios, asuntos, turnos, anexos, bandeja and its reports. */
import { z } from 'zod';
import { metodo, Id, Version, Instante, Semaforo, SOLO_ADMIN, sinInvisibles, texto, textoRequerido, fecha, type Rol } from './comun';

/** Who reads correspondence (the Jefe de Oficina reads everything) and who captures it. */
export const LECTORES_CORRESPONDENCIA: readonly Rol[] = ['capturista', 'jefe', 'administrador'];
export const CAPTURA_CORRESPONDENCIA: readonly Rol[] = ['capturista'];

export const MEDIOS = ['ventanilla', 'correo_postal', 'correo_electronico', 'gira', 'otro'] as const;
export const DESTINATARIOS = ['titular', 'jefe_oficina'] as const;
export const TIPOS_ASUNTO = ['oficio', 'peticion', 'invitacion', 'tarjeta', 'correo', 'otro'] as const;
export const PRIORIDADES = ['normal', 'urgente'] as const;
export const ESTATUS_ASUNTO = ['por_turnar', 'pendiente', 'en_proceso', 'atendido', 'archivado', 'anulado'] as const;
export const ESTATUS_TURNO = ['pendiente', 'en_proceso', 'atendido'] as const;
/** A turno's estatus as stored: the three a clerk sets, plus `devuelto` (returned by the dependencia, DOMAIN §1). */
export const ESTATUS_TURNO_GUARDADO = [...ESTATUS_TURNO, 'devuelto'] as const;
/** Columns of the bandeja and of its listado (same ids). */
export const COLUMNAS_LISTADO = ['folio', 'recepcion', 'remitente', 'asunto', 'estatus', 'turnadoA', 'semaforo', 'plazo', 'tipo', 'prioridad', 'destinatario', 'horas', 'oficio'] as const;
export type ColumnaListado = (typeof COLUMNAS_LISTADO)[number];
export const COLUMNAS_PREDETERMINADAS: readonly ColumnaListado[] = ['folio', 'recepcion', 'remitente', 'asunto', 'estatus', 'turnadoA', 'semaforo', 'plazo'];

export const ETIQUETAS = {
  medio: { ventanilla: 'Ventanilla', correo_postal: 'Correo postal', correo_electronico: 'Correo electrónico', gira: 'Gira', otro: 'Otro' },
  destinatario: { titular: 'Titular del Ejecutivo', jefe_oficina: 'Jefe de Oficina' },
  tipo: { oficio: 'Oficio', peticion: 'Petición ciudadana', invitacion: 'Invitación', tarjeta: 'Tarjeta informativa', correo: 'Correo electrónico', otro: 'Otro' },
  prioridad: { normal: 'Normal', urgente: 'Urgente' },
  estatusAsunto: {
    por_turnar: 'Por turnar', pendiente: 'Pendiente', en_proceso: 'En proceso', atendido: 'Atendido', archivado: 'Archivado', anulado: 'Anulado',
  },
  estatusTurno: { pendiente: 'Pendiente (no atendido)', en_proceso: 'En proceso', atendido: 'Atendido', devuelto: 'Devuelto' },
} as const;

const Medio = z.enum(MEDIOS, { error: 'Medio de recepción: elija una opción de la lista.' });
const Destinatario = z.enum(DESTINATARIOS, { error: 'Destinatario: elija Titular del Ejecutivo o Jefe de Oficina.' });
const TipoAsunto = z.enum(TIPOS_ASUNTO, { error: 'Tipo de documento: elija una opción de la lista.' });
const Prioridad = z.enum(PRIORIDADES, { error: 'Prioridad: elija normal o urgente.' });
export const EstatusAsunto = z.enum(ESTATUS_ASUNTO, { error: 'Estatus: valor desconocido.' });
export const EstatusTurno = z.enum(ESTATUS_TURNO, { error: 'Estatus del turno: elija pendiente, en proceso o atendido.' });

const Hora = z
  .string({ error: 'Hora de recepción: se esperaba una hora.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora de recepción: use HH:MM (24 horas).');
const HoraTurno = z
  .string({ error: 'Hora de turno: se esperaba una hora.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora de turno: use HH:MM (24 horas).');
const Motivo = textoRequerido('Motivo', 1000);
const Anio = z.number({ error: 'Año: se esperaba un número.' }).int().min(2000, 'Año fuera de rango.').max(2100, 'Año fuera de rango.');

/** A file sent by the renderer: display name (never a path) and base64 content (≤ 50 MB by default; checked by content). */
export const ArchivoEntrada = z.object({
  nombre: textoRequerido('Nombre del archivo', 255),
  contenidoBase64: z.string().max(72 * 1024 * 1024, 'El archivo es demasiado grande.'),
});

// ───────────── Series de folios ─────────────

export const Plantilla = z
  .string({ error: 'Plantilla: se esperaba texto.' })
  .overwrite(sinInvisibles)
  .min(1, 'La plantilla es obligatoria.')
  .max(60, 'La plantilla admite máximo 60 caracteres.');

export const SerieFolio = z.object({
  id: Id,
  clave: z.string(),
  nombre: z.string(),
  plantilla: z.string(),
  destinatario: Destinatario.nullable(),
  /** Incoming asuntos or outgoing oficios (DOMAIN §1b); fixed when the series is created. */
  uso: z.enum(['correspondencia', 'oficios']),
  activa: z.boolean(),
  version: Version,
  /** Year of today (office time) and the next number of that year, with the folio it would produce. */
  anio: z.number().int(),
  siguiente: z.number().int(),
  ejemplo: z.string(),
  usados: z.number().int(),
});
export type SerieFolio = z.infer<typeof SerieFolio>;

const GuardarSerie = z.object({
  id: Id.optional(),
  version: Version.optional(),
  clave: z
    .string({ error: 'Clave: se esperaba texto.' })
    .trim()
    .toUpperCase()
    .min(1, 'La clave es obligatoria.')
    .max(20, 'La clave admite máximo 20 caracteres.')
    .regex(/^[A-Z0-9._-]+$/, 'La clave solo admite letras, números, punto y guion, sin espacios.'),
  nombre: textoRequerido('Nombre', 120),
  plantilla: Plantilla,
  destinatario: Destinatario.nullable().default(null),
  /** Only read when the series is created. */
  uso: z.enum(['correspondencia', 'oficios']).default('correspondencia'),
  activa: z.boolean().default(true),
});

// ───────────── Asuntos ─────────────

const CamposAsunto = z.object({
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

const RegistrarAsunto = CamposAsunto.extend({
  /** Series to use; when absent, the series whose default destinatario matches. */
  serieId: Id.nullable().default(null),
  anexos: z.array(ArchivoEntrada).max(20, 'Máximo 20 anexos por registro.').default([]),
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

/** One row of the bandeja (and of the listado de asuntos). */
export const FilaAsunto = z.object({
  id: Id,
  folio: z.string(),
  anio: z.number().int(),
  numero: z.number().int(),
  serieClave: z.string(),
  recibido: Instante,
  fechaRecepcion: z.string(),
  remitente: z.string(),
  remitenteOrganizacion: z.string(),
  asunto: z.string(),
  tipo: TipoAsunto,
  prioridad: Prioridad,
  destinatario: Destinatario,
  estatus: EstatusAsunto,
  turnadoA: z.string(),
  fechaLimite: z.string().nullable(),
  semaforoEstatus: Semaforo,
  semaforoPlazo: Semaforo,
  /** Hours from reception to the first turno (null if not turned). */
  horasParaTurnar: z.number().nullable(),
});
export type FilaAsunto = z.infer<typeof FilaAsunto>;

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

/** Bandeja filters; the same object drives the listados so "export what I see" is exact. */
export const FiltrosAsuntos = z.object({
  anio: Anio.nullable().optional(),
  serieId: Id.nullable().optional(),
  estatus: z.array(EstatusAsunto).max(6).optional(),
  destinatario: Destinatario.nullable().optional(),
  tipo: TipoAsunto.nullable().optional(),
  prioridad: Prioridad.nullable().optional(),
  dependenciaId: Id.nullable().optional(),
  municipioClave: z.string().max(10).nullable().optional(),
  serieDocumentalId: Id.nullable().optional(),
  /** Words of the remitente's name or organización (accents and case don't matter). */
  remitente: texto('Remitente', 120).optional(),
  desde: fecha('Desde').nullable().optional(),
  hasta: fecha('Hasta').nullable().optional(),
  vencidos: z.boolean().optional(),
  /** The tablero's plazo semáforo of the open asuntos: «en riesgo» or «a tiempo» today. */
  plazo: z.enum(['en_riesgo', 'a_tiempo']).nullable().optional(),
  en48h: z.enum(['si', 'no']).nullable().optional(),
  texto: texto('Búsqueda', 200).optional(),
  orden: z.enum(['folio_desc', 'folio_asc', 'recepcion_desc', 'recepcion_asc']).default('folio_desc'),
});
export type FiltrosAsuntos = z.infer<typeof FiltrosAsuntos>;

const Bandeja = FiltrosAsuntos.extend({
  limite: z.number().int().min(1).max(500).default(50),
  desplazamiento: z.number().int().min(0).max(10_000_000).default(0),
});

const Archivo = z.object({ archivoId: z.string(), nombre: z.string() });

const EditarAsunto = CamposAsunto.partial().extend({ id: Id, version: Version });

const RangoFechas = z
  .object({ desde: fecha('Desde'), hasta: fecha('Hasta') })
  .refine((r) => r.desde <= r.hasta, { message: 'El periodo no es válido: «Desde» es posterior a «Hasta».', path: ['hasta'] });

export const FilaEstatusDependencia = z.object({
  dependenciaId: Id,
  dependencia: z.string(),
  siglas: z.string(),
  turnos: z.number().int(),
  atendidos: z.number().int(),
  enProceso: z.number().int(),
  noAtendidos: z.number().int(),
  vencidos: z.number().int(),
  prorrogados: z.number().int(),
  /** Returned by the dependencia (devolución): counted apart, outside turnos and semáforo. */
  devueltos: z.number().int(),
  informativos: z.number().int(),
  porcentajeAtendido: z.number().nullable(),
  semaforo: Semaforo,
});

export const ReporteEstatus = z.object({
  desde: z.string(),
  hasta: z.string(),
  filas: z.array(FilaEstatusDependencia),
  totales: FilaEstatusDependencia.omit({ dependenciaId: true, dependencia: true, siglas: true }),
  asuntos: z.number().int(),
  turnadosEn48h: z.number().int(),
  medibles48h: z.number().int(),
  porcentajeEn48h: z.number().nullable(),
  promedioHorasParaTurnar: z.number().nullable(),
});
export type ReporteEstatus = z.infer<typeof ReporteEstatus>;

export const correspondencia = {
  // Series de folios
  'correspondencia.series.listar': metodo({ input: z.object({}).optional(), output: z.array(SerieFolio), acceso: LECTORES_CORRESPONDENCIA }),
  'correspondencia.series.guardar': metodo({ input: GuardarSerie, output: SerieFolio, acceso: SOLO_ADMIN, escritura: true }),
  'correspondencia.series.vistaPrevia': metodo({
    input: z.object({ plantilla: Plantilla, anio: Anio, numero: z.number().int().min(1).max(999_999_999) }),
    output: z.object({ folio: z.string() }),
    acceso: SOLO_ADMIN,
  }),
  'correspondencia.series.fijarSiguiente': metodo({
    input: z.object({
      serieId: Id,
      anio: Anio,
      siguiente: z.number({ error: 'Siguiente número: se esperaba un número.' }).int('Use un número entero.').min(1, 'El siguiente número debe ser 1 o mayor.').max(999_999_999),
    }),
    output: z.object({ serieId: Id, anio: z.number().int(), siguiente: z.number().int(), folio: z.string() }),
    acceso: SOLO_ADMIN,
    escritura: true,
  }),

  // Asuntos
  'correspondencia.registrar': metodo({ input: RegistrarAsunto, output: FilaAsunto, acceso: CAPTURA_CORRESPONDENCIA, escritura: true }),
  'correspondencia.obtener': metodo({ input: z.object({ id: Id }), output: Asunto, acceso: LECTORES_CORRESPONDENCIA }),
  'correspondencia.bandeja': metodo({
    input: Bandeja,
    output: z.object({ filas: z.array(FilaAsunto), total: z.number().int() }),
    acceso: LECTORES_CORRESPONDENCIA,
  }),
  'correspondencia.editar': metodo({ input: EditarAsunto, output: Asunto, acceso: CAPTURA_CORRESPONDENCIA, escritura: true }),
  'correspondencia.anular': metodo({ input: z.object({ id: Id, version: Version, motivo: Motivo }), output: Asunto, acceso: CAPTURA_CORRESPONDENCIA, escritura: true }),
  'correspondencia.archivar': metodo({ input: z.object({ id: Id, version: Version, motivo: Motivo }), output: Asunto, acceso: CAPTURA_CORRESPONDENCIA, escritura: true }),
  'correspondencia.remitentes.buscar': metodo({
    input: z.object({ texto: texto('Remitente', 100) }),
    output: z.array(z.object({ nombre: z.string(), cargo: z.string(), organizacion: z.string(), municipioClave: z.string().nullable() })),
    acceso: LECTORES_CORRESPONDENCIA,
  }),

  // Turnos
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

  // Anexos
  'correspondencia.anexos.agregar': metodo({
    input: z.object({ asuntoId: Id, archivo: ArchivoEntrada }),
    output: Asunto,
    acceso: CAPTURA_CORRESPONDENCIA,
    escritura: true,
  }),
  /** A stored file of an asunto (anexo or response file), handed out by id for preview/download. */
  'correspondencia.anexos.abrir': metodo({
    input: z.object({ asuntoId: Id, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Identificador de archivo inválido.') }),
    output: Archivo.extend({ tipo: z.string() }),
    acceso: LECTORES_CORRESPONDENCIA,
  }),

  // Reportes
  'correspondencia.reportes.acuse': metodo({ input: z.object({ id: Id }), output: Archivo, acceso: LECTORES_CORRESPONDENCIA }),
  'correspondencia.reportes.volante': metodo({ input: z.object({ id: Id }), output: Archivo, acceso: LECTORES_CORRESPONDENCIA }),
  'correspondencia.reportes.estatusDatos': metodo({ input: RangoFechas, output: ReporteEstatus, acceso: LECTORES_CORRESPONDENCIA }),
  'correspondencia.reportes.estatus': metodo({
    input: z.object({ desde: fecha('Desde'), hasta: fecha('Hasta'), formato: z.enum(['xlsx', 'pdf']) }).refine((r) => r.desde <= r.hasta, {
      message: 'El periodo no es válido: «Desde» es posterior a «Hasta».',
      path: ['hasta'],
    }),
    output: Archivo,
    acceso: LECTORES_CORRESPONDENCIA,
  }),
  'correspondencia.exportar.asuntos': metodo({
    input: FiltrosAsuntos.extend({
      tarea: z.string().max(80).optional(),
      /** The bandeja's visible columns, in screen order (default: its default columns). */
      columnas: z.array(z.enum(COLUMNAS_LISTADO)).max(20).optional(),
    }),
    output: Archivo.extend({ filas: z.number().int() }),
    acceso: LECTORES_CORRESPONDENCIA,
  }),
  'correspondencia.exportar.turnos': metodo({
    input: FiltrosAsuntos.extend({ tarea: z.string().max(80).optional() }),
    output: Archivo.extend({ filas: z.number().int() }),
    acceso: LECTORES_CORRESPONDENCIA,
  }),
};
