import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-falso'));

import {
  CSP,
  esUrlExternaPermitida,
  esUrlPropia,
  isTrustedSender,
  protegerSesion,
  protegerWebContents,
  webPreferencesSeguras,
} from '../../../electron/shell/seguridad';
import { crearSesionFalsa, evento, FakeWebContents, reiniciarElectron, shell } from './electron-falso';

beforeEach(() => reiniciarElectron());

describe('webPreferences', () => {
  it('are secure: isolation, sandbox, no Node, web security, no webview', () => {
    const w = webPreferencesSeguras('/app/dist/electron/preload.cjs');
    expect(w).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('CSP allows only our own scripts and connections', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect(CSP).toContain("style-src 'self' 'unsafe-inline'");
    expect(CSP).toContain("img-src 'self' data: blob:");
    expect(CSP).toContain("connect-src 'self'");
    expect(CSP).toContain("object-src 'none'");
  });
});

describe('URLs', () => {
  it('own origin is app://app only', () => {
    expect(esUrlPropia('app://app/index.html')).toBe(true);
    expect(esUrlPropia('app://app/correspondencia?x=1')).toBe(true);
    expect(esUrlPropia('app://otro/index.html')).toBe(false);
    expect(esUrlPropia('https://app/index.html')).toBe(false);
    expect(esUrlPropia('file:///index.html')).toBe(false);
    expect(esUrlPropia('no es url')).toBe(false);
  });

  it('only http(s) without credentials may go to the system browser', () => {
    expect(esUrlExternaPermitida('https://www.sonora.gob.mx/')).toBe(true);
    expect(esUrlExternaPermitida('http://intranet.local/doc')).toBe(true);
    expect(esUrlExternaPermitida('javascript:alert(1)')).toBe(false);
    expect(esUrlExternaPermitida('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(esUrlExternaPermitida('smb://servidor/compartido')).toBe(false);
    expect(esUrlExternaPermitida('ms-msdt:/id PCWDiagnostic')).toBe(false);
    expect(esUrlExternaPermitida('https://usuario:clave@evil.example/')).toBe(false);
    expect(esUrlExternaPermitida('')).toBe(false);
  });
});

describe('WebContents', () => {
  function protegido() {
    const wc = new FakeWebContents();
    protegerWebContents(wc as never);
    return wc;
  }

  it('navigation to another origin is prevented; http links go to the system browser', () => {
    const wc = protegido();
    const e = evento({ url: 'https://evil.example/phish' });
    wc.emit('will-navigate', e, e.url);
    expect(e.preventDefault).toHaveBeenCalled();
    expect(shell.openExternal).toHaveBeenCalledWith('https://evil.example/phish');
  });

  it('navigation to file: or javascript: is prevented and never opened', () => {
    const wc = protegido();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://otro/index.html']) {
      const e = evento({ url });
      wc.emit('will-navigate', e, url);
      expect(e.preventDefault).toHaveBeenCalled();
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('navigation inside the app is allowed', () => {
    const wc = protegido();
    const e = evento({ url: 'app://app/index.html' });
    wc.emit('will-navigate', e, e.url);
    expect(e.preventDefault).not.toHaveBeenCalled();
  });

  it('frame navigation and redirects away from the app are prevented', () => {
    const wc = protegido();
    const f = evento({ url: 'https://evil.example/' });
    wc.emit('will-frame-navigate', f);
    const r = evento({ url: 'https://evil.example/' });
    wc.emit('will-redirect', r);
    expect(f.preventDefault).toHaveBeenCalled();
    expect(r.preventDefault).toHaveBeenCalled();
  });

  it('window.open is always denied; http(s) goes to shell.openExternal, javascript:/file: do not', () => {
    const wc = protegido();
    expect(wc.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    const abrir = wc.manejadorAbrir!;
    expect(abrir({ url: 'https://www.sonora.gob.mx/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.sonora.gob.mx/');
    shell.openExternal.mockClear();
    expect(abrir({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(abrir({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(abrir({ url: 'app://app/index.html' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('webviews are refused', () => {
    const wc = protegido();
    const e = evento();
    wc.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('every permission request is denied', () => {
    const s = crearSesionFalsa();
    protegerSesion(s as never);
    const wc = new FakeWebContents();
    for (const permiso of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'display-capture', 'fullscreen']) {
      const responder = vi.fn();
      s.permisoSolicitud!(wc, permiso, responder, { requestingUrl: 'app://app/index.html' });
      expect(responder, permiso).toHaveBeenCalledWith(false);
    }
    expect(s.permisoConsulta!(wc, 'media', 'app://app', {})).toBe(false);
    expect(s.permisoConsulta!(wc, 'geolocation', 'app://app', {})).toBe(false);
    expect(s.permisoDispositivo!({})).toBe(false);
  });

  it('clipboard text writes are allowed only for our own page', () => {
    const s = crearSesionFalsa();
    protegerSesion(s as never);
    const wc = new FakeWebContents();
    const propio = vi.fn();
    s.permisoSolicitud!(wc, 'clipboard-sanitized-write', propio, { requestingUrl: 'app://app/index.html' });
    expect(propio).toHaveBeenCalledWith(true);
    const ajeno = vi.fn();
    s.permisoSolicitud!(wc, 'clipboard-sanitized-write', ajeno, { requestingUrl: 'https://evil.example/' });
    expect(ajeno).toHaveBeenCalledWith(false);
  });
});

describe('isTrustedSender', () => {
  const principal = { url: 'app://app/index.html', parent: null };

  it('accepts the main frame of our own page', () => {
    expect(isTrustedSender({ senderFrame: principal as never, sender: { mainFrame: principal } as never })).toBe(true);
  });

  it('rejects another origin, a subframe, a missing frame, or a frame that is not the main one', () => {
    const ajeno = { url: 'https://evil.example/', parent: null };
    expect(isTrustedSender({ senderFrame: ajeno as never, sender: { mainFrame: ajeno } as never })).toBe(false);
    const sub = { url: 'app://app/index.html', parent: principal };
    expect(isTrustedSender({ senderFrame: sub as never, sender: { mainFrame: principal } as never })).toBe(false);
    expect(isTrustedSender({ senderFrame: null, sender: { mainFrame: principal } as never })).toBe(false);
    const otro = { url: 'app://app/index.html', parent: null };
    expect(isTrustedSender({ senderFrame: otro as never, sender: { mainFrame: principal } as never })).toBe(false);
    const archivo = { url: 'file:///tmp/x.html', parent: null };
    expect(isTrustedSender({ senderFrame: archivo as never, sender: { mainFrame: archivo } as never })).toBe(false);
  });
});
