/**
 * Gráficas vectoriales dibujadas con primitivas de pdfkit (nada de imágenes): barras horizontales y
 * verticales, barras apiladas (distribución del semáforo) y línea (tendencia de 12 semanas). Cifras en
 * formato es-MX (`1,234.5`, `65 %`). Se usan a través de `DocumentoPdf` (`doc.barras(…)`, etc.), que
 * reserva el espacio y cambia de página si hace falta; aquí solo se dibuja dentro de una caja.
 *
 * Pensadas para imprimirse en blanco y negro: cada barra lleva su cifra escrita, los segmentos
 * apilados se separan con un filo blanco y la leyenda siempre nombra cada color.
 */
import { COLORES_SEMAFORO, entero, numero, porcentaje, type ColorSemaforo } from './formato';

export interface EstiloGrafica {
  fuente: string;
  fuenteNegrita: string;
  tinta: string;
  gris: string;
  linea: string;
  acento: string;
}

export interface Caja {
  x: number;
  y: number;
  ancho: number;
  alto: number;
}

/** Cómo se escriben los valores: `porcentaje` espera fracciones 0..1. */
export type FormatoValor = 'numero' | 'entero' | 'porcentaje';

/** Un color de semáforo por nombre o cualquier color CSS hexadecimal. */
export type ColorGrafica = ColorSemaforo | `#${string}`;

export interface DatoBarra {
  etiqueta: string;
  valor: number;
  color?: ColorGrafica;
}

export interface GraficaBarras {
  titulo?: string;
  datos: readonly DatoBarra[];
  /** `horizontal` (por omisión, para etiquetas largas como dependencias) o `vertical`. */
  orientacion?: 'horizontal' | 'vertical';
  formato?: FormatoValor;
  decimales?: number;
  /** Color de todas las barras sin color propio. */
  color?: ColorGrafica;
  /** Valor máximo del eje (p. ej. 1 para porcentajes); por omisión se calcula. */
  maximo?: number;
  alto?: number;
}

export interface SerieApilada {
  nombre: string;
  color: ColorGrafica;
}

export interface GraficaBarrasApiladas {
  titulo?: string;
  /** Segmentos, en orden: p. ej. Atendido (verde), En proceso (amarillo), Pendiente (rojo). */
  series: readonly SerieApilada[];
  /** Una barra por categoría; `valores[i]` corresponde a `series[i]`. */
  categorias: readonly { etiqueta: string; valores: readonly number[] }[];
  /** Todas las barras al 100 % (distribución) en vez de a escala del total. */
  porcentual?: boolean;
  alto?: number;
}

export interface SerieLinea {
  nombre: string;
  /** `null` deja un hueco en la línea. */
  valores: readonly (number | null)[];
  color?: ColorGrafica;
}

export interface GraficaLineas {
  titulo?: string;
  /** Etiquetas del eje horizontal, p. ej. las 12 semanas ("17 nov"). */
  etiquetas: readonly string[];
  series: readonly SerieLinea[];
  formato?: FormatoValor;
  decimales?: number;
  /** Escribir la cifra sobre cada punto (por omisión, si hay una sola serie y ≤ 16 puntos). */
  valores?: boolean;
  minimo?: number;
  maximo?: number;
  alto?: number;
}

const PALETA = ['#2f5377', '#c77c02', '#6b4f96', '#3c8d5a', '#a23b3b', '#5b6670'] as const;
const ALTO_TITULO = 17;
const ALTO_LEYENDA = 16;

function color(c: ColorGrafica | undefined, porOmision: string): string {
  if (!c) return porOmision;
  return c in COLORES_SEMAFORO ? COLORES_SEMAFORO[c as ColorSemaforo] : c;
}

/** Texto legible sobre un fondo: blanco sobre oscuro, tinta sobre claro. */
function contraste(hex: string): string {
  const h = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum < 0.55 ? '#ffffff' : '#1a1a1a';
}

export function formatear(v: number, formato: FormatoValor = 'numero', decimales?: number): string {
  if (formato === 'porcentaje') return porcentaje(v, decimales ?? 0);
  if (formato === 'entero') return entero(v);
  return numero(v, decimales);
}

