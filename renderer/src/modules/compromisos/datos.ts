/** Catalog data the compromisos pages need, loaded once per page. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import type { Output } from '../../../../electron/contract';
import { avisarError } from '../../ui';

export type Dependencia = Output<'catalogos.dependencias.listar'>[number];
export type Municipio = Output<'catalogos.municipios.listar'>[number];
export type ElementoPed = Output<'compromisos.ped.listar'>[number];
export type Compromiso = Output<'compromisos.listar'>['items'][number];
export type CompromisoDetalle = Output<'compromisos.obtener'>;

export interface Catalogos {
  dependencias: Dependencia[];
  municipios: Municipio[];
  ped: ElementoPed[];
}

export function useCatalogos(): { catalogos: Catalogos; recargar: () => Promise<void> } {
  const [catalogos, setCatalogos] = useState<Catalogos>({ dependencias: [], municipios: [], ped: [] });
  const recargar = useCallback(async () => {
    try {
      const [dependencias, municipios, ped] = await Promise.all([
        api.llamar('catalogos.dependencias.listar', {}),
        api.llamar('catalogos.municipios.listar', {}),
        api.llamar('compromisos.ped.listar', { incluirInactivas: true }),
      ]);
      setCatalogos({ dependencias, municipios, ped });
    } catch (e) {
      avisarError(e);
    }
  }, []);
  useEffect(() => void recargar(), [recargar]);
  return { catalogos, recargar };
}

/** "1.1.1 Texto" options of one PED level (active ones), optionally under a parent. */
export function opcionesPed(ped: ElementoPed[], nivel: ElementoPed['nivel'], padreId?: string | null) {
  return ped
    .filter((e) => e.activa && e.nivel === nivel && (padreId === undefined || e.padreId === padreId))
    .map((e) => ({ value: e.id, label: `${e.clave} ${e.texto}` }));
}

export const ESTATUS = [
  { value: 'sin_avance', label: 'Sin avance' },
  { value: 'en_proceso', label: 'En proceso' },
  { value: 'cumplido', label: 'Cumplido' },
  { value: 'no_procedente', label: 'No procedente' },
] as const;

export async function generarYDescargar(promesa: Promise<{ archivoId: string; nombre: string }>, abrir = false) {
  try {
    const g = await promesa;
    if (abrir) api.abrir(g.archivoId);
    else await api.descargar(g.archivoId, g.nombre);
  } catch (e) {
    avisarError(e);
  }
}
