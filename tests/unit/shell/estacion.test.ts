/**
 * Estación de trabajo with `electron` mocked and everything else real: office servers started with the
 * same function as `npm run servidor` (real cores, real self-signed certificates, HTTPS on loopback), the
 * shell's connection and IPC handlers in between, the window's calls and events recorded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-falso'));

import { iniciarServidorOficina, type OficinaEnMarcha } from '../../../electron/core/http/oficina';
import type { Core } from '../../../electron/core/tipos';
import { crearConexion, type Conexion } from '../../../electron/shell/conexion';
import { registrarIpc } from '../../../electron/shell/ipc';
import { ARCHIVO_MODO, leerModo } from '../../../electron/shell/modo';
import { CANAL } from '../../../electron/shell/puente';
import { carpetaTemporal, CONTRASENA, crearPrueba, iniciarComoAdmin, llamar } from '../../integration/ayuda';
import { dialog, FakeBrowserWindow, manejadoresIpc, shell, type Marco } from './electron-falso';

let base: string;
let core: Core;
let otroCore: Core;
let oficina: OficinaEnMarcha | null = null;
let puerto: number;
let url: string;
let adminEnServidor: string;
let conexion: Conexion;
let quitarIpc: () => void;
const enviados: Array<[string, unknown]> = [];
const advertencias: string[] = [];

function llamada() {
  const ventana = new FakeBrowserWindow({ width: 800, height: 600 });
  const marco: Marco = { url: 'app://app/index.html', parent: null };
  ventana.webContents.mainFrame = marco;
  return { sender: ventana.webContents, senderFrame: marco, ventana };
}

function invocar(canal: string, ...args: unknown[]): Promise<any> {
  const h = manejadoresIpc.get(canal);
  if (!h) throw new Error(`sin manejador para ${canal}`);
  return h(llamada(), ...args) as Promise<any>;
}

/** What the renderer does: window.sse.call(method, input, sesion, clave). */
const llamar_ = (method: string, input: unknown = {}, clave: string | null = null) => invocar(CANAL.llamar, { method, input, sesion: 'cookie', clave });

async function hasta<T>(f: () => T | undefined | null | false, ms = 15_000): Promise<T> {
  const fin = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > fin) throw new Error('tiempo agotado esperando la condición');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function servir(c: Core, port = 0): Promise<OficinaEnMarcha> {
  return iniciarServidorOficina({ core: c, staticDir: base, host: '127.0.0.1', port });
}

beforeAll(async () => {
  base = carpetaTemporal('sse-estacion-');
  core = (await crearPrueba(path.join(base, 'oficina'))).core;
  otroCore = (await crearPrueba(path.join(base, 'reinstalado'))).core;
  adminEnServidor = await iniciarComoAdmin(core);
  await iniciarComoAdmin(otroCore);
  oficina = await servir(core);
  puerto = oficina.http.port;
  url = `https://127.0.0.1:${puerto}/`;
  conexion = crearConexion({
    carpetaConfig: path.join(base, 'userData'),
    abrirCore: async () => {
      throw new Error('una estación no abre base de datos propia');
    },
    staticDir: base,
    carpetaTemporal: path.join(base, 'descargas'),
    enviar: (canal, datos) => enviados.push([canal, datos]),
    advertir: (_t, texto) => advertencias.push(texto),
  });
  await conexion.iniciar();
  quitarIpc = registrarIpc(conexion);
  conexion.registrarIpc();
}, 120_000);

afterAll(async () => {
  quitarIpc?.();
  await conexion?.cerrar();
  await oficina?.close();
  core?.close();
  otroCore?.close();
  fs.rmSync(base, { recursive: true, force: true });
});

