import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTRASENA, fallar, llamar } from '../ayuda';
import { nuevaReunion, prepararGabinete, type Gabinete } from './preparar';

const DIA = 24 * 3600 * 1000;
let g: Gabinete;
beforeEach(async () => {
  g = await prepararGabinete();
});
afterEach(() => g.p.cerrar());

async function reunionConAcuerdo(clave = 'GL') {
  const r = await nuevaReunion(g, clave);
  const a = await llamar(g.p.core, 'gabinete.acuerdos.crear', {
    reunionId: r.id, descripcion: 'Presentar el programa de obra 2027', dependenciaId: g.dep.SEGOB, corresponsables: [g.dep.SH, g.dep.SEGOB], fechaCompromiso: '2026-12-15',
  }, g.coord);
  return { r, a };
}

describe('captura de acuerdos', () => {
  it('numera dentro de la reunión con código GL-I-01, corresponsables sin repetir al responsable, semáforos calculados', async () => {
    const { r, a } = await reunionConAcuerdo();
    expect(a).toMatchObject({ numero: 1, codigo: 'GL-I-01', estatus: 'por_iniciar', avance: 0, textoBloqueado: false });
    expect(a.corresponsables.map((c) => c.id)).toEqual([g.dep.SH]);
    expect(a.semaforoEstatus).toMatchObject({ color: 'rojo', etiqueta: 'Por iniciar' });
    expect(a.semaforoPlazo).toMatchObject({ clave: 'a_tiempo', motivo: 'Vence el 15/12/2026' });
    const b = await llamar(g.p.core, 'gabinete.acuerdos.crear', { reunionId: r.id, descripcion: 'Segundo', dependenciaId: g.dep.SH }, g.coord);
    expect(b.codigo).toBe('GL-I-02');
    expect(b.semaforoPlazo.clave).toBe('sin_plazo');
  });

  it('una dependencia responsable inactiva se rechaza (también como corresponsable)', async () => {
    const r = await nuevaReunion(g, 'GL');
    const deps = await llamar(g.p.core, 'catalogos.dependencias.listar', {}, g.admin);
    const sh = deps.find((d) => d.id === g.dep.SH)!;
    await llamar(g.p.core, 'catalogos.dependencias.cambiarActiva', { id: sh.id, version: sh.version, activa: false }, g.admin);
    const e = await fallar(g.p.core, 'gabinete.acuerdos.crear', { reunionId: r.id, descripcion: 'X', dependenciaId: g.dep.SH }, g.coord);
    expect(e).toMatchObject({ code: 'VALIDACION', message: 'Responsable: la dependencia «Secretaría de Hacienda» está inactiva; elija una dependencia vigente.' });
    const c = await fallar(g.p.core, 'gabinete.acuerdos.crear', { reunionId: r.id, descripcion: 'X', dependenciaId: g.dep.SEGOB, corresponsables: [g.dep.SH] }, g.coord);
    expect(c.message).toContain('Corresponsable');
    expect((await llamar(g.p.core, 'gabinete.reuniones.obtener', { id: r.id }, g.coord)).acuerdosLista).toHaveLength(0);
  });

  it('una fecha compromiso que no existe o anterior a la reunión se rechaza', async () => {
    const r = await nuevaReunion(g, 'GL');
    const e = await fallar(g.p.core, 'gabinete.acuerdos.crear', { reunionId: r.id, descripcion: 'X', dependenciaId: g.dep.SEGOB, fechaCompromiso: '2026-13-01' }, g.coord);
    expect(e.message).toBe('Fecha compromiso: no es una fecha válida (use AAAA-MM-DD).');
    const antes = await fallar(g.p.core, 'gabinete.acuerdos.crear', { reunionId: r.id, descripcion: 'X', dependenciaId: g.dep.SEGOB, fechaCompromiso: '2026-11-01' }, g.coord);
    expect(antes.message).toContain('anterior a la reunión');
  });
});

