/** Compromisos › Semáforo de cumplimiento: overall, a bar per dependencia, a view per municipio, by eje. */
import { BarChart } from '@mantine/charts';
import { Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import type { Output } from '../../../../electron/contract';
import { BarraSemaforo, COLOR_SEMAFORO, avisarError, numero, plural } from '../../ui';
import { generarYDescargar } from './datos';
import { filtrosDe } from './PaginaLista';

type Datos = Output<'compromisos.semaforo'>;
type Conteo = Datos['general'];

const SERIES = [
  { name: 'cumplido', label: 'Cumplido', color: COLOR_SEMAFORO.verde },
  { name: 'en_proceso', label: 'En proceso', color: COLOR_SEMAFORO.amarillo },
  { name: 'sin_avance', label: 'Sin avance', color: COLOR_SEMAFORO.rojo },
];

function TablaConteos({ titulo, filas, total, alElegir }: { titulo: string; filas: Conteo[]; total: Conteo; alElegir?: (c: Conteo) => void }) {
  return (
    <Table striped highlightOnHover withTableBorder stickyHeader fz="sm" aria-label={titulo}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{titulo}</Table.Th>
          <Table.Th ta="right">Total</Table.Th>
          <Table.Th ta="right">Cumplidos</Table.Th>
          <Table.Th ta="right">En proceso</Table.Th>
          <Table.Th ta="right">Sin avance</Table.Th>
          <Table.Th ta="right">No procedentes</Table.Th>
          <Table.Th ta="right">Avance promedio</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {filas.map((f) => (
          <Table.Tr key={f.clave} style={{ cursor: alElegir ? 'pointer' : undefined }} onClick={() => alElegir?.(f)}>
            <Table.Td>{f.nombre}</Table.Td>
            <Table.Td ta="right">{f.total}</Table.Td>
            <Table.Td ta="right">{f.cumplido} ({f.porcentajes.cumplido} %)</Table.Td>
            <Table.Td ta="right">{f.en_proceso} ({f.porcentajes.en_proceso} %)</Table.Td>
            <Table.Td ta="right">{f.sin_avance} ({f.porcentajes.sin_avance} %)</Table.Td>
            <Table.Td ta="right">{f.no_procedente}</Table.Td>
            <Table.Td ta="right">{numero(f.avancePromedio, 1)} %</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr fw={700}>
          <Table.Td>Total</Table.Td>
          <Table.Td ta="right">{total.total}</Table.Td>
          <Table.Td ta="right">{total.cumplido} ({total.porcentajes.cumplido} %)</Table.Td>
          <Table.Td ta="right">{total.en_proceso} ({total.porcentajes.en_proceso} %)</Table.Td>
          <Table.Td ta="right">{total.sin_avance} ({total.porcentajes.sin_avance} %)</Table.Td>
          <Table.Td ta="right">{total.no_procedente}</Table.Td>
          <Table.Td ta="right">{numero(total.avancePromedio, 1)} %</Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

function Barras({ filas, etiqueta }: { filas: Conteo[]; etiqueta: string }) {
  if (!filas.length) return <Text c="dimmed">Sin compromisos.</Text>;
  return (
    <BarChart
      h={Math.max(160, filas.length * 38 + 60)}
      data={filas.map((f) => ({ grupo: f.nombre, cumplido: f.cumplido, en_proceso: f.en_proceso, sin_avance: f.sin_avance }))}
      dataKey="grupo"
      type="stacked"
      orientation="vertical"
      yAxisProps={{ width: 230 }}
      xAxisProps={{ allowDecimals: false }}
      series={SERIES}
      withLegend
      aria-label={etiqueta}
    />
  );
}

/** Every municipio of the catalog (and "Estatal"), with its counts or empty; the ones with compromisos first. */
function mosaico(conteos: Conteo[], municipios: { clave: string; nombre: string }[], soloCon: boolean): Conteo[] {
  const vacio = (clave: string, nombre: string): Conteo => ({
    clave, nombre, total: 0, contados: 0, cumplido: 0, en_proceso: 0, sin_avance: 0, no_procedente: 0,
    porcentajes: { cumplido: 0, en_proceso: 0, sin_avance: 0 }, avancePromedio: 0,
  });
  const por = new Map(conteos.map((c) => [c.clave, c]));
  const todos = [{ clave: 'ESTATAL', nombre: 'Estatal' }, ...municipios].map((m) => por.get(m.clave) ?? vacio(m.clave, m.nombre));
  const con = todos.filter((m) => m.total > 0);
  return soloCon ? con : [...con, ...todos.filter((m) => m.total === 0)];
}

export function PaginaSemaforo() {
  const [params] = useSearchParams();
  const navegar = useNavigate();
  const filtros = filtrosDe(params);
  const [datos, setDatos] = useState<Datos | null>(null);
  const [vista, setVista] = useState('dependencia');
  const [soloCon, setSoloCon] = useState(false);
  const [municipios, setMunicipios] = useState<{ clave: string; nombre: string }[]>([]);
  useEffect(() => void api.llamar('catalogos.municipios.listar', {}).then(setMunicipios, avisarError), []);
  const [vuelta, setVuelta] = useState(0);
  useEffect(() => {
    api.llamar('compromisos.semaforo', filtros).then(setDatos, avisarError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params, vuelta]);
  useAlCambiar(() => setVuelta((v) => v + 1), ['compromiso']);
  if (!datos) return null;
  const g = datos.general;
  const irALista = (clave: string, valor: string) => navegar(`/compromisos/lista?${clave}=${encodeURIComponent(valor)}`);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>Semáforo de cumplimiento</Title>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void generarYDescargar(api.llamar('compromisos.reporteSemaforo', { formato: 'xlsx', filtros }))}>
            Excel
          </Button>
          <Button leftSection={<IconFileTypePdf size={16} />} onClick={() => void generarYDescargar(api.llamar('compromisos.reporteSemaforo', { formato: 'pdf', filtros }), true)}>
            Imprimir semáforo (PDF)
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={4}>
        {[
          ['Compromisos', g.total, null],
          ['Cumplidos', g.cumplido, g.porcentajes.cumplido],
          ['En proceso', g.en_proceso, g.porcentajes.en_proceso],
          ['Sin avance', g.sin_avance, g.porcentajes.sin_avance],
        ].map(([t, n, p]) => (
          <Card key={String(t)} withBorder padding="sm">
            <Text size="sm" c="dimmed">{t}</Text>
            <Text fz={28} fw={700}>{n}{p !== null ? <Text span size="md" c="dimmed"> ({p} %)</Text> : null}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder>
        <BarraSemaforo
          titulo="Semáforo general"
          conteos={{ verde: g.cumplido, amarillo: g.en_proceso, rojo: g.sin_avance, gris: g.no_procedente }}
          etiquetas={{ verde: 'Cumplido', amarillo: 'En proceso', rojo: 'Sin avance', gris: 'No procedente' }}
          altura={18}
        />
        <Text size="xs" c="dimmed" mt={6}>
          Los no procedentes ({g.no_procedente}) quedan fuera de los porcentajes. Avance promedio: {numero(g.avancePromedio, 1)} %.
        </Text>
      </Card>
      <SegmentedControl
        value={vista}
        onChange={setVista}
        data={[
          { value: 'dependencia', label: 'Por dependencia' },
          { value: 'municipio', label: 'Por municipio' },
          { value: 'eje', label: 'Por eje' },
        ]}
      />
      {vista === 'dependencia' && (
        <Stack>
          <Barras filas={datos.porDependencia} etiqueta="Compromisos por dependencia" />
          <TablaConteos titulo="Dependencia" filas={datos.porDependencia} total={g} alElegir={(c) => irALista('dependencia', c.clave)} />
        </Stack>
      )}
      {vista === 'municipio' && (
        <Stack>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Los 72 municipios de Sonora y los compromisos de alcance estatal. Elija uno para ver su lista.
            </Text>
            <Switch label="Solo municipios con compromisos" checked={soloCon} onChange={(e) => setSoloCon(e.currentTarget.checked)} />
          </Group>
          <SimpleGrid cols={{ base: 3, md: 6 }} spacing="xs" aria-label="Mosaico de municipios">
            {mosaico(datos.porMunicipio, municipios, soloCon).map((m) => (
              <Card
                key={m.clave}
                withBorder
                padding={6}
                style={{ cursor: m.total ? 'pointer' : undefined, opacity: m.total ? 1 : 0.55 }}
                onClick={() => m.total && irALista('municipio', m.clave)}
                data-municipio={m.nombre}
              >
                <Text fw={600} size="xs" truncate>{m.nombre}</Text>
                <Text size="xs" c="dimmed" mb={2}>
                  {m.total ? `${plural(m.total, 'compromiso', 'compromisos')} · ${m.porcentajes.cumplido} % cumplidos` : 'Sin compromisos'}
                </Text>
                {m.total > 0 && <BarraSemaforo conteos={{ verde: m.cumplido, amarillo: m.en_proceso, rojo: m.sin_avance, gris: m.no_procedente }} leyenda={false} titulo={m.nombre} altura={8} />}
              </Card>
            ))}
          </SimpleGrid>
          <TablaConteos titulo="Municipio" filas={datos.porMunicipio} total={g} alElegir={(c) => irALista('municipio', c.clave)} />
        </Stack>
      )}
      {vista === 'eje' && (
        <Stack>
          <Barras filas={datos.porEje} etiqueta="Compromisos por eje" />
          <TablaConteos titulo="Eje del Plan Estatal de Desarrollo" filas={datos.porEje} total={g} />
        </Stack>
      )}
    </Stack>
  );
}
