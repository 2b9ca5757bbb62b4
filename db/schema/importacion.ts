/** Importación (issue #11): one row per import operation, and the mappings a person chose (remembered per kind). */
import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { id } from './comun';
import { usuarios } from './usuarios';

export const importaciones = sqliteTable(
  'importaciones',
  {
    id: id(),
    tipo: text('tipo').notNull(),
    archivo: text('archivo').notNull(),
    sha256: text('sha256').notNull(),
    filas: integer('filas').notNull(),
    nuevas: integer('nuevas').notNull(),
    actualizadas: integer('actualizadas').notNull(),
    sinCambio: integer('sin_cambio').notNull(),
    usuarioId: text('usuario_id').references(() => usuarios.id),
    momento: integer('momento').notNull(),
  },
  (t) => [index('importaciones_momento').on(t.momento)],
);

/**
 * What a person told the importer once: `columnas` (campo → encabezado of the file) and `valores`
 * (columna + texto normalizado → valor del catálogo, e.g. «cd obregon» → Cajeme).
 */
export const importacionMemoria = sqliteTable(
  'importacion_memoria',
  {
    tipo: text('tipo').notNull(),
    clase: text('clase', { enum: ['columnas', 'valores'] }).notNull(),
    clave: text('clave').notNull(),
    valor: text('valor').notNull(),
    actualizado: integer('actualizado').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tipo, t.clase, t.clave] })],
);