/** Escala "bonita": máximo y paso de 1, 2, 2.5 o 5 × 10^k, con unas 4–6 divisiones. */
export function escala(minimo: number, maximo: number, divisiones = 5): { min: number; max: number; paso: number } {
  if (!(maximo > minimo)) maximo = minimo + (minimo === 0 ? 1 : Math.abs(minimo));
  const bruto = (maximo - minimo) / divisiones;
  const mag = 10 ** Math.floor(Math.log10(bruto));
  const paso = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((p) => p >= bruto) ?? 10 * mag;
  return { min: Math.floor(minimo / paso) * paso, max: Math.ceil(maximo / paso - 1e-9) * paso, paso };
}

export function altoSugerido(g: GraficaBarras | GraficaBarrasApiladas | GraficaLineas): number {
  const titulo = g.titulo ? ALTO_TITULO : 0;
  if ('categorias' in g) return titulo + Math.max(1, g.categorias.length) * 20 + 8 + ALTO_LEYENDA;
  if ('datos' in g) {
    if ((g.orientacion ?? 'horizontal') === 'horizontal') return titulo + Math.max(1, g.datos.length) * 19 + 6;
    return titulo + 190;
  }
  return titulo + 180 + (g.series.length > 1 ? ALTO_LEYENDA : 0);
}

// ───────────────────────────── utilidades de dibujo ─────────────────────────────

type Doc = PDFKit.PDFDocument;

function recortar(doc: Doc, texto: string, ancho: number): string {
  if (doc.widthOfString(texto) <= ancho) return texto;
  let t = texto;
  while (t.length > 1 && doc.widthOfString(t + '…') > ancho) t = t.slice(0, -1);
  return t.trimEnd() + '…';
}

/** Una línea de texto en (x, y) = esquina superior, alineada dentro de `ancho`, recortada con "…". */
function rotulo(
  doc: Doc,
  texto: string,
  x: number,
  y: number,
  ancho: number,
  opciones: { alinear?: 'left' | 'center' | 'right'; fuente: string; tamano: number; color: string },
): void {
  doc.font(opciones.fuente).fontSize(opciones.tamano).fillColor(opciones.color);
  const t = recortar(doc, texto, ancho);
  const w = doc.widthOfString(t);
  const dx = opciones.alinear === 'right' ? ancho - w : opciones.alinear === 'center' ? (ancho - w) / 2 : 0;
  doc.text(t, x + dx, y, { lineBreak: false });
}

function titulo(doc: Doc, caja: Caja, texto: string | undefined, e: EstiloGrafica): number {
  if (!texto) return 0;
  rotulo(doc, texto, caja.x, caja.y, caja.ancho, { fuente: e.fuenteNegrita, tamano: 9.5, color: e.tinta });
  return ALTO_TITULO;
}

function linea(doc: Doc, x1: number, y1: number, x2: number, y2: number, ancho: number, c: string): void {
  doc.save();
  doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(ancho).strokeColor(c).stroke();
  doc.restore();
}

/** Trazo de cada serie de líneas: continuo, guiones, puntos… para distinguirlas también en gris. */
const TRAZOS: readonly (readonly [number, number] | null)[] = [null, [4.5, 2.5], [1.2, 2.2], [7, 2.5]];

function trazar(doc: Doc, k: number): void {
  const t = TRAZOS[k % TRAZOS.length];
  if (t) doc.dash(t[0], { space: t[1] });
  else doc.undash();
}

interface ItemLeyenda {
  nombre: string;
  color: string;
  /** Índice de trazo si la muestra es una línea (gráfica de líneas); si no, un cuadro de color. */
  trazo?: number;
}

