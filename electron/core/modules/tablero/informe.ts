/**
 * Informe semanal (DOMAIN §6): the figures of a week beside the previous week's, stored as a snapshot
 * when generated so the informe of a past week is reproduced exactly later; PDF and Excel with the kit.
 * The figures, the PDF and the Excel live in sibling files; this file generates the document.
 */
import type { Semana as SemanaContrato } from '../../../contract/tablero';
import type { Contexto } from '../../contexto';
import { informe, semanaPedida } from './informeDatos';
import { excel } from './informeExcel';
import { pdf } from './informePdf';
import { textoSemana } from './semanas';

// Still importable from here, where they lived before the split.
export { FORMATO_INSTANTANEA, informe, leerInstantanea, semanaPedida } from './informeDatos';
export { tendencia48h } from './tendencia';

export async function generar(
  ctx: Contexto,
  input: { semana?: string; recalcular: boolean; formato: 'pdf' | 'xlsx'; tarea?: string },
): Promise<{ archivoId: string; nombre: string; semana: SemanaContrato; reproducido: boolean }> {
  const s = semanaPedida(ctx, input.semana);
  const tarea = input.tarea ?? `informe-semanal-${s.desde}`;
  ctx.progreso({ tarea, fraccion: 0, texto: `Informe semanal ${textoSemana(s).toLowerCase()}` });
  const i = informe(ctx, s, { recalcular: input.recalcular, guardar: true, tarea });
  ctx.progreso({ tarea, fraccion: 0.85, texto: input.formato === 'pdf' ? 'Escribiendo el PDF' : 'Escribiendo el Excel' });
  const g = ctx.generados.nuevo(`Informe semanal ${s.desde} a ${s.hasta}.${input.formato}`, ctx.sesion);
  if (input.formato === 'pdf') await pdf(ctx, g.ruta, i);
  else await excel(ctx, g.ruta, i, () => undefined);
  ctx.progreso({ tarea, fraccion: 1, texto: 'Listo' });
  return { archivoId: g.id, nombre: g.nombre, semana: s, reproducido: i.instantanea !== null };
}
