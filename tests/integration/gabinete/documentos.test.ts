import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fallar, llamar } from '../ayuda';
import { nuevaReunion, prepararGabinete, type Gabinete } from './preparar';

let g: Gabinete;
beforeEach(async () => {
  g = await prepararGabinete();
});
afterEach(() => g.p.cerrar());

function ruta(archivoId: string, sesion: string): string {
  const a = g.p.core.archivoGenerado(archivoId, sesion);
  if (!a) throw new Error('archivo generado no encontrado');
  // GAB_DOCS=/tmp/x keeps a copy of every document to look at (pdftoppm -png).
  if (process.env.GAB_DOCS) fs.mkdirSync(process.env.GAB_DOCS, { recursive: true }), fs.copyFileSync(a.ruta, `${process.env.GAB_DOCS}/${a.nombre}`);
  return a.ruta;
}
function paginas(r: string): string[] {
  const t = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', r, '-'], { encoding: 'utf8' });
  return t.split('\f').filter((p, i, a) => i < a.length - 1 || p.trim() !== '');
}
const plano = (s: string) => s.replace(/\s+/g, ' ');

async function reunionCompleta() {
  const r = await nuevaReunion(g, 'GLA', '', { sede: 'Salón Sonora, Palacio de Gobierno' });
  const conv = await llamar(g.p.core, 'gabinete.convocados.agregar', { reunionId: r.id, funcionarioIds: g.funcionarios }, g.coord);
  await llamar(g.p.core, 'gabinete.asistencia.registrar', { id: conv[0].id, version: conv[0].version, asistencia: 'asistio' }, g.coord);
  await llamar(g.p.core, 'gabinete.asistencia.registrar', { id: conv[1].id, version: conv[1].version, asistencia: 'representante', representante: 'Mtra. Laura Ríos' }, g.coord);
  await llamar(g.p.core, 'gabinete.asistencia.registrar', { id: conv[2].id, version: conv[2].version, asistencia: 'no_asistio' }, g.coord);
  await llamar(g.p.core, 'gabinete.orden.guardar', { reunionId: r.id, titulo: 'Lista de asistencia y declaración de quórum', presentador: 'Coordinación de Gabinete' }, g.coord);
  await llamar(g.p.core, 'gabinete.orden.guardar', { reunionId: r.id, titulo: 'Estrategia de seguridad en carreteras', presentador: 'Secretaría de Seguridad Pública' }, g.coord);
  const acuerdos = [];
  for (const [desc, dep, fc] of [
    ['Instalar la mesa estatal de seguridad carretera', g.dep.SEGOB, '2026-12-01'],
    ['Publicar el padrón de obras prioritarias 2027', g.dep.SH, '2026-11-27'],
    ['Informar el avance del programa de becas', g.dep.SEGOB, null],
  ] as const) {
    acuerdos.push(await llamar(g.p.core, 'gabinete.acuerdos.crear', { reunionId: r.id, descripcion: desc, dependenciaId: dep, fechaCompromiso: fc, corresponsables: [] }, g.coord));
  }
  return { r, acuerdos };
}

