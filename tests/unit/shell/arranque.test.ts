import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-falso'));

import { acquireDataDirLock, lockHolder } from '../../../electron/core/dataDirLock';
import { AppError } from '../../../electron/core/errors';
import type { Core, CoreOptions, Progreso } from '../../../electron/core/tipos';
import { arrancar, mensajeFalloArranque, raizDeLaApp, resolverDataDir } from '../../../electron/shell/arranque';
import { CANAL } from '../../../electron/shell/puente';
import { guardarModo } from '../../../electron/shell/modo';
import { huellaDelServidor } from '../../../electron/core/http/clientePinned';
import net from 'node:net';
import {
  app,
  dialog,
  FakeBrowserWindow,
  manejadoresIpc,
  manejadoresProtocolo,
  Menu,
  protocol,
  reiniciarElectron,
  session,
} from './electron-falso';

let raiz: string;
let dirBundle: string;
let datos: string;

function coreFalso() {
  const escuchas = new Set<(p: Progreso) => void>();
  const core = {
    dataDir: '',
    call: vi.fn(async () => ({ ok: true as const, data: null })),
    on: vi.fn((_e: 'progreso', cb: (p: Progreso) => void) => {
      escuchas.add(cb);
      return () => escuchas.delete(cb);
    }),
    archivoGenerado: vi.fn(() => null),
    antesDeCerrar: vi.fn(async () => undefined),
    close: vi.fn(),
    emitir: (p: Progreso) => escuchas.forEach((cb) => cb(p)),
    escuchas,
  };
  return core;
}

beforeEach(() => {
  reiniciarElectron();
  raiz = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-arranque-'));
  dirBundle = path.join(raiz, 'dist', 'electron');
  fs.mkdirSync(dirBundle, { recursive: true });
  fs.mkdirSync(path.join(raiz, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(raiz, 'dist', 'renderer', 'index.html'), '<title>Sistema de Seguimiento del Ejecutivo</title>');
  fs.writeFileSync(path.join(raiz, 'package.json'), '{"name":"sistema-seguimiento-ejecutivo"}');
  datos = path.join(raiz, 'datos');
  app.rutas.userData = path.join(raiz, 'userData');
  app.rutas.appData = path.join(raiz, 'appData');
  app.rutas.documents = path.join(raiz, 'documentos');
});
afterEach(() => fs.rmSync(raiz, { recursive: true, force: true }));

function puertoLibre(): Promise<number> {
  return new Promise<number>((ok) => {
    const s = net.createServer().listen(0, () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => ok(p));
    });
  });
}

describe('resolverDataDir', () => {
  it('--data-dir wins, then SSE_DATA_DIR, then userData', () => {
    expect(resolverDataDir(['electron', 'main.cjs', '--data-dir', '/d/a'], { SSE_DATA_DIR: '/d/b' }, '/u')).toEqual({
      dataDir: path.resolve('/d/a'),
      explicito: true,
    });
    expect(resolverDataDir(['x', '--data-dir=/d/c'], {}, '/u').dataDir).toBe(path.resolve('/d/c'));
    expect(resolverDataDir(['x'], { SSE_DATA_DIR: '/d/b' }, '/u')).toEqual({ dataDir: path.resolve('/d/b'), explicito: true });
    expect(resolverDataDir(['x', '--data-dir'], { SSE_DATA_DIR: '  ' }, '/u')).toEqual({ dataDir: '/u', explicito: false });
    expect(resolverDataDir(['x', 'rel/datos', '--data-dir', 'rel/datos'], {}, '/u').dataDir).toBe(path.resolve('rel/datos'));
  });

  it('the app root is two levels above the bundle when package.json is there', () => {
    expect(raizDeLaApp(dirBundle, '/otro')).toBe(raiz);
    expect(raizDeLaApp('/no/existe/dist/electron', '/otro')).toBe('/otro');
  });
});

