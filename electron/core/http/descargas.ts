/** Downloads of generated files by id, for a session that is still valid (else 404, as if it never existed). */
import type http from 'node:http';
import fs from 'node:fs';
import type { Core } from '../tipos';
import { SECURITY_HEADERS, rechazo, sendRechazo } from './respuestas';

export function servirDescarga(core: Core, id: string, sesion: string | null, enLinea: boolean, res: http.ServerResponse): void {
  const archivo = core.archivoGenerado(id, sesion);
  if (!archivo) return sendRechazo(res, rechazo('NO_ENCONTRADO', 'El archivo ya no está disponible; genérelo de nuevo.'));
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': archivo.tipo,
    'Content-Disposition': `${enLinea ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(archivo.nombre)}`,
    'Cache-Control': 'no-store',
  });
  fs.createReadStream(archivo.ruta).pipe(res);
}
