import { Badge, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';

export interface EnConstruccionProps {
  /** Module name: "Correspondencia". */
  modulo: string;
  /** What the module will do, in one or two sentences. */
  descripcion?: string;
}

/** An honest placeholder for a module that does not exist yet: no sample data, no fake buttons. */
export function EnConstruccion({ modulo, descripcion }: EnConstruccionProps) {
  return (
    <Stack p="xl" gap="lg" maw={760}>
      <Title order={2} fw={600}>
        {modulo}
      </Title>
      <Paper withBorder radius="md" p="xl">
        <Stack gap="md" align="flex-start">
          <ThemeIcon size={44} radius="xl" variant="light" color="gray" aria-hidden="true">
            <IconTools size={24} stroke={1.6} />
          </ThemeIcon>
          <div>
            <Badge color="gray" variant="light" radius="sm" mb={8}>
              En construcción
            </Badge>
            <Title order={3} size="h4" fw={600}>
              Módulo en construcción
            </Title>
          </div>
          <Text>
            El módulo <strong>{modulo}</strong> todavía no está disponible en esta versión del sistema. Aquí no se
            muestra ni se guarda ningún dato.
          </Text>
          {descripcion && (
            <div>
              <Text fw={600} size="sm" mb={4}>
                Cuando esté listo podrá:
              </Text>
              <Text c="gray.7">{descripcion}</Text>
            </div>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
