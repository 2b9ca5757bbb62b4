/**
 * Oficios de salida end to end (issue 13, "Done when"): answer a remitente with an oficio from the plantilla,
 * emit it, mark it delivered with a scanned acuse, then generate the recordatorios of three dependencias and
 * print them as one PDF (turned into PNG under tests/artifacts to be looked at).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { ARCHIVO_BASE } from '../../electron/core/app';
import { test, expect, captura, ARTEFACTOS } from './ayuda';

function pdfMinimo(texto: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${texto}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

/** Saves the PDF the page opens in a new tab; returns its path. */
async function pdfAbierto(page: Page, accion: () => Promise<void>): Promise<string> {
  const [popup] = await Promise.all([page.context().waitForEvent('page'), accion()]);
  const res = await page.request.get(popup.url());
  expect(res.headers()['content-type']).toBe('application/pdf');
  const archivo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sse-e2e-oficio-')), 'oficio.pdf');
  fs.writeFileSync(archivo, await res.body());
  await popup.close();
  return archivo;
}
const texto = (archivo: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', archivo, '-'], { encoding: 'utf8' });

test('oficios: responder con plantilla, emitir, entregar con acuse; recordatorios de tres dependencias en un PDF', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const aj = await sistema.llamar('ajustes.obtener', {});
  const { version, tieneLogo: _t, carpetaDatos: _c, ...valores } = aj;
  await sistema.llamar('ajustes.guardar', { ...valores, firmanteNombre: 'Lic. Ramón Castillo Valdez', version });
  await sistema.llamar('usuarios.crear', { usuario: 'rosa', nombre: 'Rosa Elena Duarte', rol: 'capturista', contrasena: 'contrasena-segura-1' });
  const rosa = (await sistema.llamar('usuarios.iniciarSesion', { usuario: 'rosa', contrasena: 'contrasena-segura-1' })).token;
  const hoy = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Hermosillo' });
  const registrar = (remitente: string, asunto: string) =>
    sistema.llamar('correspondencia.registrar', { fechaRecepcion: hoy, horaRecepcion: '00:00', remitenteNombre: remitente, remitenteCargo: 'Presidenta Municipal', remitenteOrganizacion: 'Ayuntamiento de Cajeme', asunto }, rosa);
  const asunto = await registrar('María José Peña Álvarez', 'Solicita apoyo para la rehabilitación del camino rural a Pueblo Yaqui');

  // Three dependencias with turnos whose plazo already passed (the plazo is moved back in the file:
  // the server runs on the real clock).
  const deps = (await sistema.llamar('catalogos.dependencias.listar', {})).slice(0, 3);
  const instr = (await sistema.llamar('catalogos.instrucciones.listar', {})).find((i) => i.clave === 'ATENCION')!;
  for (const [i, d] of deps.entries()) {
    for (let k = 0; k <= i; k++) {
      const a = await registrar(`Remitente ${i}-${k}`, `Petición ${k + 1} para ${d.nombre}`);
      await sistema.llamar('correspondencia.turnar', { asuntoId: a.id, dependencias: [d.id], instruccionId: instr.id }, rosa);
    }
  }
  const db = new Database(path.join(sistema.dataDir, ARCHIVO_BASE));
  db.prepare("update turnos set fecha_turno = '2026-01-05', fecha_limite = '2026-01-19'").run();
  db.close();

  await entrarComo('capturista', 'lupita');

  // ── Answer the remitente from the asunto's detail.
  await page.goto(`${sistema.servidor.urlConToken}#/correspondencia/asunto/${asunto.id}`);
  await page.getByRole('button', { name: 'Responder con oficio' }).click();
  const cuerpo = page.getByRole('textbox', { name: 'Cuerpo' });
  await expect(cuerpo).toHaveValue(new RegExp(`registrado con el folio ${asunto.folio.replace(/[./]/g, '\\$&')}`));
  await expect(page.getByRole('combobox', { name: 'Destinatario' })).toHaveValue('María José Peña Álvarez');
  const redactado = (await cuerpo.inputValue()).replace('Al respecto, me permito informarle que', 'Al respecto, me permito informarle que su solicitud fue turnada a la Secretaría de Infraestructura para su atención.');
  await cuerpo.fill(redactado);
  await captura(page, 'oficios-01-redactar');
  // Saved as a borrador, it takes anexos (attached, then one taken off) before it is emitted.
  await page.getByRole('button', { name: 'Guardar borrador' }).click();
  await expect(page.getByTestId('numero-oficio')).toHaveText('Oficio (borrador)');
  const anexos = page.getByTestId('anexos-oficio');
  await anexos.getByLabel('Adjuntar anexo').setInputFiles([
    { name: 'padron-beneficiarios.pdf', mimeType: 'application/pdf', buffer: pdfMinimo('Padron') },
    { name: 'equivocado.pdf', mimeType: 'application/pdf', buffer: pdfMinimo('Otro') },
  ]);
  await expect(anexos.getByText('equivocado.pdf')).toBeVisible();
  await anexos.getByRole('button', { name: 'Quitar equivocado.pdf' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Quitar' }).click();
  await expect(anexos.getByText('equivocado.pdf')).toHaveCount(0);
  await expect(anexos.getByText('padron-beneficiarios.pdf')).toBeVisible();
  await expect(cuerpo).toHaveValue(/turnada a la Secretaría de Infraestructura/);
  await captura(page, 'oficios-01b-anexos');
  await page.getByRole('button', { name: 'Emitir' }).click();
  await expect(page.getByTestId('numero-oficio')).toHaveText(/^Oficio OEE\/1\/\d{4}$/);
  // The first oficio of the office's year (America/Hermosillo): read from the page once it settled.
  const numero = `OEE/1/${new Intl.DateTimeFormat('en', { timeZone: 'America/Hermosillo', year: 'numeric' }).format(new Date())}`;
  await expect(page.getByTestId('numero-oficio')).toHaveText(`Oficio ${numero}`);
  await expect(page.getByTestId('anexos-oficio').getByText('padron-beneficiarios.pdf')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Quitar / })).toHaveCount(0);
  await captura(page, 'oficios-02-emitido');

  const pdfRespuesta = await pdfAbierto(page, () => page.getByRole('button', { name: 'Ver PDF' }).click());
  const t1 = texto(pdfRespuesta);
  expect(t1).toContain(`Oficio núm. ${numero}`);
  expect(t1).toContain('turnada a la Secretaría de Infraestructura');
  expect(t1).toContain('Lic. Ramón Castillo Valdez');
  expect(t1).toContain('Página 1 de 1');
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfRespuesta, path.join(ARTEFACTOS, 'oficios-respuesta')]);

  // ── Delivered, with the scanned acuse.
  await page.getByRole('button', { name: 'Marcar entregado' }).click();
  await page.locator('input[type=file]').setInputFiles({ name: 'acuse firmado.pdf', mimeType: 'application/pdf', buffer: pdfMinimo('acuse') });
  // A chosen acuse is a change: Cancelar asks before throwing it away.
  await page.getByRole('dialog', { name: /Entrega del oficio/ }).getByRole('button', { name: 'Cancelar' }).click();
  await page.getByRole('dialog', { name: '¿Salir sin guardar?' }).getByRole('button', { name: 'Seguir capturando' }).click();
  await expect(page.getByTestId('acuse')).toContainText('acuse firmado.pdf');
  await page.getByRole('button', { name: 'Registrar entrega' }).click();
  await expect(page.getByText('Entregado', { exact: true })).toBeVisible();
  await expect(page.getByText('acuse firmado.pdf')).toBeVisible();
  await captura(page, 'oficios-03-entregado');

  // The asunto lists its oficio.
  await page.evaluate((h) => (window.location.hash = h), `#/correspondencia/asunto/${asunto.id}`);
  await expect(page.getByTestId('folio-asunto')).toHaveText(asunto.folio);
  await expect(page.getByText(numero, { exact: true })).toBeVisible();
  await captura(page, 'oficios-03b-asunto-con-oficio');

  // ── The week's recordatorios.
  await page.getByRole('navigation').getByRole('link', { name: 'Oficios' }).click();
  await page.getByRole('tab', { name: 'Recordatorios' }).click();
  await page.getByRole('button', { name: 'Ver dependencias' }).click();
  for (const d of deps) await expect(page.getByRole('checkbox', { name: d.nombre })).toBeChecked();
  await captura(page, 'oficios-04-recordatorios-vista-previa');
  await page.getByRole('button', { name: 'Emitir 3 recordatorios' }).click();
  await expect(page.getByText('Recordatorios emitidos')).toBeVisible();
  await captura(page, 'oficios-05-recordatorios-emitidos');
  const pdf = await pdfAbierto(page, () => page.getByRole('button', { name: 'Imprimir todos (un PDF)' }).click());
  const t = texto(pdf);
  expect(t.split('Página 1 de 1').length - 1).toBe(3);
  expect(t).toContain('Recordatorio de asuntos turnados pendientes de atención');
  for (const d of deps) expect(t).toContain(d.nombre);
  for (const n of [2, 3, 4]) expect(t).toContain(`OEE/${n}/`);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(ARTEFACTOS, 'oficios-recordatorios')]);

  // ── The registry: everything in one list.
  await page.getByRole('tab', { name: 'Registro de oficios' }).click();
  await expect(page.getByText('4 oficios')).toBeVisible();
  await captura(page, 'oficios-06-registro');
});

