/** The built renderer as static files; any unknown path gets index.html (client-side routes). */
import type http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { SECURITY_HEADERS, rechazo, sendRechazo } from './respuestas';

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

export function servirEstatico(staticRoot: string, pathname: string, res: http.ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return sendRechazo(res, rechazo('PETICION', 'Dirección mal formada.'));
  }
  let file = path.resolve(staticRoot, '.' + rel);
  if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) {
    return sendRechazo(res, rechazo('PETICION', 'Ruta no permitida.', 403));
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
