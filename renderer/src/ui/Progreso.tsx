import { Button, Group, Paper, Progress, Text } from '@mantine/core';
import { porcentaje } from './formato';

export interface ProgresoProps {
  /** What the job is: "Exportando a Excel". */
  titulo: string;
  /** What it is doing right now: "Escribiendo 4,000 de 10,000 filas…". */
  texto?: string;
  /** 0..1, or `null` while the total is not known yet (animated bar). */
  fraccion: number | null;
  /** Shows a "Cancelar" button. */
  onCancelar?: () => void;
  /** The cancellation was requested and the job is winding down. */
  cancelando?: boolean;
}

/** A small panel with a progress bar for long jobs (export, import, backup, informe). */
export function Progreso({ titulo, texto, fraccion, onCancelar, cancelando = false }: ProgresoProps) {
  const valor = fraccion === null ? 100 : Math.round(Math.min(1, Math.max(0, fraccion)) * 1000) / 10;
  return (
    <Paper withBorder shadow="xs" p="sm" radius="md" className="sse-progreso" aria-busy="true">
      <Group justify="space-between" wrap="nowrap" gap="sm" mb={6}>
        <Text fw={600} size="sm" truncate>
          {titulo}
        </Text>
        {fraccion !== null && (
          <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', flex: 'none' }}>
            {porcentaje(valor, 0)}
          </Text>
        )}
      </Group>
      <Progress
        value={valor}
        animated={fraccion === null}
        striped={fraccion === null}
        size="md"
        radius="xl"
        aria-label={titulo}
        transitionDuration={200}
      />
      <Group justify="space-between" wrap="nowrap" gap="sm" mt={6} mih={28}>
        <Text size="sm" c="dimmed" aria-live="polite" style={{ minWidth: 0 }} truncate>
          {cancelando ? 'Cancelando…' : (texto ?? '')}
        </Text>
        {onCancelar && (
          <Button variant="default" size="compact-sm" onClick={onCancelar} disabled={cancelando}>
            Cancelar
          </Button>
        )}
      </Group>
    </Paper>
  );
}
