/** Trust on first use and pinning, on a real local HTTPS server with a real self-signed certificate. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { huellaDe } from '../../../electron/core/http/certificado';
import { ErrorHuella, clientePinned, huellaDelServidor } from '../../../electron/core/http/clientePinned';

let servidor: https.Server;
let url: string;
let huella: string;
const vistos: string[] = [];

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keySize: 2048, algorithm: 'sha256' });
  huella = huellaDe(pems.cert);
  servidor = https.createServer({ cert: pems.cert, key: pems.private }, (req, res) => {
    vistos.push(`${req.method} ${req.url}`);
    res.setHeader('Set-Cookie', 'sse_sesion=abc; Path=/; HttpOnly; Secure; SameSite=Strict');
    res.end(JSON.stringify({ ok: true, data: { cookie: req.headers.cookie ?? null, clave: req.headers['idempotency-key'] ?? null } }));
  });
  await new Promise<void>((r) => servidor.listen(0, '127.0.0.1', () => r()));
  url = `https://127.0.0.1:${(servidor.address() as AddressInfo).port}/`;
}, 60_000);
afterAll(() => new Promise<void>((r) => servidor.close(() => r())));

describe('cliente con huella fijada', () => {
  it('lee la huella para confirmarla la primera vez (pares hexadecimales en mayúsculas)', async () => {
    expect(await huellaDelServidor(url)).toBe(huella);
    expect(huella).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('con la huella correcta habla, guarda la cookie de sesión y manda la clave de idempotencia', async () => {
    const c = clientePinned({ url, huella: huella.toLowerCase() });
    expect(await c.llamar('usuarios.estado', {}, { clave: '0192a4c8-7d1e-7c3b-9a51-6f1e2d3c4b5a' })).toMatchObject({ ok: true, data: { cookie: null, clave: '0192a4c8-7d1e-7c3b-9a51-6f1e2d3c4b5a' } });
    expect(c.conSesion).toBe(true);
    expect(await c.llamar('usuarios.sesion', {})).toMatchObject({ ok: true, data: { cookie: 'sse_sesion=abc' } });
  });

  it('con otra huella no envía nada y el error nombra ambas', async () => {
    const antes = vistos.length;
    const otra = huella.replace(/^../, huella.startsWith('00') ? '11' : '00');
    const c = clientePinned({ url, huella: otra });
    const r = await c.llamar('usuarios.iniciarSesion', { usuario: 'ana', contrasena: 'secreta-123' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CERTIFICADO');
      expect(r.error.message).toContain(otra);
      expect(r.error.message).toContain(huella);
    }
    expect(vistos.length).toBe(antes);
    await expect(c.pedir('GET', '/')).rejects.toBeInstanceOf(ErrorHuella);
  });

  it('sin servidor: «Sin conexión con el servidor», sin lanzar', async () => {
    const c = clientePinned({ url: 'https://127.0.0.1:1/', huella, tiempoMs: 2000 });
    expect(await c.llamar('usuarios.estado', {})).toMatchObject({ ok: false, error: { code: 'SIN_CONEXION', message: expect.stringContaining('Sin conexión con el servidor') } });
  });

  it('solo acepta direcciones https://', () => {
    const c = clientePinned({ url: 'http://127.0.0.1:8443/', huella });
    return expect(c.pedir('GET', '/')).rejects.toThrow('https://');
  });
});
