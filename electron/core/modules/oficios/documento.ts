/**
 * Oficios › the PDF, laid out like a real oficio (DOMAIN §1b): letterhead, número and "Hermosillo, Sonora,
 * a 25 de noviembre de 2026" at the top right, destinatario block with "Presente", "Asunto:" line, body
 * (tables where the plantilla put them), "Atentamente" with the firmante and room for the signature, c.c.p.
 * Several oficios can go in one file, each starting on its own page with its own "Página X de Y".
 */
import type { Oficio } from '../../../contract/oficios';
import type { Contexto, Handlers } from '../../contexto';
import { COLORES, escribirPdf, type Columna, type DocumentoPdf } from '../../reports';
import { fechaEnZona, fechaLarga } from '../../tiempo';
import { membrete } from '../ajustes/service';
import { tablaDeLinea } from './combinar';
import { vista } from './datos';

const TAMANO = 11;

function tituloDe(o: Oficio): string {
  return o.numero ? `Oficio ${o.numero}` : 'Oficio (borrador)';
}

/** The rows as the report kit reads them, one at a time (a recordatorio lists thousands). */
function* filasDeTabla(filas: string[][]): Generator<Record<string, string>> {
  for (const f of filas) {
    const r: Record<string, string> = {};
    for (let i = 0; i < f.length; i++) r[`c${i}`] = f[i];
    yield r;
  }
}

async function dibujarOficio(doc: DocumentoPdf, o: Oficio, hoy: string) {
  const derecha = { alineacion: 'derecha', tamano: 10.5 } as const;
  if (o.estatus === 'borrador') doc.parrafo('BORRADOR — SIN NÚMERO NI VALOR OFICIAL', { ...derecha, negrita: true, color: COLORES.gris });
  else doc.parrafo(`Oficio núm. ${o.numero}`, { ...derecha, negrita: true });
  doc.parrafo(`${o.lugar}, a ${fechaLarga(o.fecha ?? hoy)}`, derecha);
  if (o.estatus === 'anulado') doc.parrafo(`ANULADO: ${o.motivoAnulacion ?? ''}`, { ...derecha, negrita: true, color: '#c62828' });
  doc.espacio(14);

  doc.parrafo(o.destinatario.nombre, { tamano: TAMANO, negrita: true, alineacion: 'izquierda' });
  const lineas = [o.destinatario.cargo, o.destinatario.dependencia].filter((l) => l && l !== o.destinatario.nombre);
  const d0 = doc.pdfkit;
  d0.y -= 7; // the block reads as one: name, cargo and dependencia on consecutive lines
  if (lineas.length) doc.parrafo(lineas.join('\n'), { tamano: TAMANO, alineacion: 'izquierda' });
  d0.y -= 7;
  doc.parrafo('Presente', { tamano: TAMANO, negrita: true, alineacion: 'izquierda' });
  doc.espacio(8);
  doc.parrafo(`Asunto: ${o.asunto}`, { tamano: TAMANO, negrita: true, alineacion: 'derecha' });
  const folios = o.referencias.filter((r) => r.tipo === 'asunto').map((r) => r.etiqueta);
  if (folios.length) doc.parrafo(`Referencia: folio ${folios.join(', ')}`, { tamano: 9.5, alineacion: 'derecha', color: COLORES.gris });
  doc.espacio(10);

  // Body: paragraphs separated by blank lines; a line that is only {turnos_vencidos} prints the table.
  let parrafo: string[] = [];
  const cerrar = () => {
    const t = parrafo.join('\n').trim();
    if (t) doc.parrafo(t, { tamano: TAMANO, alineacion: 'justificado' });
    parrafo = [];
  };
  for (const linea of o.cuerpo.split('\n')) {
    const tabla = tablaDeLinea(linea);
    if (tabla && o.tablas[tabla]) {
      cerrar();
      const t = o.tablas[tabla];
      const columnas: Columna<Record<string, string>>[] = t.columnas.map((c, i) => ({ clave: `c${i}`, titulo: c.titulo, ancho: c.ancho, alineacion: c.alineacion }));
      await doc.tabla(columnas, filasDeTabla(t.filas), { vacio: 'Sin pendientes.' });
      doc.espacio(6);
    } else if (!linea.trim()) cerrar();
    else parrafo.push(linea);
  }
  cerrar();

  // Signature block: kept together on one page.
  doc.espacio(12);
  const caja = doc.reservar(120);
  const d = doc.pdfkit;
  d.y = caja.y; // the room is reserved: the paragraphs below never break the page
  doc.parrafo('Atentamente', { tamano: TAMANO, alineacion: 'centro' });
  const yLinea = caja.y + 72;
  d.save().moveTo(caja.x + caja.ancho / 2 - 120, yLinea).lineTo(caja.x + caja.ancho / 2 + 120, yLinea).lineWidth(0.6).strokeColor(COLORES.tinta).stroke().restore();
  d.y = yLinea + 4;
  doc.parrafo(o.firmante.nombre, { tamano: TAMANO, negrita: true, alineacion: 'centro' });
  d.y -= 6;
  if (o.firmante.cargo) doc.parrafo(o.firmante.cargo, { tamano: 10, alineacion: 'centro' });
  d.y = Math.max(d.y, caja.y + caja.alto);

  if (o.ccp.length) {
    doc.espacio(10);
    for (const c of o.ccp) doc.parrafo(`c.c.p. ${c}`, { tamano: 8.5, alineacion: 'izquierda', color: COLORES.gris });
  }
}