describe('cerrar reunión y emitir minuta', () => {
  it('bloquea el texto de los acuerdos y la captura; reabrir pide coordinador y motivo, y queda registrado', async () => {
    const { r, a } = await reunionConAcuerdo();
    const cerrada = await llamar(g.p.core, 'gabinete.reuniones.cerrar', { id: r.id, version: r.version }, g.coord);
    expect(cerrada.estatus).toBe('cerrada');
    expect(cerrada.acuerdosLista[0].textoBloqueado).toBe(true);
    const captura = await fallar(g.p.core, 'gabinete.acuerdos.crear', { reunionId: r.id, descripcion: 'Tardío', dependenciaId: g.dep.SEGOB }, g.coord);
    expect(captura.code).toBe('VALIDACION');
    expect(captura.message).toContain('ya se emitió y la reunión está cerrada: no se puede capturar acuerdos');
    const edicion = await fallar(g.p.core, 'gabinete.acuerdos.editar', { id: a.id, version: a.version, descripcion: 'Otro texto', dependenciaId: g.dep.SEGOB, corresponsables: [], fechaCompromiso: null }, g.coord);
    expect(edicion.message).toContain('no se puede modificar el texto de sus acuerdos');
    // Follow-up continues on a closed meeting.
    const seg = await llamar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: a.id, version: a.version, fecha: '2026-11-20', nota: 'Se inició la elaboración', avance: 10 }, g.coord);
    expect(seg).toMatchObject({ estatus: 'en_proceso', avance: 10 });

    expect((await fallar(g.p.core, 'gabinete.reuniones.reabrir', { id: r.id, version: cerrada.version, motivo: 'Error en la minuta' }, g.jefe)).code).toBe('PROHIBIDO');
    expect((await fallar(g.p.core, 'gabinete.reuniones.reabrir', { id: r.id, version: cerrada.version, motivo: '   ' }, g.coord)).message).toBe('Motivo es obligatorio.');
    const reabierta = await llamar(g.p.core, 'gabinete.reuniones.reabrir', { id: r.id, version: cerrada.version, motivo: 'Error en la minuta' }, g.coord2);
    expect(reabierta.estatus).toBe('celebrada');
    expect(reabierta.eventos.map((e) => [e.tipo, e.motivo, e.usuario])).toEqual([
      ['cierre', 'Minuta emitida', 'Persona coordinadora'],
      ['reapertura', 'Error en la minuta', 'Persona coordinador2'],
    ]);
    const editado = await llamar(g.p.core, 'gabinete.acuerdos.editar', { id: a.id, version: seg.version, descripcion: 'Texto corregido', dependenciaId: g.dep.SEGOB, corresponsables: [g.dep.SH], fechaCompromiso: '2026-12-15' }, g.coord);
    expect(editado.descripcion).toBe('Texto corregido');
  });
});

