/** Utilidades de las pruebas del kit de reportes (no es un archivo de pruebas). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export function carpetaTemporal(): string {
  return mkdtempSync(path.join(tmpdir(), 'sse-reportes-'));
}

export function textoPdf(ruta: string, ...args: string[]): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ...args, ruta, '-'], { encoding: 'utf8' });
}

/** Texto de cada página (pdftotext separa páginas con form feed). */
export function paginasPdf(ruta: string): string[] {
  const t = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ruta, '-'], { encoding: 'utf8' });
  return t.split('\f').filter((p, i, a) => i < a.length - 1 || p.trim() !== '');
}

const TABLA_CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = TABLA_CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function trozo(tipo: string, datos: Buffer): Buffer {
  const largo = Buffer.alloc(4);
  largo.writeUInt32BE(datos.length);
  const td = Buffer.concat([Buffer.from(tipo, 'ascii'), datos]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([largo, td, crc]);
}

/** Un PNG RGB pequeño dibujado píxel a píxel: un escudo sencillo que hace de logotipo de prueba. */
export function logoDePrueba(ancho = 96, alto = 110): Buffer {
  const filas: Buffer[] = [];
  for (let y = 0; y < alto; y++) {
    const fila = Buffer.alloc(1 + ancho * 3);
    for (let x = 0; x < ancho; x++) {
      const cx = x - ancho / 2;
      const dentro = y < alto * 0.6 ? Math.abs(cx) < ancho * 0.45 : Math.abs(cx) < ancho * 0.45 * (1 - (y - alto * 0.6) / (alto * 0.4));
      const borde = dentro && (Math.abs(cx) > ancho * 0.38 || y < 6);
      const franja = dentro && !borde && y > alto * 0.3 && y < alto * 0.45;
      const [r, g, b] = !dentro ? [255, 255, 255] : borde ? [31, 59, 87] : franja ? [191, 144, 0] : [120, 35, 52];
      fila.set([r, g, b], 1 + x * 3);
    }
    filas.push(fila);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(ancho, 0);
  ihdr.writeUInt32BE(alto, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    trozo('IHDR', ihdr),
    trozo('IDAT', deflateSync(Buffer.concat(filas))),
    trozo('IEND', Buffer.alloc(0)),
  ]);
}
