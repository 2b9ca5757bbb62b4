/**
 * Small fakes of the Electron main-process and preload APIs the shell uses, for
 * `vi.mock('electron', () => import('./electron-falso'))`. They record calls; they fake nothing else.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

export interface Marco {
  url: string;
  parent: Marco | null;
}

/** An Electron-style event: `preventDefault()` records that it was called. */
export function evento<T extends object>(extra: T = {} as T): T & { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: boolean } {
  const e = {
    ...extra,
    defaultPrevented: false,
    preventDefault: vi.fn(() => {
      e.defaultPrevented = true;
    }),
  };
  return e;
}

let siguienteId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = siguienteId++;
  url = 'app://app/index.html';
  mainFrame: Marco = { url: this.url, parent: null };
  manejadorAbrir: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((h: (d: { url: string }) => { action: string }) => {
    this.manejadorAbrir = h;
  });
  send = vi.fn();
  print = vi.fn((_opciones: unknown, cb?: (exito: boolean, motivo: string) => void) => cb?.(true, ''));
  replaceMisspelling = vi.fn();
  getURL = () => this.url;
  isDestroyed = () => false;
}

export class FakeBrowserWindow extends EventEmitter {
  static ventanas: FakeBrowserWindow[] = [];
  static fromWebContents(wc: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.ventanas.find((v) => v.webContents === wc) ?? null;
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return [...FakeBrowserWindow.ventanas];
  }

  readonly webContents = new FakeWebContents();
  limites: { x: number; y: number; width: number; height: number };
  minimizada = false;
  visible = false;
  maximizada = false;
  destruida = false;
  titulo: string;

  constructor(readonly opciones: Record<string, any>) {
    super();
    this.limites = { x: opciones.x ?? 100, y: opciones.y ?? 100, width: opciones.width, height: opciones.height };
    this.titulo = opciones.title ?? '';
    FakeBrowserWindow.ventanas.push(this);
  }

  isDestroyed = () => this.destruida;
  isMinimized = () => this.minimizada;
  isVisible = () => this.visible;
  isMaximized = () => this.maximizada;
  restore = vi.fn(() => {
    this.minimizada = false;
  });
  show = vi.fn(() => {
    this.visible = true;
  });
  focus = vi.fn();
  maximize = vi.fn(() => {
    this.maximizada = true;
  });
  getNormalBounds = () => ({ ...this.limites });
  setTitle = vi.fn((t: string) => {
    this.titulo = t;
  });
  loadURL = vi.fn(async (_url: string) => undefined);
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  nombre = 'sistema-seguimiento-ejecutivo';
  rutas: Record<string, string> = {};
  appPath = process.cwd();
  requestSingleInstanceLock = vi.fn(() => true);
  whenReady = vi.fn(async () => undefined);
  getPath = vi.fn((nombre: string) => this.rutas[nombre] ?? path.join(os.tmpdir(), `sse-falso-${nombre}`));
  setPath = vi.fn((nombre: string, ruta: string) => {
    this.rutas[nombre] = ruta;
  });
  getAppPath = vi.fn(() => this.appPath);
  getName = vi.fn(() => this.nombre);
  setName = vi.fn((n: string) => {
    this.nombre = n;
  });
  getVersion = vi.fn(() => '0.1.0');
  quit = vi.fn();
  exit = vi.fn();
  setAppUserModelId = vi.fn();
  commandLine = { appendSwitch: vi.fn() };
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;

export const manejadoresIpc = new Map<string, (...args: any[]) => unknown>();
export const ipcMain = {
  handle: vi.fn((canal: string, h: (...args: any[]) => unknown) => {
    if (manejadoresIpc.has(canal)) throw new Error(`Attempted to register a second handler for '${canal}'`);
    manejadoresIpc.set(canal, h);
  }),
  removeHandler: vi.fn((canal: string) => {
    manejadoresIpc.delete(canal);
  }),
};

export const manejadoresProtocolo = new Map<string, (r: Request) => Promise<Response> | Response>();
export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((esquema: string, h: (r: Request) => Promise<Response> | Response) => {
    manejadoresProtocolo.set(esquema, h);
  }),
};

export function crearSesionFalsa() {
  const s = {
    permisoSolicitud: null as null | ((...a: any[]) => void),
    permisoConsulta: null as null | ((...a: any[]) => boolean),
    permisoDispositivo: null as null | ((...a: any[]) => boolean),
    setPermissionRequestHandler: vi.fn((h: (...a: any[]) => void) => {
      s.permisoSolicitud = h;
    }),
    setPermissionCheckHandler: vi.fn((h: (...a: any[]) => boolean) => {
      s.permisoConsulta = h;
    }),
    setDevicePermissionHandler: vi.fn((h: (...a: any[]) => boolean) => {
      s.permisoDispositivo = h;
    }),
  };
  return s;
}

export const session = { defaultSession: crearSesionFalsa() };

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_ruta: string) => ''),
  showItemInFolder: vi.fn(),
};

export const dialog = {
  showErrorBox: vi.fn(),
  showSaveDialog: vi.fn(async (..._a: unknown[]) => ({ canceled: true, filePath: '' }) as { canceled: boolean; filePath: string }),
  showMessageBox: vi.fn(async (..._a: unknown[]) => ({ response: 0, checkboxChecked: false })),
};

export const Menu = {
  buildFromTemplate: vi.fn((plantilla: unknown[]) => ({ items: plantilla, popup: vi.fn() })),
  setApplicationMenu: vi.fn(),
};

export const pantallas = {
  areas: [{ x: 0, y: 0, width: 1920, height: 1040 }],
};
export const screen = {
  getAllDisplays: vi.fn(() => pantallas.areas.map((workArea) => ({ workArea }))),
  getPrimaryDisplay: vi.fn(() => ({ workArea: pantallas.areas[0] })),
};

// Preload side.
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (..._a: unknown[]) => ({ ok: true, data: null }) as unknown),
});

/** Back to a clean state between tests. */
export function reiniciarElectron(): void {
  vi.clearAllMocks();
  app.removeAllListeners();
  app.isPackaged = false;
  app.nombre = 'sistema-seguimiento-ejecutivo';
  app.rutas = {};
  app.appPath = process.cwd();
  app.requestSingleInstanceLock.mockImplementation(() => true);
  FakeBrowserWindow.ventanas = [];
  manejadoresIpc.clear();
  manejadoresProtocolo.clear();
  session.defaultSession = crearSesionFalsa();
  pantallas.areas = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  dialog.showSaveDialog.mockImplementation(async () => ({ canceled: true, filePath: '' }));
  shell.openPath.mockImplementation(async () => '');
  ipcRenderer.removeAllListeners();
}
