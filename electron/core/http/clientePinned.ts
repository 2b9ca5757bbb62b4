/**
 * A station's connection to the office server, in plain Node (the desktop app's main process and the
 * tests use it). Trust on first use: `huellaDelServidor` reads the certificate's fingerprint for the user
 * to confirm; afterwards every connection checks it before sending a byte, and a different certificate
 * is refused naming both fingerprints. The session cookie lives here, never in the renderer.
 */
import http from 'node:http';
import tls from 'node:tls';
import type { Resultado } from '../tipos';

export class ErrorHuella extends Error {
  readonly code = 'CERTIFICADO';
  constructor(
    readonly esperada: string,
    readonly recibida: string,
  ) {
    super(
      `El servidor presentó un certificado distinto al que este equipo aceptó. ` +
        `Esperada: ${esperada}. Recibida: ${recibida}. No se envió nada. ` +
        `Si el servidor se reinstaló a propósito, un administrador debe volver a vincular esta estación en Ajustes.`,
    );
  }
}

export const SIN_CONEXION = 'Sin conexión con el servidor';

function destino(url: string): { host: string; port: number } {
  const u = new URL(url);
  if (u.protocol !== 'https:') throw new Error('La dirección del servidor debe empezar con https://');
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 443) };
}

function conectar(url: string, tiempoMs: number): Promise<tls.TLSSocket> {
  const { host, port } = destino(url);
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host, port, servername: /^[\d.:]+$/.test(host) ? undefined : host, rejectUnauthorized: false });
    s.setTimeout(tiempoMs, () => s.destroy(new Error('tiempo agotado')));
    s.once('secureConnect', () => resolve(s));
    s.once('error', reject);
  });
}

/** The fingerprint the server presents now (to show the user before pairing). */
export async function huellaDelServidor(url: string, tiempoMs = 10_000): Promise<string> {
  const s = await conectar(url, tiempoMs);
  const h = s.getPeerCertificate().fingerprint256.toUpperCase();
  s.destroy();
  return h;
}

export interface OpcionesCliente {
  url: string;
  /** The pinned fingerprint «AA:BB:…». */
  huella: string;
  tiempoMs?: number;
}

export interface RespuestaCruda {
  status: number;
  headers: http.IncomingHttpHeaders;
  cuerpo: Buffer;
}

export function clientePinned(o: OpcionesCliente) {
  const tiempoMs = o.tiempoMs ?? 30_000;
  const base = new URL(o.url);
  let cookie: string | null = null;

  /** A TLS socket to the server whose certificate matched the pin, before any request is written on it. */
  const crearConexion = (_opts: unknown, listo: (e: Error | null, s?: tls.TLSSocket) => void) => {
    conectar(o.url, tiempoMs).then(
      (s) => {
        const recibida = s.getPeerCertificate().fingerprint256.toUpperCase();
        if (recibida !== o.huella.toUpperCase()) {
          s.destroy();
          listo(new ErrorHuella(o.huella.toUpperCase(), recibida));
        } else listo(null, s);
      },
      (e) => listo(e),
    );
    return undefined;
  };

  /**
   * Requests reuse an open connection (the server keeps it 5 s after an answer): without it every call paid
   * a TLS handshake, ~4 ms of CPU on the server's request thread and as much here, plus two round trips.
   * Every new connection still checks the pin before a byte is sent.
   */
  const agente = Object.assign(new http.Agent({ keepAlive: true, maxFreeSockets: 4 }), { createConnection: crearConexion });

  function pedir(metodo: 'GET' | 'POST', ruta: string, cuerpo?: Buffer, headers: Record<string, string> = {}, nueva = false): Promise<RespuestaCruda> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          method: metodo, host: base.hostname, port: Number(base.port || 443), path: ruta,
          headers: { Host: base.host, ...(cookie ? { Cookie: cookie } : {}), ...headers },
          ...(nueva ? { agent: false, createConnection: crearConexion as never } : { agent: agente }),
          timeout: tiempoMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const puesta = res.headers['set-cookie']?.find((c) => c.startsWith('sse_sesion='));
            if (puesta) cookie = /Max-Age=0/i.test(puesta) ? null : puesta.split(';')[0];
            resolve({ status: res.statusCode ?? 0, headers: res.headers, cuerpo: Buffer.concat(chunks) });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('tiempo agotado')));
      req.on('error', (e: Error & { code?: string }) => {
        // The server closed the idle connection just as this request went out: nothing reached it; once more
        // on a new connection (a write carries its Idempotency-Key anyway).
        if (req.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) pedir(metodo, ruta, cuerpo, headers, true).then(resolve, reject);
        else reject(e);
      });
      req.end(cuerpo);
    });
  }

  return {
    get conSesion() {
      return cookie !== null;
    },
    olvidarSesion() {
      cookie = null;
    },
    pedir,

    /** Calls a method; network failures and a wrong certificate come back as errors, never thrown. */
    async llamar(metodo: string, input: unknown, opciones: { clave?: string } = {}): Promise<Resultado> {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-SSE-Solicitud': '1' };
      if (opciones.clave) headers['Idempotency-Key'] = opciones.clave;
      try {
        const r = await pedir('POST', `/api/${metodo}`, Buffer.from(JSON.stringify(input ?? {})), headers);
        return JSON.parse(r.cuerpo.toString('utf8')) as Resultado;
      } catch (e) {
        if (e instanceof ErrorHuella) return { ok: false, error: { code: 'CERTIFICADO', message: e.message, details: { esperada: e.esperada, recibida: e.recibida } } };
        return { ok: false, error: { code: 'SIN_CONEXION', message: `${SIN_CONEXION}. Se reintentará en unos segundos; lo que escribió se conserva.` } };
      }
    },

    /** Follows the event stream; `alEvento(nombre, datos)` for each event. Returns a function that stops it. */
    eventos(alEvento: (nombre: string, datos: unknown) => void, alCerrar?: (e?: Error) => void): () => void {
      // Told once, however the stream ends (server gone: the socket closes without an 'end'); never after stop.
      let terminado = false;
      const fin = (e?: Error) => {
        if (terminado) return;
        terminado = true;
        alCerrar?.(e);
      };
      let req: http.ClientRequest | null = http.request(
        {
          method: 'GET', host: base.hostname, port: Number(base.port || 443), path: '/api/eventos',
          headers: { Host: base.host, Accept: 'text/event-stream', ...(cookie ? { Cookie: cookie } : {}) },
          createConnection: crearConexion as never,
        },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            return fin(new Error(`El servidor respondió ${res.statusCode} a la suscripción de avisos.`));
          }
          let resto = '';
          res.setEncoding('utf8');
          res.on('data', (t: string) => {
            resto += t;
            let i: number;
            while ((i = resto.indexOf('\n\n')) >= 0) {
              const bloque = resto.slice(0, i);
              resto = resto.slice(i + 2);
              const ev = /^event: (.+)$/m.exec(bloque)?.[1];
              const data = /^data: (.+)$/m.exec(bloque)?.[1];
              if (ev && data) alEvento(ev, JSON.parse(data));
            }
          });
          res.on('end', () => fin());
          res.on('error', (e) => fin(e));
          res.on('close', () => fin());
        },
      );
      req.on('error', (e) => fin(e));
      req.end();
      return () => {
        terminado = true;
        req?.destroy();
        req = null;
      };
    },
  };
}

export type ClientePinned = ReturnType<typeof clientePinned>;
