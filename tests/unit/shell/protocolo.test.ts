import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-falso'));

import { crearManejador, registrarEsquema, resolverRutaApp, servirRenderer } from '../../../electron/shell/protocolo';
import { CSP } from '../../../electron/shell/seguridad';
import { manejadoresProtocolo, protocol, reiniciarElectron } from './electron-falso';

let base: string;
let raiz: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-proto-'));
  raiz = path.join(base, 'dist', 'renderer');
  fs.mkdirSync(path.join(raiz, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(raiz, 'index.html'), '<!doctype html><title>Sistema de Seguimiento del Ejecutivo</title>');
  fs.writeFileSync(path.join(raiz, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'dist', 'secreto.txt'), 'no debe salir');
  fs.writeFileSync(path.join(base, 'package.json'), '{}');
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
beforeEach(() => reiniciarElectron());

describe('resolverRutaApp', () => {
  it('maps app://app paths inside dist/renderer', () => {
    expect(resolverRutaApp(raiz, 'app://app/')).toBe(path.join(raiz, 'index.html'));
    expect(resolverRutaApp(raiz, 'app://app/index.html')).toBe(path.join(raiz, 'index.html'));
    expect(resolverRutaApp(raiz, 'app://app/assets/app.js?v=1#x')).toBe(path.join(raiz, 'assets', 'app.js'));
    expect(resolverRutaApp(raiz, 'app://app/assets/Informe%20%C3%B1.png')).toBe(path.join(raiz, 'assets', 'Informe ñ.png'));
  });

  it('refuses ../ escapes in every spelling', () => {
    // Literal and %2e%2e dot segments are removed by the URL parser itself: they stay inside the root.
    expect(resolverRutaApp(raiz, 'app://app/../secreto.txt')).toBe(path.join(raiz, 'secreto.txt'));
    expect(resolverRutaApp(raiz, 'app://app/%2e%2e/%2e%2e/secreto.txt')).toBe(path.join(raiz, 'secreto.txt'));
    // Encoded separators survive the parser and are refused.
    for (const url of [
      'app://app/..%2fsecreto.txt',
      'app://app/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://app/assets/..%2f..%2fsecreto.txt',
      'app://app/..%5csecreto.txt',
      'app://app/%2E%2E%5C%2E%2E%5Cpackage.json',
      'app://app/C:%5cWindows%5cwin.ini',
      'app://app/%2fetc%2fpasswd/..%2f..%2f..',
      'app://app/index.html%00.png',
      'app://app/%E0%A4%A',
    ]) {
      expect(resolverRutaApp(raiz, url), url).toBeNull();
    }
  });

  it('refuses other schemes and hosts', () => {
    expect(resolverRutaApp(raiz, 'app://otro/index.html')).toBeNull();
    expect(resolverRutaApp(raiz, 'file:///etc/passwd')).toBeNull();
    expect(resolverRutaApp(raiz, 'https://app/index.html')).toBeNull();
    expect(resolverRutaApp(raiz, 'no es url')).toBeNull();
  });
});

describe('the app:// handler', () => {
  const pedir = (url: string, method = 'GET') => crearManejador(raiz)(new Request(url, { method }));

  it('serves index.html with the CSP header and a content type', async () => {
    const r = await pedir('app://app/index.html');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toBe(CSP);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.text()).toContain('Sistema de Seguimiento');
    const js = await pedir('app://app/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 403 to paths escaping dist/renderer and never reads them', async () => {
    for (const url of ['app://app/..%2fsecreto.txt', 'app://app/%2e%2e%2f%2e%2e%2fpackage.json', 'app://app/..%5csecreto.txt']) {
      const r = await pedir(url);
      expect(r.status, url).toBe(403);
      expect(await r.text()).not.toContain('no debe salir');
    }
  });

  it('client-side routes get index.html; missing assets are 404; only GET/HEAD', async () => {
    const ruta = await pedir('app://app/correspondencia/bandeja');
    expect(ruta.status).toBe(200);
    expect(await ruta.text()).toContain('<title>');
    expect((await pedir('app://app/assets/falta.js')).status).toBe(404);
    expect((await pedir('app://app/index.html', 'POST')).status).toBe(405);
  });

  it('registers app:// as standard and secure, and handles it', () => {
    registrarEsquema();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    servirRenderer(raiz);
    expect(manejadoresProtocolo.has('app')).toBe(true);
  });
});
