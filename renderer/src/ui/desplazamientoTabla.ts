import { useEffect, useRef, type RefObject } from 'react';
import type { EstadoTabla } from './tablaEstado';

/**
 * DataTable scrolling: back to the top when what is listed changes (search, filters, order) and,
 * in server mode, ask for the next page when nearing the end of the loaded rows.
 */
export function useDesplazamiento({
  estado,
  scrollRef,
  ultimo,
  filasCargadas,
  servidor,
  hayMas,
  cargando,
  onCargarMas,
}: {
  estado: EstadoTabla;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Index of the last rendered row (-1 if none). */
  ultimo: number;
  filasCargadas: number;
  servidor: boolean;
  hayMas: boolean;
  cargando: boolean;
  onCargarMas: (() => void) | undefined;
}): void {
  const consulta = `${estado.busqueda}\u0001${JSON.stringify(estado.filtros)}\u0001${JSON.stringify(estado.orden)}`;
  const consultaPrevia = useRef(consulta);
  useEffect(() => {
    if (consultaPrevia.current !== consulta) {
      consultaPrevia.current = consulta;
      scrollRef.current?.scrollTo?.({ top: 0 });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [consulta]);

  // Asked once per length of the loaded list (a parent re-rendering with a new callback, or React's
  // development double effects, never trigger duplicate page requests).
  const onCargarMasRef = useRef(onCargarMas);
  onCargarMasRef.current = onCargarMas;
  const pedidoPara = useRef<string | null>(null);
  useEffect(() => {
    if (!servidor || !hayMas || cargando || filasCargadas === 0 || ultimo < filasCargadas - 20) return;
    const llave = `${consulta}\u0002${filasCargadas}`;
    if (pedidoPara.current === llave) return;
    pedidoPara.current = llave;
    onCargarMasRef.current?.();
  }, [servidor, hayMas, cargando, filasCargadas, ultimo, consulta]);
}
