/** Oficios › registry: filters kept in the URL, full-text search, Excel export of what is seen. */
import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Input } from '../../../../electron/contract';
import { ESTATUS_OFICIO, ETIQUETAS_OFICIO } from '../../../../electron/contract/oficios';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import { avisarError, fecha, numero } from '../../ui';
import { Estatus, Pestanas, usePuedeRedactar, type FilaOficio } from './comun';

export function Registro() {
  const [params, setParams] = useSearchParams();
  const [r, setR] = useState<{ filas: FilaOficio[]; total: number } | null>(null);
  const [busqueda, setBusqueda] = useState(params.get('texto') ?? '');
  const ir = useNavigate();
  const { redactar } = usePuedeRedactar();
  const filtros: Input<'oficios.exportar'> = {
    anio: params.get('anio') ? Number(params.get('anio')) : null,
    estatus: (params.get('estatus') as FilaOficio['estatus'] | null) ?? null,
    destinatario: params.get('destinatario') ?? undefined,
    folio: params.get('folio') ?? undefined,
    lote: params.get('lote') ?? null,
    texto: params.get('texto') ?? undefined,
  };
  const clave = params.toString();
  const [vuelta, setVuelta] = useState(0);
  useEffect(() => {
    api.llamar('oficios.listar', { ...filtros, limite: 200 }).then(setR, avisarError);
  }, [clave, vuelta]); // eslint-disable-line react-hooks/exhaustive-deps
  useAlCambiar(() => setVuelta((v) => v + 1), ['oficios', 'oficios_lote', 'oficios_anexos']);
  const poner = (k: string, v: string | null) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p, { replace: true });
  };
  const exportar = async () => {
    try {
      const x = await api.llamar('oficios.exportar', filtros);
      await api.descargar(x.archivoId, x.nombre);
    } catch (e) {
      avisarError(e);
    }
  };
  const anio = new Date().getFullYear();
  return (
    <Stack>
      <Pestanas />
      <Group justify="space-between">
        <Title order={2}>Oficios de salida</Title>
        <Group>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportar()}>Exportar a Excel</Button>
          {redactar && <Button leftSection={<IconPlus size={16} />} onClick={() => ir('/oficios/nuevo')}>Nuevo oficio</Button>}
        </Group>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Buscar"
          placeholder="Número, destinatario, asunto o texto…"
          w={300}
          value={busqueda}
          onChange={(e) => setBusqueda(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && poner('texto', busqueda.trim() || null)}
          onBlur={() => poner('texto', busqueda.trim() || null)}
        />
        <Select label="Año" w={100} clearable data={[anio + 1, anio, anio - 1, anio - 2].map(String)} value={params.get('anio')} onChange={(v) => poner('anio', v)} comboboxProps={{ withinPortal: false }} />
        <Select label="Estatus" w={140} clearable data={ESTATUS_OFICIO.map((e) => ({ value: e, label: ETIQUETAS_OFICIO.estatus[e] }))} value={params.get('estatus')} onChange={(v) => poner('estatus', v)} comboboxProps={{ withinPortal: false }} />
        <TextInput label="Destinatario o dependencia" w={220} defaultValue={params.get('destinatario') ?? ''} onBlur={(e) => poner('destinatario', e.currentTarget.value.trim() || null)} />
        <TextInput label="Folio referido" w={150} defaultValue={params.get('folio') ?? ''} onBlur={(e) => poner('folio', e.currentTarget.value.trim() || null)} />
      </Group>
      <Text size="sm" c="dimmed">{r ? `${numero(r.total, 0)} ${r.total === 1 ? 'oficio' : 'oficios'}` : 'Cargando…'}</Text>
      <Paper withBorder>
        <Table striped highlightOnHover stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Número</Table.Th>
              <Table.Th>Fecha</Table.Th>
              <Table.Th>Destinatario</Table.Th>
              <Table.Th>Asunto</Table.Th>
              <Table.Th>Folios</Table.Th>
              <Table.Th>Estatus</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r?.filas.map((f) => (
              <Table.Tr key={f.id} style={{ cursor: 'pointer' }} onClick={() => ir(`/oficios/${f.id}`)}>
                <Table.Td><Anchor size="sm">{f.numero ?? 'Borrador'}</Anchor></Table.Td>
                <Table.Td>{fecha(f.fecha)}</Table.Td>
                <Table.Td><Text size="sm">{f.destinatario}</Text><Text size="xs" c="dimmed">{f.dependencia}</Text></Table.Td>
                <Table.Td><Text size="sm" lineClamp={2}>{f.asunto}</Text></Table.Td>
                <Table.Td>{f.referencias}</Table.Td>
                <Table.Td><Estatus estatus={f.estatus} />{f.entregaFecha && <Text size="xs" c="dimmed">{fecha(f.entregaFecha)}</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {r && r.total === 0 && <Text p="md" c="dimmed">No hay oficios con estos filtros. {redactar && 'Use «Nuevo oficio», o responda desde el detalle de un asunto.'}</Text>}
      </Paper>
    </Stack>
  );
}
