/** Generated reports live in dataDir/reportes and are handed out by id, never by a path the renderer chose. */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { ArchivoGenerado } from './tipos';

interface Registro extends ArchivoGenerado {
  sesion: string | null;
}

const TIPOS: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export class Generados {
  private readonly registro = new Map<string, Registro>();
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'reportes');
  }

  /** Reserves a file for a report; `nombre` is what the user will see (e.g. "Acuse 03.01-15-26.pdf"). */
  nuevo(nombre: string, sesion: string | null): { id: string; ruta: string; nombre: string } {
    fs.mkdirSync(this.dir, { recursive: true });
    const ext = path.extname(nombre).slice(1).toLowerCase();
    const id = uuidv7();
    const ruta = path.join(this.dir, `${id}.${ext}`);
    const limpio = nombre.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-');
    this.registro.set(id, { ruta, nombre: limpio, tipo: TIPOS[ext] ?? 'application/octet-stream', sesion });
    return { id, ruta, nombre: limpio };
  }

  obtener(id: string, sesion: string | null): ArchivoGenerado | null {
    const r = this.registro.get(id);
    if (!r || r.sesion !== sesion || !fs.existsSync(r.ruta)) return null;
    return { ruta: r.ruta, nombre: r.nombre, tipo: r.tipo };
  }
}
