import { sqliteTable, text, integer, uniqueIndex, index, primaryKey, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { id, version, creado, actualizado, bandera } from './comun';
import { dependencias, municipios, archivos } from './catalogos';
import { usuarios } from './usuarios';

/**
 * Plan Estatal de Desarrollo: one editable hierarchy Eje › Objetivo › Estrategia (DOMAIN §3).
 * `padreId` is null for an eje, an eje for an objetivo, an objetivo for an estrategia (checked by the core).
 */
export const ped = sqliteTable(
  'ped',
  {
    id: id(),
    nivel: text('nivel', { enum: ['eje', 'objetivo', 'estrategia'] }).notNull(),
    padreId: text('padre_id').references((): AnySQLiteColumn => ped.id),
    clave: text('clave').notNull(),
    texto: text('texto').notNull(),
    activa: bandera('activa'),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('ped_clave_unica').on(t.clave), index('ped_padre').on(t.padreId)],
);

export const ESTATUS_COMPROMISO = ['sin_avance', 'en_proceso', 'cumplido', 'no_procedente'] as const;

/** A campaign commitment. `municipioClave` null means "Estatal". Avance is an integer percentage 0..100. */
export const compromisos = sqliteTable(
  'compromisos',
  {
    id: id(),
    numero: integer('numero').notNull(),
    descripcion: text('descripcion').notNull(),
    fechaCompromiso: text('fecha_compromiso').notNull(),
    municipioClave: text('municipio_clave').references(() => municipios.clave),
    estrategiaId: text('estrategia_id').references(() => ped.id),
    dependenciaId: text('dependencia_id')
      .notNull()
      .references(() => dependencias.id),
    estatus: text('estatus', { enum: ESTATUS_COMPROMISO }).notNull().default('sin_avance'),
    motivoNoProcedente: text('motivo_no_procedente'),
    avance: integer('avance').notNull().default(0),
    fechaEstimada: text('fecha_estimada'),
    /** Lowercase text without accents (número, descripción, municipio, dependencia) for accent-insensitive search. */
    busqueda: text('busqueda').notNull().default(''),
    creadoPor: text('creado_por').references(() => usuarios.id),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [
    uniqueIndex('compromisos_numero_unico').on(t.numero),
    index('compromisos_dependencia').on(t.dependenciaId),
    index('compromisos_municipio').on(t.municipioClave),
    index('compromisos_estrategia').on(t.estrategiaId),
  ],
);

export const compromisoCorresponsables = sqliteTable(
  'compromiso_corresponsables',
  {
    compromisoId: text('compromiso_id')
      .notNull()
      .references(() => compromisos.id),
    dependenciaId: text('dependencia_id')
      .notNull()
      .references(() => dependencias.id),
  },
  (t) => [primaryKey({ columns: [t.compromisoId, t.dependenciaId] })],
);

/** Follow-up history: appended, never rewritten (dated, authored, optional evidence and estatus/avance change). */
export const compromisoSeguimientos = sqliteTable(
  'compromiso_seguimientos',
  {
    id: id(),
    compromisoId: text('compromiso_id')
      .notNull()
      .references(() => compromisos.id),
    fecha: text('fecha').notNull(),
    nota: text('nota').notNull(),
    estatusAnterior: text('estatus_anterior', { enum: ESTATUS_COMPROMISO }).notNull(),
    estatus: text('estatus', { enum: ESTATUS_COMPROMISO }).notNull(),
    avanceAnterior: integer('avance_anterior').notNull(),
    avance: integer('avance').notNull(),
    motivo: text('motivo'),
    evidenciaSha: text('evidencia_sha').references(() => archivos.sha256),
    evidenciaNombre: text('evidencia_nombre'),
    autorId: text('autor_id')
      .notNull()
      .references(() => usuarios.id),
    autorNombre: text('autor_nombre').notNull(),
    creado: creado(),
  },
  (t) => [index('compromiso_seguimientos_compromiso').on(t.compromisoId)],
);