describe('Estación de trabajo (shell con electron simulado, servidor HTTPS real)', () => {
  it('primer uso: no hay modo elegido y nada llega a ninguna base hasta elegirlo', async () => {
    expect(await invocar(CANAL.modo)).toEqual({ modo: null });
    expect(await llamar_('usuarios.estado')).toMatchObject({ ok: false, error: { message: expect.stringContaining('Elija primero') } });
  });

  it('vincular: muestra la huella del servidor, exige confirmarla y guarda el pin en la carpeta del equipo', async () => {
    const h = await invocar(CANAL.modoHuella, `127.0.0.1:${puerto}`);
    expect(h).toEqual({ ok: true, url, huella: oficina!.huella });
    expect(await invocar(CANAL.modoElegir, { modo: 'estacion', url })).toMatchObject({ ok: false, motivo: expect.stringContaining('Confirme') });
    expect(await invocar(CANAL.modoElegir, { modo: 'estacion', url, huella: oficina!.huella })).toEqual({ ok: true });
    expect(leerModo(path.join(base, 'userData'))).toEqual({ modo: 'estacion', estacion: { url, huella: oficina!.huella } });
    expect(await invocar(CANAL.modo)).toEqual({ modo: 'estacion', estacion: { url, huella: oficina!.huella } });
  });

  it('inicia sesión en el servidor (la cookie queda en el proceso principal) y reenvía llamadas e idempotencia', async () => {
    expect(await llamar_('usuarios.estado')).toEqual({ ok: true, data: { primerUso: false, institucion: expect.any(String) } });
    const s = await llamar_('usuarios.iniciarSesion', { usuario: 'admin', contrasena: CONTRASENA });
    expect(s).toMatchObject({ ok: true, data: { token: 'cookie', usuario: { usuario: 'admin', rol: 'administrador' } } });
    expect(await llamar_('usuarios.sesion')).toMatchObject({ ok: true, data: { usuario: { usuario: 'admin' } } });
    // The same submit sent twice with its Idempotency-Key writes once.
    const clave = '0192a4c8-7d1e-7c3b-9a51-6f1e2d3c4b5a';
    const alta = { usuario: 'capturista1', nombre: 'Capturista Uno', rol: 'capturista', contrasena: 'provisional-123' };
    const [a, b] = await Promise.all([llamar_('usuarios.crear', alta, clave), llamar_('usuarios.crear', alta, clave)]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    const lista = await llamar(core, 'usuarios.listar', {}, adminEnServidor);
    expect(lista.filter((u) => u.usuario === 'capturista1')).toHaveLength(1);
  });

  it('los avisos de cambio de otros usuarios llegan a la ventana por IPC', async () => {
    await hasta(() => (conexion.destino as unknown as { siguiendoAvisos: boolean }).siguiendoAvisos);
    await new Promise((r) => setTimeout(r, 300)); // the stream is subscribed on the server
    enviados.length = 0;
    await llamar(core, 'usuarios.crear', { usuario: 'coordinador1', nombre: 'Coordinación Uno', rol: 'coordinador', contrasena: 'provisional-123' }, adminEnServidor);
    const aviso = await hasta(() => enviados.find(([c]) => c === CANAL.cambio));
    expect(aviso[1]).toMatchObject({ entidad: expect.any(String) });
  });

  it('los archivos generados se descargan por la conexión fijada y se guardan con su nombre', async () => {
    const r = await llamar_('compromisos.reporteCatalogo', { formato: 'xlsx', filtros: {} });
    expect(r).toMatchObject({ ok: true, data: { archivoId: expect.any(String), nombre: 'Catálogo de compromisos.xlsx' } });
    const destino = path.join(base, 'guardado.xlsx');
    dialog.showSaveDialog.mockImplementationOnce(async () => ({ canceled: false, filePath: destino }));
    expect(await invocar(CANAL.guardarComo, r.data.archivoId, 'cookie')).toEqual({ guardado: true, ruta: destino });
    expect(fs.readFileSync(destino).subarray(0, 2).toString()).toBe('PK');
    expect(await invocar(CANAL.mostrarEnCarpeta, 'no-existe', 'cookie')).toMatchObject({ mostrado: false });
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('si el servidor se va: «Sin conexión con el servidor»; al volver, las llamadas y los avisos siguen', async () => {
    await oficina!.close();
    oficina = null;
    const r = await llamar_('usuarios.sesion');
    expect(r).toMatchObject({ ok: false, error: { code: 'SIN_CONEXION', message: expect.stringContaining('Sin conexión con el servidor') } });
    oficina = await servir(core, puerto);
    expect(await llamar_('usuarios.sesion')).toMatchObject({ ok: true, data: { usuario: { usuario: 'admin' } } });
    await hasta(() => (conexion.destino as unknown as { siguiendoAvisos: boolean }).siguiendoAvisos);
    await new Promise((r2) => setTimeout(r2, 300));
    enviados.length = 0;
    await llamar(core, 'usuarios.crear', { usuario: 'jefe1', nombre: 'Jefatura', rol: 'jefe', contrasena: 'provisional-123' }, adminEnServidor);
    await hasta(() => enviados.find(([c]) => c === CANAL.cambio));
  });

  it('otro certificado en la misma dirección: se rechaza sin enviar nada, con ambas huellas, y volver a vincular exige a un administrador', async () => {
    const original = oficina!.huella;
    await oficina!.close();
    oficina = await iniciarServidorOficina({ core: otroCore, staticDir: base, host: '127.0.0.1', port: puerto });
    const nueva = oficina.huella;
    expect(nueva).not.toBe(original);

    const r = await llamar_('usuarios.iniciarSesion', { usuario: 'admin', contrasena: CONTRASENA });
    expect(r).toMatchObject({ ok: false, error: { code: 'CERTIFICADO' } });
    expect(r.error.message).toContain(original);
    expect(r.error.message).toContain(nueva);
    expect(advertencias.at(-1)).toContain(original);
    expect(advertencias.at(-1)).toContain(nueva);
    expect(await invocar(CANAL.modo)).toMatchObject({ modo: 'estacion', problema: { esperada: original, recibida: nueva } });

    // Confirming the new fingerprint is not enough; a wrong password or a non-administrator neither.
    const revincular = { modo: 'estacion', url, huella: nueva };
    expect(await invocar(CANAL.modoElegir, revincular)).toMatchObject({ ok: false, motivo: expect.stringContaining('administrador') });
    expect(await invocar(CANAL.modoElegir, { ...revincular, administrador: { usuario: 'admin', contrasena: 'equivocada-123' } })).toMatchObject({ ok: false });
    expect(leerModo(path.join(base, 'userData'))?.estacion?.huella).toBe(original);
    // Leaving for «Esta computadora» keeps the pin: coming back is no way around it.
    expect(JSON.parse(fs.readFileSync(path.join(base, 'userData', ARCHIVO_MODO), 'utf8')).estacion.huella).toBe(original);

    expect(await invocar(CANAL.modoElegir, { ...revincular, administrador: { usuario: 'admin', contrasena: CONTRASENA } })).toEqual({ ok: true });
    expect(leerModo(path.join(base, 'userData'))?.estacion?.huella).toBe(nueva);
    expect(await llamar_('usuarios.estado')).toMatchObject({ ok: true });
  });
});
