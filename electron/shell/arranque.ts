/**
 * Startup of the desktop app, in order (main.ts only calls `arrancar`):
 *  1. app:// scheme registered as privileged (must precede 'ready'); Chromium UI language es-MX
 *  2. data directory: --data-dir <ruta> | SSE_DATA_DIR | userData (an explicit one also gets its own
 *     Electron profile inside it, so the single-instance lock is per database)
 *  3. single-instance lock (a second launch focuses the first window and exits)
 *  4. security hooks for every WebContents; quit when the window closes; core closed on quit
 *  5. when ready: session permissions denied, app:// serves dist/renderer with the CSP, Spanish menu
 *  6. the connection of the mode stored for this PC (conexion.ts): the core via createCore({ dataDir,
 *     appRoot, nativeBinding }) — also served over HTTPS as Servidor de la oficina — or the pinned link to
 *     the office server (Estación de trabajo); nothing on first run (the window asks). On failure a
 *     Spanish error dialog, then exit
 *  7. IPC handlers, the window (remembered bounds), progress and change notices → renderer, load app://app/index.html
 */
import { app, dialog, session, type BrowserWindow } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { ROL_SERVIDOR_OFICINA } from '../core/http/oficina';
import type { Core, CoreOptions } from '../core/tipos';
import { crearConexion, type Conexion } from './conexion';
import { imprimir } from './dialogos';
import { registrarIpc } from './ipc';
import { instalarMenu, instalarMenuContextual, mostrarAcercaDe } from './menu';
import { esErrorDeAbi, rutaBindingNativo } from './nativo';
import { registrarEsquema, servirRenderer } from './protocolo';
import { protegerSesion, protegerWebContents, URL_INICIO } from './seguridad';
import { crearVentana, enfocar, NOMBRE_PRODUCTO } from './ventana';

export const APP_ID = 'mx.gob.sonora.oee.seguimiento';
/** The lock holder of the embedded mode («Esta computadora»), as a refused second writer reads it. */
export const ROL_APLICACION = 'la aplicación';

export interface Dependencias {
  createCore: (opts: CoreOptions) => Promise<Core>;
  /** Folder of the bundled main.cjs (`__dirname`): preload.cjs sits beside it, the app root two levels up. */
  dirBundle: string;
  argv?: string[];
  env?: NodeJS.ProcessEnv;
}

/** The database file of an existing installation (core/app.ts ARCHIVO_BASE): such a PC stays embedded without asking. */
const ARCHIVO_BASE = 'seguimiento.sqlite';

export interface Arrancado {
  conexion: Conexion;
  ventana: BrowserWindow;
  dataDir: string;
}

/** `--data-dir <ruta>` or `--data-dir=<ruta>`, else SSE_DATA_DIR, else the default. Relative paths resolve from the cwd. */
export function resolverDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  porDefecto: string,
): { dataDir: string; explicito: boolean } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data-dir' && argv[i + 1] && !argv[i + 1].startsWith('--')) {
      return { dataDir: path.resolve(argv[i + 1]), explicito: true };
    }
    if (a.startsWith('--data-dir=') && a.length > '--data-dir='.length) {
      return { dataDir: path.resolve(a.slice('--data-dir='.length)), explicito: true };
    }
  }
  if (env.SSE_DATA_DIR && env.SSE_DATA_DIR.trim() !== '') {
    return { dataDir: path.resolve(env.SSE_DATA_DIR), explicito: true };
  }
  return { dataDir: porDefecto, explicito: false };
}

/** The folder with package.json, db/migrations, resources and dist (in development and inside app.asar). */
export function raizDeLaApp(dirBundle: string, appPath: string): string {
  const candidata = path.resolve(dirBundle, '..', '..');
  return fs.existsSync(path.join(candidata, 'package.json')) ? candidata : appPath;
}

/** The Spanish text of the dialog shown when the core cannot start. */
export function mensajeFalloArranque(e: unknown, contexto: { dataDir: string; empaquetado: boolean }): string {
  const esErrorDeApp =
    typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' &&
    (e as { name?: unknown }).name === 'AppError';
  let texto: string;
  if (esErrorDeApp) {
    texto = (e as Error).message;
  } else if (esErrorDeAbi(e)) {
    texto = contexto.empaquetado
      ? 'La instalación está incompleta o dañada: no se pudo cargar el componente de base de datos. Reinstale la aplicación.'
      : 'El componente de base de datos (better-sqlite3) no está compilado para esta versión de Electron. Ejecute «node scripts/electron-native.mjs» y vuelva a intentarlo.';
  } else {
    const detalle = e instanceof Error ? e.message : String(e);
    texto = `Ocurrió un error inesperado al abrir la base de datos.\n\nDetalle técnico: ${detalle}`;
  }
  return `${texto}\n\nCarpeta de datos: ${contexto.dataDir}`;
}

function falloFatal(titulo: string, texto: string, env: NodeJS.ProcessEnv): void {
  console.error(`${titulo}: ${texto}`);
  // SSE_SIN_DIALOGOS=1 (automated tests, CI): a modal dialog would wait forever for a click.
  if (env.SSE_SIN_DIALOGOS !== '1') dialog.showErrorBox(titulo, texto);
  app.exit(1);
}

