/** Importación end to end: a compromisos spreadsheet like the office's, through the screens (mapping, dry run, equivalence, import). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect, captura } from './ayuda';

test('Importar compromisos: columnas reconocidas, simulación con errores, equivalencia y una importación de todo o nada', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(180_000);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Compromisos');
  ws.addRow(['COMPROMISOS DE CAMPAÑA 2021']);
  ws.addRow([]);
  ws.addRow(['No.', 'DESCRIPCION', 'Fecha en que se comprometió', 'Municipio', 'Dependencia responsable', 'Estatus', 'Avance %']);
  ws.addRow([1, 'Construir el hospital general de especialidades', new Date(Date.UTC(2021, 3, 15)), 'Hermosillo', 'SSP', 'En proceso', 65]);
  ws.addRow([2, 'Rehabilitar la carretera a Pueblo Yaqui', '15/04/2021', 'Cd. Obregón', 'SH', 'Cumplido', '100 %']);
  ws.addRow([3, 'Programa estatal de becas', '1 de octubre de 2021', 'Estatal', 'SEC', '', 30]);
  const archivo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sse-imp-')), 'compromisos-oficina.xlsx');
  await wb.xlsx.writeFile(archivo);

  await page.setViewportSize({ width: 1366, height: 768 });
  await entrarComo('coordinador', 'coord');
  await page.getByRole('link', { name: 'Importar' }).first().click();
  await expect(page.getByRole('heading', { name: 'Importar datos existentes' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(archivo);
  await expect(page.getByRole('heading', { name: 'Simulación' })).toBeVisible();
  await expect(page.getByText('1 con error')).toBeVisible();
  await expect(page.getByText(/«Cd\. Obregón» no está en el catálogo/)).toBeVisible();
  await captura(page, 'importacion-columnas');
  await page.getByText('Simulación').scrollIntoViewIfNeeded();
  await captura(page, 'importacion-simulacion');

  // Once for the whole file: «Cd. Obregón» is Cajeme.
  await page.getByPlaceholder(/Elegir del catálogo|¿/).first().click();
  await page.getByRole('option', { name: 'Cajeme' }).click();
  await expect(page.getByText('0 con error')).toBeVisible();
  await expect(page.getByText('3 nuevas')).toBeVisible();
  await captura(page, 'importacion-lista');
  await page.getByRole('button', { name: /Importar 3 registros/ }).click();
  await expect(page.getByText(/Importación terminada: 3 nuevas/)).toBeVisible();
  await expect(page.getByText('3 sin cambio')).toBeVisible();

  const lista = await sistema.llamar('compromisos.listar', {});
  expect(lista.total).toBe(3);
  expect(lista.items.find((c) => c.numero === 2)!.municipio).toBe('Cajeme');
});

test('Importar metas del POA: las columnas que el archivo no trae quedan plegadas, la simulación y la importación', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(180_000);
  const unidad = (await sistema.llamar('catalogos.unidades.listar', {}))[0];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('POA 2025');
  ws.addRow(['PROGRAMA OPERATIVO ANUAL 2025']);
  ws.addRow(['Año', 'No.', 'Meta', 'Área', 'Unidad de medida', 'Programado I', 'Alcanzado I', 'Programado II', 'Alcanzado II', 'Programado III', 'Alcanzado III', 'Programado IV', 'Alcanzado IV']);
  ws.addRow([2025, 1, 'Reuniones de Gabinete Legal celebradas', unidad.clave, 'Reunión', 6, 6, 6, 5, 6, 7, 6, 6]);
  ws.addRow([2025, 2, 'Informes trimestrales entregados', unidad.clave, 'Informe', 1, 1, 1, 'uno', 1, 1, 1, 1]);
  const archivo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sse-imp-')), 'poa-2025.xlsx');
  await wb.xlsx.writeFile(archivo);

  await page.setViewportSize({ width: 1366, height: 768 });
  await entrarComo('coordinador', 'coord');
  await page.getByRole('link', { name: 'Importar' }).first().click();
  await page.getByRole('combobox', { name: '¿Qué va a importar?' }).click();
  await page.getByRole('option', { name: 'Metas del POA' }).click();
  await page.locator('input[type=file]').setInputFiles(archivo);
  await expect(page.getByRole('heading', { name: 'Simulación' })).toBeVisible();
  await expect(page.getByText('1 con error')).toBeVisible();
  await expect(page.getByText(/«uno» no es un número/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /Mostrar \d+ columnas más/ })).toBeVisible();
  await captura(page, 'importacion-metas-columnas');
  await page.getByText(/«uno» no es un número/).first().scrollIntoViewIfNeeded();
  await captura(page, 'importacion-metas-simulacion');

  ws.getCell('I4').value = 1;
  const corregido = archivo.replace('.xlsx', '-corregido.xlsx');
  await wb.xlsx.writeFile(corregido);
  await page.locator('input[type=file]').setInputFiles(corregido);
  await expect(page.getByText('2 nuevas')).toBeVisible();
  await page.getByRole('button', { name: /Importar 2 registros/ }).click();
  await expect(page.getByText(/Importación terminada: 2 nuevas/)).toBeVisible();
  const t = await sistema.llamar('poa.tablero', { anio: 2025 });
  expect(t.metas.map((m) => m.periodos.map((x) => x.alcanzado))).toEqual([[6, 5, 7, 6], [1, 1, 1, 1]]);
});

/** Writes one sheet (a title row above the headers, like the office's own files) and returns its path. */
async function libro(nombre: string, titulo: string, encabezados: string[], filas: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(nombre);
  ws.addRow([titulo]);
  ws.addRow(encabezados);
  for (const f of filas) ws.addRow(f);
  const archivo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sse-imp-')), `${nombre}.xlsx`);
  await wb.xlsx.writeFile(archivo);
  return archivo;
}

