/**
 * Issue #12 part B, seen by a user at 1366 px: the bandeja's urgentes at a glance and its new filters with
 * Spanish chips, the side panel without a horizontal scrollbar, and "Cerrar reunión y emitir minuta" that
 * produces the minuta and shows it.
 */
import type { Page } from '@playwright/test';
import { test, expect, captura } from './ayuda';

/** The table's count ("3 asuntos"). */
const conteo = (page: Page) => page.locator('[aria-live="polite"]').filter({ hasText: /asunto/ }).first();

test('bandeja: urgentes a la vista, filtros por municipio y remitente con chips en español, panel sin desplazamiento horizontal', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const cap = await sistema.llamar('usuarios.crear', { usuario: 'rosa', nombre: 'Rosa Capturista', rol: 'capturista', contrasena: 'contrasena-segura-1' });
  void cap;
  const sesion = (await sistema.llamar('usuarios.iniciarSesion', { usuario: 'rosa', contrasena: 'contrasena-segura-1' })).token;
  const base = { fechaRecepcion: '2026-11-20', horaRecepcion: '09:30', remitenteCargo: 'Presidenta Municipal', oficioNumero: 'PM/1/2026', oficioFecha: '2026-11-18', observaciones: '' };
  await sistema.llamar('correspondencia.registrar', { ...base, remitenteNombre: 'José Ángel Núñez', remitenteOrganizacion: 'Colonia Olivares', municipioClave: '26030', prioridad: 'urgente', asunto: 'Solicita la reparación urgente de la red de agua potable de la colonia Olivares' }, sesion);
  await sistema.llamar('correspondencia.registrar', { ...base, remitenteNombre: 'María Peña', remitenteOrganizacion: 'Ayuntamiento de Cajeme', municipioClave: '26018', asunto: 'Invita a la inauguración del parque industrial de Ciudad Obregón' }, sesion);
  await sistema.llamar('correspondencia.registrar', { ...base, remitenteNombre: 'Ana Ruiz', remitenteOrganizacion: 'Ayuntamiento de Hermosillo', municipioClave: '26030', asunto: 'Remite el informe trimestral de obra pública' }, sesion);

  await entrarComo('jefe', 'jefa');
  await page.getByRole('navigation').getByRole('link', { name: 'Correspondencia' }).click();
  await expect(conteo(page)).toHaveText(/^3\s*asuntos$/, { timeout: 20_000 });
  await expect(page.getByRole('row', { name: /Urgente Solicita la reparación/ })).toBeVisible();
  await captura(page, 'issue12b-01-bandeja');

  await page.getByText('Urgentes', { exact: true }).click();
  await expect(conteo(page)).toHaveText(/^1\s*asunto$/, { timeout: 20_000 });
  await expect(page.getByRole('group', { name: 'Filtros aplicados' })).toContainText('Prioridad: Urgente');
  await page.getByText('Urgentes', { exact: true }).click();
  await expect(conteo(page)).toHaveText(/^3\s*asuntos$/, { timeout: 20_000 });

  await page.getByRole('button', { name: 'Más filtros' }).click();
  await page.getByRole('combobox', { name: 'Municipio' }).fill('hermo');
  await page.getByRole('option', { name: 'Hermosillo' }).click();
  await page.getByRole('textbox', { name: 'Remitente' }).fill('ayuntamiento');
  await page.getByRole('textbox', { name: 'Remitente' }).press('Enter');
  await expect(conteo(page)).toHaveText(/^1\s*asunto$/, { timeout: 20_000 });
  await expect(page.getByText('Municipio: Hermosillo')).toBeVisible();
  await expect(page.getByText('Remitente: “ayuntamiento”')).toBeVisible();
  await captura(page, 'issue12b-02-bandeja-filtros');
  await page.getByRole('button', { name: 'Más filtros' }).click();

  await page.getByRole('row', { name: /Remite el informe trimestral/ }).click();
  await expect(page.getByRole('dialog', { name: 'Asunto' })).toBeVisible();
  const desborda = await page.evaluate(() => {
    const panel = document.querySelector('.mantine-Drawer-body') as HTMLElement | null;
    return {
      pagina: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      panel: panel ? panel.scrollWidth > panel.clientWidth + 1 : null,
    };
  });
  await captura(page, 'issue12b-03-panel');
  expect(desborda).toEqual({ pagina: false, panel: false });
});

test('gabinete: cerrar la reunión emite la minuta, la muestra y la deja en Documentos con acuerdos por dependencia', async ({ page, sistema }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const tipos = await sistema.llamar('catalogos.tiposGabinete.listar', {});
  const deps = await sistema.llamar('catalogos.dependencias.listar', {});
  await sistema.llamar('usuarios.crear', { usuario: 'coordina', nombre: 'Laura Coordinadora', rol: 'coordinador', contrasena: 'contrasena-segura-1' });
  const coord = (await sistema.llamar('usuarios.iniciarSesion', { usuario: 'coordina', contrasena: 'contrasena-segura-1' })).token;
  const r = await sistema.llamar('gabinete.reuniones.crear', { tipoId: tipos.find((t) => t.clave === 'GE')!.id, tema: 'de Salud', fecha: '2026-11-20', hora: '10:00', sede: 'Palacio de Gobierno', municipioClave: '26030' }, coord);
  for (const [i, d] of deps.slice(0, 2).entries()) {
    await sistema.llamar('gabinete.acuerdos.crear', { reunionId: r.id, descripcion: `Acuerdo ${i + 1} de la reunión de salud`, dependenciaId: d.id, corresponsables: [] }, coord);
  }

  await page.goto(sistema.servidor.urlConToken);
  await page.getByLabel('Usuario').fill('coordina');
  await page.getByLabel('Contraseña').fill('contrasena-segura-1');
  await page.getByRole('button', { name: 'Entrar' }).click();
  // The coordinator lands on Gabinete first (home per role); then opens the meeting.
  await expect(page.getByRole('heading', { name: 'Reuniones de gabinete' })).toBeVisible();
  await page.goto(`${sistema.servidor.url}#/gabinete/reuniones/${r.id}/acuerdos`);
  await expect(page.getByText('GE-SAL-I-01')).toBeVisible();
  await page.getByRole('button', { name: 'Cerrar reunión y emitir minuta' }).click();
  const dialogo = page.getByRole('dialog', { name: 'Cerrar reunión y emitir minuta' });
  await expect(dialogo).toContainText('2 acuerdos');
  const [popup] = await Promise.all([page.context().waitForEvent('page'), dialogo.getByRole('button', { name: 'Cerrar y emitir minuta' }).click()]);
  await popup.close();
  await expect(page.getByText('Generados en esta sesión')).toBeVisible();
  await expect(page.getByText(/^Minuta - I Reunión de Gabinete de Salud/)).toBeVisible();
  await expect(page.getByText('Acuerdos por dependencia', { exact: true })).toBeVisible();
  await captura(page, 'issue12b-04-documentos');
});
