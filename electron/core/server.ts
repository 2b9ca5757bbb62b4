/**
 * Browser-mode transport: node:http on 127.0.0.1 only, a per-run secret token, a Host check against
 * DNS rebinding, a body size limit, the built renderer as static files, `POST /api/<method>`,
 * downloads of generated files by id, and progress as a server-sent event stream.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Core } from './tipos';
import type { ErrorInfo } from './errors';

export interface ServerOptions {
  core: Core;
  /** Folder with the built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest accepted request body; an attachment of 50 MB travels as ~67 MB of base64. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  /** URL to open: carries the token once; the renderer keeps it and removes it from the address bar. */
  urlConToken: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self' blob:; object-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, error: ErrorInfo): void {
  sendJson(res, status, { ok: false, error });
}

function tokensEqual(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.pause();
        reject(new BodyTooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 72 * 1024 * 1024;
  const staticRoot = path.resolve(opts.staticDir);
  let allowedHosts = new Set<string>();

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return sendError(res, 400, { code: 'PETICION', message: 'Dirección mal formada.' });
    }
    let file = path.resolve(staticRoot, '.' + rel);
    if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) {
      return sendError(res, 403, { code: 'PETICION', message: 'Ruta no permitida.' });
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(staticRoot, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('La interfaz no está compilada. Ejecute «npm start» o «npm run build».');
    }
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' };
    headers['Cache-Control'] = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  }

  function serveEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': conectado\n\n');
    const off = opts.core.on('progreso', (p) => res.write(`event: progreso\ndata: ${JSON.stringify(p)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      off();
      clearInterval(ping);
    });
  }

  function serveDownload(id: string, url: URL, res: http.ServerResponse): void {
    const archivo = opts.core.archivoGenerado(id, url.searchParams.get('sesion'));
    if (!archivo) return sendError(res, 404, { code: 'NO_ENCONTRADO', message: 'El archivo ya no está disponible; genérelo de nuevo.' });
    const disposition = url.searchParams.get('inline') === '1' ? 'inline' : 'attachment';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': archivo.tipo,
      'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(archivo.nombre)}`,
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(archivo.ruta).pipe(res);
  }

  async function serveApi(method: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req, maxBody);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        res.setHeader('Connection', 'close');
        return sendError(res, 413, { code: 'PETICION', message: `La petición excede el tamaño máximo (${Math.round(maxBody / 1024 / 1024)} MB).` });
      }
      throw e;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, 400, { code: 'PETICION', message: 'La petición no es JSON válido; no se modificó nada.' });
    }
    const sesion = (req.headers['x-sse-sesion'] as string | undefined) ?? null;
    sendJson(res, 200, await opts.core.call(method, input, { sesion }));
  }

  const server = http.createServer((req, res) => {
    const handle = async () => {
      if (!allowedHosts.has(req.headers.host ?? '')) {
        return sendError(res, 421, { code: 'PETICION', message: 'Encabezado Host no permitido.' });
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, { code: 'PETICION', message: 'Método no permitido.' });
        return serveStatic(url.pathname, res);
      }
      const given = (req.headers['x-sse-token'] as string | undefined) ?? url.searchParams.get('token');
      if (!tokensEqual(given, token)) {
        return sendError(res, 401, { code: 'NO_AUTENTICADO', message: 'Falta la clave de acceso de esta ejecución o no es válida. Abra la dirección que mostró «npm start».' });
      }
      const rest = url.pathname.slice('/api/'.length);
      if (req.method === 'GET' && rest === 'eventos') return serveEvents(req, res);
      if (req.method === 'GET' && rest.startsWith('descarga/')) return serveDownload(rest.slice('descarga/'.length), url, res);
      if (req.method !== 'POST') return sendError(res, 405, { code: 'PETICION', message: 'Use POST para llamar a la API.' });
      return serveApi(rest, req, res);
    };
    handle().catch((e) => {
      console.error('[servidor]', e);
      if (!res.headersSent) sendError(res, 500, { code: 'INTERNO', message: 'Ocurrió un error inesperado en el servidor local.' });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    urlConToken: `${url}?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