describe('arrancar', () => {
  async function arrancarCon(core = coreFalso(), extra: { argv?: string[]; env?: NodeJS.ProcessEnv } = {}) {
    const createCore = vi.fn(async (_o: CoreOptions) => core as unknown as Core);
    const r = await arrancar({
      createCore,
      dirBundle,
      argv: extra.argv ?? ['electron', 'dist/electron/main.cjs', '--data-dir', datos],
      env: extra.env ?? {},
    });
    return { r, createCore, core };
  }

  it('starts in order: scheme, lock, ready, security, protocol, menu, core, IPC, window', async () => {
    const binding = path.join(raiz, 'better_sqlite3.node');
    fs.writeFileSync(binding, '');
    const { r, createCore, core } = await arrancarCon(coreFalso(), {
      argv: ['electron', 'dist/electron/main.cjs', '--data-dir', datos],
      env: { SSE_SQLITE_BINDING: binding },
    });
    expect(r).not.toBeNull();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      app.whenReady.mock.invocationCallOrder[0],
    );
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(manejadoresProtocolo.has('app')).toBe(true);
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    expect(createCore).toHaveBeenCalledWith({ dataDir: datos, appRoot: raiz, rolProceso: 'la aplicación', respaldosAutomaticos: true, lectorOcr: true, nativeBinding: binding });
    expect(fs.existsSync(datos)).toBe(true);
    expect(manejadoresIpc.has(CANAL.llamar)).toBe(true);
    const v = FakeBrowserWindow.ventanas[0];
    expect(v.opciones.webPreferences.preload).toBe(path.join(dirBundle, 'preload.cjs'));
    expect(v.loadURL).toHaveBeenCalledWith('app://app/index.html');
    expect(createCore.mock.invocationCallOrder[0]).toBeLessThan(v.loadURL.mock.invocationCallOrder[0]);
    // An explicit data dir has its own Electron profile (and so its own single-instance lock).
    expect(app.setPath).toHaveBeenCalledWith('userData', path.join(datos, 'electron'));
    expect(core.on).toHaveBeenCalledWith('progreso', expect.any(Function));
  });

  it('without a prepared binding the core is created without nativeBinding', async () => {
    const { createCore } = await arrancarCon();
    expect(createCore.mock.calls[0][0]).toEqual({ dataDir: datos, appRoot: raiz, rolProceso: 'la aplicación', respaldosAutomaticos: true, lectorOcr: true });
  });

  it('a second instance quits at once and never opens the database', async () => {
    app.requestSingleInstanceLock.mockImplementation(() => false);
    const { r, createCore } = await arrancarCon();
    expect(r).toBeNull();
    expect(app.quit).toHaveBeenCalled();
    expect(createCore).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.ventanas).toHaveLength(0);
  });

  it('the first instance restores and focuses its window when a second one starts', async () => {
    await arrancarCon();
    const v = FakeBrowserWindow.ventanas[0];
    v.minimizada = true;
    app.emit('second-instance', {}, ['electron', '.'], process.cwd(), {});
    expect(v.restore).toHaveBeenCalled();
    expect(v.focus).toHaveBeenCalled();
  });

  it('every new WebContents gets the security hooks', async () => {
    await arrancarCon();
    const v = FakeBrowserWindow.ventanas[0];
    app.emit('web-contents-created', {}, v.webContents);
    expect(v.webContents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('forwards core progress to the window', async () => {
    const { core } = await arrancarCon();
    const p = { tarea: 't1', fraccion: 0.5, texto: 'Generando informe…' };
    core.emitir(p);
    expect(FakeBrowserWindow.ventanas[0].webContents.send).toHaveBeenCalledWith('sse:progreso', p);
  });

  it('closes the core once on quit and stops forwarding', async () => {
    const { core } = await arrancarCon();
    app.emit('will-quit', {});
    app.emit('will-quit', {});
    expect(core.close).toHaveBeenCalledTimes(1);
    expect(core.escuchas.size).toBe(0);
    expect(manejadoresIpc.size).toBe(0);
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });

  it('a database newer than the app: Spanish error dialog with the core message, then exit', async () => {
    const createCore = vi.fn(async () => {
      throw new AppError(
        'BASE_DE_DATOS',
        'La base de datos fue creada por una versión más reciente del sistema. Actualice la aplicación.',
      );
    });
    const r = await arrancar({ createCore, dirBundle, argv: ['x', '--data-dir', datos], env: {} });
    expect(r).toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [titulo, texto] = dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(titulo).toBe('No se pudo iniciar Sistema de Seguimiento del Ejecutivo');
    expect(texto).toContain('versión más reciente');
    expect(texto).toContain(`Carpeta de datos: ${datos}`);
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(FakeBrowserWindow.ventanas).toHaveLength(0);
    expect(manejadoresIpc.size).toBe(0);
  });

  it('SSE_SIN_DIALOGOS=1 (tests, CI): the failure is logged and the app exits without a modal dialog', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const createCore = vi.fn(async () => {
      throw new Error('disco lleno');
    });
    await arrancar({ createCore, dirBundle, argv: ['x', '--data-dir', datos], env: { SSE_SIN_DIALOGOS: '1' } });
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(error.mock.calls[0][0]).toMatch(/No se pudo iniciar[\s\S]*disco lleno/);
    expect(app.exit).toHaveBeenCalledWith(1);
    error.mockRestore();
  });

  it('a missing renderer build is reported before opening the database', async () => {
    fs.rmSync(path.join(raiz, 'dist', 'renderer'), { recursive: true });
    const { r, createCore } = await arrancarCon();
    expect(r).toBeNull();
    expect(createCore).not.toHaveBeenCalled();
    expect(dialog.showErrorBox.mock.calls[0][1]).toMatch(/No se encontró la interfaz/);
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('names the app after the product when run as `electron <archivo>`', async () => {
    app.nombre = 'Electron';
    await arrancarCon(coreFalso(), { argv: ['electron', 'dist/electron/main.cjs'] });
    expect(app.setName).toHaveBeenCalledWith('Sistema de Seguimiento del Ejecutivo');
    expect(app.rutas.userData).toBe(path.join(raiz, 'appData', 'Sistema de Seguimiento del Ejecutivo'));
  });
});

describe('modo de trabajo de este equipo', () => {
  it('primer uso en la carpeta de siempre: no abre ninguna base y la ventana pregunta el modo', async () => {
    const createCore = vi.fn(async (_o: CoreOptions) => coreFalso() as unknown as Core);
    const r = await arrancar({ createCore, dirBundle, argv: ['electron', 'dist/electron/main.cjs'], env: {} });
    expect(createCore).not.toHaveBeenCalled();
    expect(await r!.conexion.info()).toEqual({ modo: null });
    expect(manejadoresIpc.has(CANAL.modo) && manejadoresIpc.has(CANAL.modoElegir)).toBe(true);
    expect(FakeBrowserWindow.ventanas[0].loadURL).toHaveBeenCalledWith('app://app/index.html');
  });

  it('una instalación que ya tiene base de datos sigue en «Esta computadora» sin preguntar', async () => {
    const userData = app.rutas.userData;
    fs.mkdirSync(userData, { recursive: true });
    fs.writeFileSync(path.join(userData, 'seguimiento.sqlite'), '');
    const createCore = vi.fn(async (_o: CoreOptions) => coreFalso() as unknown as Core);
    const r = await arrancar({ createCore, dirBundle, argv: ['electron', 'dist/electron/main.cjs'], env: {} });
    expect(createCore).toHaveBeenCalledTimes(1);
    expect((await r!.conexion.info()).modo).toBe('local');
  });

  it('«Servidor de la oficina»: la app abre la base y la sirve por HTTPS con la misma función que npm run servidor', async () => {
    const puerto = await puertoLibre();
    guardarModo(path.join(datos, 'electron'), { modo: 'servidor', servidor: { puerto } });
    const core = Object.assign(coreFalso(), { dataDir: datos });
    const r = await arrancar({ createCore: vi.fn(async () => core as unknown as Core), dirBundle, argv: ['x', '--data-dir', datos], env: {} });
    const info = await r!.conexion.info();
    expect(info).toMatchObject({ modo: 'servidor', servidor: { puerto, direccion: expect.stringMatching(new RegExp(`^https://.+:${puerto}/$`)) } });
    expect(await huellaDelServidor(`https://127.0.0.1:${puerto}/`)).toBe(info.servidor!.huella);
    expect(fs.existsSync(path.join(datos, 'tls', 'servidor.crt'))).toBe(true);
    app.emit('will-quit', {});
    expect(core.close).toHaveBeenCalledTimes(1);
    await vi.waitFor(async () => expect(await huellaDelServidor(`https://127.0.0.1:${puerto}/`, 1000).then(() => 'abierto', () => 'cerrado')).toBe('cerrado'));
  }, 60_000);

  it('«Servidor de la oficina» toma la carpeta como el servidor: otro proceso que quiera escribir sabe quién la tiene', async () => {
    const puerto = await puertoLibre();
    guardarModo(path.join(datos, 'electron'), { modo: 'servidor', servidor: { puerto } });
    // The fake core takes the real one-writer lock with the role it was given, as createCore does.
    const createCore = vi.fn(async (o: CoreOptions) => {
      const candado = acquireDataDirLock(o.dataDir, o.rolProceso ?? 'la aplicación');
      return Object.assign(coreFalso(), { dataDir: o.dataDir, close: vi.fn(() => candado.release()) }) as unknown as Core;
    });
    const r = await arrancar({ createCore, dirBundle, argv: ['x', '--data-dir', datos], env: {} });
    expect(r).not.toBeNull();
    expect(createCore.mock.calls[0][0].rolProceso).toBe('el servidor de la oficina');
    expect(lockHolder(datos)).toMatchObject({ pid: process.pid, rol: 'el servidor de la oficina' });
    expect(() => acquireDataDirLock(datos, 'la importación por línea de comandos')).toThrow(/está en uso por el servidor de la oficina \(proceso \d+/);
    app.emit('will-quit', {});
    expect(lockHolder(datos)).toBeNull();
  }, 60_000);
});

describe('mensajeFalloArranque', () => {
  const ctx = { dataDir: '/datos', empaquetado: false };
  it('explains a better-sqlite3 built for the wrong runtime', () => {
    const e = new Error("The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 145.");
    expect(mensajeFalloArranque(e, ctx)).toMatch(/electron-native\.mjs/);
    expect(mensajeFalloArranque(e, { ...ctx, empaquetado: true })).toMatch(/Reinstale la aplicación/);
  });
  it('an unexpected error keeps the technical detail', () => {
    expect(mensajeFalloArranque(new Error('SQLITE_CORRUPT'), ctx)).toMatch(/error inesperado[\s\S]*SQLITE_CORRUPT[\s\S]*Carpeta de datos: \/datos/);
  });
});
