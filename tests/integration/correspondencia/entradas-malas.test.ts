import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fallar, llamar } from '../ayuda';
import { b64, datosAsunto, escenario, exeFalso, pdfMinimo, type Escenario } from './apoyo';

let e: Escenario;
beforeEach(async () => {
  e = await escenario();
});
afterEach(() => e.p.cerrar());

const contar = async () => (await llamar(e.p.core, 'correspondencia.bandeja', {}, e.cap)).total;

describe('entradas malas', () => {
  it('texto de búsqueda lleno de sintaxis FTS y comillas: resultados o nada, nunca error', async () => {
    await llamar(e.p.core, 'correspondencia.registrar', datosAsunto({ asunto: 'Solicitud "urgente" de apoyo OR ayuda - NEAR Cajeme' }), e.cap);
    const casos = ['"', '*', 'NEAR(', 'NEAR(a b)', 'OR', 'a OR b', '-', '-cajeme', '"sin cerrar', "' OR 1=1 --", 'AND', 'NOT', '^', ':', 'folio:1', '(((', '{}', '\u0000', '🙂', 'a'.repeat(200), '" OR "" = "', 'apoyo*', '* OR *'];
    for (const texto of casos) {
      const r = await e.p.core.call('correspondencia.bandeja', { texto }, { sesion: e.cap });
      expect(r.ok, `búsqueda ${JSON.stringify(texto)}: ${JSON.stringify(r)}`).toBe(true);
    }
    const buscar = async (texto: string) => (await llamar(e.p.core, 'correspondencia.bandeja', { texto }, e.cap)).total;
    expect(await buscar('"urgente')).toBe(1);
    expect(await buscar('NEAR(cajeme')).toBe(1);
    expect(await buscar('OR')).toBe(1);
    expect(await buscar("' OR 1=1 --")).toBe(0);
    expect(await buscar('-')).toBe(0);
  });

  it('fecha de recepción futura o inexistente', async () => {
    const futura = await fallar(e.p.core, 'correspondencia.registrar', datosAsunto({ fechaRecepcion: '2026-11-21' }), e.cap);
    expect(futura).toMatchObject({ code: 'VALIDACION', message: expect.stringContaining('futuro') });
    const hoyMasTarde = await fallar(e.p.core, 'correspondencia.registrar', datosAsunto({ horaRecepcion: '11:30' }), e.cap);
    expect(hoyMasTarde.message).toContain('futuro');
    for (const f of ['2026-02-30', '2026-13-01', '20/11/2026', 'ayer', '']) {
      const r = await fallar(e.p.core, 'correspondencia.registrar', datosAsunto({ fechaRecepcion: f }), e.cap);
      expect(r).toMatchObject({ code: 'VALIDACION', message: expect.stringContaining('Fecha de recepción') });
    }
    expect((await fallar(e.p.core, 'correspondencia.registrar', datosAsunto({ horaRecepcion: '25:00' }), e.cap)).message).toContain('HH:MM');
    expect(await contar()).toBe(0);
  });

  it('un asunto de 1 MB se rechaza con un mensaje claro y no quema folio', async () => {
    const r = await fallar(e.p.core, 'correspondencia.registrar', datosAsunto({ asunto: 'x'.repeat(1024 * 1024) }), e.cap);
    expect(r).toMatchObject({ code: 'VALIDACION', message: 'Asunto: máximo 4,000 caracteres.' });
    expect((await llamar(e.p.core, 'correspondencia.registrar', datosAsunto(), e.cap)).folio).toBe('03.01-1/26');
  });

  it('archivo de 0 bytes, .pdf que es .exe, archivo de 51 MB: nada se guarda y el folio no se quema', async () => {
    const core = e.p.core;
    const vacio = await fallar(core, 'correspondencia.registrar', { ...datosAsunto(), anexos: [{ nombre: 'vacio.pdf', contenidoBase64: '' }] }, e.cap);
    expect(vacio).toMatchObject({ code: 'ARCHIVO', message: 'Anexo «vacio.pdf»: El archivo está vacío (0 bytes).' });
    const exe = await fallar(core, 'correspondencia.registrar', { ...datosAsunto(), anexos: [{ nombre: 'oficio.pdf', contenidoBase64: b64(exeFalso()) }] }, e.cap);
    expect(exe).toMatchObject({ code: 'ARCHIVO', message: expect.stringContaining('no es de un tipo permitido (PDF, JPG, PNG, TIFF)') });
    const grande = Buffer.alloc(51 * 1024 * 1024, 0x20);
    pdfMinimo().copy(grande);
    const g = await fallar(core, 'correspondencia.registrar', { ...datosAsunto(), anexos: [{ nombre: 'grande.pdf', contenidoBase64: b64(grande) }] }, e.cap);
    expect(g).toMatchObject({ code: 'ARCHIVO', message: expect.stringContaining('el máximo es 50 MB') });
    expect(await contar()).toBe(0);
    expect(fs.existsSync(path.join(e.p.dataDir, 'archivos')) ? fs.readdirSync(path.join(e.p.dataDir, 'archivos')) : []).toEqual([]);
    const a = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    expect(a.folio).toBe('03.01-1/26');
    expect((await fallar(core, 'correspondencia.anexos.agregar', { asuntoId: a.id, archivo: { nombre: 'x.pdf', contenidoBase64: b64(exeFalso()) } }, e.cap)).code).toBe('ARCHIVO');
  });

  it('un nombre de archivo con ../ nunca se usa como ruta', async () => {
    const core = e.p.core;
    const antes = fs.readdirSync(path.dirname(e.p.dataDir)).length;
    const a = await llamar(core, 'correspondencia.registrar', { ...datosAsunto(), anexos: [{ nombre: '../../../evil.pdf', contenidoBase64: b64(pdfMinimo()) }] }, e.cap);
    const d = await llamar(core, 'correspondencia.obtener', { id: a.id }, e.cap);
    expect(d.anexos[0].nombre).toBe('evil.pdf');
    expect(fs.existsSync(path.resolve(e.p.dataDir, '../../../evil.pdf'))).toBe(false);
    expect(fs.readdirSync(path.dirname(e.p.dataDir)).length).toBe(antes);
    const abierto = await llamar(core, 'correspondencia.anexos.abrir', { asuntoId: a.id, sha256: d.anexos[0].sha256 }, e.cap);
    expect(core.archivoGenerado(abierto.archivoId, e.cap)!.ruta.startsWith(path.join(e.p.dataDir, 'reportes'))).toBe(true);
    expect((await fallar(core, 'correspondencia.anexos.abrir', { asuntoId: a.id, sha256: '../'.repeat(20) + 'x' }, e.cap)).code).toBe('VALIDACION');
    expect((await fallar(core, 'correspondencia.anexos.abrir', { asuntoId: a.id, sha256: 'a'.repeat(64) }, e.cap)).code).toBe('NO_ENCONTRADO');
  });

  it('turnar a una dependencia inactiva se rechaza', async () => {
    const core = e.p.core;
    const sh = (await llamar(core, 'catalogos.dependencias.listar', {}, e.admin)).find((d) => d.clave === 'SH')!;
    await llamar(core, 'catalogos.dependencias.cambiarActiva', { id: sh.id, version: sh.version, activa: false }, e.admin);
    const a = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    const r = await fallar(core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [e.dep.SEGOB, sh.id], instruccionId: e.instr.ATENCION }, e.cap);
    expect(r).toMatchObject({ code: 'VALIDACION', message: 'La dependencia «Secretaría de Hacienda» está inactiva: no se le pueden turnar asuntos.' });
    // Nothing half-done: SEGOB was not turned either.
    expect((await llamar(core, 'correspondencia.obtener', { id: a.id }, e.cap)).turnos).toEqual([]);
  });

  it('un turno actualizado por dos personas a la vez: la segunda recibe un conflicto claro y nada se sobrescribe', async () => {
    const core = e.p.core;
    const a = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    const d = await llamar(core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [e.dep.SEGOB], instruccionId: e.instr.ATENCION }, e.cap);
    const t = d.turnos[0];
    const [r1, r2] = await Promise.all([
      core.call('correspondencia.turnos.actualizar', { id: t.id, version: t.version, estatus: 'atendido', notas: 'Primera persona' }, { sesion: e.cap }),
      core.call('correspondencia.turnos.actualizar', { id: t.id, version: t.version, estatus: 'en_proceso', notas: 'Segunda persona' }, { sesion: e.cap }),
    ]);
    const resultados = [r1, r2];
    expect(resultados.filter((r) => r.ok)).toHaveLength(1);
    const error = resultados.find((r) => !r.ok)!;
    expect(!error.ok && error.error).toMatchObject({ code: 'CONFLICTO', message: expect.stringContaining('Otra persona modificó el turno') });
    const final = (await llamar(core, 'correspondencia.obtener', { id: a.id }, e.cap)).turnos[0];
    expect(final.notas).toBe('Primera persona');
    expect(final.estatus).toBe('atendido');
    const prorroga = await fallar(core, 'correspondencia.turnos.prorrogar', { id: t.id, version: t.version, fechaLimite: '2027-01-15', motivo: 'x' }, e.cap);
    expect(prorroga.code).toBe('CONFLICTO');
  });
});
