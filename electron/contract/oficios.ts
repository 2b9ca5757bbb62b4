/** Oficios de salida (DOMAIN §1b): oficios with their own gapless numbering, plantillas, recordatorios. */
import { z } from 'zod';
import { metodo, clave, Id, Version, Instante, SOLO_ADMIN, TODOS, texto, textoRequerido, fecha, type Rol } from './comun';
import { ArchivoEntrada } from './correspondencia';

/** Who writes oficios: clerks answer and remind turnos, coordinators remind acuerdos and compromisos. */
export const REDACCION_OFICIOS: readonly Rol[] = ['capturista', 'coordinador', 'administrador'];

export const ESTATUS_OFICIO = ['borrador', 'emitido', 'entregado', 'anulado'] as const;
export const TIPOS_OFICIO = ['respuesta', 'turno', 'recordatorio', 'invitacion', 'otro'] as const;
export const MATERIAS_RECORDATORIO = ['turnos', 'acuerdos', 'compromisos'] as const;

export const ETIQUETAS_OFICIO = {
  estatus: { borrador: 'Borrador', emitido: 'Emitido', entregado: 'Entregado', anulado: 'Anulado' },
  tipo: { respuesta: 'Respuesta al remitente', turno: 'Oficio de turno', recordatorio: 'Recordatorio', invitacion: 'Invitación o convocatoria', otro: 'Otro' },
  materia: { turnos: 'Turnos vencidos', acuerdos: 'Acuerdos de gabinete', compromisos: 'Compromisos' },
} as const;

/**
 * Merge fields of the plantillas. Text fields are replaced when the oficio is written (the clerk can still
 * edit the result); table fields stay as a marker on their own line and print as a table.
 */
export const CAMPOS_TEXTO = {
  'destinatario.nombre': 'Nombre del destinatario',
  'destinatario.cargo': 'Cargo del destinatario',
  'destinatario.dependencia': 'Dependencia u organización del destinatario',
  'asunto.folio': 'Folio del asunto referido',
  'asunto.resumen': 'Texto del asunto referido',
  'asunto.remitente': 'Remitente del asunto referido',
  'asunto.fecha_recepcion': 'Fecha de recepción del asunto («20 de noviembre de 2026»)',
  'asunto.numero_oficio': 'Número del oficio del remitente',
  fecha_larga: 'Fecha de hoy («25 de noviembre de 2026»)',
  fecha_corte: 'Fecha de corte de un recordatorio',
  'firmante.nombre': 'Nombre del firmante',
  'firmante.cargo': 'Cargo del firmante',
  institucion: 'Nombre de la institución',
} as const;
export const CAMPOS_TABLA = {
  turnos_vencidos: 'Tabla de turnos vencidos de la dependencia (folio, asunto, fecha de turno, plazo, días hábiles vencidos)',
  acuerdos_vencidos: 'Tabla de acuerdos vencidos de la dependencia',
  compromisos_vencidos: 'Tabla de compromisos vencidos de la dependencia',
} as const;
export type CampoTabla = keyof typeof CAMPOS_TABLA;

export const EstatusOficio = z.enum(ESTATUS_OFICIO, { error: 'Estatus: valor desconocido.' });
export const TipoOficio = z.enum(TIPOS_OFICIO, { error: 'Tipo de oficio: elija una opción de la lista.' });
export const MateriaRecordatorio = z.enum(MATERIAS_RECORDATORIO, { error: 'Recordatorio de: elija turnos, acuerdos o compromisos.' });

// ───────────── Plantillas ─────────────

export const Plantilla = z.object({
  id: Id,
  clave: z.string(),
  nombre: z.string(),
  tipo: TipoOficio,
  asunto: z.string(),
  cuerpo: z.string(),
  activa: z.boolean(),
  version: Version,
});
export type Plantilla = z.infer<typeof Plantilla>;

const GuardarPlantilla = z.object({
  id: Id.optional(),
  version: Version.optional(),
  clave: clave(40, /^[A-Z0-9_-]+$/, 'La clave solo admite letras, números, guion y guion bajo.'),
  nombre: textoRequerido('Nombre', 120),
  tipo: TipoOficio,
  asunto: textoRequerido('Asunto', 300),
  cuerpo: textoRequerido('Cuerpo', 20_000),
  activa: z.boolean().default(true),
});

// ───────────── Oficios ─────────────

/** A table merged into the body ({turnos_vencidos}…), frozen when the oficio was written. */
export const TablaOficio = z.object({
  columnas: z.array(z.object({ titulo: z.string(), ancho: z.number(), alineacion: z.enum(['izquierda', 'centro', 'derecha']) })),
  filas: z.array(z.array(z.string())),
});
export type TablaOficio = z.infer<typeof TablaOficio>;

