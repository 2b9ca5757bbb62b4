/** What every HTTP answer shares: security headers, JSON bodies, and one table from error code to status. */
import type http from 'node:http';
import type { ErrorCode, ErrorInfo } from '../errors';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self' blob:; object-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Transport refusals get their own status; API results always travel as 200 with `{ok:false}` so the
 * client reads one shape (the status is for proxies, logs and tools).
 */
export const ESTADO_HTTP: Partial<Record<ErrorCode, number>> = {
  PETICION: 400,
  NO_AUTENTICADO: 401,
  PROHIBIDO: 403,
  NO_ENCONTRADO: 404,
  LIMITE: 429,
  OCUPADO: 503,
  INTERNO: 500,
};

export function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(text);
}

/** A refusal by the transport itself (before or instead of the core). */
export class Rechazo extends Error {
  constructor(
    readonly status: number,
    readonly info: ErrorInfo,
    readonly cerrar = false,
  ) {
    super(info.message);
  }
}

export function rechazo(code: ErrorCode, message: string, status = ESTADO_HTTP[code] ?? 400, cerrar = false): Rechazo {
  return new Rechazo(status, { code, message }, cerrar);
}

export function sendRechazo(res: http.ServerResponse, r: Rechazo): void {
  if (r.cerrar) res.setHeader('Connection', 'close');
  sendJson(res, r.status, { ok: false, error: r.info });
}
