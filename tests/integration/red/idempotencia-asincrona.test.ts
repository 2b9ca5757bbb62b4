/**
 * Writes that await something before their transaction (a file check) honour the Idempotency-Key like
 * every other write: the same key at the same moment writes once and every caller gets the first result.
 * Without the key these calls are not naturally idempotent: the second would be a CONFLICTO (stale version).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { crearUsuarioYEntrar, fallar, llamar } from '../ayuda';
import { b64, datosAsunto, escenario, pdfMinimo, type Escenario } from '../correspondencia/apoyo';
import { contract, type Method } from '../../../electron/contract';
import { comprobarEscrituras, createRouter } from '../../../electron/core/router';
import { escrituraAsincrona, type Contexto, type Handlers } from '../../../electron/core/contexto';
import type { ClavesIdempotencia } from '../../../electron/core/idempotencia';

let e: Escenario;
beforeEach(async () => { e = await escenario(); });
afterEach(() => e.p.cerrar());

/** Bitácora entries written by `metodo` (one per applied write). */
const escritas = async (metodo: string) => (await llamar(e.p.core, 'bitacora.listar', { limite: 500 }, e.admin)).filter((b) => b.metodo === metodo);

const tresALaVez = (metodo: string, input: unknown, sesion: string, clave: string) =>
  Promise.all([1, 2, 3].map(() => e.p.core.call(metodo, input, { sesion, clave })));

describe('Idempotency-Key en escrituras que esperan antes de escribir', () => {
  it('correspondencia.turnos.actualizar con anexo: la misma clave tres veces a la vez → una actualización, la misma respuesta', async () => {
    const a = await llamar(e.p.core, 'correspondencia.registrar', datosAsunto(), e.cap);
    const t = await llamar(e.p.core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [e.dep.SEGOB], instruccionId: e.instr.ATENCION }, e.cap);
    const turno = t.turnos[0];
    const input = {
      id: turno.id,
      version: turno.version,
      estatus: 'atendido',
      respuesta: { numeroOficio: 'SEGOB/123/2026', fecha: '2026-11-20', resumen: 'Se canalizó a Obras Públicas', anexo: { nombre: 'respuesta.pdf', contenidoBase64: b64(pdfMinimo('respuesta')) } },
    };
    const clave = crypto.randomUUID();
    const rs = await tresALaVez('correspondencia.turnos.actualizar', input, e.cap, clave);
    expect(rs.map((r) => r.ok)).toEqual([true, true, true]);
    expect(rs[1]).toEqual(rs[0]);
    expect(rs[2]).toEqual(rs[0]);
    const d = await llamar(e.p.core, 'correspondencia.obtener', { id: a.id }, e.cap);
    expect(d.turnos[0].version).toBe(turno.version + 1);
    const bit = await escritas('correspondencia.turnos.actualizar');
    expect(bit).toHaveLength(1);
    // Sent again later (a retry after a lost answer): the first result, no new write.
    const otra = await e.p.core.call('correspondencia.turnos.actualizar', input, { sesion: e.cap, clave });
    expect(otra).toEqual(rs[0]);
    // The same key with other data is refused and writes nothing.
    const mal = await e.p.core.call('correspondencia.turnos.actualizar', { ...input, estatus: 'en_proceso' }, { sesion: e.cap, clave });
    expect(mal.ok).toBe(false);
    expect(!mal.ok && mal.error.message).toContain('ya se usó con otros datos');
    expect(await escritas('correspondencia.turnos.actualizar')).toHaveLength(1);
  });

  it('poa.capturar con evidencia: la misma clave tres veces a la vez → una captura', async () => {
    const coord = await crearUsuarioYEntrar(e.p.core, e.admin, 'coordina', 'coordinador');
    const unidad = (await llamar(e.p.core, 'catalogos.unidades.listar', {}, e.admin))[0].id;
    const m = await llamar(
      e.p.core,
      'poa.crearMeta',
      { anio: 2026, descripcion: 'Reuniones de gabinete realizadas', unidadId: unidad, unidadMedida: 'Reunión', tipo: 'acumulable', periodicidad: 'trimestral', programado: [5, 6, 6, 6] },
      coord,
    );
    const input = { metaId: m.id, periodo: 1, version: 0, alcanzado: 4, comentario: 'Primer trimestre', evidencia: { nombre: 'actas.pdf', contenidoBase64: b64(pdfMinimo('actas')) } };
    const rs = await tresALaVez('poa.capturar', input, coord, crypto.randomUUID());
    expect(rs.map((r) => r.ok)).toEqual([true, true, true]);
    expect(rs[1]).toEqual(rs[0]);
    expect(rs[2]).toEqual(rs[0]);
    expect(await escritas('poa.capturar')).toHaveLength(1);
    // Without a key the same submit is a second write, refused as stale: the key is what made the three one.
    expect((await fallar(e.p.core, 'poa.capturar', input, coord)).code).toBe('CONFLICTO');
  });
});

describe('toda escritura lleva la clave', () => {
  it('una escritura asíncrona sin «escritura: true» en el contrato impide arrancar', () => {
    const lectura = Object.keys(contract).find((m) => !contract[m as Method].escritura)!;
    const handlers = { [lectura]: escrituraAsincrona(async (ctx: Contexto) => ctx.transaccion(() => null)) } as unknown as Handlers;
    expect(() => comprobarEscrituras(handlers)).toThrow('escritura asíncrona sin «escritura: true»');
  });

  it('un método que no es escritura no puede abrir una transacción (no respetaría la clave)', async () => {
    let escribio = false;
    const ctx = { transaccion: (fn: () => unknown) => ((escribio = true), fn()) } as unknown as Contexto;
    const call = createRouter({
      handlers: { 'correspondencia.bandeja': (c: Contexto) => c.transaccion(() => ({ filas: [], total: 0 })) } as unknown as Handlers,
      autenticador: { actorDe: () => ({ id: 'u', usuario: 'u', nombre: 'U', rol: 'administrador' }), tocar: () => {} },
      contexto: () => ctx,
      claves: {} as ClavesIdempotencia,
      ahora: () => 0,
      validarSalida: false,
      log: () => {},
    });
    const r = await call('correspondencia.bandeja', {}, { sesion: 's' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('INTERNO');
    expect(escribio).toBe(false);
  });
});