test('Día de la migración: 330 compromisos, los acuerdos de 23 reuniones de 2021–22 y el libro de correspondencia 2021, por las pantallas', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(300_000);
  const deps = ['Secretaría de Gobierno', 'Secretaría de Hacienda', 'Secretaría de Salud Pública', 'Secretaría de Educación y Cultura', 'Secretaría de Economía'];
  const municipios = ['Hermosillo', 'Cajeme', 'Navojoa', 'Nogales', 'Guaymas', 'San Luis Río Colorado'];
  const compromisos = await libro('Compromisos', 'COMPROMISOS DE CAMPAÑA', ['Número', 'Descripción', 'Municipio', 'Dependencia responsable', 'Fecha compromiso', 'Estatus', 'Avance %'],
    Array.from({ length: 330 }, (_, i) => [i + 1, `Compromiso de campaña número ${i + 1}`, municipios[i % municipios.length], deps[i % deps.length], '15/04/2021', i % 3 === 0 ? 'En proceso' : '', (i % 10) * 10]));
  // 23 meetings every two weeks from October 2021, three acuerdos each.
  const reunion = (k: number) => new Date(Date.UTC(2021, 9, 5 + 14 * k));
  const acuerdos = await libro('Acuerdos', 'ACUERDOS DE GABINETE 2021-2022', ['Tipo de reunión', 'Fecha de la reunión', 'Sede', 'Número de acuerdo', 'Descripción', 'Dependencia responsable'],
    Array.from({ length: 23 }, (_, k) => [1, 2, 3].map((n) => ['Gabinete Legal y Ampliado', reunion(k), 'Palacio de Gobierno', n, `Acuerdo ${n} de la sesión ${k + 1}`, deps[(k + n) % deps.length]])).flat());
  // The 2021 log starts at folio 1034; every asunto turned to one dependencia.
  const asuntos = await libro('Correspondencia 2021', 'LIBRO DE CORRESPONDENCIA 2021', ['Folio', 'Fecha de recepción', 'Remitente', 'Asunto', 'Turnado a', 'Fecha de turno', 'Fecha límite'],
    Array.from({ length: 60 }, (_, i) => [`03.01-${1034 + i}/21`, `${String(1 + (i % 28)).padStart(2, '0')}/11/2021`, `C. Remitente ${i + 1}`, `Solicitud ciudadana ${i + 1}`, deps[i % deps.length], `${String(1 + (i % 28)).padStart(2, '0')}/11/2021`, `${String(1 + (i % 28)).padStart(2, '0')}/12/2021`]));

  await page.setViewportSize({ width: 1366, height: 768 });
  await entrarComo('administrador', 'admin');
  await page.getByRole('link', { name: 'Importar' }).first().click();
  const importar = async (tipo: string, archivo: string, registros: number, foto: string) => {
    await page.getByRole('combobox', { name: '¿Qué va a importar?' }).click();
    await page.getByRole('option', { name: tipo }).click();
    await page.locator('input[type=file]').setInputFiles(archivo);
    await expect(page.getByRole('heading', { name: 'Simulación' })).toBeVisible();
    await expect(page.getByText('0 con error')).toBeVisible();
    await captura(page, foto);
    await page.getByRole('button', { name: `Importar ${registros.toLocaleString('es-MX')} registros` }).click();
    await expect(page.getByText(`Importación terminada: ${registros.toLocaleString('es-MX')} nuevas`, { exact: false }).first()).toBeVisible({ timeout: 60_000 });
  };
  await importar('Compromisos de campaña', compromisos, 330, 'importacion-migracion-compromisos');
  await importar('Reuniones y acuerdos', acuerdos, 69, 'importacion-migracion-acuerdos');
  await importar('Asuntos históricos con sus turnos', asuntos, 60, 'importacion-migracion-asuntos');

  expect((await sistema.llamar('compromisos.listar', {})).total).toBe(330);
  const reuniones = await sistema.llamar('gabinete.reuniones.listar', {});
  expect(reuniones).toHaveLength(23);
  expect(reuniones.every((r) => r.estatus === 'celebrada')).toBe(true);
  expect((await sistema.llamar('gabinete.acuerdos.listar', {})).total).toBe(69);
  const bandeja = await sistema.llamar('correspondencia.bandeja', { texto: '03.01-1034/21' });
  expect(bandeja.filas.map((f) => f.folio)).toContain('03.01-1034/21');
  expect((await sistema.llamar('correspondencia.bandeja', {})).total).toBe(60);
});
