/**
 * Gabinete (DOMAIN §2): directorio de funcionarios, reuniones with their convocados, asistencia, orden del
 * día, tarjetas y anexos; acuerdos with append-only seguimientos. Nothing a person registered is deleted:
 * reuniones are cancelled, anexos withdrawn, acuerdos cancelled — each with a reason.
 */
import { sqliteTable, text, integer, uniqueIndex, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { id, version, creado, actualizado, bandera } from './comun';
import { dependencias, tiposGabinete, municipios, archivos } from './catalogos';
import { usuarios } from './usuarios';

export const funcionarios = sqliteTable(
  'gab_funcionarios',
  {
    id: id(),
    nombre: text('nombre').notNull(),
    cargo: text('cargo').notNull().default(''),
    dependenciaId: text('dependencia_id').notNull().references(() => dependencias.id),
    correo: text('correo').notNull().default(''),
    telefono: text('telefono').notNull().default(''),
    activo: bandera('activo'),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [index('gab_funcionarios_dependencia').on(t.dependenciaId)],
);

export const ESTATUS_REUNION = ['programada', 'celebrada', 'cerrada', 'cancelada'] as const;

export const reuniones = sqliteTable(
  'gab_reuniones',
  {
    id: id(),
    tipoId: text('tipo_id').notNull().references(() => tiposGabinete.id),
    tema: text('tema').notNull().default(''),
    /** Numbering scope: `tipo:<id>` (por_tipo), `tema:<id>:<tema normalizado>` (por_tema), null (ninguna). */
    alcance: text('alcance'),
    ordinal: integer('ordinal'),
    /** Short key of the tema ("SAL" for "de Salud") in acuerdo codes of tipos whose ordinal doesn't identify the meeting. */
    claveTema: text('clave_tema').notNull().default(''),
    /** Generated name, rewritten whenever the ordinal, tema or template input changes. */
    nombre: text('nombre').notNull(),
    fecha: text('fecha').notNull(),
    hora: text('hora').notNull(),
    sede: text('sede').notNull().default(''),
    municipioClave: text('municipio_clave').references(() => municipios.clave),
    estatus: text('estatus', { enum: ESTATUS_REUNION }).notNull().default('programada'),
    motivoCancelacion: text('motivo_cancelacion'),
    cerradaEn: integer('cerrada_en'),
    cerradaPor: text('cerrada_por').references(() => usuarios.id),
    creadoPor: text('creado_por').notNull().references(() => usuarios.id),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [
    uniqueIndex('gab_reuniones_ordinal_unico').on(t.alcance, t.ordinal),
    index('gab_reuniones_fecha').on(t.fecha),
    index('gab_reuniones_tipo').on(t.tipoId, t.fecha),
  ],
);

export const ASISTENCIA = ['sin_registro', 'asistio', 'no_asistio', 'representante'] as const;

export const convocados = sqliteTable(
  'gab_convocados',
  {
    id: id(),
    reunionId: text('reunion_id').notNull().references(() => reuniones.id),
    funcionarioId: text('funcionario_id').notNull().references(() => funcionarios.id),
    asistencia: text('asistencia', { enum: ASISTENCIA }).notNull().default('sin_registro'),
    representante: text('representante').notNull().default(''),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('gab_convocados_unico').on(t.reunionId, t.funcionarioId)],
);

export const puntosOrden = sqliteTable(
  'gab_orden_dia',
  {
    id: id(),
    reunionId: text('reunion_id').notNull().references(() => reuniones.id),
    posicion: integer('posicion').notNull(),
    titulo: text('titulo').notNull(),
    presentador: text('presentador').notNull().default(''),
    retirado: integer('retirado', { mode: 'boolean' }).notNull().default(false),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [index('gab_orden_dia_reunion').on(t.reunionId, t.posicion)],
);

export const tarjetas = sqliteTable(
  'gab_tarjetas',
  {
    id: id(),
    reunionId: text('reunion_id').notNull().references(() => reuniones.id),
    titulo: text('titulo').notNull(),
    contenido: text('contenido').notNull(),
    dependenciaId: text('dependencia_id').references(() => dependencias.id),
    retirada: integer('retirada', { mode: 'boolean' }).notNull().default(false),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [index('gab_tarjetas_reunion').on(t.reunionId)],
);

export const anexosReunion = sqliteTable(
  'gab_anexos',
  {
    id: id(),
    reunionId: text('reunion_id').notNull().references(() => reuniones.id),
    nombre: text('nombre').notNull(),
    sha256: text('sha256').notNull().references(() => archivos.sha256),
    retirado: integer('retirado', { mode: 'boolean' }).notNull().default(false),
    motivoRetiro: text('motivo_retiro'),
    creadoPor: text('creado_por').notNull().references(() => usuarios.id),
    creado: creado(),
  },
  (t) => [index('gab_anexos_reunion').on(t.reunionId)],
);

export const ESTATUS_ACUERDO = ['por_iniciar', 'en_proceso', 'concluido', 'cancelado'] as const;

export const acuerdos = sqliteTable(
  'gab_acuerdos',
  {
    id: id(),
    reunionId: text('reunion_id').notNull().references(() => reuniones.id),
    numero: integer('numero').notNull(),
    descripcion: text('descripcion').notNull(),
    dependenciaId: text('dependencia_id').notNull().references(() => dependencias.id),
    fechaCompromiso: text('fecha_compromiso'),
    estatus: text('estatus', { enum: ESTATUS_ACUERDO }).notNull().default('por_iniciar'),
    motivoCancelacion: text('motivo_cancelacion'),
    avance: integer('avance').notNull().default(0),
    creadoPor: text('creado_por').notNull().references(() => usuarios.id),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [
    uniqueIndex('gab_acuerdos_numero_unico').on(t.reunionId, t.numero),
    index('gab_acuerdos_dependencia').on(t.dependenciaId),
    index('gab_acuerdos_estatus').on(t.estatus),
  ],
);

export const corresponsables = sqliteTable(
  'gab_acuerdo_corresponsables',
  {
    acuerdoId: text('acuerdo_id').notNull().references(() => acuerdos.id),
    dependenciaId: text('dependencia_id').notNull().references(() => dependencias.id),
  },
  (t) => [primaryKey({ columns: [t.acuerdoId, t.dependenciaId] }), index('gab_corresponsables_dependencia').on(t.dependenciaId)],
);

/** Append-only: a seguimiento is never edited or deleted. */
export const seguimientos = sqliteTable(
  'gab_seguimientos',
  {
    id: id(),
    acuerdoId: text('acuerdo_id').notNull().references(() => acuerdos.id),
    fecha: text('fecha').notNull(),
    nota: text('nota').notNull(),
    autorId: text('autor_id').notNull().references(() => usuarios.id),
    evidenciaSha: text('evidencia_sha').references(() => archivos.sha256),
    evidenciaNombre: text('evidencia_nombre'),
    estatusAntes: text('estatus_antes', { enum: ESTATUS_ACUERDO }).notNull(),
    estatusDespues: text('estatus_despues', { enum: ESTATUS_ACUERDO }).notNull(),
    avanceAntes: integer('avance_antes').notNull(),
    avanceDespues: integer('avance_despues').notNull(),
    /** What the core adjusted and why (e.g. avance set to 100 on concluding). */
    ajuste: text('ajuste'),
    creado: creado(),
  },
  (t) => [index('gab_seguimientos_acuerdo').on(t.acuerdoId, t.creado)],
);

export const EVENTOS_REUNION = ['cierre', 'reapertura', 'cancelacion', 'celebrada', 'ordinal'] as const;

/** History of a reunión's state changes (closing, reopening with reason, cancellation, ordinal edits). */
export const eventosReunion = sqliteTable(
  'gab_eventos_reunion',
  {
    id: id(),
    reunionId: text('reunion_id').notNull().references(() => reuniones.id),
    tipo: text('tipo', { enum: EVENTOS_REUNION }).notNull(),
    motivo: text('motivo'),
    usuarioId: text('usuario_id').notNull().references(() => usuarios.id),
    momento: integer('momento').notNull(),
  },
  (t) => [index('gab_eventos_reunion_reunion').on(t.reunionId, t.momento)],
);