export const Destinatario = z.object({
  nombre: texto('Nombre del destinatario', 200),
  cargo: texto('Cargo del destinatario', 200).default(''),
  dependencia: texto('Dependencia del destinatario', 200).default(''),
  dependenciaId: Id.nullable().default(null),
});

export const TIPOS_REFERENCIA = ['asunto', 'turno', 'acuerdo', 'compromiso'] as const;
const Referencia = z.object({ tipo: z.enum(TIPOS_REFERENCIA), id: Id });

const CamposOficio = z.object({
  tipo: TipoOficio.default('otro'),
  plantillaId: Id.nullable().default(null),
  destinatario: Destinatario,
  asunto: texto('Asunto', 300).default(''),
  cuerpo: texto('Cuerpo', 200_000).default(''),
  tablas: z.record(z.string(), TablaOficio).default({}),
  firmante: z.object({ nombre: texto('Nombre del firmante', 150), cargo: texto('Cargo del firmante', 200).default('') }),
  ccp: z.array(textoRequerido('Línea de c.c.p.', 300)).max(20, 'Máximo 20 líneas de c.c.p.').default([]),
  referencias: z.array(Referencia).max(500).default([]),
});
export type CamposOficio = z.infer<typeof CamposOficio>;

export const Oficio = z.object({
  id: Id,
  numero: z.string().nullable(),
  anio: z.number().int().nullable(),
  fecha: z.string().nullable(),
  lugar: z.string(),
  tipo: TipoOficio,
  plantillaId: Id.nullable(),
  destinatario: z.object({ nombre: z.string(), cargo: z.string(), dependencia: z.string(), dependenciaId: Id.nullable() }),
  asunto: z.string(),
  cuerpo: z.string(),
  tablas: z.record(z.string(), TablaOficio),
  firmante: z.object({ nombre: z.string(), cargo: z.string() }),
  ccp: z.array(z.string()),
  referencias: z.array(z.object({ tipo: z.enum(TIPOS_REFERENCIA), id: Id, etiqueta: z.string() })),
  anexos: z.array(z.object({ sha256: z.string(), nombre: z.string(), tipo: z.string(), tamano: z.number().int() })),
  estatus: EstatusOficio,
  emitido: Instante.nullable(),
  entrega: z.object({ fecha: z.string(), acuse: z.object({ sha256: z.string(), nombre: z.string() }).nullable() }).nullable(),
  motivoAnulacion: z.string().nullable(),
  lote: z.string().nullable(),
  fechaCorte: z.string().nullable(),
  creadoPor: z.string().nullable(),
  creado: Instante,
  version: Version,
});
export type Oficio = z.infer<typeof Oficio>;

export const FilaOficio = z.object({
  id: Id,
  numero: z.string().nullable(),
  anio: z.number().int().nullable(),
  fecha: z.string().nullable(),
  tipo: TipoOficio,
  destinatario: z.string(),
  dependencia: z.string(),
  asunto: z.string(),
  estatus: EstatusOficio,
  referencias: z.string(),
  entregaFecha: z.string().nullable(),
  creado: Instante,
});
export type FilaOficio = z.infer<typeof FilaOficio>;

export const FiltrosOficios = z.object({
  anio: z.number().int().min(2000).max(2100).nullable().optional(),
  estatus: EstatusOficio.nullable().optional(),
  tipo: TipoOficio.nullable().optional(),
  destinatario: texto('Destinatario', 200).optional(),
  dependenciaId: Id.nullable().optional(),
  /** Folio of a referenced asunto (exact), or an asunto's id. */
  folio: texto('Folio referido', 60).optional(),
  asuntoId: Id.nullable().optional(),
  /** Oficios (recordatorios above all) that refer to one acuerdo or one compromiso: its seguimiento shows them. */
  acuerdoId: Id.nullable().optional(),
  compromisoId: Id.nullable().optional(),
  lote: Id.nullable().optional(),
  texto: texto('Búsqueda', 200).optional(),
});
export type FiltrosOficios = z.infer<typeof FiltrosOficios>;

const Archivo = z.object({ archivoId: z.string(), nombre: z.string() });

// ───────────── Recordatorios ─────────────

const ParametrosRecordatorio = z.object({
  corte: fecha('Fecha de corte'),
  materia: MateriaRecordatorio.default('turnos'),
  /** Also list items en riesgo (within the Ajustes' días en riesgo), not only vencidos. */
  conRiesgo: z.boolean().default(false),
});

export const FilaRecordatorio = z.object({
  dependenciaId: Id,
  dependencia: z.string(),
  siglas: z.string(),
  destinatario: z.object({ nombre: z.string(), cargo: z.string() }),
  vencidos: z.number().int(),
  enRiesgo: z.number().int(),
  ultimoRecordatorio: z.object({ numero: z.string(), fecha: z.string() }).nullable(),
});
export type FilaRecordatorio = z.infer<typeof FilaRecordatorio>;

