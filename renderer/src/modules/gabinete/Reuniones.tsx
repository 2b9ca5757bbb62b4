/** Gabinete › Reuniones: the list by date with filters (tipo, año, estatus) kept in the route. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Badge, Button, Group, Select, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import { DataTable, avisarError, type ColumnaTabla } from '../../ui';
import { COLOR_REUNION, ESTATUS_REUNION, EncabezadoGabinete, useCatalogos, usePuedeEscribir, type ReunionResumen } from './comun';

const COLUMNAS: ColumnaTabla<ReunionResumen>[] = [
  { id: 'fecha', titulo: 'Fecha', tipo: 'fecha', valor: (r) => r.fecha, ancho: 110 },
  { id: 'hora', titulo: 'Hora', valor: (r) => r.hora, ancho: 70 },
  { id: 'nombre', titulo: 'Reunión', flexible: true, valor: (r) => r.nombre },
  { id: 'tipo', titulo: 'Tipo', valor: (r) => r.tipoNombre, ancho: 190 },
  { id: 'sede', titulo: 'Sede', valor: (r) => [r.sede, r.municipio].filter(Boolean).join(', '), ancho: 220, oculta: true },
  {
    id: 'estatus', titulo: 'Estatus', ancho: 120, valor: (r) => r.estatus,
    texto: (r) => ESTATUS_REUNION.find((e) => e.value === r.estatus)?.label ?? r.estatus,
    celda: (r) => <Badge variant="light" color={COLOR_REUNION[r.estatus]}>{ESTATUS_REUNION.find((e) => e.value === r.estatus)?.label}</Badge>,
  },
  { id: 'convocados', titulo: 'Convocados', tipo: 'numero', valor: (r) => r.convocados, ancho: 110 },
  { id: 'acuerdos', titulo: 'Acuerdos', tipo: 'numero', valor: (r) => r.acuerdos, ancho: 100 },
  { id: 'abiertos', titulo: 'Abiertos', tipo: 'numero', valor: (r) => r.acuerdosAbiertos, ancho: 100 },
];

export function PaginaReuniones() {
  const cat = useCatalogos();
  const escribe = usePuedeEscribir();
  const navegar = useNavigate();
  const [params, setParams] = useSearchParams();
  const tipoId = params.get('tipo') ?? undefined;
  const anio = params.get('anio') ? Number(params.get('anio')) : undefined;
  const estatus = (params.get('estatus') ?? undefined) as ReunionResumen['estatus'] | undefined;
  const [filas, setFilas] = useState<ReunionResumen[]>([]);
  const [cargando, setCargando] = useState(true);

  const cargar = useCallback(
    () => api.llamar('gabinete.reuniones.listar', { tipoId, anio, estatus }).then(setFilas, avisarError).finally(() => setCargando(false)),
    [tipoId, anio, estatus],
  );
  useEffect(() => {
    setCargando(true);
    void cargar();
  }, [cargar]);
  useAlCambiar(() => void cargar(), ['gab_reuniones', 'gab_acuerdos']);

  const cambiar = (clave: string, valor: string | null) => {
    const p = new URLSearchParams(params);
    if (valor) p.set(clave, valor);
    else p.delete(clave);
    setParams(p, { replace: true });
  };
  const anios = useMemo(() => {
    const a = new Date().getFullYear();
    return Array.from({ length: 7 }, (_, i) => String(a + 1 - i));
  }, []);
  // Ctrl+N (Nueva reunión) is the module's, in app/atajos.tsx.

  return (
    <Stack gap="sm" h="calc(100vh - 120px)">
      <EncabezadoGabinete
        titulo="Reuniones de gabinete"
        descripcion="Convocatoria, orden del día, asistencia, acuerdos y minuta de cada reunión."
        acciones={escribe && <Button leftSection={<IconPlus size={16} />} onClick={() => navegar('/gabinete/reuniones/nueva')}>Nueva reunión</Button>}
      />
      <DataTable
        id="gabinete-reuniones"
        columnas={COLUMNAS}
        filas={filas}
        idFila={(r) => r.id}
        sustantivo={{ singular: 'reunión', plural: 'reuniones' }}
        cargando={cargando}
        onAbrir={(r) => navegar(`/gabinete/reuniones/${r.id}`)}
        estadoInicial={{ orden: [{ id: 'fecha', desc: true }] }}
        filtrosExtra={
          <Group gap="xs">
            <Select aria-label="Tipo de gabinete" placeholder="Tipo" clearable w={210} data={(cat?.tipos ?? []).map((t) => ({ value: t.id, label: t.nombre }))} value={tipoId ?? null} onChange={(v) => cambiar('tipo', v)} />
            <Select aria-label="Año" placeholder="Año" clearable w={100} data={anios} value={anio ? String(anio) : null} onChange={(v) => cambiar('anio', v)} />
            <Select aria-label="Estatus" placeholder="Estatus" clearable w={140} data={ESTATUS_REUNION} value={estatus ?? null} onChange={(v) => cambiar('estatus', v)} />
          </Group>
        }
        vacio={{
          titulo: 'Sin reuniones',
          mensaje: escribe ? 'Programe la primera reunión con «Nueva reunión» (Ctrl+N).' : 'Aún no hay reuniones con estos filtros.',
          accion: escribe ? { etiqueta: 'Nueva reunión', onClick: () => navegar('/gabinete/reuniones/nueva') } : undefined,
        }}
      />
    </Stack>
  );
}
