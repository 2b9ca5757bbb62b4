import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { crearPrueba, llamar, iniciarComoAdmin, crearUsuarioYEntrar, type Prueba } from '../ayuda';
import type { Input } from '../../../electron/contract';

let p: Prueba;
let coord: string;
let jefe: string;

/** A POA year with both tipos and both periodicidades, captured for four quarters. */
beforeAll(async () => {
  p = await crearPrueba();
  const admin = await iniciarComoAdmin(p.core);
  coord = await crearUsuarioYEntrar(p.core, admin, 'coordina', 'coordinador');
  jefe = await crearUsuarioYEntrar(p.core, admin, 'jefatura', 'jefe');
  const unidades = await llamar(p.core, 'catalogos.unidades.listar', {}, admin);
  const u = (i: number) => unidades[i].id;
  const crear = (m: Omit<Input<'poa.crearMeta'>, 'anio'>) => llamar(p.core, 'poa.crearMeta', { anio: 2026, ...m }, coord);
  const a = await crear({ descripcion: 'Reuniones de gabinete realizadas', unidadId: u(0), unidadMedida: 'Reunión', tipo: 'acumulable', periodicidad: 'trimestral', programado: [6, 6, 6, 6] });
  const b = await crear({ descripcion: 'Oficios turnados', unidadId: u(1), unidadMedida: 'Oficio', tipo: 'acumulable', periodicidad: 'mensual', programado: Array(12).fill(10) });
  const c = await crear({ descripcion: 'Acuerdos atendidos en plazo', unidadId: u(0), unidadMedida: '%', tipo: 'porcentaje', periodicidad: 'trimestral', programado: [90, 90, 90, 90] });
  const cap = (id: string, periodo: number, alcanzado: number) => llamar(p.core, 'poa.capturar', { metaId: id, periodo, version: 0, alcanzado }, coord);
  for (const [q, v] of [6, 5, 7, 4].entries()) await cap(a.id, q + 1, v);
  for (let mes = 1; mes <= 12; mes++) await cap(b.id, mes, mes <= 6 ? 10 : 8);
  for (const [q, v] of [80, 90, 95, 99].entries()) await cap(c.id, q + 1, v);
});
afterAll(() => p.cerrar());

async function generar(input: Input<'poa.informe'>) {
  const g = await llamar(p.core, 'poa.informe', input, jefe);
  return { ...g, ruta: p.core.archivoGenerado(g.archivoId, jefe)!.ruta };
}

async function filasExcel(ruta: string) {
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.readFile(ruta);
  const h = libro.worksheets[0];
  const filas: unknown[][] = [];
  h.eachRow((r) => filas.push((r.values as unknown[]).slice(1)));
  return filas;
}

