/** Importar: archivo → hoja y encabezados → columnas → simulación (errores, equivalencias) → importar todo o nada. */
import { Alert, Badge, Button, FileInput, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileImport, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { RouteObject } from 'react-router';
import { api } from '../../api';
import type { Input, Output } from '../../../../electron/contract';
import { avisarError, avisarExito } from '../../ui';

type Simulacion = Output<'importacion.simular'>;
type Tipo = Input<'importacion.simular'>['tipo'];

function base64(archivo: File): Promise<string> {
  return new Promise((ok, mal) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result).split(',')[1] ?? '');
    r.onerror = () => mal(new Error('No se pudo leer el archivo.'));
    r.readAsDataURL(archivo);
  });
}

const ESTADO: Record<string, { color: string; texto: string }> = {
  nueva: { color: 'green', texto: 'Nueva' },
  actualizada: { color: 'blue', texto: 'Actualiza' },
  sin_cambio: { color: 'gray', texto: 'Sin cambio' },
  error: { color: 'red', texto: 'Error' },
};

export function PaginaImportar() {
  const [tipos, setTipos] = useState<Output<'importacion.tipos'>>([]);
  const [tipo, setTipo] = useState<Tipo>('compromisos');
  const [todasLasColumnas, setTodasLasColumnas] = useState(false);
  const [archivo, setArchivo] = useState<File | null>(null);
  const [contenido, setContenido] = useState<string>('');
  const [hoja, setHoja] = useState<string | null>(null);
  const [mapeo, setMapeo] = useState<Record<string, string | null> | undefined>(undefined);
  const [equivalencias, setEquivalencias] = useState<Record<string, Record<string, string>>>({});
  const [sim, setSim] = useState<Simulacion | null>(null);
  const [ocupado, setOcupado] = useState(false);
  const [avance, setAvance] = useState<{ fraccion: number; texto: string } | null>(null);
  const [tarea, setTarea] = useState<string | null>(null);

  useEffect(() => void api.llamar('importacion.tipos', {}).then(setTipos).catch(avisarError), []);
  useEffect(() => (tarea ? api.alProgresar((p) => p.tarea === tarea && setAvance(p)) : undefined), [tarea]);

  const entrada = (extra: Partial<Input<'importacion.simular'>> = {}): Input<'importacion.simular'> => ({
    tipo, archivo: { nombre: archivo?.name ?? '', contenidoBase64: contenido }, hoja, mapeo, equivalencias, ...extra,
  });

  const simular = async (e: Partial<Input<'importacion.simular'>> = {}) => {
    if (!contenido) return;
    setOcupado(true);
    try {
      const s = await api.llamar('importacion.simular', entrada(e));
      setSim(s);
      setHoja(s.hoja);
      setMapeo(s.mapeo);
    } catch (err) {
      setSim(null);
      avisarError(err, 'No se pudo leer el archivo');
    } finally {
      setOcupado(false);
    }
  };

  useEffect(() => {
    if (contenido) void simular({ hoja: null, mapeo: undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contenido, tipo]);

  const elegirArchivo = async (f: File | null) => {
    setArchivo(f);
    setSim(null);
    setHoja(null);
    setMapeo(undefined);
    setEquivalencias({});
    setContenido(f ? await base64(f) : '');
  };

  const plantilla = async () => {
    try {
      const g = await api.llamar('importacion.plantilla', { tipo });
      await api.descargar(g.archivoId, g.nombre);
    } catch (e) {
      avisarError(e);
    }
  };

  const descargarErrores = async () => {
    try {
      const g = await api.llamar('importacion.errores', entrada());
      await api.descargar(g.archivoId, g.nombre);
    } catch (e) {
      avisarError(e);
    }
  };

  const importar = async () => {
    const id = `imp-${Date.now()}`;
    setTarea(id);
    setAvance({ fraccion: 0, texto: 'Comenzando' });
    try {
      const r = await api.llamar('importacion.importar', { ...entrada(), tarea: id });
      const c = r.conteos;
      avisarExito(`Importación terminada: ${c.nuevas} nuevas, ${c.actualizadas} actualizadas, ${c.sinCambio} sin cambio.`);
      await simular();
    } catch (e) {
      avisarError(e, 'No se importó nada');
    } finally {
      setTarea(null);
      setAvance(null);
    }
  };

  const opcionesTipo = tipos.filter((t) => t.disponible).map((t) => ({ value: t.tipo, label: t.nombre }));
  // Optional columns the file does not have stay folded (the POA has one per quarter and month).
  const sinUsar = sim ? sim.columnas.filter((col) => !col.requerida && !mapeo?.[col.campo]).length : 0;
  const columnasArchivo = useMemo(() => (sim ? sim.encabezados.filter(Boolean).map((e) => ({ value: e, label: e })) : []), [sim]);
  const c = sim?.conteos;

  return (
    <Stack p="md" gap="md" maw={1200}>
      <Title order={2}>Importar datos existentes</Title>
      <Paper withBorder p="md" radius="md">
        <Group align="end">
          <Select label="¿Qué va a importar?" data={opcionesTipo} value={tipo} onChange={(v) => v && setTipo(v as Tipo)} allowDeselect={false} w={300} />
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void plantilla()}>Descargar plantilla</Button>
          <FileInput label="Archivo (.xlsx o .csv)" placeholder="Elegir archivo" accept=".xlsx,.csv" value={archivo} onChange={(f) => void elegirArchivo(f)} w={320} clearable />
          {sim && sim.hojas.length > 1 && (
            <Select label="Hoja" data={sim.hojas} value={hoja} onChange={(h) => { setHoja(h); void simular({ hoja: h, mapeo: undefined }); }} w={220} />
          )}
        </Group>
      </Paper>

      {sim && (
        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="xs">Columnas</Title>
          <Text size="sm" c="dimmed" mb="sm">Encabezados en la fila {sim.filaEncabezado} de «{sim.hoja}». Ajuste lo que no se reconoció; se recordará para la próxima vez.</Text>
          <SimpleGrid cols={3} spacing="xs">
            {sim.columnas.filter((col) => todasLasColumnas || col.requerida || mapeo?.[col.campo]).map((col) => (
              <Select
                key={col.campo}
                label={col.titulo}
                withAsterisk={col.requerida}
                data={columnasArchivo}
                value={mapeo?.[col.campo] ?? null}
                placeholder="(no importar)"
                clearable
                error={col.requerida && !mapeo?.[col.campo] ? 'Obligatoria' : undefined}
                onChange={(v) => { const m = { ...mapeo, [col.campo]: v }; setMapeo(m); void simular({ mapeo: m }); }}
              />
            ))}
          </SimpleGrid>
          {sinUsar > 0 && (
            <Button variant="subtle" size="xs" mt="xs" onClick={() => setTodasLasColumnas((v) => !v)}>
              {todasLasColumnas ? 'Ocultar las columnas que el archivo no trae' : `Mostrar ${sinUsar.toLocaleString('es-MX')} columnas más que el archivo no trae`}
            </Button>
          )}
        </Paper>
      )}

      {sim && c && (
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>Simulación</Title>
            <Group gap="xs">
              <Badge color="gray" size="lg">{c.filas.toLocaleString('es-MX')} filas</Badge>
              <Badge color="green" size="lg">{c.nuevas.toLocaleString('es-MX')} nuevas</Badge>
              <Badge color="blue" size="lg">{c.actualizadas.toLocaleString('es-MX')} actualizadas</Badge>
              <Badge color="gray" variant="light" size="lg">{c.sinCambio.toLocaleString('es-MX')} sin cambio</Badge>
              <Badge color="red" size="lg">{c.conError.toLocaleString('es-MX')} con error</Badge>
            </Group>
          </Group>
          {sim.faltantes.length > 0 && <Alert color="red" mb="sm" title="Faltan columnas obligatorias">{sim.faltantes.join(', ')}: elíjalas arriba.</Alert>}
          {sim.notas.map((n) => <Alert key={n} color="yellow" mb="sm">{n}</Alert>)}
          {sim.sinResolver.length > 0 && (
            <Stack gap="xs" mb="sm">
              <Text fw={600}>Valores que no están en los catálogos — elija a qué equivalen (para todo el archivo):</Text>
              {sim.sinResolver.slice(0, 30).map((s) => (
                <Group key={`${s.campo}|${s.texto}`} gap="sm">
                  <Text w={320} size="sm">«{s.texto}» en {s.columna} ({s.filas} {s.filas === 1 ? 'fila' : 'filas'})</Text>
                  <Select
                    w={380}
                    searchable
                    placeholder={s.sugerencias.length ? `¿${s.sugerencias.map((x) => x.etiqueta).join('? ¿')}?` : 'Elegir del catálogo'}
                    data={(sim.opciones[s.campo] ?? []).map((o) => ({ value: o.valor, label: o.etiqueta }))}
                    value={equivalencias[s.campo]?.[s.texto] ?? null}
                    onChange={(v) => {
                      if (!v) return;
                      const eq = { ...equivalencias, [s.campo]: { ...equivalencias[s.campo], [s.texto]: v } };
                      setEquivalencias(eq);
                      void simular({ equivalencias: eq });
                    }}
                  />
                </Group>
              ))}
            </Stack>
          )}
          {sim.errores.length > 0 && (
            <Table striped withTableBorder stickyHeader mb="sm">
              <Table.Thead>
                <Table.Tr><Table.Th>Fila</Table.Th><Table.Th>Columna</Table.Th><Table.Th>Valor</Table.Th><Table.Th>Error</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sim.errores.slice(0, 200).map((e, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{e.fila}</Table.Td>
                    <Table.Td>{e.columna}</Table.Td>
                    <Table.Td>{e.valor ?? ''}</Table.Td>
                    <Table.Td>{e.mensaje}{e.sugerencias?.length ? ` ¿Quiso decir ${e.sugerencias.join(', ')}?` : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {sim.registros.filter((r) => r.estado !== 'error').length > 0 && (
            <Table withTableBorder mb="sm">
              <Table.Thead>
                <Table.Tr><Table.Th>Filas</Table.Th><Table.Th>Registro</Table.Th><Table.Th>Resultado</Table.Th><Table.Th>Cambios (antes → después)</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sim.registros.filter((r) => r.estado !== 'error').slice(0, 100).map((r) => (
                  <Table.Tr key={r.filas.join(',')}>
                    <Table.Td>{r.filas.join(', ')}</Table.Td>
                    <Table.Td>{r.clave}</Table.Td>
                    <Table.Td><Badge color={ESTADO[r.estado].color} variant="light">{ESTADO[r.estado].texto}</Badge></Table.Td>
                    <Table.Td>{r.cambios.map((x) => `${x.campo}: ${x.antes} → ${x.despues}`).join(' · ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {avance && (
            <Stack gap={4} mb="sm">
              <Text size="sm">{avance.texto}</Text>
              <Progress value={avance.fraccion * 100} animated />
            </Stack>
          )}
          <Group justify="flex-end">
            {sim.errores.length > 0 && <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void descargarErrores()}>Descargar errores</Button>}
            <Button variant="default" leftSection={<IconPlayerPlay size={16} />} loading={ocupado} onClick={() => void simular()}>Simular de nuevo</Button>
            {tarea && <Button color="red" variant="light" leftSection={<IconX size={16} />} onClick={() => void api.llamar('importacion.cancelar', { tarea })}>Cancelar</Button>}
            <Button leftSection={<IconFileImport size={16} />} disabled={c.conError > 0 || c.nuevas + c.actualizadas === 0 || !!tarea} onClick={() => void importar()}>
              Importar {(c.nuevas + c.actualizadas).toLocaleString('es-MX')} registros
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}

export const rutas: RouteObject[] = [{ path: 'importar', element: <PaginaImportar /> }];
