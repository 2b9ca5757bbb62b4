/** How far the reading of an anexo's scan went, in words ("Leyendo página 2 de 5"). */
import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Output } from '../../../../electron/contract';
import { api } from '../../api';

export type Lectura = Output<'ocr.lecturas'>[number];

export function textoLectura(l: Lectura): string {
  switch (l.estado) {
    case 'pendiente':
      return 'En espera de lectura';
    case 'leyendo':
      return l.paginas ? `Leyendo página ${Math.min(l.leidas + 1, l.paginas)} de ${l.paginas}` : 'Leyendo…';
    case 'listo':
      return l.mensaje || `Texto leído (${l.paginas === 1 ? '1 página' : `${l.paginas} páginas`})`;
    case 'error':
      return l.mensaje;
    case 'quitado':
      return l.mensaje || 'Quitado de la cola de lectura';
  }
}

/** The asunto's readings, refreshed every 2 s while any is waiting or being read. */
export function useLecturas(asuntoId: string, version: unknown): Map<string, Lectura> {
  const [m, setM] = useState(new Map<string, Lectura>());
  useEffect(() => {
    let vivo = true;
    let t: ReturnType<typeof setTimeout>;
    const cargar = async () => {
      try {
        const ls = await api.llamar('ocr.lecturas', { asuntoId });
        if (!vivo) return;
        setM(new Map(ls.map((l) => [l.anexoId, l])));
        if (ls.some((l) => l.estado === 'pendiente' || l.estado === 'leyendo')) t = setTimeout(cargar, 2000);
      } catch {
        /* the list of anexos still works without its reading state */
      }
    };
    void cargar();
    return () => {
      vivo = false;
      clearTimeout(t);
    };
  }, [asuntoId, version]);
  return m;
}

export function EstadoLectura({ lectura }: { lectura: Lectura | undefined }) {
  if (!lectura) return null;
  const color = lectura.estado === 'error' ? 'red' : lectura.estado === 'listo' && !lectura.mensaje ? 'dimmed' : lectura.estado === 'leyendo' ? 'blue' : 'dimmed';
  return <Text size="xs" c={color} data-testid="estado-lectura">{textoLectura(lectura)}</Text>;
}
