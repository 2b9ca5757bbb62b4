/**
 * Recordatorios of acuerdos and compromisos (issue 13 §4), not only turnos: one oficio per dependencia with
 * vencidos, the listed columns, the oficio seen from the acuerdo or compromiso it reminds, the tablero's last
 * reminded date; and the anexos of an oficio (attach, list, open, take off while borrador).
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTRASENA, fallar, llamar } from '../ayuda';
import { b64, pdfMinimo } from '../correspondencia/apoyo';
import { nuevaReunion, prepararGabinete, type Gabinete } from '../gabinete/preparar';
import type { Input } from '../../../electron/contract';

let g: Gabinete;
beforeEach(async () => {
  g = await prepararGabinete();
  const a = await llamar(g.p.core, 'ajustes.obtener', {}, g.admin);
  const { version, tieneLogo: _t, carpetaDatos: _c, ...valores } = a;
  await llamar(g.p.core, 'ajustes.guardar', { ...valores, firmanteNombre: 'Lic. Ramón Castillo Valdez', firmanteCargo: 'Jefe de la Oficina', version }, g.admin);
});
afterEach(() => g.p.cerrar());

/** Moves the fixed clock (15/12/2026 10:00 in Hermosillo) and signs the users in again. */
async function alQuinceDeDiciembre() {
  g.p.reloj.ahora = Date.UTC(2026, 11, 15, 17);
  const entrar = async (usuario: string) => (await llamar(g.p.core, 'usuarios.iniciarSesion', { usuario, contrasena: CONTRASENA })).token;
  g.coord = await entrar('coordinadora');
  g.jefe = await entrar('jefe');
}

const texto = (ruta: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ruta, '-'], { encoding: 'utf8' });

async function generar(materia: 'acuerdos' | 'compromisos') {
  const { core } = g.p;
  const v = await llamar(core, 'oficios.recordatorios.vistaPrevia', { corte: '2026-12-15', materia }, g.coord);
  const r = await llamar(core, 'oficios.recordatorios.generar', { corte: '2026-12-15', materia, dependencias: v.filas.map((f) => f.dependenciaId) }, g.coord);
  return { v, r };
}

