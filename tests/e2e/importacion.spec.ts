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
