/**
 * Office network, end to end: `npm run servidor` (a real child process) over HTTPS on loopback, two
 * browser stations signed in as two users. One registers and turns an asunto; the other sees it appear
 * without reloading; the server is killed with -9 and restarted mid-session and both recover with
 * nothing lost; a double submit yields one asunto.
 */
import { test, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { clientePinned } from '../../electron/core/http/clientePinned';
import { CONTRASENA, captura, iniciarSesion } from './ayuda';

const PROVISIONAL = 'provisional-del-admin';

function puertoLibre(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

/** Starts the server and resolves with its address and fingerprint (the last two lines it prints). */
function arrancar(dataDir: string, puerto: number): Promise<{ proc: ChildProcess; url: string; huella: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/servidor.ts', '--data-dir', dataDir, '--host', '127.0.0.1', '--port', String(puerto)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let salida = '';
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (c: Buffer) => {
      salida += c.toString();
      const url = /^(https:\/\/\S+)$/m.exec(salida)?.[1];
      const huella = /^Huella SHA-256: (\S+)$/m.exec(salida)?.[1];
      if (url && huella) resolve({ proc, url, huella });
    });
    proc.once('exit', (code) => reject(new Error(`el servidor terminó con ${code}: ${salida}`)));
  });
}

async function prepararUsuarios(url: string, huella: string): Promise<void> {
  const admin = clientePinned({ url, huella });
  const ok = async (r: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const x = await r;
    if (!x.ok) throw new Error(x.error!.message);
  };
  await ok(admin.llamar('usuarios.crearAdministradorInicial', { usuario: 'admin', nombre: 'Administración', contrasena: CONTRASENA }));
  for (const [usuario, rol, nombre] of [['rosa', 'capturista', 'Rosa Valenzuela'], ['jefe', 'jefe', 'Jorge Encinas']]) {
    await ok(admin.llamar('usuarios.crear', { usuario, nombre, rol, contrasena: PROVISIONAL }));
    const c = clientePinned({ url, huella });
    await ok(c.llamar('usuarios.iniciarSesion', { usuario, contrasena: PROVISIONAL }));
    await ok(c.llamar('usuarios.cambiarContrasena', { actual: PROVISIONAL, nueva: CONTRASENA }));
  }
}

