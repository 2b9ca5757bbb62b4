/** Shared pieces of the gabinete pages: catalogs, role, sub-navigation, documents. */
import { useEffect, useState } from 'react';
import { Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api';
import type { Input, Method, Output } from '../../../../electron/contract';
import { avisarError, fechaDeInstante } from '../../ui';
import { useSesion } from '../../app/sesion';

export type Tipo = Output<'catalogos.tiposGabinete.listar'>[number];
export type Dependencia = Output<'catalogos.dependencias.listar'>[number];
export type Municipio = Output<'catalogos.municipios.listar'>[number];
export type Acuerdo = Output<'gabinete.acuerdos.listar'>['items'][number];
export type AcuerdoDetalle = Output<'gabinete.acuerdos.obtener'>;
export type Reunion = Output<'gabinete.reuniones.obtener'>;
export type ReunionResumen = Output<'gabinete.reuniones.listar'>[number];
export type Funcionario = Output<'gabinete.funcionarios.listar'>[number];

export const ESTATUS_REUNION = [
  { value: 'programada', label: 'Programada' },
  { value: 'celebrada', label: 'Celebrada' },
  { value: 'cerrada', label: 'Cerrada' },
  { value: 'cancelada', label: 'Cancelada' },
];
export const ESTATUS_ACUERDO = [
  { value: 'por_iniciar', label: 'Por iniciar' },
  { value: 'en_proceso', label: 'En proceso' },
  { value: 'concluido', label: 'Concluido' },
  { value: 'cancelado', label: 'Cancelado' },
];
export const COLOR_REUNION: Record<string, string> = { programada: 'blue', celebrada: 'teal', cerrada: 'gray', cancelada: 'red' };

export interface Catalogos {
  tipos: Tipo[];
  dependencias: Dependencia[];
  /** Including inactive ones, to show names of old records. */
  todasDependencias: Dependencia[];
  municipios: Municipio[];
}

let cache: Promise<Catalogos> | null = null;

/** The catalogs the gabinete forms choose from (loaded once per window). */
export function useCatalogos(): Catalogos | null {
  const [c, setC] = useState<Catalogos | null>(null);
  useEffect(() => {
    cache ??= Promise.all([
      api.llamar('catalogos.tiposGabinete.listar', {}),
      api.llamar('catalogos.dependencias.listar', { incluirInactivas: true }),
      api.llamar('catalogos.municipios.listar', {}),
    ]).then(([tipos, todas, municipios]) => ({ tipos, dependencias: todas.filter((d) => d.activa), todasDependencias: todas, municipios }));
    cache.then(setC, (e) => {
      cache = null;
      avisarError(e);
    });
  }, []);
  return c;
}

export function opcionesDependencias(deps: Dependencia[]) {
  return deps.map((d) => ({ value: d.id, label: d.siglas ? `${d.siglas} — ${d.nombre}` : d.nombre }));
}

/** Coordinators write; the Jefe de Oficina and the administrator read and print (the core checks anyway). */
export function usePuedeEscribir(): boolean {
  return useSesion().usuario.rol === 'coordinador';
}

const SECCIONES = [
  { value: 'reuniones', label: 'Reuniones' },
  { value: 'acuerdos', label: 'Acuerdos' },
  { value: 'tablero', label: 'Tablero' },
  { value: 'directorio', label: 'Directorio' },
];

export function EncabezadoGabinete({ titulo, descripcion, acciones }: { titulo: string; descripcion?: string; acciones?: React.ReactNode }) {
  const navegar = useNavigate();
  const { pathname } = useLocation();
  const actual = pathname.split('/')[2] ?? 'reuniones';
  return (
    <Group justify="space-between" align="flex-end" wrap="nowrap">
      <div>
        <Title order={2}>{titulo}</Title>
        {descripcion && <Text c="dimmed" size="sm">{descripcion}</Text>}
      </div>
      <Group gap="sm">
        {acciones}
        <SegmentedControl aria-label="Secciones de Gabinete" data={SECCIONES} value={SECCIONES.some((s) => s.value === actual) ? actual : 'reuniones'} onChange={(v) => navegar(`/gabinete/${v}`)} />
      </Group>
    </Group>
  );
}

/** Asks the core for a document and opens it; returns it so the page can offer "Descargar". */
export async function generar<M extends Method>(metodo: M, input: Input<M>): Promise<{ archivoId: string; nombre: string } | null> {
  try {
    const doc = (await api.llamar(metodo, input)) as unknown as { archivoId: string; nombre: string };
    return doc;
  } catch (e) {
    avisarError(e);
    return null;
  }
}

/** Today in the office, as the default of date fields. */
export function hoy(): string {
  return fechaDeInstante(Date.now());
}
