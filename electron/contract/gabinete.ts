/** Gabinete (DOMAIN §2): directorio, reuniones, acuerdos y seguimientos, tablero y documentos. */
import { z } from 'zod';
import { metodo, Id, Version, Semaforo, Instante, texto, textoRequerido, fecha, type Rol } from './comun';

/** Coordinators write; the Jefe de Oficina and the administrator read and print. */
export const LECTURA_GABINETE: readonly Rol[] = ['coordinador', 'jefe', 'administrador'];
export const ESCRITURA_GABINETE: readonly Rol[] = ['coordinador'];
/** The directorio is shared data: coordinators and the administrator keep it. */
export const DIRECTORIO_GABINETE: readonly Rol[] = ['coordinador', 'administrador'];

export const ESTATUS_REUNION = ['programada', 'celebrada', 'cerrada', 'cancelada'] as const;
export const EstatusReunion = z.enum(ESTATUS_REUNION, { error: 'Estatus: elija programada, celebrada, cerrada o cancelada.' });
export const ESTATUS_ACUERDO = ['por_iniciar', 'en_proceso', 'concluido', 'cancelado'] as const;
export const EstatusAcuerdo = z.enum(ESTATUS_ACUERDO, { error: 'Estatus: elija por iniciar, en proceso, concluido o cancelado.' });
export const ASISTENCIA = ['sin_registro', 'asistio', 'no_asistio', 'representante'] as const;
export const Asistencia = z.enum(ASISTENCIA, { error: 'Asistencia: elija asistió, no asistió o envió representante.' });

export const ETIQUETA_ESTATUS_REUNION: Record<(typeof ESTATUS_REUNION)[number], string> = {
  programada: 'Programada',
  celebrada: 'Celebrada',
  cerrada: 'Cerrada',
  cancelada: 'Cancelada',
};
export const ETIQUETA_ESTATUS_ACUERDO: Record<(typeof ESTATUS_ACUERDO)[number], string> = {
  por_iniciar: 'Por iniciar',
  en_proceso: 'En proceso',
  concluido: 'Concluido',
  cancelado: 'Cancelado',
};
export const ETIQUETA_ASISTENCIA: Record<(typeof ASISTENCIA)[number], string> = {
  sin_registro: 'Sin registro',
  asistio: 'Asistió',
  no_asistio: 'No asistió',
  representante: 'Envió representante',
};

const Hora = z
  .string({ error: 'Hora: se esperaba texto.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora: use el formato HH:MM de 24 horas (por ejemplo 10:30).');
const Ordinal = z
  .number({ error: 'Ordinal: se esperaba un número.' })
  .int('Ordinal: use un número entero.')
  .min(1, 'Ordinal: mínimo 1.')
  .max(3999, 'Ordinal: máximo 3,999.');
const Avance = z
  .number({ error: 'Avance: se esperaba un número.' })
  .int('Avance: use un número entero.')
  .min(0, 'Avance: mínimo 0 %.')
  .max(100, 'Avance: máximo 100 %.');
const Motivo = textoRequerido('Motivo', 1000);
/** A file sent as base64 (anexo, evidencia); the core checks its real type and size. */
const ArchivoEntrada = z.object({
  nombre: textoRequerido('Nombre del archivo', 200),
  contenidoBase64: z.string().min(1, 'El archivo está vacío.').max(70_000_000, 'El archivo pesa más de 50 MB.'),
});

// ── Directorio ─────────────────────────────────────────────────────────────────────────────────────
export const Funcionario = z.object({
  id: Id,
  nombre: z.string(),
  cargo: z.string(),
  dependenciaId: Id,
  dependencia: z.string(),
  siglas: z.string(),
  correo: z.string(),
  telefono: z.string(),
  activo: z.boolean(),
  version: Version,
});
export type Funcionario = z.infer<typeof Funcionario>;

const FuncionarioEntrada = z.object({
  id: Id.optional(),
  version: Version.optional(),
  nombre: textoRequerido('Nombre', 150),
  cargo: texto('Cargo', 200).default(''),
  dependenciaId: Id,
  correo: texto('Correo', 150)
    .default('')
    .refine((c) => c === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c), 'Correo: no parece una dirección válida (ejemplo: nombre@sonora.gob.mx).'),
  telefono: texto('Teléfono', 40).default(''),
});

