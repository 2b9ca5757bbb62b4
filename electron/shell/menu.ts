/** The native menu, in Spanish. */
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { NOMBRE_PRODUCTO } from './ventana';

export interface AccionesMenu {
  imprimir(ventana: BrowserWindow | null): void;
  acercaDe(ventana: BrowserWindow | null): void;
  /** Adds "Herramientas de desarrollo" (never in the packaged app). */
  desarrollo: boolean;
}

type Ventana = Parameters<NonNullable<MenuItemConstructorOptions['click']>>[1];

const comoVentana = (v: Ventana): BrowserWindow | null => (v instanceof BrowserWindow ? v : null);

export function plantillaMenu(acciones: AccionesMenu): MenuItemConstructorOptions[] {
  const ver: MenuItemConstructorOptions[] = [
    { label: 'Recargar', role: 'reload' },
    { type: 'separator' },
    { label: 'Acercar', role: 'zoomIn' },
    { label: 'Alejar', role: 'zoomOut' },
    { label: 'Restablecer zoom', role: 'resetZoom' },
    { type: 'separator' },
    { label: 'Pantalla completa', role: 'togglefullscreen' },
  ];
  if (acciones.desarrollo) {
    ver.push({ type: 'separator' }, { label: 'Herramientas de desarrollo', role: 'toggleDevTools' });
  }
  return [
    {
      label: '&Archivo',
      submenu: [
        {
          label: 'Imprimir…',
          accelerator: 'CmdOrCtrl+P',
          click: (_item, ventana) => acciones.imprimir(comoVentana(ventana)),
        },
        { type: 'separator' },
        { label: 'Salir', role: 'quit' },
      ],
    },
    {
      label: '&Editar',
      submenu: [
        { label: 'Deshacer', role: 'undo' },
        { label: 'Rehacer', role: 'redo' },
        { type: 'separator' },
        { label: 'Cortar', role: 'cut' },
        { label: 'Copiar', role: 'copy' },
        { label: 'Pegar', role: 'paste' },
        { type: 'separator' },
        { label: 'Seleccionar todo', role: 'selectAll' },
      ],
    },
    { label: '&Ver', submenu: ver },
    {
      label: 'A&yuda',
      role: 'help',
      submenu: [
        {
          label: `Acerca de ${NOMBRE_PRODUCTO}`,
          click: (_item, ventana) => acciones.acercaDe(comoVentana(ventana)),
        },
      ],
    },
  ];
}

export function mostrarAcercaDe(ventana: BrowserWindow | null): void {
  const opciones = {
    type: 'info' as const,
    title: 'Acerca de',
    message: NOMBRE_PRODUCTO,
    detail: [
      'Oficina del Ejecutivo Estatal de Sonora',
      `Versión ${app.getVersion()}`,
      '',
      `Electron ${process.versions.electron ?? '—'} · Chromium ${process.versions.chrome ?? '—'} · Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['Aceptar'],
    noLink: true,
  };
  void (ventana ? dialog.showMessageBox(ventana, opciones) : dialog.showMessageBox(opciones));
}

export function instalarMenu(acciones: AccionesMenu): Menu {
  const menu = Menu.buildFromTemplate(plantillaMenu(acciones));
  Menu.setApplicationMenu(menu);
  return menu;
}
