/** Oficios (renderer): sub-navigation, the estatus badge, files and opening PDFs. */
import { Badge, Group, Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import type { Output } from '../../../../electron/contract';
import { ETIQUETAS_OFICIO } from '../../../../electron/contract/oficios';
import { api } from '../../api';
import { useSesion } from '../../app/sesion';
import { avisarError } from '../../ui';

export type Oficio = Output<'oficios.obtener'>;
export type FilaOficio = Output<'oficios.listar'>['filas'][number];

const COLOR: Record<Oficio['estatus'], string> = { borrador: 'gray', emitido: 'blue', entregado: 'green', anulado: 'red' };

export function Estatus({ estatus }: { estatus: Oficio['estatus'] }) {
  return <Badge color={COLOR[estatus]} variant="light">{ETIQUETAS_OFICIO.estatus[estatus]}</Badge>;
}

export function usePuedeRedactar(): { redactar: boolean; administrar: boolean } {
  const { usuario } = useSesion();
  return { redactar: ['capturista', 'coordinador', 'administrador'].includes(usuario.rol), administrar: usuario.rol === 'administrador' };
}

/** Builds the PDF of one or many oficios in the core and opens it. */
export async function abrirPdfOficios(ids: string[]) {
  try {
    const r = await api.llamar('oficios.pdf', { ids, modo: 'uno' });
    api.abrir(r.archivos[0].archivoId);
  } catch (e) {
    avisarError(e);
  }
}

const PESTANAS = [
  { ruta: '/oficios', etiqueta: 'Registro de oficios' },
  { ruta: '/oficios/recordatorios', etiqueta: 'Recordatorios' },
  { ruta: '/oficios/plantillas', etiqueta: 'Plantillas' },
] as const;

export function Pestanas() {
  const loc = useLocation();
  const ir = useNavigate();
  const activa = [...PESTANAS].reverse().find((p) => loc.pathname.startsWith(p.ruta))?.ruta ?? '/oficios';
  return (
    <Group mb="sm">
      <Tabs value={activa} onChange={(v) => v && ir(v)}>
        <Tabs.List>
          {PESTANAS.map((p) => (
            <Tabs.Tab key={p.ruta} value={p.ruta}>{p.etiqueta}</Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </Group>
  );
}
