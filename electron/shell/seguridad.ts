/**
 * Window security (DESIGN §6): secure webPreferences, CSP, no navigation, no new windows, no
 * permissions, no webviews, IPC only from our own page's main frame.
 */
import { shell, type IpcMainInvokeEvent, type Session, type WebContents, type WebPreferences } from 'electron';

/** Custom scheme and host the renderer is served from: `app://app/index.html`. */
export const ESQUEMA = 'app';
export const HOST = 'app';
export const ORIGEN = `${ESQUEMA}://${HOST}`;
export const URL_INICIO = `${ORIGEN}/index.html`;

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  // Stricter than the defaults above would give, never looser.
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export function webPreferencesSeguras(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Windows and macOS check spelling with the OS; on Linux Chromium would download dictionaries.
    spellcheck: process.platform !== 'linux',
    safeDialogs: true,
  };
}

function analizar(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for pages of our own app (`app://app/...`). WHATWG gives custom schemes an opaque origin, so compare scheme and host. */
export function esUrlPropia(url: string): boolean {
  const u = analizar(url);
  return u !== null && u.protocol === `${ESQUEMA}:` && u.host === HOST;
}

/** Only plain http(s) links without embedded credentials may go to the system browser. */
export function esUrlExternaPermitida(url: string): boolean {
  const u = analizar(url);
  if (!u) return false;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  if (u.username !== '' || u.password !== '') return false;
  return u.hostname !== '';
}

/** Opens a link in the system browser after checking it; returns whether it did. */
export function abrirExterno(url: string): boolean {
  if (!esUrlExternaPermitida(url)) return false;
  void shell.openExternal(url).catch(() => undefined);
  return true;
}

/**
 * Hooks for every WebContents (app 'web-contents-created'): navigation away from the app is
 * prevented (http links go to the system browser), window.open is denied, webviews are refused.
 */
export function protegerWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (esUrlPropia(event.url)) return;
    event.preventDefault();
    abrirExterno(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!esUrlPropia(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!esUrlPropia(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    abrirExterno(url);
    return { action: 'deny' };
  });
}

/**
 * Permissions: everything is denied, except writing plain text to the clipboard from our own page
 * (a "Copiar folio" button); reading the clipboard, camera, location, notifications… never.
 */
export function permisoPermitido(permiso: string, origen: string): boolean {
  return permiso === 'clipboard-sanitized-write' && esUrlPropia(origen);
}

export function protegerSesion(ses: Session): void {
  ses.setPermissionRequestHandler((contents, permiso, responder, detalles) => {
    const origen = detalles?.requestingUrl ?? contents?.getURL?.() ?? '';
    responder(permisoPermitido(permiso, origen));
  });
  ses.setPermissionCheckHandler((_contents, permiso, origen) => permisoPermitido(permiso, origen));
  ses.setDevicePermissionHandler(() => false);
}

type EventoIpc = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender?: Pick<WebContents, 'mainFrame'> | null };

/** IPC is answered only for our own origin, in the main frame (never a subframe or another site). */
export function isTrustedSender(event: EventoIpc): boolean {
  const frame = event?.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  const principal = event.sender?.mainFrame;
  if (principal && principal !== frame) return false;
  return esUrlPropia(frame.url);
}