describe('seguimientos', () => {
  it('concluir con avance menor a 100 lo deja en 100 y lo anota; 100 sin concluir pregunta', async () => {
    const { a } = await reunionConAcuerdo();
    const pregunta = await fallar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: a.id, version: a.version, fecha: '2026-11-20', nota: 'Listo', avance: 100 }, g.coord);
    expect(pregunta.code).toBe('VALIDACION');
    expect(pregunta.message).toContain('¿Desea marcarlo como «Concluido»?');
    expect((pregunta.details as { confirmar: string }[])[0].confirmar).toBe('concluir');
    const c = await llamar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: a.id, version: a.version, fecha: '2026-11-20', nota: 'Se entregó el programa', estatus: 'concluido', avance: 70 }, g.coord);
    expect(c).toMatchObject({ estatus: 'concluido', avance: 100 });
    expect(c.semaforoEstatus.color).toBe('verde');
    expect(c.semaforoPlazo.clave).toBe('concluido');
    expect(c.seguimientos[0]).toMatchObject({
      estatusAntes: 'por_iniciar', estatusDespues: 'concluido', avanceAntes: 0, avanceDespues: 100, autor: 'Persona coordinadora',
      ajuste: 'Al concluir, el avance pasó de 70 % a 100 %.',
    });
  });

  it('un seguimiento fechado antes del acuerdo o en el futuro se rechaza', async () => {
    const { a } = await reunionConAcuerdo();
    const e = await fallar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: a.id, version: a.version, fecha: '2026-11-19', nota: 'x' }, g.coord);
    expect(e.message).toBe('Fecha del seguimiento: 19/11/2026 es anterior al acuerdo, que se tomó el 20/11/2026 en la «I Reunión de Gabinete Legal».');
    const f = await fallar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: a.id, version: a.version, fecha: '2026-11-21', nota: 'x' }, g.coord);
    expect(f.message).toContain('posterior a hoy');
    const invalida = await fallar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: a.id, version: a.version, fecha: '2026-11-31', nota: 'x' }, g.coord);
    expect(invalida.message).toContain('no es una fecha válida');
    expect((await llamar(g.p.core, 'gabinete.acuerdos.obtener', { id: a.id }, g.coord)).seguimientos).toHaveLength(0);
  });

  it('evidencia: se verifica por contenido, queda en el historial y se descarga', async () => {
    const { a } = await reunionConAcuerdo();
    const falsa = await fallar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: a.id, version: a.version, fecha: '2026-11-20', nota: 'x', evidencia: { nombre: 'foto.png', contenidoBase64: Buffer.from('no soy imagen').toString('base64') } }, g.coord);
    expect(falsa.code).toBe('ARCHIVO');
    expect(falsa.message).toMatch(/^Evidencia: /);
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const c = await llamar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: a.id, version: a.version, fecha: '2026-11-20', nota: 'Foto de la instalación', avance: 30, evidencia: { nombre: 'foto.png', contenidoBase64: png } }, g.coord);
    expect(c.seguimientos[0].evidencia?.nombre).toBe('foto.png');
    const d = await llamar(g.p.core, 'gabinete.archivos.descargar', { sha256: c.seguimientos[0].evidencia!.sha256, nombre: 'foto.png' }, g.jefe);
    expect(g.p.core.archivoGenerado(d.archivoId, g.jefe)?.tipo).toBeDefined();
    const ajeno = await fallar(g.p.core, 'gabinete.archivos.descargar', { sha256: 'a'.repeat(64), nombre: 'x.png' }, g.jefe);
    expect(ajeno.code).toBe('NO_ENCONTRADO');
  });

  it('dos coordinadores editando el mismo acuerdo: el segundo recibe CONFLICTO y nada se pierde', async () => {
    const { a } = await reunionConAcuerdo();
    const primero = await llamar(g.p.core, 'gabinete.acuerdos.editar', { id: a.id, version: a.version, descripcion: 'Versión de la coordinadora', dependenciaId: g.dep.SEGOB, corresponsables: [], fechaCompromiso: '2026-12-15' }, g.coord);
    const segundo = await fallar(g.p.core, 'gabinete.acuerdos.editar', { id: a.id, version: a.version, descripcion: 'Versión del coordinador 2', dependenciaId: g.dep.SEGOB, corresponsables: [], fechaCompromiso: '2026-12-15' }, g.coord2);
    expect(segundo.code).toBe('CONFLICTO');
    expect(segundo.message).toContain('Otra persona modificó el acuerdo');
    const seg = await fallar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: a.id, version: a.version, fecha: '2026-11-20', nota: 'x', avance: 20 }, g.coord2);
    expect(seg.code).toBe('CONFLICTO');
    const actual = await llamar(g.p.core, 'gabinete.acuerdos.obtener', { id: a.id }, g.coord);
    expect(actual).toMatchObject({ descripcion: 'Versión de la coordinadora', version: primero.version, avance: 0 });
    expect(actual.seguimientos).toHaveLength(0);
  });

  it('cancelar un acuerdo guarda el motivo y lo deja gris, fuera de los conteos', async () => {
    const { a } = await reunionConAcuerdo();
    const c = await llamar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: a.id, version: a.version, fecha: '2026-11-20', nota: 'Lo absorbió otro programa', estatus: 'cancelado' }, g.coord);
    expect(c).toMatchObject({ estatus: 'cancelado', motivoCancelacion: 'Lo absorbió otro programa' });
    expect(c.semaforoEstatus).toMatchObject({ color: 'gris', motivo: 'Cancelado: Lo absorbió otro programa' });
    const t = await llamar(g.p.core, 'gabinete.acuerdos.tablero', {}, g.jefe);
    expect(t.total).toMatchObject({ total: 0, cancelado: 1 });
  });
});

