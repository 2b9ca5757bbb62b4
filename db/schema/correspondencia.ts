import { sqliteTable, text, integer, uniqueIndex, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { id, version, creado, actualizado, bandera } from './comun';
import { dependencias, instrucciones, municipios, seriesDocumentales, archivos } from './catalogos';
import { usuarios } from './usuarios';

/** Series de folios (DOMAIN §1): template with {n}, {n:4}, {yy}, {yyyy}; numbers restart every year. */
export const seriesFolios = sqliteTable(
  'series_folios',
  {
    id: id(),
    clave: text('clave').notNull(),
    nombre: text('nombre').notNull(),
    plantilla: text('plantilla').notNull(),
    /** Destinatario that uses this series by default ('titular' | 'jefe_oficina'), or null. */
    destinatario: text('destinatario', { enum: ['titular', 'jefe_oficina'] }),
    /** What the series numbers: incoming asuntos, or outgoing oficios (DOMAIN §1b; same gapless counter). */
    uso: text('uso', { enum: ['correspondencia', 'oficios'] }).notNull().default('correspondencia'),
    activa: bandera('activa'),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('series_folios_clave_unica').on(t.clave)],
);

/** Next number per (serie, año); taken inside the inserting IMMEDIATE transaction (gapless, never reused). */
export const contadoresFolio = sqliteTable(
  'contadores_folio',
  {
    serieId: text('serie_id').notNull().references(() => seriesFolios.id),
    anio: integer('anio').notNull(),
    siguiente: integer('siguiente').notNull(),
    actualizado: actualizado(),
  },
  (t) => [primaryKey({ columns: [t.serieId, t.anio] })],
);

/** Remitentes already seen, for autocomplete (clave = normalized nombre|cargo|organización). */
export const remitentes = sqliteTable(
  'remitentes',
  {
    id: id(),
    clave: text('clave').notNull(),
    nombre: text('nombre').notNull(),
    cargo: text('cargo').notNull().default(''),
    organizacion: text('organizacion').notNull().default(''),
    municipioClave: text('municipio_clave').references(() => municipios.clave),
    usos: integer('usos').notNull().default(0),
    ultimoUso: integer('ultimo_uso').notNull(),
  },
  (t) => [uniqueIndex('remitentes_clave_unica').on(t.clave), index('remitentes_uso').on(t.ultimoUso)],
);

export const asuntos = sqliteTable(
  'asuntos',
  {
    id: id(),
    /** Stable integer key of the full-text index row (asuntos_fts.rowid). */
    ftsId: integer('fts_id').notNull(),
    serieId: text('serie_id').notNull().references(() => seriesFolios.id),
    anio: integer('anio').notNull(),
    numero: integer('numero').notNull(),
    /** The folio as formatted when registered; it never changes. */
    folio: text('folio').notNull(),
    recibido: integer('recibido').notNull(),
    fechaRecepcion: text('fecha_recepcion').notNull(),
    medio: text('medio', { enum: ['ventanilla', 'correo_postal', 'correo_electronico', 'gira', 'otro'] }).notNull(),
    destinatario: text('destinatario', { enum: ['titular', 'jefe_oficina'] }).notNull(),
    tipo: text('tipo', { enum: ['oficio', 'peticion', 'invitacion', 'tarjeta', 'correo', 'otro'] }).notNull(),
    prioridad: text('prioridad', { enum: ['normal', 'urgente'] }).notNull(),
    remitenteNombre: text('remitente_nombre').notNull(),
    remitenteCargo: text('remitente_cargo').notNull().default(''),
    remitenteOrganizacion: text('remitente_organizacion').notNull().default(''),
    municipioClave: text('municipio_clave').references(() => municipios.clave),
    oficioNumero: text('oficio_numero').notNull().default(''),
    oficioFecha: text('oficio_fecha'),
    asunto: text('asunto').notNull(),
    serieDocumentalId: text('serie_documental_id').references(() => seriesDocumentales.id),
    observaciones: text('observaciones').notNull().default(''),
    /** Derived (never typed): kept by the core in the same transaction as every change that affects it. */
    estatus: text('estatus', { enum: ['por_turnar', 'pendiente', 'en_proceso', 'atendido', 'archivado', 'anulado'] }).notNull(),
    /** Instant of the first turno (48-hour service target). */
    primerTurno: integer('primer_turno'),
    /** primer_turno − recibido in ms (indexed: turned within 48 h or not). */
    demoraTurno: integer('demora_turno'),
    /** Derived: earliest fecha límite among open turnos that require attention (indexed: vencidos). */
    plazoProximo: text('plazo_proximo'),
    anulado: integer('anulado', { mode: 'boolean' }).notNull().default(false),
    motivoAnulacion: text('motivo_anulacion'),
    archivado: integer('archivado', { mode: 'boolean' }).notNull().default(false),
    motivoArchivo: text('motivo_archivo'),
    registradoPor: text('registrado_por').references(() => usuarios.id),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [
    uniqueIndex('asuntos_folio_unico').on(t.serieId, t.anio, t.numero),
    uniqueIndex('asuntos_fts_id').on(t.ftsId),
    index('asuntos_orden').on(t.anio, t.numero),
    index('asuntos_estatus').on(t.estatus, t.anio, t.numero),
    index('asuntos_recibido').on(t.recibido),
    index('asuntos_recepcion_turno').on(t.recibido, t.primerTurno, t.anulado, t.archivado),
    index('asuntos_demora').on(t.demoraTurno),
    index('asuntos_municipio').on(t.municipioClave, t.anio, t.numero),
    index('asuntos_serie_documental').on(t.serieDocumentalId, t.anio, t.numero),
    index('asuntos_plazo_proximo').on(t.plazoProximo),
    /** Ids of one estatus in id order: counted by merging with a dependencia's sorted list (INTERSECT), no probe per asunto. */
    index('asuntos_estatus_id').on(t.estatus, t.id),
    /** From a full-text match (fts_id) to the asunto's id without reading the row (FTS + dependencia counts). */
    index('asuntos_fts_id_id').on(t.ftsId, t.id),
    index('asuntos_filtros').on(t.id, t.estatus, t.anio, t.serieId, t.tipo, t.prioridad, t.destinatario, t.recibido, t.ftsId, t.demoraTurno, t.plazoProximo),
  ],
);

export const turnos = sqliteTable(
  'turnos',
  {
    id: id(),
    asuntoId: text('asunto_id').notNull().references(() => asuntos.id),
    dependenciaId: text('dependencia_id').notNull().references(() => dependencias.id),
    instruccionId: text('instruccion_id').notNull().references(() => instrucciones.id),
    /** Copied from the instrucción when turned (a later catalog edit does not rewrite history). */
    requiereAtencion: integer('requiere_atencion', { mode: 'boolean' }).notNull(),
    turnado: integer('turnado').notNull(),
    fechaTurno: text('fecha_turno').notNull(),
    plazoOriginal: text('plazo_original'),
    fechaLimite: text('fecha_limite'),
    prorrogas: integer('prorrogas').notNull().default(0),
    reaperturas: integer('reaperturas').notNull().default(0),
    estatus: text('estatus', { enum: ['pendiente', 'en_proceso', 'atendido', 'devuelto'] }).notNull(),
    atendido: integer('atendido'),
    /** Devolución (DOMAIN §1): the dependencia returned the turno as outside its competence. */
    devolucionFecha: text('devolucion_fecha'),
    devolucionMotivo: text('devolucion_motivo'),
    /** On a reassigned turno: the returned turno it replaces. */
    reasignadoDe: text('reasignado_de'),
    notas: text('notas').notNull().default(''),
    turnadoPor: text('turnado_por').references(() => usuarios.id),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [
    index('turnos_asunto').on(t.asuntoId),
    index('turnos_dependencia').on(t.dependenciaId, t.asuntoId),
    index('turnos_vencimiento').on(t.estatus, t.fechaLimite),
    index('turnos_turnado').on(t.turnado),
    /**
     * Reporte de Estatus: per dependencia, one turnado range per (requiere atención, estatus) — the
     * counts come from the index order, with only two expressions per row (prórrogas, vencidos).
     */
    index('turnos_reporte_estatus').on(t.dependenciaId, t.requiereAtencion, t.estatus, t.turnado, t.prorrogas, t.fechaLimite),
  ],
);

/** Prórrogas and reaperturas: the original plazo stays in the history. */
export const turnosHistorial = sqliteTable(
  'turnos_historial',
  {
    id: id(),
    turnoId: text('turno_id').notNull().references(() => turnos.id),
    tipo: text('tipo', { enum: ['prorroga', 'reapertura'] }).notNull(),
    motivo: text('motivo').notNull(),
    plazoAnterior: text('plazo_anterior'),
    plazoNuevo: text('plazo_nuevo'),
    estatusAnterior: text('estatus_anterior').notNull(),
    momento: integer('momento').notNull(),
    usuarioId: text('usuario_id').references(() => usuarios.id),
  },
  (t) => [index('turnos_historial_turno').on(t.turnoId)],
);

export const respuestas = sqliteTable(
  'respuestas',
  {
    id: id(),
    turnoId: text('turno_id').notNull().references(() => turnos.id),
    numeroOficio: text('numero_oficio').notNull().default(''),
    fecha: text('fecha').notNull(),
    resumen: text('resumen').notNull().default(''),
    archivoSha: text('archivo_sha').references(() => archivos.sha256),
    archivoNombre: text('archivo_nombre'),
    registrado: integer('registrado').notNull(),
    usuarioId: text('usuario_id').references(() => usuarios.id),
  },
  (t) => [index('respuestas_turno').on(t.turnoId)],
);

export const anexos = sqliteTable(
  'anexos',
  {
    id: id(),
    asuntoId: text('asunto_id').notNull().references(() => asuntos.id),
    archivoSha: text('archivo_sha').notNull().references(() => archivos.sha256),
    /** Display name only (sanitized); never used as a path. */
    nombre: text('nombre').notNull(),
    tipo: text('tipo').notNull(),
    tamano: integer('tamano').notNull(),
    agregado: integer('agregado').notNull(),
    usuarioId: text('usuario_id').references(() => usuarios.id),
  },
  (t) => [uniqueIndex('anexos_unico').on(t.asuntoId, t.archivoSha)],
);

/** The asunto's timeline: who, when, what changed. */
export const asuntosEventos = sqliteTable(
  'asuntos_eventos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    asuntoId: text('asunto_id').notNull().references(() => asuntos.id),
    momento: integer('momento').notNull(),
    usuarioId: text('usuario_id').references(() => usuarios.id),
    usuario: text('usuario'),
    tipo: text('tipo').notNull(),
    descripcion: text('descripcion').notNull(),
    detalle: text('detalle'),
    /** Late capture: the date on which it really happened, when it differs from the capture instant (momento). */
    ocurrio: text('ocurrio'),
  },
  (t) => [index('asuntos_eventos_asunto').on(t.asuntoId, t.id)],
);
