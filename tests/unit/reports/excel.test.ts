import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { escribirExcel, hoja, neutralizar, type Columna, type Semaforo } from '../../../electron/core/reports';
import { carpetaTemporal } from './apoyo';

const GENERADO = Date.UTC(2026, 10, 21, 21, 5); // 14:05 en Hermosillo (UTC-7)
const ENCABEZADO = {
  institucion: 'Oficina del Ejecutivo Estatal de Sonora',
  titulo: 'Turnos por dependencia',
  periodo: 'Del 16 al 22 de noviembre de 2026',
  generado: GENERADO,
};

interface Turno {
  folio: string;
  asunto: string;
  monto: number;
  dias: number;
  fecha: string;
  recibido: number;
  avance: number;
  estatus: Semaforo | 'gris';
}

const COLUMNAS: Columna<Turno>[] = [
  { clave: 'folio', titulo: 'Folio', ancho: 16 },
  { clave: 'asunto', titulo: 'Asunto', ancho: 40 },
  { clave: 'monto', titulo: 'Monto', tipo: 'numero' },
  { clave: 'dias', titulo: 'Días hábiles', tipo: 'entero' },
  { clave: 'fecha', titulo: 'Fecha límite', tipo: 'fecha' },
  { clave: 'recibido', titulo: 'Recibido', tipo: 'instante' },
  { clave: 'avance', titulo: 'Avance', tipo: 'porcentaje' },
  { clave: 'estatus', titulo: 'Estatus', tipo: 'semaforo' },
];

const PELIGROSOS = ['=HYPERLINK("http://x","clic")', '+1+2', '-5+3', '@SUM(A1)', '\tTAB', '\rCR'];

function* turnos(n: number): Generator<Turno> {
  for (let i = 0; i < n; i++) {
    yield {
      folio: `03.01-${1000 + i}/26`,
      asunto: i < PELIGROSOS.length ? PELIGROSOS[i] : `Petición de la señora Núñez ${i}`,
      monto: i * 1.5,
      dias: i % 10,
      fecha: '2026-11-21',
      recibido: GENERADO,
      avance: 0.65,
      estatus: i % 2 === 0 ? { color: 'rojo', texto: 'Vencido' } : 'gris',
    };
  }
}

async function leer(ruta: string): Promise<ExcelJS.Workbook> {
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.readFile(ruta);
  return libro;
}

