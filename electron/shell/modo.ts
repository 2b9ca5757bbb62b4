/**
 * How this PC works, kept per PC in a small file of the user-data folder (never in the office database):
 * Esta computadora, Servidor de la oficina (port) or Estación de trabajo (address + pinned fingerprint).
 * No file yet means first run: the window asks.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Modo } from './puente';

export const ARCHIVO_MODO = 'modo-de-trabajo.json';

export interface ConfigModo {
  modo: Modo;
  servidor?: { puerto: number };
  estacion?: { url: string; huella: string };
}

const HUELLA = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/** `https://host[:port]/` normalized (what stations store), or a Spanish reason. */
export function normalizarDireccion(texto: string): { url: string } | { motivo: string } {
  let t = texto.trim();
  if (t === '') return { motivo: 'Escriba la dirección del servidor, por ejemplo https://192.168.1.20:8443/.' };
  if (!/^[a-z]+:\/\//i.test(t)) t = `https://${t}`;
  let u: URL;
  try {
    u = new URL(t);
  } catch {
    return { motivo: 'La dirección no es válida. Ejemplo: https://192.168.1.20:8443/.' };
  }
  if (u.protocol !== 'https:') return { motivo: 'La dirección del servidor debe empezar con https:// (la conexión siempre va cifrada).' };
  if (u.username || u.password || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash) {
    return { motivo: 'Escriba solo la dirección del servidor y su puerto, por ejemplo https://192.168.1.20:8443/.' };
  }
  return { url: `https://${u.host}/` };
}

/** A fingerprint as «AA:BB:…» (uppercase), or null. */
export function normalizarHuella(texto: string): string | null {
  const h = texto.trim().toUpperCase();
  return HUELLA.test(h) ? h : null;
}

function estacionValida(x: unknown): ConfigModo['estacion'] | null {
  const e = x as { url?: unknown; huella?: unknown } | undefined;
  if (typeof e?.url !== 'string' || typeof e.huella !== 'string') return null;
  const d = normalizarDireccion(e.url);
  const h = normalizarHuella(e.huella);
  return 'url' in d && h ? { url: d.url, huella: h } : null;
}

/** A stored choice, or null if it is not one. The last pinned server is kept in every mode. */
export function validarConfig(x: unknown): ConfigModo | null {
  if (typeof x !== 'object' || x === null) return null;
  const c = x as Record<string, unknown>;
  const estacion = estacionValida(c.estacion);
  const conPin = estacion ? { estacion } : {};
  if (c.modo === 'local') return { modo: 'local', ...conPin };
  if (c.modo === 'servidor') {
    const puerto = (c.servidor as { puerto?: unknown } | undefined)?.puerto;
    return Number.isInteger(puerto) && (puerto as number) > 0 && (puerto as number) < 65536 ? { modo: 'servidor', servidor: { puerto: puerto as number }, ...conPin } : null;
  }
  if (c.modo === 'estacion') return estacion ? { modo: 'estacion', estacion } : null;
  return null;
}

/** The stored choice; null when there is none (or it is unreadable: the window asks again, nothing is guessed). */
export function leerModo(carpeta: string): ConfigModo | null {
  try {
    return validarConfig(JSON.parse(fs.readFileSync(path.join(carpeta, ARCHIVO_MODO), 'utf8')));
  } catch {
    return null;
  }
}

/** Written whole or not at all (temp file + rename). */
export function guardarModo(carpeta: string, config: ConfigModo): void {
  fs.mkdirSync(carpeta, { recursive: true });
  const destino = path.join(carpeta, ARCHIVO_MODO);
  const temporal = `${destino}.${process.pid}.tmp`;
  fs.writeFileSync(temporal, `${JSON.stringify(config, null, 2)}\n`);
  fs.renameSync(temporal, destino);
}
