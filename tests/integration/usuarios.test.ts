import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crearPrueba, llamar, fallar, iniciarComoAdmin, crearUsuarioYEntrar, CONTRASENA, type Prueba } from './ayuda';

let p: Prueba;
beforeEach(async () => { p = await crearPrueba(); });
afterEach(() => p.cerrar());

describe('primer uso y sesiones', () => {
  it('pide el administrador inicial una sola vez', async () => {
    expect((await llamar(p.core, 'usuarios.estado', {})).primerUso).toBe(true);
    const admin = await iniciarComoAdmin(p.core);
    expect(admin).toMatch(/^[\w-]{40,}$/);
    expect((await llamar(p.core, 'usuarios.estado', {})).primerUso).toBe(false);
    const e = await fallar(p.core, 'usuarios.crearAdministradorInicial', { usuario: 'otro', nombre: 'Otro', contrasena: CONTRASENA });
    expect(e.code).toBe('PROHIBIDO');
    expect(await llamar(p.core, 'usuarios.listar', {}, admin)).toHaveLength(1);
  });

  it('nunca devuelve el hash de la contraseña', async () => {
    const admin = await iniciarComoAdmin(p.core);
    const lista = await llamar(p.core, 'usuarios.listar', {}, admin);
    expect(JSON.stringify(lista)).not.toContain('scrypt');
  });

  it('bloquea la cuenta 15 minutos tras cinco contraseñas equivocadas seguidas', async () => {
    const admin = await iniciarComoAdmin(p.core);
    await llamar(p.core, 'usuarios.crear', { usuario: 'ana', nombre: 'Ana', rol: 'capturista', contrasena: CONTRASENA }, admin);
    for (let i = 1; i <= 4; i++) {
      const e = await fallar(p.core, 'usuarios.iniciarSesion', { usuario: 'ana', contrasena: 'equivocada' });
      expect(e.code).toBe('CREDENCIALES');
      expect(e.message).toBe('Usuario o contraseña incorrectos. Después de 5 intentos fallidos la cuenta se bloquea 15 minutos.');
    }
    expect((await fallar(p.core, 'usuarios.iniciarSesion', { usuario: 'ana', contrasena: 'equivocada' })).code).toBe('CUENTA_BLOQUEADA');
    // Even the right password is refused while locked.
    const bloqueada = await fallar(p.core, 'usuarios.iniciarSesion', { usuario: 'ana', contrasena: CONTRASENA });
    expect(bloqueada.code).toBe('CUENTA_BLOQUEADA');
    expect(bloqueada.message).toMatch(/después de las \d\d:\d\d/);
    p.reloj.avanzar(15 * 60_000 + 1);
    expect((await llamar(p.core, 'usuarios.iniciarSesion', { usuario: 'ana', contrasena: CONTRASENA })).usuario.usuario).toBe('ana');
  });

  it('un acierto reinicia la cuenta de intentos fallidos', async () => {
    const admin = await iniciarComoAdmin(p.core);
    await llamar(p.core, 'usuarios.crear', { usuario: 'ana', nombre: 'Ana', rol: 'capturista', contrasena: CONTRASENA }, admin);
    for (let i = 0; i < 4; i++) await fallar(p.core, 'usuarios.iniciarSesion', { usuario: 'ana', contrasena: 'x' });
    await llamar(p.core, 'usuarios.iniciarSesion', { usuario: 'ana', contrasena: CONTRASENA });
    for (let i = 0; i < 4; i++) expect((await fallar(p.core, 'usuarios.iniciarSesion', { usuario: 'ana', contrasena: 'x' })).code).toBe('CREDENCIALES');
    expect((await fallar(p.core, 'usuarios.iniciarSesion', { usuario: 'ana', contrasena: 'x' })).code).toBe('CUENTA_BLOQUEADA');
  });

  it('el administrador restablece la contraseña y desbloquea', async () => {
    const admin = await iniciarComoAdmin(p.core);
    const ana = await llamar(p.core, 'usuarios.crear', { usuario: 'ana', nombre: 'Ana', rol: 'capturista', contrasena: CONTRASENA }, admin);
    for (let i = 0; i < 5; i++) await fallar(p.core, 'usuarios.iniciarSesion', { usuario: 'ana', contrasena: 'x' });
    await llamar(p.core, 'usuarios.restablecerContrasena', { id: ana.id, contrasena: 'nueva-contrasena-9' }, admin);
    expect((await llamar(p.core, 'usuarios.iniciarSesion', { usuario: 'ana', contrasena: 'nueva-contrasena-9' })).usuario.rol).toBe('capturista');
  });

  it('un usuario desactivado no entra y su sesión abierta termina', async () => {
    const admin = await iniciarComoAdmin(p.core);
    const sesionAna = await crearUsuarioYEntrar(p.core, admin, 'ana', 'capturista');
    const ana = (await llamar(p.core, 'usuarios.listar', {}, admin)).find((u) => u.usuario === 'ana')!;
    await llamar(p.core, 'usuarios.cambiarActivo', { id: ana.id, version: ana.version, activo: false }, admin);
    expect((await fallar(p.core, 'usuarios.sesion', {}, sesionAna)).code).toBe('NO_AUTENTICADO');
    const e = await fallar(p.core, 'usuarios.iniciarSesion', { usuario: 'ana', contrasena: CONTRASENA });
    expect(e.code).toBe('PROHIBIDO');
    expect(e.message).toContain('desactivada');
    // Never deleted: still listed.
    expect((await llamar(p.core, 'usuarios.listar', {}, admin)).map((u) => u.usuario)).toContain('ana');
  });

  it('la sesión se bloquea por inactividad y se desbloquea con la contraseña', async () => {
    const admin = await iniciarComoAdmin(p.core);
    p.reloj.avanzar(16 * 60_000);
    const e = await fallar(p.core, 'usuarios.listar', {}, admin);
    expect(e.code).toBe('SESION_BLOQUEADA');
    expect((await fallar(p.core, 'usuarios.desbloquear', { contrasena: 'mala' }, admin)).code).toBe('CREDENCIALES');
    await llamar(p.core, 'usuarios.desbloquear', { contrasena: CONTRASENA }, admin);
    expect(await llamar(p.core, 'usuarios.listar', {}, admin)).toHaveLength(1);
  });

  it('cerrar sesión invalida el token', async () => {
    const admin = await iniciarComoAdmin(p.core);
    await llamar(p.core, 'usuarios.cerrarSesion', {}, admin);
    expect((await fallar(p.core, 'usuarios.listar', {}, admin)).code).toBe('NO_AUTENTICADO');
  });
});

