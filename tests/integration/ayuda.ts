/** Test helpers: a real core on a real temporary SQLite file, with a clock the test controls. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createCore } from '../../electron/core/app';
import type { Core } from '../../electron/core/tipos';
import type { Input, Method, Output } from '../../electron/contract';
import type { ErrorInfo } from '../../electron/core/errors';

export const INICIO = Date.UTC(2026, 10, 20, 17, 0, 0); // viernes 20/11/2026 10:00 en Hermosillo

export interface Prueba {
  core: Core;
  dataDir: string;
  reloj: { ahora: number; avanzar(ms: number): void };
  cerrar(): void;
}

export function carpetaTemporal(prefijo = 'sse-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefijo));
}

export async function crearPrueba(dataDir = carpetaTemporal()): Promise<Prueba> {
  const reloj = { ahora: INICIO, avanzar(ms: number) { this.ahora += ms; } };
  const core = await createCore({ dataDir, clock: () => reloj.ahora, validarSalida: true });
  return { core, dataDir, reloj, cerrar: () => core.close() };
}

/** Calls a method and returns its data, failing the test with the Spanish message otherwise. */
export async function llamar<M extends Method>(core: Core, metodo: M, input: Input<M>, sesion: string | null = null): Promise<Output<M>> {
  const r = await core.call(metodo, input, { sesion });
  if (!r.ok) throw new Error(`${metodo} falló: ${r.error.code} ${r.error.message}`);
  return r.data as Output<M>;
}

/** Calls a method that must fail; returns its error. */
export async function fallar(core: Core, metodo: string, input: unknown, sesion: string | null = null): Promise<ErrorInfo> {
  const r = await core.call(metodo, input, { sesion });
  if (r.ok) throw new Error(`${metodo} debió fallar y devolvió ${JSON.stringify(r.data).slice(0, 200)}`);
  return r.error;
}

export const CONTRASENA = 'contrasena-segura-1';

/** First run: creates the administrator; returns its session token. */
export async function iniciarComoAdmin(core: Core): Promise<string> {
  const s = await llamar(core, 'usuarios.crearAdministradorInicial', { usuario: 'admin', nombre: 'Administración del Sistema', contrasena: CONTRASENA });
  return s.token;
}

export const PROVISIONAL = 'provisional-del-admin';

/** Creates a user as the administrator does (provisional password), and signs in choosing CONTRASENA as a real user must. */
export async function crearUsuarioYEntrar(core: Core, admin: string, usuario: string, rol: Input<'usuarios.crear'>['rol']): Promise<string> {
  await llamar(core, 'usuarios.crear', { usuario, nombre: `Persona ${usuario}`, rol, contrasena: PROVISIONAL }, admin);
  const { token } = await llamar(core, 'usuarios.iniciarSesion', { usuario, contrasena: PROVISIONAL });
  await llamar(core, 'usuarios.cambiarContrasena', { actual: PROVISIONAL, nueva: CONTRASENA }, token);
  return token;
}

/**
 * Starts a fixture script in its own Node process (a second "user" on the same database file).
 * `esperar(prefijo)` resolves with the first stdout line starting with it, or rejects if the process exits first.
 */
export function procesoHijo(script: string, args: string[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  let salida = '';
  const esperar = (texto: string) =>
    new Promise<string>((resolve, reject) => {
      const revisar = () => {
        const linea = salida.split('\n').find((l) => l.startsWith(texto));
        if (linea) resolve(linea);
      };
      proc.stdout.on('data', (c: Buffer) => {
        salida += c.toString();
        revisar();
      });
      proc.once('exit', (code) => (salida.includes(texto) ? undefined : reject(new Error(`${path.basename(script)} terminó con ${code}`))));
      revisar();
    });
  return { proc, esperar };
}