describe('recordatorios de acuerdos y compromisos', () => {
  it('acuerdos: un oficio por dependencia con vencidos, columnas del acuerdo, el acuerdo lo ve y el tablero la fecha', async () => {
    const { core } = g.p;
    const r = await nuevaReunion(g, 'GL', 'Programa de obra');
    const crear = (descripcion: string, dependenciaId: string, fechaCompromiso: string) =>
      llamar(core, 'gabinete.acuerdos.crear', { reunionId: r.id, descripcion, dependenciaId, fechaCompromiso }, g.coord);
    const a1 = await crear('Presentar el programa de obra 2027', g.dep.SEGOB, '2026-11-25');
    const a2 = await crear('Enviar el padrón de beneficiarios', g.dep.SEGOB, '2026-11-27');
    const a3 = await crear('Publicar la convocatoria de becas', g.dep.SH, '2026-11-30');
    await crear('Informe anual', g.dep.SH, '2027-01-29'); // not due yet

    // Before any is due: a clear message, nothing emitted.
    const nada = await fallar(core, 'oficios.recordatorios.generar', { corte: '2026-11-20', materia: 'acuerdos', dependencias: [g.dep.SEGOB] }, g.coord);
    expect(nada.message).toBe('No hay acuerdos vencidos al 20 de noviembre de 2026: no se generó ningún recordatorio.');

    await alQuinceDeDiciembre();
    const { v, r: hecho } = await generar('acuerdos');
    expect(v.filas.map((f) => [f.siglas, f.vencidos])).toEqual([['SEGOB', 2], ['SH', 1]]);
    expect(hecho.oficios.map((o) => o.numero).sort()).toEqual(['OEE/1/2026', 'OEE/2/2026']);

    const segob = await llamar(core, 'oficios.obtener', { id: hecho.oficios.find((o) => o.dependencia === v.filas[0].dependencia)!.id }, g.coord);
    const t = segob.tablas.acuerdos_vencidos;
    expect(t.columnas.map((c) => c.titulo)).toEqual(['Acuerdo', 'Descripción', 'Fecha comprometida', 'Avance', 'Días hábiles vencidos']);
    expect(t.filas).toEqual([
      ['Acuerdo 1 — ' + r.nombre, 'Presentar el programa de obra 2027', '25/11/2026', '0 %', expect.stringMatching(/^\d+$/)],
      ['Acuerdo 2 — ' + r.nombre, 'Enviar el padrón de beneficiarios', '27/11/2026', '0 %', expect.stringMatching(/^\d+$/)],
    ]);
    expect(Number(t.filas[0][4])).toBeGreaterThan(Number(t.filas[1][4]));
    expect(segob.referencias.map((x) => [x.tipo, x.id])).toEqual([['acuerdo', a1.id], ['acuerdo', a2.id]]);

    // The acuerdo's seguimiento lists the recordatorio that reminded it; another acuerdo does not.
    const delAcuerdo = await llamar(core, 'oficios.listar', { acuerdoId: a1.id }, g.jefe);
    expect(delAcuerdo.filas.map((f) => [f.numero, f.tipo])).toEqual([[segob.numero, 'recordatorio']]);
    expect((await llamar(core, 'oficios.listar', { acuerdoId: a3.id }, g.jefe)).filas[0].dependencia).toBe(v.filas[1].dependencia);

    const tablero = await llamar(core, 'tablero.resumen', {}, g.jefe);
    expect(tablero.vencidosPorDependencia.find((f) => f.dependenciaId === g.dep.SEGOB)!.ultimoRecordatorio).toEqual({ numero: segob.numero, fecha: '2026-12-15' });

    const pdf = await llamar(core, 'oficios.pdf', { ids: [segob.id] }, g.jefe);
    const txt = texto(g.p.core.archivoGenerado(pdf.archivos[0].archivoId, g.jefe)!.ruta);
    expect(txt).toContain('Presentar el programa de obra 2027');
    expect(txt).toMatch(/Acuerdo 1 — I Reunión de[\s\S]*25\/11\/2026/);
    expect(txt).toContain('Página 1 de 1');
  });

  it('compromisos: un oficio por dependencia con vencidos, columnas del compromiso, el compromiso lo ve y el tablero la fecha', async () => {
    const { core } = g.p;
    const ped = (i: Input<'compromisos.ped.guardar'>) => llamar(core, 'compromisos.ped.guardar', i, g.coord);
    const eje = await ped({ nivel: 'eje', clave: '1', texto: 'Sonora seguro' });
    const obj = await ped({ nivel: 'objetivo', padreId: eje.id, clave: '1.1', texto: 'Reducir la incidencia delictiva' });
    const est = await ped({ nivel: 'estrategia', padreId: obj.id, clave: '1.1.1', texto: 'Equipar a las policías municipales' });
    const crear = (descripcion: string, dependenciaId: string, fechaEstimada: string) =>
      llamar(core, 'compromisos.crear', { descripcion, fechaCompromiso: '2021-04-15', municipioClave: '26030', estrategiaId: est.id, dependenciaId, corresponsables: [], fechaEstimada }, g.coord);
    const c1 = await crear('Hospital general de Cajeme', g.dep.SH, '2026-12-01');
    await crear('Carretera a Bahía de Kino', g.dep.SH, '2027-06-30'); // not due

    await alQuinceDeDiciembre();
    const { v, r } = await generar('compromisos');
    expect(v.filas.map((f) => [f.siglas, f.vencidos])).toEqual([['SH', 1]]);
    const o = await llamar(core, 'oficios.obtener', { id: r.oficios[0].id }, g.coord);
    expect(o.tipo).toBe('recordatorio');
    expect(o.tablas.compromisos_vencidos.columnas.map((c) => c.titulo)).toEqual(['Núm.', 'Compromiso', 'Fecha estimada', 'Avance', 'Días hábiles vencidos']);
    expect(o.tablas.compromisos_vencidos.filas).toEqual([[String(c1.numero), 'Hospital general de Cajeme', '01/12/2026', '0 %', '10']]);
    expect(o.referencias).toEqual([{ tipo: 'compromiso', id: c1.id, etiqueta: `Compromiso ${c1.numero}` }]);
    expect((await llamar(core, 'oficios.listar', { compromisoId: c1.id }, g.jefe)).filas.map((f) => f.numero)).toEqual([o.numero]);
    const tablero = await llamar(core, 'tablero.resumen', {}, g.jefe);
    expect(tablero.vencidosPorDependencia.find((f) => f.dependenciaId === g.dep.SH)!.ultimoRecordatorio).toEqual({ numero: o.numero, fecha: '2026-12-15' });
  });
});

