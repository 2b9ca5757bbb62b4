/** Correspondencia › the asunto's anexos: list (click to preview) and, when editable, attaching another file. */
import { Anchor, Button, Divider, Group, Table, Text } from '@mantine/core';
import { IconFile, IconPaperclip } from '@tabler/icons-react';
import { useRef } from 'react';
import { api } from '../../api';
import { tamano, aBase64, avisarError, avisarExito } from '../../ui';
import { type Asunto } from './comun';
import { EstadoLectura, useLecturas } from '../ocr/EstadoLectura';

// Rendered inside the detail's field column, hence a fragment rather than its own panel.
export function ListaAnexos({ asuntoId, anexos, editable, alVer, alCambiar }: {
  asuntoId: string;
  anexos: Asunto['anexos'];
  editable: boolean;
  alVer: (archivo: { sha256: string; nombre: string }) => void;
  alCambiar: (a: Asunto) => void;
}) {
  const selector = useRef<HTMLInputElement>(null);
  const lecturas = useLecturas(asuntoId, anexos.length);

  const adjuntar = async (f: File | undefined) => {
    if (!f) return;
    try {
      alCambiar(await api.llamar('correspondencia.anexos.agregar', { asuntoId, archivo: { nombre: f.name, contenidoBase64: await aBase64(f) } }));
      avisarExito(`Se adjuntó «${f.name}».`);
    } catch (e) {
      avisarError(e, 'No se adjuntó el archivo');
    }
  };

  return (
    <>
      <Divider label="Anexos" labelPosition="left" />
      {anexos.length === 0 && <Text size="sm" c="dimmed">Sin anexos.</Text>}
      <Table>
        <Table.Tbody>
          {anexos.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>
                <Anchor size="sm" onClick={() => alVer({ sha256: x.sha256, nombre: x.nombre })}>
                  <IconFile size={12} /> {x.nombre}
                </Anchor>
              </Table.Td>
              <Table.Td><Text size="xs" c="dimmed">{tamano(x.tamano)}</Text></Table.Td>
              <Table.Td><EstadoLectura lectura={lecturas.get(x.id)} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable && (
        <Group>
          <Button size="xs" variant="default" leftSection={<IconPaperclip size={14} />} onClick={() => selector.current?.click()}>
            Adjuntar anexo…
          </Button>
          <input ref={selector} type="file" hidden aria-label="Adjuntar anexo" accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff" onChange={(e) => void adjuntar(e.currentTarget.files?.[0])} />
        </Group>
      )}
    </>
  );
}