describe('documentos de la reunión', () => {
  it('convocatoria: un oficio por convocado con fecha, lugar y orden del día', async () => {
    const { r } = await reunionCompleta();
    const doc = await llamar(g.p.core, 'gabinete.documentos.convocatoria', { reunionId: r.id }, g.coord);
    expect(doc.nombre).toBe('Convocatoria - I Reunión de Gabinete Legal y Ampliado (20-11-2026).pdf');
    const ps = paginas(ruta(doc.archivoId, g.coord));
    expect(ps).toHaveLength(4);
    for (const [i, p] of ps.entries()) {
      const t = plano(p);
      expect(t).toContain(`Funcionario ${i + 1}`);
      expect(t).toContain('I Reunión de Gabinete Legal y Ampliado');
      expect(t).toContain('20 de noviembre de 2026 a las 10:00 horas en Salón Sonora, Palacio de Gobierno, Hermosillo, Sonora');
      expect(t).toContain('2. Estrategia de seguridad en carreteras (presenta: Secretaría de Seguridad Pública)');
      expect(t).toContain(`Página ${i + 1} de 4`);
    }
    const vacia = await nuevaReunion(g, 'GL');
    expect((await fallar(g.p.core, 'gabinete.documentos.convocatoria', { reunionId: vacia.id }, g.coord)).message).toContain('no tiene convocados');
  });

  it('lista de asistencia con columna de firma, orden del día', async () => {
    const { r } = await reunionCompleta();
    const lista = plano(paginas(ruta((await llamar(g.p.core, 'gabinete.documentos.listaAsistencia', { reunionId: r.id }, g.jefe)).archivoId, g.jefe)).join('\n'));
    expect(lista).toContain('Lista de asistencia');
    expect(lista).toMatch(/No\. Nombre Cargo Dependencia Asistencia Firma/);
    expect(lista).toContain('Mtra. Laura Ríos');
    expect(lista).toContain('representación');
    expect(lista).toContain('No asistió');
    const orden = plano(paginas(ruta((await llamar(g.p.core, 'gabinete.documentos.ordenDia', { reunionId: r.id }, g.jefe)).archivoId, g.jefe)).join('\n'));
    expect(orden).toContain('1 Lista de asistencia y declaración de quórum Coordinación de Gabinete');
  });

  it('flujo completo: minuta al cerrar y carpeta estratégica de la siguiente reunión con los dos acuerdos abiertos', async () => {
    const { r, acuerdos } = await reunionCompleta();
    const borrador = plano(paginas(ruta((await llamar(g.p.core, 'gabinete.documentos.minuta', { reunionId: r.id }, g.coord)).archivoId, g.coord)).join('\n'));
    expect(borrador).toContain('BORRADOR');
    const cerrada = await llamar(g.p.core, 'gabinete.reuniones.cerrar', { id: r.id, version: (await llamar(g.p.core, 'gabinete.reuniones.obtener', { id: r.id }, g.coord)).version }, g.coord);
    expect(cerrada.estatus).toBe('cerrada');
    await llamar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: acuerdos[0].id, version: acuerdos[0].version, fecha: '2026-11-20', nota: 'Mesa instalada', estatus: 'concluido' }, g.coord);

    const minuta = plano(paginas(ruta((await llamar(g.p.core, 'gabinete.documentos.minuta', { reunionId: r.id }, g.jefe)).archivoId, g.jefe)).join('\n'));
    expect(minuta).toContain('Minuta de acuerdos');
    expect(minuta).not.toContain('BORRADOR');
    expect(minuta).toContain('Acuerdos (3)');
    for (const c of ['GLA-I-01', 'GLA-I-02', 'GLA-I-03']) expect(minuta).toContain(c);
    expect(minuta).toContain('Instalar la mesa estatal de seguridad carretera');
    expect(minuta).toContain('Representante: Mtra. Laura Ríos');

    const siguiente = await nuevaReunion(g, 'GLA', '', { fecha: '2026-12-04' });
    expect(siguiente.nombre).toBe('II Reunión de Gabinete Legal y Ampliado');
    await llamar(g.p.core, 'gabinete.tarjetas.guardar', { reunionId: siguiente.id, titulo: 'Programa de becas', contenido: 'Se entregaron 12,000 becas en el ciclo escolar.', dependenciaId: g.dep.SEGOB }, g.coord);
    // A meeting of another tipo must not bring its acuerdos.
    const otra = await nuevaReunion(g, 'GL');
    await llamar(g.p.core, 'gabinete.acuerdos.crear', { reunionId: otra.id, descripcion: 'Acuerdo de otro gabinete', dependenciaId: g.dep.SH }, g.coord);
    const ps = paginas(ruta((await llamar(g.p.core, 'gabinete.documentos.carpeta', { reunionId: siguiente.id }, g.jefe)).archivoId, g.jefe));
    const portada = plano(ps[0]);
    expect(portada).toContain('Carpeta estratégica');
    expect(portada).toContain('II Reunión de Gabinete Legal y Ampliado');
    expect(portada).toContain('4 de diciembre de 2026');
    const carpeta = plano(ps.join('\n'));
    expect(carpeta).toContain('Seguimiento de acuerdos de reuniones anteriores');
    expect(carpeta).toContain('2 acuerdos abiertos');
    expect(carpeta).toContain('GLA-I-02');
    expect(carpeta).toContain('GLA-I-03');
    expect(carpeta).not.toContain('GLA-I-01');
    expect(carpeta).not.toContain('Acuerdo de otro gabinete');
    expect(carpeta).toContain('Por iniciar');
    expect(carpeta).toContain('Sin plazo');
    expect(carpeta).toContain('Programa de becas');
    expect(carpeta).toContain('Se entregaron 12,000 becas');
  });

  it('carpeta estratégica: con la misma fecha y hora, cuenta como anterior la reunión registrada primero', async () => {
    const primera = await nuevaReunion(g, 'GL');
    const segunda = await nuevaReunion(g, 'GL');
    await llamar(g.p.core, 'gabinete.acuerdos.crear', { reunionId: primera.id, descripcion: 'Acuerdo de la primera', dependenciaId: g.dep.SH }, g.coord);
    await llamar(g.p.core, 'gabinete.acuerdos.crear', { reunionId: segunda.id, descripcion: 'Acuerdo de la segunda', dependenciaId: g.dep.SH }, g.coord);
    const deLaSegunda = plano(paginas(ruta((await llamar(g.p.core, 'gabinete.documentos.carpeta', { reunionId: segunda.id }, g.coord)).archivoId, g.coord)).join('\n'));
    expect(deLaSegunda).toContain('GL-I-01');
    expect(deLaSegunda).not.toContain('GL-II-01');
    const deLaPrimera = plano(paginas(ruta((await llamar(g.p.core, 'gabinete.documentos.carpeta', { reunionId: primera.id }, g.coord)).archivoId, g.coord)).join('\n'));
    expect(deLaPrimera).toContain('No hay acuerdos abiertos de reuniones anteriores');
  });

  it('acuerdos por dependencia en Excel y PDF, leídos de vuelta', async () => {
    const { acuerdos } = await reunionCompleta();
    await llamar(g.p.core, 'gabinete.acuerdos.seguimiento', { acuerdoId: acuerdos[1].id, version: acuerdos[1].version, fecha: '2026-11-20', nota: 'Avance', avance: 50 }, g.coord);
    const x = await llamar(g.p.core, 'gabinete.documentos.acuerdosPorDependencia', { formato: 'xlsx', filtros: {} }, g.jefe);
    expect(x.nombre).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ruta(x.archivoId, g.jefe));
    const resumen = wb.getWorksheet('Resumen')!;
    const textos: string[] = [];
    resumen.eachRow((row) => textos.push(row.values!.toString()));
    expect(textos.join('\n')).toContain('Secretaría de Gobierno');
    const hojaAcuerdos = wb.getWorksheet('Acuerdos')!;
    const filas: string[] = [];
    hojaAcuerdos.eachRow((row) => filas.push((row.values as unknown[]).map(String).join('|')));
    const todo = filas.join('\n');
    expect(todo).toContain('GLA-I-02');
    expect(todo).toContain('Publicar el padrón de obras prioritarias 2027');
    expect(todo).toContain('En proceso');
    expect(filas.filter((f) => f.includes('GLA-I-'))).toHaveLength(3);

    const p = await llamar(g.p.core, 'gabinete.documentos.acuerdosPorDependencia', { formato: 'pdf', filtros: { dependenciaId: g.dep.SEGOB } }, g.jefe);
    const t = plano(paginas(ruta(p.archivoId, g.jefe)).join('\n'));
    expect(t).toContain('Acuerdos por dependencia');
    expect(t).toContain('Secretaría de Gobierno (2)');
    expect(t).not.toContain('Secretaría de Hacienda (');
  });

  it('1,000 acuerdos en una reunión: la minuta se imprime completa', async () => {
    const r = await nuevaReunion(g, 'GLA');
    const ahora = Date.now();
    for (let i = 0; i < 1000; i++) {
      await g.p.core.call('gabinete.acuerdos.crear', { reunionId: r.id, descripcion: `Acuerdo ${i + 1}: dar seguimiento puntual al programa con su dependencia`, dependenciaId: i % 2 ? g.dep.SEGOB : g.dep.SH }, { sesion: g.coord });
    }
    const t0 = Date.now();
    const m = await llamar(g.p.core, 'gabinete.documentos.minuta', { reunionId: r.id }, g.jefe);
    const ms = Date.now() - t0;
    const ps = paginas(ruta(m.archivoId, g.jefe));
    expect(ps.length).toBeGreaterThan(20);
    const t = plano(ps.join('\n'));
    expect(t).toContain('GLA-I-1000');
    expect(t).toContain('Acuerdo 1000:');
    expect(plano(ps.at(-1)!)).toContain(`Página ${ps.length} de ${ps.length}`);
    console.log(`minuta de 1,000 acuerdos: ${ps.length} páginas en ${ms} ms (captura ${t0 - ahora} ms)`);
    expect(fs.statSync(ruta(m.archivoId, g.jefe)).size).toBeGreaterThan(10_000);
  });
});

