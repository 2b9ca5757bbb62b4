/** Importación (issue #11): metas del POA with programado/alcanzado per period, and past meetings that enter as celebradas. */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { crearPrueba, crearUsuarioYEntrar, fallar, iniciarComoAdmin, llamar, type Prueba } from '../ayuda';
import type { Input } from '../../../electron/contract';

let p: Prueba;
afterEach(() => p?.cerrar());

async function xlsx(filas: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('POA');
  for (const f of filas) ws.addRow(f);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const entrada = (tipo: Input<'importacion.simular'>['tipo'], nombre: string, contenidoBase64: string): Input<'importacion.simular'> => ({ tipo, archivo: { nombre, contenidoBase64 } });

const ENC = ['Año', 'No.', 'Descripción de la meta', 'Área', 'Unidad de medida', 'Tipo', 'Periodicidad', 'Programado I', 'Alcanzado I', 'Programado II', 'Alcanzado II', 'Programado III', 'Alcanzado III', 'Programado IV', 'Alcanzado IV', 'Programado enero', 'Alcanzado enero'];

describe('importar metas del POA', () => {
  it('valida cantidades y periodos, importa programado y alcanzado como capturas históricas, respeta trimestres cerrados y es idempotente', async () => {
    p = await crearPrueba();
    const admin = await iniciarComoAdmin(p.core);
    const coord = await crearUsuarioYEntrar(p.core, admin, 'coord', 'coordinador');
    const unidad = (await llamar(p.core, 'catalogos.unidades.listar', {}, admin))[0];
    const malo = await xlsx([
      ['Programa Operativo Anual'],
      ENC,
      [2025, 1, 'Reuniones de gabinete celebradas', unidad.clave, 'Reunión', 'Acumulable', 'Trimestral', 6, 'seis', 6, -2, 6, null, 6, null, 3, null],
      [2027, 2, 'Acuerdos atendidos en plazo', unidad.clave, '%', 'Porcentaje', 'Trimestral', 90, 120, 90, null, 90, null, 90, 80],
      [2027, 2, 'Repetida', unidad.clave, 'Oficio', '', '', 1, null, null, null, null, null, null, null, null, null],
      [2027, 4, 'Informes entregados', unidad.clave, 'Informe', '', '', 1, 1, null, null, null, null, null, null, null, null],
    ]);
    const s = await llamar(p.core, 'importacion.simular', entrada('metas', 'poa.xlsx', malo), coord);
    expect(s.filaEncabezado).toBe(2);
    expect(s.mapeo).toMatchObject({ anio: 'Año', numero: 'No.', unidad: 'Área', programadoT1: 'Programado I', alcanzadoM1: 'Alcanzado enero' });
    const err = (fila: number, col: string) => s.errores.filter((e) => e.fila === fila && e.columna === col).map((e) => e.mensaje).join(' ');
    expect(err(3, 'Alcanzado I')).toMatch(/no es un número/);
    expect(err(3, 'Alcanzado II')).toMatch(/negativo/);
    expect(err(3, 'Programado enero')).toMatch(/trimestral/);
    expect(err(4, 'Alcanzado I')).toMatch(/100 %/);
    expect(err(6, 'Alcanzado I')).toMatch(/trimestre I de 2027 aún no comienza/);
    expect(err(5, 'Número')).toMatch(/se repite/);
    expect(s.conteos).toMatchObject({ filas: 4, conError: 4 });
    expect((await fallar(p.core, 'importacion.importar', entrada('metas', 'poa.xlsx', malo), coord)).message).toMatch(/No se guardó nada/);
    expect((await llamar(p.core, 'poa.tablero', { anio: 2025 }, coord)).metas).toHaveLength(0);

    const bueno = await xlsx([
      ENC,
      [2025, 1, 'Reuniones de gabinete celebradas', unidad.clave, 'Reunión', 'Acumulable', 'Trimestral', 6, 6, 6, 7.5, 6, 5, 6, 9],
      [2026, 2, 'Acuerdos atendidos en plazo', unidad.nombre, '%', 'porcentaje', '', 90, '85 %', 90, 92, 90, null, 90, null],
      [2026, 3, 'Oficios turnados', unidad.clave, 'Oficio', '', '', null, null, null, null, null, null, null, null, 10, 12],
    ]);
    const s2 = await llamar(p.core, 'importacion.simular', entrada('metas', 'poa.xlsx', bueno), coord);
    expect(s2.conteos).toMatchObject({ filas: 3, nuevas: 3, conError: 0 });
    expect(s2.avisos.some((a) => a.fila === 2 && /supera lo programado/.test(a.mensaje))).toBe(true);
    const r = await llamar(p.core, 'importacion.importar', entrada('metas', 'poa.xlsx', bueno), coord);
    expect(r.conteos).toMatchObject({ nuevas: 3 });
    const t25 = await llamar(p.core, 'poa.tablero', { anio: 2025 }, coord);
    expect(t25.metas[0].periodos.map((x) => [x.programado, x.alcanzado])).toEqual([[6, 6], [6, 7.5], [6, 5], [6, 9]]);
    expect(t25.metas[0].periodos[0].comentario).toMatch(/importado de «poa\.xlsx»/);
    expect(t25.metas[0].periodos[0].capturadoPor).toBeTruthy();
    const t26 = await llamar(p.core, 'poa.tablero', { anio: 2026 }, coord);
    expect(t26.metas.find((m) => m.numero === 2)).toMatchObject({ tipo: 'porcentaje', periodicidad: 'trimestral' });
    const oficios = t26.metas.find((m) => m.numero === 3)!;
    expect(oficios.periodicidad).toBe('mensual');
    expect(oficios.periodos[0]).toMatchObject({ programado: 10, alcanzado: 12 });
    const bit = await llamar(p.core, 'bitacora.listar', { entidad: 'poa_captura' } as never, admin).catch(() => null);
    if (bit) expect(JSON.stringify(bit)).toContain('importadoDe');

    // Same file again: nothing changes.
    const otra = await llamar(p.core, 'importacion.importar', entrada('metas', 'poa.xlsx', bueno), coord);
    expect(otra.conteos).toMatchObject({ nuevas: 0, actualizadas: 0, sinCambio: 3 });

    // A closed quarter: a different value there is an error; an empty cell keeps what is there.
    await llamar(p.core, 'poa.cerrarTrimestre', { anio: 2025, trimestre: 1 }, coord);
    const corregido = await xlsx([ENC, [2025, 1, 'Reuniones de gabinete celebradas', unidad.clave, 'Reunión', 'Acumulable', 'Trimestral', 6, 4, 6, null, 6, 6, 6, 9]]);
    const s3 = await llamar(p.core, 'importacion.simular', entrada('metas', 'c.xlsx', corregido), coord);
    expect(s3.errores[0]).toMatchObject({ columna: 'Alcanzado I' });
    expect(s3.errores[0].mensaje).toMatch(/cerrado/);
    const abierto = await xlsx([ENC, [2025, 1, 'Reuniones de gabinete celebradas', unidad.clave, 'Reunión', 'Acumulable', 'Trimestral', 6, null, 6, null, 6, 6, 6, 9]]);
    const s4 = await llamar(p.core, 'importacion.simular', entrada('metas', 'c.xlsx', abierto), coord);
    expect(s4.conteos).toMatchObject({ actualizadas: 1, conError: 0 });
    expect(s4.registros[0].cambios).toEqual([{ campo: 'Alcanzado III', antes: '5', despues: '6' }]);
    await llamar(p.core, 'importacion.importar', entrada('metas', 'c.xlsx', abierto), coord);
    const t = await llamar(p.core, 'poa.tablero', { anio: 2025 }, coord);
    expect(t.metas[0].periodos.map((x) => x.alcanzado)).toEqual([6, 7.5, 6, 9]);
  });

  it('la plantilla trae encabezados de trimestre y de mes, listas y la hoja de instrucciones', async () => {
    p = await crearPrueba();
    const admin = await iniciarComoAdmin(p.core);
    const g = await llamar(p.core, 'importacion.plantilla', { tipo: 'metas' }, admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p.core.archivoGenerado(g.archivoId, admin)!.ruta);
    const datos = wb.worksheets[0];
    const enc = (datos.getRow(1).values as unknown[]).slice(1);
    expect(enc.slice(0, 9)).toEqual(['Año', 'Número', 'Descripción', 'Unidad administrativa', 'Unidad de medida', 'Tipo de meta', 'Periodicidad', 'Programado I', 'Alcanzado I']);
    expect(enc).toContain('Alcanzado diciembre');
    expect(datos.getCell('D2').dataValidation?.type).toBe('list');
    expect(wb.getWorksheet('Instrucciones')!.getColumn(1).values).toContain('Programado IV');
  });
});

describe('reuniones importadas', () => {
  it('una reunión pasada con sus acuerdos entra como celebrada, con nombre y ordinal normales', async () => {
    p = await crearPrueba();
    const admin = await iniciarComoAdmin(p.core);
    const coord = await crearUsuarioYEntrar(p.core, admin, 'coord', 'coordinador');
    const b64 = await xlsx([
      ['Tipo de reunión', 'Fecha de la reunión', 'Número de acuerdo', 'Descripción', 'Dependencia responsable'],
      ['Gabinete Legal', '04/10/2021', 1, 'Presentar el programa de bacheo', 'SEGOB'],
      ['Gabinete Legal', '04/10/2021', 2, 'Informe de seguridad', 'SEGOB'],
      ['Gabinete Legal', '08/11/2021', 1, 'Avance del hospital', 'SH'],
    ]);
    const s = await llamar(p.core, 'importacion.simular', entrada('acuerdos', 'acuerdos.xlsx', b64), coord);
    expect(s.errores).toEqual([]);
    expect(s.conteos).toMatchObject({ nuevas: 3, conError: 0 });
    expect(s.notas.join(' ')).toMatch(/2 reuniones nuevas como celebradas/);
    await llamar(p.core, 'importacion.importar', entrada('acuerdos', 'acuerdos.xlsx', b64), coord);
    const reuniones = (await llamar(p.core, 'gabinete.reuniones.listar', { anio: 2021 }, coord)).sort((a, b) => a.fecha.localeCompare(b.fecha));
    expect(reuniones.map((r) => [r.nombre, r.estatus])).toEqual([
      ['I Reunión de Gabinete Legal', 'celebrada'],
      ['II Reunión de Gabinete Legal', 'celebrada'],
    ]);
    const otra = await llamar(p.core, 'importacion.importar', entrada('acuerdos', 'acuerdos.xlsx', b64), coord);
    expect(otra.conteos).toMatchObject({ nuevas: 0, sinCambio: 3 });
  });
});
