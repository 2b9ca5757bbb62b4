import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crearPrueba, llamar, fallar, iniciarComoAdmin, crearUsuarioYEntrar, type Prueba } from '../ayuda';
import type { Input } from '../../../electron/contract';

let p: Prueba;
let admin: string;
let coord: string;
let jefe: string;
let dep: Record<string, string>;
let estrategias: { e111: string; e121: string; e211: string };

beforeEach(async () => {
  p = await crearPrueba();
  admin = await iniciarComoAdmin(p.core);
  coord = await crearUsuarioYEntrar(p.core, admin, 'coordina', 'coordinador');
  jefe = await crearUsuarioYEntrar(p.core, admin, 'jefatura', 'jefe');
  dep = Object.fromEntries((await llamar(p.core, 'catalogos.dependencias.listar', {}, admin)).map((d) => [d.clave, d.id]));
  const g = (i: Input<'compromisos.ped.guardar'>) => llamar(p.core, 'compromisos.ped.guardar', i, coord);
  const eje1 = await g({ nivel: 'eje', clave: '1', texto: 'Sonora seguro y en paz' });
  const eje2 = await g({ nivel: 'eje', clave: '2', texto: 'Economía con bienestar' });
  const o11 = await g({ nivel: 'objetivo', padreId: eje1.id, clave: '1.1', texto: 'Reducir la incidencia delictiva' });
  const o12 = await g({ nivel: 'objetivo', padreId: eje1.id, clave: '1.2', texto: 'Fortalecer la procuración de justicia' });
  const o21 = await g({ nivel: 'objetivo', padreId: eje2.id, clave: '2.1', texto: 'Impulsar la inversión' });
  estrategias = {
    e111: (await g({ nivel: 'estrategia', padreId: o11.id, clave: '1.1.1', texto: 'Equipar a las policías municipales' })).id,
    e121: (await g({ nivel: 'estrategia', padreId: o12.id, clave: '1.2.1', texto: 'Modernizar las fiscalías regionales' })).id,
    e211: (await g({ nivel: 'estrategia', padreId: o21.id, clave: '2.1.1', texto: 'Atraer inversión a la región del Mayo' })).id,
  };
});
afterEach(() => p.cerrar());

function base(extra: Partial<Input<'compromisos.crear'>> = {}): Input<'compromisos.crear'> {
  return {
    descripcion: 'Construcción del hospital general de especialidades',
    fechaCompromiso: '2021-04-15',
    municipioClave: '26030',
    estrategiaId: estrategias.e111,
    dependenciaId: dep.SEGOB ?? Object.values(dep)[0],
    corresponsables: [],
    fechaEstimada: '2027-06-30',
    ...extra,
  };
}

