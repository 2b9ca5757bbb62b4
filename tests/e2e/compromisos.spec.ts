/**
 * Compromisos end to end (issue 5 "Done when"): create a PED hierarchy and two compromisos, record
 * seguimientos that move one to cumplido, look at the semáforo and print it; the PDF is read back.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, captura } from './ayuda';

async function elegir(page: Page, etiqueta: string | RegExp, opcion: string | RegExp, dentro: Page | ReturnType<Page['locator']> = page) {
  await dentro.getByLabel(etiqueta).first().click();
  await page.getByRole('option', { name: opcion }).first().click();
}

/** A PDF the app opens in a new tab: read its bytes from the same address. */
async function textoDePdfAbierto(page: Page, accion: () => Promise<void>): Promise<string> {
  const [pestana] = await Promise.all([page.context().waitForEvent('page'), accion()]);
  const url = pestana.url();
  await pestana.close();
  const r = await page.request.get(url);
  expect(r.ok()).toBe(true);
  const ruta = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sse-pdf-')), 'r.pdf');
  fs.writeFileSync(ruta, await r.body());
  fs.mkdirSync('tests/artifacts', { recursive: true });
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ruta, '-'], { encoding: 'utf8' });
}

test('compromisos: PED, dos compromisos, seguimientos hasta cumplido, semáforo e impresión', async ({ page, entrarComo }) => {
  test.setTimeout(180_000);
  await entrarComo('coordinador', 'coordinadora');
  await page.getByRole('navigation').getByRole('link', { name: 'Compromisos' }).click();
  await expect(page.getByText('Sin compromisos')).toBeVisible();

  // Plan Estatal de Desarrollo: eje › objetivo › estrategia, with the keyboard (Enter saves).
  await page.getByRole('tab', { name: 'Plan Estatal de Desarrollo' }).click();
  await page.getByRole('button', { name: 'Nuevo eje' }).click();
  await page.getByRole('textbox', { name: 'Clave del eje' }).fill('1');
  await page.getByRole('textbox', { name: 'Texto del eje' }).fill('Sonora seguro y en paz');
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 Sonora seguro y en paz')).toBeVisible();
  await page.getByRole('button', { name: 'Agregar objetivo a 1' }).click();
  await page.getByRole('textbox', { name: 'Clave del objetivo' }).fill('1.1');
  await page.getByRole('textbox', { name: 'Texto del objetivo' }).fill('Reducir la incidencia delictiva');
  await page.keyboard.press('Enter');
  await expect(page.getByText('1.1 Reducir la incidencia delictiva')).toBeVisible();
  await page.getByRole('button', { name: 'Agregar estrategia a 1.1' }).click();
  await page.getByRole('textbox', { name: 'Clave de la estrategia' }).fill('1.1.1');
  await page.getByRole('textbox', { name: 'Texto de la estrategia' }).fill('Equipar a las policías municipales');
  await page.keyboard.press('Enter');
  await expect(page.getByText('1.1.1 Equipar a las policías municipales')).toBeVisible();
  await captura(page, 'compromisos-01-ped');

  // Two compromisos.
  await page.getByRole('tab', { name: 'Compromisos' }).click();
  const datos: [string, string, string, RegExp][] = [
    ['Equipar con patrullas a la policía municipal de Hermosillo', '15/04/2021', 'Hermosillo', /Secretaría de Seguridad Pública/],
    ['Programa estatal de becas para estudiantes de nivel medio superior', '20/05/2021', 'Estatal', /Secretaría de Educación y Cultura/],
  ];
  for (const [i, [descripcion, fecha, municipio, dependencia]] of datos.entries()) {
    await page.getByRole('button', { name: 'Nuevo compromiso' }).first().click();
    const dialogo = page.getByRole('dialog', { name: 'Nuevo compromiso' });
    await expect(dialogo.getByRole('textbox', { name: 'Número' })).toHaveValue(String(i + 1));
    await dialogo.getByRole('textbox', { name: 'Fecha en que se comprometió' }).fill(fecha);
    await dialogo.getByRole('textbox', { name: 'Fecha en que se comprometió' }).press('Tab');
    await dialogo.getByRole('textbox', { name: 'Descripción' }).fill(descripcion);
    await elegir(page, 'Municipio', new RegExp(`^${municipio}$`), dialogo);
    await elegir(page, /Alineación/, /1\.1\.1/, dialogo);
    await elegir(page, 'Dependencia responsable', dependencia, dialogo);
    if (i === 0) await captura(page, 'compromisos-02-formulario');
    await dialogo.getByRole('button', { name: 'Guardar' }).click();
    await expect(page.getByText(`Compromiso ${i + 1} registrado.`)).toBeVisible();
  }
  await expect(page.getByText(/2 compromisos/)).toBeVisible();

  // Accent-insensitive search.
  await page.getByPlaceholder(/Buscar/).fill('policia');
  await expect(page.getByRole('row', { name: /patrullas/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /becas/ })).toHaveCount(0);
  await page.getByPlaceholder(/Buscar/).fill('');
  await expect(page.getByRole('row', { name: /becas/ })).toBeVisible();

  // Seguimientos on compromiso 1: 60 % (en proceso), then cumplido.
  await page.getByRole('row', { name: /patrullas/ }).click();
  const panel = page.getByLabel('Compromiso 1', { exact: true });
  await expect(panel.getByText('Aún no hay seguimientos')).toBeVisible();
  await panel.getByRole('textbox', { name: 'Avance %' }).fill('60');
  await panel.getByRole('textbox', { name: 'Nota' }).fill('Se entregaron 30 de 50 patrullas.');
  await panel.getByRole('button', { name: 'Registrar seguimiento' }).click();
  await expect(panel.getByText('Sin avance 0 % → En proceso 60 %')).toBeVisible();
  await elegir(page, 'Estatus', 'Cumplido', panel);
  await panel.getByRole('textbox', { name: 'Nota' }).fill('Se entregaron las 50 patrullas; acta de entrega firmada.');
  await panel.getByRole('button', { name: 'Registrar seguimiento' }).click();
  await expect(panel.getByText('En proceso 60 % → Cumplido 100 %')).toBeVisible();
  await expect(page.getByRole('row', { name: /patrullas/ }).getByText('Cumplido')).toBeVisible();
  await captura(page, 'compromisos-03-seguimientos');

  // Semáforo: 1 cumplido, 1 sin avance; a bar per dependencia, a view per municipio, by eje.
  await page.getByRole('tab', { name: 'Semáforo de cumplimiento' }).click();
  await expect(page.getByRole('table', { name: 'Dependencia' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Dependencia' }).locator('tfoot')).toContainText('1 (50 %)');
  await captura(page, 'compromisos-04-semaforo-dependencia');
  await page.getByText('Por municipio', { exact: true }).click();
  await expect(page.getByRole('table', { name: 'Municipio' })).toContainText('Hermosillo');
  await expect(page.getByRole('table', { name: 'Municipio' })).toContainText('Estatal');
  await expect(page.locator('[data-municipio]')).toHaveCount(73); // the 72 municipios of Sonora + Estatal
  await expect(page.locator('[data-municipio="Cajeme"]')).toContainText('Sin compromisos');
  await expect(page.locator('[data-municipio="Hermosillo"]')).toContainText('1 compromiso · 100 % cumplidos');
  await captura(page, 'compromisos-05-semaforo-municipio');
  await page.getByText('Por eje', { exact: true }).click();
  await expect(page.getByRole('table', { name: 'Eje del Plan Estatal de Desarrollo' })).toContainText('1 Sonora seguro y en paz');

  const texto = await textoDePdfAbierto(page, () => page.getByRole('button', { name: 'Imprimir semáforo (PDF)' }).click());
  expect(texto).toContain('Semáforo de cumplimiento de compromisos de campaña');
  expect(texto).toMatch(/Compromisos registrados\s+2/);
  expect(texto).toMatch(/Cumplidos\s+1 \(50 %\)/);
  expect(texto).toMatch(/Sin avance\s+1 \(50 %\)/);
  expect(texto).toMatch(/Total\s+2\s+0\s+2\s+1\s+50\s*%\s+0\s+0\s*%\s+1\s+50\s*%/);
});
