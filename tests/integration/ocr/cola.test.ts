/**
 * The reading queue end to end on a real core: scans attached to asuntos are read in the background,
 * found by the bandeja's search, and bad files end with a clear message on the anexo. A small corpus
 * (a few pages) keeps it within CI time; the full corpus is in `npm run bench -- --solo ocr`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { createCore } from '../../../electron/core/app';
import type { Core } from '../../../electron/core/tipos';
import type { Output } from '../../../electron/contract';
import { CONTRASENA, carpetaTemporal, crearUsuarioYEntrar, iniciarComoAdmin, llamar, fallar, INICIO } from '../ayuda';
import { datosAsunto } from '../correspondencia/apoyo';
import { escanear, imagenDeTexto as imagenDeTexto0, oficios, pdfDeImagenes, pdfDeOficio } from '../../fixtures/oficios';

let core: Core;
let dataDir: string;
let admin: string;
let cap: string;
const tmp = carpetaTemporal('sse-ocr-corpus-');
const b64 = (b: Buffer) => b.toString('base64');

async function abrir() {
  core = await createCore({ dataDir, clock: () => INICIO, validarSalida: true, lectorOcr: { intervaloMs: 100 } });
}

/** Sessions live in memory: after a restart, sign in again. */
async function entrar() {
  admin = (await llamar(core, 'usuarios.iniciarSesion', { usuario: 'admin', contrasena: CONTRASENA })).token;
  cap = (await llamar(core, 'usuarios.iniciarSesion', { usuario: 'capturista1', contrasena: CONTRASENA })).token;
}

