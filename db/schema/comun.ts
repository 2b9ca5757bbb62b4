import { integer, text } from 'drizzle-orm/sqlite-core';

/** Columns every editable record has: UUIDv7 id, optimistic-concurrency version, audit instants (epoch ms UTC). */
export const id = () => text('id').primaryKey();
export const version = () => integer('version').notNull().default(0);
export const creado = () => integer('creado').notNull();
export const actualizado = () => integer('actualizado').notNull();
export const bandera = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(true);