describe('Plan Estatal de Desarrollo', () => {
  it('jerarquía eje › objetivo › estrategia editable con versión; niveles y claves validados', async () => {
    const ped = await llamar(p.core, 'compromisos.ped.listar', {}, jefe);
    expect(ped).toHaveLength(8);
    const eje = ped.find((e) => e.clave === '1')!;
    const editado = await llamar(p.core, 'compromisos.ped.guardar', { ...eje, texto: 'Sonora en paz' }, coord);
    expect(editado).toMatchObject({ texto: 'Sonora en paz', version: 1 });
    expect((await fallar(p.core, 'compromisos.ped.guardar', { ...eje, texto: 'Otro' }, coord)).code).toBe('CONFLICTO');
    const sinPadre = await fallar(p.core, 'compromisos.ped.guardar', { nivel: 'estrategia', clave: '9.9.9', texto: 'x' }, coord);
    expect(sinPadre).toMatchObject({ code: 'VALIDACION', message: 'Elija el objetivo al que pertenece la estrategia.' });
    const padreMal = await fallar(p.core, 'compromisos.ped.guardar', { nivel: 'estrategia', padreId: eje.id, clave: '9.9.9', texto: 'x' }, coord);
    expect(padreMal.code).toBe('VALIDACION');
    expect((await fallar(p.core, 'compromisos.ped.guardar', { nivel: 'eje', clave: '1', texto: 'Repetido' }, coord)).code).toBe('DUPLICADO');
    expect((await fallar(p.core, 'compromisos.ped.guardar', { nivel: 'eje', clave: '3', texto: 'x' }, jefe)).code).toBe('PROHIBIDO');
    // Deactivating: aligned compromisos keep it; new alignments are refused.
    const c = await llamar(p.core, 'compromisos.crear', base(), coord);
    const e111 = (await llamar(p.core, 'compromisos.ped.listar', {}, coord)).find((e) => e.id === estrategias.e111)!;
    await llamar(p.core, 'compromisos.ped.cambiarActiva', { id: e111.id, version: e111.version, activa: false }, admin);
    expect((await llamar(p.core, 'compromisos.ped.listar', {}, coord)).map((e) => e.clave)).not.toContain('1.1.1');
    expect((await llamar(p.core, 'compromisos.ped.listar', { incluirInactivas: true }, coord)).map((e) => e.clave)).toContain('1.1.1');
    expect((await llamar(p.core, 'compromisos.actualizar', { ...base({ descripcion: 'Editado' }), id: c.id, version: c.version, numero: 1 }, coord)).alineacion.estrategiaClave).toBe('1.1.1');
    expect((await fallar(p.core, 'compromisos.crear', base(), coord)).message).toBe('Alineación: la estrategia 1.1.1 está inactiva; elija una vigente.');
  });
});

