/** Generated reports live in dataDir/reportes and are handed out by id, never by a path the renderer chose. */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { ArchivoGenerado } from './tipos';

export interface Registro extends ArchivoGenerado {
  sesion: string | null;
}

const TIPOS: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export class Generados {
  private readonly registro = new Map<string, Registro>();
  private readonly dir: string;

  /** `alReservar` tells a worker thread's owner about each file it reserves (see jobs/worker.ts). */
  constructor(dataDir: string, private readonly alReservar?: (id: string, r: Registro) => void) {
    this.dir = path.join(dataDir, 'reportes');
  }

  /** Reserves a file for a report; `nombre` is what the user will see (e.g. "Acuse 03.01-15-26.pdf"). */
  nuevo(nombre: string, sesion: string | null): { id: string; ruta: string; nombre: string } {
    fs.mkdirSync(this.dir, { recursive: true });
    const ext = path.extname(nombre).slice(1).toLowerCase();
    const id = uuidv7();
    const ruta = path.join(this.dir, `${id}.${ext}`);
    const limpio = nombre.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-');
    const r = { ruta, nombre: limpio, tipo: TIPOS[ext] ?? 'application/octet-stream', sesion };
    this.registro.set(id, r);
    this.alReservar?.(id, r);
    return { id, ruta, nombre: limpio };
  }

  /** Registers a file a background job reserved in its own thread, so its session can download it. */
  adoptar(id: string, r: Registro): void {
    this.registro.set(id, r);
  }

  obtener(id: string, sesion: string | null): ArchivoGenerado | null {
    const r = this.registro.get(id);
    if (!r || r.sesion !== sesion || !fs.existsSync(r.ruta)) return null;
    return { ruta: r.ruta, nombre: r.nombre, tipo: r.tipo };
  }
}
