/**
 * The two ways the HTTP transport is exposed. Same routes; what differs is who may connect:
 * - local({token}): browser mode on 127.0.0.1, a per-run secret token, session id in a header.
 * - network({tls, …}): the office server. HTTPS, no token; users sign in and the session travels in an
 *   HttpOnly SameSite=Strict cookie the page's scripts cannot read (so it never appears in a URL, and a
 *   download or the event stream is authenticated like any call). Every POST also needs the custom header
 *   `X-SSE-Solicitud` (a cross-site form cannot send it) and, when the browser sends one, an `Origin` of
 *   this server. Password checks are limited per address as well as per account.
 */
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import crypto from 'node:crypto';
import type { Resultado } from '../tipos';
import { rechazo } from './respuestas';
import { LimitePorDireccion } from './limites';

export type Ruta = 'api' | 'eventos' | 'descarga';

export interface Perfil {
  readonly red: boolean;
  readonly host: string;
  readonly esquema: 'http' | 'https';
  readonly limites?: Pick<LimitesRed, 'cuerpoMaximo' | 'cuerposEnVuelo'>;
  crear(manejar: http.RequestListener): http.Server;
  /** Host headers accepted once the port is known (DNS rebinding). */
  hosts(port: number): Set<string>;
  /** Transport checks for one request; returns its session id or throws a Rechazo. */
  autenticar(req: http.IncomingMessage, url: URL, ruta: Ruta, port: number): string | null;
  antesDeLlamar(metodo: string, req: http.IncomingMessage): void;
  /** Adjusts what goes back (the session cookie) and counts failed password checks. */
  despuesDeLlamar(metodo: string, req: http.IncomingMessage, r: Resultado): { resultado: Resultado; headers: Record<string, string> };
}

function tokensEqual(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function local({ token }: { token: string }): Perfil {
  return {
    red: false,
    host: '127.0.0.1',
    esquema: 'http',
    crear: (manejar) => http.createServer(manejar),
    hosts: (port) => new Set([`127.0.0.1:${port}`, `localhost:${port}`]),
    autenticar(req, url, ruta) {
      const given = (req.headers['x-sse-token'] as string | undefined) ?? url.searchParams.get('token');
      if (!tokensEqual(given, token)) {
        throw rechazo('NO_AUTENTICADO', 'Falta la clave de acceso de esta ejecución o no es válida. Abra la dirección que mostró «npm start».');
      }
      if (ruta === 'descarga') return url.searchParams.get('sesion');
      return (req.headers['x-sse-sesion'] as string | undefined) ?? null;
    },
    antesDeLlamar: () => undefined,
    despuesDeLlamar: (_m, _r, resultado) => ({ resultado, headers: {} }),
  };
}

export interface LimitesRed {
  /** Largest request body (an attachment of 50 MB travels as ~67 MB of base64). */
  cuerpoMaximo: number;
  /** Bytes of all bodies being received at once. */
  cuerposEnVuelo: number;
  /** Time to receive the headers, and the whole request (slow or endless clients are cut). */
  cabecerasMs: number;
  peticionMs: number;
  /** A connection with no traffic is closed (the event stream pings well within it). */
  inactividadMs: number;
  /** How often the server checks those deadlines. */
  revisionMs: number;
  conexiones: number;
  /** Failed password checks from one address before it must wait. */
  fallosPorDireccion: number;
  ventanaFallosMs: number;
}

export const LIMITES_RED: LimitesRed = {
  cuerpoMaximo: 72 * 1024 * 1024,
  cuerposEnVuelo: 160 * 1024 * 1024,
  cabecerasMs: 15_000,
  peticionMs: 120_000,
  inactividadMs: 60_000,
  revisionMs: 5_000,
  conexiones: 1_000,
  fallosPorDireccion: 20,
  ventanaFallosMs: 15 * 60_000,
};

export interface OpcionesRed {
  tls: { cert: string; key: string };
  host?: string;
  /** Extra names stations use to reach the server (e.g. a DNS name); this machine's names and IPs are always accepted. */
  nombres?: string[];
  limites?: Partial<LimitesRed>;
}

export const COOKIE_SESION = 'sse_sesion';
const CON_CONTRASENA = new Set(['usuarios.iniciarSesion', 'usuarios.desbloquear', 'usuarios.cambiarContrasena']);
const ABREN_SESION = new Set(['usuarios.iniciarSesion', 'usuarios.crearAdministradorInicial']);

/** This machine's names and addresses, as they may appear in a Host header. */
function nombresDelEquipo(extra: string[]): string[] {
  const ips = Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i)
    .map((i) => (i.family === 'IPv6' ? `[${i.address}]` : i.address));
  const h = os.hostname();
  return [...new Set(['localhost', h, `${h}.local`, ...ips, ...extra].map((n) => n.toLowerCase()))];
}

