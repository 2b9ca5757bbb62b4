/**
 * Correspondencia end to end (issue 3, "Done when"): register with a scan, turn to two dependencias,
 * answer one, extend the other, print acuse, volante and the status report — in Chromium, with
 * screenshots; the PDFs and the xlsx downloaded from the UI are read back.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect, borradorEscrito, captura, iniciarSesion } from './ayuda';

function pdfMinimo(texto: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${texto}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

/** Opens the PDF the page opens in a new tab, and returns its text. */
async function textoDelPdfAbierto(page: Page, accion: () => Promise<void>): Promise<string> {
  const [popup] = await Promise.all([page.context().waitForEvent('page'), accion()]);
  const url = popup.url();
  const res = await page.request.get(url);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const archivo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sse-e2e-pdf-')), 'doc.pdf');
  fs.writeFileSync(archivo, await res.body());
  await popup.close();
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', archivo, '-'], { encoding: 'utf8' });
}

test('correspondencia: registrar con escaneo, turnar a dos, responder una, prorrogar otra, imprimir acuse, volante y reporte', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(240_000);
  await sistema.llamar('usuarios.crear', { usuario: 'jefe', nombre: 'Persona jefe', rol: 'jefe', contrasena: 'contrasena-segura-1' });
  await entrarComo('capturista', 'rosa');

  // ── Registrar: keyboard-first, defaults, remitente, municipio without accents, a scan by drag and drop.
  await page.getByRole('navigation').getByRole('link', { name: 'Correspondencia' }).click();
  await expect(page.getByText('No hay asuntos con estos filtros')).toBeVisible();
  await captura(page, 'correspondencia-01-bandeja-vacia');
  await page.getByRole('button', { name: 'Registrar asunto' }).click();
  await expect(page.getByRole('heading', { name: 'Registrar asunto' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Destinatario' })).toHaveValue('Titular del Ejecutivo');
  await expect(page.getByRole('combobox', { name: 'Serie de folios' })).toHaveValue(/03\.01-1\/\d\d/);

  await page.getByRole('combobox', { name: 'Remitente' }).fill('María José Peña Álvarez');
  await page.keyboard.press('Enter'); // Enter moves on to the next field
  await expect(page.getByRole('textbox', { name: 'Cargo', exact: true })).toBeFocused();
  await page.keyboard.type('Presidenta Municipal');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ayuntamiento de Cajeme');
  await page.getByRole('textbox', { name: 'Número de oficio', exact: true }).fill('PM/0457/2026');
  await page.getByRole('textbox', { name: 'Asunto', exact: true }).fill('Solicita apoyo para la rehabilitación del camino rural a Pueblo Yaqui');
  await page.getByRole('combobox', { name: 'Municipio' }).fill('cajeme');
  await page.getByRole('option', { name: 'Cajeme' }).click();

  // Drag and drop a scanned PDF onto the drop zone.
  const datos = await page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    dt.items.add(new File([bytes], 'oficio escaneado.pdf', { type: 'application/pdf' }));
    return dt;
  }, pdfMinimo('Oficio PM/0457/2026').toString('base64'));
  await page.getByTestId('zona-anexos').dispatchEvent('drop', { dataTransfer: datos });
  await expect(page.getByText(/oficio escaneado\.pdf/)).toBeVisible();
  await captura(page, 'correspondencia-02-registrar');

  await page.getByRole('textbox', { name: 'Asunto', exact: true }).focus();
  await page.keyboard.press('Control+Enter');
  const folio = page.getByTestId('folio-registrado');
  await expect(folio).toHaveText(/^03\.01-1\/\d\d$/);
  const textoFolio = (await folio.textContent())!;
  await captura(page, 'correspondencia-03-folio');

  // ── Imprimir acuse and volante from the banner.
  const acuse = await textoDelPdfAbierto(page, () => page.getByRole('button', { name: 'Imprimir acuse' }).click());
  expect(acuse).toContain('Acuse de recibo');
  expect(acuse).toContain(textoFolio);
  expect(acuse).toContain('María José Peña Álvarez');
  expect(acuse).toContain('oficio escaneado.pdf');

  // ── Turnar ahora: two dependencias at once, plazo computed in días hábiles.
  await page.getByRole('button', { name: 'Turnar ahora' }).click();
  const turnar = page.getByRole('dialog', { name: /Turnar asunto/ });
  await expect(turnar).toBeVisible();
  const deps = turnar.getByRole('combobox', { name: 'Dependencias' });
  await deps.fill('gobierno');
  await page.getByRole('option', { name: /Secretaría de Gobierno/ }).click();
  await deps.fill('hacienda');
  await page.getByRole('option', { name: /Secretaría de Hacienda/ }).click();
  await expect(turnar.getByText('10 días hábiles a partir de hoy')).toBeVisible();
  await captura(page, 'correspondencia-04-turnar');
  await turnar.getByRole('button', { name: /Turnar/ }).click();
  await expect(page.getByTestId('turno-SEGOB')).toBeVisible();
  await expect(page.getByTestId('turno-SH')).toBeVisible();
  await expect(page.getByTestId('turno-SEGOB').getByText('No atendido')).toBeVisible();
  await expect(page.getByTestId('turno-SEGOB').getByText('A tiempo')).toBeVisible();

  // ── Answer SEGOB (atendido, with the response's oficio).
  await page.getByTestId('turno-SEGOB').getByRole('button', { name: 'Actualizar' }).click();
  const act = page.getByRole('dialog', { name: /Actualizar turno/ });
  await act.getByRole('combobox', { name: 'Estatus' }).click();
  await page.getByRole('option', { name: 'Atendido', exact: true }).click();
  await act.getByRole('button', { name: 'Registrar respuesta (oficio)' }).click();
  await act.getByRole('textbox', { name: 'Número de oficio de respuesta', exact: true }).fill('SEGOB/123/2026');
  await act.getByRole('textbox', { name: 'Resumen de la respuesta', exact: true }).fill('Se canalizó a la Secretaría de Infraestructura.');
  await act.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByTestId('turno-SEGOB').getByText('Atendido')).toBeVisible();
  await expect(page.getByTestId('turno-SEGOB').getByText(/oficio SEGOB\/123\/2026/)).toBeVisible();

  // ── Extend SH's plazo with a reason.
  await page.getByTestId('turno-SH').getByRole('button', { name: 'Prórroga' }).click();
  const pro = page.getByRole('dialog', { name: 'Prórroga del plazo' });
  const hoy = new Date();
  const nueva = new Date(hoy.getFullYear(), hoy.getMonth() + 2, 15);
  await pro.getByRole('textbox', { name: 'Nueva fecha límite', exact: true }).fill(
    `${String(nueva.getDate()).padStart(2, '0')}/${String(nueva.getMonth() + 1).padStart(2, '0')}/${nueva.getFullYear()}`,
  );
  await pro.getByRole('textbox', { name: 'Motivo', exact: true }).fill('La dependencia solicitó más tiempo para responder.');
  // Closing with what was typed asks first; the motivo stays.
  await page.keyboard.press('Escape');
  const salir = page.getByRole('dialog', { name: '¿Salir sin guardar?' });
  await salir.getByRole('button', { name: 'Seguir capturando' }).click();
  await expect(pro.getByRole('textbox', { name: 'Motivo', exact: true })).toHaveValue('La dependencia solicitó más tiempo para responder.');
  await pro.getByRole('button', { name: 'Conceder prórroga' }).click();
  await expect(page.getByTestId('turno-SH').getByText(/Prorrogado/)).toBeVisible();
  await expect(page.getByText('En proceso').first()).toBeVisible();
  await expect(page.getByText(/Prórroga del turno a SH/)).toBeVisible();
  await captura(page, 'correspondencia-05-detalle');

  // ── The scan opens in a preview (fetched by id, shown from a blob: never a path).
  await page.getByRole('table').getByText('oficio escaneado.pdf').click();
  const vista = page.getByRole('dialog', { name: 'oficio escaneado.pdf' });
  await expect(vista.locator('iframe')).toHaveAttribute('src', /^blob:/);
  await page.keyboard.press('Escape');
  await expect(vista).toHaveCount(0);

  // ── Volante from the detail.
  const volante = await textoDelPdfAbierto(page, () => page.getByRole('button', { name: 'Imprimir volante' }).click());
  expect(volante).toContain('Volante de turno');
  expect(volante).toContain(textoFolio);
  expect(volante).toContain('Secretaría de Gobierno');
  expect(volante).toContain('Secretaría de Hacienda');

  // ── Bandeja: accent-insensitive search, filter in the URL, export what is on screen.
  await page.getByRole('tab', { name: 'Bandeja' }).click();
  await expect(page.getByText('1 asunto')).toBeVisible();
  await page.getByPlaceholder(/Buscar folio/).fill('rehabilitacion pueblo');
  await expect(page).toHaveURL(/q=rehabilitacion/);
  await expect(page.getByRole('row', { name: new RegExp(textoFolio.replace(/[./]/g, '\\$&')) })).toBeVisible();
  await captura(page, 'correspondencia-06-bandeja');
  const [descarga] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Exportar a Excel/ }).click()]);
  const xlsx = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sse-e2e-xlsx-')), 'listado.xlsx');
  await descarga.saveAs(xlsx);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const valores: unknown[] = [];
  wb.getWorksheet('Asuntos')!.eachRow((r) => valores.push(...(r.values as unknown[])));
  expect(valores).toContain(textoFolio);
  expect(valores).toContain('SEGOB, SH');

  // ── The Jefe de Oficina prints the Reporte de Estatus por Dependencia.
  // Notices may cover the header: sign out from the keyboard, as a clerk could.
  await page.getByRole('button', { name: /cerrar sesión/i }).focus();
  await page.keyboard.press('Enter');
  await iniciarSesion(page, 'jefe');
  await page.getByRole('navigation').getByRole('link', { name: 'Correspondencia' }).click();
  await page.getByRole('tab', { name: 'Reporte de estatus' }).click();
  await expect(page.getByRole('row', { name: /Secretaría de Hacienda/ })).toBeVisible();
  await expect(page.getByTestId('pct-48h')).toHaveText('100 %');
  await captura(page, 'correspondencia-07-reporte');
  const reporte = await textoDelPdfAbierto(page, () => page.getByRole('button', { name: 'PDF' }).click());
  expect(reporte).toContain('Reporte de Estatus por Dependencia');
  expect(reporte).toMatch(/Secretaría de Gobierno \(SEGOB\)\s+1\s+1\s+0\s+0/);
  expect(reporte).toMatch(/Secretaría de Hacienda \(SH\)\s+1\s+0\s+0\s+1\s+0\s+1/);
  expect(reporte).toMatch(/Total\s+2\s+1/);
  // The jefe reads but does not register.
  await expect(page.getByRole('tab', { name: 'Registrar' })).toHaveCount(0);
});

