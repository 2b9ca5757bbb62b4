/**
 * Tablero de control: the home screen after sign-in. Four cards (Correspondencia, Acuerdos, Compromisos,
 * POA) with the status semáforo as a stacked bar and counts, the plazo semáforo (vencidos in red), this
 * week vs last week; "Vencidos por dependencia" and "Turnados en 48 h". Every number links to the list
 * behind it (the core says which); nothing is computed here.
 */
import { BarChart, LineChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconMinus, IconRefresh, IconReportAnalytics } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import type { Output } from '../../../../electron/contract';
import { AvisoRespaldo } from '../respaldo/AvisoRespaldo';
import { BarraSemaforo, COLOR_SEMAFORO, avisarError, fecha, fechaHora, numero, porcentaje, type ColorSemaforo } from '../../ui';

type Resumen = Output<'tablero.resumen'>;
type Tarjeta = Resumen['tarjetas'][number];
type Comparacion = Tarjeta['semana'][number];

const valor = (v: number | null, unidad: Comparacion['unidad']) =>
  v === null ? '—' : unidad === 'porcentaje' ? porcentaje(v, 1) : unidad === 'horas' ? `${numero(v, 1)} h` : numero(v, 0);

/** A figure: a link to its list when the core gives one. */
function Cifra({ enlace, children, fw = 600, c, etiqueta }: { enlace: string | null; children: React.ReactNode; fw?: number; c?: string; etiqueta?: string }) {
  if (!enlace) return <Text span fw={fw} c={c}>{children}</Text>;
  return (
    <Anchor component={Link} to={enlace} fw={fw} c={c} underline="hover" aria-label={etiqueta}>
      {children}
    </Anchor>
  );
}

function Cambio({ x }: { x: Comparacion }) {
  if (x.cambio === null) return <Text span size="xs" c="dimmed">—</Text>;
  const Icono = x.cambio > 0 ? IconArrowUpRight : x.cambio < 0 ? IconArrowDownRight : IconMinus;
  const texto = x.cambio === 0 ? 'igual' : `${x.cambio > 0 ? '+' : '−'}${x.unidad === 'porcentaje' ? numero(Math.abs(x.cambio), 1) + ' pts.' : numero(Math.abs(x.cambio), x.unidad === 'horas' ? 1 : 0)}`;
  return (
    <Group gap={2} wrap="nowrap">
      <Icono size={14} aria-hidden />
      <Text span size="xs">{texto}</Text>
    </Group>
  );
}

