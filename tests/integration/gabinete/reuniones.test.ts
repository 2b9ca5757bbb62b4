import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fallar, llamar } from '../ayuda';
import { nuevaReunion, prepararGabinete, type Gabinete } from './preparar';

let g: Gabinete;
beforeEach(async () => {
  g = await prepararGabinete();
});
afterEach(() => g.p.cerrar());

describe('nombres y ordinales de reuniones (secuencia con todos los tipos)', () => {
  it('numera por tipo, por tema o sin número según el catálogo, con vista previa igual al nombre guardado', async () => {
    const secuencia: [string, string, string][] = [
      ['GLA', '', 'I Reunión de Gabinete Legal y Ampliado'],
      ['GL', '', 'I Reunión de Gabinete Legal'],
      ['GR', 'del Mayo', 'I Reunión de Gabinete Regional del Mayo'],
      ['GS', 'de Turismo', 'Reunión de Gabinete Sectorial de Turismo'],
      ['GR', 'en Guaymas', 'II Reunión de Gabinete Regional en Guaymas'],
      ['GE', 'de Salud', 'I Reunión de Gabinete de Salud'],
      ['GL', '', 'II Reunión de Gabinete Legal'],
      ['GE', 'de Seguridad', 'I Reunión de Gabinete de Seguridad'],
      ['GR', 'del Mayo', 'III Reunión de Gabinete Regional del Mayo'],
      ['RT', 'con la Secretaría de Marina', 'Reunión de trabajo con la Secretaría de Marina'],
      ['GE', 'de  salud', 'II Reunión de Gabinete de salud'],
      ['GLA', '', 'II Reunión de Gabinete Legal y Ampliado'],
      ['GS', 'de Turismo', 'Reunión de Gabinete Sectorial de Turismo'],
    ];
    for (const [clave, tema, esperado] of secuencia) {
      const previa = await llamar(g.p.core, 'gabinete.reuniones.vistaPrevia', { tipoId: g.tipo[clave], tema }, g.coord);
      expect(previa.nombre).toBe(esperado);
      const r = await nuevaReunion(g, clave, tema);
      expect(r.nombre).toBe(esperado);
    }
    const lista = await llamar(g.p.core, 'gabinete.reuniones.listar', {}, g.jefe);
    expect(lista).toHaveLength(secuencia.length);
    expect(lista.filter((r) => r.tipoClave === 'GS').every((r) => r.ordinal === null)).toBe(true);
  });

  it('la vista previa avisa que falta el tema cuando la plantilla lo pide, y crear sin tema se rechaza', async () => {
    const previa = await llamar(g.p.core, 'gabinete.reuniones.vistaPrevia', { tipoId: g.tipo.GR, tema: '' }, g.coord);
    expect(previa).toMatchObject({ nombre: 'I Reunión de Gabinete Regional …', requiereTema: true });
    const e = await fallar(g.p.core, 'gabinete.reuniones.crear', { tipoId: g.tipo.GR, tema: '', fecha: '2026-11-20', hora: '10:00' }, g.coord);
    expect(e).toMatchObject({ code: 'VALIDACION' });
    expect(e.message).toContain('Tema o región es obligatorio');
  });

  it('el coordinador edita el ordinal (único en su alcance) y la numeración sigue desde ahí', async () => {
    const a = await nuevaReunion(g, 'GL');
    const b = await nuevaReunion(g, 'GL');
    const previa = await llamar(g.p.core, 'gabinete.reuniones.vistaPrevia', { tipoId: g.tipo.GL, tema: '', reunionId: b.id, ordinal: 1 }, g.coord);
    expect(previa.ordinalOcupado).toBe(true);
    const dup = await fallar(g.p.core, 'gabinete.reuniones.cambiarOrdinal', { id: b.id, version: b.version, ordinal: 1 }, g.coord);
    expect(dup.code).toBe('DUPLICADO');
    expect(dup.message).toBe('El ordinal I ya lo tiene la «I Reunión de Gabinete Legal» (20/11/2026); elija otro.');
    const jefe = await fallar(g.p.core, 'gabinete.reuniones.cambiarOrdinal', { id: b.id, version: b.version, ordinal: 4 }, g.jefe);
    expect(jefe.code).toBe('PROHIBIDO');
    const cambiada = await llamar(g.p.core, 'gabinete.reuniones.cambiarOrdinal', { id: b.id, version: b.version, ordinal: 4 }, g.coord);
    expect(cambiada.nombre).toBe('IV Reunión de Gabinete Legal');
    expect(cambiada.eventos.at(-1)).toMatchObject({ tipo: 'ordinal', motivo: 'De II a IV' });
    expect((await nuevaReunion(g, 'GL')).nombre).toBe('V Reunión de Gabinete Legal');
    // Same ordinal in another scope is fine.
    expect((await nuevaReunion(g, 'GLA')).ordinal).toBe(1);
    const otroAlcance = await nuevaReunion(g, 'GE', 'de Salud');
    expect((await llamar(g.p.core, 'gabinete.reuniones.cambiarOrdinal', { id: otroAlcance.id, version: otroAlcance.version, ordinal: 4 }, g.coord)).nombre).toBe('IV Reunión de Gabinete de Salud');
    const sinNumero = await nuevaReunion(g, 'GS', 'de Turismo');
    expect((await fallar(g.p.core, 'gabinete.reuniones.cambiarOrdinal', { id: sinNumero.id, version: sinNumero.version, ordinal: 2 }, g.coord)).code).toBe('VALIDACION');
    expect(a.ordinal).toBe(1);
  });

  it('cambiar el tema de una especializada la pasa a la secuencia del nuevo tema', async () => {
    await nuevaReunion(g, 'GE', 'de Salud');
    const r = await nuevaReunion(g, 'GE', 'de Educación');
    const editada = await llamar(g.p.core, 'gabinete.reuniones.editar', { id: r.id, version: r.version, tema: 'de Salud', fecha: r.fecha, hora: r.hora, sede: r.sede, municipioClave: r.municipioClave }, g.coord);
    expect(editada.nombre).toBe('II Reunión de Gabinete de Salud');
  });

  it('una fecha que no existe se rechaza con mensaje que nombra el campo', async () => {
    const e = await fallar(g.p.core, 'gabinete.reuniones.crear', { tipoId: g.tipo.GL, fecha: '2026-02-30', hora: '10:00' }, g.coord);
    expect(e).toMatchObject({ code: 'VALIDACION', message: 'Fecha de la reunión: no es una fecha válida (use AAAA-MM-DD).' });
    const h = await fallar(g.p.core, 'gabinete.reuniones.crear', { tipoId: g.tipo.GL, fecha: '2026-11-20', hora: '25:00' }, g.coord);
    expect(h.message).toContain('Hora');
    expect(await llamar(g.p.core, 'gabinete.reuniones.listar', {}, g.coord)).toHaveLength(0);
  });

  it('filtros de la lista: tipo, año y estatus', async () => {
    await nuevaReunion(g, 'GL');
    await nuevaReunion(g, 'GL', '', { fecha: '2025-03-01' });
    const c = await nuevaReunion(g, 'GS', 'de Turismo');
    await llamar(g.p.core, 'gabinete.reuniones.cancelar', { id: c.id, version: c.version, motivo: 'Agenda del Gobernador' }, g.coord);
    expect(await llamar(g.p.core, 'gabinete.reuniones.listar', { tipoId: g.tipo.GL }, g.coord)).toHaveLength(2);
    expect(await llamar(g.p.core, 'gabinete.reuniones.listar', { anio: 2025 }, g.coord)).toHaveLength(1);
    const canceladas = await llamar(g.p.core, 'gabinete.reuniones.listar', { estatus: 'cancelada' }, g.coord);
    expect(canceladas).toMatchObject([{ nombre: 'Reunión de Gabinete Sectorial de Turismo', motivoCancelacion: 'Agenda del Gobernador' }]);
  });
});