describe('Informe anual de metas', () => {
  it('Excel: programado y alcanzado por trimestre, total anual, % y semáforo; TOTALES deja fuera las metas de porcentaje', async () => {
    const g = await generar({ anio: 2026, tipo: 'anual', formato: 'xlsx' });
    expect(g.nombre).toBe('Informe anual de metas 2026.xlsx');
    const filas = await filasExcel(g.ruta);
    const i = filas.findIndex((f) => f[0] === 'No.');
    expect(filas[i]).toEqual(['No.', 'Descripción', 'Área', 'Unidad de medida', 'Concepto', 'I', 'II', 'III', 'IV', 'Total anual', '% cumplimiento', 'Semáforo']);
    const datos = filas.slice(i + 1);
    const sem = (x: unknown) => String(x);
    // Meta 1 (acumulable trimestral): 24 programado, 22 alcanzado → 91.7 % verde.
    expect(datos[0].slice(4, 10)).toEqual(['Programado', 6, 6, 6, 6, 24]);
    expect(datos[1].slice(4, 10)).toEqual(['Alcanzado', 6, 5, 7, 4, 22]);
    expect(datos[1][10]).toBeCloseTo(0.917, 3);
    expect(sem(datos[1][11])).toContain('Aceptable');
    // Meta 2 (acumulable mensual): quarters sum their months.
    expect(datos[2].slice(5, 10)).toEqual([30, 30, 30, 30, 120]);
    expect(datos[3].slice(5, 10)).toEqual([30, 30, 24, 24, 108]);
    expect(datos[3][10]).toBeCloseTo(0.9, 3);
    // Meta 3 (porcentaje): annual = average, shown with its unit.
    expect(datos[4].slice(3, 10)).toEqual(['% (porcentaje)', 'Programado', 90, 90, 90, 90, 90]);
    expect(datos[5].slice(5, 10)).toEqual([80, 90, 95, 99, 91]);
    // TOTALES: only metas 1 and 2.
    expect(String(datos[6][1])).toContain('TOTALES');
    expect(datos[6].slice(5, 10)).toEqual([36, 36, 36, 36, 144]);
    expect(datos[7].slice(5, 10)).toEqual([36, 35, 31, 28, 130]);
    expect(datos[7][10]).toBeCloseTo(0.903, 3);
    expect(datos).toHaveLength(8);
  });

  it('PDF: mismas cifras, legibles con pdftotext', async () => {
    const g = await generar({ anio: 2026, tipo: 'anual', formato: 'pdf' });
    const texto = execFileSync('pdftotext', ['-layout', g.ruta, '-'], { encoding: 'utf8' });
    expect(texto).toContain('Informe anual de metas del POA 2026');
    fs.mkdirSync('tests/artifacts', { recursive: true });
    fs.copyFileSync(g.ruta, 'tests/artifacts/informe-anual-poa.pdf');
    expect(texto).toMatch(/No\.\s+Descripción\s+Área\s+Unidad de\s+Concepto\s+I\s+II\s+III\s+IV\s+Total anual\s+%\s+Semáforo/);
    expect(texto).toMatch(/Reuniones de gabinete realizadas.*Programado\s+6\.00\s+6\.00\s+6\.00\s+6\.00\s+24\.00/);
    expect(texto).toMatch(/Alcanzado\s+6\.00\s+5\.00\s+7\.00\s+4\.00\s+22\.00\s+91\.7 %\s+Aceptable/);
    expect(texto).toMatch(/TOTALES[^\n]*Programado\s+36\.00\s+36\.00\s+36\.00\s+36\.00\s+144\.00/);
    expect(texto).toMatch(/Alcanzado\s+36\.00\s+35\.00\s+31\.00\s+28\.00\s+130\.00\s+90\.3 %\s+Aceptable/);
    expect(texto).toContain('Página 1 de 1');
  });
});

describe('Informe trimestral de metas', () => {
  it('al II trimestre: alcanzado hasta el corte, acumulado y % al corte; TOTALES sin porcentajes', async () => {
    const g = await generar({ anio: 2026, tipo: 'trimestral', trimestre: 2, formato: 'xlsx' });
    expect(g.nombre).toBe('Informe trimestral de metas II-2026.xlsx');
    const filas = await filasExcel(g.ruta);
    const i = filas.findIndex((f) => f[0] === 'No.');
    expect(filas[i]).toContain('Acumulado al II');
    const datos = filas.slice(i + 1);
    expect(datos[1].slice(4, 12)).toEqual(['Alcanzado', 6, 5, undefined, undefined, 11, 11, expect.closeTo(0.917, 3)]);
    expect(datos[6].slice(5, 11)).toEqual([36, 36, 36, 36, 144, 72]);
    expect(datos[7].slice(5, 11)).toEqual([36, 35, undefined, undefined, 71, 71]);
    const pdf = await generar({ anio: 2026, tipo: 'trimestral', trimestre: 2, formato: 'pdf' });
    const texto = execFileSync('pdftotext', ['-layout', pdf.ruta, '-'], { encoding: 'utf8' });
    expect(texto).toContain('II trimestre de 2026');
    expect(texto).toMatch(/TOTALES[^\n]*Programado\s+36\.00\s+36\.00\s+36\.00\s+36\.00\s+144\.00\s+72\.00/);
  });
});
