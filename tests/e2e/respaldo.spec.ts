/**
 * Respaldos end to end: the administrator is warned on the tablero, picks a destination, presses
 * Respaldar ahora (progress, then the verified backup in the list), and restores it after more work
 * was registered: the dialog names the backup, asks for its name, and everyone signs in again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, captura, iniciarSesion, CONTRASENA } from './ayuda';

test('Respaldar ahora → Restaurar', async ({ page, sistema, entrarComo }) => {
  test.setTimeout(300_000); // two backups, a restore and two sign-ins
  const destino = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-e2e-respaldos-'));
  await sistema.llamar('usuarios.crear', { usuario: 'captura', nombre: 'Persona captura', rol: 'capturista', contrasena: CONTRASENA });
  const cap = (await sistema.llamar('usuarios.iniciarSesion', { usuario: 'captura', contrasena: CONTRASENA })).token;
  const registrar = (asunto: string) =>
    sistema.llamar('correspondencia.registrar', { fechaRecepcion: '2026-11-20', horaRecepcion: '09:00', remitenteNombre: 'Ayuntamiento de Cajeme', asunto }, cap);
  await registrar('Solicitud de apoyo para el camino rural');

  await entrarComo('administrador', 'admin');
  await expect(page.getByText('No hay ningún respaldo verificado')).toBeVisible({ timeout: 20_000 });
  await captura(page, 'respaldo-1-aviso-tablero');

  await page.getByRole('link', { name: 'Ir a Respaldos' }).click();
  await page.getByLabel('Carpeta de destino').fill(destino);
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText(`Respaldos en: ${destino}`)).toBeVisible();
  await page.getByRole('button', { name: 'Respaldar ahora' }).click();
  // The first job starts its worker thread (seconds on a loaded machine) before the copy begins.
  await expect(page.getByText(/Respaldo verificado: 1 asuntos/)).toBeVisible({ timeout: 90_000 });
  const fila = page.locator('tr[data-respaldo]');
  await expect(fila).toHaveCount(1);
  await expect(fila).toContainText('Íntegro');
  await captura(page, 'respaldo-2-lista');

  await fila.getByRole('button', { name: 'Verificar' }).click();
  await expect(page.getByText(/está completo e íntegro/)).toBeVisible();

  // Work registered after the backup: the restore takes the data back to the backup.
  await registrar('Invitación al informe de gobierno');
  const nombre = (await fila.getAttribute('data-respaldo'))!;
  await fila.getByRole('button', { name: 'Restaurar' }).click();
  const dialogo = page.getByRole('dialog');
  await expect(dialogo).toContainText(`Restaurar ${nombre}`);
  await expect(dialogo.getByRole('row', { name: /Asuntos/ })).toContainText('1');
  const boton = dialogo.getByRole('button', { name: 'Restaurar este respaldo' });
  await expect(boton).toBeDisabled();
  await captura(page, 'respaldo-3-confirmar');
  await dialogo.getByLabel(/Para confirmar/).fill(nombre);
  await boton.click();
  await expect(dialogo).toContainText('Datos restaurados', { timeout: 90_000 });
  await expect(dialogo).toContainText('verificó correctamente');
  await captura(page, 'respaldo-4-restaurado');
  await Promise.all([page.waitForEvent('load'), dialogo.getByRole('button', { name: 'Iniciar sesión' }).click()]);
  await iniciarSesion(page, 'admin');
  const bandeja = await sistema.llamar('correspondencia.bandeja', {}, (await sistema.llamar('usuarios.iniciarSesion', { usuario: 'captura', contrasena: CONTRASENA })).token);
  expect(bandeja.total).toBe(1);
  fs.rmSync(destino, { recursive: true, force: true });
});
