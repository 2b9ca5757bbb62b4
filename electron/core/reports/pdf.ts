/**
 * PDF del kit de reportes (pdfkit): carta, márgenes de 2 cm, fuente Source Sans 3 incrustada
 * (`pdfFuentes.ts`), membrete en cada página, título y periodo en la primera, pie con la fecha de
 * generación y "Página X de Y" (`pdfMarco.ts`), tablas (`pdfTabla.ts`) y gráficas (`graficas.ts`).
 * La función de contenido corre una sola vez, así que puede recorrer un cursor o un `AsyncIterable`
 * que no se puede repetir.
 *
 * Uso:
 *   await escribirPdf(ruta, encabezado, async (doc) => {
 *     doc.seccion('Turnos por dependencia');
 *     await doc.tabla(columnas, filas, { totales: { columnas: { turnos: 'suma' } } });
 *     doc.barras({ titulo: 'Pendientes', datos });
 *   });
 */
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type PDFDocument from 'pdfkit';
import { ZONA_OFICINA } from '../tiempo';
import { numero, textoGenerado, type Alineacion, type Columna, type Encabezado } from './formato';
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
import { ALINEAR, COLORES, MARGEN } from './pdfEstilo';
import { NOMBRE_FUENTE, ponerFuente, registrarFuentes, type Peso } from './pdfFuentes';
import type { DocInterno, ImagenAbierta } from './pdfInterno';
import { ALTO_MEMBRETE, ALTO_PIE, MarcoDePagina } from './pdfMarco';
import { dibujarTabla, type LienzoTabla, type OpcionesTabla } from './pdfTabla';

export { COLORES, MARGEN } from './pdfEstilo';
export { configurarFuentes } from './pdfFuentes';
export type { OpcionesTabla } from './pdfTabla';

// ───────────────────────────── API ─────────────────────────────

export type Orientacion = 'vertical' | 'horizontal';

export interface OpcionesPdf {
  /** `vertical` (por omisión) o `horizontal` para tablas anchas. */
  orientacion?: Orientacion;
  /** Cancela: la tabla en curso se detiene y el archivo destino no se crea. */
  senal?: AbortSignal;
  /** Sin el título grande de la primera página (documentos como el oficio, que se componen solos). */
  sinTitulo?: boolean;
}

export interface ResultadoPdf {
  ruta: string;
  paginas: number;
}

export interface OpcionesParrafo {
  alineacion?: Alineacion | 'justificado';
  tamano?: number;
  cursiva?: boolean;
  negrita?: boolean;
  color?: string;
}

export type ValorDato = string | number | null | undefined;

/** Quien firma: la leyenda arriba de la línea ("Recibió", "Por la Coordinación…"), nombre y cargo debajo. */
export interface BloqueFirma {
  leyenda?: string;
  nombre: string;
  cargo?: string;
}

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
  /**
   * Bloques de firma: una línea para firmar con nombre y cargo debajo, hasta tres por renglón; con
   * `sello`, un recuadro para el sello de la oficina al lado. Nunca se parten entre páginas.
   */
  firmas(bloques: readonly BloqueFirma[], opciones?: { sello?: boolean; titulo?: string }): DocumentoPdf;
  nuevaPagina(): DocumentoPdf;
  /**
   * Empieza otro documento en el mismo archivo (un oficio tras otro): página nueva, numeración "Página X
   * de Y" propia y, si se indica, otro título y referencia en el membrete de sus páginas siguientes.
   */
  nuevoDocumento(cambios?: { titulo?: string; referencia?: string }): DocumentoPdf;
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
  const { default: Pdfkit } = await import('pdfkit'); // on first use: see jobs/worker.ts
  const documento = new Documento(Pdfkit, encabezado, opciones);
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

// Lo que no es `private` también lo usa la tabla (pdfTabla.ts), a través de `LienzoTabla`.
class Documento implements DocumentoPdf, LienzoTabla {
  readonly d: DocInterno;
  readonly ancho: number;
  readonly zona: string;
  seccionPendiente?: string;
  readonly pendientes: Promise<void>[] = [];
  private readonly marco: MarcoDePagina;
  private readonly estiloGrafica: EstiloGrafica;

