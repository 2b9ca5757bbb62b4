/**
 * The anexos of an oficio: listed and opened always; attached and taken off while it is a borrador (once
 * emitido they are part of what was sent). The files go to the same content-addressed store as every anexo.
 */
import { ActionIcon, Anchor, Button, Divider, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconFile, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { api } from '../../api';
import { tamano, aBase64, avisarError, avisarExito, confirmar } from '../../ui';
import { type Oficio } from './comun';

export function AnexosOficio({ o, alCambiar }: { o: Oficio; alCambiar: (o: Oficio) => void }) {
  const selector = useRef<HTMLInputElement>(null);
  const [ocupado, setOcupado] = useState(false);
  const editable = o.estatus === 'borrador';

  const adjuntar = async (archivos: File[]) => {
    if (!archivos.length) return;
    setOcupado(true);
    try {
      const contenidos = await Promise.all(archivos.map(async (f) => ({ nombre: f.name, contenidoBase64: await aBase64(f) })));
      alCambiar(await api.llamar('oficios.anexos.agregar', { id: o.id, version: o.version, archivos: contenidos }));
      avisarExito(archivos.length === 1 ? `Se adjuntó «${archivos[0].name}».` : `Se adjuntaron ${archivos.length} anexos.`);
    } catch (e) {
      avisarError(e, 'No se adjuntó el anexo');
    } finally {
      setOcupado(false);
      if (selector.current) selector.current.value = '';
    }
  };
  const quitar = async (a: Oficio['anexos'][number]) => {
    if (!(await confirmar({ titulo: 'Quitar anexo', mensaje: `¿Quitar «${a.nombre}» de este borrador?`, confirmar: 'Quitar', peligro: true }))) return;
    try {
      alCambiar(await api.llamar('oficios.anexos.quitar', { id: o.id, version: o.version, sha256: a.sha256 }));
      avisarExito(`Se quitó «${a.nombre}».`);
    } catch (e) {
      avisarError(e, 'No se quitó el anexo');
    }
  };
  const abrir = (sha256: string) => api.llamar('oficios.archivo', { id: o.id, sha256 }).then((x) => api.abrir(x.archivoId), avisarError);

  return (
    <div data-testid="anexos-oficio">
      <Divider label="Anexos" labelPosition="left" mb={4} />
      {o.anexos.length === 0 && <Text size="sm" c="dimmed">Sin anexos.</Text>}
      {o.anexos.length > 0 && (
        <Table>
          <Table.Tbody>
            {o.anexos.map((a) => (
              <Table.Tr key={a.sha256}>
                <Table.Td>
                  <Anchor size="sm" onClick={() => void abrir(a.sha256)}><IconFile size={12} /> {a.nombre}</Anchor>
                </Table.Td>
                <Table.Td w={90}><Text size="xs" c="dimmed">{tamano(a.tamano)}</Text></Table.Td>
                {editable && (
                  <Table.Td w={40}>
                    <Tooltip label="Quitar anexo">
                      <ActionIcon variant="subtle" color="red" aria-label={`Quitar ${a.nombre}`} onClick={() => void quitar(a)}><IconTrash size={14} /></ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <Group mt={4}>
          <Button size="xs" variant="default" loading={ocupado} leftSection={<IconPaperclip size={14} />} onClick={() => selector.current?.click()}>Adjuntar anexo…</Button>
          <input ref={selector} type="file" multiple hidden aria-label="Adjuntar anexo" accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff"
            onChange={(e) => void adjuntar([...(e.currentTarget.files ?? [])])} />
        </Group>
      )}
    </div>
  );
}
