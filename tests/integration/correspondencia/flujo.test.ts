import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fallar, llamar } from '../ayuda';
import { fijarUmbralRecorrido } from '../../../electron/core/modules/correspondencia/datos';
import { b64, datosAsunto, escenario, mover, pdfMinimo, pngMinimo, type Escenario } from './apoyo';

let e: Escenario;
beforeEach(async () => {
  e = await escenario();
});
afterEach(() => e.p.cerrar());

const HORA = 3_600_000;

describe('registro y folios', () => {
  it('registra con la serie del destinatario, folio consecutivo, anexo y línea de tiempo', async () => {
    const { core } = e.p;
    const a1 = await llamar(core, 'correspondencia.registrar', { ...datosAsunto(), anexos: [{ nombre: 'oficio.pdf', contenidoBase64: b64(pdfMinimo()) }] }, e.cap);
    expect(a1).toMatchObject({ folio: '03.01-1/26', anio: 2026, numero: 1, estatus: 'por_turnar', serieClave: 'PRINCIPAL' });
    expect(a1.semaforoEstatus).toMatchObject({ color: 'rojo', etiqueta: 'Por turnar' });
    const a2 = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    expect(a2.folio).toBe('03.01-2/26');
    const nj = await llamar(core, 'correspondencia.registrar', datosAsunto({ destinatario: 'jefe_oficina' }), e.cap);
    expect(nj).toMatchObject({ folio: 'NJ 03.01-1', serieClave: 'NJ' });

    const d = await llamar(core, 'correspondencia.obtener', { id: a1.id }, e.jefe);
    expect(d.anexos).toHaveLength(1);
    expect(d.anexos[0]).toMatchObject({ nombre: 'oficio.pdf', tipo: 'application/pdf' });
    expect(fs.existsSync(path.join(e.p.dataDir, 'archivos', d.anexos[0].sha256.slice(0, 2), d.anexos[0].sha256))).toBe(true);
    expect(d.eventos.map((x) => x.tipo)).toEqual(['registro', 'anexo']);
    expect(d).toMatchObject({ fechaRecepcion: '2026-11-20', horaRecepcion: '09:30', municipio: 'Cajeme', registradoPor: 'Persona capturista1' });
    const b = await llamar(core, 'bitacora.listar', { entidad: 'asuntos', entidadId: a1.id }, e.admin);
    expect(b).toHaveLength(1);
  });

  it('el mismo archivo adjuntado dos veces se guarda una sola vez', async () => {
    const { core } = e.p;
    const png = { nombre: 'foto.png', contenidoBase64: b64(pngMinimo()) };
    const a = await llamar(core, 'correspondencia.registrar', { ...datosAsunto(), anexos: [png] }, e.cap);
    const b = await llamar(core, 'correspondencia.registrar', { ...datosAsunto(), anexos: [{ ...png, nombre: 'otra.png' }] }, e.cap);
    const d = await llamar(core, 'correspondencia.anexos.agregar', { asuntoId: a.id, archivo: png }, e.cap);
    expect(d.anexos).toHaveLength(1);
    const sha = d.anexos[0].sha256;
    expect((await llamar(core, 'correspondencia.obtener', { id: b.id }, e.cap)).anexos[0].sha256).toBe(sha);
    expect(fs.readdirSync(path.join(e.p.dataDir, 'archivos', sha.slice(0, 2))).filter((f) => !f.endsWith('.tmp'))).toEqual([sha]);
    const abierto = await llamar(core, 'correspondencia.anexos.abrir', { asuntoId: a.id, sha256: sha }, e.jefe);
    expect(abierto.tipo).toBe('image/png');
    expect(fs.readFileSync(core.archivoGenerado(abierto.archivoId, e.jefe)!.ruta).equals(pngMinimo())).toBe(true);
    expect(core.archivoGenerado(abierto.archivoId, e.cap)).toBeNull();
  });

  it('reinicia la numeración cada año en hora de la oficina y nunca reutiliza números', async () => {
    const { core } = e.p;
    const a = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    // 31/12/2026 23:50 en Hermosillo = 01/01/2027 06:50 UTC: sigue siendo 2026 en la oficina.
    await mover(e, Date.UTC(2027, 0, 1, 6, 50));
    const b = await llamar(core, 'correspondencia.registrar', datosAsunto({ fechaRecepcion: '2026-12-31', horaRecepcion: '23:00' }), e.cap);
    expect(b.folio).toBe('03.01-2/26');
    await mover(e, Date.UTC(2027, 0, 1, 7, 30)); // 00:30 del 1/1/2027 en la oficina
    const c = await llamar(core, 'correspondencia.registrar', datosAsunto({ fechaRecepcion: '2026-12-31', horaRecepcion: '23:00' }), e.cap);
    expect(c).toMatchObject({ folio: '03.01-1/27', anio: 2027, numero: 1 });

    // Anular conserva su número; el siguiente no lo reutiliza.
    const d = await llamar(core, 'correspondencia.obtener', { id: c.id }, e.cap);
    const anulado = await llamar(core, 'correspondencia.anular', { id: c.id, version: d.version, motivo: 'Registro duplicado por error' }, e.cap);
    expect(anulado).toMatchObject({ folio: '03.01-1/27', estatus: 'anulado', motivoAnulacion: 'Registro duplicado por error' });
    expect(anulado.semaforoEstatus.color).toBe('gris');
    const f = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    expect(f.folio).toBe('03.01-2/27');
    const lista = await llamar(core, 'correspondencia.bandeja', { anio: 2027 }, e.jefe);
    expect(lista.filas.map((x) => [x.folio, x.estatus])).toEqual([['03.01-2/27', 'por_turnar'], ['03.01-1/27', 'anulado']]);
    expect(a.folio).toBe('03.01-1/26');
  });

  it('el administrador fija el siguiente número con vista previa; nunca por debajo de lo usado', async () => {
    const { core } = e.p;
    const series = await llamar(core, 'correspondencia.series.listar', {}, e.admin);
    const principal = series.find((s) => s.clave === 'PRINCIPAL')!;
    expect(principal).toMatchObject({ plantilla: '03.01-{n}/{yy}', destinatario: 'titular', anio: 2026, siguiente: 1, ejemplo: '03.01-1/26' });
    expect(await llamar(core, 'correspondencia.series.vistaPrevia', { plantilla: principal.plantilla, anio: 2021, numero: 1034 }, e.admin)).toEqual({ folio: '03.01-1034/21' });
    expect(await llamar(core, 'correspondencia.series.fijarSiguiente', { serieId: principal.id, anio: 2026, siguiente: 1034 }, e.admin)).toMatchObject({ folio: '03.01-1034/26' });
    const a = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    expect(a.folio).toBe('03.01-1034/26');
    const err = await fallar(core, 'correspondencia.series.fijarSiguiente', { serieId: principal.id, anio: 2026, siguiente: 1000 }, e.admin);
    expect(err).toMatchObject({ code: 'VALIDACION', message: expect.stringContaining('nunca se reutilizan') });
    expect((await fallar(core, 'correspondencia.series.fijarSiguiente', { serieId: principal.id, anio: 2026, siguiente: 2000 }, e.cap)).code).toBe('PROHIBIDO');

    const nueva = await llamar(core, 'correspondencia.series.guardar', { clave: 'DIF', nombre: 'Serie de prueba', plantilla: 'DIF-{n:4}/{yyyy}', destinatario: null }, e.admin);
    expect(nueva.ejemplo).toBe('DIF-0001/2026');
    const b = await llamar(core, 'correspondencia.registrar', { ...datosAsunto(), serieId: nueva.id }, e.cap);
    expect(b.folio).toBe('DIF-0001/2026');
    expect((await fallar(core, 'correspondencia.series.guardar', { clave: 'MAL', nombre: 'Mala', plantilla: 'SIN-NUMERO' }, e.admin)).message).toContain('{n}');
    const editada = await llamar(core, 'correspondencia.series.guardar', { id: nueva.id, version: nueva.version, clave: 'DIF', nombre: 'Serie DIF', plantilla: 'DIF-{n}', destinatario: null }, e.admin);
    expect(editada.version).toBe(nueva.version + 1);
    expect((await fallar(core, 'correspondencia.series.guardar', { id: nueva.id, version: nueva.version, clave: 'DIF', nombre: 'x', plantilla: '{n}' }, e.admin)).code).toBe('CONFLICTO');
    // The folio of an already registered asunto never changes.
    expect((await llamar(core, 'correspondencia.obtener', { id: b.id }, e.cap)).folio).toBe('DIF-0001/2026');
  });

  it('roles: el jefe lee pero no registra; el capturista no administra series', async () => {
    const { core } = e.p;
    expect((await fallar(core, 'correspondencia.registrar', datosAsunto(), e.jefe)).code).toBe('PROHIBIDO');
    expect((await fallar(core, 'correspondencia.series.guardar', { clave: 'X', nombre: 'X', plantilla: '{n}' }, e.cap)).code).toBe('PROHIBIDO');
    await llamar(core, 'correspondencia.bandeja', {}, e.jefe);
  });

  it('sugiere remitentes ya vistos, sin acentos', async () => {
    const { core } = e.p;
    await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    const r = await llamar(core, 'correspondencia.remitentes.buscar', { texto: 'pena alv' }, e.cap);
    expect(r).toEqual([{ nombre: 'María José Peña Álvarez', cargo: 'Presidenta Municipal', organizacion: 'Ayuntamiento de Cajeme', municipioClave: '26018' }]);
    expect(await llamar(core, 'correspondencia.remitentes.buscar', { texto: '%' }, e.cap)).toEqual([]);
  });
});