describe('escribirExcel', () => {
  it('escribe 5,000 filas en flujo con tipos reales, membrete, encabezado fijo, autofiltro y totales', async () => {
    const ruta = path.join(carpetaTemporal(), 'turnos.xlsx');
    const avances: number[] = [];
    const r = await escribirExcel(
      ruta,
      ENCABEZADO,
      [hoja({ nombre: 'Turnos', columnas: COLUMNAS, filas: turnos(5000), totales: { columnas: { monto: 'suma', dias: 'promedio', folio: 'cuenta' } } })],
      { alAvanzar: (n) => avances.push(n) },
    );
    expect(r.filas).toBe(5000);
    expect(avances.at(-1)).toBe(5000);
    expect(avances.length).toBeGreaterThanOrEqual(10);
    expect([...avances].sort((a, b) => a - b)).toEqual(avances);

    const ws = (await leer(ruta)).getWorksheet('Turnos')!;
    // Membrete
    expect(ws.getCell('A1').value).toBe('Oficina del Ejecutivo Estatal de Sonora');
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('Turnos por dependencia');
    expect(ws.getCell('A3').value).toBe('Del 16 al 22 de noviembre de 2026');
    expect(ws.getCell('A4').value).toBe('Generado el 21 de noviembre de 2026, 14:05');
    // Encabezado en la fila 6, inmovilizado y con autofiltro sobre todos los datos
    expect(ws.getRow(6).values).toEqual([undefined, ...COLUMNAS.map((c) => c.titulo)]);
    expect(ws.getCell('A6').font.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(ws.autoFilter).toBe('A6:H5006');
    // Impresión: carta horizontal, ajustada al ancho, encabezado repetido, "Página X de Y"
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '6:6' });
    expect(ws.headerFooter.oddFooter).toContain('Página &P de &N');
    // Anchos
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.getColumn(3).width).toBeGreaterThan(8);

    // Tipos reales
    const fila = ws.getRow(7 + 7); // registro 7
    expect(fila.getCell(1).value).toBe('03.01-1007/26');
    expect(fila.getCell(3).value).toBe(10.5);
    expect(fila.getCell(3).numFmt).toBe('#,##0.00');
    expect(fila.getCell(4).value).toBe(7);
    expect(fila.getCell(5).value).toBeInstanceOf(Date);
    expect((fila.getCell(5).value as Date).toISOString()).toBe('2026-11-21T00:00:00.000Z');
    expect(fila.getCell(5).numFmt).toBe('dd/mm/yyyy');
    // El instante queda con la hora de pared de la oficina (14:05), no la de UTC (21:05).
    expect((fila.getCell(6).value as Date).toISOString()).toBe('2026-11-21T14:05:00.000Z');
    expect(fila.getCell(6).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(fila.getCell(7).value).toBe(0.65);
    expect(fila.getCell(7).numFmt).toMatch(/^0\\? %$/);

    // Semáforo: relleno de color + palabra
    expect(ws.getCell('H7').value).toBe('Vencido');
    expect(ws.getCell('H7').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC62828' } });
    expect(ws.getCell('H8').value).toBe('gris');
    expect(ws.getCell('H8').fill).toMatchObject({ fgColor: { argb: 'FF9E9E9E' } });

    // Texto que parece fórmula: neutralizado con apóstrofo, y nunca una celda de fórmula
    PELIGROSOS.forEach((p, i) => {
      const celda = ws.getCell(`B${7 + i}`);
      expect(celda.type).toBe(ExcelJS.ValueType.String);
      expect(celda.value).toBe(`'${p.replace('\r', '\n')}`); // XML lee CR como LF
    });
    expect(ws.getCell(`B${7 + PELIGROSOS.length}`).value).toBe(`Petición de la señora Núñez ${PELIGROSOS.length}`);

    // Totales, en negritas, como SUBTOTAL con su resultado ya calculado
    const total = ws.getRow(5007);
    expect(total.getCell(1).value).toMatchObject({ formula: 'SUBTOTAL(103,A7:A5006)', result: 5000 });
    expect(total.getCell(2).value).toBeNull();
    expect(total.getCell(3).value).toMatchObject({ formula: 'SUBTOTAL(109,C7:C5006)', result: 1.5 * ((4999 * 5000) / 2) });
    expect(total.getCell(4).value).toMatchObject({ formula: 'SUBTOTAL(101,D7:D5006)', result: 4.5 });
    expect(total.getCell(3).font.bold).toBe(true);
    expect(ws.getRow(5008).cellCount).toBe(0);

    // No quedan temporales junto al archivo
    expect(readdirSync(path.dirname(ruta))).toEqual(['turnos.xlsx']);
  });

  it('acepta AsyncIterable, varias hojas, nombres de hoja inválidos y totales calculados', async () => {
    const ruta = path.join(carpetaTemporal(), 'poa.xlsx');
    async function* metas() {
      for (let i = 1; i <= 3; i++) {
        await Promise.resolve();
        yield { meta: `Meta ${i}`, programado: 10 * i, alcanzado: 9 * i };
      }
    }
    const cols: Columna<{ meta: string; programado: number; alcanzado: number }>[] = [
      { clave: 'meta', titulo: 'Meta' },
      { clave: 'programado', titulo: 'Programado', tipo: 'entero' },
      { clave: 'alcanzado', titulo: 'Alcanzado', tipo: 'entero' },
    ];
    await escribirExcel(ruta, { ...ENCABEZADO, referencia: 'POA/2026' }, [
      hoja({
        nombre: 'Metas: I/II [trimestre]',
        columnas: cols,
        filas: metas(),
        totales: { etiqueta: 'TOTALES', columnas: { programado: 'suma', alcanzado: (s) => s.alcanzado } },
      }),
      hoja({ nombre: 'Metas: I/II [trimestre]', columnas: cols, filas: [] }),
    ]);
    const libro = await leer(ruta);
    expect(libro.worksheets.map((w) => w.name)).toEqual(['Metas I II trimestre', 'Metas I II trimestre (2)']);
    const ws = libro.worksheets[0];
    expect(ws.getCell('A4').value).toBe('Referencia: POA/2026');
    expect(ws.getRow(7).values).toEqual([undefined, 'Meta', 'Programado', 'Alcanzado']);
    expect(ws.getRow(8).values).toEqual([undefined, 'Meta 1', 10, 9]);
    const total = ws.getRow(11);
    expect(total.getCell(1).value).toBe('TOTALES');
    expect(total.getCell(2).value).toMatchObject({ result: 60 });
    expect(total.getCell(3).value).toBe(54);
    // Hoja vacía: encabezado y autofiltro igual
    expect(libro.worksheets[1].getRow(7).getCell(1).value).toBe('Meta');
    expect(libro.worksheets[1].autoFilter).toBe('A7:C7');
  });

  it('cancelar no deja archivo', async () => {
    const dir = carpetaTemporal();
    const ruta = path.join(dir, 'cancelado.xlsx');
    const control = new AbortController();
    const promesa = escribirExcel(ruta, ENCABEZADO, [hoja({ nombre: 'T', columnas: COLUMNAS, filas: turnos(5000) })], {
      cada: 100,
      senal: control.signal,
      alAvanzar: (n) => {
        if (n >= 300) control.abort();
      },
    });
    await expect(promesa).rejects.toThrow();
    expect(existsSync(ruta)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('neutralizar', () => {
    expect(neutralizar('=1+1')).toBe("'=1+1");
    expect(neutralizar('@x')).toBe("'@x");
    expect(neutralizar('Hola = mundo')).toBe('Hola = mundo');
    expect(neutralizar('\r\n=1')).toBe("'\n=1");
    expect(neutralizar('-')).toBe("'-");
    expect(neutralizar('a\u0000b\u0007c')).toBe('abc');
    expect(neutralizar('x'.repeat(40_000))).toHaveLength(32_767);
  });
});

describe('escribirExcel: cifras como la app las muestra', () => {
  it('cuentas enteras, porcentajes con la regla única y columnas que no recortan números', async () => {
    const ruta = path.join(carpetaTemporal(), 'cifras.xlsx');
    interface F { nombre: string; cuenta: number; pct: number; monto: number }
    const filas: F[] = [
      { nombre: 'Secretaría de Gobierno', cuenta: 3.0000000001, pct: 0.65, monto: 1 },
      { nombre: 'Secretaría de Hacienda', cuenta: 12, pct: 0.64449999, monto: 123_456_789.25 },
    ];
    await escribirExcel(ruta, ENCABEZADO, [hoja<F>({
      nombre: 'Cifras',
      columnas: [
        { clave: 'nombre', titulo: 'Dependencia', ancho: 12 },
        { clave: 'cuenta', titulo: 'Asuntos', tipo: 'entero', ancho: 4 },
        { clave: 'pct', titulo: '% atendido', tipo: 'porcentaje' },
        { clave: 'monto', titulo: 'Monto', tipo: 'numero', ancho: 6 },
      ],
      filas,
    })]);
    const ws = (await leer(ruta)).getWorksheet('Cifras')!;
    const primera = ws.getRow(7);
    expect(primera.getCell(2).value).toBe(3);
    expect(primera.getCell(2).numFmt).toBe('#,##0');
    expect(primera.getCell(3).value).toBe(0.65);
    expect(primera.getCell(3).numFmt).toMatch(/^0\\? %$/);
    expect(ws.getRow(8).getCell(3).value).toBe(0.644);
    expect(ws.getRow(8).getCell(3).numFmt).toMatch(/^0\.0\\? %$/);
    // "123,456,789.25" needs 14 characters: the declared 6 would show ####.
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(15);
    // Long text wraps in its column instead of being cut by the next cell.
    expect(ws.getRow(7).getCell(1).alignment).toMatchObject({ wrapText: true });
  });
});