export async function pdfOficios(ctx: Contexto, ids: string[], ruta: string, tarea?: string): Promise<number> {
  // One oficio in memory at a time: a hundred recordatorios hold hundreds of thousands of table rows.
  const primero = vista(ctx, ids[0]);
  const hoy = fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
  const titulo = ids.length === 1 ? tituloDe(primero) : `Oficios de salida (${ids.length})`;
  const r = await escribirPdf(
    ruta,
    membrete(ctx, titulo, { referencia: ids.length === 1 ? primero.asunto : undefined }),
    async (doc) => {
      for (const [i, id] of ids.entries()) {
        const o = i === 0 ? primero : vista(ctx, id);
        if (i > 0) doc.nuevoDocumento({ titulo: tituloDe(o), referencia: o.asunto });
        await dibujarOficio(doc, o, hoy);
        if (tarea) ctx.progreso({ tarea, fraccion: (i + 1) / ids.length, texto: `Oficio ${i + 1} de ${ids.length}…` });
      }
    },
    { sinTitulo: true },
  );
  return r.paginas;
}

const nombreArchivo = (o: Oficio) => `${o.numero ? `Oficio ${o.numero}` : 'Oficio borrador'}${o.destinatario.dependencia ? ` ${o.destinatario.dependencia}` : ''}.pdf`;

export const documentoHandlers = {
  'oficios.pdf': async (ctx, input) => {
    const ids = [...new Set(input.ids)];
    if (input.modo === 'uno') {
      const nombre = ids.length === 1 ? nombreArchivo(vista(ctx, ids[0])) : `Oficios de salida (${ids.length}).pdf`;
      const g = ctx.generados.nuevo(nombre, ctx.sesion);
      const paginas = await pdfOficios(ctx, ids, g.ruta, input.tarea);
      return { archivos: [{ archivoId: g.id, nombre: g.nombre }], paginas };
    }
    const archivos: { archivoId: string; nombre: string }[] = [];
    let paginas = 0;
    for (const [i, id] of ids.entries()) {
      const g = ctx.generados.nuevo(nombreArchivo(vista(ctx, id)), ctx.sesion);
      paginas += await pdfOficios(ctx, [id], g.ruta);
      archivos.push({ archivoId: g.id, nombre: g.nombre });
      if (input.tarea) ctx.progreso({ tarea: input.tarea, fraccion: (i + 1) / ids.length, texto: `Oficio ${i + 1} de ${ids.length}…` });
    }
    return { archivos, paginas };
  },
} satisfies Partial<Handlers>;
