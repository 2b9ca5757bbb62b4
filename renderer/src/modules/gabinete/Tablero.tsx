/** Gabinete › Tablero: counts and % by estatus per tipo de gabinete and per dependencia, with charts. */
import { useEffect, useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import type { Output } from '../../../../electron/contract';
import { BarraSemaforo, COLOR_SEMAFORO, avisarError, numero } from '../../ui';
import { EncabezadoGabinete, useCatalogos } from './comun';

type Tablero = Output<'gabinete.acuerdos.tablero'>;
type Conteo = Tablero['total'];

const SERIES = [
  { name: 'concluido', label: 'Concluidos', color: COLOR_SEMAFORO.verde },
  { name: 'en_proceso', label: 'En proceso', color: COLOR_SEMAFORO.amarillo },
  { name: 'por_iniciar', label: 'Por iniciar', color: COLOR_SEMAFORO.rojo },
];

function TablaConteos({ filas, titulo, alElegir }: { filas: Conteo[]; titulo: string; alElegir: (c: Conteo) => void }) {
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{titulo}</Table.Th><Table.Th ta="right">Acuerdos</Table.Th><Table.Th ta="right">Concluidos</Table.Th><Table.Th ta="right">En proceso</Table.Th>
          <Table.Th ta="right">Por iniciar</Table.Th><Table.Th ta="right">Vencidos</Table.Th><Table.Th ta="right">Cancelados</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {filas.map((c) => (
          <Table.Tr key={c.clave} style={{ cursor: 'pointer' }} onClick={() => alElegir(c)}>
            <Table.Td>{c.nombre}</Table.Td>
            <Table.Td ta="right">{numero(c.total, 0)}</Table.Td>
            <Table.Td ta="right">{numero(c.concluido, 0)} ({numero(c.pctConcluido, 1)} %)</Table.Td>
            <Table.Td ta="right">{numero(c.en_proceso, 0)} ({numero(c.pctEnProceso, 1)} %)</Table.Td>
            <Table.Td ta="right">{numero(c.por_iniciar, 0)} ({numero(c.pctPorIniciar, 1)} %)</Table.Td>
            <Table.Td ta="right" c={c.vencidos ? 'red.8' : undefined}>{numero(c.vencidos, 0)}</Table.Td>
            <Table.Td ta="right" c="dimmed">{numero(c.cancelado, 0)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PaginaTablero() {
  const [t, setT] = useState<Tablero | null>(null);
  const navegar = useNavigate();
  const cat = useCatalogos();
  const idDeTipo = (clave: string) => cat?.tipos.find((x) => x.clave === clave)?.id;
  const cargar = () => void api.llamar('gabinete.acuerdos.tablero', {}).then(setT, avisarError);
  useEffect(cargar, []);
  useAlCambiar(cargar, ['gab_acuerdos', 'gab_reuniones']);
  const datos = (filas: Conteo[]) => filas.map((c) => ({ ...c, nombre: c.nombre.length > 28 ? `${c.nombre.slice(0, 27)}…` : c.nombre }));

  return (
    <Stack gap="md">
      <EncabezadoGabinete titulo="Tablero de acuerdos" descripcion="Conteos y porcentajes por estatus; los cancelados quedan fuera de los porcentajes." />
      {t && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Text fw={600}>Estatus ({numero(t.total.total, 0)} acuerdos)</Text>
              <BarraSemaforo
                titulo="Acuerdos por estatus"
                conteos={{ verde: t.total.concluido, amarillo: t.total.en_proceso, rojo: t.total.por_iniciar, gris: t.total.cancelado }}
                etiquetas={{ verde: 'Concluidos', amarillo: 'En proceso', rojo: 'Por iniciar', gris: 'Cancelados' }}
                onSeleccionar={(c) => navegar(`/gabinete/acuerdos?semaforo=${c}`)}
              />
              <Text size="sm" c="dimmed" mt="xs">{numero(t.total.pctConcluido, 1)} % concluidos · {numero(t.total.pctEnProceso, 1)} % en proceso · {numero(t.total.pctPorIniciar, 1)} % por iniciar</Text>
            </Card>
            <Card withBorder>
              <Text fw={600}>Plazo</Text>
              <BarraSemaforo
                titulo="Acuerdos por plazo"
                conteos={{ verde: t.plazo.a_tiempo + t.plazo.concluido, amarillo: t.plazo.en_riesgo, rojo: t.plazo.vencido, gris: t.plazo.sin_plazo }}
                etiquetas={{ verde: 'A tiempo o concluidos', amarillo: 'En riesgo', rojo: 'Vencidos', gris: 'Sin plazo' }}
                onSeleccionar={(c) => navegar(`/gabinete/acuerdos?semaforo=${({ rojo: 'vencido', amarillo: 'en_riesgo', verde: 'a_tiempo', gris: 'sin_plazo' } as const)[c]}`)}
              />
            </Card>
          </SimpleGrid>
          <Card withBorder>
            <Title order={4} mb="xs">Por tipo de gabinete</Title>
            {t.porTipo.length === 0 ? <Text c="dimmed">Sin acuerdos todavía.</Text> : (
              <Group align="flex-start" grow>
                <BarChart h={Math.max(160, t.porTipo.length * 42)} data={datos(t.porTipo)} dataKey="nombre" type="stacked" orientation="vertical" yAxisProps={{ width: 190 }} xAxisProps={{ allowDecimals: false }} series={SERIES} withLegend aria-label="Acuerdos por tipo de gabinete" />
                <TablaConteos filas={t.porTipo} titulo="Gabinete" alElegir={(c) => navegar(`/gabinete/acuerdos${idDeTipo(c.clave) ? `?tipo=${idDeTipo(c.clave)}` : ''}`)} />
              </Group>
            )}
          </Card>
          <Card withBorder>
            <Title order={4} mb="xs">Por dependencia responsable</Title>
            {t.porDependencia.length === 0 ? <Text c="dimmed">Sin acuerdos todavía.</Text> : (
              <Stack>
                <BarChart h={Math.max(160, Math.min(12, t.porDependencia.length) * 36)} data={datos(t.porDependencia.slice(0, 12))} dataKey="nombre" type="stacked" orientation="vertical" yAxisProps={{ width: 230 }} xAxisProps={{ allowDecimals: false }} series={SERIES} withLegend aria-label="Acuerdos por dependencia" />
                <TablaConteos filas={t.porDependencia} titulo="Dependencia" alElegir={(c) => navegar(`/gabinete/acuerdos?dependencia=${c.clave}`)} />
              </Stack>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}
