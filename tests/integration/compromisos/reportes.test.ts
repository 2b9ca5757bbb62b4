import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { crearPrueba, llamar, iniciarComoAdmin, crearUsuarioYEntrar, type Prueba } from '../ayuda';
import type { Input } from '../../../electron/contract';

let p: Prueba;
let coord: string;
let jefe: string;

beforeAll(async () => {
  p = await crearPrueba();
  const admin = await iniciarComoAdmin(p.core);
  coord = await crearUsuarioYEntrar(p.core, admin, 'coordina', 'coordinador');
  jefe = await crearUsuarioYEntrar(p.core, admin, 'jefatura', 'jefe');
  const deps = await llamar(p.core, 'catalogos.dependencias.listar', {}, admin);
  const eje = await llamar(p.core, 'compromisos.ped.guardar', { nivel: 'eje', clave: '1', texto: 'Sonora seguro' }, coord);
  const obj = await llamar(p.core, 'compromisos.ped.guardar', { nivel: 'objetivo', padreId: eje.id, clave: '1.1', texto: 'Paz' }, coord);
  const est = await llamar(p.core, 'compromisos.ped.guardar', { nivel: 'estrategia', padreId: obj.id, clave: '1.1.1', texto: 'Policía de proximidad' }, coord);
  const base = (i: number, extra: Partial<Input<'compromisos.crear'>> = {}): Input<'compromisos.crear'> => ({
    descripcion: `Compromiso ${i}`,
    fechaCompromiso: '2021-05-01',
    municipioClave: i % 2 ? '26030' : '26018',
    estrategiaId: i <= 4 ? est.id : null,
    dependenciaId: deps[i % 3].id,
    corresponsables: [],
    fechaEstimada: null,
    ...extra,
  });
  const ids: string[] = [];
  for (let i = 1; i <= 7; i++) ids.push((await llamar(p.core, 'compromisos.crear', base(i, i === 7 ? { descripcion: '=HYPERLINK("http://x")' } : {}), coord)).id);
  const seg = (id: string, x: object) => llamar(p.core, 'compromisos.agregarSeguimiento', { compromisoId: id, version: 0, fecha: '2026-11-20', nota: 'Seguimiento', ...x }, coord);
  await seg(ids[0], { estatus: 'cumplido' });
  await seg(ids[1], { estatus: 'cumplido' });
  await seg(ids[2], { avance: 50 });
  await seg(ids[3], { estatus: 'no_procedente', motivo: 'Competencia federal' });
});
afterAll(() => p.cerrar());

async function hojas(ruta: string) {
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.readFile(ruta);
  return libro.worksheets.map((h) => {
    const filas: unknown[][] = [];
    h.eachRow((r) => filas.push((r.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v))));
    const i = filas.findIndex((f) => f[1] === 'Total' || f[0] === 'No.');
    return { nombre: h.name, encabezado: filas[i], datos: filas.slice(i + 1) };
  });
}