describe('detalle de la reunión', () => {
  it('convoca del directorio, registra asistencia (representante con nombre) y ordena el orden del día', async () => {
    const r = await nuevaReunion(g, 'GLA');
    const conv = await llamar(g.p.core, 'gabinete.convocados.agregar', { reunionId: r.id, funcionarioIds: g.funcionarios }, g.coord);
    expect(conv).toHaveLength(4);
    // Convening again does not duplicate.
    expect(await llamar(g.p.core, 'gabinete.convocados.agregar', { reunionId: r.id, funcionarioIds: g.funcionarios.slice(0, 2) }, g.coord)).toHaveLength(4);
    const sinNombre = await fallar(g.p.core, 'gabinete.asistencia.registrar', { id: conv[0].id, version: conv[0].version, asistencia: 'representante' }, g.coord);
    expect(sinNombre.message).toContain('Nombre del representante es obligatorio');
    const rep = await llamar(g.p.core, 'gabinete.asistencia.registrar', { id: conv[0].id, version: conv[0].version, asistencia: 'representante', representante: 'Lic. Ana Pérez' }, g.coord);
    expect(rep).toMatchObject({ asistencia: 'representante', representante: 'Lic. Ana Pérez' });
    const stale = await fallar(g.p.core, 'gabinete.asistencia.registrar', { id: conv[0].id, version: conv[0].version, asistencia: 'asistio' }, g.coord2);
    expect(stale.code).toBe('CONFLICTO');

    let orden = await llamar(g.p.core, 'gabinete.orden.guardar', { reunionId: r.id, titulo: 'Bienvenida', presentador: 'Gobernador' }, g.coord);
    orden = await llamar(g.p.core, 'gabinete.orden.guardar', { reunionId: r.id, titulo: 'Informe de seguridad', presentador: 'SSPE' }, g.coord);
    orden = await llamar(g.p.core, 'gabinete.orden.guardar', { reunionId: r.id, titulo: 'Asuntos generales' }, g.coord);
    orden = await llamar(g.p.core, 'gabinete.orden.reordenar', { reunionId: r.id, ids: [orden[1].id, orden[0].id, orden[2].id] }, g.coord);
    expect(orden.map((p) => `${p.posicion}. ${p.titulo}`)).toEqual(['1. Informe de seguridad', '2. Bienvenida', '3. Asuntos generales']);
    const incompleto = await fallar(g.p.core, 'gabinete.orden.reordenar', { reunionId: r.id, ids: [orden[0].id] }, g.coord);
    expect(incompleto.code).toBe('CONFLICTO');
    orden = await llamar(g.p.core, 'gabinete.orden.retirar', { id: orden[0].id, version: orden[0].version }, g.coord);
    expect(orden.map((p) => p.posicion)).toEqual([1, 2]);

    const tarjetas = await llamar(g.p.core, 'gabinete.tarjetas.guardar', { reunionId: r.id, titulo: 'Avance de obra', contenido: 'La obra lleva 40 %.', dependenciaId: g.dep.SEGOB }, g.coord);
    expect(tarjetas).toHaveLength(1);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const anexos = await llamar(g.p.core, 'gabinete.anexos.agregar', { reunionId: r.id, archivo: { nombre: 'lamina.png', contenidoBase64: png.toString('base64') } }, g.coord);
    expect(anexos).toMatchObject([{ nombre: 'lamina.png', tipo: 'image/png' }]);
    const falso = await fallar(g.p.core, 'gabinete.anexos.agregar', { reunionId: r.id, archivo: { nombre: 'virus.pdf', contenidoBase64: Buffer.from('MZ no soy pdf').toString('base64') } }, g.coord);
    expect(falso.code).toBe('ARCHIVO');

    const det = await llamar(g.p.core, 'gabinete.reuniones.obtener', { id: r.id }, g.jefe);
    expect(det.convocadosLista).toHaveLength(4);
    expect(det.orden).toHaveLength(2);
    expect(det.tarjetas[0].dependencia).toBe('Secretaría de Gobierno');
  });

  it('roles: el jefe y el administrador leen; solo el coordinador escribe; la capturista no entra', async () => {
    const r = await nuevaReunion(g, 'GL');
    expect(await llamar(g.p.core, 'gabinete.reuniones.obtener', { id: r.id }, g.jefe)).toMatchObject({ id: r.id });
    expect(await llamar(g.p.core, 'gabinete.reuniones.listar', {}, g.admin)).toHaveLength(1);
    expect((await fallar(g.p.core, 'gabinete.reuniones.crear', { tipoId: g.tipo.GL, fecha: '2026-11-20', hora: '10:00' }, g.jefe)).code).toBe('PROHIBIDO');
    expect((await fallar(g.p.core, 'gabinete.acuerdos.crear', { reunionId: r.id, descripcion: 'x', dependenciaId: g.dep.SEGOB }, g.admin)).code).toBe('PROHIBIDO');
    expect((await fallar(g.p.core, 'gabinete.reuniones.listar', {}, g.capturista)).code).toBe('PROHIBIDO');
  });
});
