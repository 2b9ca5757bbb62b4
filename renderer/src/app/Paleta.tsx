/**
 * The command palette (Ctrl+K, or the header's «Buscar o ir a…»): go to any screen the role may open,
 * "Ir a folio 03.01-…", and find a reunión, acuerdo or compromiso by number or words. The searches are
 * the modules' own list methods (the core checks the role again); screens are filtered here.
 */
import { Button, Kbd, Text } from '@mantine/core';
import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconArrowRight, IconChecklist, IconFileText, IconGavel, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { normalizar } from '../ui';
import type { Output } from '../../../electron/contract';
import { puedeVer, type Rol } from './navegacion';

interface Pantalla {
  ruta: string;
  titulo: string;
  modulo: string;
  /** Only these roles (besides the module's own rule). */
  roles?: readonly Rol[];
}

/** Every screen, in the order the palette lists them. */
export const PANTALLAS: readonly Pantalla[] = [
  { ruta: '/tablero', titulo: 'Tablero', modulo: 'tablero' },
  { ruta: '/correspondencia', titulo: 'Correspondencia › Bandeja', modulo: 'correspondencia' },
  { ruta: '/correspondencia/registrar', titulo: 'Correspondencia › Registrar asunto', modulo: 'correspondencia', roles: ['capturista'] },
  { ruta: '/correspondencia/reporte', titulo: 'Correspondencia › Reporte de estatus', modulo: 'correspondencia' },
  { ruta: '/correspondencia/series', titulo: 'Correspondencia › Series de folios', modulo: 'correspondencia', roles: ['administrador'] },
  { ruta: '/gabinete/reuniones', titulo: 'Gabinete › Reuniones', modulo: 'gabinete' },
  { ruta: '/gabinete/reuniones/nueva', titulo: 'Gabinete › Nueva reunión', modulo: 'gabinete', roles: ['coordinador'] },
  { ruta: '/gabinete/acuerdos', titulo: 'Gabinete › Acuerdos', modulo: 'gabinete' },
  { ruta: '/gabinete/tablero', titulo: 'Gabinete › Tablero de acuerdos', modulo: 'gabinete' },
  { ruta: '/gabinete/directorio', titulo: 'Gabinete › Directorio de funcionarios', modulo: 'gabinete' },
  { ruta: '/compromisos/lista', titulo: 'Compromisos › Lista', modulo: 'compromisos' },
  { ruta: '/compromisos/semaforo', titulo: 'Compromisos › Semáforo de cumplimiento', modulo: 'compromisos' },
  { ruta: '/compromisos/ped', titulo: 'Compromisos › Plan Estatal de Desarrollo', modulo: 'compromisos' },
  { ruta: '/poa', titulo: 'POA › Metas del año', modulo: 'poa' },
  { ruta: '/reportes', titulo: 'Reportes', modulo: 'reportes' },
  { ruta: '/catalogos', titulo: 'Catálogos', modulo: 'catalogos' },
  { ruta: '/ajustes', titulo: 'Ajustes', modulo: 'ajustes' },
];

export function pantallasParaRol(rol: Rol): Pantalla[] {
  return PANTALLAS.filter((p) => puedeVer(rol, p.modulo) && (!p.roles || p.roles.includes(rol)));
}

const coincide = (texto: string, palabras: string[]) => {
  const t = normalizar(texto);
  return palabras.every((p) => t.includes(p));
};

type Reunion = Output<'gabinete.reuniones.listar'>[number];