// ── Reuniones ──────────────────────────────────────────────────────────────────────────────────────
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

// ── Acuerdos ───────────────────────────────────────────────────────────────────────────────────────
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

export const ReunionDetalle = ReunionResumen.extend({
  convocadosLista: z.array(Convocado),
  orden: z.array(PuntoOrden),
  tarjetas: z.array(Tarjeta),
  anexos: z.array(Anexo),
  acuerdosLista: z.array(Acuerdo),
  eventos: z.array(EventoReunion),
});
export type ReunionDetalle = z.infer<typeof ReunionDetalle>;

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

const Generado = z.object({ archivoId: z.string(), nombre: z.string() });
const PorReunion = z.object({ reunionId: Id });

export const gabinete = {
  'gabinete.funcionarios.listar': metodo({
    input: z.object({ incluirInactivos: z.boolean().default(false), dependenciaId: Id.optional() }).optional(),
    output: z.array(Funcionario),
    acceso: LECTURA_GABINETE,
  }),
  'gabinete.funcionarios.guardar': metodo({ input: FuncionarioEntrada, output: Funcionario, acceso: DIRECTORIO_GABINETE, escritura: true }),
  'gabinete.funcionarios.cambiarActivo': metodo({
    input: z.object({ id: Id, version: Version, activo: z.boolean() }),
    output: Funcionario,
    acceso: DIRECTORIO_GABINETE,
    escritura: true,
  }),

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
    input: z.object({
      tipoId: Id,
      tema: texto('Tema o región', 150).default(''),
      fecha: fecha('Fecha de la reunión'),
      hora: Hora,
      sede: texto('Sede', 200).default(''),
      municipioClave: z.string().max(10).nullable().default(null),
    }),
    output: ReunionDetalle,
    acceso: ESCRITURA_GABINETE,
    escritura: true,
  }),
  'gabinete.reuniones.editar': metodo({
    input: z.object({
      id: Id,
      version: Version,
      tema: texto('Tema o región', 150).default(''),
      fecha: fecha('Fecha de la reunión'),
      hora: Hora,
      sede: texto('Sede', 200).default(''),
      municipioClave: z.string().max(10).nullable().default(null),
    }),
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
  }),
  'gabinete.acuerdos.tablero': metodo({
    input: z.object({ desde: fecha('Desde').optional(), hasta: fecha('Hasta').optional() }).optional(),
    output: Tablero,
    acceso: LECTURA_GABINETE,
  }),

  'gabinete.documentos.convocatoria': metodo({ input: PorReunion, output: Generado, acceso: LECTURA_GABINETE }),
  'gabinete.documentos.listaAsistencia': metodo({ input: PorReunion, output: Generado, acceso: LECTURA_GABINETE }),
  'gabinete.documentos.ordenDia': metodo({ input: PorReunion, output: Generado, acceso: LECTURA_GABINETE }),
  'gabinete.documentos.minuta': metodo({ input: PorReunion, output: Generado, acceso: LECTURA_GABINETE }),
  'gabinete.documentos.carpeta': metodo({ input: PorReunion, output: Generado, acceso: LECTURA_GABINETE }),
  'gabinete.documentos.acuerdosPorDependencia': metodo({
    input: z.object({ filtros: FiltrosAcuerdos.default({}), formato: z.enum(['pdf', 'xlsx'], { error: 'Formato: elija PDF o Excel.' }) }),
    output: Generado,
    acceso: LECTURA_GABINETE,
  }),
};
