/** Print, "Guardar como…", open with the system and show in folder — for generated reports and stored files. */
import { app, dialog, shell, type BrowserWindow, type FileFilter, type WebContents } from 'electron';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArchivoGenerado } from '../core/tipos';
import type { ResultadoAbrir, ResultadoGuardar, ResultadoMostrar } from './puente';

/** The core (embedded, office server) or a station's connection, which downloads the file first. */
export interface NucleoArchivos {
  archivoGenerado(id: string, sesion: string | null): ArchivoGenerado | null | Promise<ArchivoGenerado | null>;
}

const NO_ENCONTRADO = 'No se encontró el archivo, o su sesión no tiene acceso a él. Vuelva a generarlo.';

/** Opens the system print dialog. Cancelling is not an error; a failure is logged, never thrown to the page. */
export function imprimir(contents: WebContents): Promise<void> {
  return new Promise((resolve) => {
    contents.print({ silent: false, printBackground: true }, (exito, motivo) => {
      if (!exito && motivo && motivo !== 'cancelled') console.warn(`No se pudo imprimir: ${motivo}`);
      resolve();
    });
  });
}

/** A name safe to propose in a dialog or to create in a temp folder (never a path). */
export function nombreSeguro(nombre: string): string {
  const base = path.basename(String(nombre ?? '').replace(/\\/g, '/'));
  const limpio = base
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 150);
  return limpio === '' ? 'archivo' : limpio;
}

const FILTROS: Record<string, FileFilter> = {
  pdf: { name: 'Documento PDF', extensions: ['pdf'] },
  xlsx: { name: 'Libro de Excel', extensions: ['xlsx'] },
  xls: { name: 'Libro de Excel 97-2003', extensions: ['xls'] },
  csv: { name: 'Valores separados por comas (CSV)', extensions: ['csv'] },
  docx: { name: 'Documento de Word', extensions: ['docx'] },
  zip: { name: 'Archivo comprimido ZIP', extensions: ['zip'] },
  png: { name: 'Imagen PNG', extensions: ['png'] },
  jpg: { name: 'Imagen JPEG', extensions: ['jpg', 'jpeg'] },
  jpeg: { name: 'Imagen JPEG', extensions: ['jpg', 'jpeg'] },
};

export function filtrosPara(nombre: string): FileFilter[] {
  const ext = path.extname(nombre).slice(1).toLowerCase();
  const propio = FILTROS[ext] ?? (ext ? { name: `Archivo ${ext.toUpperCase()}`, extensions: [ext] } : null);
  return [...(propio ? [propio] : []), { name: 'Todos los archivos', extensions: ['*'] }];
}

/** Types the system may open with its default application (documents and images; never executables or scripts). */
const ABRIBLES = new Set([
  'pdf', 'xlsx', 'xls', 'ods', 'docx', 'doc', 'odt', 'csv', 'txt',
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'tif', 'tiff',
]);

export function sePuedeAbrir(nombre: string): boolean {
  return ABRIBLES.has(path.extname(nombre).slice(1).toLowerCase());
}

function mensajeErrorArchivo(e: unknown): string {
  const codigo = (e as NodeJS.ErrnoException | null)?.code;
  switch (codigo) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'No tiene permiso para escribir en esa carpeta. Elija otra.';
    case 'ENOSPC':
      return 'No hay espacio suficiente en el disco.';
    case 'EBUSY':
      return 'El archivo está abierto en otro programa. Ciérrelo e inténtelo de nuevo.';
    case 'ENOENT':
      return 'El archivo ya no existe. Vuelva a generarlo.';
    default:
      return 'No se pudo guardar el archivo.';
  }
}

async function buscar(core: NucleoArchivos, archivoId: string, sesion: string | null): Promise<ArchivoGenerado | null> {
  try {
    const archivo = await core.archivoGenerado(archivoId, sesion);
    return archivo && fs.existsSync(archivo.ruta) ? archivo : null;
  } catch {
    return null;
  }
}

let ultimaCarpeta: string | null = null;

export async function guardarComo(
  core: NucleoArchivos,
  archivoId: string,
  sesion: string | null,
  ventana: BrowserWindow | null,
): Promise<ResultadoGuardar> {
  const archivo = await buscar(core, archivoId, sesion);
  if (!archivo) return { guardado: false, motivo: NO_ENCONTRADO };
  const nombre = nombreSeguro(archivo.nombre);
  const opciones = {
    title: 'Guardar como',
    buttonLabel: 'Guardar',
    defaultPath: path.join(ultimaCarpeta ?? app.getPath('documents'), nombre),
    filters: filtrosPara(nombre),
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
  const eleccion = ventana ? await dialog.showSaveDialog(ventana, opciones) : await dialog.showSaveDialog(opciones);
  if (eleccion.canceled || !eleccion.filePath) return { guardado: false };
  const destino = eleccion.filePath;
  try {
    if (path.resolve(destino) !== path.resolve(archivo.ruta)) {
      await fs.promises.copyFile(archivo.ruta, destino);
    }
  } catch (e) {
    return { guardado: false, motivo: mensajeErrorArchivo(e) };
  }
  ultimaCarpeta = path.dirname(destino);
  return { guardado: true, ruta: destino };
}

export async function abrir(core: NucleoArchivos, archivoId: string, sesion: string | null): Promise<ResultadoAbrir> {
  const archivo = await buscar(core, archivoId, sesion);
  if (!archivo) return { abierto: false, motivo: NO_ENCONTRADO };
  const nombre = nombreSeguro(archivo.nombre);
  if (!sePuedeAbrir(nombre)) {
    return {
      abierto: false,
      motivo: 'Por seguridad, este tipo de archivo no se abre desde el sistema. Use «Guardar como…».',
    };
  }
  let ruta = archivo.ruta;
  // Stored files have no meaningful name on disk: open a copy that carries the right name and extension.
  if (path.extname(ruta).toLowerCase() !== path.extname(nombre).toLowerCase()) {
    try {
      const carpeta = path.join(os.tmpdir(), 'sse-abrir', randomUUID());
      await fs.promises.mkdir(carpeta, { recursive: true });
      ruta = path.join(carpeta, nombre);
      await fs.promises.copyFile(archivo.ruta, ruta);
    } catch (e) {
      return { abierto: false, motivo: mensajeErrorArchivo(e) };
    }
  }
  const error = await shell.openPath(ruta);
  return error ? { abierto: false, motivo: `No se pudo abrir el archivo: ${error}` } : { abierto: true };
}

export async function mostrarEnCarpeta(core: NucleoArchivos, archivoId: string, sesion: string | null): Promise<ResultadoMostrar> {
  const archivo = await buscar(core, archivoId, sesion);
  if (!archivo) return { mostrado: false, motivo: NO_ENCONTRADO };
  shell.showItemInFolder(archivo.ruta);
  return { mostrado: true };
}
