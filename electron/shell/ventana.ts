/**
 * The main window: created with secure webPreferences; size, position and maximized state remembered
 * in `<userData>/ventana.json` and clamped to the displays that exist now.
 */
import { BrowserWindow, screen, type Rectangle } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { webPreferencesSeguras } from './seguridad';

export const NOMBRE_PRODUCTO = 'Sistema de Seguimiento del Ejecutivo';
export const ARCHIVO_ESTADO = 'ventana.json';

export const TAMANO_INICIAL = { width: 1280, height: 800 };
export const TAMANO_MINIMO = { width: 960, height: 600 };
/** How much of the window must stay on some display to keep its position (the title bar, roughly). */
const VISIBLE_MINIMO = { width: 200, height: 80 };

export interface EstadoVentana {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximizado: boolean;
}

export interface Limites {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

const entero = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function leerEstado(ruta: string): EstadoVentana | null {
  let datos: unknown;
  try {
    datos = JSON.parse(fs.readFileSync(ruta, 'utf8'));
  } catch {
    return null;
  }
  if (typeof datos !== 'object' || datos === null) return null;
  const d = datos as Record<string, unknown>;
  if (!entero(d.width) || !entero(d.height) || d.width <= 0 || d.height <= 0) return null;
  const estado: EstadoVentana = {
    width: Math.round(d.width),
    height: Math.round(d.height),
    maximizado: d.maximizado === true,
  };
  if (entero(d.x) && entero(d.y)) {
    estado.x = Math.round(d.x);
    estado.y = Math.round(d.y);
  }
  return estado;
}

/** Written atomically (temp file + rename) so a crash never leaves half a JSON. Failures are ignored. */
export function guardarEstado(ruta: string, estado: EstadoVentana): void {
  try {
    fs.mkdirSync(path.dirname(ruta), { recursive: true });
    const temporal = `${ruta}.${process.pid}.tmp`;
    fs.writeFileSync(temporal, JSON.stringify(estado, null, 2));
    fs.renameSync(temporal, ruta);
  } catch {
    // Remembering the window is a convenience; never fail because of it.
  }
}

function interseccion(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function limitar(valor: number, min: number, max: number): number {
  return Math.min(Math.max(valor, min), Math.max(min, max));
}

/**
 * Bounds for a new window from the remembered state and the displays' work areas (`principal` first
 * is not required; pass it separately). Off-screen windows come back centered on the primary display;
 * windows larger than their display shrink to fit it.
 */
export function ajustarAPantallas(estado: EstadoVentana | null, areas: Rectangle[], principal: Rectangle): Limites {
  const ajustarTamano = (area: Rectangle, w: number, h: number) => ({
    width: Math.min(Math.max(w, TAMANO_MINIMO.width), area.width),
    height: Math.min(Math.max(h, TAMANO_MINIMO.height), area.height),
  });
  if (!estado) return ajustarTamano(principal, TAMANO_INICIAL.width, TAMANO_INICIAL.height);
  if (estado.x === undefined || estado.y === undefined) return ajustarTamano(principal, estado.width, estado.height);

  const rect: Rectangle = { x: estado.x, y: estado.y, width: estado.width, height: estado.height };
  let mejor: Rectangle | null = null;
  let mejorArea = 0;
  for (const area of areas) {
    const i = interseccion(rect, area);
    const visible =
      i.width >= Math.min(VISIBLE_MINIMO.width, rect.width) && i.height >= Math.min(VISIBLE_MINIMO.height, rect.height);
    if (visible && i.width * i.height > mejorArea) {
      mejor = area;
      mejorArea = i.width * i.height;
    }
  }
  if (!mejor) return ajustarTamano(principal, estado.width, estado.height);
  const tamano = ajustarTamano(mejor, estado.width, estado.height);
  return {
    x: limitar(estado.x, mejor.x, mejor.x + mejor.width - tamano.width),
    y: limitar(estado.y, mejor.y, mejor.y + mejor.height - tamano.height),
    ...tamano,
  };
}

/** Brings the window to the front (second launch, "focus the first window"). */
export function enfocar(ventana: BrowserWindow | null | undefined): void {
  if (!ventana || ventana.isDestroyed()) return;
  if (ventana.isMinimized()) ventana.restore();
  if (!ventana.isVisible()) ventana.show();
  ventana.focus();
}

/** The product name always stays in the title, whatever the page sets ("Ana López (Jefe de Oficina)"). */
export function tituloVentana(tituloPagina: string): string {
  const t = tituloPagina.trim();
  if (t === '' || t.startsWith('app://')) return NOMBRE_PRODUCTO;
  return t.includes(NOMBRE_PRODUCTO) ? t : `${t} — ${NOMBRE_PRODUCTO}`;
}

export interface OpcionesVentana {
  preload: string;
  /** Folder for ventana.json (app.getPath('userData')). */
  carpetaEstado: string;
  icono?: string;
}

export function crearVentana(opciones: OpcionesVentana): BrowserWindow {
  const rutaEstado = path.join(opciones.carpetaEstado, ARCHIVO_ESTADO);
  const estado = leerEstado(rutaEstado);
  const limites = ajustarAPantallas(
    estado,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );

  const ventana = new BrowserWindow({
    ...limites,
    minWidth: TAMANO_MINIMO.width,
    minHeight: TAMANO_MINIMO.height,
    title: NOMBRE_PRODUCTO,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(opciones.icono && fs.existsSync(opciones.icono) ? { icon: opciones.icono } : {}),
    webPreferences: webPreferencesSeguras(opciones.preload),
  });

  ventana.on('page-title-updated', (evento, titulo) => {
    evento.preventDefault();
    ventana.setTitle(tituloVentana(titulo));
  });

  ventana.once('ready-to-show', () => {
    if (estado?.maximizado) ventana.maximize();
    ventana.show();
  });
  // A page that cannot load would never be "ready to show"; show the window anyway.
  ventana.webContents.once('did-fail-load', () => {
    if (!ventana.isDestroyed() && !ventana.isVisible()) ventana.show();
  });

  ventana.on('close', () => {
    const normal = ventana.getNormalBounds();
    guardarEstado(rutaEstado, { ...normal, maximizado: ventana.isMaximized() });
  });

  return ventana;
}
