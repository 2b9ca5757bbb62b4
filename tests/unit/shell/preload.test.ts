import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-falso'));

import { crearApi } from '../../../electron/preload';
import { contextBridge, ipcRenderer, reiniciarElectron } from './electron-falso';

// What the preload did when it was loaded (before any beforeEach clears the fakes).
const expuesto = contextBridge.exposeInMainWorld.mock.calls.map((c) => [...c]);

beforeEach(() => reiniciarElectron());

describe('preload', () => {
  it('exposes only window.sse = { call, on, desktop, modo }', () => {
    expect(expuesto).toHaveLength(1);
    const [nombre, api] = expuesto[0] as [string, Record<string, any>];
    expect(nombre).toBe('sse');
    expect(Object.keys(api).sort()).toEqual(['call', 'desktop', 'modo', 'on']);
    expect(Object.keys(api.modo).sort()).toEqual(['elegir', 'huella', 'obtener']);
    expect(Object.keys(api.desktop).sort()).toEqual(['abrir', 'guardarComo', 'imprimir', 'mostrarEnCarpeta']);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|invoke|send|require/);
  });

  it('call → invoke("sse", { method, input, sesion })', async () => {
    const api = crearApi(ipcRenderer as never);
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: [1] });
    await expect(api.call('correspondencia.listar', { pagina: 2 }, 'ses-9')).resolves.toEqual({ ok: true, data: [1] });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('sse', { method: 'correspondencia.listar', input: { pagina: 2 }, sesion: 'ses-9', clave: null });
    await api.call('usuarios.estado');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('sse', { method: 'usuarios.estado', input: null, sesion: null, clave: null });
    ipcRenderer.invoke.mockClear();
    await expect(api.call('' as string)).resolves.toMatchObject({ ok: false, error: { code: 'PETICION' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('on("progreso") delivers only the payload and returns an unsubscribe', () => {
    const api = crearApi(ipcRenderer as never);
    const cb = vi.fn();
    const quitar = api.on('progreso', cb);
    const p = { tarea: 't', fraccion: 0.25, texto: 'Exportando…' };
    ipcRenderer.emit('sse:progreso', { sender: 'no debe llegar' }, p);
    expect(cb).toHaveBeenCalledWith(p);
    expect(cb.mock.calls[0]).toHaveLength(1);
    quitar();
    ipcRenderer.emit('sse:progreso', {}, p);
    expect(cb).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('sse:progreso')).toBe(0);
    expect(() => api.on('otro' as 'progreso', cb)).toThrow(/Evento desconocido/);
  });

  it('on("cambio") delivers change notices from their own channel (the renderer refetches)', () => {
    const api = crearApi(ipcRenderer as never);
    const cb = vi.fn();
    const quitar = api.on('cambio', cb);
    ipcRenderer.emit('sse:cambio', { sender: 'no debe llegar' }, { entidad: 'asunto', id: '7' });
    ipcRenderer.emit('sse:progreso', {}, { tarea: 't', fraccion: 1, texto: '' });
    expect(cb.mock.calls).toEqual([[{ entidad: 'asunto', id: '7' }]]);
    quitar();
    expect(ipcRenderer.listenerCount('sse:cambio')).toBe(0);
  });

  it('mode actions use their channels and send only the known fields, cut to size', async () => {
    const api = crearApi(ipcRenderer as never);
    await api.modo.obtener();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('sse:modo');
    await api.modo.huella('https://192.168.1.20:8443/');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('sse:modo-huella', 'https://192.168.1.20:8443/');
    await api.modo.elegir({ modo: 'estacion', url: 'https://srv:8443/', huella: 'AA', extra: 'x', administrador: { usuario: 'admin', contrasena: 'p'.repeat(500) } } as never);
    const [, enviado] = ipcRenderer.invoke.mock.lastCall as [string, Record<string, any>];
    expect(enviado).toEqual({ modo: 'estacion', puerto: undefined, url: 'https://srv:8443/', huella: 'AA', administrador: { usuario: 'admin', contrasena: 'p'.repeat(200) } });
  });

  it('desktop actions use their fixed channels', async () => {
    const api = crearApi(ipcRenderer as never);
    await api.desktop.imprimir();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('sse:imprimir');
    await api.desktop.guardarComo('arch-1', 'ses-1');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('sse:guardar-como', 'arch-1', 'ses-1');
    await api.desktop.abrir('arch-1', null);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('sse:abrir', 'arch-1', null);
    await api.desktop.mostrarEnCarpeta('arch-1', 'ses-1');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('sse:mostrar-en-carpeta', 'arch-1', 'ses-1');
    await expect(api.desktop.abrir(42 as unknown as string, null)).rejects.toThrow(TypeError);
  });
});
