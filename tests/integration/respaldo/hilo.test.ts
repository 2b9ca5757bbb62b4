/**
 * Respaldar ahora, Verificar and Examinar run in the job runner's worker threads: in this process the
 * functions that copy, check and hash are replaced by versions that fail (vi.mock reaches this thread
 * only), yet the backup is made, verified and examined, with its progress reaching the caller.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { carpetaTemporal, llamar } from '../ayuda';
import { escenario, datosAsunto, pdfMinimo, type Escenario } from '../correspondencia/apoyo';

const { enEsteHilo } = vi.hoisted(() => ({
  enEsteHilo: (que: string) => () => {
    throw new Error(`${que} corrió en el hilo de las peticiones`);
  },
}));
vi.mock('../../../electron/core/modules/respaldo/respaldar', async (original) => ({
  ...(await original<typeof import('../../../electron/core/modules/respaldo/respaldar')>()),
  crearRespaldo: enEsteHilo('crearRespaldo'),
}));
vi.mock('../../../electron/core/modules/respaldo/verificar', async (original) => ({
  ...(await original<typeof import('../../../electron/core/modules/respaldo/verificar')>()),
  verificarRespaldo: enEsteHilo('verificarRespaldo'),
}));

let e: Escenario;

beforeAll(async () => {
  e = await escenario();
  const destino = carpetaTemporal('sse-destino-');
  await llamar(e.p.core, 'respaldo.guardarAjustes', { destino, hora: '21:00', diarios: 7, semanales: 4, mensuales: 12, version: 0 }, e.admin);
});
afterAll(() => e.p.cerrar());

describe('respaldos en el ejecutor de trabajos', { timeout: 120_000 }, () => {
  it('Respaldar ahora (con progreso), Verificar y Examinar corren fuera del hilo de peticiones', async () => {
    const anexo = { nombre: 'oficio.pdf', contenidoBase64: pdfMinimo('Oficio para respaldar').toString('base64') };
    await llamar(e.p.core, 'correspondencia.registrar', { ...datosAsunto({ asunto: 'Asunto para respaldar' }), anexos: [anexo] }, e.cap);
    const avances: string[] = [];
    const quitar = e.p.core.on('progreso', (p) => p.tarea === 'r1' && avances.push(p.texto));
    const r = await llamar(e.p.core, 'respaldo.respaldar', { tarea: 'r1' }, e.admin);
    quitar();
    expect(r).toMatchObject({ verificado: true, anexos: 1, bitacoraIntegra: true });
    expect(r.conteos.asuntos).toBe(1);
    expect(avances).toContain('Copiando la base de datos…');
    expect(avances.at(-1)).toBe('Respaldo terminado y verificado.');

    expect(await llamar(e.p.core, 'respaldo.verificar', { ruta: r.ruta }, e.admin)).toMatchObject({ valido: true, problemas: [] });
    expect(await llamar(e.p.core, 'respaldo.examinar', { ruta: r.ruta }, e.admin)).toMatchObject({ restaurable: true, motivo: null });
    // A refusal still comes back in Spanish from the worker.
    const falta = await llamar(e.p.core, 'respaldo.examinar', { ruta: `${r.ruta}-no-existe` }, e.admin);
    expect(falta).toMatchObject({ restaurable: false, respaldo: null });
    expect(falta.motivo).toMatch(/No existe el respaldo/);
  });
});
