import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-falso'));

import type { MenuItemConstructorOptions } from 'electron';
import { instalarMenu, mostrarAcercaDe, plantillaContextual, plantillaMenu } from '../../../electron/shell/menu';
import { dialog, FakeBrowserWindow, Menu, reiniciarElectron } from './electron-falso';

beforeEach(() => reiniciarElectron());

const sub = (m: MenuItemConstructorOptions) => (m.submenu ?? []) as MenuItemConstructorOptions[];
const etiquetas = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);

describe('application menu', () => {
  const acciones = () => ({ imprimir: vi.fn(), acercaDe: vi.fn(), desarrollo: false });

  it('is in Spanish: Archivo, Editar, Ver, Ayuda', () => {
    const p = plantillaMenu(acciones());
    expect(p.map((m) => m.label?.replace('&', ''))).toEqual(['Archivo', 'Editar', 'Ver', 'Ayuda']);
    expect(etiquetas(sub(p[0]))).toEqual(['Imprimir…', 'Salir']);
    expect(etiquetas(sub(p[1]))).toEqual(['Deshacer', 'Rehacer', 'Cortar', 'Copiar', 'Pegar', 'Seleccionar todo']);
    expect(etiquetas(sub(p[2]))).toEqual(['Recargar', 'Acercar', 'Alejar', 'Restablecer zoom', 'Pantalla completa']);
    expect(etiquetas(sub(p[3]))).toEqual(['Acerca de Sistema de Seguimiento del Ejecutivo']);
  });

  it('Imprimir is Ctrl+P and prints the focused window; roles do the editing', () => {
    const a = acciones();
    const p = plantillaMenu(a);
    const imprimir = sub(p[0])[0];
    expect(imprimir.accelerator).toBe('CmdOrCtrl+P');
    const v = new FakeBrowserWindow({ width: 1, height: 1 });
    imprimir.click!({} as never, v as never, {} as never);
    expect(a.imprimir).toHaveBeenCalledWith(v);
    expect(sub(p[0]).find((i) => i.label === 'Salir')?.role).toBe('quit');
    expect(sub(p[1]).map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(sub(p[2]).map((i) => i.role).filter(Boolean)).toEqual(['reload', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
  });

  it('developer tools only outside the packaged app', () => {
    expect(JSON.stringify(plantillaMenu(acciones()))).not.toContain('toggleDevTools');
    expect(JSON.stringify(plantillaMenu({ ...acciones(), desarrollo: true }))).toContain('toggleDevTools');
  });

  it('is installed as the application menu', () => {
    instalarMenu(acciones());
    expect(Menu.buildFromTemplate).toHaveBeenCalled();
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('Acerca de shows the product, the office and the version', () => {
    mostrarAcercaDe(null);
    const opciones = dialog.showMessageBox.mock.calls[0][0] as { message: string; detail: string; buttons: string[] };
    expect(opciones.message).toBe('Sistema de Seguimiento del Ejecutivo');
    expect(opciones.detail).toContain('Oficina del Ejecutivo Estatal de Sonora');
    expect(opciones.detail).toContain('Versión 0.1.0');
    expect(opciones.buttons).toEqual(['Aceptar']);
  });
});

describe('context menu', () => {
  const flags = { canUndo: true, canRedo: false, canCut: true, canCopy: true, canPaste: true, canSelectAll: true, canDelete: true, canEditRichly: false };

  it('editable field: spelling suggestions first, then the edit actions in Spanish', () => {
    const reemplazar = vi.fn();
    const items = plantillaContextual(
      { isEditable: true, selectionText: '', misspelledWord: 'peticon', dictionarySuggestions: ['petición', 'petrón'], editFlags: flags },
      reemplazar,
    );
    expect(etiquetas(items)).toEqual(['petición', 'petrón', 'Deshacer', 'Rehacer', 'Cortar', 'Copiar', 'Pegar', 'Seleccionar todo']);
    items[0].click!({} as never, undefined, {} as never);
    expect(reemplazar).toHaveBeenCalledWith('petición');
  });

  it('selected text outside a field can be copied; nothing selected → no menu', () => {
    const base = { isEditable: false, misspelledWord: '', dictionarySuggestions: [], editFlags: flags };
    expect(etiquetas(plantillaContextual({ ...base, selectionText: 'OEE/2026/0001' }, vi.fn()))).toEqual(['Copiar', 'Seleccionar todo']);
    expect(plantillaContextual({ ...base, selectionText: '  ' }, vi.fn())).toEqual([]);
  });
});
