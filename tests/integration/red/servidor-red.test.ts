/** The office server's network profile over real HTTPS on loopback: every bad input of issue #9. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import path from 'node:path';
import crypto from 'node:crypto';
import { startHttp, type HttpEnMarcha } from '../../../electron/core/http/servidor';
import { network } from '../../../electron/core/http/perfiles';
import { obtenerCertificado, type Certificado } from '../../../electron/core/http/certificado';
import { clientePinned, huellaDelServidor, type ClientePinned } from '../../../electron/core/http/clientePinned';
import { CONTRASENA, carpetaTemporal, llamar } from '../ayuda';
import { datosAsunto, escenario, type Escenario } from '../correspondencia/apoyo';

let e: Escenario;
let cert: Certificado;
let srv: HttpEnMarcha;
const LIMITES = { revisionMs: 200, cabecerasMs: 20_000, inactividadMs: 20_000, cuerposEnVuelo: 150 * 1024 * 1024 };

async function entrar(usuario: string, contrasena = CONTRASENA, url = srv.url): Promise<ClientePinned> {
  const c = clientePinned({ url, huella: cert.huella });
  const r = await c.llamar('usuarios.iniciarSesion', { usuario, contrasena });
  if (!r.ok) throw new Error(r.error.message);
  return c;
}

beforeAll(async () => {
  e = await escenario();
  const estatico = carpetaTemporal('sse-static-');
  fs.writeFileSync(path.join(estatico, 'index.html'), '<!doctype html><title>Sistema</title>');
  cert = await obtenerCertificado({ dataDir: e.p.dataDir });
  srv = await startHttp({ core: e.p.core, profile: network({ tls: cert, host: '127.0.0.1', limites: LIMITES }), staticDir: estatico });
}, 120_000);
afterAll(async () => {
  await srv.close();
  e.p.cerrar();
});

describe('servidor de la oficina (HTTPS)', () => {
  it('el certificado se guarda en la carpeta de datos y se reutiliza; la huella es SHA-256 en pares hexadecimales', async () => {
    expect(cert.huella).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(fs.existsSync(path.join(e.p.dataDir, 'tls', 'servidor.crt'))).toBe(true);
    expect((await obtenerCertificado({ dataDir: e.p.dataDir })).huella).toBe(cert.huella);
    expect(await huellaDelServidor(srv.url)).toBe(cert.huella);
  });

  it('inicio de sesión: la sesión viaja en una cookie HttpOnly; el cuerpo no la revela', async () => {
    const c = clientePinned({ url: srv.url, huella: cert.huella });
    const r = await c.pedir('POST', '/api/usuarios.iniciarSesion', Buffer.from(JSON.stringify({ usuario: 'capturista1', contrasena: CONTRASENA })), {
      'Content-Type': 'application/json', 'X-SSE-Solicitud': '1',
    });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^sse_sesion=[\w-]{40,}; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    const body = JSON.parse(r.cuerpo.toString());
    expect(body.data.token).toBe('cookie');
    expect(r.cuerpo.toString()).not.toContain(cookie.split(';')[0].split('=')[1]);
    expect(await c.llamar('usuarios.sesion', {})).toMatchObject({ ok: true, data: { usuario: { usuario: 'capturista1' } } });
  });

  it('las peticiones seguidas de una estación viajan por una sola conexión TLS (sin un saludo TLS por petición)', async () => {
    const c = clientePinned({ url: srv.url, huella: cert.huella });
    let conexiones = 0;
    const contar = () => conexiones++;
    srv.server.on('secureConnection', contar);
    try {
      for (let i = 0; i < 5; i++) expect((await c.llamar('usuarios.estado', {})).ok).toBe(true);
    } finally {
      srv.server.off('secureConnection', contar);
    }
    expect(conexiones).toBe(1);
  });

  it('sin sesión o con una sesión inventada: NO_AUTENTICADO', async () => {
    const c = clientePinned({ url: srv.url, huella: cert.huella });
    expect(await c.llamar('correspondencia.bandeja', {})).toMatchObject({ ok: false, error: { code: 'NO_AUTENTICADO' } });
    const r = await c.pedir('POST', '/api/correspondencia.bandeja', Buffer.from('{}'), { 'X-SSE-Solicitud': '1', Cookie: 'sse_sesion=inventada' });
    expect(JSON.parse(r.cuerpo.toString())).toMatchObject({ ok: false, error: { code: 'NO_AUTENTICADO' } });
    // The local mode's header is not a way in over the network.
    const h = await c.pedir('POST', '/api/correspondencia.bandeja', Buffer.from('{}'), { 'X-SSE-Solicitud': '1', 'X-SSE-Sesion': e.cap });
    expect(JSON.parse(h.cuerpo.toString())).toMatchObject({ ok: false, error: { code: 'NO_AUTENTICADO' } });
  });

  it('HTTP sin cifrar al puerto HTTPS: respuesta clara, nada llega al núcleo', async () => {
    const puerto = srv.port;
    const texto = await new Promise<string>((resolve, reject) => {
      const s = net.connect(puerto, '127.0.0.1', () => s.write('POST /api/usuarios.estado HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}'));
      let d = '';
      s.on('data', (c) => (d += c));
      s.on('close', () => resolve(d));
      s.on('error', reject);
    });
    expect(texto).toMatch(/^HTTP\/1\.1 400/);
    expect(texto).toContain('https://');
  });

  it('un cliente fijado a otra huella se niega a hablar y nombra ambas huellas', async () => {
    const otra = 'AA:' + cert.huella.slice(3).replace(/^../, '00');
    const c = clientePinned({ url: srv.url, huella: otra });
    const r = await c.llamar('usuarios.iniciarSesion', { usuario: 'capturista1', contrasena: CONTRASENA });
    expect(r).toMatchObject({ ok: false, error: { code: 'CERTIFICADO' } });
    if (!r.ok) {
      expect(r.error.message).toContain(otra);
      expect(r.error.message).toContain(cert.huella);
    }
    expect(c.conSesion).toBe(false);
  });

  it('Origin ajeno o falta del encabezado propio: rechazado sin actuar', async () => {
    const c = await entrar('capturista1');
    const cuerpo = Buffer.from(JSON.stringify(datosAsunto()));
    const ajeno = await c.pedir('POST', '/api/correspondencia.registrar', cuerpo, { 'X-SSE-Solicitud': '1', Origin: 'https://atacante.example', 'Content-Type': 'application/json' });
    expect(ajeno.status).toBe(403);
    expect(JSON.parse(ajeno.cuerpo.toString()).error.message).toContain('Origin');
    // What a cross-site <form> can send: a simple POST without custom headers.
    const simple = await c.pedir('POST', '/api/correspondencia.registrar', cuerpo, { 'Content-Type': 'text/plain' });
    expect(simple.status).toBe(403);
    const propio = await c.pedir('POST', '/api/correspondencia.bandeja', Buffer.from('{}'), { 'X-SSE-Solicitud': '1', Origin: srv.url.replace(/\/$/, '') });
    expect(JSON.parse(propio.cuerpo.toString())).toMatchObject({ ok: true, data: { total: 0 } });
  });

  it('la misma Idempotency-Key enviada dos veces al mismo tiempo: un solo asunto', async () => {
    const c = await entrar('capturista1');
    const clave = crypto.randomUUID();
    const rs = await Promise.all([c.llamar('correspondencia.registrar', datosAsunto(), { clave }), c.llamar('correspondencia.registrar', datosAsunto(), { clave })]);
    expect(rs.every((r) => r.ok)).toBe(true);
    expect(rs[0]).toEqual(rs[1]);
    const b = await c.llamar('correspondencia.bandeja', {});
    expect(b.ok && (b.data as { total: number }).total).toBe(1);
  });

  it('descargas: con la cookie, nunca con la sesión en la dirección; tras cerrar sesión, 404', async () => {
    const c = await entrar('capturista1');
    const a = await c.llamar('correspondencia.registrar', datosAsunto({ asunto: 'Asunto para probar descargas' }));
    expect(a.ok || a.error.message).toBe(true);
    const acuse = await c.llamar('correspondencia.reportes.acuse', { id: a.ok ? (a.data as { id: string }).id : '' });
    expect(acuse.ok || acuse.error.message).toBe(true);
    const archivoId = acuse.ok ? (acuse.data as { archivoId: string }).archivoId : '';
    const ok = await c.pedir('GET', `/api/descarga/${archivoId}`);
    expect(ok.status).toBe(200);
    expect(ok.cuerpo.subarray(0, 5).toString()).toBe('%PDF-');
    const ajeno = clientePinned({ url: srv.url, huella: cert.huella });
    expect((await ajeno.pedir('GET', `/api/descarga/${archivoId}?sesion=${encodeURIComponent(e.cap)}`)).status).toBe(404);
    await c.llamar('usuarios.cerrarSesion', {});
    expect(c.conSesion).toBe(false);
    const reusado = clientePinned({ url: srv.url, huella: cert.huella });
    const conCookieVieja = await reusado.pedir('GET', `/api/descarga/${archivoId}`, undefined, { Cookie: String(ok.headers['set-cookie'] ?? '') });
    expect(conCookieVieja.status).toBe(404);
  });

  it('el flujo de eventos exige sesión y lleva solo el progreso propio y los avisos de cambio', async () => {
    const sin = clientePinned({ url: srv.url, huella: cert.huella });
    expect((await sin.pedir('GET', '/api/eventos')).status).toBe(401);
    const cap = await entrar('capturista1');
    const jefe = await entrar('jefe1');
    const deCap: [string, unknown][] = [];
    const deJefe: [string, unknown][] = [];
    const a = cap.eventos((n, d) => deCap.push([n, d]));
    const b = jefe.eventos((n, d) => deJefe.push([n, d]));
    await new Promise((r) => setTimeout(r, 500));
    const nuevo = await cap.llamar('correspondencia.registrar', datosAsunto({ asunto: 'Aviso de cambio para todas las estaciones' }));
    await cap.llamar('correspondencia.exportar.asuntos', { tarea: 'exportacion-de-cap' });
    await expect.poll(() => deJefe.some(([n, d]) => n === 'cambio' && (d as { id: string }).id === (nuevo.ok && (nuevo.data as { id: string }).id)), { timeout: 5000 }).toBe(true);
    await expect.poll(() => deCap.some(([n, d]) => n === 'progreso' && (d as { tarea: string }).tarea === 'exportacion-de-cap'), { timeout: 5000 }).toBe(true);
    expect(deJefe.filter(([n]) => n === 'progreso')).toEqual([]);
    expect(JSON.stringify(deJefe)).not.toContain('Aviso de cambio');
    a();
    b();
  });

  it('una petición lenta o interminable se corta', async () => {
    const propio = await startHttp({ core: e.p.core, profile: network({ tls: cert, host: '127.0.0.1', limites: { revisionMs: 200, cabecerasMs: 1500, inactividadMs: 2000 } }), staticDir: carpetaTemporal() });
    const respuesta: string[] = [];
    const cortada = await new Promise<boolean>((resolve) => {
      const s = tls.connect({ host: '127.0.0.1', port: propio.port, rejectUnauthorized: false }, () => s.write('POST /api/usuarios.estado HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
      s.on('error', () => undefined);
      s.on('data', (d) => respuesta.push(String(d)));
      s.on('close', () => resolve(true));
    });
    expect(cortada).toBe(true);
    expect(respuesta.join('')).toMatch(/^HTTP\/1\.1 408/);
    await propio.close();
  }, 30_000);

  it('300 conexiones ociosas no impiden atender y se cortan al vencer el plazo', async () => {
    const srv = await startHttp({ core: e.p.core, profile: network({ tls: cert, host: '127.0.0.1', limites: { revisionMs: 200, cabecerasMs: 1500, inactividadMs: 2000 } }), staticDir: carpetaTemporal() });
    const sockets = await Promise.all(
      Array.from({ length: 300 }, () => new Promise<net.Socket>((resolve, reject) => {
        const s = net.connect(srv.port, '127.0.0.1', () => resolve(s));
        s.on('error', reject);
      })),
    );
    const cerradas = Promise.all(sockets.map((s) => new Promise((r) => s.on('close', r))));
    const c = clientePinned({ url: srv.url, huella: cert.huella });
    expect(await c.llamar('usuarios.estado', {})).toMatchObject({ ok: true });
    await cerradas;
    expect(sockets.every((s) => s.destroyed)).toBe(true);
    await srv.close();
  }, 60_000);

  it('10 cuerpos de 70 MB en paralelo: se aceptan los que caben en la memoria asignada, el resto espera su turno', async () => {
    // Its own server with generous idle time: pushing 700 MB through TLS in this process keeps the event loop busy.
    const grande = await startHttp({ core: e.p.core, profile: network({ tls: cert, host: '127.0.0.1', limites: { ...LIMITES, cabecerasMs: 60_000, inactividadMs: 60_000 } }), staticDir: carpetaTemporal() });
    const c = clientePinned({ url: grande.url, huella: cert.huella });
    const cuerpo = Buffer.alloc(70 * 1024 * 1024, 0x20);
    cuerpo.write('{}', 0);
    const rs = await Promise.all(
      Array.from({ length: 10 }, () => c.pedir('POST', '/api/usuarios.estado', cuerpo, { 'X-SSE-Solicitud': '1', 'Content-Type': 'application/json' }).then((r) => r.status, () => 0)),
    );
    const aceptadas = rs.filter((s) => s === 200).length;
    const ocupado = rs.filter((s) => s === 503 || s === 0).length;
    expect(aceptadas).toBeGreaterThanOrEqual(1);
    expect(aceptadas).toBeLessThanOrEqual(2);
    expect(aceptadas + ocupado).toBe(10);
    expect(await c.llamar('usuarios.estado', {})).toMatchObject({ ok: true });
    await grande.close();
  }, 120_000);
});

describe('límite de intentos por dirección', () => {
  it('50 contraseñas equivocadas desde una dirección contra varias cuentas: a partir de la 20, ni se comprueban', async () => {
    const otro = await startHttp({ core: e.p.core, profile: network({ tls: cert, host: '127.0.0.1', limites: LIMITES }), staticDir: carpetaTemporal() });
    try {
      const cuentas = ['capturista1', 'jefe1', 'admin', 'nadie', 'otro'];
      const codigos: string[] = [];
      for (let i = 0; i < 50; i++) {
        const c = clientePinned({ url: otro.url, huella: cert.huella });
        const r = await c.llamar('usuarios.iniciarSesion', { usuario: cuentas[i % cuentas.length], contrasena: `equivocada-${i}` });
        codigos.push(r.ok ? 'OK' : r.error.code);
      }
      expect(codigos.slice(0, 20).every((c) => c === 'CREDENCIALES' || c === 'CUENTA_BLOQUEADA')).toBe(true);
      expect(codigos.slice(20).every((c) => c === 'LIMITE')).toBe(true);
      // Even the right password waits: the address is limited, not just the accounts.
      const c = clientePinned({ url: otro.url, huella: cert.huella });
      const r = await c.llamar('usuarios.iniciarSesion', { usuario: 'capturista1', contrasena: CONTRASENA });
      expect(r).toMatchObject({ ok: false, error: { code: 'LIMITE', message: expect.stringContaining('Espere') } });
      // Every failed check reached the bitácora.
      const bit = await llamar(e.p.core, 'bitacora.listar', { entidad: 'sesion', limite: 500 }, e.admin);
      expect(bit.filter((b) => JSON.stringify(b.despues).includes('intentoFallido')).length).toBeGreaterThanOrEqual(20);
    } finally {
      await otro.close();
    }
  }, 120_000);
});
