import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { id, version, creado, actualizado, bandera } from './comun';
import { dependencias, archivos } from './catalogos';
import { usuarios } from './usuarios';
import { seriesFolios } from './correspondencia';

export const ESTATUS_OFICIO = ['borrador', 'emitido', 'entregado', 'anulado'] as const;
export const TIPOS_OFICIO = ['respuesta', 'turno', 'recordatorio', 'invitacion', 'otro'] as const;

/** Oficio templates (administrator): asunto and body with merge fields such as {destinatario.nombre}. */
export const plantillasOficio = sqliteTable(
  'plantillas_oficio',
  {
    id: id(),
    clave: text('clave').notNull(),
    nombre: text('nombre').notNull(),
    tipo: text('tipo', { enum: TIPOS_OFICIO }).notNull(),
    asunto: text('asunto').notNull(),
    cuerpo: text('cuerpo').notNull(),
    activa: bandera('activa'),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('plantillas_oficio_clave').on(t.clave)],
);

/** Outgoing oficios (DOMAIN §1b). The número is taken from the series when the oficio is emitido, never for a draft. */
export const oficios = sqliteTable(
  'oficios',
  {
    id: id(),
    /** Stable integer key of the full-text index row (oficios_fts.rowid). */
    ftsId: integer('fts_id').notNull(),
    serieId: text('serie_id').references(() => seriesFolios.id),
    anio: integer('anio'),
    numero: integer('numero'),
    /** The número as formatted when emitted; it never changes. */
    numeroTexto: text('numero_texto'),
    tipo: text('tipo', { enum: TIPOS_OFICIO }).notNull(),
    plantillaId: text('plantilla_id').references(() => plantillasOficio.id),
    /** Date printed on the oficio (office time): the emission date. */
    fecha: text('fecha'),
    lugar: text('lugar').notNull(),
    destinatarioNombre: text('destinatario_nombre').notNull(),
    destinatarioCargo: text('destinatario_cargo').notNull().default(''),
    destinatarioDependencia: text('destinatario_dependencia').notNull().default(''),
    dependenciaId: text('dependencia_id').references(() => dependencias.id),
    asunto: text('asunto').notNull(),
    cuerpo: text('cuerpo').notNull(),
    /** Tables merged into the body ({turnos_vencidos}…), frozen when the oficio was written: JSON. */
    tablas: text('tablas').notNull().default('{}'),
    firmanteNombre: text('firmante_nombre').notNull(),
    firmanteCargo: text('firmante_cargo').notNull().default(''),
    /** c.c.p. lines, JSON array of strings. */
    ccp: text('ccp').notNull().default('[]'),
    estatus: text('estatus', { enum: ESTATUS_OFICIO }).notNull(),
    emitido: integer('emitido'),
    entregaFecha: text('entrega_fecha'),
    acuseSha: text('acuse_sha').references(() => archivos.sha256),
    acuseNombre: text('acuse_nombre'),
    motivoAnulacion: text('motivo_anulacion'),
    /** Recordatorios generated in one action share a lote. */
    lote: text('lote'),
    fechaCorte: text('fecha_corte'),
    creadoPor: text('creado_por').references(() => usuarios.id),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [
    uniqueIndex('oficios_numero_unico').on(t.serieId, t.anio, t.numero),
    uniqueIndex('oficios_fts_id').on(t.ftsId),
    index('oficios_orden').on(t.anio, t.numero),
    index('oficios_estatus').on(t.estatus),
    index('oficios_dependencia').on(t.dependenciaId, t.emitido),
    index('oficios_lote').on(t.lote),
  ],
);

/** What an oficio refers to: asuntos, turnos, acuerdos, compromisos (the reminded items of a recordatorio). */
export const oficiosReferencias = sqliteTable(
  'oficios_referencias',
  {
    oficioId: text('oficio_id').notNull().references(() => oficios.id),
    tipo: text('tipo', { enum: ['asunto', 'turno', 'acuerdo', 'compromiso'] }).notNull(),
    refId: text('ref_id').notNull(),
    /** Folio or número shown in lists (kept: the referenced record may be edited later). */
    etiqueta: text('etiqueta').notNull(),
  },
  (t) => [uniqueIndex('oficios_referencias_unica').on(t.oficioId, t.tipo, t.refId), index('oficios_referencias_ref').on(t.tipo, t.refId)],
);

export const oficiosAnexos = sqliteTable(
  'oficios_anexos',
  {
    id: id(),
    oficioId: text('oficio_id').notNull().references(() => oficios.id),
    archivoSha: text('archivo_sha').notNull().references(() => archivos.sha256),
    nombre: text('nombre').notNull(),
    tipo: text('tipo').notNull(),
    tamano: integer('tamano').notNull(),
    agregado: integer('agregado').notNull(),
    usuarioId: text('usuario_id').references(() => usuarios.id),
  },
  (t) => [uniqueIndex('oficios_anexos_unico').on(t.oficioId, t.archivoSha)],
);
