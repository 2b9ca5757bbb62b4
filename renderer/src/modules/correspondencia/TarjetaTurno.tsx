/** Correspondencia › one turno as a card: both semáforos, respuestas, prórrogas and the actions the role allows. */
import { Anchor, Badge, Button, Card, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconArrowsExchange, IconCalendarPlus, IconEdit, IconFile, IconRefresh } from '@tabler/icons-react';
import { api } from '../../api';
import { Semaforo, avisarError, avisarExito, fecha, fechaHora, pedirMotivo } from '../../ui';
import type { Asunto, Turno } from './comun';

export function TarjetaTurno({ t, asunto, puede, alActualizar, alProrrogar, alCambiar, alDevolver, alReasignar }: {
  t: Turno;
  asunto: Asunto;
  puede: boolean;
  alActualizar: () => void;
  alProrrogar: () => void;
  alCambiar: (a: Asunto) => void;
  alDevolver: () => void;
  alReasignar: () => void;
}) {
  const abierto = t.estatus === 'pendiente' || t.estatus === 'en_proceso';
  const reabrir = async () => {
    const motivo = await pedirMotivo({ titulo: 'Reabrir turno', registro: `Asunto ${asunto.folio} · turno a ${t.dependencia}`, confirmar: 'Reabrir' });
    if (!motivo) return;
    try {
      alCambiar(await api.llamar('correspondencia.turnos.reabrir', { id: t.id, version: t.version, motivo }));
      avisarExito('Turno reabierto.');
    } catch (e) {
      avisarError(e);
    }
  };
  return (
    <Card withBorder padding="sm" radius="md" data-testid={`turno-${t.dependenciaSiglas || t.dependencia}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={600}>{t.dependencia}</Text>
          <Text size="xs" c="dimmed">{t.instruccion} · turnado el {fecha(t.fechaTurno)}</Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Semaforo color={t.semaforoEstatus.color} texto={t.semaforoEstatus.etiqueta} motivo={t.semaforoEstatus.motivo} />
          <Semaforo color={t.semaforoPlazo.color} texto={t.semaforoPlazo.etiqueta} motivo={t.semaforoPlazo.motivo} mostrarMotivo="debajo" />
        </Stack>
      </Group>
      <Group gap="lg" mt={6}>
        <Text size="sm">Plazo: <b>{t.fechaLimite ? fecha(t.fechaLimite) : 'sin plazo'}</b></Text>
        {t.prorrogas > 0 && <Badge variant="light" color="orange">Prorrogado (original {fecha(t.plazoOriginal)})</Badge>}
        {t.reaperturas > 0 && <Badge variant="light" color="grape">Reabierto</Badge>}
        {t.reasignadoDe && <Badge variant="light" color="blue">Reasignado (devuelto por {t.reasignadoDe.dependencia})</Badge>}
      </Group>
      {t.devolucion && (
        <Paper bg="orange.0" p="xs" mt="xs">
          <Text size="sm">Devuelto el {fecha(t.devolucion.fecha)}: {t.devolucion.motivo}</Text>
          <Text size="xs" c="dimmed">{t.reasignadoA ? `Reasignado a ${t.reasignadoA.dependencia}.` : 'Pendiente de reasignar a otra dependencia.'}</Text>
        </Paper>
      )}
      {t.respuestas.map((r) => (
        <Paper key={r.id} bg="gray.0" p="xs" mt="xs">
          <Text size="sm">
            Respuesta {r.numeroOficio && <b>oficio {r.numeroOficio}</b>} del {fecha(r.fecha)}
            {r.usuario ? ` · registró ${r.usuario}` : ''}
          </Text>
          {r.resumen && <Text size="sm" c="dimmed">{r.resumen}</Text>}
          {r.archivo && (
            <Anchor size="sm" onClick={() => void api.llamar('correspondencia.anexos.abrir', { asuntoId: asunto.id, sha256: r.archivo!.sha256 }).then((x) => api.abrir(x.archivoId), avisarError)}>
              <IconFile size={12} /> {r.archivo.nombre}
            </Anchor>
          )}
        </Paper>
      ))}
      {t.historial.map((h, i) => (
        <Text key={i} size="xs" c="dimmed" mt={4}>
          {h.tipo === 'prorroga' ? `Prórroga ${fecha(h.plazoAnterior)} → ${fecha(h.plazoNuevo)}` : 'Reapertura'} · {fechaHora(h.momento)} · {h.usuario ?? ''}: {h.motivo}
        </Text>
      ))}
      {puede && !asunto.anulado && (
        <Group gap="xs" mt="sm">
          {abierto && (
            <Button size="xs" variant="light" onClick={alActualizar} leftSection={<IconEdit size={14} />}>
              Actualizar
            </Button>
          )}
          {abierto && (
            <Button size="xs" variant="default" color="orange" onClick={alDevolver} leftSection={<IconArrowBackUp size={14} />}>
              Devolución
            </Button>
          )}
          {t.estatus === 'devuelto' && !t.reasignadoA && (
            <Button size="xs" variant="light" onClick={alReasignar} leftSection={<IconArrowsExchange size={14} />}>
              Reasignar
            </Button>
          )}
          {abierto && t.requiereAtencion && (
            <Button size="xs" variant="default" onClick={alProrrogar} leftSection={<IconCalendarPlus size={14} />}>
              Prórroga
            </Button>
          )}
          {t.estatus === 'atendido' && (
            <Button size="xs" variant="default" onClick={() => void reabrir()} leftSection={<IconRefresh size={14} />}>
              Reabrir
            </Button>
          )}
        </Group>
      )}
    </Card>
  );
}
