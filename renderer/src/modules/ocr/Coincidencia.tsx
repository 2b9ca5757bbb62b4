/** A search match found inside an anexo: the page and the snippet with the words highlighted. */
import { Anchor, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { Output } from '../../../../electron/contract';

export type Coincidencia = Output<'ocr.coincidencias'>[number];

/** The core marks the matched words between \u0002 and \u0003. */
export function Fragmento({ texto }: { texto: string }) {
  const partes = texto.replace(/\s+/g, ' ').split(/(\u0002[^\u0003]*\u0003)/);
  return <>{partes.map((p, i) => (p.startsWith('\u0002') ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>))}</>;
}

export function LineaCoincidencia({ c, alAbrir }: { c: Coincidencia; alAbrir: (c: Coincidencia) => void }) {
  return (
    <Text size="xs" c="dimmed" truncate="end" data-testid="coincidencia-anexo" title={c.fragmento.replace(/[\u0002\u0003]/g, '').replace(/\s+/g, ' ')}>
      <Anchor
        size="xs"
        onClick={(e) => {
          e.stopPropagation();
          alAbrir(c);
        }}
      >
        <IconPaperclip size={11} /> {c.soloEnAnexo ? 'Solo en el anexo' : 'También en el anexo'} «{c.nombre}», página {c.pagina}
      </Anchor>
      : <Fragmento texto={c.fragmento} />
    </Text>
  );
}
