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

/** Right-click menu for text (Electron has none by default): spelling suggestions and the edit actions. */
export function plantillaContextual(
  params: Pick<Electron.ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags'>,
  reemplazar: (palabra: string) => void,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.isEditable && params.misspelledWord) {
    for (const sugerencia of params.dictionarySuggestions.slice(0, 5)) {
      items.push({ label: sugerencia, click: () => reemplazar(sugerencia) });
    }
    if (items.length === 0) items.push({ label: 'Sin sugerencias', enabled: false });
    items.push({ type: 'separator' });
  }
  if (params.isEditable) {
    items.push(
      { label: 'Deshacer', role: 'undo', enabled: params.editFlags.canUndo },
      { label: 'Rehacer', role: 'redo', enabled: params.editFlags.canRedo },
      { type: 'separator' },
      { label: 'Cortar', role: 'cut', enabled: params.editFlags.canCut },
      { label: 'Copiar', role: 'copy', enabled: params.editFlags.canCopy },
      { label: 'Pegar', role: 'paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { label: 'Seleccionar todo', role: 'selectAll', enabled: params.editFlags.canSelectAll },
    );
  } else if (params.selectionText.trim() !== '') {
    items.push({ label: 'Copiar', role: 'copy' }, { label: 'Seleccionar todo', role: 'selectAll' });
  }
  return items;
}

export function instalarMenuContextual(ventana: BrowserWindow): void {
  ventana.webContents.on('context-menu', (_evento, params) => {
    const items = plantillaContextual(params, (palabra) => ventana.webContents.replaceMisspelling(palabra));
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window: ventana });
  });
}
