import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { startServer, type RunningServer } from '../../electron/core/server';
import { carpetaTemporal, crearPrueba, iniciarComoAdmin, type Prueba } from './ayuda';

let p: Prueba;
let srv: RunningServer;
let admin: string;

/** Raw HTTP so the test can send what a browser would refuse to (a foreign Host header). */
function pedir(opts: { metodo?: string; ruta: string; cuerpo?: string | Buffer; headers?: Record<string, string> }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: srv.port, method: opts.metodo ?? 'POST', path: opts.ruta, headers: { 'x-sse-token': srv.token, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.cuerpo);
  });
}

beforeAll(async () => {
  p = await crearPrueba();
  admin = await iniciarComoAdmin(p.core);
  const estatico = carpetaTemporal('sse-static-');
  fs.writeFileSync(path.join(estatico, 'index.html'), '<!doctype html><title>Sistema</title>');
  fs.writeFileSync(path.join(carpetaTemporal(), 'secreto.txt'), 'no');
  srv = await startServer({ core: p.core, staticDir: estatico, maxBodyBytes: 1024 * 1024 });
});
afterAll(async () => {
  await srv.close();
  p.cerrar();
});

describe('modo navegador: transporte HTTP', () => {
  it('escucha solo en 127.0.0.1 y atiende una llamada válida', async () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await pedir({ ruta: '/api/usuarios.listar', cuerpo: '{}', headers: { 'x-sse-sesion': admin } });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, data: [{ usuario: 'admin' }] });
  });

  it('sin token o con token equivocado: 401 en español', async () => {
    for (const token of ['', 'otro-token']) {
      const r = await pedir({ ruta: '/api/usuarios.estado', cuerpo: '{}', headers: { 'x-sse-token': token } });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body).error.message).toContain('clave de acceso');
    }
  });

  it('Host ajeno (DNS rebinding): rechazado', async () => {
    const r = await pedir({ ruta: '/api/usuarios.estado', cuerpo: '{}', headers: { host: 'atacante.example:80' } });
    expect(r.status).toBe(421);
    expect(JSON.parse(r.body).error.message).toContain('Host');
  });

  it('JSON mal formado: mensaje claro y nada cambia', async () => {
    const r = await pedir({ ruta: '/api/catalogos.dependencias.guardar', cuerpo: '{"clave": "X", nombre', headers: { 'x-sse-sesion': admin } });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toMatchObject({ code: 'PETICION', message: expect.stringContaining('JSON') });
  });

  it('cuerpo mayor al límite: 413', async () => {
    const r = await pedir({ ruta: '/api/usuarios.estado', cuerpo: Buffer.alloc(2 * 1024 * 1024, 32), headers: { 'x-sse-sesion': admin } });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toContain('tamaño máximo');
  });

  it('método desconocido y tipos equivocados viajan como errores de la API', async () => {
    const m = JSON.parse((await pedir({ ruta: '/api/no.existe', cuerpo: '{}', headers: { 'x-sse-sesion': admin } })).body);
    expect(m).toMatchObject({ ok: false, error: { code: 'METODO_DESCONOCIDO' } });
    const t = JSON.parse((await pedir({ ruta: '/api/catalogos.dependencias.guardar', cuerpo: '{"clave": 5}', headers: { 'x-sse-sesion': admin } })).body);
    expect(t).toMatchObject({ ok: false, error: { code: 'VALIDACION' } });
  });

  it('sirve el renderer con CSP estricta y no deja salir de su carpeta', async () => {
    const index = await pedir({ metodo: 'GET', ruta: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    const fuga = await pedir({ metodo: 'GET', ruta: '/..%2f..%2f..%2fetc%2fpasswd' });
    expect(fuga.body).not.toContain('root:');
  });

  it('una descarga solo se entrega a la sesión que generó el archivo', async () => {
    const ruta = '/api/descarga/inexistente?sesion=' + admin;
    expect((await pedir({ metodo: 'GET', ruta })).status).toBe(404);
  });
});
