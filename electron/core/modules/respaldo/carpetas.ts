/**
 * How backups sit in a destination folder: `respaldo-AAAAMMDD-HHMMSS/` (office time) holding seguimiento.sqlite,
 * manifiesto.json and archivos/<ab>/<sha256>; `.parcial-…` folders are work in progress and never listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { partesEnZona, ZONA_OFICINA } from '../../tiempo';
import { ARCHIVO_MANIFIESTO, ARCHIVO_VERIFICACION, leerManifiesto, type Manifiesto } from './manifiesto';

export const PREFIJO = 'respaldo-';
export const PREFIJO_PARCIAL = '.parcial-';

export interface Verificacion {
  momento: number;
  valido: boolean;
  problemas: string[];
}

export interface RespaldoListado {
  nombre: string;
  ruta: string;
  manifiesto: Manifiesto;
  /** Bytes of the database copy plus its anexos. */
  tamano: number;
  /** The last re-check (Verificar); null if only verified when it was made. */
  verificacion: Verificacion | null;
}

export function rutaAnexo(respaldo: string, sha256: string): string {
  return path.join(respaldo, 'archivos', sha256.slice(0, 2), sha256);
}

const dos = (n: number) => String(n).padStart(2, '0');

/** A name in office time (what the list shows) that sorts by time and is not taken in `destino`. */
export function nombreDeRespaldo(creado: number, destino: string): string {
  const p = partesEnZona(creado, ZONA_OFICINA);
  const base = `${PREFIJO}${p.anio}${dos(p.mes)}${dos(p.dia)}-${dos(p.hora)}${dos(p.minuto)}${dos(p.segundo)}`;
  let nombre = base;
  for (let i = 2; fs.existsSync(path.join(destino, nombre)); i++) nombre = `${base}-${i}`;
  return nombre;
}

export function leerVerificacion(ruta: string): Verificacion | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(ruta, ARCHIVO_VERIFICACION), 'utf8')) as Verificacion;
  } catch {
    return null;
  }
}

/** Finished backups in `destino`, newest first. A folder without a readable manifest is not a backup. */
export function listarRespaldos(destino: string): RespaldoListado[] {
  let nombres: string[];
  try {
    nombres = fs.readdirSync(destino).filter((n) => n.startsWith(PREFIJO));
  } catch {
    return [];
  }
  const lista: RespaldoListado[] = [];
  for (const nombre of nombres) {
    const ruta = path.join(destino, nombre);
    const manifiesto = leerManifiesto(path.join(ruta, ARCHIVO_MANIFIESTO));
    if (!manifiesto) continue;
    const tamano = manifiesto.base.tamano + manifiesto.archivos.reduce((s, a) => s + a.tamano, 0);
    lista.push({ nombre, ruta, manifiesto, tamano, verificacion: leerVerificacion(ruta) });
  }
  return lista.sort((a, b) => b.manifiesto.creado - a.manifiesto.creado || b.nombre.localeCompare(a.nombre));
}