export async function arrancar(deps: Dependencias): Promise<Arrancado | null> {
  const argv = deps.argv ?? process.argv;
  const env = deps.env ?? process.env;

  // 1
  registrarEsquema();
  app.commandLine.appendSwitch('lang', 'es-MX');
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  // 2 — `electron <archivo>` in development names the app "Electron"; keep our own folder name.
  if (!app.isPackaged && app.getName() === 'Electron') {
    app.setName(NOMBRE_PRODUCTO);
    app.setPath('userData', path.join(app.getPath('appData'), NOMBRE_PRODUCTO));
  }
  const { dataDir, explicito } = resolverDataDir(argv, env, app.getPath('userData'));
  if (explicito) app.setPath('userData', path.join(dataDir, 'electron'));

  // 3
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  let ventana: BrowserWindow | null = null;
  app.on('second-instance', () => enfocar(ventana));

  // 4
  app.on('web-contents-created', (_evento, contents) => protegerWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  let cerrar: () => void = () => undefined;
  app.on('will-quit', () => cerrar());
  // The backup due on close (last one older than 24 h) runs once before quitting.
  let antesDeCerrar: (() => Promise<void>) | null = null;
  app.on('before-quit', (evento) => {
    const pendiente = antesDeCerrar;
    if (!pendiente) return;
    antesDeCerrar = null;
    evento.preventDefault();
    void pendiente()
      .catch((e: unknown) => console.error('Respaldo al cerrar:', e))
      .finally(() => app.quit());
  });

  // 5
  await app.whenReady();
  protegerSesion(session.defaultSession);
  const raiz = raizDeLaApp(deps.dirBundle, app.getAppPath());
  const raizRenderer = path.join(raiz, 'dist', 'renderer');
  servirRenderer(raizRenderer);
  instalarMenu({
    imprimir: (v) => {
      if (v) void imprimir(v.webContents);
    },
    acercaDe: mostrarAcercaDe,
    desarrollo: !app.isPackaged,
  });
  if (!fs.existsSync(path.join(raizRenderer, 'index.html'))) {
    falloFatal(
      'No se pudo iniciar',
      `No se encontró la interfaz de la aplicación (${path.join(raizRenderer, 'index.html')}). ` +
        (app.isPackaged ? 'Reinstale la aplicación.' : 'Ejecute «npm run build» y vuelva a intentarlo.'),
      env,
    );
    return null;
  }

  // 6
  const nativeBinding = rutaBindingNativo({ empaquetado: app.isPackaged, recursos: process.resourcesPath, raiz, env });
  const conexion = crearConexion({
    carpetaConfig: app.getPath('userData'),
    abrirCore: async (modo) => {
      fs.mkdirSync(dataDir, { recursive: true });
      // The lock names who holds the folder, so a second writer (npm run servidor, an import) is told.
      const rolProceso = modo === 'servidor' ? ROL_SERVIDOR_OFICINA : ROL_APLICACION;
      return deps.createCore({ dataDir, appRoot: raiz, rolProceso, respaldosAutomaticos: true, lectorOcr: true, ...(nativeBinding ? { nativeBinding } : {}) });
    },
    staticDir: raizRenderer,
    carpetaTemporal: path.join(app.getPath('temp'), `sse-estacion-${process.pid}`),
    enviar: (canal, datos) => {
      if (ventana && !ventana.isDestroyed()) ventana.webContents.send(canal, datos);
    },
    advertir: (titulo, texto) => {
      console.warn(`${titulo}: ${texto}`);
      if (env.SSE_SIN_DIALOGOS !== '1') void dialog.showMessageBox({ type: 'warning', title: titulo, message: titulo, detail: texto, buttons: ['Entendido'] });
    },
    // An explicit data folder or an existing database: this PC already works embedded, do not ask.
    modoPorDefecto: explicito || fs.existsSync(path.join(dataDir, ARCHIVO_BASE)) ? { modo: 'local' } : null,
  });
  try {
    await conexion.iniciar();
  } catch (e) {
    falloFatal(`No se pudo iniciar ${NOMBRE_PRODUCTO}`, mensajeFalloArranque(e, { dataDir, empaquetado: app.isPackaged }), env);
    return null;
  }

  // 7
  const quitarIpc = registrarIpc(conexion);
  const quitarIpcModo = conexion.registrarIpc();
  const v = crearVentana({
    preload: path.join(deps.dirBundle, 'preload.cjs'),
    carpetaEstado: app.getPath('userData'),
    icono: path.join(raiz, 'resources', 'icono.png'),
  });
  ventana = v;
  instalarMenuContextual(v);
  let cerrado = false;
  cerrar = () => {
    if (cerrado) return;
    cerrado = true;
    quitarIpc();
    quitarIpcModo();
    conexion.cerrar().catch((e: unknown) => console.error('Error al cerrar la conexión o la base de datos:', e));
  };
  antesDeCerrar = () => conexion.antesDeCerrar();
  void v.loadURL(URL_INICIO).catch((e: unknown) => console.error('No se pudo cargar la interfaz:', e));
  return { conexion, ventana: v, dataDir };
}