async function esperar(asuntoId: string, listo: (l: Output<'ocr.lecturas'>) => boolean, ms = 170_000): Promise<Output<'ocr.lecturas'>> {
  const fin = Date.now() + ms;
  for (;;) {
    const l = await llamar(core, 'ocr.lecturas', { asuntoId }, cap);
    if (listo(l)) return l;
    if (Date.now() > fin) throw new Error(`La lectura no terminó: ${JSON.stringify(l)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function registrar(asunto: string, archivos: { nombre: string; bytes: Buffer }[]) {
  const a = await llamar(core, 'correspondencia.registrar', datosAsunto({ asunto, anexos: archivos.map((x) => ({ nombre: x.nombre, contenidoBase64: b64(x.bytes) })) }), cap);
  return a.id;
}

function pdf(fn: (d: PDFKit.PDFDocument) => void, opts: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const d = new PDFDocument({ size: 'LETTER', ...opts });
  const partes: Buffer[] = [];
  d.on('data', (c: Buffer) => partes.push(c));
  const fin = new Promise<Buffer>((r) => d.on('end', () => r(Buffer.concat(partes))));
  fn(d);
  d.end();
  return fin;
}

const imagenDeTexto = (t: string) => imagenDeTexto0(t, tmp);

beforeAll(async () => {
  dataDir = carpetaTemporal();
  await abrir();
  admin = await iniciarComoAdmin(core);
  cap = await crearUsuarioYEntrar(core, admin, 'capturista1', 'capturista');
});
afterAll(() => {
  core.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('cola de lectura de escaneos', { timeout: 240_000 }, () => {
  it('lee un PDF escaneado (con una página en blanco) y la bandeja lo encuentra por una palabra que solo está en el escaneo', async () => {
    const o = oficios(1)[0];
    const escaneo = escanear(await pdfDeOficio(o, 0), { dpi: 200, rotacion: 1, ruido: 0.3 }, tmp);
    const blanca = escanear(await pdf(() => {}), { dpi: 100, rotacion: 0, ruido: 0 }, tmp);
    const id = await registrar('Solicitud de apoyo para una escuela', [{ nombre: 'oficio escaneado.pdf', bytes: await pdfDeImagenes([escaneo, blanca]) }]);
    const [l] = await esperar(id, (x) => x[0]?.estado === 'listo');
    expect(l).toMatchObject({ paginas: 2, leidas: 2, mensaje: '' });

    // «Peñúñuri» is only in the scan; typed without accents.
    const r = await llamar(core, 'correspondencia.bandeja', { texto: 'penunuri' }, cap);
    expect(r.filas.map((f) => f.id)).toEqual([id]);
    const [c] = await llamar(core, 'ocr.coincidencias', { texto: 'penunuri', asuntoIds: [id] }, cap);
    expect(c).toMatchObject({ asuntoId: id, pagina: 1, nombre: 'oficio escaneado.pdf', soloEnAnexo: true });
    expect(c.fragmento).toMatch(/\u0002PE[ÑN][ÚU][ÑN]URI\u0003/i);
    // A word of the asunto itself: not «only in the anexo».
    const [c2] = await llamar(core, 'ocr.coincidencias', { texto: 'escuela', asuntoIds: [id] }, cap);
    expect(c2.soloEnAnexo).toBe(false);
  });

  it('TIFF de varias páginas: cada página se lee y se indexa con su número', async () => {
    const f1 = path.join(tmp, 'p1.png');
    const f2 = path.join(tmp, 'p2.png');
    fs.writeFileSync(f1, imagenDeTexto('Primera hoja del expediente'));
    fs.writeFileSync(f2, imagenDeTexto('Segunda hoja: Huatabampo'));
    execFileSync('convert', [f1, f2, path.join(tmp, 'varias.tif')]);
    const id = await registrar('Expediente en TIFF', [{ nombre: 'expediente.tif', bytes: fs.readFileSync(path.join(tmp, 'varias.tif')) }]);
    const [l] = await esperar(id, (x) => x[0]?.estado === 'listo');
    expect(l).toMatchObject({ paginas: 2, leidas: 2 });
    const [c] = await llamar(core, 'ocr.coincidencias', { texto: 'huatabampo', asuntoIds: [id] }, cap);
    expect(c.pagina).toBe(2);
  });

  it('PDF cifrado, PDF dañado e imagen dañada: mensaje claro en el anexo y el asunto intacto', async () => {
    const cifrado = await pdf((d) => d.text('Confidencial'), { userPassword: 'secreta', ownerPassword: 'otra' });
    const danado = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog'), Buffer.alloc(2000, 0x41)]);
    const png = imagenDeTexto('hola');
    const pngDanado = Buffer.concat([png.subarray(0, 60), Buffer.alloc(500, 7)]);
    const id = await registrar('Documentos con problemas', [
      { nombre: 'cifrado.pdf', bytes: cifrado },
      { nombre: 'danado.pdf', bytes: danado },
      { nombre: 'danada.png', bytes: pngDanado },
    ]);
    const antes = await llamar(core, 'correspondencia.obtener', { id }, cap);
    const l = await esperar(id, (x) => x.length === 3 && x.every((y) => y.estado === 'error'));
    expect(l.map((x) => x.mensaje)).toEqual([
      'El PDF está protegido con contraseña: no se puede leer su texto.',
      'El PDF está dañado o incompleto: no se pudo abrir.',
      'La imagen está dañada o incompleta: no se pudo leer.',
    ]);
    const despues = await llamar(core, 'correspondencia.obtener', { id }, cap);
    expect(despues).toEqual(antes);
    // Retry puts it back in the queue (and it fails again, the same way).
    expect((await llamar(core, 'ocr.reintentar', { anexoId: l[1].anexoId }, admin)).estado).toBe('pendiente');
    expect((await fallar(core, 'ocr.reintentar', { anexoId: l[1].anexoId }, admin)).message).toContain('ya está en la cola');
    expect((await fallar(core, 'ocr.reintentar', { anexoId: l[1].anexoId }, cap)).code).toBe('PROHIBIDO');
  });

  it('PDF de 60 páginas: en la cola, una página a la vez, reanuda tras reiniciar, y se quita mientras se lee', async () => {
    const hoja = imagenDeTexto('Anexo tecnico');
    const grande = await pdfDeImagenes(Array.from({ length: 60 }, () => hoja));
    const id = await registrar('Expediente técnico de 60 hojas', [{ nombre: 'expediente.pdf', bytes: grande }]);
    const [l1] = await esperar(id, (x) => x[0]?.leidas >= 1);
    expect(l1).toMatchObject({ paginas: 60, estado: 'leyendo' });
    // Other work is answered while it reads.
    const r = await llamar(core, 'correspondencia.bandeja', {}, cap);
    expect(r.total).toBeGreaterThan(0);
    const [enCurso] = await llamar(core, 'ocr.lecturas', { asuntoId: id }, cap);
    expect(enCurso.leidas).toBeLessThan(60);

    // Restart: the queue resumes after the pages already read.
    core.close();
    await abrir();
    await entrar();
    const [tras] = await llamar(core, 'ocr.lecturas', { asuntoId: id }, cap);
    expect(tras.leidas).toBeGreaterThanOrEqual(enCurso.leidas);
    const [l2] = await esperar(id, (x) => x[0]?.leidas > tras.leidas);
    expect(l2.leidas).toBe(tras.leidas + 1);

    // Removed while being read: it stops, and its text leaves the search.
    const q = await llamar(core, 'ocr.quitar', { anexoId: l2.anexoId }, admin);
    expect(q.estado).toBe('quitado');
    await new Promise((res) => setTimeout(res, 1500));
    const [fin] = await llamar(core, 'ocr.lecturas', { asuntoId: id }, cap);
    expect(fin.estado).toBe('quitado');
    expect(fin.leidas).toBeLessThanOrEqual(q.leidas + 1);
    expect(await llamar(core, 'ocr.coincidencias', { texto: 'tecnico', asuntoIds: [id] }, cap)).toEqual([]);
    const cola = await llamar(core, 'ocr.cola', {}, admin);
    expect(cola.filas.find((f) => f.anexoId === l2.anexoId)).toMatchObject({ estado: 'quitado', nombre: 'expediente.pdf' });
  });

  it('apagado en Ajustes, no lee; el horario laboral se valida', async () => {
    await llamar(core, 'ocr.guardarAjustes', { activo: false, soloHorarioLaboral: false, horaInicio: '08:00', horaFin: '15:00' }, admin);
    const id = await registrar('Mientras está apagado', [{ nombre: 'hoja.png', bytes: imagenDeTexto('Apagado') }]);
    await new Promise((res) => setTimeout(res, 800));
    expect((await llamar(core, 'ocr.lecturas', { asuntoId: id }, cap))[0].estado).toBe('pendiente');
    expect((await llamar(core, 'ocr.cola', {}, admin)).trabajando).toBe(false);
    const malo = await fallar(core, 'ocr.guardarAjustes', { activo: true, soloHorarioLaboral: true, horaInicio: '15:00', horaFin: '08:00' }, admin);
    expect(malo.message).toContain('anterior');
    // 10:00 of a Friday (the test clock) is within 08:00–15:00: it reads again.
    await llamar(core, 'ocr.guardarAjustes', { activo: true, soloHorarioLaboral: true, horaInicio: '08:00', horaFin: '15:00' }, admin);
    await esperar(id, (x) => x[0]?.estado === 'listo');
  });
});
