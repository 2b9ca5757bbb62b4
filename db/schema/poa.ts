import { sqliteTable, text, integer, uniqueIndex, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { id, version, creado, actualizado } from './comun';
import { unidades, archivos } from './catalogos';
import { usuarios } from './usuarios';

/**
 * POA metas (DOMAIN §4). Quantities are stored exactly as integer hundredths ("centésimas"):
 * 12.5 → 1250, 95 % → 9500. Never floats.
 */
export const poaMetas = sqliteTable(
  'poa_metas',
  {
    id: id(),
    anio: integer('anio').notNull(),
    numero: integer('numero').notNull(),
    descripcion: text('descripcion').notNull(),
    unidadId: text('unidad_id')
      .notNull()
      .references(() => unidades.id),
    unidadMedida: text('unidad_medida').notNull(),
    tipo: text('tipo', { enum: ['acumulable', 'porcentaje'] }).notNull(),
    periodicidad: text('periodicidad', { enum: ['trimestral', 'mensual'] }).notNull(),
    /** Cancelled metas stay (nothing registered is deleted) but leave reports and totals. */
    cancelada: integer('cancelada', { mode: 'boolean' }).notNull().default(false),
    motivoCancelacion: text('motivo_cancelacion'),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('poa_metas_anio_numero').on(t.anio, t.numero), index('poa_metas_unidad').on(t.unidadId)],
);

/** One row per meta and period (1..4 quarters or 1..12 months): programado and the captured alcanzado. */
export const poaPeriodos = sqliteTable(
  'poa_periodos',
  {
    metaId: text('meta_id')
      .notNull()
      .references(() => poaMetas.id),
    periodo: integer('periodo').notNull(),
    programado: integer('programado'),
    alcanzado: integer('alcanzado'),
    comentario: text('comentario').notNull().default(''),
    evidenciaSha: text('evidencia_sha').references(() => archivos.sha256),
    evidenciaNombre: text('evidencia_nombre'),
    capturadoPor: text('capturado_por').references(() => usuarios.id),
    capturado: integer('capturado'),
    version: version(),
  },
  (t) => [primaryKey({ columns: [t.metaId, t.periodo] })],
);

/** Quarter closings and reopenings, append-only: a quarter is closed when its last event is "cerrar". */
export const poaCierres = sqliteTable(
  'poa_cierres',
  {
    id: id(),
    anio: integer('anio').notNull(),
    trimestre: integer('trimestre').notNull(),
    accion: text('accion', { enum: ['cerrar', 'reabrir'] }).notNull(),
    motivo: text('motivo').notNull().default(''),
    usuarioId: text('usuario_id')
      .notNull()
      .references(() => usuarios.id),
    usuarioNombre: text('usuario_nombre').notNull(),
    creado: creado(),
  },
  (t) => [index('poa_cierres_anio').on(t.anio, t.trimestre)],
);