function TarjetaModulo({ t }: { t: Tarjeta }) {
  const ir = useNavigate();
  const conteos: Partial<Record<ColorSemaforo, number>> = {};
  const etiquetas: Partial<Record<ColorSemaforo, string>> = {};
  for (const s of t.estatus) {
    conteos[s.color] = s.valor;
    etiquetas[s.color] = s.etiqueta;
  }
  const porColor = (c: ColorSemaforo) => t.estatus.find((s) => s.color === c)?.enlace ?? null;
  return (
    <Card withBorder padding="md" data-modulo={t.modulo}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Title order={4}>
          <Anchor component={Link} to={t.enlace ?? '/'} c="inherit">{t.titulo}</Anchor>
        </Title>
        <Text size="sm" c="dimmed">{numero(t.total, 0)} {t.unidad}</Text>
      </Group>
      <BarraSemaforo titulo={`${t.titulo} por estatus`} conteos={conteos} etiquetas={etiquetas} leyenda={false} onSeleccionar={(c) => porColor(c) && ir(porColor(c)!)} />
      <Group gap="md" mt={8}>
        {t.estatus.map((s) => (
          <Group key={s.clave} gap={6} wrap="nowrap">
            <span aria-hidden style={{ width: 10, height: 10, borderRadius: 5, background: COLOR_SEMAFORO[s.color], display: 'inline-block' }} />
            <Text size="sm">{s.etiqueta}:</Text>
            <Cifra enlace={s.enlace} etiqueta={`${s.etiqueta}: ${s.valor}`}>{numero(s.valor, 0)}</Cifra>
          </Group>
        ))}
      </Group>
      {t.plazo.length > 0 && (
        <Group gap="md" mt={8}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>Plazo</Text>
          {t.plazo.map((s) => (
            <Group key={s.clave} gap={4} wrap="nowrap">
              <Text size="sm" c={s.clave === 'vencido' && s.valor > 0 ? 'red.8' : undefined} fw={s.clave === 'vencido' ? 600 : undefined}>{s.etiqueta}:</Text>
              <Cifra enlace={s.enlace} c={s.clave === 'vencido' && s.valor > 0 ? 'red.8' : undefined} etiqueta={`${t.titulo}, ${s.etiqueta}: ${s.valor}`}>{numero(s.valor, 0)}</Cifra>
            </Group>
          ))}
        </Group>
      )}
      {t.semana.length > 0 && (
        <Table mt="sm" withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Semana</Table.Th>
              <Table.Th ta="right">Esta</Table.Th>
              <Table.Th ta="right">Anterior</Table.Th>
              <Table.Th ta="right">Cambio</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {t.semana.map((x) => (
              <Table.Tr key={x.clave}>
                <Table.Td>{x.etiqueta}</Table.Td>
                <Table.Td ta="right"><Cifra enlace={x.enlace} etiqueta={`${x.etiqueta} esta semana`}>{valor(x.actual, x.unidad)}</Cifra></Table.Td>
                <Table.Td ta="right"><Cifra enlace={x.enlaceAnterior} fw={400} etiqueta={`${x.etiqueta} la semana anterior`}>{valor(x.anterior, x.unidad)}</Cifra></Table.Td>
                <Table.Td ta="right"><Group justify="flex-end"><Cambio x={x} /></Group></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {t.nota && <Text size="xs" c="dimmed" mt={6}>{t.nota}</Text>}
    </Card>
  );
}

function Vencidos({ r }: { r: Resumen }) {
  const ir = useNavigate();
  const filas = r.vencidosPorDependencia;
  const series = [
    { name: 'turnos', label: 'Turnos', color: COLOR_SEMAFORO.rojo },
    { name: 'acuerdos', label: 'Acuerdos', color: 'orange.7' },
    { name: 'compromisos', label: 'Compromisos', color: 'grape.7' },
  ].filter((s) => filas.some((f) => f[s.name as 'turnos'] > 0));
  const datos = filas.map((f) => ({ nombre: f.siglas || f.nombre, turnos: f.turnos, acuerdos: f.acuerdos, compromisos: f.compromisos }));
  return (
    <Card withBorder padding="md">
      <Title order={4} mb="xs">Vencidos por dependencia</Title>
      {filas.length === 0 ? (
        <Text c="dimmed">Ninguna dependencia tiene asuntos, acuerdos ni compromisos vencidos.</Text>
      ) : (
        <Stack gap="xs">
          <BarChart
            h={Math.max(160, filas.length * 30)}
            data={datos}
            dataKey="nombre"
            type="stacked"
            orientation="vertical"
            yAxisProps={{ width: 110 }}
            xAxisProps={{ allowDecimals: false }}
            series={series}
            withLegend
            aria-label="Vencidos por dependencia, 10 principales"
          />
          <Table fz="sm" verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Dependencia</Table.Th>
                <Table.Th ta="right">Turnos</Table.Th>
                <Table.Th ta="right">Acuerdos</Table.Th>
                <Table.Th ta="right">Compromisos</Table.Th>
                <Table.Th>Último recordatorio</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {filas.map((f) => (
                <Table.Tr key={f.dependenciaId}>
                  <Table.Td><Tooltip label={f.nombre}><Text size="sm" truncate maw={320}>{f.nombre}</Text></Tooltip></Table.Td>
                  {(['turnos', 'acuerdos', 'compromisos'] as const).map((k) => (
                    <Table.Td key={k} ta="right">
                      {f[k] > 0 ? <Cifra enlace={f.enlaces[k]} c="red.8" etiqueta={`${f.nombre}: ${f[k]} ${k} vencidos`}>{numero(f[k], 0)}</Cifra> : <Text span c="dimmed">0</Text>}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    {f.ultimoRecordatorio ? (
                      <Tooltip label={`Oficio ${f.ultimoRecordatorio.numero}`}><Text size="sm" span>{fecha(f.ultimoRecordatorio.fecha)}</Text></Tooltip>
                    ) : (
                      <Text size="sm" span c="dimmed">Nunca</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">Las 10 dependencias con más vencidos; cuentan como responsables o corresponsables. <Anchor size="xs" onClick={() => ir('/reportes')}>Informe semanal</Anchor></Text>
        </Stack>
      )}
    </Card>
  );
}

function Tendencia({ puntos }: { puntos: NonNullable<Resumen['tendencia48h']> }) {
  const datos = puntos.map((p) => ({ semana: p.etiqueta, porcentaje: p.porcentaje }));
  const hay = puntos.some((p) => p.porcentaje !== null);
  return (
    <Card withBorder padding="md">
      <Title order={4} mb="xs">Turnados en 48 h</Title>
      {!hay ? (
        <Text c="dimmed">Sin asuntos recibidos en las últimas 12 semanas.</Text>
      ) : (
        <LineChart
          h={200}
          data={datos}
          dataKey="semana"
          series={[{ name: 'porcentaje', label: '% turnado en 48 h', color: 'blue.7' }]}
          yAxisProps={{ domain: [0, 100] }}
          valueFormatter={(v) => porcentaje(v, 1)}
          connectNulls={false}
          withDots
          aria-label="Porcentaje de asuntos turnados en 48 horas, últimas 12 semanas"
        />
      )}
      <Group gap={6} mt={6} wrap="wrap">
        {puntos.map((p) => (
          <Cifra key={p.desde} enlace={p.enlace} fw={400} etiqueta={`Semana del ${fecha(p.desde)}: ${p.porcentaje ?? 'sin datos'}`}>
            <Badge variant={p.fuente === 'informe' ? 'filled' : 'light'} color="gray" size="sm" style={{ cursor: 'pointer' }}>
              {p.etiqueta}: {p.porcentaje === null ? '—' : porcentaje(p.porcentaje, 0)}
            </Badge>
          </Cifra>
        ))}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>Semanas en gris oscuro: cifra impresa en su informe semanal.</Text>
    </Card>
  );
}

export function PaginaTablero() {
  const [r, setR] = useState<Resumen | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cargando, setCargando] = useState(false);
  const cargar = useCallback(async () => {
    setCargando(true);
    try {
      setR(await api.llamar('tablero.resumen', {}));
      setError(null);
    } catch (e) {
      setError((e as { message?: string }).message ?? 'No se pudo cargar el tablero.');
      avisarError(e);
    } finally {
      setCargando(false);
    }
  }, []);
  useEffect(() => {
    void cargar();
  }, [cargar]);
  useAlCambiar(() => void cargar());

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={2}>Tablero de control</Title>
          {r && (
            <Text size="sm" c="dimmed">
              Semana del {fecha(r.semana.desde)} al {fecha(r.semana.hasta)} comparada con la anterior · cifras al {fechaHora(r.generado)}
            </Text>
          )}
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void cargar()} loading={cargando}>Actualizar</Button>
          <Button component={Link} to="/reportes" variant="light" leftSection={<IconReportAnalytics size={16} />}>Informe semanal</Button>
        </Group>
      </Group>
      <AvisoRespaldo />
      {error && !r && <Alert color="red" title="No se pudo cargar el tablero">{error}</Alert>}
      {!r && !error && <Loader />}
      {r && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {r.tarjetas.map((t) => <TarjetaModulo key={t.modulo} t={t} />)}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: r.tendencia48h ? 2 : 1 }} spacing="md">
            <Vencidos r={r} />
            {r.tendencia48h && <Tendencia puntos={r.tendencia48h} />}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
