import { z } from 'zod';
import { metodo, Rol, Id, Version, Ok, Instante, SOLO_ADMIN, texto, textoRequerido } from './comun';

export const Usuario = z.object({
  id: Id,
  usuario: z.string(),
  nombre: z.string(),
  rol: Rol,
  activo: z.boolean(),
  bloqueadoHasta: Instante.nullable(),
  /** Created or reset by an administrator: must choose a new password before doing anything else. */
  debeCambiarContrasena: z.boolean(),
  version: Version,
});
export type Usuario = z.infer<typeof Usuario>;

export const Sesion = z.object({
  token: z.string(),
  usuario: Usuario,
  /** Minutes of inactivity before the session locks (Ajustes). */
  bloqueoMinutos: z.number().int(),
});
export type Sesion = z.infer<typeof Sesion>;

const NombreUsuario = z
  .string({ error: 'Usuario: se esperaba texto.' })
  .trim()
  .toLowerCase()
  .min(3, 'El usuario debe tener al menos 3 caracteres.')
  .max(40, 'El usuario admite máximo 40 caracteres.')
  .regex(/^[a-z0-9._-]+$/, 'El usuario solo admite letras sin acentos, números, punto, guion y guion bajo.');

export const Contrasena = z
  .string({ error: 'Contraseña: se esperaba texto.' })
  .min(8, 'La contraseña debe tener al menos 8 caracteres.')
  .max(200, 'La contraseña admite máximo 200 caracteres.');

const NuevoUsuario = z.object({
  usuario: NombreUsuario,
  nombre: textoRequerido('Nombre', 120),
  contrasena: Contrasena,
});

export const usuarios = {
  'usuarios.estado': metodo({
    input: z.object({}).optional(),
    output: z.object({ primerUso: z.boolean(), institucion: z.string() }),
    acceso: 'publico',
  }),
  'usuarios.crearAdministradorInicial': metodo({
    input: NuevoUsuario,
    output: Sesion,
    acceso: 'publico',
    escritura: true,
  }),
  'usuarios.iniciarSesion': metodo({
    input: z.object({ usuario: z.string().trim().toLowerCase().max(40), contrasena: z.string().max(200) }),
    output: Sesion,
    acceso: 'publico',
  }),
  'usuarios.sesion': metodo({ input: z.object({}).optional(), output: Sesion.omit({ token: true }), acceso: 'autenticado' }),
  'usuarios.cerrarSesion': metodo({ input: z.object({}).optional(), output: Ok, acceso: 'sesion' }),
  'usuarios.desbloquear': metodo({ input: z.object({ contrasena: z.string().max(200) }), output: Ok, acceso: 'sesion' }),
  'usuarios.cambiarContrasena': metodo({
    input: z.object({ actual: z.string().max(200), nueva: Contrasena }),
    output: Ok,
    acceso: 'autenticado',
    escritura: true,
  }),
  'usuarios.listar': metodo({ input: z.object({}).optional(), output: z.array(Usuario), acceso: SOLO_ADMIN }),
  'usuarios.crear': metodo({
    input: NuevoUsuario.extend({ rol: Rol }),
    output: Usuario,
    acceso: SOLO_ADMIN,
    escritura: true,
  }),
  'usuarios.actualizar': metodo({
    input: z.object({ id: Id, version: Version, nombre: textoRequerido('Nombre', 120), rol: Rol }),
    output: Usuario,
    acceso: SOLO_ADMIN,
    escritura: true,
  }),
  'usuarios.restablecerContrasena': metodo({
    input: z.object({ id: Id, contrasena: Contrasena }),
    output: Usuario,
    acceso: SOLO_ADMIN,
    escritura: true,
  }),
  'usuarios.cambiarActivo': metodo({
    input: z.object({ id: Id, version: Version, activo: z.boolean(), motivo: texto('Motivo', 500).optional() }),
    output: Usuario,
    acceso: SOLO_ADMIN,
    escritura: true,
  }),
};
