/** Compromisos › semáforo de cumplimiento (counts by dependencia, municipio and eje) and the printable reports. */
import type { Contexto, Handlers } from '../../contexto';
import type { CompromisoResumen } from '../../../contract/compromisos';
import { contar } from './reglas';
import { reporteCatalogo, reporteSemaforo } from './reportes';
import { consultar, type Filtros } from './consultas';

export function semaforoDe(ctx: Contexto, filtros: Filtros) {
  const items = consultar(ctx, filtros);
  const agrupar = (clave: (c: CompromisoResumen) => string, nombre: (c: CompromisoResumen) => string) => {
    const grupos = new Map<string, { nombre: string; items: CompromisoResumen[] }>();
    for (const c of items) {
      const k = clave(c);
      const g = grupos.get(k) ?? { nombre: nombre(c), items: [] };
      g.items.push(c);
      grupos.set(k, g);
    }
    return [...grupos.entries()]
      .map(([k, g]) => contar(k, g.nombre, g.items))
      .sort((a, b) => b.total - a.total || a.nombre.localeCompare(b.nombre, 'es'));
  };
  return {
    general: contar('general', 'Todos los compromisos', items),
    porDependencia: agrupar((c) => c.dependenciaId, (c) => c.dependencia),
    porMunicipio: agrupar((c) => c.municipioClave ?? 'ESTATAL', (c) => c.municipio),
    porEje: agrupar(
      (c) => c.alineacion.ejeId ?? 'SIN_EJE',
      (c) => (c.alineacion.ejeId ? `${c.alineacion.ejeClave} ${c.alineacion.ejeTexto}` : 'Sin alineación'),
    ),
  };
}

export const cumplimientoHandlers = {
  'compromisos.semaforo': (ctx, input) => semaforoDe(ctx, input),
} satisfies Partial<Handlers>;

/** The printable reports: background jobs (trabajos.ts). */
export const reportesHandlers = {
  'compromisos.reporteCatalogo': (ctx, input) => reporteCatalogo(ctx, consultar(ctx, input.filtros), input.formato),
  'compromisos.reporteSemaforo': (ctx, input) => reporteSemaforo(ctx, semaforoDe(ctx, input.filtros), input.formato),
} satisfies Partial<Handlers>;
