import { ActionIcon, Button, Popover, Radio, Stack, TextInput } from '@mantine/core';
import { IconFilter, IconFilterFilled } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ColumnaTabla, OpcionFiltro } from './tablaColumnas';

/** The filter button in a DataTable column header: free text, or one of the column's options. */
export function FiltroColumna<T>({
  columna,
  valor,
  onCambiar,
}: {
  columna: ColumnaTabla<T>;
  valor: string;
  onCambiar: (v: string) => void;
}) {
  const [abierto, setAbierto] = useState(false);
  const [borrador, setBorrador] = useState(valor);
  useEffect(() => setBorrador(valor), [valor]);
  const activo = valor !== '';
  const Icono = activo ? IconFilterFilled : IconFilter;

  return (
    <Popover opened={abierto} onChange={setAbierto} position="bottom-start" shadow="md" width={260} trapFocus withArrow>
      <Popover.Target>
        <ActionIcon
          variant={activo ? 'light' : 'subtle'}
          color={activo ? undefined : 'gray'}
          size="sm"
          aria-label={`Filtrar por ${columna.titulo}${activo ? ' (filtro aplicado)' : ''}`}
          onClick={() => setAbierto((o) => !o)}
          style={{ flex: 'none' }}
        >
          <Icono size={13} stroke={1.8} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onCambiar(borrador.trim());
            setAbierto(false);
          }}
        >
          <Stack gap="xs">
            {columna.filtro === 'texto' ? (
              <TextInput
                label={`${columna.titulo} contiene`}
                size="sm"
                data-autofocus
                value={borrador}
                onChange={(e) => setBorrador(e.currentTarget.value)}
              />
            ) : (
              <Radio.Group
                label={columna.titulo}
                value={borrador || ''}
                onChange={(v) => {
                  setBorrador(v);
                  onCambiar(v);
                  setAbierto(false);
                }}
              >
                <Stack gap={6} mt={6} mah={280} style={{ overflowY: 'auto' }}>
                  <Radio value="" label="Todos" size="sm" data-autofocus={!valor || undefined} />
                  {(columna.filtro as { opciones: readonly OpcionFiltro[] }).opciones.map((o) => (
                    <Radio
                      key={o.valor}
                      value={o.valor}
                      label={o.etiqueta}
                      size="sm"
                      data-autofocus={valor === o.valor || undefined}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            )}
            {columna.filtro === 'texto' && (
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  color="gray"
                  onClick={() => {
                    setBorrador('');
                    onCambiar('');
                    setAbierto(false);
                  }}
                >
                  Quitar
                </Button>
                <Button type="submit" size="compact-sm">
                  Aplicar
                </Button>
              </div>
            )}
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
