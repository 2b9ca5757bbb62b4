/**
 * How this PC works (desktop app): Esta computadora, Servidor de la oficina or Estación de trabajo.
 * Asked on first run (embedded preselected), shown and changed in Ajustes › Este equipo. A station confirms
 * the server's fingerprint before the pin is stored; a server that shows another certificate is refused
 * and pairing again needs an administrator of that server. In a browser none of this applies.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Center, Checkbox, Code, Group, Loader, NumberInput, Paper, PasswordInput, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { api } from '../api';
import type { InfoModo, Modo } from '../../../electron/shell/puente';

export const NOMBRE_MODO: Record<Modo, string> = {
  local: 'Esta computadora',
  servidor: 'Servidor de la oficina',
  estacion: 'Estación de trabajo',
};

const DESCRIPCION: Record<Modo, string> = {
  local: 'Los datos se guardan en esta PC y solo aquí se trabaja. Para una sola persona o para probar.',
  servidor: 'Esta PC guarda los datos de la oficina y atiende a las demás por la red (HTTPS). Debe quedar encendida.',
  estacion: 'Esta PC trabaja con los datos del servidor de la oficina. No guarda datos propios.',
};

export function EleccionDeModo({ info, alCancelar }: { info: InfoModo; alCancelar?: () => void }) {
  const [modo, setModo] = useState<Modo>(info.problema ? 'estacion' : (info.modo ?? 'local'));
  const [puerto, setPuerto] = useState<number>(info.servidor?.puerto ?? 8443);
  const [url, setUrl] = useState(info.estacion?.url ?? '');
  const [huella, setHuella] = useState<string | null>(null);
  const [confirmada, setConfirmada] = useState(false);
  const [admin, setAdmin] = useState({ usuario: '', contrasena: '' });
  const [error, setError] = useState<string | null>(null);
  const [ocupado, setOcupado] = useState(false);
  // Pairing with a fingerprint other than the pinned one is re-pairing: an administrator of the server signs.
  const revincular = modo === 'estacion' && !!huella && !!info.estacion && info.estacion.huella !== huella;

  const conectar = async () => {
    setError(null);
    setHuella(null);
    setConfirmada(false);
    setOcupado(true);
    const r = await api.modo!.huella(url);
    setOcupado(false);
    if (r.ok) {
      setUrl(r.url);
      setHuella(r.huella);
    } else setError(r.motivo);
  };

  const guardar = async () => {
    setError(null);
    setOcupado(true);
    const r = await api.modo!.elegir({
      modo,
      ...(modo === 'servidor' ? { puerto } : {}),
      ...(modo === 'estacion' ? { url, huella: huella ?? '', ...(revincular ? { administrador: admin } : {}) } : {}),
    });
    if (!r.ok) {
      setOcupado(false);
      return setError(r.motivo);
    }
    // A new connection: whoever was signed in signs in again.
    api.sesion = null;
    window.location.reload();
  };

  const listo = modo !== 'estacion' || (!!huella && confirmada && (!revincular || (admin.usuario !== '' && admin.contrasena !== '')));
  return (
    <form aria-label="Modo de trabajo de este equipo" onSubmit={(e) => { e.preventDefault(); if (listo) void guardar(); }}>
      <Stack>
        <Radio.Group value={modo} onChange={(v) => { setModo(v as Modo); setError(null); }} label="¿Cómo trabajará este equipo?">
          <Stack gap="sm" mt="xs">
            {(['local', 'servidor', 'estacion'] as const).map((m) => (
              <Radio key={m} value={m} label={NOMBRE_MODO[m]} description={DESCRIPCION[m]} />
            ))}
          </Stack>
        </Radio.Group>

        {modo === 'servidor' && (
          <NumberInput label="Puerto" description="Las estaciones se conectan a https://<esta PC>:<puerto>/. Abra ese puerto en el firewall." min={1} max={65535}
            value={puerto} onChange={(v) => setPuerto(typeof v === 'number' ? v : 8443)} w={260} />
        )}

        {modo === 'estacion' && (
          <Stack gap="xs">
            <Group align="end" wrap="nowrap">
              <TextInput label="Dirección del servidor" placeholder="https://192.168.1.20:8443/" value={url} style={{ flex: 1 }}
                onChange={(e) => { setUrl(e.currentTarget.value); setHuella(null); setConfirmada(false); }} />
              <Button variant="default" onClick={() => void conectar()} loading={ocupado && !huella} disabled={url.trim() === ''}>Conectar</Button>
            </Group>
            {huella && (
              <Paper withBorder p="sm" bg="gray.0">
                <Stack gap={6}>
                  <Text size="sm"><IconShieldCheck size={16} style={{ verticalAlign: 'text-bottom' }} /> Huella SHA-256 que presenta el servidor:</Text>
                  <Code block style={{ wordBreak: 'break-all', whiteSpace: 'normal' }} data-huella>{huella}</Code>
                  <Text size="xs" c="dimmed">Compárela con la que muestra el servidor (última línea de «npm run servidor» o Ajustes › Este equipo en el servidor). Si no coincide, no continúe: avise al administrador.</Text>
                  <Checkbox label="La huella coincide con la del servidor" checked={confirmada} onChange={(e) => setConfirmada(e.currentTarget.checked)} />
                </Stack>
              </Paper>
            )}
            {revincular && (
              <Alert color="orange" icon={<IconAlertTriangle />} title="El certificado del servidor es distinto al que este equipo aceptó">
                <Stack gap="xs">
                  <Text size="sm">Volver a vincular es una acción de administrador: escriba el usuario y la contraseña de un administrador de ese servidor.</Text>
                  <Group grow>
                    <TextInput label="Usuario administrador" autoComplete="off" value={admin.usuario} onChange={(e) => setAdmin({ ...admin, usuario: e.currentTarget.value })} />
                    <PasswordInput label="Contraseña" autoComplete="off" value={admin.contrasena} onChange={(e) => setAdmin({ ...admin, contrasena: e.currentTarget.value })} />
                  </Group>
                </Stack>
              </Alert>
            )}
          </Stack>
        )}

        {error && <Alert color="red" icon={<IconAlertTriangle />} role="alert">{error}</Alert>}
        <Group justify="flex-end">
          {alCancelar && <Button variant="subtle" onClick={alCancelar}>Cancelar</Button>}
          <Button type="submit" disabled={!listo} loading={ocupado && (modo !== 'estacion' || !!huella)}>
            {info.modo ? 'Guardar y reconectar' : 'Continuar'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Pantalla({ children }: { children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.1" p="md">
      <Paper shadow="sm" radius="md" p="xl" w={620} withBorder>
        <Stack gap="lg">
          <Title order={2}>Sistema de Seguimiento del Ejecutivo</Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

/** The warning for a server whose certificate changed, naming both fingerprints. */
export function AvisoCertificado({ problema }: { problema: NonNullable<InfoModo['problema']> }) {
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title="El servidor presentó otro certificado: no se envió nada" role="alert">
      <Stack gap={4}>
        <Text size="sm">Puede ser un servidor reinstalado o un equipo que se hace pasar por él.</Text>
        <Text size="sm">Huella aceptada: <Code style={{ wordBreak: 'break-all' }}>{problema.esperada}</Code></Text>
        <Text size="sm">Huella presentada: <Code style={{ wordBreak: 'break-all' }}>{problema.recibida}</Code></Text>
        <Text size="sm">Si el cambio es legítimo, un administrador debe volver a vincular esta estación abajo.</Text>
      </Stack>
    </Alert>
  );
}

/** Before anything else in the desktop app: the mode question on first run, the certificate warning when it changed. */
export function PuertaModo({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<InfoModo | null | undefined>(api.modo ? undefined : null);
  useEffect(() => {
    if (api.modo) void api.infoModo().then(setInfo);
  }, []);
  if (info === undefined) return <Center mih="100vh"><Loader aria-label="Cargando" /></Center>;
  if (info && info.modo === null) {
    return (
      <Pantalla>
        <Text size="sm">Primer uso de esta computadora. Puede cambiarlo después en Ajustes › Este equipo.</Text>
        <EleccionDeModo info={info} />
      </Pantalla>
    );
  }
  if (info?.problema) {
    return (
      <Pantalla>
        <AvisoCertificado problema={info.problema} />
        <EleccionDeModo info={info} />
      </Pantalla>
    );
  }
  return <>{children}</>;
}
