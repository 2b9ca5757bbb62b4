/**
 * PDF del kit de reportes (pdfkit): carta, márgenes de 2 cm, fuente Source Sans 3 incrustada (paquete
 * npm `source-sans`, licencia SIL OFL 1.1), membrete en cada página, título y periodo en la primera,
 * pie con la fecha de generación y "Página X de Y".
 *
 * "Página X de Y" sin `bufferPages` y en una sola pasada: en cada página se dibuja, en el lugar del
 * número, un Form XObject vacío (una referencia PDF cuyo contenido todavía no se escribe). Las páginas
 * terminadas se vacían al archivo en cuanto empieza la siguiente, así que la memoria apenas crece con
 * el largo del reporte (una referencia pequeña por página). Al final, cuando ya se sabe el total, se escribe el contenido de cada XObject
 * ("Página 3 de 12", alineado a la derecha) antes de cerrar el documento; el PDF permite escribir un
 * objeto después de la página que lo usa. La función de contenido corre una sola vez, así que puede
 * recorrer un cursor o un `AsyncIterable` que no se puede repetir.
 *
 * Uso:
 *   await escribirPdf(ruta, encabezado, async (doc) => {
 *     doc.seccion('Turnos por dependencia');
 *     await doc.tabla(columnas, filas, { totales: { columnas: { turnos: 'suma' } } });
 *     doc.barras({ titulo: 'Pendientes', datos });
 *   });
 */
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import { ZONA_OFICINA } from '../tiempo';
import {
  Acumulador,
  ANCHO_POR_TIPO,
  COLORES_SEMAFORO,
  esIterableAsincrono,
  numero,
  semaforoDe,
  textoCelda,
  textoGenerado,
  type Agregado,
  type Alineacion,
  type Columna,
  type Encabezado,
  type TipoColumna,
  type Totales,
} from './formato';
import {
  altoSugerido,
  dibujarBarras,
  dibujarBarrasApiladas,
  dibujarLineas,
  type EstiloGrafica,
  type GraficaBarras,
  type GraficaBarrasApiladas,
  type GraficaLineas,
} from './graficas';

// ───────────────────────────── medidas y colores ─────────────────────────────

const CM = 72 / 2.54;
/** Margen de la hoja: 2 cm por lado. Membrete y pie viven dentro de él. */
export const MARGEN = 2 * CM;
const ALTO_LOGO = 38;
const ANCHO_LOGO_MAX = 110;
/** Del margen superior a donde empieza el cuerpo: membrete + filete + aire. */
const ALTO_MEMBRETE = ALTO_LOGO + 22;
/** Del margen inferior hacia arriba: pie + filete + aire. */
const ALTO_PIE = 26;
const TAMANO_PIE = 7.5;
const ANCHO_NUMERO_PAGINA = 110;

/** Guinda del tema de la aplicación (renderer/src/ui/tema.ts) para membrete, filetes y títulos. */
export const COLORES = {
  tinta: '#1c2024',
  acento: '#7a1e3a',
  /** Barras de gráficas sin color propio: azul pizarra, que no se confunde con el rojo del semáforo. */
  grafica: '#2f5377',
  gris: '#5b6670',
  linea: '#c5cdd5',
  fondoEncabezado: '#e3e8ee',
  cebra: '#f3f5f8',
} as const;

// ───────────────────────────── fuentes ─────────────────────────────

const ARCHIVOS_FUENTE = {
  regular: 'SourceSans3-Regular.ttf',
  semi: 'SourceSans3-Semibold.ttf',
  negrita: 'SourceSans3-Bold.ttf',
  cursiva: 'SourceSans3-It.ttf',
} as const;
type Peso = keyof typeof ARCHIVOS_FUENTE;
const NOMBRE_FUENTE: Record<Peso, string> = { regular: 'ss-regular', semi: 'ss-semi', negrita: 'ss-negrita', cursiva: 'ss-cursiva' };

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
function fuentes(): Record<Peso, FuenteAnalizada> {
  if (!fuentesCargadas) {
    const dir = directorioFuentes ?? directorioPorOmision();
    const analizador = new PDFDocument({ autoFirstPage: false }) as unknown as { font(b: Buffer): unknown; _font: { font: FuenteAnalizada } };
    fuentesCargadas = Object.fromEntries(
      (Object.keys(ARCHIVOS_FUENTE) as Peso[]).map((p) => {
        analizador.font(readFileSync(path.join(dir, ARCHIVOS_FUENTE[p])));
        return [p, analizador._font.font];
      }),
    ) as Record<Peso, FuenteAnalizada>;
  }
  return fuentesCargadas;
}

