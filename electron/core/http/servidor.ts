/**
 * The HTTP transport: the built renderer, `POST /api/<method>`, `GET /api/eventos` (server-sent events)
 * and `GET /api/descarga/<id>`. The profile (local or network) decides who may connect; the routes and
 * the answers are the same.
 */
import type http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '../tipos';
import type { Perfil } from './perfiles';
import { Rechazo, rechazo, sendJson, sendRechazo } from './respuestas';
import { servirEstatico } from './estatico';
import { servirEventos } from './eventos';
import { servirDescarga } from './descargas';
import { PresupuestoCuerpos, leerCuerpo } from './cuerpo';

export interface OpcionesHttp {
  core: Core;
  profile: Perfil;
  /** Folder with the built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  maxBodyBytes?: number;
  /** Bytes of all request bodies being received at once. */
  bodiesInFlightBytes?: number;
}

export interface HttpEnMarcha {
  url: string;
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

export async function startHttp(o: OpcionesHttp): Promise<HttpEnMarcha> {
  const { core, profile } = o;
  const maxBody = o.maxBodyBytes ?? profile.limites?.cuerpoMaximo ?? 72 * 1024 * 1024;
  const presupuesto = new PresupuestoCuerpos(o.bodiesInFlightBytes ?? profile.limites?.cuerposEnVuelo ?? Math.max(maxBody * 2, 160 * 1024 * 1024));
  const staticRoot = path.resolve(o.staticDir);
  let port = 0;
  let hosts = new Set<string>();

  async function api(metodo: string, req: http.IncomingMessage, res: http.ServerResponse, sesion: string | null): Promise<void> {
    profile.antesDeLlamar(metodo, req);
    const body = await leerCuerpo(req, maxBody, presupuesto);
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      throw rechazo('PETICION', 'La petición no es JSON válido; no se modificó nada.');
    }
    const clave = (req.headers['idempotency-key'] as string | undefined) ?? null;
    // The request is in: the idle limit is for silent clients, not for the answer a long job is preparing.
    const inactividad = req.socket.timeout;
    req.socket.setTimeout(0);
    res.once('finish', () => !req.socket.destroyed && inactividad && req.socket.setTimeout(inactividad));
    const r = await core.call(metodo, input, { sesion, clave });
    const { resultado, headers } = profile.despuesDeLlamar(metodo, req, r);
    sendJson(res, 200, resultado, headers);
  }

  async function manejar(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) throw rechazo('PETICION', 'Encabezado Host no permitido.', 421);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw rechazo('PETICION', 'Método no permitido.', 405);
      return servirEstatico(staticRoot, url.pathname, res);
    }
    const rest = url.pathname.slice('/api/'.length);
    if (req.method === 'GET' && rest === 'eventos') {
      const sesion = profile.autenticar(req, url, 'eventos', port);
      if (profile.red && !core.sesionActiva(sesion)) throw rechazo('NO_AUTENTICADO', 'Inicie sesión para recibir avisos.');
      return servirEventos(core, req, res, {
        sesion: profile.red ? sesion : null,
        vigente: () => !profile.red || core.sesionActiva(sesion) !== null,
      });
    }
    if (req.method === 'GET' && rest.startsWith('descarga/')) {
      const sesion = profile.autenticar(req, url, 'descarga', port);
      return servirDescarga(core, rest.slice('descarga/'.length), sesion, url.searchParams.get('inline') === '1', res);
    }
    if (req.method !== 'POST') throw rechazo('PETICION', 'Use POST para llamar a la API.', 405);
    return api(rest, req, res, profile.autenticar(req, url, 'api', port));
  }

  const server = profile.crear((req, res) => {
    manejar(req, res).catch((e) => {
      if (res.headersSent) return void res.end();
      if (e instanceof Rechazo) return sendRechazo(res, e);
      if ((e as Error)?.message === 'conexión cerrada') return void res.destroy();
      console.error('[servidor]', e);
      sendRechazo(res, rechazo('INTERNO', 'Ocurrió un error inesperado en el servidor.'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, profile.host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  hosts = profile.hosts(port);
  const visible = profile.host === '0.0.0.0' || profile.host === '::' ? '127.0.0.1' : profile.host;
  return {
    url: `${profile.esquema}://${visible}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
