/** Gabinete › Reunión › Documentos: generate each printable and keep this session's copies at hand. */
import { useState } from 'react';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useLocation } from 'react-router';
import { api } from '../../../api';
import { generar } from '../comun';
import type { Props } from './props';

const DOCUMENTOS = [
  ['gabinete.documentos.convocatoria', 'Convocatoria', 'Un oficio por convocado con fecha, lugar y orden del día.'],
  ['gabinete.documentos.listaAsistencia', 'Lista de asistencia', 'Con columna para firma.'],
  ['gabinete.documentos.ordenDia', 'Orden del día', 'Puntos en orden y quién presenta.'],
  ['gabinete.documentos.minuta', 'Minuta de acuerdos', 'Asistencia, orden del día y acuerdos. Antes de cerrar sale como borrador.'],
  ['gabinete.documentos.carpeta', 'Carpeta estratégica', 'Portada, orden del día, acuerdos abiertos de reuniones anteriores del mismo tipo con semáforo, y tarjetas.'],
] as const;

type Generado = { archivoId: string; nombre: string };

export function PestanaDocumentos({ r }: Props) {
  // The minuta issued by "Cerrar reunión y emitir minuta" arrives here already listed.
  const estado = useLocation().state as { generados?: Generado[] } | null;
  const [generados, setGenerados] = useState<Generado[]>(estado?.generados ?? []);
  const [ocupado, setOcupado] = useState<string | null>(null);
  const mostrar = (doc: Generado | null) => {
    if (!doc) return;
    setGenerados((g) => [doc, ...g.filter((x) => x.nombre !== doc.nombre)]);
    api.abrir(doc.archivoId);
  };
  const hacer = async (metodo: (typeof DOCUMENTOS)[number][0]) => {
    setOcupado(metodo);
    const doc = await generar(metodo, { reunionId: r.id });
    setOcupado(null);
    mostrar(doc);
  };
  const porDependencia = async (formato: 'pdf' | 'xlsx') => {
    setOcupado(`dependencia-${formato}`);
    const doc = await generar('gabinete.documentos.acuerdosPorDependencia', { filtros: { reunionId: r.id }, formato });
    setOcupado(null);
    mostrar(doc);
  };
  return (
    <Stack gap="sm" maw={900}>
      {DOCUMENTOS.map(([metodo, titulo, desc]) => (
        <Group key={metodo} justify="space-between" wrap="nowrap">
          <div>
            <Text fw={600}>{titulo}</Text>
            <Text size="sm" c="dimmed">{desc}</Text>
          </div>
          <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={ocupado === metodo} onClick={() => void hacer(metodo)}>
            Generar {titulo.toLowerCase()}
          </Button>
        </Group>
      ))}
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text fw={600}>Acuerdos por dependencia</Text>
          <Text size="sm" c="dimmed">Los acuerdos de esta reunión agrupados por dependencia responsable, con conteos y porcentajes por estatus.</Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={ocupado === 'dependencia-pdf'} onClick={() => void porDependencia('pdf')}>
            PDF
          </Button>
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={ocupado === 'dependencia-xlsx'} onClick={() => void porDependencia('xlsx')}>
            Excel
          </Button>
        </Group>
      </Group>
      {generados.length > 0 && (
        <Card withBorder>
          <Text fw={600} mb="xs">Generados en esta sesión</Text>
          {generados.map((g) => (
            <Group key={g.archivoId} justify="space-between">
              <Text size="sm">{g.nombre}</Text>
              <Group gap="xs">
                <Button size="xs" variant="subtle" onClick={() => api.abrir(g.archivoId)}>Abrir</Button>
                <Button size="xs" variant="subtle" leftSection={<IconDownload size={14} />} onClick={() => void api.descargar(g.archivoId, g.nombre)} aria-label={`Descargar ${g.nombre}`}>Descargar</Button>
              </Group>
            </Group>
          ))}
        </Card>
      )}
    </Stack>
  );
}
