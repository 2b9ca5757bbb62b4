import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { EstadoTabla, OrdenColumna } from './DataTable';

/**
 * A list's search, filters and order kept in the route's query string (`#/correspondencia?q=agua&
 * f.estatus=pendiente&orden=-recepcion`), so that the back button returns to the same list and a
 * link can open it already filtered (the tablero's numbers). Use it as the DataTable's controlled
 * `estado` / `onEstadoChange`. `prefijo` separates two tables on one page.
 */
export function useEstadoTablaEnUrl(prefijo = ''): [EstadoTabla, (e: EstadoTabla) => void] {
  const [params, setParams] = useSearchParams();
  const clave = useCallback((k: string) => (prefijo ? `${prefijo}.${k}` : k), [prefijo]);
  const texto = params.toString();

  const estado = useMemo(() => leerEstado(new URLSearchParams(texto), clave), [texto, clave]);

  const cambiar = useCallback(
    (e: EstadoTabla) => {
      setParams(
        (previos) => {
          const p = new URLSearchParams(previos);
          escribirEstado(p, e, clave);
          return p;
        },
        { replace: true },
      );
    },
    [setParams, clave],
  );
  return [estado, cambiar];
}

export function leerEstado(p: URLSearchParams, clave: (k: string) => string = (k) => k): EstadoTabla {
  const filtros: Record<string, string> = {};
  const prefijoFiltro = clave('f.');
  for (const [k, v] of p) if (k.startsWith(prefijoFiltro) && v !== '') filtros[k.slice(prefijoFiltro.length)] = v;
  const orden: OrdenColumna[] = (p.get(clave('orden')) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s.startsWith('-') ? { id: s.slice(1), desc: true } : { id: s, desc: false }));
  return { busqueda: p.get(clave('q')) ?? '', filtros, orden };
}

export function escribirEstado(p: URLSearchParams, e: EstadoTabla, clave: (k: string) => string = (k) => k): void {
  const prefijoFiltro = clave('f.');
  for (const k of Array.from(p.keys())) if (k.startsWith(prefijoFiltro)) p.delete(k);
  if (e.busqueda) p.set(clave('q'), e.busqueda);
  else p.delete(clave('q'));
  for (const [id, v] of Object.entries(e.filtros)) if (v !== '') p.set(prefijoFiltro + id, v);
  if (e.orden.length > 0) p.set(clave('orden'), e.orden.map((o) => (o.desc ? `-${o.id}` : o.id)).join(','));
  else p.delete(clave('orden'));
}
