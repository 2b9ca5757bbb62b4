/** Registrar desde escaneo (ocr.leerEscaneo): page 1 read in the request, fields proposed, bad files refused clearly. */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carpetaTemporal, crearPrueba, crearUsuarioYEntrar, fallar, iniciarComoAdmin, llamar, type Prueba } from '../ayuda';
import { escanear, oficios, pdfDeOficio } from '../../fixtures/oficios';

let p: Prueba;
let cap: string;
let jefe: string;
const tmp = carpetaTemporal('sse-ocr-escaneo-');
const archivo = (nombre: string, b: Buffer) => ({ archivo: { nombre, contenidoBase64: b.toString('base64') } });

beforeAll(async () => {
  p = await crearPrueba();
  const admin = await iniciarComoAdmin(p.core);
  cap = await crearUsuarioYEntrar(p.core, admin, 'capturista1', 'capturista');
  jefe = await crearUsuarioYEntrar(p.core, admin, 'jefe1', 'jefe');
});
afterAll(() => {
  p.cerrar();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('registrar desde escaneo', { timeout: 240_000 }, () => {
  it('una foto de la página tomada en ángulo: propone los datos del oficio', async () => {
    const o = oficios(2)[1];
    const png = escanear(await pdfDeOficio(o, 1), { dpi: 200, rotacion: 0, ruido: 0 }, tmp);
    const f = path.join(tmp, 'plana.png');
    fs.writeFileSync(f, png);
    // Perspective (the phone held at an angle), a 3° tilt and JPEG compression.
    const foto = path.join(tmp, 'foto.jpg');
    execFileSync('convert', [f, '-virtual-pixel', 'white', '-distort', 'Perspective', '0,0 60,40  1700,0 1640,0  0,2200 0,2200  1700,2200 1700,2160', '-background', 'white', '-rotate', '3', '-quality', '80', foto]);
    const r = await llamar(p.core, 'ocr.leerEscaneo', archivo('foto.jpg', fs.readFileSync(foto)), cap);
    expect(r.paginas).toBe(1);
    expect(r.sugerencias).toMatchObject({ oficioNumero: o.numero, oficioFecha: o.fecha, municipioClave: o.municipio.clave });
    expect(r.sugerencias.remitenteOrganizacion).toBe(o.dependencia);
  });

  it('una página en blanco: ningún dato propuesto, sin error', async () => {
    const blanca = path.join(tmp, 'blanca.png');
    execFileSync('convert', ['-size', '1700x2200', 'xc:white', blanca]);
    const r = await llamar(p.core, 'ocr.leerEscaneo', archivo('blanca.png', fs.readFileSync(blanca)), cap);
    expect(r.texto.trim()).toBe('');
    expect(Object.values(r.sugerencias).every((v) => v === null)).toBe(true);
  });

  it('archivo dañado o que no es escaneo: mensaje claro; solo la captura puede usarlo', async () => {
    const danado = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0x41)]);
    expect((await fallar(p.core, 'ocr.leerEscaneo', archivo('x.pdf', danado), cap)).message).toBe('«x.pdf»: El PDF está dañado o incompleto: no se pudo abrir.');
    expect((await fallar(p.core, 'ocr.leerEscaneo', archivo('x.txt', Buffer.from('hola')), cap)).message).toContain('no es de un tipo permitido');
    expect((await fallar(p.core, 'ocr.leerEscaneo', archivo('x.pdf', danado), jefe)).code).toBe('PROHIBIDO');
  });
});
