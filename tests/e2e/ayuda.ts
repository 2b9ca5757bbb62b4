/**
 * End-to-end fixture: a real core on a fresh data directory behind the browser-mode server, the built
 * renderer, and Chromium. `entrarComo(rol)` creates a user of that role and signs in through the UI.
 */
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/app';
import { startServer, type RunningServer } from '../../electron/core/server';
import type { Core } from '../../electron/core/tipos';
import type { Input, Method, Output } from '../../electron/contract';

export const CONTRASENA = 'contrasena-segura-1';
export const ARTEFACTOS = path.resolve('tests/artifacts');
type Rol = Input<'usuarios.crear'>['rol'];

export interface Sistema {
  core: Core;
  servidor: RunningServer;
  dataDir: string;
  /** Session of the administrator created behind the scenes (for preparing data). */
  admin: () => Promise<string>;
  /** Calls the core directly as the administrator (to prepare data faster than through the UI). */
  llamar<M extends Method>(metodo: M, input: Input<M>, sesion?: string): Promise<Output<M>>;
}

export const test = base.extend<{ sistema: Sistema; entrarComo: (rol: Rol, usuario?: string) => Promise<Page> }>({
  sistema: async ({}, usar) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sse-e2e-'));
    const core = await createCore({ dataDir, validarSalida: true, lectorOcr: { intervaloMs: 300 } });
    const servidor = await startServer({ core, staticDir: path.resolve('dist/renderer') });
    let adminToken: string | null = null;
    const sistema: Sistema = {
      core, servidor, dataDir,
      async admin() {
        if (!adminToken) {
          const datos = { usuario: 'admin', nombre: 'Administración del Sistema', contrasena: CONTRASENA };
          let r = await core.call('usuarios.crearAdministradorInicial', datos);
          // Already created through the UI: sign in as that administrator instead.
          if (!r.ok) r = await core.call('usuarios.iniciarSesion', { usuario: 'admin', contrasena: CONTRASENA });
          if (!r.ok) throw new Error(r.error.message);
          adminToken = (r.data as { token: string }).token;
        }
        return adminToken;
      },
      async llamar(metodo, input, sesion) {
        const r = await core.call(metodo, input, { sesion: sesion ?? (await sistema.admin()) });
        if (!r.ok) throw new Error(`${metodo}: ${r.error.message}`);
        if (metodo === 'usuarios.crear') await elegirContrasena(core, input as Input<'usuarios.crear'>);
        return r.data as never;
      },
    };
    await usar(sistema);
    await servidor.close();
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },

  entrarComo: async ({ page, sistema }, usar) => {
    await usar(async (rol, usuario = rol) => {
      if (rol !== 'administrador' || usuario !== 'admin') {
        await sistema.llamar('usuarios.crear', { usuario, nombre: `Persona ${usuario}`, rol, contrasena: CONTRASENA });
      } else {
        await sistema.admin();
      }
      await page.goto(sistema.servidor.urlConToken);
      await iniciarSesion(page, usuario);
      return page;
    });
  },
});

/**
 * A user created by the administrator has a provisional password and must choose one at first sign-in;
 * fixtures do that step behind the scenes (choosing the same text through a temporary one) so specs can
 * sign in with the password they gave.
 */
async function elegirContrasena(core: Core, u: Input<'usuarios.crear'>): Promise<void> {
  const puente = `${u.contrasena}-temporal`;
  const s = await core.call('usuarios.iniciarSesion', { usuario: u.usuario, contrasena: u.contrasena });
  if (!s.ok) throw new Error(s.error.message);
  const sesion = (s.data as { token: string }).token;
  for (const [actual, nueva] of [[u.contrasena, puente], [puente, u.contrasena]]) {
    const r = await core.call('usuarios.cambiarContrasena', { actual, nueva }, { sesion });
    if (!r.ok) throw new Error(r.error.message);
  }
  await core.call('usuarios.cerrarSesion', {}, { sesion });
}

export async function iniciarSesion(page: Page, usuario: string, contrasena = CONTRASENA): Promise<void> {
  await page.getByLabel('Usuario').fill(usuario);
  await page.getByLabel('Contraseña').fill(contrasena);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('button', { name: /cerrar sesión/i })).toBeVisible();
}

export async function captura(page: Page, nombre: string): Promise<void> {
  fs.mkdirSync(ARTEFACTOS, { recursive: true });
  await page.screenshot({ path: path.join(ARTEFACTOS, `${nombre}.png`), fullPage: true });
}

/** Waits until a draft holding `texto` is written (drafts are kept 300 ms after the last keystroke). */
export async function borradorEscrito(page: Page, texto: string): Promise<void> {
  await expect
    .poll(() => page.evaluate((t) => Object.keys(localStorage).some((k) => k.startsWith('sse.borrador.') && (localStorage.getItem(k) ?? '').includes(t)), texto))
    .toBe(true);
}

export { expect };
