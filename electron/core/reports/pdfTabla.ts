/**
 * Tablas del PDF: encabezado repetido en cada página, filas cebra, números a la derecha, texto largo
 * en varias líneas, semáforo como punto de color + palabra y fila de totales.
 */
import {
  Acumulador,
  ANCHO_POR_TIPO,
  COLORES_SEMAFORO,
  esIterableAsincrono,
  semaforoDe,
  textoCelda,
  type Agregado,
  type Columna,
  type TipoColumna,
  type Totales,
} from './formato';
import { ALINEAR, COLORES, MARGEN } from './pdfEstilo';
import type { Peso } from './pdfFuentes';
import type { DocInterno } from './pdfInterno';

export interface OpcionesTabla<R> {
  totales?: Totales<R>;
  /** Texto si no hay filas; por omisión "Sin registros". */
  vacio?: string;
  /** Tamaño de letra del cuerpo de la tabla (8.5 por omisión). */
  tamano?: number;
}

/** Lo que la tabla usa del documento en curso. */
export interface LienzoTabla {
  readonly d: DocInterno;
  /** Ancho útil (entre márgenes). */
  readonly ancho: number;
  /** Límite inferior del cuerpo en la página actual. */
  readonly maxY: number;
  /** Límite superior del cuerpo en la página actual. */
  readonly arriba: number;
  readonly zona: string;
  readonly senal: AbortSignal | undefined;
  /** Título de sección que todavía no se dibuja (saldrá junto con la tabla). */
  readonly seccionPendiente?: string;
  fuente(peso: Peso, tamano: number, color?: string): unknown;
  /** Garantiza `alto` puntos libres (si no, nueva página) y dibuja la sección pendiente. */
  asegurar(alto: number): void;
  nuevaPagina(): unknown;
}

interface ColumnaResuelta<R> extends Columna<R> {
  tipo: TipoColumna;
  x: number;
  w: number;
  alinear: 'left' | 'center' | 'right';
}

function alineacionPorTipo(tipo: TipoColumna): 'left' | 'center' | 'right' {
  if (tipo === 'numero' || tipo === 'entero' || tipo === 'porcentaje') return 'right';
  if (tipo === 'fecha' || tipo === 'instante') return 'center';
  return 'left';
}

