/**
 * Smoke test of the desktop shell in the real Electron runtime: the app starts on a fresh data
 * directory, the window carries the product name, the sign-in / first-run screen appears, and the
 * page has window.sse and nothing of Node.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARCHIVO_BASE, createCore } from '../../electron/core/app';
import { iniciarServidorOficina } from '../../electron/core/http/oficina';
import { ARCHIVO_MODO } from '../../electron/shell/modo';
import { estadoElectron } from '../../scripts/electron-disponible.mjs';

const raiz = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const main = path.join(raiz, 'dist', 'electron', 'main.cjs');
const binding = path.join(raiz, '.cache', 'electron-native', 'better_sqlite3.node');
const artefactos = path.join(raiz, 'tests', 'artifacts', 'electron');

/** Why this machine cannot run the desktop app, or null if it can. Prepares what it can on the way. */
function motivoParaOmitir(): string | null {
  const estado = estadoElectron(raiz);
  if (!estado.disponible) return `Electron no disponible: ${estado.motivo}.`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no hay pantalla (DISPLAY); ejecute las pruebas con xvfb-run.';
  }
  if (!fs.existsSync(binding)) {
    const r = spawnSync(process.execPath, [path.join(raiz, 'scripts', 'electron-native.mjs')], { cwd: raiz, encoding: 'utf8' });
    if (r.status !== 0) return `no se pudo preparar better-sqlite3 para Electron: ${(r.stderr || r.stdout).trim()}`;
  }
  return null;
}

const motivo = motivoParaOmitir();

function omitirSiHaceFalta(): void {
  if (motivo) {
    console.log(`[electron] Se omite la prueba de humo: ${motivo}`);
    test.skip(true, motivo);
  }
}

let aplicacion: ElectronApplication | null = null;
let datos: string;

test.beforeAll(() => {
  if (motivo) return;
  // The runtime is here: test the current sources, and insist on a built renderer.
  const r = spawnSync(process.execPath, [path.join(raiz, 'scripts', 'build-electron.mjs')], { cwd: raiz, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`No se pudo compilar dist/electron:\n${r.stderr}`);
  if (!fs.existsSync(path.join(raiz, 'dist', 'renderer', 'index.html'))) {
    throw new Error('Falta dist/renderer/index.html: ejecute «npm run build» antes de las pruebas de Electron.');
  }
});

test.beforeEach(() => {
  datos = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-electron-'));
});

test.afterEach(async () => {
  await aplicacion?.close().catch(() => undefined);
  aplicacion = null;
  fs.rmSync(datos, { recursive: true, force: true });
});

async function lanzar(): Promise<ElectronApplication> {
  const args = [main, '--data-dir', datos];
  // Chromium refuses to run as root with its OS sandbox (containers, CI).
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  aplicacion = await electron.launch({
    args,
    cwd: raiz,
    env: { ...process.env, SSE_SIN_DIALOGOS: '1', ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
    timeout: 60_000,
  });
  aplicacion.process().stderr?.on('data', (d: Buffer) => process.stderr.write(`[electron] ${d}`));
  return aplicacion;
}

test('arranca con datos nuevos: título, pantalla de acceso o primer uso, window.sse sin Node', async () => {
  omitirSiHaceFalta();
  const app = await lanzar();
  const ventana = await app.firstWindow();
  await ventana.waitForLoadState('domcontentloaded');

  const titulo = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
  expect(titulo).toContain('Sistema de Seguimiento');
  expect(ventana.url()).toMatch(/^app:\/\/app\//);

  // A fresh data directory: the first-run form ("Crear administrador"), or sign-in if already set up.
  await expect(
    ventana
      .getByRole('form', { name: /Crear administrador|Iniciar sesión/ })
      .or(ventana.getByText(/Configuración inicial|Iniciar sesión/))
      .first(),
  ).toBeVisible();

  // The page sees window.sse and nothing of Node.
  const pagina = await ventana.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    sse: Object.keys((window as unknown as { sse: object }).sse).sort(),
    desktop: Object.keys((window as unknown as { sse: { desktop: object } }).sse.desktop).sort(),
  }));
  expect(pagina).toEqual({
    require: 'undefined',
    process: 'undefined',
    sse: ['call', 'desktop', 'modo', 'on'],
    desktop: ['abrir', 'guardarComo', 'imprimir', 'mostrarEnCarpeta'],
  });

  // A round trip through IPC to the core: an unknown method is an error result, not an exception.
  const r = await ventana.evaluate(() =>
    (window as unknown as { sse: { call: (m: string, i: unknown) => Promise<{ ok: boolean }> } }).sse.call('no.existe', null),
  );
  expect(r.ok).toBe(false);

  // window.open is denied: still one window (about:blank is not sent to the system browser either).
  expect(await ventana.evaluate(() => window.open('about:blank') === null)).toBe(true);
  expect(app.windows()).toHaveLength(1);

  // The database was created in the data directory given on the command line.
  expect(fs.existsSync(path.join(datos, ARCHIVO_BASE))).toBe(true);

  fs.mkdirSync(artefactos, { recursive: true });
  await ventana.screenshot({ path: path.join(artefactos, 'primera-pantalla.png') });
});

test('Estación de trabajo: con el pin guardado entra al servidor de la oficina por HTTPS y no abre base propia', async () => {
  omitirSiHaceFalta();
  // The office server, started as `npm run servidor` starts it, on loopback.
  const datosServidor = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-electron-servidor-'));
  const core = await createCore({ dataDir: datosServidor });
  const oficina = await iniciarServidorOficina({ core, staticDir: path.join(raiz, 'dist', 'renderer'), host: '127.0.0.1', port: 0 });
  try {
    const admin = await core.call('usuarios.crearAdministradorInicial', { usuario: 'admin', nombre: 'Administración del Sistema', contrasena: 'contrasena-segura-1' });
    expect(admin.ok).toBe(true);
    const url = `https://127.0.0.1:${oficina.http.port}/`;
    // This PC was paired before: the mode file in its user-data folder holds the address and the pin.
    fs.mkdirSync(path.join(datos, 'electron'), { recursive: true });
    fs.writeFileSync(path.join(datos, 'electron', ARCHIVO_MODO), JSON.stringify({ modo: 'estacion', estacion: { url, huella: oficina.huella } }));

    const app = await lanzar();
    const ventana = await app.firstWindow();
    await ventana.getByLabel('Usuario').fill('admin');
    await ventana.getByLabel('Contraseña').fill('contrasena-segura-1');
    await ventana.getByRole('button', { name: 'Entrar' }).click();
    await expect(ventana.getByRole('button', { name: /cerrar sesión/i })).toBeVisible();
    await expect(ventana.locator('[data-servidor]')).toHaveText(`127.0.0.1:${oficina.http.port}`);
    // The session is the server's; the station has no database of its own.
    expect(fs.existsSync(path.join(datos, ARCHIVO_BASE))).toBe(false);
    fs.mkdirSync(artefactos, { recursive: true });
    await ventana.screenshot({ path: path.join(artefactos, 'estacion-conectada.png') });
  } finally {
    await oficina.close();
    core.close();
    fs.rmSync(datosServidor, { recursive: true, force: true });
  }
});