describe('compromisos', () => {
  it('crea con número consecutivo, alineación, municipio o Estatal y corresponsables; jefe solo lee', async () => {
    const c1 = await llamar(p.core, 'compromisos.crear', base({ corresponsables: [dep.SSP ?? Object.values(dep)[1]] }), coord);
    expect(c1).toMatchObject({ numero: 1, municipio: 'Hermosillo', estatus: 'sin_avance', avance: 0, version: 0 });
    expect(c1.alineacion).toMatchObject({ ejeClave: '1', objetivoClave: '1.1', estrategiaClave: '1.1.1' });
    expect(c1.semaforo).toMatchObject({ color: 'rojo', etiqueta: 'Sin avance' });
    expect(c1.corresponsables).toHaveLength(1);
    const c2 = await llamar(p.core, 'compromisos.crear', base({ municipioClave: null, descripcion: 'Programa estatal de becas' }), coord);
    expect(c2).toMatchObject({ numero: 2, municipio: 'Estatal', municipioClave: null });
    expect((await fallar(p.core, 'compromisos.crear', base(), jefe)).code).toBe('PROHIBIDO');
    const lista = await llamar(p.core, 'compromisos.listar', {}, jefe);
    expect(lista.total).toBe(2);
    expect(lista.siguienteNumero).toBe(3);
  });

  it('número duplicado: DUPLICADO y nada cambia', async () => {
    await llamar(p.core, 'compromisos.crear', base({ numero: 7 }), coord);
    const e = await fallar(p.core, 'compromisos.crear', base({ numero: 7, descripcion: 'Otro' }), coord);
    expect(e).toMatchObject({ code: 'DUPLICADO', message: 'Ya existe el compromiso número 7.' });
    const otro = await llamar(p.core, 'compromisos.crear', base({ numero: 8 }), coord);
    expect((await fallar(p.core, 'compromisos.actualizar', { ...base(), id: otro.id, version: otro.version, numero: 7 }, coord)).code).toBe('DUPLICADO');
    expect((await llamar(p.core, 'compromisos.listar', {}, coord)).total).toBe(2);
  });

  it('municipio que no es uno de los 72: VALIDACION con el campo', async () => {
    const e = await fallar(p.core, 'compromisos.crear', base({ municipioClave: '26999' }), coord);
    expect(e.code).toBe('VALIDACION');
    expect(e.message).toContain('no es uno de los 72 municipios de Sonora');
    expect(e.details).toEqual([expect.objectContaining({ campo: 'municipioClave' })]);
    expect((await fallar(p.core, 'compromisos.crear', base({ municipioClave: '09001' }), coord)).code).toBe('VALIDACION');
    expect((await llamar(p.core, 'compromisos.listar', {}, coord)).total).toBe(0);
  });

  it('texto enorme, fechas imposibles y alineación que no es estrategia se rechazan', async () => {
    expect((await fallar(p.core, 'compromisos.crear', base({ descripcion: 'x'.repeat(2001) }), coord)).message).toContain('máximo 2,000');
    expect((await fallar(p.core, 'compromisos.crear', base({ fechaCompromiso: '2021-02-31' }), coord)).code).toBe('VALIDACION');
    const eje = (await llamar(p.core, 'compromisos.ped.listar', {}, coord)).find((e) => e.nivel === 'eje')!;
    expect((await fallar(p.core, 'compromisos.crear', base({ estrategiaId: eje.id }), coord)).message).toContain('elija una estrategia');
  });

  it('dos personas editan el mismo compromiso: la segunda recibe CONFLICTO y no se pierde nada', async () => {
    const c = await llamar(p.core, 'compromisos.crear', base(), coord);
    const otra = await crearUsuarioYEntrar(p.core, admin, 'coordina2', 'coordinador');
    const a = await llamar(p.core, 'compromisos.actualizar', { ...base(), id: c.id, version: c.version, numero: 1, descripcion: 'Versión de la persona A' }, coord);
    expect(a.version).toBe(1);
    const e = await fallar(p.core, 'compromisos.actualizar', { ...base(), id: c.id, version: c.version, numero: 1, descripcion: 'Versión de la persona B' }, otra);
    expect(e.code).toBe('CONFLICTO');
    expect(e.message).toContain('Otra persona modificó el compromiso');
    expect((await llamar(p.core, 'compromisos.obtener', { id: c.id }, coord)).descripcion).toBe('Versión de la persona A');
    // Every write is in the bitácora with who did it, before and after.
    const bit = await llamar(p.core, 'bitacora.listar', { entidad: 'compromiso', entidadId: c.id }, admin);
    expect(bit.map((b) => [b.metodo, b.usuario])).toEqual([['compromisos.actualizar', 'coordina'], ['compromisos.crear', 'coordina']]);
    expect(bit[0]).toMatchObject({ antes: expect.objectContaining({ descripcion: base().descripcion }), despues: expect.objectContaining({ descripcion: 'Versión de la persona A' }) });
    // A follow-up on a stale version is refused too.
    const s = await fallar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: c.id, version: 0, fecha: '2026-11-20', nota: 'x', avance: 10 }, otra);
    expect(s.code).toBe('CONFLICTO');
  });

  it('seguimientos: historial fechado y con autor; en proceso → cumplido (100 %); no procedente exige motivo', async () => {
    let c = await llamar(p.core, 'compromisos.crear', base(), coord);
    c = await llamar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: c.id, version: c.version, fecha: '2026-11-10', nota: 'Licitación publicada', avance: 40 }, coord);
    expect(c).toMatchObject({ estatus: 'en_proceso', avance: 40 });
    expect(c.semaforo.color).toBe('amarillo');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
    c = await llamar(
      p.core,
      'compromisos.agregarSeguimiento',
      { compromisoId: c.id, version: c.version, fecha: '2026-11-20', nota: 'Obra entregada', estatus: 'cumplido', evidencia: { nombre: 'acta.pdf', contenidoBase64: pdf } },
      coord,
    );
    expect(c).toMatchObject({ estatus: 'cumplido', avance: 100 });
    expect(c.semaforo).toMatchObject({ color: 'verde', etiqueta: 'Cumplido' });
    expect(c.seguimientos).toHaveLength(2);
    expect(c.seguimientos[0]).toMatchObject({ fecha: '2026-11-20', estatusAnterior: 'en_proceso', estatus: 'cumplido', avanceAnterior: 40, avance: 100, autor: 'Persona coordina' });
    expect(c.seguimientos[0].evidencia?.nombre).toBe('acta.pdf');
    const ev = await llamar(p.core, 'compromisos.evidencia', { seguimientoId: c.seguimientos[0].id }, jefe);
    expect(ev.nombre).toBe('acta.pdf');

    const d = await llamar(p.core, 'compromisos.crear', base({ descripcion: 'Puerto seco' }), coord);
    const sinMotivo = await fallar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: d.id, version: d.version, fecha: '2026-11-20', nota: 'No aplica', estatus: 'no_procedente' }, coord);
    expect(sinMotivo).toMatchObject({ code: 'VALIDACION', message: 'Para marcar el compromiso como no procedente escriba el motivo.' });
    const np = await llamar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: d.id, version: d.version, fecha: '2026-11-20', nota: 'Se revisó', estatus: 'no_procedente', motivo: 'Competencia federal' }, coord);
    expect(np).toMatchObject({ estatus: 'no_procedente', motivoNoProcedente: 'Competencia federal' });
    expect(np.semaforo).toMatchObject({ color: 'gris', motivo: 'Competencia federal' });
    // A wrong evidence type is refused and nothing is recorded.
    const malo = await fallar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: d.id, version: np.version, fecha: '2026-11-20', nota: 'x', evidencia: { nombre: 'a.pdf', contenidoBase64: Buffer.from('hola').toString('base64') } }, coord);
    expect(malo.code).toBe('ARCHIVO');
    expect((await llamar(p.core, 'compromisos.obtener', { id: d.id }, coord)).seguimientos).toHaveLength(1);
  });

  it('avance mayor a 100 o negativo, cumplido con avance distinto de 100 y fecha futura se rechazan', async () => {
    const c = await llamar(p.core, 'compromisos.crear', base(), coord);
    const s = { compromisoId: c.id, version: c.version, fecha: '2026-11-20', nota: 'x' };
    expect((await fallar(p.core, 'compromisos.agregarSeguimiento', { ...s, avance: 101 }, coord)).message).toBe('Avance: no puede pasar de 100 %.');
    expect((await fallar(p.core, 'compromisos.agregarSeguimiento', { ...s, avance: -5 }, coord)).message).toBe('Avance: no puede ser negativo (0 a 100 %).');
    expect((await fallar(p.core, 'compromisos.agregarSeguimiento', { ...s, avance: 12.5 }, coord)).code).toBe('VALIDACION');
    expect((await fallar(p.core, 'compromisos.agregarSeguimiento', { ...s, estatus: 'cumplido', avance: 80 }, coord)).message).toBe('Un compromiso cumplido tiene 100 % de avance.');
    expect((await fallar(p.core, 'compromisos.agregarSeguimiento', { ...s, fecha: '2026-11-21', avance: 5 }, coord)).message).toContain('no puede ser futura');
    const d = await llamar(p.core, 'compromisos.obtener', { id: c.id }, coord);
    expect(d).toMatchObject({ avance: 0, estatus: 'sin_avance', version: 0, seguimientos: [] });
  });

  it('lista con filtros y búsqueda sin acentos', async () => {
    const ssp = dep.SSP ?? Object.values(dep)[1];
    const segob = base().dependenciaId;
    const a = await llamar(p.core, 'compromisos.crear', base({ descripcion: 'Ampliación del Hospital de Guaymas', municipioClave: '26029', fechaCompromiso: '2021-03-01' }), coord);
    const b = await llamar(p.core, 'compromisos.crear', base({ descripcion: 'Policía estatal de proximidad', municipioClave: null, dependenciaId: ssp, estrategiaId: estrategias.e121 }), coord);
    await llamar(p.core, 'compromisos.crear', base({ descripcion: 'Parque industrial en Navojoa', municipioClave: '26042', estrategiaId: estrategias.e211, fechaCompromiso: '2021-05-20' }), coord);
    await llamar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: a.id, version: 0, fecha: '2026-11-20', nota: 'avance', avance: 60 }, coord);
    const buscar = async (f: Input<'compromisos.listar'>) => (await llamar(p.core, 'compromisos.listar', f, jefe)).items.map((i) => i.numero);
    expect(await buscar({ texto: 'policia' })).toEqual([2]);
    expect(await buscar({ texto: 'AMPLIACION guaymas' })).toEqual([1]);
    expect(await buscar({ texto: 'hospital navojoa' })).toEqual([]);
    expect(await buscar({ texto: '100%_' })).toEqual([]);
    expect(await buscar({ dependenciaId: ssp })).toEqual([2]);
    expect(await buscar({ dependenciaId: segob })).toEqual([1, 3]);
    expect(await buscar({ municipio: 'ESTATAL' })).toEqual([2]);
    expect(await buscar({ municipio: '26042' })).toEqual([3]);
    const ejes = await llamar(p.core, 'compromisos.ped.listar', {}, jefe);
    expect(await buscar({ ejeId: ejes.find((e) => e.clave === '1')!.id })).toEqual([1, 2]);
    expect(await buscar({ objetivoId: ejes.find((e) => e.clave === '1.2')!.id })).toEqual([2]);
    expect(await buscar({ estrategiaId: estrategias.e211 })).toEqual([3]);
    expect(await buscar({ estatus: ['en_proceso'] })).toEqual([1]);
    expect(await buscar({ semaforo: ['rojo'] })).toEqual([2, 3]);
    expect(await buscar({ avanceMin: 50, avanceMax: 100 })).toEqual([1]);
    expect(await buscar({ plazo: ['en_riesgo'] })).toEqual([1, 2, 3]);
    expect(await buscar({ plazo: ['vencido', 'concluido'] })).toEqual([]);
    expect(await buscar({ fechaDesde: '2021-04-01', fechaHasta: '2021-12-31' })).toEqual([2, 3]);
    // Names of dependencias are searched live: a renamed dependencia is found by its new name; corresponsables too.
    const d = (await llamar(p.core, 'catalogos.dependencias.listar', {}, admin)).find((x) => x.id === ssp)!;
    await llamar(p.core, 'catalogos.dependencias.guardar', { ...d, nombre: 'Secretaría de Seguridad Ciudadana' }, admin);
    expect(await buscar({ texto: 'ciudadana' })).toEqual([2]);
    const c3 = (await llamar(p.core, 'compromisos.listar', { texto: 'navojoa' }, coord)).items[0];
    await llamar(p.core, 'compromisos.actualizar', { ...base({ descripcion: c3.descripcion, municipioClave: '26042', estrategiaId: estrategias.e211, fechaCompromiso: '2021-05-20', corresponsables: [ssp] }), id: c3.id, version: c3.version, numero: 3 }, coord);
    expect(await buscar({ texto: 'ciudadana' })).toEqual([2, 3]);
    expect(b.plazo).toMatchObject({ clave: 'en_riesgo', motivo: expect.stringContaining('esperado') });
  });

  it('semáforo de cumplimiento general, por dependencia, municipio y eje: totales y porcentajes que suman', async () => {
    const ssp = dep.SSP ?? Object.values(dep)[1];
    const crear = (x: Partial<Input<'compromisos.crear'>>) => llamar(p.core, 'compromisos.crear', base(x), coord);
    const seg = async (id: string, cambio: { estatus?: 'cumplido' | 'no_procedente' | 'en_proceso'; avance?: number; motivo?: string }) => {
      const c = await llamar(p.core, 'compromisos.obtener', { id }, coord);
      return llamar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: id, version: c.version, fecha: '2026-11-20', nota: 'seguimiento', ...cambio }, coord);
    };
    const c1 = await crear({});
    const c2 = await crear({ municipioClave: null });
    const c3 = await crear({ dependenciaId: ssp, estrategiaId: estrategias.e211 });
    const c4 = await crear({ dependenciaId: ssp, estrategiaId: null });
    await crear({ dependenciaId: ssp });
    await crear({ municipioClave: '26029' });
    await seg(c1.id, { estatus: 'cumplido' });
    await seg(c2.id, { avance: 30 });
    await seg(c3.id, { avance: 50 });
    await seg(c4.id, { estatus: 'no_procedente', motivo: 'Duplicado de otro compromiso' });
    const s = await llamar(p.core, 'compromisos.semaforo', {}, jefe);
    expect(s.general).toMatchObject({ total: 6, contados: 5, cumplido: 1, en_proceso: 2, sin_avance: 2, no_procedente: 1 });
    expect(s.general.porcentajes).toEqual({ cumplido: 20, en_proceso: 40, sin_avance: 40 });
    for (const g of [...s.porDependencia, ...s.porMunicipio, ...s.porEje]) {
      const suma = g.porcentajes.cumplido + g.porcentajes.en_proceso + g.porcentajes.sin_avance;
      expect(Math.abs(suma - (g.contados ? 100 : 0))).toBeLessThanOrEqual(0.2);
      expect(g.cumplido + g.en_proceso + g.sin_avance + g.no_procedente).toBe(g.total);
    }
    const sumaTotales = (xs: { total: number }[]) => xs.reduce((a, b) => a + b.total, 0);
    expect(sumaTotales(s.porDependencia)).toBe(6);
    expect(sumaTotales(s.porMunicipio)).toBe(6);
    expect(sumaTotales(s.porEje)).toBe(6);
    expect(s.porMunicipio.find((m) => m.clave === 'ESTATAL')).toMatchObject({ nombre: 'Estatal', total: 1 });
    expect(s.porEje.find((m) => m.clave === 'SIN_EJE')).toMatchObject({ nombre: 'Sin alineación', total: 1 });
    const sspG = s.porDependencia.find((d) => d.clave === ssp)!;
    expect(sspG).toMatchObject({ total: 3, contados: 2, en_proceso: 1, sin_avance: 1, no_procedente: 1, porcentajes: { cumplido: 0, en_proceso: 50, sin_avance: 50 } });
  });
});