export async function dibujarTabla<R>(
  doc: LienzoTabla,
  columnas: readonly Columna<R>[],
  filas: Iterable<R> | AsyncIterable<R>,
  opciones: OpcionesTabla<R>,
): Promise<void> {
  const d = doc.d;
  const tamano = opciones.tamano ?? 8.5;
  const padX = 4;
  const padY = 3;
  const gap = 0.8;
  const DIAMETRO = 6.4;
  const sangriaSemaforo = DIAMETRO + 4;
  const anchos = anchosDeColumna(doc, columnas, tamano, padX, sangriaSemaforo);
  let x = MARGEN;
  const cols: ColumnaResuelta<R>[] = columnas.map((c, i) => {
    const tipo = c.tipo ?? 'texto';
    const col = { ...c, tipo, x, w: anchos[i], alinear: c.alineacion ? ALINEAR[c.alineacion] : alineacionPorTipo(tipo) };
    x += anchos[i];
    return col;
  });

  const alto = (texto: string, ancho: number, peso: Peso): number => {
    doc.fuente(peso, tamano);
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
    d.rect(MARGEN, y, doc.ancho, altoEncabezado).fill(COLORES.fondoEncabezado);
    d.moveTo(MARGEN, y).lineTo(MARGEN + doc.ancho, y).lineWidth(0.9).strokeColor(COLORES.acento).stroke();
    d.moveTo(MARGEN, y + altoEncabezado).lineTo(MARGEN + doc.ancho, y + altoEncabezado).lineWidth(0.5).strokeColor(COLORES.acento).stroke();
    d.restore();
    doc.fuente('semi', tamano, COLORES.tinta);
    for (const c of cols) {
      d.text(c.titulo, c.x + padX, y + padY, { width: c.w - 2 * padX, align: c.alinear, lineGap: gap, height: altoEncabezado });
    }
    d.y = y + altoEncabezado;
    d.x = MARGEN;
  };

  const espacioDePagina = doc.maxY - doc.arriba - altoEncabezado - 2;
  const acumulador = new Acumulador<R>(columnas);
  let n = 0;

  const dibujarFila = (valores: unknown[], estilo: 'normal' | 'total', indice: number) => {
    const peso: Peso = estilo === 'total' ? 'negrita' : 'regular';
    const textos = cols.map((c, i) => textoCelda(valores[i], c.tipo, c.decimales, doc.zona));
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
      const libre = doc.maxY - d.y - (encabezadoDibujado ? 0 : altoEncabezado) - (doc.seccionPendiente ? 40 : 0) - 1;
      h = libre >= 150 ? libre : espacioDePagina;
    }
    if (!encabezadoDibujado) {
      // El encabezado sale junto con la primera fila (y con el título de sección pendiente).
      doc.asegurar(altoEncabezado + h);
      dibujarEncabezado();
    } else if (d.y + h > doc.maxY) {
      cerrarTabla(doc);
      doc.nuevaPagina();
      dibujarEncabezado();
    }
    const y = d.y;
    d.save();
    if (estilo === 'total') {
      d.rect(MARGEN, y, doc.ancho, h).fill(COLORES.fondoEncabezado);
      d.moveTo(MARGEN, y).lineTo(MARGEN + doc.ancho, y).lineWidth(0.6).strokeColor(COLORES.acento).stroke();
    } else if (indice % 2 === 1) {
      d.rect(MARGEN, y, doc.ancho, h).fill(COLORES.cebra);
    }
    d.restore();
    doc.fuente(peso, tamano, COLORES.tinta);
    cols.forEach((c, i) => {
      let xt = c.x + padX;
      let wt = c.w - 2 * padX;
      const s = semaforos[i];
      if (s) {
        const cy = y + padY + d.currentLineHeight(true) / 2 + 0.2;
        d.save();
        d.circle(xt + DIAMETRO / 2, cy, DIAMETRO / 2).fill(COLORES_SEMAFORO[s.color]);
        d.restore();
        doc.fuente(peso, tamano, COLORES.tinta);
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
  const senal = doc.senal;
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
    doc.fuente('cursiva', tamano, COLORES.gris);
    const h = d.currentLineHeight(true) + 2 * padY + 2;
    doc.asegurar(altoEncabezado + h);
    dibujarEncabezado();
    doc.fuente('cursiva', tamano, COLORES.gris);
    d.text(opciones.vacio ?? 'Sin registros', MARGEN, d.y + padY + 1, { width: doc.ancho, align: 'center' });
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
  cerrarTabla(doc);
  d.y += 10;
  d.x = MARGEN;
}

/**
 * Reparte el ancho útil en proporción a `ancho` (o al ancho típico del tipo), pero sin dejar una
 * columna más angosta que la palabra más larga de su título o que su contenido de ancho fijo
 * (una fecha, "100 %", un semáforo "En proceso"): así nunca se parte "Recepción" ni "21/11/2026".
 */
function anchosDeColumna<R>(doc: LienzoTabla, columnas: readonly Columna<R>[], tamano: number, padX: number, sangria: number): number[] {
  const d = doc.d;
  const minimos = columnas.map((c) => {
    doc.fuente('semi', tamano);
    let m = Math.max(0, ...c.titulo.split(/\s+/).map((p) => d.widthOfString(p)));
    doc.fuente('regular', tamano);
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
    const restante = doc.ancho - [...fijas].reduce((a, i) => a + anchos[i], 0);
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
  return total > doc.ancho + 0.01 ? anchos.map((a) => (a * doc.ancho) / total) : anchos;
}

function cerrarTabla(doc: LienzoTabla): void {
  const d = doc.d;
  d.save();
  d.moveTo(MARGEN, d.y).lineTo(MARGEN + doc.ancho, d.y).lineWidth(0.5).strokeColor(COLORES.acento).stroke();
  d.restore();
}