describe('turnos', () => {
  it('turna a dos dependencias, responde una, prorroga la otra; estatus derivado, semáforos e historial', async () => {
    const { core, reloj } = e.p;
    const a = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    await mover(e, reloj.ahora + 3 * HORA);
    const plazo = await llamar(core, 'correspondencia.plazo', { instruccionId: e.instr.ATENCION }, e.cap);
    expect(plazo).toEqual({ fechaTurno: '2026-11-20', fechaLimite: '2026-12-04', diasHabiles: 10, requiereAtencion: true });
    let d = await llamar(core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [e.dep.SEGOB, e.dep.SH], instruccionId: e.instr.ATENCION }, e.cap);
    expect(d.estatus).toBe('pendiente');
    expect(d.turnos.map((t) => [t.dependenciaSiglas, t.fechaLimite, t.semaforoEstatus.color, t.semaforoPlazo.clave])).toEqual([
      ['SEGOB', '2026-12-04', 'rojo', 'a_tiempo'],
      ['SH', '2026-12-04', 'rojo', 'a_tiempo'],
    ]);
    expect(d.horasParaTurnar).toBe(3.5);
    const info = await llamar(core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [e.dep.SCG], instruccionId: e.instr.CONOCIMIENTO }, e.cap);
    expect(info.turnos[2]).toMatchObject({ requiereAtencion: false, fechaLimite: null, semaforoEstatus: { color: 'gris' } });
    expect((await fallar(core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [e.dep.SH], instruccionId: e.instr.ATENCION }, e.cap)).code).toBe('DUPLICADO');

    const [segob, sh] = d.turnos;
    d = await llamar(core, 'correspondencia.turnos.actualizar', {
      id: segob.id,
      version: segob.version,
      estatus: 'atendido',
      respuesta: { numeroOficio: 'SEGOB/123/2026', fecha: '2026-11-20', resumen: 'Se canalizó a Obras Públicas', anexo: { nombre: 'respuesta.pdf', contenidoBase64: b64(pdfMinimo('respuesta')) } },
    }, e.cap);
    expect(d.estatus).toBe('en_proceso');
    const segob2 = d.turnos.find((t) => t.id === segob.id)!;
    expect(segob2).toMatchObject({ estatus: 'atendido', semaforoEstatus: { color: 'verde' }, semaforoPlazo: { clave: 'concluido' } });
    expect(segob2.respuestas[0]).toMatchObject({ numeroOficio: 'SEGOB/123/2026', archivo: { nombre: 'respuesta.pdf' } });
    await llamar(core, 'correspondencia.anexos.abrir', { asuntoId: a.id, sha256: segob2.respuestas[0].archivo!.sha256 }, e.jefe);

    d = await llamar(core, 'correspondencia.turnos.prorrogar', { id: sh.id, version: sh.version, fechaLimite: '2026-12-18', motivo: 'La dependencia solicitó más tiempo' }, e.cap);
    const sh2 = d.turnos.find((t) => t.id === sh.id)!;
    expect(sh2).toMatchObject({ plazoOriginal: '2026-12-04', fechaLimite: '2026-12-18', prorrogas: 1 });
    expect(sh2.historial[0]).toMatchObject({ tipo: 'prorroga', plazoAnterior: '2026-12-04', plazoNuevo: '2026-12-18', motivo: 'La dependencia solicitó más tiempo' });
    expect((await fallar(core, 'correspondencia.turnos.prorrogar', { id: sh.id, version: sh2.version, fechaLimite: '2026-12-10', motivo: 'x' }, e.cap)).message).toContain('posterior');

    // Vencido: después del plazo el semáforo de plazo dice cuántos días hábiles.
    await mover(e, Date.UTC(2026, 11, 22, 17));
    d = await llamar(core, 'correspondencia.obtener', { id: a.id }, e.jefe);
    expect(d.turnos.find((t) => t.id === sh.id)!.semaforoPlazo).toMatchObject({ clave: 'vencido', motivo: 'Vencido hace 2 días hábiles (con prórroga)' });
    expect(d.semaforoPlazo.clave).toBe('vencido');
    const vencidos = await llamar(core, 'correspondencia.bandeja', { vencidos: true }, e.jefe);
    expect(vencidos.filas.map((f) => f.id)).toEqual([a.id]);
    expect(vencidos.total).toBe(1);
    // A registered asunto not turned within 48 h counts as overdue too (the other alternative of the count).
    const sinTurnar = await llamar(core, 'correspondencia.registrar', datosAsunto({ fechaRecepcion: '2026-12-18' }), e.cap);
    const v2 = await llamar(core, 'correspondencia.bandeja', { vencidos: true, orden: 'folio_asc' }, e.jefe);
    expect(v2.filas.map((f) => f.id)).toEqual([a.id, sinTurnar.id]);
    expect(v2.total).toBe(2);

    d = await llamar(core, 'correspondencia.turnos.actualizar', { id: sh.id, version: sh2.version, estatus: 'atendido' }, e.cap);
    expect(d.estatus).toBe('atendido');
    const sh3 = d.turnos.find((t) => t.id === sh.id)!;
    expect((await fallar(core, 'correspondencia.turnos.actualizar', { id: sh.id, version: sh3.version, estatus: 'en_proceso' }, e.cap)).message).toContain('Reabrir');
    d = await llamar(core, 'correspondencia.turnos.reabrir', { id: sh.id, version: sh3.version, motivo: 'La respuesta no atendió lo solicitado' }, e.cap);
    expect(d.estatus).toBe('en_proceso');
    expect(d.turnos.find((t) => t.id === sh.id)!).toMatchObject({ estatus: 'en_proceso', reaperturas: 1 });
    expect(d.eventos.map((x) => x.tipo)).toEqual(['registro', 'turno', 'turno', 'respuesta', 'prorroga', 'turno_actualizado', 'reapertura']);
  });

  it('archivar sin turno y editar campos (el folio no cambia; queda en la línea de tiempo)', async () => {
    const { core } = e.p;
    const a = await llamar(core, 'correspondencia.registrar', datosAsunto(), e.cap);
    let d = await llamar(core, 'correspondencia.obtener', { id: a.id }, e.cap);
    d = await llamar(core, 'correspondencia.editar', { id: a.id, version: d.version, asunto: 'Invitación al informe de labores', tipo: 'invitacion' }, e.cap);
    expect(d).toMatchObject({ folio: a.folio, asunto: 'Invitación al informe de labores', tipo: 'invitacion' });
    expect(d.eventos.at(-1)).toMatchObject({ tipo: 'edicion', detalle: { asunto: { despues: 'Invitación al informe de labores' } } });
    expect((await llamar(core, 'correspondencia.bandeja', { texto: 'invitacion informe' }, e.cap)).total).toBe(1);
    expect((await llamar(core, 'correspondencia.bandeja', { texto: 'rehabilitacion' }, e.cap)).total).toBe(0);
    expect((await fallar(core, 'correspondencia.editar', { id: a.id, version: 0, asunto: 'otra cosa' }, e.cap)).code).toBe('CONFLICTO');
    d = await llamar(core, 'correspondencia.archivar', { id: a.id, version: d.version, motivo: 'Solo informativo, sin acción' }, e.cap);
    expect(d.estatus).toBe('archivado');
    expect((await fallar(core, 'correspondencia.turnar', { asuntoId: a.id, dependencias: [e.dep.SH], instruccionId: e.instr.ATENCION }, e.cap)).message).toContain('archivado');
  });
});