// ───────────────────────────── internos de pdfkit ─────────────────────────────
// pdfkit no publica estas piezas en sus tipos; se usan solo aquí y las pruebas las cubren.

interface FuenteInterna {
  id: string;
  ascender: number;
  encode(texto: string): [string[], unknown];
  widthOfString(texto: string, tamano: number): number;
  ref(): PDFKit.PDFKitReference;
}
interface ReferenciaInterna extends PDFKit.PDFKitReference {
  end(contenido?: string): void;
}
type DocInterno = PDFKit.PDFDocument & {
  _font: FuenteInterna;
  _fontSize: number;
  _fillColor?: [unknown, number];
  _wrapper: unknown;
  _textOptions: unknown;
  page: PDFKit.PDFPage & { xobjects: Record<string, unknown> };
};
interface ImagenAbierta {
  width: number;
  height: number;
}

// ───────────────────────────── API ─────────────────────────────

export type Orientacion = 'vertical' | 'horizontal';

export interface OpcionesPdf {
  /** `vertical` (por omisión) o `horizontal` para tablas anchas. */
  orientacion?: Orientacion;
  /** Cancela: la tabla en curso se detiene y el archivo destino no se crea. */
  senal?: AbortSignal;
}

export interface ResultadoPdf {
  ruta: string;
  paginas: number;
}

export interface OpcionesTabla<R> {
  totales?: Totales<R>;
  /** Texto si no hay filas; por omisión "Sin registros". */
  vacio?: string;
  /** Tamaño de letra del cuerpo de la tabla (8.5 por omisión). */
  tamano?: number;
}

export interface OpcionesParrafo {
  alineacion?: Alineacion | 'justificado';
  tamano?: number;
  cursiva?: boolean;
  color?: string;
}

export type ValorDato = string | number | null | undefined;

/** Lo que recibe la función de contenido de `escribirPdf`. Todos los métodos avanzan el cursor. */
export interface DocumentoPdf {
  /** El documento pdfkit, para dibujar algo que el kit no tenga (dentro de `reservar`). */
  readonly pdfkit: PDFKit.PDFDocument;
  /** Ancho útil (entre márgenes), en puntos. */
  readonly ancho: number;
  /** Páginas iniciadas hasta ahora. */
  readonly pagina: number;
  /** Título de sección, con un filete debajo; nunca queda solo al pie de una página. */
  seccion(texto: string): DocumentoPdf;
  parrafo(texto: string, opciones?: OpcionesParrafo): DocumentoPdf;
  /** Bloque clave/valor: `[['Folio', '03.01-1034/21'], ['Remitente', '…']]`. */
  datos(pares: ReadonlyArray<readonly [string, ValorDato]>, opciones?: { anchoClave?: number }): DocumentoPdf;
  /**
   * Tabla con encabezado repetido en cada página, filas cebra, números a la derecha, texto largo en
   * varias líneas y semáforo como punto de color + palabra. Devuelve una promesa (las filas pueden
   * ser asíncronas); con un arreglo termina de inmediato, pero conviene `await` siempre.
   */
  tabla<R>(columnas: readonly Columna<R>[], filas: Iterable<R> | AsyncIterable<R>, opciones?: OpcionesTabla<R>): Promise<void>;
  barras(grafica: GraficaBarras): DocumentoPdf;
  barrasApiladas(grafica: GraficaBarrasApiladas): DocumentoPdf;
  lineas(grafica: GraficaLineas): DocumentoPdf;
  /** Imagen PNG/JPEG (logotipos, códigos QR o de barras de `codigos.ts`). */
  imagen(imagen: Buffer, opciones?: { ancho?: number; alto?: number; alineacion?: Alineacion }): DocumentoPdf;
  espacio(puntos?: number): DocumentoPdf;
  nuevaPagina(): DocumentoPdf;
  /** Garantiza `alto` puntos libres (si no, nueva página) y devuelve la caja reservada; el cursor pasa debajo. */
  reservar(alto: number): { x: number; y: number; ancho: number; alto: number };
}

/**
 * Escribe un PDF en `ruta`. Resuelve cuando el archivo está completo (y renombrado desde un temporal:
 * si algo falla, no queda un PDF a medias).
 */
