/**
 * All-day capture (issue 12, part A, "Done when"): register and turn an asunto with the keyboard alone,
 * counting every non-text key; a double Ctrl+Enter while the save is in flight creates one asunto; a
 * draft survives a reload; «¿Salir sin guardar?»; invalid dates stay with their error; the command
 * palette jumps to a folio; sign-in with Enter lands each role on its own home.
 */
import type { Page } from '@playwright/test';
import { test, expect as esperarBase, captura, CONTRASENA } from './ayuda';

// Each step waits on the core and on the catalogs; a shared CI machine can be slow.
const expect = esperarBase.configure({ timeout: 20_000 });

/** Presses a non-text key (Enter, Ctrl+N…) and counts it. */
function contador(page: Page) {
  const teclas: string[] = [];
  return {
    teclas,
    async pulsar(tecla: string) {
      teclas.push(tecla);
      await page.keyboard.press(tecla);
    },
  };
}

const enfocado = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');

test('captura con el teclado: registrar y turnar en ≤ 12 teclas, doble Ctrl+Enter, borrador, paleta y inicio por rol', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(300_000);
  await sistema.llamar('usuarios.crear', { usuario: 'coord', nombre: 'Persona coordinadora', rol: 'coordinador', contrasena: CONTRASENA });
  await entrarComo('capturista', 'rosa');
  // The capturista lands on her own home: the bandeja.
  await expect(page).toHaveURL(/#\/correspondencia$/);
  await expect(page.getByText('No hay asuntos con estos filtros')).toBeVisible();

  // ── Register and turn with the keyboard alone.
  const k = contador(page);
  await k.pulsar('Control+n');
  const remitente = page.getByRole('combobox', { name: 'Remitente' });
  await expect(remitente).toBeFocused();
  await page.keyboard.type('Lic. Ramón Durazo Terán');
  await k.pulsar('Enter');
  await expect(page.getByRole('textbox', { name: 'Cargo', exact: true })).toBeFocused();
  await page.keyboard.type('Director General');
  await k.pulsar('Enter');
  await page.keyboard.type('Secretaría de Economía');
  await k.pulsar('Enter');
  await expect(page.getByRole('textbox', { name: 'Número de oficio', exact: true })).toBeFocused();
  await page.keyboard.type('SE/0981/2026');
  await k.pulsar('Enter');
  await page.keyboard.type('20/11/2026');
  await k.pulsar('Enter'); // → Tipo de documento (Oficio by default)
  await k.pulsar('Enter'); // → Asunto
  await expect(page.getByRole('textbox', { name: 'Asunto', exact: true })).toBeFocused();
  await page.keyboard.type('Solicita reunión para presentar el programa de apoyo a pymes exportadoras');
  await captura(page, 'captura-01-registrar-teclado');
  await k.pulsar('Control+Enter');
  const folio = page.getByTestId('folio-registrado');
  await expect(folio).toHaveText(/^03\.01-1\/\d\d$/);
  const textoFolio = (await folio.textContent())!;
  await expect(page.getByRole('button', { name: /Turnar ahora/ })).toBeFocused();
  await captura(page, 'captura-02-registrado');

  await k.pulsar('Enter'); // Turnar ahora
  const turnar = page.getByRole('dialog', { name: /Turnar asunto/ });
  await expect(turnar).toBeVisible();
  await expect(turnar.getByRole('combobox', { name: 'Dependencias' })).toBeFocused();
  await expect(turnar.getByText('10 días hábiles a partir de hoy')).toBeVisible();
  await page.keyboard.type('segob');
  await k.pulsar('Enter'); // picks the highlighted Secretaría de Gobierno
  await expect(turnar.getByText(/Secretaría de Gobierno/)).toBeVisible();
  await captura(page, 'captura-03-turnar-teclado');
  await k.pulsar('Control+Enter');
  await expect(page.getByTestId('turno-SEGOB')).toBeVisible();
  console.log(`Teclas que no son texto para registrar y turnar: ${k.teclas.length} (${k.teclas.join(', ')})`);
  expect(k.teclas.length).toBeLessThanOrEqual(12);

  // ── Ctrl+N from another page of the module opens Registrar; a double Ctrl+Enter while the save is
  // in flight (the server is slowed down here) creates one asunto, and the button says it is busy.
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { name: 'Registrar asunto' })).toBeVisible();
  await expect(remitente).toBeFocused();
  await page.keyboard.type('C. Lucía Valenzuela');
  await page.getByRole('textbox', { name: 'Asunto', exact: true }).fill('Invitación a la inauguración del centro comunitario');
  let registros = 0;
  await page.route('**/api/correspondencia.registrar', async (ruta) => {
    registros++;
    await new Promise((r) => setTimeout(r, 800));
    await ruta.continue();
  });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: /Registrar \(Ctrl\+Enter\)/ })).toBeDisabled();
  await page.keyboard.press('Control+Enter');
  await expect(folio).toHaveText(/^03\.01-2\/\d\d$/);
  await page.unroute('**/api/correspondencia.registrar');
  expect(registros).toBe(1);
  expect((await sistema.llamar('correspondencia.bandeja', {})).total).toBe(2);

  // ── «Registrar otro» keeps only what was ticked (nothing by default).
  await expect(page.getByRole('checkbox', { name: 'Remitente' })).not.toBeChecked();
  await page.keyboard.press('Control+n');
  await expect(remitente).toHaveValue('');
  await expect(remitente).toBeFocused();

  // ── Searchable select: "hermo" + Enter picks Hermosillo and moves on.
  await page.keyboard.type('Ing. Martha Cota');
  await page.getByRole('textbox', { name: 'Asunto', exact: true }).fill('Petición de alumbrado público en la colonia Las Minitas');
  const municipio = page.getByRole('combobox', { name: 'Municipio' });
  await municipio.click();
  await page.keyboard.type('hermo');
  await page.keyboard.press('Enter');
  await expect(municipio).toHaveValue('Hermosillo');
  await expect(page.getByRole('textbox', { name: 'Observaciones', exact: true })).toBeFocused();

  // ── An impossible date stays as typed, with the reason next to the field.
  const fechaOficio = page.getByRole('textbox', { name: 'Fecha del oficio', exact: true });
  await fechaOficio.click();
  await page.keyboard.type('31/02/2026');
  await page.keyboard.press('Enter');
  await expect(fechaOficio).toHaveValue('31/02/2026');
  await expect(page.getByText('«31/02/2026» no existe: febrero de 2026 tiene 28 días.')).toBeVisible();
  await fechaOficio.fill('45/13/2026');
  await fechaOficio.blur();
  await expect(page.getByText('«45/13/2026» no es una fecha: el mes debe ser de 01 a 12.')).toBeVisible();
  await page.keyboard.press('Control+Enter'); // refused: the date is wrong
  await expect(page.getByRole('heading', { name: 'Registrar asunto' })).toBeVisible();
  await expect(fechaOficio).toHaveValue('45/13/2026');
  await captura(page, 'captura-04-fecha-invalida');

  // ── Reload mid-form: the draft is offered back and restores everything typed.
  // The draft is written 300 ms after the last change.
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('sse.borrador.') && (localStorage.getItem(k) ?? '').includes('45/13/2026'))))
    .toBe(true);
  await page.reload();
  await expect(page.getByTestId('oferta-borrador')).toBeVisible();
  await captura(page, 'captura-05-oferta-borrador');
  await page.getByRole('button', { name: 'Recuperar borrador' }).click();
  await expect(remitente).toHaveValue('Ing. Martha Cota');
  await expect(page.getByRole('textbox', { name: 'Asunto', exact: true })).toHaveValue('Petición de alumbrado público en la colonia Las Minitas');
  await expect(municipio).toHaveValue('Hermosillo');
  await expect(fechaOficio).toHaveValue('45/13/2026');

  // ── Leaving with unsaved changes asks first.
  await page.getByRole('navigation').getByRole('link', { name: 'Tablero' }).click();
  const salir = page.getByRole('dialog', { name: '¿Salir sin guardar?' });
  await expect(salir).toBeVisible();
  // The focus starts on staying: an Enter typed a moment too late does not leave the form.
  await expect(salir.getByRole('button', { name: 'Seguir capturando' })).toBeFocused();
  await captura(page, 'captura-06-salir-sin-guardar');
  await salir.getByRole('button', { name: 'Seguir capturando' }).click();
  await expect(page.getByRole('heading', { name: 'Registrar asunto' })).toBeVisible();
  await fechaOficio.fill('20/11/2026');
  await page.keyboard.press('Control+Enter');
  await expect(folio).toHaveText(/^03\.01-3\/\d\d$/);
  const guardado = await sistema.llamar('correspondencia.bandeja', { texto: 'alumbrado' });
  expect(guardado.filas[0]?.remitente).toBe('Ing. Martha Cota');
  // Saved: the draft is gone.
  await page.keyboard.press('Control+n');
  await expect(page.getByTestId('oferta-borrador')).toHaveCount(0);

  // ── The palette (Ctrl+K) jumps to a folio.
  await page.keyboard.press('Control+k');
  const buscar = page.getByRole('textbox', { name: 'Buscar o ir a' }).or(page.getByPlaceholder(/Ir a una pantalla/));
  await expect(buscar.first()).toBeFocused();
  await page.keyboard.type(textoFolio);
  await expect(page.getByRole('button', { name: new RegExp(`Ir a folio ${textoFolio.replace(/[.\\/]/g, '\\$&')}`) })).toBeVisible();
  await captura(page, 'captura-07-paleta');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('folio-asunto')).toHaveText(textoFolio);
  await expect(page).toHaveURL(/#\/correspondencia\/asunto\//);

  // ── Sign out; the coordinator signs in with Enter from the password and lands on Gabinete, not on
  // the page the capturista left open.
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await page.getByLabel('Usuario').fill('coord');
  await page.getByLabel('Contraseña').fill(CONTRASENA);
  await page.getByLabel('Contraseña').press('Enter');
  await expect(page.getByRole('button', { name: /cerrar sesión/i })).toBeVisible();
  await expect(page).toHaveURL(/#\/gabinete(\/reuniones)?$/);
  await expect(page.getByRole('heading', { name: 'Reuniones de gabinete' })).toBeVisible();
  await captura(page, 'captura-08-inicio-coordinador');
  await expect.poll(() => enfocado(page)).not.toBeNull();
});
