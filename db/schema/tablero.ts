import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, version, creado, actualizado } from './comun';
import { usuarios } from './usuarios';

/**
 * Informe semanal: the figures printed for a week (Monday `YYYY-MM-DD`, office time), stored as JSON
 * when the informe is generated, so a past week's informe is reproduced exactly later (names included)
 * and the tablero draws the 12-week trend from it.
 */
export const tableroInstantaneas = sqliteTable(
  'tablero_instantaneas',
  {
    id: id(),
    semana: text('semana').notNull(),
    /** Version of the JSON layout (to read old snapshots if the layout changes). */
    formato: integer('formato').notNull().default(1),
    datos: text('datos').notNull(),
    /** Figures used by the trend, denormalized for one indexed read. */
    porcentajeEn48h: integer('porcentaje_en_48h_x10'),
    generadoPor: text('generado_por').references(() => usuarios.id),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('tablero_instantaneas_semana').on(t.semana)],
);
