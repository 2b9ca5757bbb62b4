/** Correspondencia › preview of an anexo or respuesta file: PDF or image in a modal; on the desktop it opens outside. */
import { Button, Group, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { avisarError } from '../../ui';

export function VistaPrevia({ asuntoId, archivo, onClose }: {
  asuntoId: string;
  /** `pagina`: open a PDF on that page (a match found inside the scan). */
  archivo: { sha256: string; nombre: string; pagina?: number } | null;
  onClose: () => void;
}) {
  const [url, setUrl] = useState<{ src: string; tipo: string; id: string } | null>(null);
  useEffect(() => {
    if (!archivo) return;
    let src: string | null = null;
    let vivo = true;
    (async () => {
      try {
        const r = await api.llamar('correspondencia.anexos.abrir', { asuntoId, sha256: archivo.sha256 });
        if (api.escritorio) {
          api.abrir(r.archivoId);
          onClose();
          return;
        }
        const res = await fetch(api.urlDeArchivo(r.archivoId));
        const blob = new Blob([await res.arrayBuffer()], { type: r.tipo });
        src = URL.createObjectURL(blob);
        if (vivo) setUrl({ src, tipo: r.tipo, id: r.archivoId });
      } catch (e) {
        avisarError(e);
        onClose();
      }
    })();
    return () => {
      vivo = false;
      setUrl(null);
      if (src) URL.revokeObjectURL(src);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [archivo?.sha256]);
  return (
    <Modal opened={!!archivo} onClose={onClose} size="80%" title={archivo?.pagina ? `${archivo.nombre} · página ${archivo.pagina}` : archivo?.nombre}>
      {!url ? (
        <Loader />
      ) : url.tipo === 'application/pdf' ? (
        <iframe title={archivo?.nombre} src={archivo?.pagina ? `${url.src}#page=${archivo.pagina}` : url.src} style={{ width: '100%', height: '75vh', border: 0 }} />
      ) : url.tipo === 'image/tiff' ? (
        <Stack>
          <Text size="sm">El navegador no muestra imágenes TIFF; descárguela para verla.</Text>
          <Button onClick={() => void api.descargar(url.id, archivo!.nombre)}>Descargar</Button>
        </Stack>
      ) : (
        <Image src={url.src} alt={archivo?.nombre} fit="contain" mah="75vh" />
      )}
      {url && (
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => void api.descargar(url.id, archivo!.nombre)}>Descargar</Button>
        </Group>
      )}
    </Modal>
  );
}