  constructor(
    Pdfkit: typeof PDFDocument,
    private readonly enc: Encabezado,
    private readonly opciones: OpcionesPdf,
  ) {
    this.zona = enc.zona ?? ZONA_OFICINA;
    this.d = new Pdfkit({
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
    registrarFuentes(this.d, Pdfkit);
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
    this.marco = new MarcoDePagina(this.d, enc, textoGenerado(enc.generado, this.zona));
    this.d.on('pageAdded', () => this.marco.dibujar());
  }

  get pdfkit(): PDFKit.PDFDocument {
    return this.d;
  }

  get pagina(): number {
    return this.marco.pagina;
  }

  get senal(): AbortSignal | undefined {
    return this.opciones.senal;
  }

  get maxY(): number {
    return this.d.page.height - this.d.page.margins.bottom;
  }

  get arriba(): number {
    return this.d.page.margins.top;
  }

  fuente(peso: Peso, tamano: number, color: string = COLORES.tinta): this {
    ponerFuente(this.d, peso, tamano, color);
    return this;
  }

  iniciar(): void {
    this.d.addPage();
    if (!this.opciones.sinTitulo) this.bloqueTitulo();
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
    this.marco.numerar();
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

  asegurar(alto: number): void {
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

  nuevoDocumento(cambios: { titulo?: string; referencia?: string } = {}): this {
    if (this.seccionPendiente !== undefined) this.asegurar(0);
    this.marco.reiniciar(cambios);
    return this.nuevaPagina();
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
    this.fuente(opciones.negrita ? 'negrita' : opciones.cursiva ? 'cursiva' : 'regular', tamano, opciones.color ?? COLORES.tinta);
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

  firmas(bloques: readonly BloqueFirma[], opciones: { sello?: boolean; titulo?: string } = {}): this {
    const d = this.d;
    const columnas = Math.min(3, Math.max(1, bloques.length + (opciones.sello ? 1 : 0)));
    const hueco = 24;
    const anchoBloque = (this.ancho - hueco * (columnas - 1)) / columnas;
    const espacioFirma = 46; // room for a handwritten signature above the line
    const altoBloque = 14 + espacioFirma + 34;
    const celdas: (BloqueFirma | 'sello')[] = [...bloques, ...(opciones.sello ? (['sello'] as const) : [])];
    if (opciones.titulo) this.seccion(opciones.titulo);
    for (let i = 0; i < celdas.length; i += columnas) {
      const renglon = celdas.slice(i, i + columnas);
      const caja = this.reservar(altoBloque + 10);
      // Centre a short last row.
      const x0 = MARGEN + ((columnas - renglon.length) * (anchoBloque + hueco)) / 2;
      renglon.forEach((b, k) => {
        const x = x0 + k * (anchoBloque + hueco);
        d.save();
        if (b === 'sello') {
          d.rect(x + anchoBloque * 0.15, caja.y + 4, anchoBloque * 0.7, altoBloque - 8).dash(3, { space: 3 }).lineWidth(0.6).strokeColor(COLORES.gris).stroke();
          d.undash();
          this.fuente('regular', 9, COLORES.gris);
          d.text('Sello', x, caja.y + altoBloque / 2 - 5, { width: anchoBloque, align: 'center' });
        } else {
          this.fuente('semi', 9.5, COLORES.gris);
          if (b.leyenda) d.text(b.leyenda, x, caja.y, { width: anchoBloque, align: 'center' });
          const yLinea = caja.y + 14 + espacioFirma;
          d.moveTo(x + 10, yLinea).lineTo(x + anchoBloque - 10, yLinea).lineWidth(0.8).strokeColor(COLORES.tinta).stroke();
          this.fuente('semi', 10, COLORES.tinta);
          d.text(b.nombre || ' ', x, yLinea + 4, { width: anchoBloque, align: 'center' });
          if (b.cargo) {
            this.fuente('regular', 9, COLORES.gris);
            d.text(b.cargo, x, d.y, { width: anchoBloque, align: 'center' });
          }
        }
        d.restore();
      });
      d.x = MARGEN;
      d.y = caja.y + altoBloque + 10;
    }
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
    const p = dibujarTabla(this, columnas, filas, opciones);
    this.pendientes.push(p);
    return p;
  }
}
