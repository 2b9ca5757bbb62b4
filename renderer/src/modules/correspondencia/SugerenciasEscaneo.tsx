/**
 * Registrar desde escaneo: the first page of a scan dropped on an empty form is read and its fields are
 * proposed, each marked «sugerido del escaneo». Nothing reaches the form until the clerk accepts it, and
 * accepting never overwrites what the clerk already typed.
 */
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { IconScan } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../electron/contract';
import { api } from '../../api';
import { aBase64 } from '../../ui';

type Sugerencias = Output<'ocr.leerEscaneo'>['sugerencias'];
type Campo = keyof Sugerencias;

const ETIQUETAS: Record<Campo, string> = {
  oficioNumero: 'Número de oficio',
  oficioFecha: 'Fecha del oficio',
  remitenteNombre: 'Remitente',
  remitenteCargo: 'Cargo',
  remitenteOrganizacion: 'Dependencia u organización',
  municipioClave: 'Municipio',
  asunto: 'Asunto',
};

const fechaCorta = (f: string) => `${f.slice(8, 10)}/${f.slice(5, 7)}/${f.slice(0, 4)}`;

export function SugerenciasEscaneo({ archivo, valores, fijar, municipios, alCerrar }: {
  archivo: File;
  valores: Record<string, unknown>;
  fijar: (campo: Campo, valor: string) => void;
  municipios: { clave: string; nombre: string }[];
  alCerrar: () => void;
}) {
  const [estado, setEstado] = useState<{ s: Sugerencias; paginas: number } | { error: string } | null>(null);
  const [usados, setUsados] = useState<Set<Campo>>(new Set());
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let vivo = true;
    setEstado(null);
    setUsados(new Set());
    (async () => {
      try {
        const r = await api.llamar('ocr.leerEscaneo', { archivo: { nombre: archivo.name, contenidoBase64: await aBase64(archivo) } });
        if (vivo) setEstado({ s: r.sugerencias, paginas: r.paginas });
      } catch (e) {
        if (vivo) setEstado({ error: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      vivo = false;
    };
  }, [archivo]);

  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, [estado]);

  const vacio = (c: Campo) => {
    const v = valores[c];
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  };
  const mostrar = (c: Campo, v: string) => (c === 'municipioClave' ? (municipios.find((m) => m.clave === v)?.nombre ?? v) : c === 'oficioFecha' ? fechaCorta(v) : v);

  if (!estado) {
    return (
      <Paper withBorder p="sm" radius="md" ref={panel} data-testid="sugerencias-escaneo">
        <Group gap="xs"><Loader size="xs" /><Text size="sm">Leyendo la página 1 de «{archivo.name}» para proponer los datos…</Text></Group>
      </Paper>
    );
  }
  if ('error' in estado) {
    return (
      <Alert ref={panel} color="yellow" title="No se pudo leer el escaneo" withCloseButton onClose={alCerrar} data-testid="sugerencias-escaneo">
        {estado.error} Capture los datos a mano; el archivo se adjunta igual.
      </Alert>
    );
  }
  const propuestos = (Object.keys(ETIQUETAS) as Campo[]).filter((c) => estado.s[c]);
  const aceptar = (cs: Campo[]) => {
    const nuevos = cs.filter((c) => vacio(c) && !usados.has(c));
    for (const c of nuevos) fijar(c, estado.s[c]!);
    setUsados(new Set([...usados, ...nuevos]));
  };
  const pendientes = propuestos.filter((c) => vacio(c) && !usados.has(c));
  return (
    <Paper withBorder p="sm" radius="md" ref={panel} data-testid="sugerencias-escaneo" bg="var(--mantine-color-blue-0)">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <IconScan size={18} />
            <Text fw={600} size="sm">Datos leídos del escaneo «{archivo.name}»</Text>
          </Group>
          <Group gap="xs">
            <Button size="xs" onClick={() => aceptar(propuestos)} disabled={!pendientes.length}>Aceptar sugerencias</Button>
            <Button size="xs" variant="default" onClick={alCerrar}>Descartar</Button>
          </Group>
        </Group>
        {propuestos.length === 0 ? (
          <Text size="sm" c="dimmed">No se reconocieron datos del oficio en la página 1. Capture los datos a mano.</Text>
        ) : (
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {propuestos.map((c) => (
                <Table.Tr key={c}>
                  <Table.Td w={190}><Text size="sm" c="dimmed">{ETIQUETAS[c]}</Text></Table.Td>
                  <Table.Td><Text size="sm">{mostrar(c, estado.s[c]!)}</Text></Table.Td>
                  <Table.Td w={250} ta="right">
                    {usados.has(c) ? (
                      <Badge color="green" variant="light" tt="none">aceptado</Badge>
                    ) : !vacio(c) ? (
                      <Badge color="gray" variant="light" tt="none" title="No se sobrescribe lo que usted capturó">ya capturado</Badge>
                    ) : (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Badge variant="light" tt="none">sugerido del escaneo</Badge>
                        <Button size="compact-xs" variant="subtle" onClick={() => aceptar([c])} aria-label={`Usar ${ETIQUETAS[c]}`}>Usar</Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed">Revise cada dato antes de registrar: nada se guarda hasta que usted lo acepta y registra el asunto.</Text>
      </Stack>
    </Paper>
  );
}
