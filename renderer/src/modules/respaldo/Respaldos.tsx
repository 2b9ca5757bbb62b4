/**
 * Ajustes › Respaldos: destination and daily hour, Respaldar ahora with progress, the list of backups
 * (date, size, counts, verified), Verificar, and Restaurar: see what it holds → type its name → the
 * data is replaced and everyone signs in again.
 */
import { Alert, Badge, Button, Card, Group, Modal, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseExport, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import type { Output } from '../../../../electron/contract';
import { Progreso, avisarError, avisarExito, fechaHora, numero } from '../../ui';

type Estado = Output<'respaldo.estado'>;
type Resumen = Estado['respaldos'][number];
type Examen = Output<'respaldo.examinar'>;

const MOTIVO: Record<string, string> = {
  manual: 'Manual',
  automatico: 'Automático',
  'linea-de-comandos': 'Línea de comandos',
  'antes-de-restaurar': 'Antes de restaurar',
};

const mb = (bytes: number) => `${numero(bytes / 1024 / 1024, 1)} MB`;

/** Follows one job's progress events while `tarea` is set. */
function useProgreso(tarea: string | null) {
  const [p, setP] = useState<{ fraccion: number; texto: string } | null>(null);
  useEffect(() => {
    setP(null);
    if (!tarea) return;
    return api.alProgresar((x) => x.tarea === tarea && setP({ fraccion: x.fraccion, texto: x.texto }));
  }, [tarea]);
  return p;
}

function AjustesDestino({ estado, alGuardar }: { estado: Estado; alGuardar: (e: Estado) => void }) {
  const a = estado.ajustes;
  const [destino, setDestino] = useState(a.destino ?? '');
  const [hora, setHora] = useState(a.hora);
  const [rot, setRot] = useState({ diarios: a.diarios, semanales: a.semanales, mensuales: a.mensuales });
  const guardar = async () => {
    try {
      alGuardar(await api.llamar('respaldo.guardarAjustes', { destino: destino.trim() || null, hora, ...rot, version: a.version }));
      avisarExito('Ajustes de respaldos guardados.');
    } catch (e) {
      avisarError(e);
    }
  };
  const num = (k: keyof typeof rot, label: string) => (
    <NumberInput label={label} value={rot[k]} min={0} max={120} allowDecimal={false} onChange={(v) => setRot({ ...rot, [k]: Number(v) || 0 })} />
  );
  return (
    <Stack gap="sm">
      <Title order={5}>Destino y horario</Title>
      <TextInput
        label="Carpeta de destino"
        description="Otro disco, una memoria USB o una carpeta de red. Vacío: la carpeta «respaldos» junto a los datos (mismo disco)."
        placeholder="E:\Respaldos"
        value={destino}
        onChange={(e) => setDestino(e.currentTarget.value)}
      />
      <SimpleGrid cols={4}>
        <TextInput label="Respaldo diario a las" description="HH:MM" value={hora} onChange={(e) => setHora(e.currentTarget.value)} />
        {num('diarios', 'Conservar diarios')}
        {num('semanales', 'Conservar semanales')}
        {num('mensuales', 'Conservar mensuales')}
      </SimpleGrid>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">Respaldos en: {estado.destinoEfectivo}</Text>
        <Button variant="default" onClick={() => void guardar()}>Guardar</Button>
      </Group>
    </Stack>
  );
}

function Contenido({ r }: { r: Resumen }) {
  const c = r.conteos;
  return (
    <Table withTableBorder variant="vertical" fz="sm" layout="fixed">
      <Table.Tbody>
        <Table.Tr><Table.Th w={220}>Fecha del respaldo</Table.Th><Table.Td>{fechaHora(r.creado)} ({MOTIVO[r.motivo] ?? r.motivo}, equipo «{r.equipo}»)</Table.Td></Table.Tr>
        <Table.Tr><Table.Th>Versión del sistema</Table.Th><Table.Td>{r.version} · esquema {r.migracion ?? '—'}</Table.Td></Table.Tr>
        <Table.Tr><Table.Th>Asuntos</Table.Th><Table.Td>{numero(c.asuntos ?? 0, 0)}</Table.Td></Table.Tr>
        <Table.Tr><Table.Th>Reuniones · acuerdos</Table.Th><Table.Td>{numero(c.gab_reuniones ?? 0, 0)} · {numero(c.gab_acuerdos ?? 0, 0)}</Table.Td></Table.Tr>
        <Table.Tr><Table.Th>Compromisos · metas del POA</Table.Th><Table.Td>{numero(c.compromisos ?? 0, 0)} · {numero(c.poa_metas ?? 0, 0)}</Table.Td></Table.Tr>
        <Table.Tr><Table.Th>Usuarios · anexos</Table.Th><Table.Td>{numero(c.usuarios ?? 0, 0)} · {numero(r.anexos, 0)} ({mb(r.tamano)} en total)</Table.Td></Table.Tr>
        <Table.Tr><Table.Th>Bitácora</Table.Th><Table.Td>{numero(c.bitacora ?? 0, 0)} entradas {r.bitacoraIntegra ? '(íntegra)' : '(con alteraciones)'}</Table.Td></Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** Restaurar: what the backup holds, then its name typed to confirm. */
function DialogoRestaurar({ ruta, alCerrar }: { ruta: string; alCerrar: () => void }) {
  const [examen, setExamen] = useState<Examen | null>(null);
  const [confirmacion, setConfirmacion] = useState('');
  const [tarea, setTarea] = useState<string | null>(null);
  const progreso = useProgreso(tarea);
  const [hecho, setHecho] = useState<Output<'respaldo.restaurar'> | null>(null);
  useEffect(() => {
    api.llamar('respaldo.examinar', { ruta }).then(setExamen, (e) => {
      avisarError(e);
      alCerrar();
    });
  }, [ruta, alCerrar]);
  const nombre = examen?.respaldo?.nombre ?? '';
  const restaurar = async () => {
    const t = `restaurar-${Date.now()}`;
    setTarea(t);
    try {
      setHecho(await api.llamar('respaldo.restaurar', { ruta, confirmacion, tarea: t }));
    } catch (e) {
      avisarError(e, 'No se restauró');
      setTarea(null);
    }
  };
  const volverAEntrar = () => {
    api.sesion = null;
    window.location.reload();
  };

  return (
    <Modal opened onClose={tarea ? () => {} : alCerrar} title={hecho ? 'Datos restaurados' : `Restaurar ${nombre}`} size="lg" withCloseButton={!tarea}>
      {!examen ? (
        <Text size="sm">Verificando el respaldo…</Text>
      ) : hecho ? (
        <Stack>
          <Alert color="green" icon={<IconShieldCheck />}>
            Se restauró el respaldo del {fechaHora(hecho.restaurado.creado)}. La bitácora {hecho.bitacoraIntegra ? 'verificó correctamente' : 'NO verificó: revísela en Ajustes › Bitácora'}.
            {hecho.seguridad && <Text size="sm" mt={4}>Los datos que había antes quedaron en {hecho.seguridad}.</Text>}
          </Alert>
          <Text size="sm">Todas las sesiones se cerraron. Inicie sesión de nuevo con una cuenta de los datos restaurados.</Text>
          <Group justify="flex-end"><Button onClick={volverAEntrar}>Iniciar sesión</Button></Group>
        </Stack>
      ) : (
        <Stack>
          {examen.respaldo && <Contenido r={examen.respaldo} />}
          {!examen.restaurable ? (
            <Alert color="red" icon={<IconAlertTriangle />} title="Este respaldo no se puede restaurar">{examen.motivo}</Alert>
          ) : tarea ? (
            <Progreso titulo="Restaurando" texto={progreso?.texto ?? 'Preparando…'} fraccion={progreso?.fraccion ?? null} />
          ) : (
            <>
              <Alert color="orange" icon={<IconAlertTriangle />}>
                Todos los datos actuales se reemplazarán por los de este respaldo y todas las personas tendrán que volver a iniciar sesión.
                Antes se guarda un respaldo de seguridad de los datos actuales.
              </Alert>
              <TextInput
                label={<>Para confirmar, escriba el nombre del respaldo: <b>{nombre}</b></>}
                value={confirmacion}
                onChange={(e) => setConfirmacion(e.currentTarget.value)}
                data-autofocus
              />
            </>
          )}
          {!tarea && (
            <Group justify="flex-end">
              <Button variant="default" onClick={alCerrar}>Cancelar</Button>
              {examen.restaurable && (
                <Button color="red.8" leftSection={<IconRestore size={16} />} disabled={confirmacion.trim() !== nombre} onClick={() => void restaurar()}>
                  Restaurar este respaldo
                </Button>
              )}
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  );
}

export function Respaldos() {
  const [estado, setEstado] = useState<Estado | null>(null);
  const [tarea, setTarea] = useState<string | null>(null);
  const progreso = useProgreso(tarea);
  const [verificando, setVerificando] = useState<string | null>(null);
  const [restaurar, setRestaurar] = useState<string | null>(null);
  const [otra, setOtra] = useState('');
  const cargar = useCallback(() => api.llamar('respaldo.estado', {}).then(setEstado, avisarError), []);
  useEffect(() => void cargar(), [cargar]);
  const cerrarDialogo = useCallback(() => setRestaurar(null), []);
  if (!estado) return null;

  const respaldarAhora = async () => {
    const t = `respaldo-${Date.now()}`;
    setTarea(t);
    try {
      const r = await api.llamar('respaldo.respaldar', { tarea: t });
      avisarExito(`Respaldo verificado: ${numero(r.conteos.asuntos ?? 0, 0)} asuntos y ${numero(r.anexos, 0)} anexos (${mb(r.tamano)}).`);
    } catch (e) {
      avisarError(e, 'No se hizo el respaldo');
    } finally {
      setTarea(null);
      void cargar();
    }
  };
  const verificar = async (r: Resumen) => {
    setVerificando(r.ruta);
    try {
      const v = await api.llamar('respaldo.verificar', { ruta: r.ruta });
      if (v.valido) avisarExito(`El respaldo del ${fechaHora(r.creado)} está completo e íntegro.`);
      else avisarError(new Error(v.problemas.join(' ')), 'El respaldo no pasó la verificación');
    } catch (e) {
      avisarError(e);
    } finally {
      setVerificando(null);
      void cargar();
    }
  };

  return (
    <Stack gap="md">
      {estado.aviso && <Alert color="orange" icon={<IconAlertTriangle />}>{estado.aviso}</Alert>}
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        <Card withBorder style={{ gridColumn: 'span 2' }}>
          <AjustesDestino key={estado.ajustes.version} estado={estado} alGuardar={setEstado} />
        </Card>
        <Card withBorder>
          <Stack gap="sm">
            <Title order={5}>Respaldar ahora</Title>
            <Text size="sm" c="dimmed">Copia la base de datos y los anexos mientras todos siguen trabajando, y la verifica.</Text>
            {tarea ? (
              <Progreso titulo="Respaldando" texto={progreso?.texto ?? 'Preparando…'} fraccion={progreso?.fraccion ?? null} />
            ) : (
              <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => void respaldarAhora()}>Respaldar ahora</Button>
            )}
            <Text size="sm">Último respaldo verificado: {estado.ultimo ? fechaHora(estado.ultimo) : 'ninguno'}</Text>
          </Stack>
        </Card>
      </SimpleGrid>

      <Card withBorder>
        <Stack gap="sm">
          <Title order={5}>Respaldos en el destino</Title>
          {estado.respaldos.length === 0 ? (
            <Text size="sm" c="dimmed">Todavía no hay respaldos en {estado.destinoEfectivo}.</Text>
          ) : (
            <Table striped highlightOnHover fz="sm" aria-label="Respaldos">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Fecha</Table.Th><Table.Th>Tipo</Table.Th><Table.Th ta="right">Tamaño</Table.Th><Table.Th ta="right">Asuntos</Table.Th>
                  <Table.Th ta="right">Anexos</Table.Th><Table.Th>Versión</Table.Th><Table.Th>Verificación</Table.Th><Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {estado.respaldos.map((r) => (
                  <Table.Tr key={r.nombre} data-respaldo={r.nombre}>
                    <Table.Td>{fechaHora(r.creado)}</Table.Td>
                    <Table.Td>{MOTIVO[r.motivo] ?? r.motivo}</Table.Td>
                    <Table.Td ta="right">{mb(r.tamano)}</Table.Td>
                    <Table.Td ta="right">{numero(r.conteos.asuntos ?? 0, 0)}</Table.Td>
                    <Table.Td ta="right">{numero(r.anexos, 0)}</Table.Td>
                    <Table.Td>{r.version}</Table.Td>
                    <Table.Td>
                      {r.verificado ? (
                        <Badge color="green" variant="light">Íntegro · {fechaHora(r.verificadoEn)}</Badge>
                      ) : (
                        <Badge color="red" variant="light" title={r.problemas.join(' ')}>Con problemas</Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Button size="compact-sm" variant="default" loading={verificando === r.ruta} onClick={() => void verificar(r)}>Verificar</Button>
                        <Button size="compact-sm" variant="light" color="red" onClick={() => setRestaurar(r.ruta)}>Restaurar</Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group align="flex-end" gap="xs">
            <TextInput
              style={{ flex: 1 }}
              label="Restaurar un respaldo de otra carpeta (por ejemplo, traído de otra computadora)"
              placeholder="E:\Respaldos\respaldo-20261120-040000"
              value={otra}
              onChange={(e) => setOtra(e.currentTarget.value)}
            />
            <Button variant="default" disabled={!otra.trim()} onClick={() => setRestaurar(otra.trim())}>Examinar…</Button>
          </Group>
        </Stack>
      </Card>
      {restaurar && <DialogoRestaurar ruta={restaurar} alCerrar={cerrarDialogo} />}
    </Stack>
  );
}
