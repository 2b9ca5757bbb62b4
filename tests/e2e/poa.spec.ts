/**
 * POA end to end (issue 5 "Done when"): capture a year with both tipos of metas for four quarters in
 * the grid (keyboard, like a spreadsheet), see bad input refused, close a quarter, and print the
 * Informe anual (PDF read back with pdftotext; the Excel read back with exceljs).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, borradorEscrito, captura, CONTRASENA } from './ayuda';

async function elegir(page: Page, etiqueta: string | RegExp, opcion: string | RegExp, dentro: Page | Locator = page) {
  await dentro.getByLabel(etiqueta).first().click();
  await page.getByRole('option', { name: opcion }).first().click();
}

async function bytesDePestana(page: Page, accion: () => Promise<void>): Promise<Buffer> {
  const [pestana] = await Promise.all([page.context().waitForEvent('page'), accion()]);
  const url = pestana.url();
  await pestana.close();
  const r = await page.request.get(url);
  expect(r.ok()).toBe(true);
  return r.body();
}

test('POA: dos tipos de metas, captura de cuatro trimestres, validaciones, cierre de trimestre e Informe anual', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(180_000);
  const anio = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Hermosillo', year: 'numeric' }).format(new Date()));
  await entrarComo('coordinador', 'coordinadora');
  await page.getByRole('navigation').getByRole('link', { name: 'POA' }).click();
  await expect(page.getByText(`El POA ${anio} no tiene metas.`)).toBeVisible();

  const metas: [string, string, 'Acumulable' | 'Porcentaje', number[]][] = [
    ['Reuniones de gabinete realizadas', 'Reunión', 'Acumulable', [6, 6, 6, 6]],
    ['Acuerdos atendidos en plazo', '%', 'Porcentaje', [90, 90, 90, 90]],
  ];
  for (const [descripcion, unidad, tipo, programado] of metas) {
    await page.getByRole('button', { name: 'Nueva meta' }).click();
    const d = page.getByRole('dialog', { name: new RegExp(`Nueva meta del POA ${anio}`) });
    await d.getByRole('textbox', { name: 'Descripción' }).fill(descripcion);
    await elegir(page, 'Unidad administrativa', /^CESG/, d);
    await d.getByRole('textbox', { name: 'Unidad de medida' }).fill(unidad);
    await d.getByText(tipo, { exact: true }).click();
    for (const [i, v] of programado.entries()) await d.getByRole('textbox', { name: `Trimestre ${['I', 'II', 'III', 'IV'][i]}`, exact: true }).fill(String(v));
    await d.getByRole('button', { name: 'Guardar meta' }).click();
    await expect(page.getByText('Meta registrada.').first()).toBeVisible();
    await expect(d).toBeHidden();
  }

  // Capture like a spreadsheet: type, Enter saves and goes down to the next meta.
  const celda = (meta: number, q: string) => page.getByRole('textbox', { name: `Alcanzado trimestre ${q}, meta ${meta}` });
  const alcanzados: [number[], number[]] = [[6, 5, 7, 4], [80, 90, 95, 99]];
  for (const [i, q] of ['I', 'II', 'III', 'IV'].entries()) {
    await celda(1, q).click();
    await page.keyboard.type(String(alcanzados[0][i]));
    await page.keyboard.press('Enter');
    await expect(celda(2, q)).toBeFocused();
    await page.keyboard.type(String(alcanzados[1][i]));
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('input[aria-invalid="true"]')).toHaveCount(0);
  for (const [i, q] of ['I', 'II', 'III', 'IV'].entries()) {
    await expect(celda(1, q)).toHaveValue(String(alcanzados[0][i]));
    await expect(celda(2, q)).toHaveValue(String(alcanzados[1][i]));
  }
  const fila1 = page.locator('tr[data-meta="1"]');
  const fila2 = page.locator('tr[data-meta="2"]');
  const totales = page.locator('tr[data-totales]');
  await expect(fila1).toContainText('A 22');
  await expect(fila1).toContainText('91.7 %');
  await expect(fila1.getByText('Aceptable')).toBeVisible();
  await expect(fila2).toContainText('A 91');
  await expect(fila2).toContainText('101.1 %');
  // TOTALES leave the percentage meta out: 24 programado, 22 alcanzado.
  await expect(totales).toContainText('1 meta acumulable (las de porcentaje no se suman)');
  await expect(totales).toContainText('P 24');
  await expect(totales).toContainText('A 22');
  await captura(page, 'poa-01-cuadricula');

  // Bad input: not a number, and a percentage over 100 %, are refused next to the cell.
  await celda(1, 'IV').fill('abc');
  await celda(1, 'IV').press('Enter');
  await expect(celda(1, 'IV')).toHaveAttribute('aria-invalid', 'true');
  await celda(1, 'IV').press('Escape');
  await celda(2, 'IV').fill('120');
  await celda(2, 'IV').press('Enter');
  await expect(celda(2, 'IV')).toHaveAttribute('aria-invalid', 'true');
  await celda(2, 'IV').hover();
  // The reason shows under the cell (the tooltip repeats it on hover).
  await expect(page.getByRole('table', { name: 'POA' }).getByText('Alcanzado: una meta de porcentaje no puede pasar de 100 %.')).toBeVisible();
  await captura(page, 'poa-02-error');
  await celda(2, 'IV').press('Escape');
  await expect(celda(2, 'IV')).toHaveValue('99');

  // Close quarter I: the cells become read-only.
  await page.getByRole('button', { name: 'Trimestres' }).click();
  await page.getByRole('menuitem', { name: 'Cerrar trimestre I', exact: true }).click();
  const dialogo = page.getByRole('dialog', { name: `Cerrar el trimestre I de ${anio}` });
  await dialogo.getByRole('textbox').fill('Informe del primer trimestre entregado');
  await dialogo.getByRole('button', { name: 'Cerrar trimestre' }).click();
  await expect(page.getByText('Trimestre I cerrado.')).toBeVisible();
  await expect(celda(1, 'I')).toHaveAttribute('readonly', '');
  await captura(page, 'poa-03-trimestre-cerrado');

  // Informe anual: PDF (opened in a new tab) and Excel (downloaded), both read back.
  await page.getByRole('button', { name: 'Informes' }).click();
  const pdf = await bytesDePestana(page, () => page.getByRole('menuitem', { name: 'Informe anual (PDF)' }).click());
  const ruta = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sse-poa-')), 'anual.pdf');
  fs.writeFileSync(ruta, pdf);
  fs.mkdirSync('tests/artifacts', { recursive: true });
  fs.copyFileSync(ruta, 'tests/artifacts/poa-informe-anual-e2e.pdf');
  const texto = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ruta, '-'], { encoding: 'utf8' });
  expect(texto).toContain(`Informe anual de metas del POA ${anio}`);
  expect(texto).toMatch(/Reuniones de gabinete realizadas.*Programado\s+6\.00\s+6\.00\s+6\.00\s+6\.00\s+24\.00/);
  expect(texto).toMatch(/Alcanzado\s+6\.00\s+5\.00\s+7\.00\s+4\.00\s+22\.00\s+91\.7 %\s+Aceptable/);
  expect(texto).toMatch(/Alcanzado\s+80\.00\s+90\.00\s+95\.00\s+99\.00\s+91\.00\s+101\.1 %\s+Aceptable/);
  expect(texto).toMatch(/TOTALES[^\n]*Programado\s+6\.00\s+6\.00\s+6\.00\s+6\.00\s+24\.00/);

  await page.getByRole('button', { name: 'Informes' }).click();
  const [descarga] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Informe anual (Excel)' }).click()]);
  expect(descarga.suggestedFilename()).toBe(`Informe anual de metas ${anio}.xlsx`);
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.readFile(await descarga.path());
  const filas: unknown[][] = [];
  libro.worksheets[0].eachRow((r) => filas.push((r.values as unknown[]).slice(1)));
  const i = filas.findIndex((f) => f[0] === 'No.');
  const datos = filas.slice(i + 1);
  expect(datos).toHaveLength(6);
  expect(datos[1].slice(4, 10)).toEqual(['Alcanzado', 6, 5, 7, 4, 22]);
  expect(datos[3].slice(4, 10)).toEqual(['Alcanzado', 80, 90, 95, 99, 91]);
  expect(String(datos[4][1])).toContain('TOTALES');
  expect(datos[4].slice(5, 10)).toEqual([6, 6, 6, 6, 24]);
  expect(datos[5].slice(5, 10)).toEqual([6, 5, 7, 4, 22]);

  // A monthly meta: each quarter cell holds its three months; the quarter is their sum (computed by the core).
  const sesion = (await sistema.llamar('usuarios.iniciarSesion', { usuario: 'coordinadora', contrasena: CONTRASENA })).token;
  const unidades = await sistema.llamar('catalogos.unidades.listar', {});
  await sistema.llamar(
    'poa.crearMeta',
    { anio, descripcion: 'Oficios turnados a dependencias', unidadId: unidades[0].id, unidadMedida: 'Oficio', tipo: 'acumulable', periodicidad: 'mensual', programado: Array(12).fill(10) },
    sesion,
  );
  await page.reload();
  const mes = (m: string) => page.getByRole('textbox', { name: `Alcanzado ${m}, meta 3` });
  await mes('Abr').click();
  for (const v of ['9', '11', '12']) {
    await page.keyboard.type(v);
    await page.keyboard.press('Tab');
  }
  await expect(page.locator('tr[data-meta="3"]')).toContainText('Trim. 32 de 30');
  await expect(mes('Ene')).toHaveAttribute('readonly', ''); // quarter I is closed
  await captura(page, 'poa-04-meta-mensual');
});

test('POA: lo escrito sin guardar en la cuadrícula y en el detalle sobrevive a la recarga, el panel pregunta al cerrar y el tablero abre las metas de cada semáforo', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const anio = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Hermosillo', year: 'numeric' }).format(new Date()));
  await entrarComo('coordinador', 'coordinadora');
  const sesion = (await sistema.llamar('usuarios.iniciarSesion', { usuario: 'coordinadora', contrasena: CONTRASENA })).token;
  const unidad = (await sistema.llamar('catalogos.unidades.listar', {}))[0].id;
  const crear = (descripcion: string, alcanzado: number) =>
    sistema.llamar('poa.crearMeta', { anio, descripcion, unidadId: unidad, unidadMedida: 'Reunión', tipo: 'acumulable', periodicidad: 'trimestral', programado: [5, 0, 0, 0] }, sesion).then((m) =>
      sistema.llamar('poa.capturar', { metaId: m.id, periodo: 1, version: 0, alcanzado }, sesion),
    );
  await crear('Reuniones de gabinete realizadas', 5);
  await crear('Giras de trabajo a municipios', 0);
  await page.goto(`${sistema.servidor.url}#/poa/${anio}`);
  const celda = (meta: number, q: string) => page.getByRole('textbox', { name: `Alcanzado trimestre ${q}, meta ${meta}` });

  // A cell left with a figure the core refuses is the grid's draft: it survives a reload and comes back focused.
  await celda(2, 'II').click();
  await page.keyboard.type('-5');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: `POA ${anio}` }).getByText('No puede ser negativo (-5).')).toBeVisible();
  await borradorEscrito(page, '-5');
  await page.reload();
  await expect(page.getByTestId('oferta-borrador')).toBeVisible({ timeout: 20_000 });
  await captura(page, 'poa-05-borrador-cuadricula');
  await page.getByRole('button', { name: 'Recuperar borrador' }).click();
  await expect(celda(2, 'II')).toHaveValue('-5');
  await expect(celda(2, 'II')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(celda(2, 'II')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('tr[data-meta="2"]')).toContainText('A 2');
  await page.reload();
  await expect(celda(2, 'II')).toHaveValue('2', { timeout: 20_000 });
  await expect(page.getByTestId('oferta-borrador')).toHaveCount(0);

  // The meta's detail: a comentario typed and not saved is kept; closing the panel asks first.
  await page.getByRole('button', { name: 'Detalle de la meta 1' }).click();
  const detalle = page.getByRole('dialog', { name: 'Meta 1' });
  await detalle.getByRole('textbox', { name: 'Comentario Trimestre I', exact: true }).fill('Se celebraron las cinco reuniones programadas');
  await borradorEscrito(page, 'cinco reuniones');
  await page.keyboard.press('Escape');
  const salir = page.getByRole('dialog', { name: '¿Salir sin guardar?' });
  await expect(salir).toBeVisible();
  await page.waitForTimeout(400); // the question fades in
  await captura(page, 'poa-06-panel-pregunta');
  await salir.getByRole('button', { name: 'Seguir capturando' }).click();
  await expect(detalle.getByRole('textbox', { name: 'Comentario Trimestre I', exact: true })).toHaveValue('Se celebraron las cinco reuniones programadas');
  await page.reload();
  await page.getByRole('button', { name: 'Detalle de la meta 1' }).click({ timeout: 20_000 });
  await expect(detalle.getByTestId('oferta-borrador')).toBeVisible({ timeout: 20_000 });
  await detalle.getByRole('button', { name: 'Recuperar borrador' }).click();
  await expect(detalle.getByRole('textbox', { name: 'Comentario Trimestre I', exact: true })).toHaveValue('Se celebraron las cinco reuniones programadas');
  await captura(page, 'poa-07-detalle-recuperado');
  await detalle.getByRole('button', { name: 'Guardar' }).first().click();
  await expect(page.getByText('Trimestre I: captura guardada.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detalle).toBeHidden();
  await expect(salir).toHaveCount(0);

  // The nueva meta panel asks too, and «Salir sin guardar» closes it.
  await page.getByRole('button', { name: 'Nueva meta' }).click();
  const nueva = page.getByRole('dialog', { name: new RegExp(`Nueva meta del POA ${anio}`) });
  await nueva.getByRole('textbox', { name: 'Descripción' }).fill('Informes entregados al Ejecutivo');
  await nueva.getByRole('button', { name: 'Cerrar' }).or(nueva.locator('.mantine-Drawer-close')).first().click();
  await salir.getByRole('button', { name: 'Salir sin guardar' }).click();
  await expect(nueva).toBeHidden();

  // Tablero: each POA semáforo figure opens the grid with exactly those metas.
  await page.goto(`${sistema.servidor.url}#/tablero`);
  const poa = page.locator('[data-modulo="poa"]');
  await poa.getByRole('link', { name: /^Crítico: 1$/ }).click({ timeout: 20_000 });
  await expect(page).toHaveURL(new RegExp(`#/poa/${anio}\\?corte=\\d&semaforo=rojo`));
  await expect(page.getByTestId('filtro-semaforo')).toContainText('Semáforo: Crítico', { timeout: 20_000 });
  await expect(page.getByTestId('filtro-semaforo')).toContainText('1 meta de 2');
  await expect(page.locator('tr[data-meta]')).toHaveCount(1);
  await expect(page.locator('tr[data-meta="2"]')).toBeVisible();
  await captura(page, 'poa-08-filtro-critico');
  await page.getByRole('button', { name: 'Quitar el filtro de semáforo' }).click();
  await expect(page.locator('tr[data-meta]')).toHaveCount(2);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Tablero de control' })).toBeVisible({ timeout: 20_000 });
  await poa.getByRole('link', { name: /^Aceptable \(≥ 90 %\): 1$/ }).click({ timeout: 20_000 });
  await expect(page.locator('tr[data-meta]')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.locator('tr[data-meta="1"]')).toBeVisible();
});
