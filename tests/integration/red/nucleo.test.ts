/** Network-mode guarantees that live in the core: idempotency keys, change notices, password checks, sessions. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { CONTRASENA, PROVISIONAL, crearUsuarioYEntrar, fallar, llamar } from '../ayuda';
import { datosAsunto, escenario, type Escenario } from '../correspondencia/apoyo';
import type { Cambio } from '../../../electron/core/tipos';

let e: Escenario;
beforeEach(async () => { e = await escenario(); });
afterEach(() => e.p.cerrar());

const contarAsuntos = (sesion = e.admin) => e.p.core.call('correspondencia.bandeja', {}, { sesion });

describe('Idempotency-Key', () => {
  it('la misma clave dos veces: un solo asunto y la misma respuesta', async () => {
    const clave = crypto.randomUUID();
    const a = await e.p.core.call('correspondencia.registrar', datosAsunto(), { sesion: e.cap, clave });
    const b = await e.p.core.call('correspondencia.registrar', datosAsunto(), { sesion: e.cap, clave });
    expect(a.ok && b.ok).toBe(true);
    expect(b).toEqual(a);
    const r = await contarAsuntos();
    expect(r.ok && (r.data as { total: number }).total).toBe(1);
  });

  it('la misma clave al mismo tiempo (doble Ctrl+Enter): un solo folio', async () => {
    const clave = crypto.randomUUID();
    const rs = await Promise.all([1, 2, 3].map(() => e.p.core.call('correspondencia.registrar', datosAsunto(), { sesion: e.cap, clave })));
    expect(rs.every((r) => r.ok)).toBe(true);
    expect(new Set(rs.map((r) => (r.ok ? (r.data as { folio: string }).folio : '')))).toHaveProperty('size', 1);
    const r = await contarAsuntos();
    expect(r.ok && (r.data as { total: number }).total).toBe(1);
  });

  it('sin clave, o con claves distintas, son dos registros', async () => {
    await llamar(e.p.core, 'correspondencia.registrar', datosAsunto(), e.cap);
    await e.p.core.call('correspondencia.registrar', datosAsunto(), { sesion: e.cap, clave: crypto.randomUUID() });
    const r = await contarAsuntos();
    expect(r.ok && (r.data as { total: number }).total).toBe(2);
  });

  it('una clave reutilizada con otros datos se rechaza y no escribe', async () => {
    const clave = crypto.randomUUID();
    await e.p.core.call('correspondencia.registrar', datosAsunto(), { sesion: e.cap, clave });
    const r = await e.p.core.call('correspondencia.registrar', datosAsunto({ asunto: 'Otro asunto distinto del primero' }), { sesion: e.cap, clave });
    expect(r).toMatchObject({ ok: false, error: { code: 'PETICION', message: expect.stringContaining('otros datos') } });
    const t = await contarAsuntos();
    expect(t.ok && (t.data as { total: number }).total).toBe(1);
  });

  it('la clave vale 24 horas y es por usuario', async () => {
    const clave = crypto.randomUUID();
    await e.p.core.call('correspondencia.registrar', datosAsunto(), { sesion: e.cap, clave });
    const otro = await crearUsuarioYEntrar(e.p.core, e.admin, 'capturista2', 'capturista');
    await e.p.core.call('correspondencia.registrar', datosAsunto(), { sesion: otro, clave });
    e.p.reloj.avanzar(24 * 60 * 60_000 + 1);
    const s = await llamar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'capturista1', contrasena: CONTRASENA });
    await e.p.core.call('correspondencia.registrar', datosAsunto(), { sesion: s.token, clave });
    const t = await contarAsuntos(s.token);
    expect(t.ok && (t.data as { total: number }).total).toBe(3);
  });

  it('una clave mal formada se rechaza', async () => {
    const r = await e.p.core.call('correspondencia.registrar', datosAsunto(), { sesion: e.cap, clave: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'PETICION' } });
  });
});

describe('avisos de cambio', () => {
  it('se emiten después del commit, sin datos, y no si la escritura falla', async () => {
    const vistos: Cambio[] = [];
    const dejar = e.p.core.on('cambio', (c) => vistos.push(c));
    const a = await llamar(e.p.core, 'correspondencia.registrar', datosAsunto(), e.cap);
    expect(vistos).toContainEqual({ entidad: 'asuntos', id: a.id });
    expect(Object.keys(vistos[0]).sort()).toEqual(['entidad', 'id']);
    vistos.length = 0;
    await fallar(e.p.core, 'correspondencia.registrar', datosAsunto({ fechaRecepcion: '2030-01-01' }), e.cap);
    await llamar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'jefe1', contrasena: CONTRASENA });
    expect(vistos).toEqual([]);
    dejar();
  });
});

describe('contraseñas y sesiones', () => {
  it('usuario inexistente y contraseña equivocada reciben el mismo mensaje', async () => {
    const a = await fallar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'nadie', contrasena: 'equivocada' });
    const b = await fallar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'capturista1', contrasena: 'equivocada' });
    expect(a).toEqual(b);
    // Five tries lock even a name that is no account, with the same message a real account gets.
    for (let i = 0; i < 4; i++) {
      await fallar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'nadie', contrasena: 'x' });
      await fallar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'capturista1', contrasena: 'x' });
    }
    const c = await fallar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'nadie', contrasena: 'x' });
    const d = await fallar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'capturista1', contrasena: 'x' });
    expect(c.code).toBe('CUENTA_BLOQUEADA');
    expect(c).toEqual(d);
  });

  it('desbloquear y cambiar la contraseña cuentan para el bloqueo y quedan en la bitácora', async () => {
    for (let i = 0; i < 2; i++) expect((await fallar(e.p.core, 'usuarios.desbloquear', { contrasena: 'x' }, e.cap)).code).toBe('CREDENCIALES');
    for (let i = 0; i < 2; i++) {
      expect((await fallar(e.p.core, 'usuarios.cambiarContrasena', { actual: 'x', nueva: 'otra-contrasena-1' }, e.cap)).code).toBe('CREDENCIALES');
    }
    const quinta = await fallar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'capturista1', contrasena: 'x' });
    expect(quinta.code).toBe('CUENTA_BLOQUEADA');
    // Locked: its open session ended, and the right password is refused until the lock passes.
    expect((await fallar(e.p.core, 'usuarios.sesion', {}, e.cap)).code).toBe('NO_AUTENTICADO');
    expect((await fallar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'capturista1', contrasena: CONTRASENA })).code).toBe('CUENTA_BLOQUEADA');
    const bit = await llamar(e.p.core, 'bitacora.listar', { entidad: 'sesion', limite: 100 }, e.admin);
    const texto = JSON.stringify(bit);
    expect(texto).toContain('usuarios.desbloquear');
    expect(texto).toContain('usuarios.cambiarContrasena');
  });

  it('un usuario creado o restablecido por el administrador debe elegir contraseña nueva', async () => {
    const u = await llamar(e.p.core, 'usuarios.crear', { usuario: 'nuevo', nombre: 'Nuevo', rol: 'capturista', contrasena: PROVISIONAL }, e.admin);
    expect(u.debeCambiarContrasena).toBe(true);
    const s = await llamar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'nuevo', contrasena: PROVISIONAL });
    expect(s.usuario.debeCambiarContrasena).toBe(true);
    expect((await fallar(e.p.core, 'correspondencia.bandeja', {}, s.token)).code).toBe('CAMBIAR_CONTRASENA');
    const igual = await fallar(e.p.core, 'usuarios.cambiarContrasena', { actual: PROVISIONAL, nueva: PROVISIONAL }, s.token);
    expect(igual.message).toContain('distinta');
    await llamar(e.p.core, 'usuarios.cambiarContrasena', { actual: PROVISIONAL, nueva: CONTRASENA }, s.token);
    await llamar(e.p.core, 'correspondencia.bandeja', {}, s.token);
    await llamar(e.p.core, 'usuarios.restablecerContrasena', { id: u.id, contrasena: PROVISIONAL }, e.admin);
    const s2 = await llamar(e.p.core, 'usuarios.iniciarSesion', { usuario: 'nuevo', contrasena: PROVISIONAL });
    expect((await fallar(e.p.core, 'correspondencia.bandeja', {}, s2.token)).code).toBe('CAMBIAR_CONTRASENA');
  });

  it('el administrador inicial eligió su contraseña: no se le pide cambiarla', async () => {
    const s = await llamar(e.p.core, 'usuarios.sesion', {}, e.admin);
    expect(s.usuario.debeCambiarContrasena).toBe(false);
  });

  it('una sesión inactiva ocho horas expira en el servidor', async () => {
    await llamar(e.p.core, 'usuarios.sesion', {}, e.cap);
    e.p.reloj.avanzar(8 * 60 * 60_000 + 1);
    expect((await fallar(e.p.core, 'usuarios.sesion', {}, e.cap)).code).toBe('NO_AUTENTICADO');
    expect((await fallar(e.p.core, 'usuarios.desbloquear', { contrasena: CONTRASENA }, e.cap)).code).toBe('NO_AUTENTICADO');
  });

  it('un archivo generado deja de descargarse al cerrar sesión o al bloquearse por inactividad', async () => {
    const a = await llamar(e.p.core, 'correspondencia.registrar', datosAsunto(), e.cap);
    const acuse = await llamar(e.p.core, 'correspondencia.reportes.acuse', { id: a.id }, e.cap);
    expect(e.p.core.archivoGenerado(acuse.archivoId, e.cap)).not.toBeNull();
    e.p.reloj.avanzar(60 * 60_000);
    expect(e.p.core.archivoGenerado(acuse.archivoId, e.cap)).toBeNull();
    await llamar(e.p.core, 'usuarios.desbloquear', { contrasena: CONTRASENA }, e.cap);
    expect(e.p.core.archivoGenerado(acuse.archivoId, e.cap)).not.toBeNull();
    await llamar(e.p.core, 'usuarios.cerrarSesion', {}, e.cap);
    expect(e.p.core.archivoGenerado(acuse.archivoId, e.cap)).toBeNull();
  });
});
