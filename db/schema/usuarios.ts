import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, version, creado, actualizado, bandera } from './comun';

export const usuarios = sqliteTable(
  'usuarios',
  {
    id: id(),
    usuario: text('usuario').notNull(),
    nombre: text('nombre').notNull(),
    rol: text('rol', { enum: ['capturista', 'coordinador', 'jefe', 'administrador'] }).notNull(),
    hash: text('hash').notNull(),
    activo: bandera('activo'),
    intentosFallidos: integer('intentos_fallidos').notNull().default(0),
    bloqueadoHasta: integer('bloqueado_hasta'),
    /** Created or reset by an administrator: the user must choose a new password at first sign-in. */
    debeCambiarContrasena: integer('debe_cambiar_contrasena', { mode: 'boolean' }).notNull().default(false),
    version: version(),
    creado: creado(),
    actualizado: actualizado(),
  },
  (t) => [uniqueIndex('usuarios_usuario_unico').on(t.usuario)],
);
