/**
 * The `app://app/…` protocol: serves the built renderer (dist/renderer) with the CSP header, and
 * nothing outside that folder.
 */
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CSP, ESQUEMA, HOST } from './seguridad';

/** Must run before the app is ready. */
export function registrarEsquema(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: ESQUEMA,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

const TIPOS: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function tipoDeContenido(ruta: string): string {
  return TIPOS[path.extname(ruta).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an `app://app/<ruta>` URL to a file inside `raiz`, or null when the URL is not ours or the
 * path would escape `raiz` (`..`, encoded `%2e%2e%2f`, backslashes, absolute paths, NUL bytes).
 */
export function resolverRutaApp(raiz: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${ESQUEMA}:` || u.host !== HOST) return null;
  let relativa: string;
  try {
    relativa = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (relativa.includes('\0')) return null;
  // Treat both separators alike on every platform, then refuse any `..` segment outright.
  const segmentos = relativa.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segmentos.some((s) => s === '..' || /^[a-zA-Z]:$/.test(s))) return null;
  if (segmentos.length === 0) segmentos.push('index.html');
  const base = path.resolve(raiz);
  const ruta = path.resolve(base, ...segmentos);
  const rel = path.relative(base, ruta);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return null;
  return ruta;
}

function cabeceras(tipo: string): Record<string, string> {
  return {
    'content-type': tipo,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}

function texto(estado: number, mensaje: string): Response {
  return new Response(mensaje, { status: estado, headers: cabeceras('text/plain; charset=utf-8') });
}

async function esArchivo(ruta: string): Promise<boolean> {
  try {
    return (await stat(ruta)).isFile();
  } catch {
    return false;
  }
}

/** The request handler, separate from `protocol.handle` so it can be tested with a plain Request. */
export function crearManejador(raiz: string): (request: Request) => Promise<Response> {
  const indice = path.join(raiz, 'index.html');
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return texto(405, 'Método no permitido.');
    const ruta = resolverRutaApp(raiz, request.url);
    if (ruta === null) return texto(403, 'Acceso denegado.');
    let archivo = ruta;
    if (!(await esArchivo(archivo))) {
      // Client-side routes (no extension) fall back to the single page; missing assets are 404.
      if (path.extname(archivo) !== '' || !(await esArchivo(indice))) return texto(404, 'No encontrado.');
      archivo = indice;
    }
    const cuerpo = await readFile(archivo);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(cuerpo), {
      status: 200,
      headers: cabeceras(tipoDeContenido(archivo)),
    });
  };
}

/** Must run after the app is ready. */
export function servirRenderer(raiz: string): void {
  protocol.handle(ESQUEMA, crearManejador(raiz));
}
