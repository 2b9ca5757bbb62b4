import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';

/**
 * Idempotency-Key → first result, per user, kept 24 h: a repeated submit (retry after a network
 * failure, double Ctrl+Enter) gets the first answer instead of writing again.
 */
export const clavesIdempotencia = sqliteTable(
  'claves_idempotencia',
  {
    /** '' for calls without a signed-in user (first run). */
    usuarioId: text('usuario_id').notNull(),
    clave: text('clave').notNull(),
    metodo: text('metodo').notNull(),
    /** SHA-256 of method + body: the same key with another body is refused. */
    huella: text('huella').notNull(),
    resultado: text('resultado').notNull(),
    momento: integer('momento').notNull(),
  },
  (t) => [primaryKey({ columns: [t.usuarioId, t.clave] }), index('claves_idempotencia_momento').on(t.momento)],
);