function leyenda(doc: Doc, x: number, y: number, ancho: number, items: ItemLeyenda[], e: EstiloGrafica): void {
  doc.font(e.fuente).fontSize(7.5);
  const muestra = (i: ItemLeyenda) => (i.trazo === undefined ? 8 : 18);
  const anchos = items.map((i) => doc.widthOfString(i.nombre) + muestra(i) + 14);
  const total = anchos.reduce((a, b) => a + b, 0);
  let cx = x + Math.max(0, (ancho - total) / 2);
  items.forEach((item, i) => {
    doc.save();
    if (item.trazo === undefined) {
      doc.rect(cx, y + 2, 8, 8).fill(item.color);
    } else {
      trazar(doc, item.trazo);
      doc.moveTo(cx, y + 6).lineTo(cx + 18, y + 6).lineWidth(1.6).strokeColor(item.color).stroke();
    }
    doc.restore();
    rotulo(doc, item.nombre, cx + muestra(item) + 3, y + 1, anchos[i] - muestra(item) - 3, { fuente: e.fuente, tamano: 7.5, color: e.tinta });
    cx += anchos[i];
  });
}

/** Ejes de valores comunes a barras verticales y líneas: rejilla horizontal con cifras a la izquierda. */
function rejilla(
  doc: Doc,
  area: Caja,
  esc: { min: number; max: number; paso: number },
  formato: FormatoValor,
  decimales: number | undefined,
  anchoEje: number,
  e: EstiloGrafica,
): (v: number) => number {
  const y = (v: number) => area.y + area.alto - ((v - esc.min) / (esc.max - esc.min)) * area.alto;
  const decEje = formato === 'porcentaje' ? 0 : decimales;
  for (let v = esc.min; v <= esc.max + esc.paso / 1000; v += esc.paso) {
    const yy = y(v);
    linea(doc, area.x, yy, area.x + area.ancho, yy, Math.abs(v) < 1e-12 ? 0.7 : 0.35, Math.abs(v) < 1e-12 ? e.gris : e.linea);
    rotulo(doc, formatear(v, formato, formato === 'numero' && esc.paso >= 1 ? 0 : decEje), area.x - anchoEje, yy - 4, anchoEje - 4, {
      alinear: 'right',
      fuente: e.fuente,
      tamano: 7,
      color: e.gris,
    });
  }
  return y;
}

// ───────────────────────────── barras ─────────────────────────────

export function dibujarBarras(doc: Doc, caja: Caja, g: GraficaBarras, e: EstiloGrafica): void {
  const arriba = titulo(doc, caja, g.titulo, e);
  const formato = g.formato ?? 'numero';
  const base = color(g.color, e.acento);
  const datos = g.datos;
  const maxDato = Math.max(0, ...datos.map((d) => d.valor));
  const minDato = Math.min(0, ...datos.map((d) => d.valor));
  const textos = datos.map((d) => formatear(d.valor, formato, g.decimales));

  if ((g.orientacion ?? 'horizontal') === 'horizontal') {
    doc.font(e.fuente).fontSize(8);
    const anchoEtiqueta = Math.min(caja.ancho * 0.34, Math.max(30, ...datos.map((d) => doc.widthOfString(d.etiqueta))) + 6);
    const anchoValor = Math.max(...textos.map((t) => doc.widthOfString(t)), 10) + 8;
    const x0 = caja.x + anchoEtiqueta + 6;
    const anchoBarras = caja.ancho - anchoEtiqueta - 6 - anchoValor;
    const maximo = g.maximo ?? (maxDato || 1);
    const escalaX = (v: number) => (Math.max(0, Math.min(v, maximo)) / maximo) * anchoBarras;
    const fila = datos.length ? Math.min(19, (caja.alto - arriba - 6) / datos.length) : 19;
    const grosor = Math.min(11, fila * 0.62);
    let y = caja.y + arriba + 2;
    datos.forEach((d, i) => {
      const cy = y + fila / 2;
      rotulo(doc, d.etiqueta, caja.x, cy - 5, anchoEtiqueta, { alinear: 'right', fuente: e.fuente, tamano: 8, color: e.tinta });
      const w = escalaX(d.valor);
      if (w > 0) {
        doc.save();
        doc.rect(x0, cy - grosor / 2, w, grosor).fill(color(d.color, base));
        doc.restore();
      }
      rotulo(doc, textos[i], x0 + w + 4, cy - 5, anchoValor, { fuente: e.fuenteNegrita, tamano: 8, color: e.tinta });
      y += fila;
    });
    linea(doc, x0, caja.y + arriba, x0, y + 2, 0.7, e.gris);
    return;
  }

  // Vertical: rejilla con cifras a la izquierda, cifra sobre cada barra y etiqueta (2 líneas) debajo.
  const esc = escala(minDato, g.maximo ?? maxDato);
  const anchoEje = 34;
  const abajo = 26;
  const area: Caja = { x: caja.x + anchoEje, y: caja.y + arriba + 12, ancho: caja.ancho - anchoEje, alto: caja.alto - arriba - 12 - abajo };
  const y = rejilla(doc, area, esc, formato, g.decimales, anchoEje, e);
  const ranura = area.ancho / Math.max(1, datos.length);
  const grosor = Math.min(42, ranura * 0.58);
  datos.forEach((d, i) => {
    const cx = area.x + ranura * (i + 0.5);
    const y1 = y(Math.max(d.valor, 0));
    const y2 = y(Math.min(d.valor, 0));
    doc.save();
    doc.rect(cx - grosor / 2, y1, grosor, Math.max(0, y2 - y1)).fill(color(d.color, base));
    doc.restore();
    rotulo(doc, textos[i], cx - ranura / 2, y1 - 10, ranura, { alinear: 'center', fuente: e.fuenteNegrita, tamano: 7.5, color: e.tinta });
    doc.font(e.fuente).fontSize(7.5).fillColor(e.tinta);
    doc.text(d.etiqueta, cx - ranura / 2 + 1, area.y + area.alto + 4, { width: ranura - 2, align: 'center', height: 20, ellipsis: true, lineGap: 0 });
  });
}