describe('anexos del oficio', () => {
  it('se adjuntan, se listan, se abren y se quitan mientras es borrador; emitido ya no se quitan', async () => {
    const { core } = g.p;
    let o = await llamar(core, 'oficios.crear', {
      destinatario: { nombre: 'Ing. Luis Morales', cargo: 'Director General', dependencia: 'Secretaría de Hacienda', dependenciaId: null },
      asunto: 'Envío del padrón', cuerpo: 'Adjunto el padrón solicitado.', firmante: { nombre: 'Lic. Ramón Castillo Valdez', cargo: 'Jefe de la Oficina' },
    }, g.coord);
    const padron = pdfMinimo('Padron de beneficiarios');
    o = await llamar(core, 'oficios.anexos.agregar', { id: o.id, version: o.version, archivos: [{ nombre: 'padron.pdf', contenidoBase64: b64(padron) }, { nombre: 'otro.pdf', contenidoBase64: b64(pdfMinimo('Otro')) }] }, g.coord);
    expect(o.anexos.map((a) => a.nombre)).toEqual(['padron.pdf', 'otro.pdf']);
    const sha = o.anexos[0].sha256;
    // Stored once, in the content-addressed store every anexo uses.
    expect(fs.readFileSync(`${g.p.dataDir}/archivos/${sha.slice(0, 2)}/${sha}`)).toEqual(padron);
    const abierto = await llamar(core, 'oficios.archivo', { id: o.id, sha256: sha }, g.jefe);
    expect(fs.readFileSync(g.p.core.archivoGenerado(abierto.archivoId, g.jefe)!.ruta)).toEqual(padron);

    const viejo = o.version;
    o = await llamar(core, 'oficios.anexos.quitar', { id: o.id, version: o.version, sha256: o.anexos[1].sha256 }, g.coord);
    expect(o.anexos.map((a) => a.nombre)).toEqual(['padron.pdf']);
    expect((await fallar(core, 'oficios.anexos.quitar', { id: o.id, version: viejo, sha256: sha }, g.coord)).code).toBe('CONFLICTO');
    expect((await fallar(core, 'oficios.anexos.quitar', { id: o.id, version: o.version, sha256: 'a'.repeat(64) }, g.coord)).message).toMatch(/anexo/);
    expect((await fallar(core, 'oficios.anexos.quitar', { id: o.id, version: o.version, sha256: sha }, g.jefe)).code).toBe('PROHIBIDO');

    o = await llamar(core, 'oficios.emitir', { id: o.id, version: o.version }, g.coord);
    const e = await fallar(core, 'oficios.anexos.quitar', { id: o.id, version: o.version, sha256: sha }, g.coord);
    expect(e.message).toBe(`El oficio ${o.numero} ya fue emitido: sus anexos forman parte de lo enviado y no se quitan.`);
    expect((await llamar(core, 'oficios.obtener', { id: o.id }, g.jefe)).anexos.map((a) => a.nombre)).toEqual(['padron.pdf']);
  });
});