describe('documentos que se firman (issue #12)', () => {
  it('minuta con bloques de firma, lista de asistencia con línea para firmar y acuerdos por dependencia de la reunión con porcentajes', async () => {
    const { r } = await reunionCompleta();
    const version = (await llamar(g.p.core, 'gabinete.reuniones.obtener', { id: r.id }, g.coord)).version;
    await llamar(g.p.core, 'gabinete.reuniones.cerrar', { id: r.id, version }, g.coord);
    const minuta = plano(paginas(ruta((await llamar(g.p.core, 'gabinete.documentos.minuta', { reunionId: r.id }, g.jefe)).archivoId, g.jefe)).join('\n'));
    expect(minuta).toMatch(/Firmas.*Elaboró.*Revisó.*Vo\. Bo\./);
    // Who closed the meeting signs as Elaboró, even when someone else prints it.
    expect(minuta).toContain('Persona coordinadora');
    expect(minuta).toContain('Titular de la Coordinación Ejecutiva');

    const lista = paginas(ruta((await llamar(g.p.core, 'gabinete.documentos.listaAsistencia', { reunionId: r.id }, g.jefe)).archivoId, g.jefe)).join('\n');
    expect(lista.match(/_{30,}/g)).toHaveLength(4); // one signing line per convocado

    const pdf = plano(paginas(ruta((await llamar(g.p.core, 'gabinete.documentos.acuerdosPorDependencia', { filtros: { reunionId: r.id }, formato: 'pdf' }, g.jefe)).archivoId, g.jefe)).join('\n'));
    expect(pdf).toContain('Referencia: I Reunión de Gabinete Legal y Ampliado');
    expect(pdf).toMatch(/Acuerdos Concluidos % .*concluidos/);
    expect(pdf).toContain('% por iniciar');
    // SEGOB 2 por iniciar of 2 → 100 %; SH 1 of 1; TOTAL 3 of 3.
    expect(pdf).toMatch(/TOTAL 3 0 0 ?% 0 0 ?% 3 100 ?%/);

    const xlsx = await llamar(g.p.core, 'gabinete.documentos.acuerdosPorDependencia', { filtros: { reunionId: r.id }, formato: 'xlsx' }, g.jefe);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ruta(xlsx.archivoId, g.jefe));
    const hojaResumen = wb.getWorksheet('Resumen')!;
    let total: ExcelJS.Row | null = null;
    hojaResumen.eachRow((row) => { if (row.getCell(1).value === 'TOTAL') total = row; });
    const fila = total as unknown as ExcelJS.Row;
    expect(fila.getCell(2).value).toMatchObject({ result: 3 });
    expect(fila.getCell(8).value).toBe(1);
    expect(fila.getCell(8).numFmt).toMatch(/^0\\? %$/);
  });
});