describe('tablero: cada cifra de plazo abre la lista que la explica (issue #12)', () => {
  it('vencidos, en riesgo, a tiempo y sin fecha llevan a listas con exactamente esos compromisos', async () => {
    for (const fechaEstimada of ['2026-10-01', '2026-11-01', '2026-11-25', '2028-01-31', '2028-06-30', null]) {
      await llamar(p.core, 'compromisos.crear', base({ fechaEstimada }), coord);
    }
    const r = await llamar(p.core, 'tablero.resumen', {}, jefe);
    const tarjeta = r.tarjetas.find((t) => t.modulo === 'compromisos')!;
    const enlaces = new Set<string>();
    for (const cifra of tarjeta.plazo) {
      expect(cifra.enlace).toBeTruthy();
      enlaces.add(cifra.enlace!);
      const q = new URL(cifra.enlace!, 'http://x').searchParams;
      const lista = await llamar(p.core, 'compromisos.listar', {
        texto: '',
        estatus: q.get('estatus')!.split(',') as never,
        plazo: q.get('plazo')!.split(',') as never,
      }, jefe);
      expect({ cifra: cifra.clave, total: lista.total }).toEqual({ cifra: cifra.clave, total: cifra.valor });
    }
    expect(enlaces.size).toBe(tarjeta.plazo.length);
    expect(tarjeta.plazo.reduce((a, b) => a + b.valor, 0)).toBe(6);
  });
});
