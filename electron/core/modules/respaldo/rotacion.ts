/**
 * Which backups to keep: the newest of each of the last N days, N weeks and N months (office time),
 * and always the newest of all. Everything else in the destination is removed after a new backup.
 */
import fs from 'node:fs';
import { partesEnZona, ZONA_OFICINA } from '../../tiempo';
import { listarRespaldos } from './carpetas';

export interface ReglasRotacion {
  diarios: number;
  semanales: number;
  mensuales: number;
}

export const ROTACION_INICIAL: ReglasRotacion = { diarios: 7, semanales: 4, mensuales: 12 };

const DIA_MS = 86_400_000;

function claves(creado: number, tz: string) {
  const p = partesEnZona(creado, tz);
  const dia = Date.UTC(p.anio, p.mes - 1, p.dia) / DIA_MS; // days since epoch, in office time
  const lunes = dia - ((new Date(dia * DIA_MS).getUTCDay() + 6) % 7);
  return { dia: `d${dia}`, semana: `s${lunes}`, mes: `m${p.anio}-${p.mes}` };
}

export function aConservar(respaldos: readonly { nombre: string; creado: number }[], reglas: ReglasRotacion, tz = ZONA_OFICINA): Set<string> {
  const orden = [...respaldos].sort((a, b) => b.creado - a.creado);
  const conservar = new Set<string>(orden.slice(0, 1).map((r) => r.nombre));
  const vistos = { dia: new Set<string>(), semana: new Set<string>(), mes: new Set<string>() };
  const limite = { dia: reglas.diarios, semana: reglas.semanales, mes: reglas.mensuales };
  for (const r of orden) {
    const k = claves(r.creado, tz);
    for (const nivel of ['dia', 'semana', 'mes'] as const) {
      if (!vistos[nivel].has(k[nivel]) && vistos[nivel].size < limite[nivel]) {
        vistos[nivel].add(k[nivel]);
        conservar.add(r.nombre);
      }
    }
  }
  return conservar;
}

/** Removes the backups the rules no longer keep; returns their names. */
export function rotar(destino: string, reglas: ReglasRotacion, tz = ZONA_OFICINA): string[] {
  const lista = listarRespaldos(destino);
  const quedan = aConservar(lista.map((r) => ({ nombre: r.nombre, creado: r.manifiesto.creado })), reglas, tz);
  const borrados = lista.filter((r) => !quedan.has(r.nombre));
  for (const r of borrados) fs.rmSync(r.ruta, { recursive: true, force: true });
  return borrados.map((r) => r.nombre);
}
