/**
 * Reportes: every report in one place. The Informe semanal with its week picker, a preview of its figures
 * (printable with the system dialog), "Excel", "PDF" and "Imprimir"; the informes already generated
 * (reproduced exactly from their snapshot); and links to the other modules' reports.
 */
import { Alert, Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import { useSesion } from '../../app/sesion';
import type { Output } from '../../../../electron/contract';
import { CampoFecha, Progreso, avisarError, avisarExito, fecha, fechaHora, numero, porcentaje } from '../../ui';

type Informe = Output<'tablero.informe.datos'>;
type Semanas = Output<'tablero.informe.semanas'>;

const valor = (v: number | null, unidad: 'cantidad' | 'porcentaje' | 'horas') =>
  v === null ? 'Sin datos' : unidad === 'porcentaje' ? porcentaje(v, 1) : unidad === 'horas' ? `${numero(v, 1)} h` : numero(v, 0);
const cambio = (v: number | null, unidad: 'cantidad' | 'porcentaje' | 'horas') =>
  v === null ? '—' : v === 0 ? 'Sin cambio' : `${v > 0 ? '+' : '−'}${numero(Math.abs(v), unidad === 'cantidad' ? 0 : 1)}${unidad === 'porcentaje' ? ' pts.' : unidad === 'horas' ? ' h' : ''}`;

function InformeSemanal() {
  const [semanas, setSemanas] = useState<Semanas | null>(null);
  const [dia, setDia] = useState<string | null>(null);
  const [informe, setInforme] = useState<Informe | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recarga, setRecarga] = useState(0);
  const [trabajo, setTrabajo] = useState<{ titulo: string; fraccion: number | null; texto: string } | null>(null);

  const recargarSemanas = useCallback(async () => {
    try {
      const s = await api.llamar('tablero.informe.semanas', {});
      setSemanas(s);
      setDia((d) => d ?? s.predeterminada.desde);
    } catch (e) {
      avisarError(e);
    }
  }, []);
  useEffect(() => {
    void recargarSemanas();
  }, [recargarSemanas]);
  // A week's informe generated at another station appears in the list.
  useAlCambiar(() => void recargarSemanas(), ['tablero_instantaneas']);

  useEffect(() => {
    if (!dia) return;
    let vigente = true;
    setInforme(null);
    api
      .llamar('tablero.informe.datos', { semana: dia })
      .then((i) => vigente && (setInforme(i), setError(null)))
      .catch((e: { message?: string }) => vigente && setError(e.message ?? 'No se pudo calcular el informe.'));
    return () => {
      vigente = false;
    };
  }, [dia, recarga]);

  const generar = async (formato: 'pdf' | 'xlsx', despues: (r: { archivoId: string; nombre: string }) => Promise<void> | void) => {
    if (!dia) return;
    const tarea = `informe-semanal-${Date.now()}`;
    setTrabajo({ titulo: formato === 'pdf' ? 'Generando el informe semanal en PDF' : 'Generando el informe semanal en Excel', fraccion: null, texto: 'Preparando…' });
    const dejar = api.alProgresar((p) => p.tarea === tarea && setTrabajo((t) => t && { ...t, fraccion: p.fraccion, texto: p.texto }));
    try {
      const r = await api.llamar('tablero.informe.generar', { semana: dia, formato, tarea });
      await despues(r);
      avisarExito(r.reproducido ? `«${r.nombre}»: se reprodujeron las cifras guardadas de esa semana.` : `Se generó «${r.nombre}».`);
      setRecarga((n) => n + 1);
      void recargarSemanas();
    } catch (e) {
      avisarError(e, 'No se pudo generar el informe');
    } finally {
      dejar();
      setTrabajo(null);
    }
  };

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-end" mb="sm">
        <div>
          <Title order={3}>Informe semanal</Title>
          <Text size="sm" c="dimmed">De lunes a domingo: correspondencia, gabinete, compromisos y POA, con la semana anterior al lado.</Text>
        </div>
        <Group gap="xs" align="flex-end" className="sse-no-imprimir">
          <CampoFecha
            soloValidas
            label="Semana (cualquier día)"
            w={190}
            value={dia}
            clearable={false}
            onChange={(v) => v && setDia(v)}
            aria-label="Semana del informe"
          />
          <Button leftSection={<IconFileSpreadsheet size={16} />} variant="default" disabled={!!trabajo || !informe} onClick={() => void generar('xlsx', (r) => api.descargar(r.archivoId, r.nombre))}>Excel</Button>
          <Button leftSection={<IconFileTypePdf size={16} />} variant="default" disabled={!!trabajo || !informe} onClick={() => void generar('pdf', (r) => api.abrir(r.archivoId))}>PDF</Button>
          <Button leftSection={<IconPrinter size={16} />} disabled={!informe} onClick={() => api.imprimir()}>Imprimir</Button>
        </Group>
      </Group>
      {trabajo && <Progreso titulo={trabajo.titulo} texto={trabajo.texto} fraccion={trabajo.fraccion} />}
      {error && <Alert color="red" title="No se puede informar esa semana">{error}</Alert>}
      {!informe && !error && <Loader size="sm" />}
      {informe && (
        <Stack gap="xs" className="sse-informe-vista">
          <Group gap="xs">
            <Text fw={600}>Semana del {fecha(informe.semana.desde)} al {fecha(informe.semana.hasta)}</Text>
            {informe.enCurso && <Badge color="yellow" variant="light">Semana en curso: cifras al {fecha(informe.corte)}</Badge>}
            {informe.instantanea && <Badge color="gray" variant="light">Generado el {fechaHora(informe.instantanea.generado)}{informe.instantanea.generadoPor ? ` por ${informe.instantanea.generadoPor}` : ''}: cifras guardadas</Badge>}
          </Group>
          <Table striped fz="sm" verticalSpacing={3} aria-label="Indicadores de la semana">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Indicador</Table.Th>
                <Table.Th ta="right">Esta semana</Table.Th>
                <Table.Th ta="right">Semana anterior</Table.Th>
                <Table.Th ta="right">Cambio</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {informe.indicadores.map((x) => (
                <Table.Tr key={x.clave}>
                  <Table.Td>{x.etiqueta}</Table.Td>
                  <Table.Td ta="right">{x.enlace ? <Anchor component={Link} to={x.enlace}>{valor(x.actual, x.unidad)}</Anchor> : valor(x.actual, x.unidad)}</Table.Td>
                  <Table.Td ta="right">{x.enlaceAnterior ? <Anchor component={Link} to={x.enlaceAnterior}>{valor(x.anterior, x.unidad)}</Anchor> : valor(x.anterior, x.unidad)}</Table.Td>
                  <Table.Td ta="right">{cambio(x.cambio, x.unidad)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            Pendientes y vencidos al {fecha(informe.corte)} · {numero(informe.correspondencia.pendientes, 0)} turnos pendientes · {numero(informe.gabinete.reuniones.length, 0)} reuniones ·
            POA {informe.poa.anio} trimestre {['', 'I', 'II', 'III', 'IV'][informe.poa.trimestre]}: {numero(informe.poa.verde, 0)} aceptables, {numero(informe.poa.amarillo, 0)} en riesgo, {numero(informe.poa.rojo, 0)} críticas.
          </Text>
        </Stack>
      )}
      {semanas && semanas.generadas.length > 0 && (
        <Stack gap={4} mt="md" className="sse-no-imprimir">
          <Text fw={600} size="sm">Informes generados</Text>
          <Group gap="xs">
            {semanas.generadas.slice(0, 12).map((g) => (
              <Button key={g.desde} size="compact-sm" variant={g.desde === informe?.semana.desde ? 'light' : 'subtle'} onClick={() => setDia(g.desde)}>
                {fecha(g.desde)} – {fecha(g.hasta)}
              </Button>
            ))}
          </Group>
        </Stack>
      )}
    </Card>
  );
}

const OTROS: { titulo: string; descripcion: string; ruta: string; modulo: 'correspondencia' | 'gabinete' }[] = [
  { titulo: 'Reporte de Estatus por Dependencia', descripcion: 'Turnos atendidos, en proceso, no atendidos y vencidos por dependencia; meta de 48 horas.', ruta: '/correspondencia/reporte', modulo: 'correspondencia' },
  { titulo: 'Listados de correspondencia', descripcion: 'La bandeja filtrada, exportada a Excel tal como se ve.', ruta: '/correspondencia', modulo: 'correspondencia' },
  { titulo: 'Acuerdos por dependencia', descripcion: 'Acuerdos de gabinete con su semáforo, en Excel y PDF.', ruta: '/gabinete/acuerdos', modulo: 'gabinete' },
  { titulo: 'Tablero de acuerdos', descripcion: 'Acuerdos por tipo de gabinete y por dependencia.', ruta: '/gabinete/tablero', modulo: 'gabinete' },
  { titulo: 'Semáforo de compromisos', descripcion: 'Cumplimiento por dependencia, municipio y eje del PED, en Excel y PDF.', ruta: '/compromisos/semaforo', modulo: 'gabinete' },
  { titulo: 'Informes trimestral y anual del POA', descripcion: 'Programado contra alcanzado por meta, con TOTALES.', ruta: '/poa', modulo: 'gabinete' },
];

export function PaginaReportes() {
  const { usuario } = useSesion();
  const leeInforme = usuario.rol === 'jefe' || usuario.rol === 'administrador';
  const lee = (m: 'correspondencia' | 'gabinete') => (m === 'correspondencia' ? usuario.rol !== 'coordinador' : usuario.rol !== 'capturista');
  return (
    <Stack gap="md">
      <style>{'@media print { .sse-no-imprimir, header, nav { display: none !important; } }'}</style>
      <Title order={2} className="sse-no-imprimir">Reportes</Title>
      {leeInforme ? <InformeSemanal /> : <Alert color="gray">El informe semanal es del Jefe de Oficina y de la administración.</Alert>}
      <Card withBorder padding="md" className="sse-no-imprimir">
        <Title order={4} mb="xs">Reportes de cada módulo</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
          {OTROS.filter((o) => lee(o.modulo)).map((o) => (
            <div key={o.ruta}>
              <Anchor component={Link} to={o.ruta} fw={600}>{o.titulo}</Anchor>
              <Text size="sm" c="dimmed">{o.descripcion}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Card>
    </Stack>
  );
}