test('series de folios: el administrador fija el siguiente número con vista previa', async ({ page, entrarComo }) => {
  await entrarComo('administrador', 'admin');
  await page.goto(page.url().replace(/#.*$/, '#/correspondencia/series'));
  await expect(page.getByRole('heading', { name: 'Series de folios' })).toBeVisible();
  await page.getByRole('row', { name: /Correspondencia del Titular/ }).getByRole('button', { name: 'Siguiente número…' }).click();
  const d = page.getByRole('dialog', { name: /Siguiente número/ });
  // What is typed is a draft: leaving asks first, and after a reload the dialog offers it back.
  await d.getByRole('textbox', { name: 'Siguiente número', exact: true }).fill('1030');
  await borradorEscrito(page, '1030');
  await page.keyboard.press('Escape');
  const salir = page.getByRole('dialog', { name: '¿Salir sin guardar?' });
  await salir.getByRole('button', { name: 'Salir sin guardar' }).click();
  await expect(d).toHaveCount(0);
  await page.reload();
  await page.getByRole('row', { name: /Correspondencia del Titular/ }).getByRole('button', { name: 'Siguiente número…' }).click();
  await expect(d.getByTestId('oferta-borrador')).toBeVisible({ timeout: 20_000 });
  await captura(page, 'correspondencia-08a-series-borrador');
  await d.getByRole('button', { name: 'Recuperar borrador' }).click();
  await expect(d.getByRole('textbox', { name: 'Siguiente número', exact: true })).toHaveValue('1030');
  await d.getByRole('textbox', { name: 'Siguiente número', exact: true }).fill('1034');
  await expect(d.getByTestId('previa-siguiente')).toHaveText(/^03\.01-1034\/\d\d$/);
  await captura(page, 'correspondencia-08-series');
  await d.getByRole('button', { name: 'Fijar' }).click();
  await expect(page.getByRole('row', { name: /Correspondencia del Titular/ })).toContainText('03.01-1034/');
  // Fixed: the draft is gone.
  await page.getByRole('row', { name: /Correspondencia del Titular/ }).getByRole('button', { name: 'Siguiente número…' }).click();
  await expect(d.getByRole('textbox', { name: 'Siguiente número', exact: true })).toHaveValue('1034');
  await expect(d.getByTestId('oferta-borrador')).toHaveCount(0);
});
