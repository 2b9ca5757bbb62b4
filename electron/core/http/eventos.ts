/**
 * The event stream (server-sent events): the progress of this session's jobs and every change notice.
 * Change notices carry only `{entidad, id}`: each client refetches what it may read.
 */
import type http from 'node:http';
import type { Core } from '../tipos';
import { SECURITY_HEADERS } from './respuestas';

export interface OpcionesEventos {
  /** The session this stream belongs to; null in local mode (one person, every job is theirs). */
  sesion: string | null;
  /** Checked on every ping: a signed-out, deactivated or expired session ends its stream. */
  vigente(): boolean;
  pingMs?: number;
}

export function servirEventos(core: Core, req: http.IncomingMessage, res: http.ServerResponse, o: OpcionesEventos): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': conectado\n\n');
  const enviar = (evento: string, datos: unknown) => res.write(`event: ${evento}\ndata: ${JSON.stringify(datos)}\n\n`);
  const dejarProgreso = core.on('progreso', (p, sesion) => {
    if (o.sesion === null || sesion === o.sesion) enviar('progreso', p);
  });
  const dejarCambio = core.on('cambio', (c) => enviar('cambio', c));
  const ping = setInterval(() => {
    if (!o.vigente()) return void res.end();
    res.write(': ping\n\n');
  }, o.pingMs ?? 20_000);
  req.on('close', () => {
    dejarProgreso();
    dejarCambio();
    clearInterval(ping);
  });
}
