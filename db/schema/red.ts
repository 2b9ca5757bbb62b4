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

/**
 * Open sessions, so a restarted server keeps its users signed in (stations resend their pending
 * writes after a restart instead of losing them at a sign-in screen). Only a hash of the token is kept.
 */
export const sesiones = sqliteTable('sesiones', {
  tokenHash: text('token_hash').primaryKey(),
  usuarioId: text('usuario_id').notNull(),
  ultimaActividad: integer('ultima_actividad').notNull(),
  bloqueada: integer('bloqueada', { mode: 'boolean' }).notNull().default(false),
});
