/** Importación › reading real workbooks row by row: merged cells, formulas' cached values, percent cells, tab order. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { leerLibro } from '../../../electron/core/modules/importacion/lectura';

describe('lectura de un .xlsx por flujo', () => {
  it('reparte las celdas combinadas, lee el valor guardado de las fórmulas y las celdas de porcentaje, y respeta el orden de las pestañas', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Vacía');
    const ws = wb.addWorksheet('Compromisos');
    ws.addRow(['Compromisos de campaña']);
    ws.mergeCells('A1:D1');
    ws.addRow(['Número', 'Municipio', 'Avance %', 'Total']);
    ws.addRow([1, 'Cajeme', 0.65, { formula: 'A3*2', result: 2 }]);
    ws.addRow([2, null, 0.3, { formula: 'A4*2', result: 4 }]);
    ws.mergeCells('B3:B4');
    ws.getColumn(3).numFmt = '0%';
    ws.getRow(4).hidden = true;
    ws.addRow([]);
    const hojas = await leerLibro(Buffer.from(await wb.xlsx.writeBuffer()), 'c.xlsx');
    expect(hojas.map((h) => h.nombre)).toEqual(['Vacía', 'Compromisos']);
    const filas = hojas[1].filas;
    expect(filas.map((f) => f.numero)).toEqual([1, 2, 3, 4]);
    expect(filas[0].celdas).toEqual(['Compromisos de campaña', 'Compromisos de campaña', 'Compromisos de campaña', 'Compromisos de campaña']);
    expect(filas[2].celdas).toEqual([1, 'Cajeme', '65 %', 2]);
    expect(filas[3].celdas).toEqual([2, 'Cajeme', '30 %', 4]);
  });

  it('un .zip que no es un libro se rechaza con un mensaje claro', async () => {
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300, 1)]);
    await expect(leerLibro(zip, 'x.xlsx')).rejects.toThrow(/no es un libro de Excel válido/);
  });
});