// ───────────────────────────── barras apiladas ─────────────────────────────

export function dibujarBarrasApiladas(doc: Doc, caja: Caja, g: GraficaBarrasApiladas, e: EstiloGrafica): void {
  const arriba = titulo(doc, caja, g.titulo, e);
  const colores = g.series.map((s, i) => color(s.color, PALETA[i % PALETA.length]));
  const totales = g.categorias.map((c) => c.valores.reduce((a, b) => a + (b > 0 ? b : 0), 0));
  doc.font(e.fuente).fontSize(8);
  const anchoEtiqueta = Math.min(caja.ancho * 0.3, Math.max(30, ...g.categorias.map((c) => doc.widthOfString(c.etiqueta))) + 6);
  const textoTotal = totales.map((t) => entero(t));
  const anchoTotal = Math.max(...textoTotal.map((t) => doc.widthOfString(t)), 10) + 10;
  const x0 = caja.x + anchoEtiqueta + 6;
  const anchoBarras = caja.ancho - anchoEtiqueta - 6 - anchoTotal;
  const maximo = Math.max(1, ...totales);
  const fila = g.categorias.length ? Math.min(20, (caja.alto - arriba - ALTO_LEYENDA - 8) / g.categorias.length) : 20;
  const grosor = Math.min(13, fila * 0.68);
  let y = caja.y + arriba + 2;

  g.categorias.forEach((c, i) => {
    const cy = y + fila / 2;
    rotulo(doc, c.etiqueta, caja.x, cy - 5, anchoEtiqueta, { alinear: 'right', fuente: e.fuente, tamano: 8, color: e.tinta });
    const largo = g.porcentual ? anchoBarras : (totales[i] / maximo) * anchoBarras;
    let x = x0;
    c.valores.forEach((v, s) => {
      if (!(v > 0) || totales[i] === 0) return;
      const w = (v / totales[i]) * largo;
      doc.save();
      doc.rect(x, cy - grosor / 2, w, grosor).fill(colores[s]);
      // Filo blanco entre segmentos: se distinguen también en blanco y negro.
      if (x > x0) linea(doc, x, cy - grosor / 2, x, cy + grosor / 2, 0.8, '#ffffff');
      doc.restore();
      const texto = g.porcentual ? porcentaje(v / totales[i]) : entero(v);
      doc.font(e.fuenteNegrita).fontSize(7);
      if (doc.widthOfString(texto) + 4 <= w) {
        rotulo(doc, texto, x, cy - 4.2, w, { alinear: 'center', fuente: e.fuenteNegrita, tamano: 7, color: contraste(colores[s]) });
      }
      x += w;
    });
    rotulo(doc, textoTotal[i], x0 + largo + 4, cy - 5, anchoTotal, { fuente: e.fuenteNegrita, tamano: 8, color: e.tinta });
    y += fila;
  });
  linea(doc, x0, caja.y + arriba, x0, y + 2, 0.7, e.gris);
  leyenda(doc, caja.x, y + 8, caja.ancho, g.series.map((s, i) => ({ nombre: s.nombre, color: colores[i] })), e);
}

