/** Ajustes › Este equipo: how this PC works (desktop app) and how to change it; in a browser, which server it uses. */
import { useEffect, useState } from 'react';
import { Alert, Button, Code, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { api } from '../../api';
import type { InfoModo } from '../../../../electron/shell/puente';
import { AvisoCertificado, EleccionDeModo, NOMBRE_MODO } from '../../app/Modo';

function Detalle({ info }: { info: InfoModo }) {
  const filas: Array<[string, React.ReactNode]> = [['Modo', <b key="m">{info.modo ? NOMBRE_MODO[info.modo] : 'Sin elegir'}</b>]];
  if (info.servidor) {
    filas.push(['Dirección para las estaciones', <Code key="d">{info.servidor.direccion}</Code>]);
    filas.push(['Huella SHA-256 del certificado', <Code key="h" style={{ wordBreak: 'break-all' }}>{info.servidor.huella}</Code>]);
  }
  if (info.estacion && info.modo === 'estacion') {
    filas.push(['Servidor', <Code key="s">{info.estacion.url}</Code>]);
    filas.push(['Huella aceptada', <Code key="h" style={{ wordBreak: 'break-all' }}>{info.estacion.huella}</Code>]);
  }
  return (
    <Table withTableBorder verticalSpacing="xs" maw={820}>
      <Table.Tbody>
        {filas.map(([k, v]) => (
          <Table.Tr key={k}><Table.Th w={260}>{k}</Table.Th><Table.Td>{v}</Table.Td></Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function EsteEquipo() {
  const [info, setInfo] = useState<InfoModo | null | undefined>(undefined);
  const [cambiando, setCambiando] = useState(false);
  useEffect(() => void api.infoModo().then(setInfo), []);

  if (!api.modo) {
    return (
      <Alert color="blue" icon={<IconInfoCircle />} title="Modo de trabajo" maw={720}>
        Esta ventana es un navegador conectado a <b>{api.servidor}</b>. El modo de cada PC (Esta computadora, Servidor de
        la oficina o Estación de trabajo) se elige en la aplicación de escritorio, en Ajustes › Este equipo.
      </Alert>
    );
  }
  if (info === undefined) return <Loader size="sm" aria-label="Cargando" />;
  if (!info) return null;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={820}>
        Se guarda en esta PC (no en la base de la oficina). Cambiarlo reinicia la conexión y pide iniciar sesión de nuevo.
      </Text>
      {info.problema && <AvisoCertificado problema={info.problema} />}
      <Detalle info={info} />
      {cambiando ? (
        <Paper withBorder p="md" maw={820}>
          <Title order={4} mb="sm">Cambiar el modo de este equipo</Title>
          <EleccionDeModo info={info} alCancelar={() => setCambiando(false)} />
        </Paper>
      ) : (
        <Group><Button variant="default" onClick={() => setCambiando(true)}>Cambiar el modo…</Button></Group>
      )}
    </Stack>
  );
}