test('plantillas: el administrador crea una plantilla; un campo desconocido se rechaza sin cerrar el diálogo', async ({ page, entrarComo }) => {
  await entrarComo('administrador', 'admin');
  await page.goto(page.url().replace(/#.*$/, '#/oficios/plantillas'));
  await expect(page.getByRole('heading', { name: 'Plantillas de oficio' })).toBeVisible();
  await page.getByRole('button', { name: 'Nueva plantilla' }).click();
  const d = page.getByRole('dialog', { name: 'Nueva plantilla' });
  await d.getByRole('textbox', { name: /^Clave/ }).fill('agradecimiento');
  await d.getByRole('textbox', { name: /^Nombre/ }).fill('Agradecimiento');
  await d.getByRole('textbox', { name: /^Asunto/ }).fill('Agradecimiento a {destinatario.nombre}');
  await d.getByRole('textbox', { name: /^Cuerpo/ }).fill('Agradezco su apoyo, {destinatario.apodo}.');
  await d.getByRole('button', { name: 'Guardar' }).click();
  await expect(d).toContainText('campo desconocido «{destinatario.apodo}»');
  await captura(page, 'oficios-plantilla-dialogo');
  await d.getByRole('textbox', { name: /^Cuerpo/ }).fill('Agradezco su apoyo, {destinatario.nombre}.');
  await d.getByRole('button', { name: 'Guardar' }).click();
  await expect(d).toBeHidden();
  await expect(page.getByRole('row', { name: /Agradecimiento/ })).toBeVisible();
});
