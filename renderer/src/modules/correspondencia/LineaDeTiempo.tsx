/** Correspondencia › the asunto's timeline: every registro, turno, respuesta and edit, newest last. */
import { Paper, Text, Timeline, Title } from '@mantine/core';
import { fecha, fechaHora } from '../../ui';
import type { Asunto } from './comun';

export function LineaDeTiempo({ eventos }: { eventos: Asunto['eventos'] }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">Línea de tiempo</Title>
      <Timeline bulletSize={14} lineWidth={2}>
        {eventos.map((e) => (
          <Timeline.Item key={e.id} title={e.descripcion}>
            {e.ocurrio ? (
              <Text size="xs" c="dimmed">
                Ocurrió el {fecha(e.ocurrio)} · capturado {fechaHora(e.momento)} · {e.usuario ?? 'Sistema'}
              </Text>
            ) : (
              <Text size="xs" c="dimmed">{fechaHora(e.momento)} · {e.usuario ?? 'Sistema'}</Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