describe('acuerdos entre reuniones: filtros, semáforos y tablero', () => {
  it('filtra por gabinete, reunión, dependencia (responsable o corresponsable), estatus, semáforo, vencidos y fechas', async () => {
    const gl = await nuevaReunion(g, 'GL');
    const gr = await nuevaReunion(g, 'GR', 'del Mayo', { fecha: '2026-10-01' });
    const crear = (reunionId: string, dependenciaId: string, fechaCompromiso: string | null, corresponsables: string[] = []) =>
      llamar(g.p.core, 'gabinete.acuerdos.crear', { reunionId, descripcion: `Acuerdo ${Math.random()}`, dependenciaId, fechaCompromiso, corresponsables }, g.coord);
    const a1 = await crear(gl.id, g.dep.SEGOB, '2026-11-25');
    const a2 = await crear(gl.id, g.dep.SH, '2027-01-30', [g.dep.SEGOB]);
    const a3 = await crear(gr.id, g.dep.SH, '2026-10-15');
    await llamar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: a2.id, version: a2.version, fecha: '2026-11-20', nota: 'Concluido', estatus: 'concluido' }, g.coord);

    const listar = async (f: object) => (await llamar(g.p.core, 'gabinete.acuerdos.listar', f, g.jefe)).items.map((a) => a.id).sort();
    expect(await listar({ tipoId: g.tipo.GL })).toEqual([a1.id, a2.id].sort());
    expect(await listar({ reunionId: gr.id })).toEqual([a3.id]);
    expect(await listar({ dependenciaId: g.dep.SEGOB })).toEqual([a1.id, a2.id].sort());
    expect(await listar({ estatus: ['concluido'] })).toEqual([a2.id]);
    expect(await listar({ vencidos: true })).toEqual([a3.id]);
    expect(await listar({ semaforo: 'rojo' })).toEqual([a1.id, a3.id].sort());
    expect(await listar({ semaforo: 'en_riesgo' })).toEqual([a1.id]);
    expect(await listar({ desde: '2026-11-01', hasta: '2026-11-30' })).toEqual([a1.id, a2.id].sort());
    const vencido = (await llamar(g.p.core, 'gabinete.acuerdos.obtener', { id: a3.id }, g.jefe)).semaforoPlazo;
    expect(vencido).toMatchObject({ clave: 'vencido', color: 'rojo' });
    expect(vencido.motivo).toMatch(/^Vencido hace \d+ días hábiles$/);

    // Ten days later the first one is overdue too.
    // (the server ends sessions idle for 8 h: the Jefe signs in again)
    g.p.reloj.avanzar(10 * DIA);
    g.jefe = (await llamar(g.p.core, 'usuarios.iniciarSesion', { usuario: 'jefe', contrasena: CONTRASENA })).token;
    expect(await listar({ vencidos: true })).toEqual([a1.id, a3.id].sort());

    const t = await llamar(g.p.core, 'gabinete.acuerdos.tablero', {}, g.jefe);
    expect(t.total).toMatchObject({ total: 3, concluido: 1, por_iniciar: 2, pctConcluido: 33.3, vencidos: 2 });
    expect(t.porTipo.find((x) => x.clave === 'GL')).toMatchObject({ nombre: 'Gabinete Legal', total: 2, concluido: 1, pctConcluido: 50 });
    expect(t.porDependencia.find((x) => x.clave === g.dep.SH)).toMatchObject({ total: 2, concluido: 1 });
    expect(t.plazo).toMatchObject({ vencido: 2, concluido: 1 });
  });

  it('1,000 acuerdos en una reunión se capturan y se listan', async () => {
    const r = await nuevaReunion(g, 'GLA');
    const t0 = Date.now();
    for (let i = 0; i < 1000; i++) {
      await g.p.core.call('gabinete.acuerdos.crear', { reunionId: r.id, descripcion: `Acuerdo número ${i + 1} con un texto de longitud razonable para la prueba`, dependenciaId: i % 2 ? g.dep.SEGOB : g.dep.SH, fechaCompromiso: '2027-01-15' }, { sesion: g.coord });
    }
    const captura = Date.now() - t0;
    const t1 = Date.now();
    const lista = await llamar(g.p.core, 'gabinete.acuerdos.listar', { reunionId: r.id }, g.jefe);
    const lectura = Date.now() - t1;
    expect(lista.total).toBe(1000);
    expect(lista.items.at(-1)!.codigo).toBe('GLA-I-1000');
    const det = await llamar(g.p.core, 'gabinete.reuniones.obtener', { id: r.id }, g.jefe);
    expect(det.acuerdosLista).toHaveLength(1000);
    expect(lectura).toBeLessThan(3000);
    console.log(`1,000 acuerdos: captura ${captura} ms, lista ${lectura} ms`);
  });
});