export async function escribirPdf(
  ruta: string,
  encabezado: Encabezado,
  contenido: (doc: DocumentoPdf) => void | Promise<void>,
  opciones: OpcionesPdf = {},
): Promise<ResultadoPdf> {
  opciones.senal?.throwIfAborted();
  const temporal = `${ruta}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const salida = createWriteStream(temporal);
  const cerrado = new Promise<void>((r) => salida.once('close', () => r()));
  const documento = new Documento(encabezado, opciones);
  documento.d.pipe(salida);
  try {
    documento.iniciar();
    await contenido(documento);
    await Promise.all(documento.pendientes);
    opciones.senal?.throwIfAborted();
    documento.terminar();
    await finished(salida);
    await rename(temporal, ruta);
  } catch (e) {
    documento.d.unpipe(salida);
    salida.destroy();
    await cerrado; // el archivo se abre de forma asíncrona: borrarlo antes de que cierre lo dejaría
    await unlink(temporal).catch(() => undefined);
    throw e;
  }
  return { ruta, paginas: documento.pagina };
}

// ───────────────────────────── implementación ─────────────────────────────

interface ColumnaResuelta<R> extends Columna<R> {
  tipo: TipoColumna;
  x: number;
  w: number;
  alinear: 'left' | 'center' | 'right';
}

const ALINEAR: Record<Alineacion, 'left' | 'center' | 'right'> = { izquierda: 'left', centro: 'center', derecha: 'right' };

function alineacionPorTipo(tipo: TipoColumna): 'left' | 'center' | 'right' {
  if (tipo === 'numero' || tipo === 'entero' || tipo === 'porcentaje') return 'right';
  if (tipo === 'fecha' || tipo === 'instante') return 'center';
  return 'left';
}

class Documento implements DocumentoPdf {
  readonly d: DocInterno;
  readonly ancho: number;
  pagina = 0;
  private readonly zona: string;
  private readonly generado: string;
  private readonly pies: { ref: ReferenciaInterna; pagina: number }[] = [];
  private logo?: ImagenAbierta;
  private dibujandoMarco = false;
  private seccionPendiente?: string;
  readonly pendientes: Promise<void>[] = [];
  private readonly estiloGrafica: EstiloGrafica;

  constructor(
    private readonly enc: Encabezado,
    private readonly opciones: OpcionesPdf,
  ) {
    this.zona = enc.zona ?? ZONA_OFICINA;
    this.generado = textoGenerado(enc.generado, this.zona);
    this.d = new PDFDocument({
      size: 'LETTER',
      layout: opciones.orientacion === 'horizontal' ? 'landscape' : 'portrait',
      margins: { top: MARGEN + ALTO_MEMBRETE, bottom: MARGEN + ALTO_PIE, left: MARGEN, right: MARGEN },
      autoFirstPage: false,
      bufferPages: false,
      lang: 'es-MX',
      displayTitle: true,
      pdfVersion: '1.7',
      info: {
        Title: enc.titulo,
        Author: enc.institucion,
        Creator: 'Sistema de Seguimiento del Ejecutivo',
        Producer: 'Sistema de Seguimiento del Ejecutivo',
        CreationDate: new Date(enc.generado),
        ModDate: new Date(enc.generado),
      },
    }) as DocInterno;
    const f = fuentes();
    for (const p of Object.keys(ARCHIVOS_FUENTE) as Peso[]) this.d.registerFont(NOMBRE_FUENTE[p], f[p] as Buffer);
    const ancho = opciones.orientacion === 'horizontal' ? 792 : 612;
    this.ancho = ancho - 2 * MARGEN;
    this.estiloGrafica = {
      fuente: NOMBRE_FUENTE.regular,
      fuenteNegrita: NOMBRE_FUENTE.semi,
      tinta: COLORES.tinta,
      gris: COLORES.gris,
      linea: COLORES.linea,
      acento: COLORES.grafica,
    };
    if (enc.logo) {
      try {
        this.logo = (this.d as unknown as { openImage(b: Buffer): ImagenAbierta }).openImage(enc.logo);
      } catch {
        this.logo = undefined; // un logotipo ilegible no impide el reporte
      }
    }
    this.d.on('pageAdded', () => this.marco());
  }

  get pdfkit(): PDFKit.PDFDocument {
    return this.d;
  }

  private get maxY(): number {
    return this.d.page.height - this.d.page.margins.bottom;
  }

  private get arriba(): number {
    return this.d.page.margins.top;
  }

  private fuente(peso: Peso, tamano: number, color: string = COLORES.tinta): this {
    this.d.font(NOMBRE_FUENTE[peso]).fontSize(tamano).fillColor(color);
    return this;
  }

  iniciar(): void {
    this.d.addPage();
    this.bloqueTitulo();
  }

  /** Membrete y pie de cada página; corre en `pageAdded`, también a mitad de un párrafo. */
  private marco(): void {
    if (this.dibujandoMarco) return;
    this.dibujandoMarco = true;
    const d = this.d;
    const guardado = {
      x: d.x,
      y: d.y,
      font: d._font,
      size: d._fontSize,
      fill: d._fillColor,
      wrapper: d._wrapper,
      textOptions: d._textOptions,
      margenes: { ...d.page.margins },
    };
    d._wrapper = null;
    d._textOptions = null;
    // Se dibuja dentro de los márgenes: sin ellos pdfkit no agrega páginas por escribir "fuera".
    d.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    this.pagina++;
    try {
      this.membrete();
      this.pie();
    } finally {
      d.page.margins = guardado.margenes;
      d._wrapper = guardado.wrapper;
      d._textOptions = guardado.textOptions;
      d._font = guardado.font;
      d._fontSize = guardado.size;
      if (guardado.fill) d.fillColor(guardado.fill[0] as string, guardado.fill[1]);
      d.x = guardado.x;
      d.y = guardado.y;
      this.dibujandoMarco = false;
    }
  }

  private membrete(): void {
    const d = this.d;
    const W = d.page.width;
    const y0 = MARGEN;
    let x = MARGEN;
    if (this.logo) {
      const escala = Math.min(ALTO_LOGO / this.logo.height, ANCHO_LOGO_MAX / this.logo.width);
      const w = this.logo.width * escala;
      const h = this.logo.height * escala;
      d.image(this.logo as unknown as Buffer, x, y0 + (ALTO_LOGO - h) / 2, { width: w, height: h });
      x += w + 10;
    }
    // Institución a la izquierda (hasta dos líneas), título y referencia a la derecha, en gris.
    const anchoDerecha = (W - 2 * MARGEN) * 0.36;
    const anchoInst = W - MARGEN - x - anchoDerecha - 12;
    this.fuente('negrita', 12.5, COLORES.acento);
    const opcInst = { width: anchoInst, height: 34, ellipsis: true, lineGap: 0 } as const;
    const hInst = Math.min(34, d.heightOfString(this.enc.institucion, opcInst));
    d.text(this.enc.institucion, x, y0 + (ALTO_LOGO - hInst) / 2, opcInst);

    // En la primera página el título ya va grande debajo del membrete.
    const derecha = this.pagina === 1 ? [] : [this.enc.titulo, this.enc.referencia].filter((t): t is string => !!t);
    this.fuente('regular', 8, COLORES.gris);
    const opcDer = { width: anchoDerecha, align: 'right', height: 11, ellipsis: true, lineBreak: false } as const;
    const hDer = derecha.length * 11;
    derecha.forEach((t, i) => d.text(t, W - MARGEN - anchoDerecha, y0 + (ALTO_LOGO - hDer) / 2 + i * 11, opcDer));

    // Filete doble: grueso en color de acento y uno fino debajo, como en papel membretado.
    const yl = y0 + ALTO_LOGO + 6;
    d.save();
    d.moveTo(MARGEN, yl).lineTo(W - MARGEN, yl).lineWidth(1.4).strokeColor(COLORES.acento).stroke();
    d.moveTo(MARGEN, yl + 2.6).lineTo(W - MARGEN, yl + 2.6).lineWidth(0.4).strokeColor(COLORES.acento).stroke();
    d.restore();
  }

  private pie(): void {
    const d = this.d;
    const W = d.page.width;
    const yl = d.page.height - MARGEN - 13;
    d.save();
    d.moveTo(MARGEN, yl).lineTo(W - MARGEN, yl).lineWidth(0.5).strokeColor(COLORES.linea).stroke();
    d.restore();
    const yt = yl + 4;
    this.fuente('regular', TAMANO_PIE, COLORES.gris);
    d.text(this.generado, MARGEN, yt, { lineBreak: false });

    // "Página X de Y": un Form XObject cuyo contenido se escribe al final (ver cabecera del archivo).
    const alto = 10;
    const ref = d.ref({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, ANCHO_NUMERO_PAGINA, alto],
      Resources: { Font: { F1: this.fuenteInterna('regular').ref() } },
    }) as ReferenciaInterna;
    const nombre = `PaginaDe${this.pagina}`;
    d.page.xobjects[nombre] = ref;
    d.save();
    d.transform(1, 0, 0, -1, W - MARGEN - ANCHO_NUMERO_PAGINA, yt + alto);
    d.addContent(`/${nombre} Do`);
    d.restore();
    this.pies.push({ ref, pagina: this.pagina });
  }

  private fuenteInterna(peso: Peso): FuenteInterna {
    const actual = { font: this.d._font, size: this.d._fontSize };
    this.d.font(NOMBRE_FUENTE[peso]);
    const f = this.d._font;
    if (actual.font) {
      this.d._font = actual.font;
      this.d._fontSize = actual.size;
    }
    return f;
  }

  private bloqueTitulo(): void {
    const d = this.d;
    this.fuente('negrita', 15, COLORES.tinta);
    d.text(this.enc.titulo, MARGEN, this.arriba, { width: this.ancho, align: 'center', lineGap: 1 });
    const sub = [this.enc.periodo, this.enc.referencia ? `Referencia: ${this.enc.referencia}` : undefined].filter(
      (t): t is string => !!t,
    );
    if (sub.length) {
      d.y += 2;
      this.fuente('regular', 10.5, COLORES.gris);
      for (const t of sub) d.text(t, MARGEN, d.y, { width: this.ancho, align: 'center' });
    }
    d.x = MARGEN;
    d.y += 16;
  }

  terminar(): void {
    if (this.seccionPendiente !== undefined) this.asegurar(0);
    const total = this.pagina;
    const f = this.fuenteInterna('regular');
    const [r, g, b] = rgb(COLORES.gris);
    for (const { ref, pagina } of this.pies) {
      const texto = `Página ${pagina} de ${total}`;
      const [glifos] = f.encode(texto);
      const w = f.widthOfString(texto, TAMANO_PIE);
      const base = 10 - (f.ascender / 1000) * TAMANO_PIE;
      ref.end(
        `BT\n/F1 ${TAMANO_PIE} Tf\n${r} ${g} ${b} rg\n1 0 0 1 ${(ANCHO_NUMERO_PAGINA - w).toFixed(2)} ${base.toFixed(2)} Tm\n<${glifos.join('')}> Tj\nET`,
      );
    }
    this.d.end();
  }

  // ─────────── cuerpo ───────────

  reservar(alto: number): { x: number; y: number; ancho: number; alto: number } {
    this.asegurar(alto);
    const caja = { x: MARGEN, y: this.d.y, ancho: this.ancho, alto };
    this.d.y += alto;
    this.d.x = MARGEN;
    return caja;
  }

  private asegurar(alto: number): void {
    const seccion = this.seccionPendiente;
    const extra = seccion === undefined ? 0 : this.altoSeccion(seccion);
    if (this.d.y + alto + extra > this.maxY && this.d.y > this.arriba + 0.5) this.nuevaPagina();
    if (seccion !== undefined) {
      this.seccionPendiente = undefined;
      this.dibujarSeccion(seccion);
    }
  }

  nuevaPagina(): this {
    this.d.addPage();
    this.d.x = MARGEN;
    this.d.y = this.arriba;
    return this;
  }

  espacio(puntos = 8): this {
    if (this.d.y + puntos > this.maxY) this.nuevaPagina();
    else this.d.y += puntos;
    return this;
  }

  /**
   * El título de sección se dibuja junto con lo que le sigue (en el `asegurar` del siguiente
   * elemento): si no caben ambos, los dos pasan a la página siguiente y el título nunca queda huérfano.
   */
  seccion(texto: string): this {
    if (this.seccionPendiente !== undefined) this.asegurar(0);
    this.seccionPendiente = texto;
    return this;
  }

  private altoSeccion(texto: string): number {
    this.fuente('negrita', 11.5, COLORES.acento);
    return 6 + this.d.heightOfString(texto, { width: this.ancho }) + 9;
  }

  private dibujarSeccion(texto: string): void {
    const d = this.d;
    this.fuente('negrita', 11.5, COLORES.acento);
    if (d.y > this.arriba + 1) d.y += 6;
    d.text(texto, MARGEN, d.y, { width: this.ancho });
    d.y += 2;
    d.save();
    d.moveTo(MARGEN, d.y).lineTo(MARGEN + this.ancho, d.y).lineWidth(0.5).strokeColor(COLORES.linea).stroke();
    d.restore();
    d.y += 7;
    d.x = MARGEN;
  }

  parrafo(texto: string, opciones: OpcionesParrafo = {}): this {
    const d = this.d;
    const tamano = opciones.tamano ?? 10;
    this.asegurar(tamano * 2.6);
    this.fuente(opciones.cursiva ? 'cursiva' : 'regular', tamano, opciones.color ?? COLORES.tinta);
    const align = opciones.alineacion === 'justificado' || !opciones.alineacion ? 'justify' : ALINEAR[opciones.alineacion];
    d.text(texto, MARGEN, d.y, { width: this.ancho, align, lineGap: 2, paragraphGap: 4 });
    d.x = MARGEN;
    d.y += 5;
    return this;
  }

  datos(pares: ReadonlyArray<readonly [string, ValorDato]>, opciones: { anchoClave?: number } = {}): this {
    const d = this.d;
    const anchoClave = opciones.anchoClave ?? Math.min(170, this.ancho * 0.3);
    const anchoValor = this.ancho - anchoClave - 10;
    for (const [clave, valor] of pares) {
      const texto = valor === null || valor === undefined || valor === '' ? '—' : typeof valor === 'number' ? numero(valor) : valor;
      this.fuente('semi', 9.5, COLORES.gris);
      const hc = d.heightOfString(clave, { width: anchoClave });
      this.fuente('regular', 10, COLORES.tinta);
      const hv = d.heightOfString(texto, { width: anchoValor, lineGap: 1.5 });
      const h = Math.max(hc, hv);
      this.asegurar(h + 4);
      const y = d.y;
      this.fuente('semi', 9.5, COLORES.gris);
      d.text(clave, MARGEN, y + 0.6, { width: anchoClave });
      this.fuente('regular', 10, COLORES.tinta);
      d.text(texto, MARGEN + anchoClave + 10, y, { width: anchoValor, lineGap: 1.5 });
      d.y = y + h + 4;
    }
    d.x = MARGEN;
    d.y += 4;
    return this;
  }

  imagen(imagen: Buffer, opciones: { ancho?: number; alto?: number; alineacion?: Alineacion } = {}): this {
    const img = (this.d as unknown as { openImage(b: Buffer): ImagenAbierta }).openImage(imagen);
    let w = opciones.ancho ?? (opciones.alto ? (img.width * opciones.alto) / img.height : Math.min(img.width, this.ancho));
    let h = opciones.alto ?? (img.height * w) / img.width;
    if (w > this.ancho) {
      h = (h * this.ancho) / w;
      w = this.ancho;
    }
    const caja = this.reservar(h + 6);
    const x = opciones.alineacion === 'centro' ? MARGEN + (this.ancho - w) / 2 : opciones.alineacion === 'derecha' ? MARGEN + this.ancho - w : MARGEN;
    this.d.image(img as unknown as Buffer, x, caja.y, { width: w, height: h });
    return this;
  }

  private grafica(alto: number, dibujar: (caja: { x: number; y: number; ancho: number; alto: number }) => void): this {
    const caja = this.reservar(alto + 10);
    this.d.save();
    dibujar({ ...caja, alto });
    this.d.restore();
    this.d.x = MARGEN;
    this.d.y = caja.y + caja.alto;
    return this;
  }

  barras(g: GraficaBarras): this {
    return this.grafica(g.alto ?? altoSugerido(g), (c) => dibujarBarras(this.d, c, g, this.estiloGrafica));
  }

  barrasApiladas(g: GraficaBarrasApiladas): this {
    return this.grafica(g.alto ?? altoSugerido(g), (c) => dibujarBarrasApiladas(this.d, c, g, this.estiloGrafica));
  }

  lineas(g: GraficaLineas): this {
    return this.grafica(g.alto ?? altoSugerido(g), (c) => dibujarLineas(this.d, c, g, this.estiloGrafica));
  }

  // ─────────── tabla ───────────

  tabla<R>(columnas: readonly Columna<R>[], filas: Iterable<R> | AsyncIterable<R>, opciones: OpcionesTabla<R> = {}): Promise<void> {
    // Si alguien olvida el `await`, escribirPdf igual espera a que la tabla termine antes de cerrar.
    const p = this.dibujarTabla(columnas, filas, opciones);
    this.pendientes.push(p);
    return p;
  }

  private async dibujarTabla<R>(columnas: readonly Columna<R>[], filas: Iterable<R> | AsyncIterable<R>, opciones: OpcionesTabla<R>): Promise<void> {
    const d = this.d;
    const tamano = opciones.tamano ?? 8.5;
    const padX = 4;
    const padY = 3;
    const gap = 0.8;
    const DIAMETRO = 6.4;
    const sangriaSemaforo = DIAMETRO + 4;
    const anchos = this.anchosDeColumna(columnas, tamano, padX, sangriaSemaforo);
    let x = MARGEN;
    const cols: ColumnaResuelta<R>[] = columnas.map((c, i) => {
      const tipo = c.tipo ?? 'texto';
      const col = { ...c, tipo, x, w: anchos[i], alinear: c.alineacion ? ALINEAR[c.alineacion] : alineacionPorTipo(tipo) };
      x += anchos[i];
      return col;
    });

    const alto = (texto: string, ancho: number, peso: Peso): number => {
      this.fuente(peso, tamano);
      // Camino rápido: una sola línea si cabe (evita medir con el partidor de líneas).
      if (!texto.includes('\n') && d.widthOfString(texto) <= ancho) return d.currentLineHeight(true) + gap;
      return d.heightOfString(texto, { width: ancho, lineGap: gap });
    };

    // Encabezado
    const altoEncabezado = Math.max(...cols.map((c) => alto(c.titulo, c.w - 2 * padX, 'semi')), 0) + 2 * padY;
    let encabezadoDibujado = false;
    const dibujarEncabezado = () => {
      encabezadoDibujado = true;
      const y = d.y;
      d.save();
      d.rect(MARGEN, y, this.ancho, altoEncabezado).fill(COLORES.fondoEncabezado);
      d.moveTo(MARGEN, y).lineTo(MARGEN + this.ancho, y).lineWidth(0.9).strokeColor(COLORES.acento).stroke();
      d.moveTo(MARGEN, y + altoEncabezado).lineTo(MARGEN + this.ancho, y + altoEncabezado).lineWidth(0.5).strokeColor(COLORES.acento).stroke();
      d.restore();
      this.fuente('semi', tamano, COLORES.tinta);
      for (const c of cols) {
        d.text(c.titulo, c.x + padX, y + padY, { width: c.w - 2 * padX, align: c.alinear, lineGap: gap, height: altoEncabezado });
      }
      d.y = y + altoEncabezado;
      d.x = MARGEN;
    };

    const espacioDePagina = this.maxY - this.arriba - altoEncabezado - 2;
    const acumulador = new Acumulador<R>(columnas);
    let n = 0;

    const dibujarFila = (valores: unknown[], estilo: 'normal' | 'total', indice: number) => {
      const peso: Peso = estilo === 'total' ? 'negrita' : 'regular';
      const textos = cols.map((c, i) => textoCelda(valores[i], c.tipo, c.decimales, this.zona));
      const semaforos = cols.map((c, i) => (c.tipo === 'semaforo' ? semaforoDe(valores[i]) : null));
      let h = 0;
      textos.forEach((t, i) => {
        const anchoTexto = cols[i].w - 2 * padX - (semaforos[i] ? sangriaSemaforo : 0);
        h = Math.max(h, alto(t, anchoTexto, peso));
      });
      h += 2 * padY;
      // Una fila más alta que una página entera se recorta con "…": en lo que quede de esta página si
      // es un espacio razonable, si no en una página nueva.
      const recortar = h > espacioDePagina;
      if (recortar) {
        const libre = this.maxY - d.y - (encabezadoDibujado ? 0 : altoEncabezado) - (this.seccionPendiente ? 40 : 0) - 1;
        h = libre >= 150 ? libre : espacioDePagina;
      }
      if (!encabezadoDibujado) {
        // El encabezado sale junto con la primera fila (y con el título de sección pendiente).
        this.asegurar(altoEncabezado + h);
        dibujarEncabezado();
      } else if (d.y + h > this.maxY) {
        this.cerrarTabla();
        this.nuevaPagina();
        dibujarEncabezado();
      }
      const y = d.y;
      d.save();
      if (estilo === 'total') {
        d.rect(MARGEN, y, this.ancho, h).fill(COLORES.fondoEncabezado);
        d.moveTo(MARGEN, y).lineTo(MARGEN + this.ancho, y).lineWidth(0.6).strokeColor(COLORES.acento).stroke();
      } else if (indice % 2 === 1) {
        d.rect(MARGEN, y, this.ancho, h).fill(COLORES.cebra);
      }
      d.restore();
      this.fuente(peso, tamano, COLORES.tinta);
      cols.forEach((c, i) => {
        let xt = c.x + padX;
        let wt = c.w - 2 * padX;
        const s = semaforos[i];
        if (s) {
          const cy = y + padY + d.currentLineHeight(true) / 2 + 0.2;
          d.save();
          d.circle(xt + DIAMETRO / 2, cy, DIAMETRO / 2).fill(COLORES_SEMAFORO[s.color]);
          d.restore();
          this.fuente(peso, tamano, COLORES.tinta);
          xt += sangriaSemaforo;
          wt -= sangriaSemaforo;
        }
        if (textos[i]) {
          d.text(textos[i], xt, y + padY, {
            width: wt,
            align: s ? 'left' : c.alinear,
            lineGap: gap,
            height: h - 2 * padY + 1,
            ellipsis: recortar || undefined,
          });
        }
      });
      d.y = y + h;
      d.x = MARGEN;
    };


    const procesar = (fila: R) => {
      const registro = fila as Record<string, unknown>;
      dibujarFila(cols.map((c) => registro[c.clave]), 'normal', n);
      acumulador.agregar(fila);
      n++;
    };
    const senal = this.opciones.senal;
    if (esIterableAsincrono(filas)) {
      for await (const fila of filas) {
        senal?.throwIfAborted();
        procesar(fila);
      }
    } else {
      for (const fila of filas) {
        if (n % 200 === 0) senal?.throwIfAborted();
        procesar(fila);
      }
    }

    if (n === 0) {
      this.fuente('cursiva', tamano, COLORES.gris);
      const h = d.currentLineHeight(true) + 2 * padY + 2;
      this.asegurar(altoEncabezado + h);
      dibujarEncabezado();
      this.fuente('cursiva', tamano, COLORES.gris);
      d.text(opciones.vacio ?? 'Sin registros', MARGEN, d.y + padY + 1, { width: this.ancho, align: 'center' });
      d.y += h;
    }
    if (opciones.totales) {
      const t = opciones.totales;
      const agregados = t.columnas as Partial<Record<string, Agregado>>;
      const valores: unknown[] = cols.map((c) => {
        const a = agregados[c.clave];
        return a === undefined ? null : acumulador.valor(c.clave, a);
      });
      if (cols.length && valores[0] === null) valores[0] = t.etiqueta ?? 'Total';
      // El total se imprime con el formato de su columna; una 'cuenta' es siempre un entero.
      const tipos = cols.map((c) => (agregados[c.clave] === 'cuenta' ? ('entero' as TipoColumna) : c.tipo));
      const original = cols.map((c) => c.tipo);
      cols.forEach((c, i) => (c.tipo = i === 0 && typeof valores[0] === 'string' ? 'texto' : tipos[i]));
      dibujarFila(valores, 'total', 0);
      cols.forEach((c, i) => (c.tipo = original[i]));
    }
    this.cerrarTabla();
    d.y += 10;
    d.x = MARGEN;
  }

  /**
   * Reparte el ancho útil en proporción a `ancho` (o al ancho típico del tipo), pero sin dejar una
   * columna más angosta que la palabra más larga de su título o que su contenido de ancho fijo
   * (una fecha, "100 %", un semáforo "En proceso"): así nunca se parte "Recepción" ni "21/11/2026".
   */
  private anchosDeColumna<R>(columnas: readonly Columna<R>[], tamano: number, padX: number, sangria: number): number[] {
    const d = this.d;
    const minimos = columnas.map((c) => {
      this.fuente('semi', tamano);
      let m = Math.max(0, ...c.titulo.split(/\s+/).map((p) => d.widthOfString(p)));
      this.fuente('regular', tamano);
      const muestra: Partial<Record<TipoColumna, string>> = {
        fecha: '00/00/0000',
        instante: '00/00/0000 00:00',
        entero: '00,000',
        numero: '000,000.00',
        porcentaje: '100 %',
      };
      const tipo = c.tipo ?? 'texto';
      if (muestra[tipo]) m = Math.max(m, d.widthOfString(muestra[tipo]));
      if (tipo === 'semaforo') m = Math.max(m, sangria + d.widthOfString('Informativo'));
      return m + 2 * padX + 1;
    });
    const pesos = columnas.map((c) => c.ancho ?? ANCHO_POR_TIPO[c.tipo ?? 'texto']);
    const anchos = new Array<number>(columnas.length).fill(0);
    const fijas = new Set<number>();
    for (;;) {
      const libres = columnas.map((_, i) => i).filter((i) => !fijas.has(i));
      const restante = this.ancho - [...fijas].reduce((a, i) => a + anchos[i], 0);
      const suma = libres.reduce((a, i) => a + pesos[i], 0) || 1;
      let cambio = false;
      for (const i of libres) {
        anchos[i] = (pesos[i] / suma) * restante;
        if (anchos[i] < minimos[i]) {
          anchos[i] = minimos[i];
          fijas.add(i);
          cambio = true;
        }
      }
      if (!cambio || libres.length === 0) break;
    }
    const total = anchos.reduce((a, b) => a + b, 0);
    return total > this.ancho + 0.01 ? anchos.map((a) => (a * this.ancho) / total) : anchos;
  }

  private cerrarTabla(): void {
    const d = this.d;
    d.save();
    d.moveTo(MARGEN, d.y).lineTo(MARGEN + this.ancho, d.y).lineWidth(0.5).strokeColor(COLORES.acento).stroke();
    d.restore();
  }
}

function rgb(hex: string): [string, string, string] {
  const h = hex.replace('#', '');
  const c = (i: number) => (parseInt(h.slice(i, i + 2), 16) / 255).toFixed(3);
  return [c(0), c(2), c(4)];
}