describe('permisos en el núcleo', () => {
  it('un capturista no puede crear usuarios ni tocar catálogos, y nada cambia', async () => {
    const admin = await iniciarComoAdmin(p.core);
    const cap = await crearUsuarioYEntrar(p.core, admin, 'capturista1', 'capturista');
    const e = await fallar(p.core, 'usuarios.crear', { usuario: 'intruso', nombre: 'X', rol: 'administrador', contrasena: CONTRASENA }, cap);
    expect(e.code).toBe('PROHIBIDO');
    expect(e.message).toContain('Capturista de correspondencia');
    expect((await fallar(p.core, 'catalogos.dependencias.guardar', { clave: 'NUEVA', nombre: 'Nueva' }, cap)).code).toBe('PROHIBIDO');
    expect((await llamar(p.core, 'usuarios.listar', {}, admin)).map((u) => u.usuario).sort()).toEqual(['admin', 'capturista1']);
    // Reading catalogs is allowed to every role.
    expect((await llamar(p.core, 'catalogos.dependencias.listar', {}, cap)).length).toBeGreaterThan(0);
  });

  it('sin sesión solo hay métodos públicos', async () => {
    await iniciarComoAdmin(p.core);
    expect((await fallar(p.core, 'catalogos.dependencias.listar', {}, null)).code).toBe('NO_AUTENTICADO');
    expect((await fallar(p.core, 'usuarios.listar', {}, 'token-inventado')).code).toBe('NO_AUTENTICADO');
  });

  it('usuario duplicado: mensaje claro y nada cambia', async () => {
    const admin = await iniciarComoAdmin(p.core);
    await llamar(p.core, 'usuarios.crear', { usuario: 'ana', nombre: 'Ana', rol: 'capturista', contrasena: CONTRASENA }, admin);
    const e = await fallar(p.core, 'usuarios.crear', { usuario: 'ANA', nombre: 'Otra Ana', rol: 'jefe', contrasena: CONTRASENA }, admin);
    expect(e.code).toBe('DUPLICADO');
    expect(e.message).toContain('ana');
    expect(await llamar(p.core, 'usuarios.listar', {}, admin)).toHaveLength(2);
  });

  it('edición concurrente de un usuario: el segundo recibe un conflicto', async () => {
    const admin = await iniciarComoAdmin(p.core);
    const ana = await llamar(p.core, 'usuarios.crear', { usuario: 'ana', nombre: 'Ana', rol: 'capturista', contrasena: CONTRASENA }, admin);
    await llamar(p.core, 'usuarios.actualizar', { id: ana.id, version: ana.version, nombre: 'Ana López', rol: 'capturista' }, admin);
    const e = await fallar(p.core, 'usuarios.actualizar', { id: ana.id, version: ana.version, nombre: 'Ana Pérez', rol: 'jefe' }, admin);
    expect(e.code).toBe('CONFLICTO');
    const final = (await llamar(p.core, 'usuarios.listar', {}, admin)).find((u) => u.id === ana.id)!;
    expect(final).toMatchObject({ nombre: 'Ana López', rol: 'capturista' });
  });
});

describe('entrada inválida', () => {
  it('tipos equivocados, método desconocido y texto enorme reciben mensajes en español', async () => {
    const admin = await iniciarComoAdmin(p.core);
    const tipos = await fallar(p.core, 'usuarios.crear', { usuario: 42, nombre: ['x'], rol: 'rey', contrasena: 1 }, admin);
    expect(tipos.code).toBe('VALIDACION');
    expect(tipos.message).toMatch(/se esperaba texto/);
    expect((tipos.details as { campo: string }[]).map((d) => d.campo)).toEqual(expect.arrayContaining(['usuario', 'nombre', 'rol', 'contrasena']));
    const corta = await fallar(p.core, 'usuarios.crear', { usuario: 'ana', nombre: 'Ana', rol: 'jefe', contrasena: 'corta' }, admin);
    expect(corta.message).toBe('La contraseña debe tener al menos 8 caracteres.');
    const enorme = await fallar(p.core, 'usuarios.crear', { usuario: 'ana', nombre: 'x'.repeat(1_000_000), rol: 'jefe', contrasena: CONTRASENA }, admin);
    expect(enorme.message).toContain('máximo 120 caracteres');
    const desconocido = await fallar(p.core, 'usuarios.borrarTodo', {}, admin);
    expect(desconocido).toMatchObject({ code: 'METODO_DESCONOCIDO' });
    expect((await fallar(p.core, '__proto__', {}, admin)).code).toBe('METODO_DESCONOCIDO');
    expect(await llamar(p.core, 'usuarios.listar', {}, admin)).toHaveLength(1);
  });
});
