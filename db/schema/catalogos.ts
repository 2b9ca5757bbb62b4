import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, version, creado, actualizado, bandera } from './comun';

export const dependencias = sqliteTable(
  'dependencias',
  {
    id: id(),
    clave: text('clave').notNull(),
    nombre: text('nombre').notNull(),
    siglas: text('siglas').notNull().default(''),
    titular: text('titular').notNull().default(''),
    activa: bandera('activa'),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('dependencias_clave_unica').on(t.clave)],
);

export const unidades = sqliteTable(
  'unidades',
  {
    id: id(),
    clave: text('clave').notNull(),
    nombre: text('nombre').notNull(),
    activa: bandera('activa'),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('unidades_clave_unica').on(t.clave)],
);

/** The 72 municipios of Sonora (INEGI keys): shipped data, read-only. */
export const municipios = sqliteTable('municipios', {
  clave: text('clave').primaryKey(),
  nombre: text('nombre').notNull(),
});

export const tiposGabinete = sqliteTable(
  'tipos_gabinete',
  {
    id: id(),
    clave: text('clave').notNull(),
    nombre: text('nombre').notNull(),
    numeracion: text('numeracion', { enum: ['por_tipo', 'por_tema', 'ninguna'] }).notNull(),
    plantilla: text('plantilla').notNull(),
    activa: bandera('activa'),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('tipos_gabinete_clave_unica').on(t.clave)],
);

export const seriesDocumentales = sqliteTable(
  'series_documentales',
  {
    id: id(),
    clave: text('clave').notNull(),
    nombre: text('nombre').notNull(),
    activa: bandera('activa'),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('series_documentales_clave_unica').on(t.clave)],
);

export const instrucciones = sqliteTable(
  'instrucciones_turno',
  {
    id: id(),
    clave: text('clave').notNull(),
    nombre: text('nombre').notNull(),
    requiereAtencion: integer('requiere_atencion', { mode: 'boolean' }).notNull().default(true),
    diasHabiles: integer('dias_habiles').notNull().default(10),
    activa: bandera('activa'),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('instrucciones_turno_clave_unica').on(t.clave)],
);

/** The office's own non-working days; statutory holidays are computed per year (rules/diasInhabiles). */
export const diasInhabiles = sqliteTable(
  'dias_inhabiles',
  {
    id: id(),
    fecha: text('fecha').notNull(),
    descripcion: text('descripcion').notNull(),
    activa: bandera('activa'),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('dias_inhabiles_fecha_unica').on(t.fecha)],
);

/** Key → JSON value; one row per setting. */
export const ajustes = sqliteTable('ajustes', {
  clave: text('clave').primaryKey(),
  valor: text('valor').notNull(),
  version: version(),
  actualizado: actualizado(),
});

/** Content-addressed files (anexos, logo, evidence): the bytes live under dataDir/archivos/<sha256>. */
export const archivos = sqliteTable('archivos', {
  sha256: text('sha256').primaryKey(),
  tipo: text('tipo').notNull(),
  tamano: integer('tamano').notNull(),
  creado: creado(),
});
