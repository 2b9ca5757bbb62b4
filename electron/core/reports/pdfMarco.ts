/**
 * Membrete y pie de cada página, con "Página X de Y" sin `bufferPages` y en una sola pasada: en cada
 * página se dibuja, en el lugar del número, un Form XObject vacío (una referencia PDF cuyo contenido
 * todavía no se escribe). Las páginas terminadas se vacían al archivo en cuanto empieza la siguiente,
 * así que la memoria apenas crece con el largo del reporte (una referencia pequeña por página). Al
 * final, cuando ya se sabe el total, se escribe el contenido de cada XObject ("Página 3 de 12",
 * alineado a la derecha) antes de cerrar el documento; el PDF permite escribir un objeto después de
 * la página que lo usa.
 */
import type { Encabezado } from './formato';
import { COLORES, MARGEN } from './pdfEstilo';
import { NOMBRE_FUENTE, ponerFuente, type Peso } from './pdfFuentes';
import type { DocInterno, FuenteInterna, ImagenAbierta, ReferenciaInterna } from './pdfInterno';

const ALTO_LOGO = 38;
const ANCHO_LOGO_MAX = 110;
/** Del margen superior a donde empieza el cuerpo: membrete + filete + aire. */
export const ALTO_MEMBRETE = ALTO_LOGO + 22;
/** Del margen inferior hacia arriba: pie + filete + aire. */
export const ALTO_PIE = 26;
const TAMANO_PIE = 7.5;
const ANCHO_NUMERO_PAGINA = 110;

export class MarcoDePagina {
  /** Páginas iniciadas hasta ahora. */
  pagina = 0;
  /**
   * Varios documentos en un archivo (p. ej. un oficio por dependencia): cada uno numera sus páginas
   * ("Página 1 de 2") y lleva su título en el membrete; `reiniciar` empieza el siguiente.
   */
  private documento = 0;
  private paginaEnDocumento = 0;
  private readonly pies: { ref: ReferenciaInterna; pagina: number; documento: number }[] = [];
  private logo?: ImagenAbierta;
  private dibujando = false;

  constructor(
    private readonly d: DocInterno,
    private enc: Encabezado,
    /** Texto del pie: "Generado el …". */
    private readonly generado: string,
  ) {
    if (enc.logo) {
      try {
        this.logo = (this.d as unknown as { openImage(b: Buffer): ImagenAbierta }).openImage(enc.logo);
      } catch {
        this.logo = undefined; // un logotipo ilegible no impide el reporte
      }
    }
  }

  /** Membrete y pie de la página que empieza; corre en `pageAdded`, también a mitad de un párrafo. */
  dibujar(): void {
    if (this.dibujando) return;
    this.dibujando = true;
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
    this.paginaEnDocumento++;
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
      this.dibujando = false;
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
    ponerFuente(d, 'negrita', 12.5, COLORES.acento);
    const opcInst = { width: anchoInst, height: 34, ellipsis: true, lineGap: 0 } as const;
    const hInst = Math.min(34, d.heightOfString(this.enc.institucion, opcInst));
    d.text(this.enc.institucion, x, y0 + (ALTO_LOGO - hInst) / 2, opcInst);

    // En la primera página el título ya va grande debajo del membrete.
    const derecha = this.paginaEnDocumento === 1 ? [] : [this.enc.titulo, this.enc.referencia].filter((t): t is string => !!t);
    ponerFuente(d, 'regular', 8, COLORES.gris);
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
    ponerFuente(d, 'regular', TAMANO_PIE, COLORES.gris);
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
    this.pies.push({ ref, pagina: this.paginaEnDocumento, documento: this.documento });
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

  /** El siguiente documento del archivo: numeración desde 1 y, si se indica, otro título o referencia en el membrete. */
  reiniciar(cambios: Pick<Partial<Encabezado>, 'titulo' | 'referencia'> = {}): void {
    this.documento++;
    this.paginaEnDocumento = 0;
    this.enc = { ...this.enc, ...cambios };
  }

  /** Escribe "Página X de Y" en cada pie, ya con el total; va justo antes de cerrar el documento. */
  numerar(): void {
    const totales = new Map<number, number>();
    for (const p of this.pies) totales.set(p.documento, p.pagina);
    const f = this.fuenteInterna('regular');
    const [r, g, b] = rgb(COLORES.gris);
    for (const { ref, pagina, documento } of this.pies) {
      const total = totales.get(documento) ?? pagina;
      const texto = `Página ${pagina} de ${total}`;
      const [glifos] = f.encode(texto);
      const w = f.widthOfString(texto, TAMANO_PIE);
      const base = 10 - (f.ascender / 1000) * TAMANO_PIE;
      ref.end(
        `BT\n/F1 ${TAMANO_PIE} Tf\n${r} ${g} ${b} rg\n1 0 0 1 ${(ANCHO_NUMERO_PAGINA - w).toFixed(2)} ${base.toFixed(2)} Tm\n<${glifos.join('')}> Tj\nET`,
      );
    }
  }
}

function rgb(hex: string): [string, string, string] {
  const h = hex.replace('#', '');
  const c = (i: number) => (parseInt(h.slice(i, i + 2), 16) / 255).toFixed(3);
  return [c(0), c(2), c(4)];
}
