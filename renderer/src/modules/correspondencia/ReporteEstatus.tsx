/** Correspondencia › Reporte de Estatus por Dependencia: period, the figures on screen, Excel and PDF. */
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api';
import type { Output } from '../../../../electron/contract';
import { CampoFecha, Semaforo, avisarError, fechaDeInstante, numero, porcentaje } from '../../ui';
import { Pestanas } from './comun';

type Reporte = Output<'correspondencia.reportes.estatusDatos'>;

function inicioDeMes(): string {
  return `${fechaDeInstante(Date.now()).slice(0, 8)}01`;
}

export function ReporteEstatus() {
  const [params, setParams] = useSearchParams();
  const desde = params.get('desde') ?? inicioDeMes();
  const hasta = params.get('hasta') ?? fechaDeInstante(Date.now());
  const [r, setR] = useState<Reporte | null>(null);
  const [generando, setGenerando] = useState<string | null>(null);
  const poner = (k: string, v: string | null) => v && setParams((p) => { const q = new URLSearchParams(p); q.set(k, v); return q; }, { replace: true });

  useEffect(() => {
    api.llamar('correspondencia.reportes.estatusDatos', { desde, hasta }).then(setR).catch(avisarError);
  }, [desde, hasta]);

  const generar = async (formato: 'xlsx' | 'pdf') => {
    setGenerando(formato);
    try {
      const a = await api.llamar('correspondencia.reportes.estatus', { desde, hasta, formato });
      if (formato === 'pdf') api.abrir(a.archivoId);
      else await api.descargar(a.archivoId, a.nombre);
    } catch (e) {
      avisarError(e, 'No se generó el reporte');
    } finally {
      setGenerando(null);
    }
  };

  return (
    <Stack>
      <Pestanas />
      <Title order={2}>Reporte de Estatus por Dependencia</Title>
      <Group align="flex-end">
        <CampoFecha soloValidas label="Desde" value={desde} onChange={(v) => poner('desde', v)} clearable={false} />
        <CampoFecha soloValidas label="Hasta" value={hasta} onChange={(v) => poner('hasta', v)} clearable={false} />
        <Button leftSection={<IconFileSpreadsheet size={16} />} variant="default" loading={generando === 'xlsx'} onClick={() => void generar('xlsx')}>
          Excel
        </Button>
        <Button leftSection={<IconFileTypePdf size={16} />} loading={generando === 'pdf'} onClick={() => void generar('pdf')}>
          PDF
        </Button>
      </Group>
      {r && (
        <>
          <SimpleGrid cols={4}>
            <Paper withBorder p="sm"><Text size="xs" c="dimmed">Asuntos recibidos</Text><Text fz={24} fw={700}>{numero(r.asuntos, 0)}</Text></Paper>
            <Paper withBorder p="sm"><Text size="xs" c="dimmed">Turnados en 48 h</Text><Text fz={24} fw={700} data-testid="pct-48h">{r.porcentajeEn48h === null ? '—' : porcentaje(r.porcentajeEn48h)}</Text><Text size="xs">{numero(r.turnadosEn48h, 0)} de {numero(r.medibles48h, 0)}</Text></Paper>
            <Paper withBorder p="sm"><Text size="xs" c="dimmed">Promedio para turnar</Text><Text fz={24} fw={700}>{r.promedioHorasParaTurnar === null ? '—' : `${numero(r.promedioHorasParaTurnar, 1)} h`}</Text></Paper>
            <Paper withBorder p="sm"><Text size="xs" c="dimmed">% atendido</Text><Text fz={24} fw={700}>{r.totales.porcentajeAtendido === null ? '—' : porcentaje(r.totales.porcentajeAtendido)}</Text></Paper>
          </SimpleGrid>
          <Paper withBorder>
            <Table striped stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Dependencia</Table.Th>
                  <Table.Th ta="right">Turnos</Table.Th>
                  <Table.Th ta="right">Atendidos</Table.Th>
                  <Table.Th ta="right">En proceso</Table.Th>
                  <Table.Th ta="right">No atendidos</Table.Th>
                  <Table.Th ta="right">Vencidos</Table.Th>
                  <Table.Th ta="right">Con prórroga</Table.Th>
                  <Table.Th ta="right">% atendido</Table.Th>
                  <Table.Th>Semáforo</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.filas.length === 0 && (
                  <Table.Tr><Table.Td colSpan={9}><Text c="dimmed" size="sm">No hubo turnos en el periodo. Cambie las fechas.</Text></Table.Td></Table.Tr>
                )}
                {r.filas.map((f) => (
                  <Table.Tr key={f.dependenciaId}>
                    <Table.Td>{f.dependencia}</Table.Td>
                    <Table.Td ta="right">{numero(f.turnos, 0)}</Table.Td>
                    <Table.Td ta="right">{numero(f.atendidos, 0)}</Table.Td>
                    <Table.Td ta="right">{numero(f.enProceso, 0)}</Table.Td>
                    <Table.Td ta="right">{numero(f.noAtendidos, 0)}</Table.Td>
                    <Table.Td ta="right">{numero(f.vencidos, 0)}</Table.Td>
                    <Table.Td ta="right">{numero(f.prorrogados, 0)}</Table.Td>
                    <Table.Td ta="right">{porcentaje(f.porcentajeAtendido)}</Table.Td>
                    <Table.Td><Semaforo color={f.semaforo.color} texto={f.semaforo.etiqueta} motivo={f.semaforo.motivo} /></Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Td>Total</Table.Td>
                  <Table.Td ta="right">{numero(r.totales.turnos, 0)}</Table.Td>
                  <Table.Td ta="right">{numero(r.totales.atendidos, 0)}</Table.Td>
                  <Table.Td ta="right">{numero(r.totales.enProceso, 0)}</Table.Td>
                  <Table.Td ta="right">{numero(r.totales.noAtendidos, 0)}</Table.Td>
                  <Table.Td ta="right">{numero(r.totales.vencidos, 0)}</Table.Td>
                  <Table.Td ta="right">{numero(r.totales.prorrogados, 0)}</Table.Td>
                  <Table.Td ta="right">{porcentaje(r.totales.porcentajeAtendido)}</Table.Td>
                  <Table.Td><Semaforo color={r.totales.semaforo.color} texto={r.totales.semaforo.etiqueta} /></Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  );
}