describe('reportes de compromisos', () => {
  it('catálogo de compromisos (Excel) con filtros; texto peligroso neutralizado', async () => {
    const g = await llamar(p.core, 'compromisos.reporteCatalogo', { filtros: {} }, jefe);
    const [h] = await hojas(p.core.archivoGenerado(g.archivoId, jefe)!.ruta);
    expect(h.encabezado.slice(0, 4)).toEqual(['No.', 'Descripción', 'Fecha en que se comprometió', 'Municipio']);
    expect(h.datos.filter((f) => typeof f[0] === 'number')).toHaveLength(7);
    expect(h.datos[0].slice(0, 2)).toEqual([1, 'Compromiso 1']);
    expect(h.datos[0][4]).toBe('1 Sonora seguro');
    expect(String(h.datos[0][9])).toContain('Cumplido');
    expect(h.datos[0][10]).toBe(1);
    expect(h.datos[6][1]).toBe('\'=HYPERLINK("http://x")');
    const filtrado = await llamar(p.core, 'compromisos.reporteCatalogo', { formato: 'xlsx', filtros: { municipio: '26030' } }, jefe);
    const [hf] = await hojas(p.core.archivoGenerado(filtrado.archivoId, jefe)!.ruta);
    expect(hf.datos.filter((f) => typeof f[0] === 'number').map((f) => f[0])).toEqual([1, 3, 5, 7]);
  });

  it('catálogo de compromisos (PDF) para imprimir', async () => {
    const g = await llamar(p.core, 'compromisos.reporteCatalogo', { formato: 'pdf', filtros: { estatus: ['cumplido', 'en_proceso'] } }, jefe);
    expect(g.nombre).toBe('Catálogo de compromisos.pdf');
    const ruta = p.core.archivoGenerado(g.archivoId, jefe)!.ruta;
    fs.mkdirSync('tests/artifacts', { recursive: true });
    fs.copyFileSync(ruta, 'tests/artifacts/catalogo-compromisos.pdf');
    const texto = execFileSync('pdftotext', ['-layout', ruta, '-'], { encoding: 'utf8' });
    expect(texto).toContain('Catálogo de compromisos de campaña');
    expect(texto).toMatch(/1\s+Compromiso 1\s+Hermosillo/);
    expect(texto).toMatch(/3\s+Compromiso 3/);
    expect(texto).not.toContain('Compromiso 4');
    expect(texto).toMatch(/Total\s+3/);
  });

  it('semáforo (Excel): general, por dependencia, municipio y eje; totales y porcentajes que suman', async () => {
    const g = await llamar(p.core, 'compromisos.reporteSemaforo', { formato: 'xlsx', filtros: {} }, jefe);
    const hs = await hojas(p.core.archivoGenerado(g.archivoId, jefe)!.ruta);
    expect(hs.map((h) => h.nombre)).toEqual(['General', 'Por dependencia', 'Por municipio', 'Por eje']);
    // General: 7 registered, 1 no procedente, 6 counted: 2 cumplidos (33.3 %), 1 en proceso (16.7 %), 3 sin avance (50 %): one decimal, the README's rule.
    expect(hs[0].datos[0]).toEqual(['Todos los compromisos', 7, 1, 6, 2, 0.333, 1, 0.167, 3, 0.5, expect.any(Number)]);
    for (const h of hs.slice(1)) {
      const filas = h.datos.filter((f) => f[0] !== 'Total');
      const total = h.datos.find((f) => f[0] === 'Total')!;
      expect(total.slice(1, 5).map(Number)).toEqual([7, 1, 6, 2]);
      expect(Math.round((Number(total[5]) + Number(total[7]) + Number(total[9])) * 100)).toBe(100);
      expect(filas.reduce((a, f) => a + Number(f[1]), 0)).toBe(7);
      for (const f of filas) if (Number(f[3]) > 0) expect(Math.round((Number(f[5]) + Number(f[7]) + Number(f[9])) * 100)).toBe(100);
    }
    expect(hs[3].datos.map((f) => f[0])).toEqual(['1 Sonora seguro', 'Sin alineación', 'Total']);
  });

  it('semáforo (PDF): cifras y porcentajes legibles', async () => {
    const g = await llamar(p.core, 'compromisos.reporteSemaforo', { formato: 'pdf', filtros: {} }, jefe);
    const ruta = p.core.archivoGenerado(g.archivoId, jefe)!.ruta;
    fs.mkdirSync('tests/artifacts', { recursive: true });
    fs.copyFileSync(ruta, 'tests/artifacts/semaforo-compromisos.pdf');
    const texto = execFileSync('pdftotext', ['-layout', ruta, '-'], { encoding: 'utf8' });
    expect(texto).toContain('Semáforo de cumplimiento de compromisos de campaña');
    expect(texto).toMatch(/Cumplidos\s+2 \(33.3 %\)/);
    expect(texto).toMatch(/En proceso\s+1 \(16.7 %\)/);
    expect(texto).toMatch(/Sin avance\s+3 \(50 %\)/);
    expect(texto).toMatch(/Hermosillo\s+4\s+0\s+4/);
    expect(texto).toMatch(/Total\s+7\s+1\s+6\s+2\s+33.3 %\s+1\s+16.7 %\s+3\s+50 %/);
  });
});