function cookie(req: http.IncomingMessage, nombre: string): string | null {
  for (const parte of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = parte.trim().split('=');
    if (k === nombre) return v.join('=') || null;
  }
  return null;
}

export function direccionDe(req: http.IncomingMessage): string {
  return req.socket.remoteAddress ?? 'desconocida';
}

export function network(o: OpcionesRed): Perfil {
  const limites = { ...LIMITES_RED, ...o.limites };
  const intentos = new LimitePorDireccion(limites.fallosPorDireccion, limites.ventanaFallosMs);
  const nombres = nombresDelEquipo(o.nombres ?? []);
  let origenes = new Set<string>();
  return {
    red: true,
    limites,
    host: o.host ?? '0.0.0.0',
    esquema: 'https',
    crear(manejar) {
      const s = https.createServer(
        {
          cert: o.tls.cert, key: o.tls.key, minVersion: 'TLSv1.2',
          headersTimeout: limites.cabecerasMs, requestTimeout: limites.peticionMs,
          connectionsCheckingInterval: limites.revisionMs, handshakeTimeout: limites.cabecerasMs,
        },
        manejar,
      );
      s.timeout = limites.inactividadMs;
      s.keepAliveTimeout = 5_000;
      s.maxConnections = limites.conexiones;
      // Plain http:// to this port: answer in words instead of a dropped connection.
      s.on('tlsClientError', (e: NodeJS.ErrnoException, t) => {
        const crudo = (t as unknown as { _parent?: { end?(s: string): void; destroy?(): void } })._parent;
        if (e.code === 'ERR_SSL_HTTP_REQUEST' && crudo?.end) {
          crudo.end(
            'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n' +
              'Este servidor solo atiende conexiones cifradas: escriba la dirección con https:// al inicio.\n',
          );
        } else t.destroy();
      });
      return s;
    },
    hosts(port) {
      const h = new Set(nombres.map((n) => `${n}:${port}`));
      if (port === 443) for (const n of nombres) h.add(n);
      origenes = new Set([...h].map((x) => `https://${x}`));
      return h;
    },
    autenticar(req, _url, ruta) {
      const origen = req.headers.origin;
      if (origen !== undefined && !origenes.has(origen.toLowerCase())) {
        throw rechazo('PROHIBIDO', 'La petición viene de otro sitio (Origin no permitido); no se hizo nada.');
      }
      if (ruta === 'api' && req.headers['x-sse-solicitud'] !== '1') {
        throw rechazo('PROHIBIDO', 'Falta el encabezado X-SSE-Solicitud; use la aplicación o su página para operar el sistema.');
      }
      return cookie(req, COOKIE_SESION);
    },
    antesDeLlamar(metodo, req) {
      if (CON_CONTRASENA.has(metodo) && intentos.bloqueada(direccionDe(req))) {
        throw rechazo('LIMITE', `Demasiados intentos fallidos desde este equipo. Espere ${Math.round(limites.ventanaFallosMs / 60_000)} minutos e intente de nuevo.`);
      }
    },
    despuesDeLlamar(metodo, req, r): { resultado: Resultado; headers: Record<string, string> } {
      if (!r.ok) {
        if (CON_CONTRASENA.has(metodo) && (r.error.code === 'CREDENCIALES' || r.error.code === 'CUENTA_BLOQUEADA')) intentos.fallo(direccionDe(req));
        return { resultado: r, headers: {} };
      }
      const base = `${COOKIE_SESION}=%s; Path=/; HttpOnly; Secure; SameSite=Strict`;
      if (ABREN_SESION.has(metodo)) {
        const data = r.data as { token: string };
        // The page learns only that it is signed in; the session id stays in the cookie.
        return { resultado: { ok: true, data: { ...data, token: 'cookie' } }, headers: { 'Set-Cookie': base.replace('%s', data.token) } };
      }
      if (metodo === 'usuarios.cerrarSesion') return { resultado: r, headers: { 'Set-Cookie': `${base.replace('%s', '')}; Max-Age=0` } };
      return { resultado: r, headers: {} };
    },
  };
}
