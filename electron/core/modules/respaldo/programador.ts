/**
 * Automatic backups: once a day at the hour of Ajustes › Respaldos (office time), plus — for the desktop
 * app — one on close when the last is older than 24 h. Reads its settings through a read-only
 * connection of its own, so the app, the browser mode and the office server start it the same way.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { inicioDeFecha, fechaEnZona, ZONA_OFICINA } from '../../tiempo';
import { leerAjustesRespaldo, destinoEfectivo } from './ajustes';
import { listarRespaldos } from './carpetas';
import { crearRespaldo, BASE_EN_USO } from './respaldar';
import { rotar } from './rotacion';
import type { PedidoRespaldo } from './trabajos';

export interface Programador {
  /** Makes the backup if one is due now; resolves with its path, or null. */
  revisar(): Promise<string | null>;
  alCerrar(): Promise<void>;
  detener(): void;
}

export interface OpcionesProgramador {
  dataDir: string;
  appRoot: string;
  ahora?: () => number;
  /** True while the data is being replaced (restore): skip this turn. */
  ocupado?: () => boolean;
  intervaloMs?: number;
  registro?: (mensaje: string) => void;
  nativeBinding?: string;
  /** Makes the backup (the core: in a job worker, trabajos.ts); directly here when absent. */
  crear?: (p: PedidoRespaldo) => Promise<{ ruta: string; retirados: string[] }>;
}

const DIA_MS = 86_400_000;

function leerAjustes(dataDir: string, nativeBinding: string | undefined) {
  const db = new Database(path.join(dataDir, BASE_EN_USO), { readonly: true, fileMustExist: true, nativeBinding });
  try {
    return leerAjustesRespaldo(db).valores;
  } finally {
    db.close();
  }
}

/** The instant of today's scheduled backup (office time). */
export function horaDeHoy(ahora: number, hora: string): number {
  const [h, m] = hora.split(':').map(Number);
  return inicioDeFecha(fechaEnZona(ahora, ZONA_OFICINA)) + (h * 60 + m) * 60_000;
}

export function iniciarProgramador(o: OpcionesProgramador): Programador {
  const ahora = o.ahora ?? Date.now;
  const registro = o.registro ?? ((m: string) => console.log(`[respaldo] ${m}`));
  let trabajando = false;
  const crear =
    o.crear ??
    (async (p: PedidoRespaldo) => {
      const r = await crearRespaldo({ dataDir: o.dataDir, destino: p.destino, appRoot: o.appRoot, ahora, motivo: p.motivo, crearDestino: p.crearDestino, nativeBinding: o.nativeBinding });
      return { ruta: r.ruta, retirados: p.rotacion ? rotar(p.destino, p.rotacion) : [] };
    });

  const respaldar = async (debido: (ultimo: number | null, hora: string) => boolean): Promise<string | null> => {
    if (trabajando || o.ocupado?.()) return null;
    trabajando = true;
    try {
      const v = leerAjustes(o.dataDir, o.nativeBinding);
      const destino = destinoEfectivo(o.dataDir, v);
      const ultimo = listarRespaldos(destino)[0]?.manifiesto.creado ?? null;
      if (!debido(ultimo, v.hora)) return null;
      const r = await crear({ destino, crearDestino: !v.destino, motivo: 'automatico', rotacion: v });
      registro(`respaldo automático en ${r.ruta}${r.retirados.length ? ` (rotación: ${r.retirados.length} retirados)` : ''}`);
      return r.ruta;
    } catch (e) {
      registro(`no se pudo hacer el respaldo automático: ${(e as Error).message}`);
      return null;
    } finally {
      trabajando = false;
    }
  };

  const revisar = () =>
    respaldar((ultimo, hora) => {
      const programado = horaDeHoy(ahora(), hora);
      return ahora() >= programado && (ultimo === null || ultimo < programado);
    });
  const reloj = setInterval(() => void revisar(), o.intervaloMs ?? 60_000);
  reloj.unref();
  return {
    revisar,
    alCerrar: async () => {
      clearInterval(reloj);
      await respaldar((ultimo) => ultimo === null || ahora() - ultimo > DIA_MS);
    },
    detener: () => clearInterval(reloj),
  };
}
