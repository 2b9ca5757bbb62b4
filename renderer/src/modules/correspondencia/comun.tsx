/** Shared pieces of the Correspondencia pages: sub-navigation, catalogs, labels, files. */
import { Group, Tabs } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api';
import type { Output } from '../../../../electron/contract';
import { ETIQUETAS, ESTATUS_ASUNTO, TIPOS_ASUNTO, PRIORIDADES, DESTINATARIOS, MEDIOS } from '../../../../electron/contract/correspondencia';
import { useSesion } from '../../app/sesion';
import { avisarError } from '../../ui';

export { ETIQUETAS };
export type Asunto = Output<'correspondencia.obtener'>;
export type Turno = Asunto['turnos'][number];
export type FilaAsunto = Output<'correspondencia.bandeja'>['filas'][number];
export type Serie = Output<'correspondencia.series.listar'>[number];

export const opciones = {
  estatus: ESTATUS_ASUNTO.map((v) => ({ value: v, label: ETIQUETAS.estatusAsunto[v] })),
  tipo: TIPOS_ASUNTO.map((v) => ({ value: v, label: ETIQUETAS.tipo[v] })),
  prioridad: PRIORIDADES.map((v) => ({ value: v, label: ETIQUETAS.prioridad[v] })),
  destinatario: DESTINATARIOS.map((v) => ({ value: v, label: ETIQUETAS.destinatario[v] })),
  medio: MEDIOS.map((v) => ({ value: v, label: ETIQUETAS.medio[v] })),
  estatusTurno: (['pendiente', 'en_proceso', 'atendido'] as const).map((v) => ({ value: v, label: ETIQUETAS.estatusTurno[v] })),
};

export function usePuede() {
  const { usuario } = useSesion();
  return { capturar: usuario.rol === 'capturista', administrar: usuario.rol === 'administrador', rol: usuario.rol };
}

export interface Catalogos {
  dependencias: Output<'catalogos.dependencias.listar'>;
  instrucciones: Output<'catalogos.instrucciones.listar'>;
  municipios: Output<'catalogos.municipios.listar'>;
  seriesDocumentales: Output<'catalogos.seriesDocumentales.listar'>;
  series: Output<'correspondencia.series.listar'>;
}

let cache: Promise<Catalogos> | null = null;

/** Catalogs the forms need (loaded once per visit of the module). */
export function useCatalogos(): Catalogos | null {
  const [c, setC] = useState<Catalogos | null>(null);
  useEffect(() => {
    cache ??= Promise.all([
      api.llamar('catalogos.dependencias.listar', { incluirInactivas: true }),
      api.llamar('catalogos.instrucciones.listar', {}),
      api.llamar('catalogos.municipios.listar', {}),
      api.llamar('catalogos.seriesDocumentales.listar', {}),
      api.llamar('correspondencia.series.listar', {}),
      // Series that number outgoing oficios are not for registering asuntos (DOMAIN §1b).
    ]).then(([dependencias, instrucciones, municipios, seriesDocumentales, series]) => ({
      dependencias, instrucciones, municipios, seriesDocumentales, series: series.filter((x) => x.uso === 'correspondencia'),
    }));
    let vivo = true;
    cache.then((x) => vivo && setC(x)).catch((e) => {
      cache = null;
      avisarError(e);
    });
    return () => {
      vivo = false;
    };
  }, []);
  return c;
}

export function olvidarCatalogos() {
  cache = null;
}

/** Generates a PDF in the core and opens it to read or print. */
export async function abrirPdf(p: Promise<{ archivoId: string; nombre: string }>) {
  try {
    const r = await p;
    api.abrir(r.archivoId);
    return r;
  } catch (e) {
    avisarError(e);
    return null;
  }
}

const PESTANAS = [
  { ruta: '/correspondencia', etiqueta: 'Bandeja' },
  { ruta: '/correspondencia/registrar', etiqueta: 'Registrar', solo: 'capturista' },
  { ruta: '/correspondencia/reporte', etiqueta: 'Reporte de estatus' },
  { ruta: '/correspondencia/series', etiqueta: 'Series de folios', solo: 'administrador' },
] as const;

/** The module's sub-navigation. */
export function Pestanas() {
  const { rol } = usePuede();
  const loc = useLocation();
  const ir = useNavigate();
  const visibles = PESTANAS.filter((p) => !('solo' in p) || p.solo === rol);
  const activa = [...visibles].reverse().find((p) => loc.pathname.startsWith(p.ruta))?.ruta ?? '/correspondencia';
  return (
    <Group mb="sm">
      <Tabs value={activa} onChange={(v) => v && ir(v)}>
        <Tabs.List>
          {visibles.map((p) => (
            <Tabs.Tab key={p.ruta} value={p.ruta}>
              {p.etiqueta}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </Group>
  );
}
