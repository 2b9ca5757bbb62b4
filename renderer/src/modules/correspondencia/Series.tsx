/** Correspondencia › Series de folios (administrador): create/edit series and set the next number with a preview. */
import { Badge, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { AvisosBorrador, avisarError, avisarExito, cerrarPreguntando, DialogoEdicion, useBorradorEstado } from '../../ui';
import { ETIQUETAS, Pestanas, olvidarCatalogos, opciones, type Serie } from './comun';

function usePrevia(plantilla: string, anio: number, numero: number) {
  const [previa, setPrevia] = useState<{ folio?: string; error?: string }>({});
  useEffect(() => {
    const t = setTimeout(() => {
      if (!plantilla || !numero || !anio) return setPrevia({});
      api
        .llamar('correspondencia.series.vistaPrevia', { plantilla, anio, numero })
        .then((r) => setPrevia({ folio: r.folio }))
        .catch((e) => setPrevia({ error: e.message }));
    }, 200);
    return () => clearTimeout(t);
  }, [plantilla, anio, numero]);
  return previa;
}

function DialogoSerie({ serie, abierto, onClose, alGuardar }: { serie: Serie | null; abierto: boolean; onClose: () => void; alGuardar: () => void }) {
  const [clave, setClave] = useState('');
  const [nombre, setNombre] = useState('');
  const [plantilla, setPlantilla] = useState('');
  const [destinatario, setDestinatario] = useState<string | null>(null);
  const [activa, setActiva] = useState(true);
  useEffect(() => {
    setClave(serie?.clave ?? '');
    setNombre(serie?.nombre ?? '');
    setPlantilla(serie?.plantilla ?? '{n}/{yy}');
    setDestinatario(serie?.destinatario ?? null);
    setActiva(serie?.activa ?? true);
  }, [serie, abierto]);
  const iniciales = { clave: serie?.clave ?? '', nombre: serie?.nombre ?? '', plantilla: serie?.plantilla ?? '{n}/{yy}', destinatario: serie?.destinatario ?? null, activa: serie?.activa ?? true };
  const borrador = useBorradorEstado(abierto ? `correspondencia.serie.${serie?.id ?? 'nueva'}` : undefined, { clave, nombre, plantilla, destinatario, activa }, iniciales, (v) => {
    setClave(v.clave);
    setNombre(v.nombre);
    setPlantilla(v.plantilla);
    setDestinatario(v.destinatario);
    setActiva(v.activa);
  });
  const cerrar = cerrarPreguntando(borrador.sucio, onClose);
  const anio = new Date().getFullYear();
  const previa = usePrevia(plantilla, anio, serie?.siguiente ?? 1);
  const guardar = async () => {
    try {
      await api.llamar('correspondencia.series.guardar', {
        ...(serie ? { id: serie.id, version: serie.version } : {}),
        clave,
        nombre,
        plantilla,
        destinatario: destinatario as never,
        activa,
      });
      avisarExito('Serie guardada.');
      borrador.olvidar();
      alGuardar();
      onClose();
    } catch (e) {
      avisarError(e, 'No se guardó la serie');
    }
  };
  return (
    <DialogoEdicion abierto={abierto} onClose={cerrar} onGuardar={guardar} titulo={serie ? `Editar serie ${serie.clave}` : 'Nueva serie de folios'}>
      {abierto && <AvisosBorrador b={borrador} />}
      <TextInput label="Clave" value={clave} onChange={(e) => setClave(e.currentTarget.value)} data-autofocus />
      <TextInput label="Nombre" value={nombre} onChange={(e) => setNombre(e.currentTarget.value)} />
      <TextInput
        label="Plantilla"
        description="{n} número · {n:4} número con ceros a 4 dígitos · {yy} año a 2 dígitos · {yyyy} año"
        value={plantilla}
        onChange={(e) => setPlantilla(e.currentTarget.value)}
        error={previa.error}
      />
      <Text size="sm">
        Vista previa: <b data-testid="previa-serie">{previa.folio ?? '—'}</b>
      </Text>
      <Select label="Serie por omisión para" clearable data={opciones.destinatario} value={destinatario} onChange={setDestinatario} placeholder="Ningún destinatario" />
      <Checkbox label="Activa" checked={activa} onChange={(e) => setActiva(e.currentTarget.checked)} />
    </DialogoEdicion>
  );
}

function DialogoSiguiente({ serie, onClose, alGuardar }: { serie: Serie | null; onClose: () => void; alGuardar: () => void }) {
  const [anio, setAnio] = useState<number>(new Date().getFullYear());
  const [siguiente, setSiguiente] = useState<number>(1);
  useEffect(() => {
    if (serie) {
      setAnio(serie.anio);
      setSiguiente(serie.siguiente);
    }
  }, [serie]);
  const previa = usePrevia(serie?.plantilla ?? '', anio, siguiente);
  const borrador = useBorradorEstado(serie ? `correspondencia.serie.siguiente.${serie.id}` : undefined, { anio, siguiente }, serie ? { anio: serie.anio, siguiente: serie.siguiente } : { anio, siguiente }, (v) => {
    setAnio(v.anio);
    setSiguiente(v.siguiente);
  });
  if (!serie) return null;
  const guardar = async () => {
    try {
      const r = await api.llamar('correspondencia.series.fijarSiguiente', { serieId: serie.id, anio, siguiente });
      avisarExito(`El siguiente folio de ${serie.nombre} en ${anio} será ${r.folio}.`);
      borrador.olvidar();
      alGuardar();
      onClose();
    } catch (e) {
      avisarError(e, 'No se cambió el siguiente número');
    }
  };
  return (
    <DialogoEdicion size="lg" onClose={cerrarPreguntando(borrador.sucio, onClose)} onGuardar={guardar} guardar="Fijar" titulo={`Siguiente número — ${serie.nombre}`}>
      <AvisosBorrador b={borrador} />
      <Text size="sm" c="dimmed">
        Para continuar una numeración que empezó fuera del sistema. Nunca puede ser igual o menor a un folio ya usado en ese año.
      </Text>
      <Group grow>
        <NumberInput label="Año" value={anio} onChange={(v) => setAnio(Number(v) || anio)} min={2000} max={2100} />
        <NumberInput label="Siguiente número" value={siguiente} onChange={(v) => setSiguiente(Number(v) || 1)} min={1} data-autofocus />
      </Group>
      <Text size="sm">
        El siguiente asunto recibirá el folio <b data-testid="previa-siguiente">{previa.folio ?? '—'}</b>
      </Text>
    </DialogoEdicion>
  );
}

export function Series() {
  const [series, setSeries] = useState<Serie[]>([]);
  const [editando, setEditando] = useState<Serie | null>(null);
  const [nueva, setNueva] = useState(false);
  const [siguiente, setSiguiente] = useState<Serie | null>(null);
  const cargar = () => {
    olvidarCatalogos();
    api.llamar('correspondencia.series.listar', {}).then(setSeries).catch(avisarError);
  };
  useEffect(cargar, []);
  return (
    <Stack>
      <Pestanas />
      <Group justify="space-between">
        <Title order={2}>Series de folios</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setNueva(true)}>Nueva serie</Button>
      </Group>
      <Paper withBorder>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Clave</Table.Th>
              <Table.Th>Nombre</Table.Th>
              <Table.Th>Plantilla</Table.Th>
              <Table.Th>Por omisión para</Table.Th>
              <Table.Th>Usados este año</Table.Th>
              <Table.Th>Siguiente folio</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {series.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.clave} {!s.activa && <Badge color="gray" size="xs">Inactiva</Badge>}</Table.Td>
                <Table.Td>{s.nombre}</Table.Td>
                <Table.Td><code>{s.plantilla}</code></Table.Td>
                <Table.Td>{s.uso === 'oficios' ? <Badge variant="light" size="sm">Oficios de salida</Badge> : s.destinatario ? ETIQUETAS.destinatario[s.destinatario] : '—'}</Table.Td>
                <Table.Td ta="right">{s.usados.toLocaleString('es-MX')}</Table.Td>
                <Table.Td><b>{s.ejemplo}</b></Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" variant="default" onClick={() => setEditando(s)}>Editar</Button>
                    <Button size="xs" variant="light" onClick={() => setSiguiente(s)}>Siguiente número…</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <DialogoSerie serie={editando} abierto={!!editando || nueva} onClose={() => { setEditando(null); setNueva(false); }} alGuardar={cargar} />
      <DialogoSiguiente serie={siguiente} onClose={() => setSiguiente(null)} alGuardar={cargar} />
    </Stack>
  );
}