describe('bandeja', () => {
  it('filtra, ordena por folio como número, busca sin acentos y pagina con total', async () => {
    const { core, reloj } = e.p;
    const ids: string[] = [];
    for (let i = 1; i <= 12; i++) {
      const extra = i === 3 ? { asunto: 'Petición de becas para la Secretaría de Educación', tipo: 'peticion' as const, prioridad: 'urgente' as const } : {};
      ids.push((await llamar(core, 'correspondencia.registrar', datosAsunto(extra), e.cap)).id);
    }
    // folio 10 must sort after 9 (numbers, not strings)
    const p1 = await llamar(core, 'correspondencia.bandeja', { limite: 5, orden: 'folio_asc' }, e.cap);
    expect(p1.total).toBe(12);
    expect(p1.filas.map((f) => f.numero)).toEqual([1, 2, 3, 4, 5]);
    const p3 = await llamar(core, 'correspondencia.bandeja', { limite: 5, desplazamiento: 10, orden: 'folio_asc' }, e.cap);
    expect(p3.filas.map((f) => f.folio)).toEqual(['03.01-11/26', '03.01-12/26']);
    expect((await llamar(core, 'correspondencia.bandeja', { limite: 3 }, e.cap)).filas.map((f) => f.numero)).toEqual([12, 11, 10]);

    const busca = async (texto: string) => (await llamar(core, 'correspondencia.bandeja', { texto }, e.cap)).filas.map((f) => f.numero);
    expect(await busca('secretaria educacion')).toEqual([3]);
    expect(await busca('SECRETARÍA becas')).toEqual([3]);
    expect(await busca('03.01-3/26')).toEqual([3]);
    expect(await busca('PM/0457')).toHaveLength(12);
    expect(await busca('pena alvarez')).toHaveLength(12);
    expect(await busca('ventanilla secretario')).toHaveLength(12);
    expect(await busca('educ')).toEqual([3]);

    expect((await llamar(core, 'correspondencia.bandeja', { tipo: 'peticion', prioridad: 'urgente' }, e.cap)).total).toBe(1);
    expect((await llamar(core, 'correspondencia.bandeja', { desde: '2026-11-21' }, e.cap)).total).toBe(0);
    expect((await llamar(core, 'correspondencia.bandeja', { estatus: ['por_turnar'], destinatario: 'titular', anio: 2026 }, e.cap)).total).toBe(12);

    await llamar(core, 'correspondencia.turnar', { asuntoId: ids[0], dependencias: [e.dep.SEGOB], instruccionId: e.instr.ATENCION }, e.cap);
    await mover(e, reloj.ahora + 50 * HORA);
    await llamar(core, 'correspondencia.turnar', { asuntoId: ids[1], dependencias: [e.dep.SH], instruccionId: e.instr.ATENCION }, e.cap);
    const por = async (f: object) => (await llamar(core, 'correspondencia.bandeja', { ...f, orden: 'folio_asc' }, e.cap)).filas.map((x) => x.numero);
    expect(await por({ dependenciaId: e.dep.SEGOB })).toEqual([1]);
    expect(await por({ en48h: 'si' })).toEqual([1]);
    expect(await por({ en48h: 'no' })).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(await por({ estatus: ['pendiente'] })).toEqual([1, 2]);
    // Both plans (drive by the list and sort, or walk the folio order) return the same page.
    const casos: object[] = [{ dependenciaId: e.dep.SEGOB }, { dependenciaId: e.dep.SH, estatus: ['pendiente'] }, { texto: 'pena', dependenciaId: e.dep.SH }, { texto: 'becas' }, { vencidos: true }, { en48h: 'no' }, {}];
    const conLista = await Promise.all(casos.map((f) => llamar(core, 'correspondencia.bandeja', { ...f, limite: 5 }, e.cap)));
    fijarUmbralRecorrido(0);
    try {
      const recorriendo = await Promise.all(casos.map((f) => llamar(core, 'correspondencia.bandeja', { ...f, limite: 5 }, e.cap)));
      expect(recorriendo.map((r) => [r.total, r.filas.map((x) => x.id)])).toEqual(conLista.map((r) => [r.total, r.filas.map((x) => x.id)]));
    } finally {
      fijarUmbralRecorrido(null);
    }
    expect(conLista.map((r) => r.total)).toEqual([1, 1, 1, 1, 10, 11, 12]);
    const fila = (await llamar(core, 'correspondencia.bandeja', { dependenciaId: e.dep.SEGOB }, e.cap)).filas[0];
    expect(fila).toMatchObject({ turnadoA: 'SEGOB', fechaLimite: '2026-12-04', estatus: 'pendiente', semaforoEstatus: { color: 'rojo' } });
  });
});