/** Results of the modules' searches for `consulta` (a few of each kind). */
function useBusqueda(consulta: string, rol: Rol, abierta: boolean) {
  const [resultados, setResultados] = useState<SpotlightActionData[]>([]);
  const reuniones = useRef<Reunion[] | null>(null);
  const ir = useNavigate();

  useEffect(() => {
    if (!abierta) reuniones.current = null;
  }, [abierta]);

  useEffect(() => {
    const q = consulta.trim();
    if (q.length < 2) return setResultados([]);
    let vigente = true;
    const t = setTimeout(async () => {
      const palabras = normalizar(q).split(' ').filter(Boolean);
      const tareas: Promise<SpotlightActionData[]>[] = [];
      if (puedeVer(rol, 'correspondencia')) {
        tareas.push(
          api.llamar('correspondencia.bandeja', { texto: q, limite: 5 }).then((r) =>
            r.filas.map((f) => ({
              id: `asunto-${f.id}`,
              label: `Ir a folio ${f.folio}`,
              description: `${f.remitente} · ${f.asunto}`.slice(0, 140),
              leftSection: <IconFileText size={18} />,
              onClick: () => ir(`/correspondencia/asunto/${f.id}`),
            })),
          ),
        );
      }
      if (puedeVer(rol, 'gabinete')) {
        reuniones.current ??= await api.llamar('gabinete.reuniones.listar', {}).catch(() => []);
        const lista = reuniones.current;
        tareas.push(
          Promise.resolve(
            lista
              .filter((r) => coincide(`${r.nombre} ${r.ordinal ?? ''} ${r.tema} ${r.sede}`, palabras))
              .slice(0, 5)
              .map((r) => ({
                id: `reunion-${r.id}`,
                label: r.nombre,
                description: `Reunión del ${r.fecha.split('-').reverse().join('/')}${r.sede ? ` · ${r.sede}` : ''}`,
                leftSection: <IconUsersGroup size={18} />,
                onClick: () => ir(`/gabinete/reuniones/${r.id}`),
              })),
          ),
          api.llamar('gabinete.acuerdos.listar', { texto: q }).then((r) =>
            r.items.slice(0, 5).map((a) => ({
              id: `acuerdo-${a.id}`,
              label: `Acuerdo ${a.codigo}`,
              description: `${a.descripcion}`.slice(0, 140),
              leftSection: <IconGavel size={18} />,
              onClick: () => ir(`/gabinete/acuerdos?acuerdo=${a.id}`),
            })),
          ),
        );
      }
      if (puedeVer(rol, 'compromisos')) {
        tareas.push(
          api.llamar('compromisos.listar', { texto: q }).then((r) => {
            const numero = /^\d+$/.test(q) ? Number(q) : null;
            const items = numero === null ? r.items : [...r.items.filter((c) => c.numero === numero), ...r.items.filter((c) => c.numero !== numero)];
            return items.slice(0, 5).map((c) => ({
              id: `compromiso-${c.id}`,
              label: `Compromiso ${c.numero}`,
              description: `${c.descripcion}`.slice(0, 140),
              leftSection: <IconChecklist size={18} />,
              onClick: () => ir(`/compromisos/lista?compromiso=${c.id}`),
            }));
          }),
        );
      }
      const grupos = await Promise.all(tareas.map((p) => p.catch(() => [] as SpotlightActionData[])));
      if (vigente) setResultados(grupos.flat());
    }, 200);
    return () => {
      vigente = false;
      clearTimeout(t);
    };
  }, [consulta, rol, ir]);
  return resultados;
}

export function Paleta({ rol }: { rol: Rol }) {
  const ir = useNavigate();
  const [consulta, setConsulta] = useState('');
  const [abierta, setAbierta] = useState(false);
  const encontrados = useBusqueda(consulta, rol, abierta);
  const pantallas = useMemo(() => pantallasParaRol(rol), [rol]);

  const acciones = useMemo(() => {
    const palabras = normalizar(consulta).split(' ').filter(Boolean);
    const aPantallas: SpotlightActionData[] = pantallas
      .filter((p) => coincide(p.titulo, palabras))
      .map((p) => ({ id: `ir-${p.ruta}`, label: p.titulo, description: 'Ir a la pantalla', leftSection: <IconArrowRight size={18} />, onClick: () => ir(p.ruta) }));
    // A folio-like query puts the records first; words put the screens first.
    return /\d/.test(consulta) ? [...encontrados, ...aPantallas] : [...aPantallas, ...encontrados];
  }, [consulta, pantallas, encontrados, ir]);

  return (
    <Spotlight
      actions={acciones}
      filter={(_q, a) => a}
      query={consulta}
      onQueryChange={setConsulta}
      onSpotlightOpen={() => setAbierta(true)}
      onSpotlightClose={() => setAbierta(false)}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      nothingFound={consulta.trim().length < 2 ? 'Escriba una pantalla, un folio, o palabras de una reunión, un acuerdo o un compromiso.' : 'Sin coincidencias.'}
      limit={20}
      scrollable
      maxHeight={440}
      searchProps={{
        leftSection: <IconSearch size={18} />,
        placeholder: 'Ir a una pantalla, folio 03.01-…, reunión, acuerdo o compromiso',
        'aria-label': 'Buscar o ir a',
        // Results arrive after the query changed: with none highlighted, Enter takes the first.
        onKeyDown: (ev) => {
          if (ev.key !== 'Enter') return;
          const caja = ev.currentTarget.closest('[role="dialog"]') ?? document;
          if (caja.querySelector('[data-action][data-selected]')) return;
          caja.querySelector<HTMLElement>('[data-action]')?.click();
        },
      }}
    />
  );
}

/** The header's button that opens the palette (says its shortcut). */
export function BotonPaleta() {
  return (
    <Button variant="default" size="sm" leftSection={<IconSearch size={16} />} rightSection={<Text size="xs" c="dimmed"><Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">K</Kbd></Text>} onClick={() => spotlight.open()} visibleFrom="md">
      Buscar o ir a…
    </Button>
  );
}