// ───────────────────────────── líneas ─────────────────────────────

export function dibujarLineas(doc: Doc, caja: Caja, g: GraficaLineas, e: EstiloGrafica): void {
  const arriba = titulo(doc, caja, g.titulo, e);
  const formato = g.formato ?? 'numero';
  const valores = g.series.flatMap((s) => s.valores.filter((v): v is number => v !== null && Number.isFinite(v)));
  const esc = escala(g.minimo ?? Math.min(0, ...valores), g.maximo ?? Math.max(0, ...valores));
  const anchoEje = 34;
  const abajo = 16 + (g.series.length > 1 ? ALTO_LEYENDA : 0);
  const area: Caja = { x: caja.x + anchoEje, y: caja.y + arriba + 10, ancho: caja.ancho - anchoEje - 8, alto: caja.alto - arriba - 10 - abajo };
  const y = rejilla(doc, area, esc, formato, g.decimales, anchoEje, e);
  const n = Math.max(1, g.etiquetas.length);
  const paso = n > 1 ? area.ancho / (n - 1) : 0;
  const x = (i: number) => (n > 1 ? area.x + i * paso : area.x + area.ancho / 2);

  // Etiquetas del eje horizontal: todas si caben; si no, una de cada k.
  doc.font(e.fuente).fontSize(7);
  const anchoEtiqueta = Math.max(...g.etiquetas.map((t) => doc.widthOfString(t)), 1) + 4;
  const cada = Math.max(1, Math.ceil(anchoEtiqueta / Math.max(paso, 1)));
  g.etiquetas.forEach((t, i) => {
    if (i % cada !== 0 && i !== n - 1) return;
    linea(doc, x(i), area.y + area.alto, x(i), area.y + area.alto + 3, 0.5, e.gris);
    rotulo(doc, t, x(i) - anchoEtiqueta / 2, area.y + area.alto + 5, anchoEtiqueta, { alinear: 'center', fuente: e.fuente, tamano: 7, color: e.gris });
  });

  const conCifras = g.valores ?? (g.series.length === 1 && n <= 16);
  g.series.forEach((s, k) => {
    const c = color(s.color, PALETA[k % PALETA.length]);
    doc.save();
    doc.lineWidth(1.6).strokeColor(c).lineJoin('round').lineCap('round');
    trazar(doc, k);
    let abierto = false;
    s.valores.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        abierto = false;
        return;
      }
      if (abierto) doc.lineTo(x(i), y(v));
      else doc.moveTo(x(i), y(v));
      abierto = true;
    });
    doc.stroke();
    doc.undash();
    s.valores.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return;
      doc.circle(x(i), y(v), 2.3).fillAndStroke('#ffffff', c);
    });
    doc.restore();
    if (conCifras) {
      s.valores.forEach((v, i) => {
        if (v === null || !Number.isFinite(v)) return;
        const ancho = Math.max(paso, 24);
        rotulo(doc, formatear(v, formato, g.decimales), x(i) - ancho / 2, y(v) - 12, ancho, { alinear: 'center', fuente: e.fuente, tamano: 6.8, color: e.tinta });
      });
    }
  });
  if (g.series.length > 1) {
    leyenda(doc, caja.x, caja.y + caja.alto - ALTO_LEYENDA + 4, caja.ancho, g.series.map((s, k) => ({ nombre: s.nombre, color: color(s.color, PALETA[k % PALETA.length]), trazo: k })), e);
  }
}
