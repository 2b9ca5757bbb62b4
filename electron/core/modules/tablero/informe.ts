/**
 * Informe semanal (DOMAIN §6): the figures of a week beside the previous week's, stored as a snapshot
 * when generated so the informe of a past week is reproduced exactly later; PDF and Excel with the kit.
 * The figures, the PDF and the Excel live in sibling files; this file generates the document.
 */
import type { Informe, Semana as SemanaContrato } from '../../../contract/tablero';
import type { Contexto } from '../../contexto';
import { guardarInstantanea, informe, semanaPedida } from './informeDatos';
import { excel } from './informeExcel';
import { pdf } from './informePdf';
import { textoSemana } from './semanas';

// Still importable from here, where they lived before the split.
export { FORMATO_INSTANTANEA, informe, leerInstantanea, semanaPedida } from './informeDatos';
export { tendencia48h } from './tendencia';

export interface Generado {
  archivoId: string;
  nombre: string;
  semana: SemanaContrato;
  reproducido: boolean;
}

/**
 * Background job (trabajos.ts): computes the informe on the job's read-only connection and writes the
 * document; returns the figures to store as the week's snapshot (`porGuardar`) when there are new ones.
 */
export async function generarDocumento(
  ctx: Contexto,
  input: { semana?: string; recalcular: boolean; formato: 'pdf' | 'xlsx'; tarea?: string },
): Promise<Generado & { porGuardar: Informe | null }> {
  const s = semanaPedida(ctx, input.semana);
  const tarea = input.tarea ?? `informe-semanal-${s.desde}`;
  ctx.progreso({ tarea, fraccion: 0, texto: `Informe semanal ${textoSemana(s).toLowerCase()}` });
  const i = informe(ctx, s, { recalcular: input.recalcular, guardar: false, tarea });
  ctx.progreso({ tarea, fraccion: 0.85, texto: input.formato === 'pdf' ? 'Escribiendo el PDF' : 'Escribiendo el Excel' });
  const g = ctx.generados.nuevo(`Informe semanal ${s.desde} a ${s.hasta}.${input.formato}`, ctx.sesion);
  if (input.formato === 'pdf') await pdf(ctx, g.ruta, i);
  else await excel(ctx, g.ruta, i, () => undefined);
  ctx.progreso({ tarea, fraccion: 1, texto: 'Listo' });
  const reproducido = i.instantanea !== null;
  return { archivoId: g.id, nombre: g.nombre, semana: s, reproducido, porGuardar: !reproducido && !i.enCurso ? i : null };
}

/** The method: the document is made in a worker thread; the snapshot is stored here, on the request thread. */
export async function generar(ctx: Contexto, input: Parameters<typeof generarDocumento>[1]): Promise<Generado> {
  const { porGuardar, ...r } = await ctx.trabajos.correr<Awaited<ReturnType<typeof generarDocumento>>>('tablero.informe.generar', input);
  if (porGuardar) guardarInstantanea(ctx, r.semana, porGuardar, input.recalcular);
  return r;
}
