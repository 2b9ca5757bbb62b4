/**
 * DataTable keyboard: ↑ ↓ Re Pág Av Pág Inicio Fin move the active row, Enter opens it, Space
 * selects it, and `/` anywhere on the page jumps to the search box.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { ALTO_ENCABEZADO } from './tablaColumnas';

interface OpcionesNavegacion<T> {
  rows: readonly { id: string; original: T }[];
  seleccionadaId: string | null | undefined;
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: Pick<Virtualizer<HTMLDivElement, Element>, 'scrollToIndex'>;
  alturaFila: number;
  onSeleccionar: ((fila: T) => void) | undefined;
  onAbrir: ((fila: T) => void) | undefined;
}

/** The active row (follows `seleccionadaId` when the parent controls it) and the grid's key handler. */
export function useNavegacionTeclado<T>({
  rows,
  seleccionadaId,
  scrollRef,
  virtualizer,
  alturaFila,
  onSeleccionar,
  onAbrir,
}: OpcionesNavegacion<T>) {
  const [activaId, setActivaId] = useState<string | null>(seleccionadaId ?? null);
  useEffect(() => {
    if (seleccionadaId !== undefined) setActivaId(seleccionadaId);
  }, [seleccionadaId]);
  const indiceActiva = activaId === null ? -1 : rows.findIndex((r) => r.id === activaId);

  const activar = (i: number, avisar: boolean) => {
    if (rows.length === 0) return;
    const j = Math.max(0, Math.min(rows.length - 1, i));
    const row = rows[j]!;
    setActivaId(row.id);
    virtualizer.scrollToIndex(j, { align: 'auto' });
    if (avisar) onSeleccionar?.(row.original);
  };

  const alTeclear = (ev: KeyboardEvent<HTMLDivElement>) => {
    if (ev.target !== ev.currentTarget) return; // keys inside header buttons keep their meaning
    const porPagina = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - ALTO_ENCABEZADO) / alturaFila) - 1);
    const actual = indiceActiva;
    let destino: number | null = null;
    switch (ev.key) {
      case 'ArrowDown':
        destino = actual < 0 ? 0 : actual + 1;
        break;
      case 'ArrowUp':
        destino = actual < 0 ? 0 : actual - 1;
        break;
      case 'PageDown':
        destino = (actual < 0 ? 0 : actual) + porPagina;
        break;
      case 'PageUp':
        destino = (actual < 0 ? 0 : actual) - porPagina;
        break;
      case 'Home':
        destino = 0;
        break;
      case 'End':
        destino = rows.length - 1;
        break;
      case 'Enter':
      case ' ': {
        const row = actual >= 0 ? rows[actual] : undefined;
        if (row) {
          ev.preventDefault();
          if (ev.key === 'Enter') onAbrir?.(row.original);
          else onSeleccionar?.(row.original);
        }
        return;
      }
      default:
        return;
    }
    ev.preventDefault();
    activar(destino, true);
  };

  return { activaId, setActivaId, indiceActiva, activar, alTeclear };
}

/** `/` focuses (and selects) the search box, unless the user is typing or a modal is open. */
export function useAtajoBusqueda(activo: boolean): RefObject<HTMLInputElement | null> {
  const busquedaRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!activo) return;
    const h = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      e.preventDefault();
      busquedaRef.current?.focus();
      busquedaRef.current?.select();
    };
    document.addEventListener('keydown', h);
    return () => document.removeEventListener('keydown', h);
  }, [activo]);
  return busquedaRef;
}
