/**
 * Lectura de escaneos ("Done when" of issue 14): a scanned oficio dropped on an empty Registrar form is
 * read, its proposals accepted and saved; once the queue has read the scan, the bandeja finds the asunto
 * by a word printed only inside it, shows the snippet and opens the anexo on that page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, captura } from './ayuda';
import { escanear, oficios, pdfDeImagenes, pdfDeOficio } from '../fixtures/oficios';

test('ocr: registrar desde un escaneo y encontrarlo por una palabra que solo está en el escaneo', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(480_000);
  const o = oficios(1)[0];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-e2e-ocr-'));
  const escaneo = await pdfDeImagenes([escanear(await pdfDeOficio(o, 0), { dpi: 200, rotacion: 0.8, ruido: 0.3 }, tmp)]);
  await entrarComo('capturista', 'rosa');

  await page.getByRole('navigation').getByRole('link', { name: 'Correspondencia' }).click();
  await page.getByRole('button', { name: 'Registrar asunto' }).click();
  // The clerk typed the remitente's cargo already: the proposal must not overwrite it.
  await page.getByRole('textbox', { name: 'Cargo' }).fill('Titular de la SEC');
  const datos = await page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'oficio escaneado.pdf', { type: 'application/pdf' }));
    return dt;
  }, escaneo.toString('base64'));
  await page.getByTestId('zona-anexos').dispatchEvent('drop', { dataTransfer: datos });
  const panel = page.getByTestId('sugerencias-escaneo');
  await expect(panel.getByText('Datos leídos del escaneo')).toBeVisible({ timeout: 180_000 });
  await expect(panel.getByText('sugerido del escaneo').first()).toBeVisible();
  await expect(panel.getByText('ya capturado')).toBeVisible();
  // Nothing is in the form until accepted.
  await expect(page.getByRole('textbox', { name: 'Número de oficio' })).toHaveValue('');
  await captura(page, 'ocr-01-sugerencias');
  await panel.getByRole('button', { name: 'Aceptar sugerencias' }).click();
  await expect(page.getByRole('textbox', { name: 'Número de oficio' })).toHaveValue(o.numero);
  await expect(page.getByRole('textbox', { name: 'Cargo' })).toHaveValue('Titular de la SEC');
  await expect(page.getByPlaceholder(/Nombre de quien firma/)).toHaveValue(o.remitente);
  await expect(page.getByRole('textbox', { name: 'Asunto' })).toHaveValue(/Solicitud de apoyo para rehabilitar/);
  await captura(page, 'ocr-02-aceptadas');
  await page.getByRole('button', { name: /Registrar \(Ctrl\+Enter\)/ }).click();
  const folio = (await page.getByTestId('folio-registrado').textContent())!;

  // The asunto as saved carries the accepted proposals.
  const fila = (await sistema.llamar('correspondencia.bandeja', { texto: folio })).filas[0] as { id: string };
  expect(await sistema.llamar('correspondencia.obtener', { id: fila.id })).toMatchObject({ oficioNumero: o.numero, oficioFecha: o.fecha, remitenteCargo: 'Titular de la SEC' });

  // Wait for the queue to read the scan, then search a word that is printed only in the body.
  await expect.poll(async () => ((await sistema.llamar('ocr.lecturas', { asuntoId: fila.id })) as { estado: string }[])[0]?.estado, { timeout: 180_000 }).toBe('listo');
  await page.getByRole('navigation').getByRole('link', { name: 'Correspondencia' }).click();
  await page.getByPlaceholder(/Buscar folio/).fill('sanitarios');
  const linea = page.getByTestId('coincidencia-anexo');
  await expect(linea).toContainText('Solo en el anexo «oficio escaneado.pdf», página 1');
  await expect(linea.locator('mark')).toHaveText(/sanitarios/i);
  await captura(page, 'ocr-03-bandeja');
  await linea.getByText(/Solo en el anexo/).click(); // an Anchor without href: no «link» role
  await expect(page.getByRole('dialog', { name: /oficio escaneado\.pdf · página 1/ })).toBeVisible();
  await captura(page, 'ocr-04-vista-previa');
  fs.rmSync(tmp, { recursive: true, force: true });
});
