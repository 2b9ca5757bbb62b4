/**
 * Fuentes del PDF: Source Sans 3 (paquete npm `source-sans`, licencia SIL OFL 1.1), incrustada en
 * cada documento.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type PDFDocument from 'pdfkit';
import { COLORES } from './pdfEstilo';

const ARCHIVOS_FUENTE = {
  regular: 'SourceSans3-Regular.ttf',
  semi: 'SourceSans3-Semibold.ttf',
  negrita: 'SourceSans3-Bold.ttf',
  cursiva: 'SourceSans3-It.ttf',
} as const;
export type Peso = keyof typeof ARCHIVOS_FUENTE;
export const NOMBRE_FUENTE: Record<Peso, string> = { regular: 'ss-regular', semi: 'ss-semi', negrita: 'ss-negrita', cursiva: 'ss-cursiva' };

let directorioFuentes: string | undefined;
/** Fuente ya analizada por fontkit (pdfkit ≥ 0.20 la acepta en `registerFont`). */
type FuenteAnalizada = object;
let fuentesCargadas: Record<Peso, FuenteAnalizada> | undefined;

/**
 * Para el empaquetado: si los .ttf se copian a otra carpeta (p. ej. `resources/fonts/`), indíquelo
 * aquí. Sin configurar se busca el paquete `source-sans` (node_modules) y, si no está, la carpeta
 * `fonts/` junto a los recursos de la aplicación empaquetada (`process.resourcesPath`).
 */
export function configurarFuentes(directorio: string): void {
  directorioFuentes = directorio;
  fuentesCargadas = undefined;
}

function directorioPorOmision(): string {
  // import.meta.url no existe cuando esbuild empaqueta a CommonJS: entonces se resuelve desde el cwd.
  const base = (import.meta as { url?: string }).url ?? pathToFileURL(path.join(process.cwd(), 'package.json')).href;
  try {
    return path.join(path.dirname(createRequire(base).resolve('source-sans/package.json')), 'TTF');
  } catch (e) {
    const recursos = (process as { resourcesPath?: string }).resourcesPath;
    if (recursos && existsSync(path.join(recursos, 'fonts', ARCHIVOS_FUENTE.regular))) return path.join(recursos, 'fonts');
    throw e;
  }
}

/**
 * Lee y analiza las fuentes una sola vez por proceso: analizar ~400 KB de TrueType por documento
 * costaba más que escribir un reporte corto. Cada documento hace su propio subconjunto.
 */
function fuentes(Pdfkit: typeof PDFDocument): Record<Peso, FuenteAnalizada> {
  if (!fuentesCargadas) {
    const dir = directorioFuentes ?? directorioPorOmision();
    const analizador = new Pdfkit({ autoFirstPage: false }) as unknown as { font(b: Buffer): unknown; _font: { font: FuenteAnalizada } };
    fuentesCargadas = Object.fromEntries(
      (Object.keys(ARCHIVOS_FUENTE) as Peso[]).map((p) => {
        analizador.font(readFileSync(path.join(dir, ARCHIVOS_FUENTE[p])));
        return [p, analizador._font.font];
      }),
    ) as Record<Peso, FuenteAnalizada>;
  }
  return fuentesCargadas;
}

/** Registra las cuatro fuentes en un documento nuevo, con los nombres de `NOMBRE_FUENTE`. */
export function registrarFuentes(d: PDFKit.PDFDocument, Pdfkit: typeof PDFDocument): void {
  const f = fuentes(Pdfkit);
  for (const p of Object.keys(ARCHIVOS_FUENTE) as Peso[]) d.registerFont(NOMBRE_FUENTE[p], f[p] as Buffer);
}

export function ponerFuente(d: PDFKit.PDFDocument, peso: Peso, tamano: number, color: string = COLORES.tinta): void {
  d.font(NOMBRE_FUENTE[peso]).fontSize(tamano).fillColor(color);
}
