import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** Append-only audit log; each row's hash covers the previous row's hash, so tampering breaks the chain. */
export const bitacora = sqliteTable(
  'bitacora',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    momento: integer('momento').notNull(),
    usuarioId: text('usuario_id'),
    usuario: text('usuario'),
    metodo: text('metodo').notNull(),
    entidad: text('entidad').notNull(),
    entidadId: text('entidad_id'),
    antes: text('antes'),
    despues: text('despues'),
    hashPrevio: text('hash_previo').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('bitacora_entidad').on(t.entidad, t.entidadId)],
);
