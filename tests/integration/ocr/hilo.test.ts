/**
 * Reading never happens on the request thread: in this process pdfjs-dist, @napi-rs/canvas and
 * tesseract.js are replaced by versions that fail (vi.mock reaches this thread only, not the job
 * workers), yet a scanned PDF is read — page 1 by Registrar desde escaneo, page 2 by the queue — and
 * other requests are answered while a page is being recognized.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { carpetaTemporal, crearUsuarioYEntrar, iniciarComoAdmin, INICIO, llamar } from '../ayuda';
import { createCore } from '../../../electron/core/app';
import type { Core } from '../../../electron/core/tipos';
import { datosAsunto } from '../correspondencia/apoyo';
import { escanear, oficios, pdfDeImagenes, pdfDeOficio } from '../../fixtures/oficios';

const { enEsteHilo } = vi.hoisted(() => ({
  enEsteHilo: (que: string) => () => {
    throw new Error(`${que} se usó en el hilo de las peticiones`);
  },
}));
vi.mock('pdfjs-dist/legacy/build/pdf.mjs', () => ({ getDocument: enEsteHilo('pdfjs-dist') }));
vi.mock('@napi-rs/canvas', () => ({ createCanvas: enEsteHilo('@napi-rs/canvas') }));
vi.mock('tesseract.js', () => ({ createWorker: enEsteHilo('tesseract.js'), OEM: {}, PSM: {} }));

let core: Core;
let cap: string;
const dataDir = carpetaTemporal();
const tmp = carpetaTemporal('sse-ocr-hilo-');

beforeAll(async () => {
  core = await createCore({ dataDir, clock: () => INICIO, validarSalida: true, lectorOcr: { intervaloMs: 100 } });
  const admin = await iniciarComoAdmin(core);
  cap = await crearUsuarioYEntrar(core, admin, 'capturista1', 'capturista');
});
afterAll(() => {
  core.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('lectura fuera del hilo de peticiones', { timeout: 300_000 }, () => {
  it('el escaneo se lee en hilos de trabajos mientras registrar y buscar se atienden', async () => {
    const [o1, o2] = oficios(2);
    const escaneo = async (o: typeof o1, i: number) => escanear(await pdfDeOficio(o, i), { dpi: 200, rotacion: 0.8, ruido: 0.3 }, tmp);
    const pdf = (await pdfDeImagenes([await escaneo(o1, 0), await escaneo(o2, 1)])).toString('base64');

    // Registrar desde escaneo: page 1 is rasterized and recognized while other requests are answered.
    let leido = false;
    const lectura = llamar(core, 'ocr.leerEscaneo', { archivo: { nombre: 'escaneo.pdf', contenidoBase64: pdf } }, cap).finally(() => {
      leido = true;
    });
    const otro = await llamar(core, 'correspondencia.registrar', datosAsunto({ asunto: 'Registrado mientras se lee un escaneo' }), cap);
    const b = await llamar(core, 'correspondencia.bandeja', { texto: 'registrado' }, cap);
    expect(b.filas.map((f) => f.id)).toEqual([otro.id]);
    expect(leido).toBe(false);
    const r = await lectura;
    expect(r.paginas).toBe(2);
    expect(r.sugerencias.oficioNumero).toBe(o1.numero);

    // Saved with the scan: the queue keeps page 1's text and reads page 2 in a job worker.
    const a = await llamar(core, 'correspondencia.registrar', datosAsunto({ asunto: 'Expediente escaneado', anexos: [{ nombre: 'expediente.pdf', contenidoBase64: pdf }] }), cap);
    const fin = Date.now() + 240_000;
    let l = await llamar(core, 'ocr.lecturas', { asuntoId: a.id }, cap);
    while (l[0]?.estado !== 'listo' && l[0]?.estado !== 'error' && Date.now() < fin) {
      await new Promise((res) => setTimeout(res, 200));
      l = await llamar(core, 'ocr.lecturas', { asuntoId: a.id }, cap);
    }
    expect(l[0]).toMatchObject({ estado: 'listo', paginas: 2, leidas: 2, mensaje: '' });
    // «Quiñónez» signs page 2 only; «Peñúñuri» page 1.
    expect(await llamar(core, 'ocr.coincidencias', { texto: 'quinonez', asuntoIds: [a.id] }, cap)).toMatchObject([{ pagina: 2, soloEnAnexo: true }]);
    expect(await llamar(core, 'ocr.coincidencias', { texto: 'penunuri', asuntoIds: [a.id] }, cap)).toMatchObject([{ pagina: 1, soloEnAnexo: true }]);
  });
});
