/**
 * Oficios › recordatorios in one action: pick the cut-off date, preview the dependencias and their counts,
 * emit all (consecutive números), then print them as one PDF or one file per dependencia.
 */
import { Alert, Anchor, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconFiles, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Output } from '../../../../electron/contract';
import { ETIQUETAS_OFICIO, MATERIAS_RECORDATORIO } from '../../../../electron/contract/oficios';
import { api } from '../../api';
import { CampoFecha, Progreso, avisarError, avisarExito, fecha, fechaDeInstante, fechaLarga } from '../../ui';
import { Pestanas } from './comun';

type Vista = Output<'oficios.recordatorios.vistaPrevia'>;
type Materia = (typeof MATERIAS_RECORDATORIO)[number];

export function Recordatorios() {
  const [corte, setCorte] = useState<string | null>(fechaDeInstante(Date.now()));
  const [materia, setMateria] = useState<Materia>('turnos');
  const [conRiesgo, setConRiesgo] = useState(false);
  const [vista, setVista] = useState<Vista | null>(null);
  const [elegidas, setElegidas] = useState<Set<string>>(new Set());
  const [progreso, setProgreso] = useState<{ titulo: string; fraccion: number; texto: string } | null>(null);
  const [hechos, setHechos] = useState<Output<'oficios.recordatorios.generar'> | null>(null);
  const [archivos, setArchivos] = useState<{ archivoId: string; nombre: string }[]>([]);
  const ir = useNavigate();
  useEffect(() => api.alProgresar((p) => p.tarea.startsWith('recordatorios') && setProgreso((x) => x && { ...x, fraccion: p.fraccion, texto: p.texto })), []);

  const revisar = async () => {
    if (!corte) return;
    setHechos(null);
    setArchivos([]);
    try {
      const v = await api.llamar('oficios.recordatorios.vistaPrevia', { corte, materia, conRiesgo });
      setVista(v);
      setElegidas(new Set(v.filas.map((f) => f.dependenciaId)));
    } catch (e) {
      avisarError(e);
    }
  };
  const emitir = async () => {
    if (!corte || !vista) return;
    setProgreso({ titulo: 'Emitiendo recordatorios', fraccion: 0, texto: '' });
    try {
      const g = await api.llamar('oficios.recordatorios.generar', { corte, materia, conRiesgo, dependencias: [...elegidas], tarea: 'recordatorios.generar' });
      setHechos(g);
      avisarExito(`Se emitieron ${g.oficios.length} recordatorios.`);
    } catch (e) {
      avisarError(e, 'No se emitieron los recordatorios');
    } finally {
      setProgreso(null);
    }
  };
  const imprimir = async (modo: 'uno' | 'separados') => {
    if (!hechos) return;
    setProgreso({ titulo: modo === 'uno' ? 'Preparando un solo PDF' : 'Preparando un PDF por dependencia', fraccion: 0, texto: '' });
    try {
      const r = await api.llamar('oficios.pdf', { ids: hechos.oficios.map((o) => o.id), modo, tarea: 'recordatorios.pdf' });
      if (modo === 'uno') api.abrir(r.archivos[0].archivoId);
      else setArchivos(r.archivos);
    } catch (e) {
      avisarError(e);
    } finally {
      setProgreso(null);
    }
  };
  const todas = vista ? vista.filas.every((f) => elegidas.has(f.dependenciaId)) : false;
  return (
    <Stack>
      <Pestanas />
      <Title order={2}>Generar recordatorios</Title>
      <Paper withBorder p="md">
        <Group align="flex-end">
          <CampoFecha label="Fecha de corte" value={corte} onChange={setCorte} withAsterisk />
          <Stack gap={4}>
            <Text size="sm" fw={500}>Recordatorio de</Text>
            <SegmentedControl value={materia} onChange={(v) => setMateria(v as Materia)} data={MATERIAS_RECORDATORIO.map((m) => ({ value: m, label: ETIQUETAS_OFICIO.materia[m] }))} />
          </Stack>
          <Switch label="Incluir los que están en riesgo" checked={conRiesgo} onChange={(e) => setConRiesgo(e.currentTarget.checked)} mb={8} />
          <Button onClick={() => void revisar()} disabled={!corte}>Ver dependencias</Button>
        </Group>
      </Paper>
      {progreso && <Progreso titulo={progreso.titulo} fraccion={progreso.fraccion} texto={progreso.texto} />}
      {vista && vista.filas.length === 0 && corte && (
        <Alert color="green" title="Nada que recordar">
          No hay {materia === 'turnos' ? 'turnos vencidos' : materia === 'acuerdos' ? 'acuerdos vencidos' : 'compromisos vencidos'}{conRiesgo ? ' ni en riesgo' : ''} al {fechaLarga(corte)}: no se emitirá ningún oficio.
        </Alert>
      )}
      {vista && vista.filas.length > 0 && !hechos && (
        <Paper withBorder>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}><Checkbox aria-label="Todas" checked={todas} onChange={() => setElegidas(todas ? new Set() : new Set(vista.filas.map((f) => f.dependenciaId)))} /></Table.Th>
                <Table.Th>Dependencia</Table.Th>
                <Table.Th>Destinatario</Table.Th>
                <Table.Th ta="right">Vencidos</Table.Th>
                {conRiesgo && <Table.Th ta="right">En riesgo</Table.Th>}
                <Table.Th>Último recordatorio</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {vista.filas.map((f) => (
                <Table.Tr key={f.dependenciaId}>
                  <Table.Td>
                    <Checkbox
                      aria-label={f.dependencia}
                      checked={elegidas.has(f.dependenciaId)}
                      onChange={() => setElegidas((s) => { const n = new Set(s); if (n.has(f.dependenciaId)) n.delete(f.dependenciaId); else n.add(f.dependenciaId); return n; })}
                    />
                  </Table.Td>
                  <Table.Td>{f.dependencia}</Table.Td>
                  <Table.Td><Text size="sm">{f.destinatario.nombre}</Text><Text size="xs" c="dimmed">{f.destinatario.cargo}</Text></Table.Td>
                  <Table.Td ta="right" c="red.8" fw={600}>{f.vencidos}</Table.Td>
                  {conRiesgo && <Table.Td ta="right">{f.enRiesgo}</Table.Td>}
                  <Table.Td>{f.ultimoRecordatorio ? `${fecha(f.ultimoRecordatorio.fecha)} (${f.ultimoRecordatorio.numero})` : <Text span size="sm" c="dimmed">Nunca</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" p="sm">
            <Text size="sm" c="dimmed">{elegidas.size} de {vista.filas.length} dependencias · {vista.total} pendientes en total</Text>
            <Button leftSection={<IconSend size={16} />} disabled={elegidas.size === 0 || !!progreso} onClick={() => void emitir()}>
              Emitir {elegidas.size} {elegidas.size === 1 ? 'recordatorio' : 'recordatorios'}
            </Button>
          </Group>
        </Paper>
      )}
      {hechos && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={600}>Recordatorios emitidos</Text>
            <Table fz="sm">
              <Table.Tbody>
                {hechos.oficios.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td><Anchor size="sm" onClick={() => ir(`/oficios/${o.id}`)}>{o.numero}</Anchor></Table.Td>
                    <Table.Td>{o.dependencia}</Table.Td>
                    <Table.Td>{o.destinatario}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button leftSection={<IconFileTypePdf size={16} />} onClick={() => void imprimir('uno')}>Imprimir todos (un PDF)</Button>
              <Button variant="default" leftSection={<IconFiles size={16} />} onClick={() => void imprimir('separados')}>Un PDF por dependencia</Button>
            </Group>
            {archivos.map((a) => (
              <Anchor key={a.archivoId} size="sm" onClick={() => void api.descargar(a.archivoId, a.nombre)}>{a.nombre}</Anchor>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
