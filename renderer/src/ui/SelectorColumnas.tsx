import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { IconColumns3 } from '@tabler/icons-react';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import type { ColumnaTabla } from './tablaColumnas';

/** The DataTable's "Columnas" menu; the last visible column cannot be hidden. */
export function SelectorColumnas<T>({
  columnas,
  visibilidad,
  onCambiar,
  onRestablecer,
}: {
  columnas: readonly ColumnaTabla<T>[];
  visibilidad: ColumnVisibilityState;
  onCambiar: (id: string, visible: boolean) => void;
  onRestablecer: () => void;
}) {
  const visiblesCount = columnas.filter((c) => visibilidad[c.id] !== false).length;
  return (
    <Popover position="bottom-end" shadow="md" width={250} trapFocus withArrow>
      <Popover.Target>
        <Button variant="default" size="sm" leftSection={<IconColumns3 size={17} stroke={1.7} />}>
          Columnas
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={8}>
          Columnas visibles
        </Text>
        <Stack gap={8} role="group" aria-label="Columnas visibles">
          {columnas.map((c) => {
            const visible = visibilidad[c.id] !== false;
            return (
              <Checkbox
                key={c.id}
                size="sm"
                label={c.titulo}
                checked={visible}
                disabled={c.ocultable === false || (visible && visiblesCount === 1)}
                onChange={(e) => onCambiar(c.id, e.currentTarget.checked)}
              />
            );
          })}
        </Stack>
        <Button variant="subtle" size="compact-sm" color="gray" mt="sm" onClick={onRestablecer}>
          Restablecer
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
