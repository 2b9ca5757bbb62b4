/** Gabinete › Reunión › Anexos: presentations and documents; retiring one asks for the motivo. */
import { useState } from 'react';
import { ActionIcon, Alert, Button, FileButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { api } from '../../../api';
import { aBase64, avisarError, fechaHora, numero, pedirMotivo } from '../../../ui';
import { generar, type Reunion } from '../comun';
import type { Props } from './props';

export function PestanaAnexos({ r, editable, alCambiar }: Props) {
  const [subiendo, setSubiendo] = useState(false);
  const subir = async (archivo: File | null) => {
    if (!archivo) return;
    setSubiendo(true);
    try {
      await api.llamar('gabinete.anexos.agregar', { reunionId: r.id, archivo: { nombre: archivo.name, contenidoBase64: await aBase64(archivo) } });
      await alCambiar();
    } catch (e) {
      avisarError(e);
    } finally {
      setSubiendo(false);
    }
  };
  const descargar = async (a: Reunion['anexos'][number]) => {
    const doc = await generar('gabinete.archivos.descargar', { sha256: a.sha256, nombre: a.nombre });
    if (doc) await api.descargar(doc.archivoId, doc.nombre);
  };
  return (
    <Stack gap="sm" maw={800}>
      {editable && (
        <FileButton onChange={(f) => void subir(f)} accept="application/pdf,image/png,image/jpeg,.pptx,.docx,.xlsx">
          {(props) => <Button {...props} loading={subiendo} leftSection={<IconPaperclip size={16} />} w="fit-content">Adjuntar presentación o documento</Button>}
        </FileButton>
      )}
      {r.anexos.length === 0 && <Alert color="gray">Sin anexos. Se aceptan PDF, imágenes y archivos de Office (PowerPoint, Word, Excel).</Alert>}
      {r.anexos.map((a) => (
        <Group key={a.id} justify="space-between" wrap="nowrap">
          <div>
            <Text size="sm">{a.nombre}</Text>
            <Text size="xs" c="dimmed">{numero(a.tamano / 1024, 0)} KB · {fechaHora(a.creado)}</Text>
          </div>
          <Group gap={4}>
          <ActionIcon variant="subtle" aria-label={`Descargar ${a.nombre}`} onClick={() => void descargar(a)}><IconDownload size={16} /></ActionIcon>
          {editable && (
            <Tooltip label="Retirar (con motivo)">
              <ActionIcon variant="subtle" color="red" aria-label={`Retirar anexo ${a.nombre}`} onClick={async () => {
                const motivo = await pedirMotivo({ titulo: 'Retirar anexo', registro: a.nombre, confirmar: 'Retirar' });
                if (motivo) await api.llamar('gabinete.anexos.retirar', { id: a.id, motivo }).then(alCambiar, avisarError);
              }}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