async function llenarAsunto(page: Page, asunto: string): Promise<void> {
  await page.getByRole('button', { name: 'Registrar asunto' }).click();
  await expect(page.getByRole('heading', { name: 'Registrar asunto' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Remitente' }).fill('María José Peña Álvarez');
  await page.getByRole('textbox', { name: 'Cargo', exact: true }).fill('Presidenta Municipal');
  await page.getByRole('textbox', { name: 'Número de oficio', exact: true }).fill('PM/0457/2026');
  await page.getByRole('textbox', { name: 'Asunto', exact: true }).fill(asunto);
  await page.getByRole('combobox', { name: 'Municipio' }).fill('cajeme');
  await page.getByRole('option', { name: 'Cajeme' }).click();
  await page.getByRole('textbox', { name: 'Asunto', exact: true }).focus();
}

test('red de la oficina: dos estaciones, avisos de cambio, servidor reiniciado con kill -9 y doble envío', async ({ browser }) => {
  test.setTimeout(420_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-red-'));
  const puerto = await puertoLibre();
  let srv = await arrancar(dataDir, puerto);
  try {
    expect(srv.huella).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    await prepararUsuarios(srv.url, srv.huella);

    const ctxA = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 768 } });
    const ctxB = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 768 } });
    const a = await ctxA.newPage();
    const b = await ctxB.newPage();
    await a.goto(srv.url);
    await iniciarSesion(a, 'rosa');
    await b.goto(srv.url);
    await iniciarSesion(b, 'jefe');
    await expect(a.locator('[data-servidor]')).toHaveText(`127.0.0.1:${puerto}`);

    await b.getByRole('navigation').getByRole('link', { name: 'Correspondencia' }).click();
    await expect(b.getByText('No hay asuntos con estos filtros')).toBeVisible();

    // Station A registers with a double Ctrl+Enter: one asunto.
    await a.getByRole('navigation').getByRole('link', { name: 'Correspondencia' }).click();
    await llenarAsunto(a, 'Solicita apoyo para el camino rural a Pueblo Yaqui');
    await a.keyboard.press('Control+Enter');
    await a.keyboard.press('Control+Enter');
    await expect(a.getByTestId('folio-registrado')).toHaveText(/^03\.01-1\/\d\d$/);
    const primerFolio = (await a.getByTestId('folio-registrado').textContent())!;

    // Station B sees it without reloading.
    await expect(b.getByText('Solicita apoyo para el camino rural a Pueblo Yaqui')).toBeVisible({ timeout: 5_000 });
    await captura(b, 'red-01-estacion-b-bandeja');

    // A turns it; B's tablero refetches by itself.
    await b.getByRole('navigation').getByRole('link', { name: 'Tablero' }).click();
    await expect(b.getByRole('heading', { name: /Tablero/ }).first()).toBeVisible();
    const recarga = b.waitForResponse((r) => r.url().includes('/api/tablero.resumen'), { timeout: 90_000 });
    await a.getByRole('button', { name: 'Turnar ahora' }).click();
    const turnar = a.getByRole('dialog', { name: /Turnar asunto/ });
    await turnar.getByRole('combobox', { name: 'Dependencias' }).fill('gobierno');
    await a.getByRole('option', { name: /Secretaría de Gobierno/ }).click();
    await turnar.getByRole('button', { name: /Turnar/ }).click();
    await expect(a.getByTestId('turno-SEGOB')).toBeVisible();
    await recarga;
    await captura(a, 'red-02-estacion-a-turnado');

    // The server dies (kill -9) while A is typing; A submits; the banner shows; the server comes back.
    await a.getByRole('navigation').getByRole('link', { name: 'Correspondencia' }).click();
    await llenarAsunto(a, 'Invitación a la inauguración de la clínica de Cajeme');
    srv.proc.kill('SIGKILL');
    await new Promise((r) => srv.proc.once('exit', r));
    await a.keyboard.press('Control+Enter');
    await expect(a.getByRole('alert').filter({ hasText: 'Sin conexión con el servidor' })).toBeVisible({ timeout: 15_000 });
    await expect(a.getByRole('textbox', { name: 'Asunto', exact: true })).toHaveValue('Invitación a la inauguración de la clínica de Cajeme');
    await captura(a, 'red-03-sin-conexion');
    srv = await arrancar(dataDir, puerto);
    await expect(a.getByTestId('folio-registrado')).toBeVisible({ timeout: 60_000 });
    await expect(a.getByRole('alert').filter({ hasText: 'Sin conexión con el servidor' })).toHaveCount(0);
    const segundoFolio = (await a.getByTestId('folio-registrado').textContent())!;

    // Both stations recover: B (still signed in) sees the new asunto; nothing lost, nothing twice, folios consecutive.
    await b.getByRole('navigation').getByRole('link', { name: 'Correspondencia' }).click();
    await expect(b.getByText('Invitación a la inauguración de la clínica de Cajeme')).toBeVisible({ timeout: 15_000 });
    const c = clientePinned({ url: srv.url, huella: srv.huella });
    await c.llamar('usuarios.iniciarSesion', { usuario: 'jefe', contrasena: CONTRASENA });
    const bandeja = await c.llamar('correspondencia.bandeja', {});
    expect(bandeja.ok).toBe(true);
    const filas = (bandeja.ok ? (bandeja.data as { filas: { folio: string }[]; total: number }) : { filas: [], total: 0 });
    expect(filas.total).toBe(2);
    const numero = (f: string) => Number(/-(\d+)\//.exec(f)![1]);
    expect(numero(segundoFolio)).toBe(numero(primerFolio) + 1);
    await captura(b, 'red-04-estacion-b-tras-reinicio');
    await ctxA.close();
    await ctxB.close();
  } finally {
    srv.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
  }
});
