/**
 * Request bodies with two limits: each body's size, and the bytes of all bodies being received at once
 * (so ten parallel 70 MB uploads cannot take 700 MB of memory: the ones over budget are refused early).
 */
import type http from 'node:http';
import { rechazo } from './respuestas';

export class PresupuestoCuerpos {
  private enUso = 0;
  constructor(readonly maximo: number) {}

  reservar(n: number): boolean {
    if (this.enUso + n > this.maximo) return false;
    this.enUso += n;
    return true;
  }

  liberar(n: number): void {
    this.enUso = Math.max(0, this.enUso - n);
  }
}

export function leerCuerpo(req: http.IncomingMessage, limite: number, presupuesto: PresupuestoCuerpos): Promise<Buffer> {
  const mb = Math.round(limite / 1024 / 1024);
  const grande = rechazo('PETICION', `La petición excede el tamaño máximo (${mb} MB).`, 413, true);
  const ocupado = rechazo('OCUPADO', 'El servidor está recibiendo muchos archivos a la vez. Espere unos segundos y envíe de nuevo; no se guardó nada.', 503, true);
  return new Promise((resolve, reject) => {
    const declarado = Number(req.headers['content-length'] ?? 0);
    if (declarado > limite) return reject(grande);
    let reservado = declarado;
    if (!presupuesto.reservar(reservado)) return reject(ocupado);
    const chunks: Buffer[] = [];
    let size = 0;
    let terminado = false;
    const fin = (e?: Error) => {
      if (terminado) return;
      terminado = true;
      presupuesto.liberar(reservado);
      req.removeAllListeners('data');
      if (e) {
        req.pause();
        reject(e);
      } else resolve(Buffer.concat(chunks));
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limite) return fin(grande);
      if (size > reservado) {
        // Chunked or under-declared body: reserve as it grows.
        if (!presupuesto.reservar(size - reservado)) return fin(ocupado);
        reservado = size;
      }
      chunks.push(c);
    });
    req.on('end', () => fin());
    req.on('error', (e) => fin(e));
    req.on('close', () => fin(new Error('conexión cerrada')));
  });
}
