import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crearPrueba, llamar, fallar, iniciarComoAdmin, crearUsuarioYEntrar, type Prueba } from '../ayuda';
import type { Input } from '../../../electron/contract';

let p: Prueba;
let admin: string;
let coord: string;
let jefe: string;
let unidad: string;

beforeEach(async () => {
  p = await crearPrueba();
  admin = await iniciarComoAdmin(p.core);
  coord = await crearUsuarioYEntrar(p.core, admin, 'coordina', 'coordinador');
  jefe = await crearUsuarioYEntrar(p.core, admin, 'jefatura', 'jefe');
  unidad = (await llamar(p.core, 'catalogos.unidades.listar', {}, admin))[0].id;
});
afterEach(() => p.cerrar());

const meta = (extra: Partial<Input<'poa.crearMeta'>> = {}): Input<'poa.crearMeta'> => ({
  anio: 2026,
  descripcion: 'Reuniones de gabinete realizadas',
  unidadId: unidad,
  unidadMedida: 'Reunión',
  tipo: 'acumulable',
  periodicidad: 'trimestral',
  programado: [5, 6, 6, 6],
  ...extra,
});

describe('metas del POA', () => {
  it('crea metas por año con número consecutivo; número duplicado en el mismo año se rechaza', async () => {
    const m1 = await llamar(p.core, 'poa.crearMeta', meta(), coord);
    expect(m1).toMatchObject({ numero: 1, anio: 2026, anual: { programado: 23, alcanzado: null } });
    expect(m1.periodos.map((x) => x.programado)).toEqual([5, 6, 6, 6]);
    const dup = await fallar(p.core, 'poa.crearMeta', meta({ numero: 1 }), coord);
    expect(dup).toMatchObject({ code: 'DUPLICADO', message: 'Ya existe la meta número 1 en el POA 2026.' });
    expect((await llamar(p.core, 'poa.crearMeta', meta({ numero: 1, anio: 2027 }), coord)).numero).toBe(1);
    expect((await fallar(p.core, 'poa.crearMeta', meta(), jefe)).code).toBe('PROHIBIDO');
    expect((await fallar(p.core, 'poa.crearMeta', meta({ programado: [1, 2, 3] }), coord)).code).toBe('VALIDACION');
    expect((await fallar(p.core, 'poa.crearMeta', meta({ periodicidad: 'mensual' }), coord)).message).toContain('12 periodos');
    expect((await fallar(p.core, 'poa.crearMeta', meta({ programado: [1.234, 1, 1, 1] }), coord)).message).toBe('Programado: máximo dos decimales.');
  });

  it('una meta de porcentaje no acepta más de 100 % ni programado ni alcanzado', async () => {
    const e = await fallar(p.core, 'poa.crearMeta', meta({ tipo: 'porcentaje', unidadMedida: '%', programado: [95, 95, 101, 95] }), coord);
    expect(e).toMatchObject({ code: 'VALIDACION', message: 'Una meta de porcentaje no puede programar más de 100 %.' });
    const m = await llamar(p.core, 'poa.crearMeta', meta({ tipo: 'porcentaje', unidadMedida: '%', programado: [95, 95, 95, 95] }), coord);
    const a = await fallar(p.core, 'poa.capturar', { metaId: m.id, periodo: 1, version: 0, alcanzado: 100.5 }, coord);
    expect(a).toMatchObject({ code: 'VALIDACION', message: 'Alcanzado: una meta de porcentaje no puede pasar de 100 %.' });
    expect((await llamar(p.core, 'poa.capturar', { metaId: m.id, periodo: 1, version: 0, alcanzado: 100 }, coord)).periodos[0].alcanzado).toBe(100);
  });

  it('alcanzado negativo o que no es número se rechaza y no se guarda nada', async () => {
    const m = await llamar(p.core, 'poa.crearMeta', meta(), coord);
    const c = { metaId: m.id, periodo: 1, version: 0 };
    expect((await fallar(p.core, 'poa.capturar', { ...c, alcanzado: -1 }, coord)).message).toBe('Alcanzado: no puede ser negativo.');
    expect((await fallar(p.core, 'poa.capturar', { ...c, alcanzado: Number.NaN }, coord)).message).toBe('Alcanzado: se esperaba un número.');
    expect((await fallar(p.core, 'poa.capturar', { ...c, alcanzado: 'doce' }, coord)).message).toBe('Alcanzado: se esperaba un número.');
    expect((await fallar(p.core, 'poa.capturar', { ...c, alcanzado: Number.POSITIVE_INFINITY }, coord)).code).toBe('VALIDACION');
    expect((await fallar(p.core, 'poa.capturar', { ...c, periodo: 5, alcanzado: 1 }, coord)).code).toBe('VALIDACION');
    const t = await llamar(p.core, 'poa.tablero', { anio: 2026 }, coord);
    expect(t.metas[0].periodos.every((x) => x.alcanzado === null && x.version === 0)).toBe(true);
  });

  it('captura con comentario y evidencia; dos capturas del mismo periodo: la segunda recibe CONFLICTO', async () => {
    const m = await llamar(p.core, 'poa.crearMeta', meta(), coord);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d3bd8b0000000049454e44ae426082', 'hex');
    const v = await llamar(p.core, 'poa.capturar', { metaId: m.id, periodo: 1, version: 0, alcanzado: 5, comentario: 'Cuatro ordinarias y una extraordinaria', evidencia: { nombre: 'lista.png', contenidoBase64: png.toString('base64') } }, coord);
    expect(v.periodos[0]).toMatchObject({ alcanzado: 5, comentario: 'Cuatro ordinarias y una extraordinaria', evidencia: { nombre: 'lista.png' }, capturadoPor: 'Persona coordina', version: 1 });
    const e = await fallar(p.core, 'poa.capturar', { metaId: m.id, periodo: 1, version: 0, alcanzado: 4 }, coord);
    expect(e.code).toBe('CONFLICTO');
    const v2 = await llamar(p.core, 'poa.capturar', { metaId: m.id, periodo: 1, version: 1, alcanzado: 4.5 }, coord);
    expect(v2.periodos[0]).toMatchObject({ alcanzado: 4.5, version: 2, evidencia: { nombre: 'lista.png' } });
    expect((await llamar(p.core, 'poa.evidencia', { metaId: m.id, periodo: 1 }, jefe)).nombre).toBe('lista.png');
  });

  it('trimestre cerrado: la captura se rechaza; el administrador reabre con motivo y queda registrado', async () => {
    const m = await llamar(p.core, 'poa.crearMeta', meta({ periodicidad: 'mensual', programado: Array(12).fill(2) }), coord);
    await llamar(p.core, 'poa.cerrarTrimestre', { anio: 2026, trimestre: 1 }, coord);
    const e = await fallar(p.core, 'poa.capturar', { metaId: m.id, periodo: 2, version: 0, alcanzado: 2 }, coord);
    expect(e).toMatchObject({ code: 'VALIDACION', message: 'El trimestre I de 2026 está cerrado para captura. Si hay que corregirlo, pida al administrador que lo reabra.' });
    expect((await llamar(p.core, 'poa.capturar', { metaId: m.id, periodo: 4, version: 0, alcanzado: 2 }, coord)).periodos[3].alcanzado).toBe(2);
    expect((await fallar(p.core, 'poa.actualizarMeta', { ...meta({ periodicidad: 'mensual', programado: [9, ...Array(11).fill(2)] }), id: m.id, version: m.version, numero: 1 }, coord)).message).toContain('cerrado');
    expect((await fallar(p.core, 'poa.cerrarTrimestre', { anio: 2026, trimestre: 1 }, coord)).message).toBe('El trimestre I de 2026 ya está cerrado.');
    expect((await fallar(p.core, 'poa.reabrirTrimestre', { anio: 2026, trimestre: 1, motivo: 'Corrección' }, coord)).code).toBe('PROHIBIDO');
    expect((await fallar(p.core, 'poa.reabrirTrimestre', { anio: 2026, trimestre: 1, motivo: '' }, admin)).code).toBe('VALIDACION');
    const h = await llamar(p.core, 'poa.reabrirTrimestre', { anio: 2026, trimestre: 1, motivo: 'Corrección de la unidad' }, admin);
    expect(h.map((x) => [x.accion, x.usuario, x.motivo])).toEqual([
      ['cerrar', 'Persona coordina', ''],
      ['reabrir', 'Administración del Sistema', 'Corrección de la unidad'],
    ]);
    expect((await llamar(p.core, 'poa.capturar', { metaId: m.id, periodo: 2, version: 0, alcanzado: 2 }, coord)).periodos[1].alcanzado).toBe(2);
    expect((await llamar(p.core, 'poa.tablero', { anio: 2026 }, jefe)).cerrados).toEqual([]);
  });

  it('tablero: agregación por tipo, % de cumplimiento al corte, semáforo y TOTALES sin metas de porcentaje', async () => {
    const a = await llamar(p.core, 'poa.crearMeta', meta({ programado: [10, 10, 10, 10] }), coord);
    const b = await llamar(p.core, 'poa.crearMeta', meta({ descripcion: 'Oficios atendidos', unidadMedida: 'Oficio', periodicidad: 'mensual', programado: Array(12).fill(100) }), coord);
    const c = await llamar(p.core, 'poa.crearMeta', meta({ descripcion: 'Acuerdos atendidos en plazo', unidadMedida: '%', tipo: 'porcentaje', programado: [90, 90, 90, 90] }), coord);
    await llamar(p.core, 'poa.crearMeta', meta({ descripcion: 'Meta sin programación aún', programado: [null, null, null, 5] }), coord);
    const cap = (id: string, periodo: number, alcanzado: number) => llamar(p.core, 'poa.capturar', { metaId: id, periodo, version: 0, alcanzado }, coord);
    for (const [q, v] of [[1, 10], [2, 12], [3, 5]] as const) await cap(a.id, q, v);
    for (let mes = 1; mes <= 9; mes++) await cap(b.id, mes, 95);
    await cap(c.id, 1, 85);
    await cap(c.id, 2, 95);
    const t = await llamar(p.core, 'poa.tablero', { anio: 2026, corte: 3 }, jefe);
    const [ma, mb, mc, md] = t.metas;
    expect(ma.trimestres.map((q) => q.alcanzado)).toEqual([10, 12, 5, null]);
    expect(ma).toMatchObject({ anual: { programado: 40, alcanzado: 27 }, alCorte: { programado: 30, alcanzado: 27 }, cumplimiento: 90 });
    expect(ma.semaforo.color).toBe('verde');
    expect(mb.trimestres[0]).toEqual({ programado: 300, alcanzado: 285 });
    expect(mb).toMatchObject({ alCorte: { programado: 900, alcanzado: 855 }, cumplimiento: 95 });
    expect(mc).toMatchObject({ anual: { programado: 90, alcanzado: 90 }, alCorte: { programado: 90, alcanzado: 90 }, cumplimiento: 100 });
    expect(md.semaforo).toMatchObject({ color: 'gris', etiqueta: 'Sin meta en el periodo' });
    expect(t.totales.metasSumadas).toBe(3);
    expect(t.totales.trimestres.map((q) => q.programado)).toEqual([310, 310, 310, 315]);
    expect(t.totales.anual).toEqual({ programado: 1245, alcanzado: 882 });
    expect(t.totales.alCorte).toEqual({ programado: 930, alcanzado: 882 });
    expect(t.totales.cumplimiento).toBe(94.8);
    // Default cut-off: the current quarter (November 2026 → IV).
    expect((await llamar(p.core, 'poa.tablero', { anio: 2026 }, jefe)).corte).toBe(4);
    expect((await llamar(p.core, 'poa.tablero', { anio: 2025 }, jefe)).corte).toBe(4);
    expect((await llamar(p.core, 'poa.tablero', { anio: 2027 }, jefe)).corte).toBe(0);
  });

  it('semáforo con las bandas de Ajustes; bandas con hueco o traslape se rechazan', async () => {
    const m = await llamar(p.core, 'poa.crearMeta', meta({ programado: [100, 0, 0, 0] }), coord);
    await llamar(p.core, 'poa.capturar', { metaId: m.id, periodo: 1, version: 0, alcanzado: 92 }, coord);
    expect((await llamar(p.core, 'poa.tablero', { anio: 2026, corte: 1 }, jefe)).metas[0].semaforo.color).toBe('verde');
    const aj = await llamar(p.core, 'ajustes.obtener', {}, admin);
    const { version, tieneLogo: _t, carpetaDatos: _c, ...valores } = aj;
    const hueco = await fallar(p.core, 'ajustes.guardar', { ...valores, version, bandas: { verde: { desde: 95 }, amarillo: { desde: 80, hasta: 94 }, rojo: { hasta: 80 } } }, admin);
    expect(hueco.code).toBe('VALIDACION');
    expect(hueco.message).toContain('hueco');
    const traslape = await fallar(p.core, 'ajustes.guardar', { ...valores, version, bandas: { verde: { desde: 95 }, amarillo: { desde: 75, hasta: 96 }, rojo: { hasta: 75 } } }, admin);
    expect(traslape.message).toContain('se traslapan');
    await llamar(p.core, 'ajustes.guardar', { ...valores, version, bandas: { verde: { desde: 95 }, amarillo: { desde: 80, hasta: 95 }, rojo: { hasta: 80 } } }, admin);
    expect((await llamar(p.core, 'poa.tablero', { anio: 2026, corte: 1 }, jefe)).metas[0].semaforo).toMatchObject({ color: 'amarillo', motivo: '92 % de cumplimiento' });
  });

  it('roles: coordinador captura; jefe y administrador leen e imprimen; capturista no entra', async () => {
    const m = await llamar(p.core, 'poa.crearMeta', meta(), coord);
    expect((await fallar(p.core, 'poa.capturar', { metaId: m.id, periodo: 1, version: 0, alcanzado: 1 }, jefe)).code).toBe('PROHIBIDO');
    expect((await fallar(p.core, 'poa.capturar', { metaId: m.id, periodo: 1, version: 0, alcanzado: 1 }, admin)).code).toBe('PROHIBIDO');
    expect((await fallar(p.core, 'poa.cerrarTrimestre', { anio: 2026, trimestre: 1 }, jefe)).code).toBe('PROHIBIDO');
    expect((await llamar(p.core, 'poa.informe', { anio: 2026, tipo: 'anual', formato: 'pdf' }, admin)).nombre).toBe('Informe anual de metas 2026.pdf');
    const cap = await crearUsuarioYEntrar(p.core, admin, 'capturista', 'capturista');
    expect((await fallar(p.core, 'poa.tablero', { anio: 2026 }, cap)).code).toBe('PROHIBIDO');
    expect((await fallar(p.core, 'compromisos.listar', {}, cap)).code).toBe('PROHIBIDO');
    expect((await fallar(p.core, 'compromisos.crear', {}, admin)).code).toBe('PROHIBIDO');
  });

  it('copia las metas de un año al siguiente (sin avances); no sobreescribe un año con metas', async () => {
    const a = await llamar(p.core, 'poa.crearMeta', meta(), coord);
    await llamar(p.core, 'poa.crearMeta', meta({ tipo: 'porcentaje', unidadMedida: '%', programado: [95, 95, 95, 95] }), coord);
    const x = await llamar(p.core, 'poa.crearMeta', meta({ descripcion: 'Cancelada' }), coord);
    await llamar(p.core, 'poa.cancelarMeta', { id: x.id, version: x.version, motivo: 'Se fusionó con la meta 1' }, coord);
    await llamar(p.core, 'poa.capturar', { metaId: a.id, periodo: 1, version: 0, alcanzado: 5 }, coord);
    expect(await llamar(p.core, 'poa.copiarAnio', { origen: 2026, destino: 2027 }, coord)).toEqual({ copiadas: 2 });
    const t = await llamar(p.core, 'poa.tablero', { anio: 2027 }, coord);
    expect(t.metas.map((m) => [m.numero, m.tipo, m.anual.programado, m.anual.alcanzado])).toEqual([[1, 'acumulable', 23, null], [2, 'porcentaje', 95, null]]);
    expect((await fallar(p.core, 'poa.copiarAnio', { origen: 2026, destino: 2027 }, coord)).code).toBe('DUPLICADO');
    expect((await fallar(p.core, 'poa.copiarAnio', { origen: 2030, destino: 2031 }, coord)).code).toBe('VALIDACION');
    expect(await llamar(p.core, 'poa.anios', {}, jefe)).toEqual([{ anio: 2027, metas: 2 }, { anio: 2026, metas: 2 }]);
  });
});
