import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-falso'));

import {
  ajustarAPantallas,
  ARCHIVO_ESTADO,
  crearVentana,
  enfocar,
  guardarEstado,
  leerEstado,
  TAMANO_INICIAL,
  tituloVentana,
} from '../../../electron/shell/ventana';
import { evento, FakeBrowserWindow, pantallas, reiniciarElectron } from './electron-falso';

let tmp: string;
beforeEach(() => {
  reiniciarElectron();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-ventana-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FHD = { x: 0, y: 0, width: 1920, height: 1040 };
const DERECHA = { x: 1920, y: 0, width: 1280, height: 984 };

describe('window state file', () => {
  it('round-trips and ignores garbage', () => {
    const ruta = path.join(tmp, 'sub', ARCHIVO_ESTADO);
    expect(leerEstado(ruta)).toBeNull();
    guardarEstado(ruta, { x: 10, y: 20, width: 1100, height: 700, maximizado: true });
    expect(leerEstado(ruta)).toEqual({ x: 10, y: 20, width: 1100, height: 700, maximizado: true });
    fs.writeFileSync(ruta, '{ no es json');
    expect(leerEstado(ruta)).toBeNull();
    fs.writeFileSync(ruta, JSON.stringify({ width: -5, height: 'x' }));
    expect(leerEstado(ruta)).toBeNull();
    fs.writeFileSync(ruta, JSON.stringify({ width: 1000, height: 700, x: 'a' }));
    expect(leerEstado(ruta)).toEqual({ width: 1000, height: 700, maximizado: false });
  });
});

describe('ajustarAPantallas', () => {
  it('no state: default size, centered by Electron (no position)', () => {
    expect(ajustarAPantallas(null, [FHD], FHD)).toEqual(TAMANO_INICIAL);
  });

  it('a position on a present display is kept', () => {
    const e = { x: 2000, y: 50, width: 1100, height: 800, maximizado: false };
    expect(ajustarAPantallas(e, [FHD, DERECHA], FHD)).toEqual({ x: 2000, y: 50, width: 1100, height: 800 });
  });

  it('a window left on a display that is gone comes back to the primary display', () => {
    const e = { x: 2000, y: 50, width: 1100, height: 800, maximizado: false };
    expect(ajustarAPantallas(e, [FHD], FHD)).toEqual({ width: 1100, height: 800 });
  });

  it('a window hanging off the edge is pulled inside', () => {
    const e = { x: 1700, y: 900, width: 1100, height: 800, maximizado: false };
    expect(ajustarAPantallas(e, [FHD], FHD)).toEqual({ x: 820, y: 240, width: 1100, height: 800 });
    const arriba = { x: -300, y: -200, width: 1000, height: 700, maximizado: false };
    expect(ajustarAPantallas(arriba, [FHD], FHD)).toEqual({ x: 0, y: 0, width: 1000, height: 700 });
  });

  it('a window larger than its display shrinks to fit; tiny ones grow to the minimum', () => {
    const laptop = { x: 0, y: 0, width: 1366, height: 728 };
    const e = { x: 0, y: 0, width: 2500, height: 1400, maximizado: false };
    expect(ajustarAPantallas(e, [laptop], laptop)).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
    const diminuta = { x: 10, y: 10, width: 50, height: 40, maximizado: false };
    expect(ajustarAPantallas(diminuta, [FHD], FHD)).toMatchObject({ width: 960, height: 600 });
  });
});

describe('crearVentana', () => {
  it('uses secure webPreferences and the product title, hidden until ready', () => {
    const v = crearVentana({ preload: '/x/preload.cjs', carpetaEstado: tmp }) as unknown as FakeBrowserWindow;
    expect(v.opciones.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/x/preload.cjs' });
    expect(v.opciones.title).toBe('Sistema de Seguimiento del Ejecutivo');
    expect(v.opciones.show).toBe(false);
    v.emit('ready-to-show');
    expect(v.show).toHaveBeenCalled();
    expect(v.maximize).not.toHaveBeenCalled();
  });

  it('restores the remembered bounds and maximized state, clamped to current displays', () => {
    pantallas.areas = [FHD, DERECHA];
    guardarEstado(path.join(tmp, ARCHIVO_ESTADO), { x: 2100, y: 40, width: 1000, height: 700, maximizado: true });
    const v = crearVentana({ preload: '/p.cjs', carpetaEstado: tmp }) as unknown as FakeBrowserWindow;
    expect(v.opciones).toMatchObject({ x: 2100, y: 40, width: 1000, height: 700 });
    v.emit('ready-to-show');
    expect(v.maximize).toHaveBeenCalled();

    // The right-hand monitor is unplugged: the next window opens on the primary one.
    pantallas.areas = [FHD];
    const w = crearVentana({ preload: '/p.cjs', carpetaEstado: tmp }) as unknown as FakeBrowserWindow;
    expect(w.opciones.x).toBeUndefined();
    expect(w.opciones).toMatchObject({ width: 1000, height: 700 });
  });

  it('persists size, position and maximized on close', () => {
    const v = crearVentana({ preload: '/p.cjs', carpetaEstado: tmp }) as unknown as FakeBrowserWindow;
    v.limites = { x: 30, y: 40, width: 1200, height: 760 };
    v.maximizada = true;
    v.emit('close', evento());
    expect(leerEstado(path.join(tmp, ARCHIVO_ESTADO))).toEqual({ x: 30, y: 40, width: 1200, height: 760, maximizado: true });
  });

  it('keeps the product name in the title whatever the page sets', () => {
    const v = crearVentana({ preload: '/p.cjs', carpetaEstado: tmp }) as unknown as FakeBrowserWindow;
    const e = evento();
    v.emit('page-title-updated', e, 'Ana López (Jefe de Oficina)');
    expect(e.preventDefault).toHaveBeenCalled();
    expect(v.titulo).toBe('Ana López (Jefe de Oficina) — Sistema de Seguimiento del Ejecutivo');
    expect(tituloVentana('')).toBe('Sistema de Seguimiento del Ejecutivo');
    expect(tituloVentana('Sistema de Seguimiento del Ejecutivo')).toBe('Sistema de Seguimiento del Ejecutivo');
  });

  it('shows the window even if the page fails to load', () => {
    const v = crearVentana({ preload: '/p.cjs', carpetaEstado: tmp }) as unknown as FakeBrowserWindow;
    v.webContents.emit('did-fail-load');
    expect(v.show).toHaveBeenCalled();
  });
});

describe('enfocar', () => {
  it('restores a minimized window and focuses it', () => {
    const v = new FakeBrowserWindow({ width: 800, height: 600 });
    v.minimizada = true;
    enfocar(v as never);
    expect(v.restore).toHaveBeenCalled();
    expect(v.show).toHaveBeenCalled();
    expect(v.focus).toHaveBeenCalled();
  });

  it('does nothing without a live window', () => {
    enfocar(null);
    const v = new FakeBrowserWindow({ width: 800, height: 600 });
    v.destruida = true;
    enfocar(v as never);
    expect(v.focus).not.toHaveBeenCalled();
  });
});