export const oficios = {
  'oficios.plantillas.listar': metodo({ input: z.object({}).optional(), output: z.array(Plantilla), acceso: TODOS }),
  'oficios.plantillas.guardar': metodo({ input: GuardarPlantilla, output: Plantilla, acceso: SOLO_ADMIN, escritura: true }),

  /** Directorio (gabinete) and the titulares of the dependencias catalog, to pick a destinatario. */
  'oficios.destinatarios': metodo({
    input: z.object({}).optional(),
    output: z.array(z.object({ nombre: z.string(), cargo: z.string(), dependencia: z.string(), dependenciaId: Id.nullable() })),
    acceso: TODOS,
  }),

  /** A draft's content from a plantilla and what it refers to (nothing is saved). */
  'oficios.redactar': metodo({
    input: z.object({
      plantillaId: Id.nullable().default(null),
      asuntoId: Id.nullable().default(null),
      turnoId: Id.nullable().default(null),
      destinatario: Destinatario.nullable().default(null),
    }),
    output: CamposOficio.extend({ tablas: z.record(z.string(), TablaOficio) }),
    acceso: REDACCION_OFICIOS,
  }),
  'oficios.crear': metodo({ input: CamposOficio, output: Oficio, acceso: REDACCION_OFICIOS, escritura: true }),
  'oficios.editar': metodo({ input: CamposOficio.extend({ id: Id, version: Version }), output: Oficio, acceso: REDACCION_OFICIOS, escritura: true }),
  /** Takes the next número of the outgoing series; the fecha is today. */
  'oficios.emitir': metodo({ input: z.object({ id: Id, version: Version }), output: Oficio, acceso: REDACCION_OFICIOS, escritura: true }),
  /** Delivered: date and the scanned acuse (checked by content, then one transaction). */
  'oficios.entregar': metodo({
    input: z.object({ id: Id, version: Version, fecha: fecha('Fecha de entrega'), acuse: ArchivoEntrada.nullable().default(null) }),
    output: Oficio,
    acceso: REDACCION_OFICIOS,
    escritura: true,
  }),
  'oficios.anular': metodo({
    input: z.object({ id: Id, version: Version, motivo: textoRequerido('Motivo', 1000) }),
    output: Oficio,
    acceso: REDACCION_OFICIOS,
    escritura: true,
  }),
  'oficios.anexos.agregar': metodo({
    input: z.object({ id: Id, version: Version, archivos: z.array(ArchivoEntrada).min(1).max(20) }),
    output: Oficio,
    acceso: REDACCION_OFICIOS,
    escritura: true,
  }),
  /** Takes an anexo off a borrador (the stored file stays: other records may share it). */
  'oficios.anexos.quitar': metodo({
    input: z.object({ id: Id, version: Version, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Identificador de archivo inválido.') }),
    output: Oficio,
    acceso: REDACCION_OFICIOS,
    escritura: true,
  }),
  /** The scanned acuse or an anexo, as a generated file to open. */
  'oficios.archivo': metodo({
    input: z.object({ id: Id, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Identificador de archivo inválido.') }),
    output: Archivo,
    acceso: TODOS,
  }),
  'oficios.obtener': metodo({ input: z.object({ id: Id }), output: Oficio, acceso: TODOS }),
  'oficios.listar': metodo({
    input: FiltrosOficios.extend({ limite: z.number().int().min(1).max(500).default(50), desplazamiento: z.number().int().min(0).default(0) }),
    output: z.object({ filas: z.array(FilaOficio), total: z.number().int() }),
    acceso: TODOS,
  }),
  'oficios.exportar': metodo({ input: FiltrosOficios, output: Archivo, acceso: TODOS }),
  /** PDFs of one or many oficios: all in one file, or one file each (recordatorios: one per dependencia). */
  'oficios.pdf': metodo({
    input: z.object({
      ids: z.array(Id).min(1, 'Elija al menos un oficio.').max(1000, 'Máximo 1,000 oficios a la vez.'),
      modo: z.enum(['uno', 'separados']).default('uno'),
      tarea: z.string().max(64).optional(),
    }),
    output: z.object({ archivos: z.array(Archivo), paginas: z.number().int() }),
    acceso: TODOS,
  }),

  'oficios.recordatorios.vistaPrevia': metodo({
    input: ParametrosRecordatorio,
    output: z.object({ filas: z.array(FilaRecordatorio), total: z.number().int() }),
    acceso: REDACCION_OFICIOS,
  }),
  /** One oficio per dependencia, all emitted in one transaction with consecutive números. */
  'oficios.recordatorios.generar': metodo({
    input: ParametrosRecordatorio.extend({ dependencias: z.array(Id).min(1, 'Elija al menos una dependencia.').max(500), tarea: z.string().max(64).optional() }),
    output: z.object({ lote: Id, oficios: z.array(FilaOficio) }),
    acceso: REDACCION_OFICIOS,
    escritura: true,
  }),
};
