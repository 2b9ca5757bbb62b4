/** Side panel: the compromiso, its seguimiento history (never rewritten) and a form to add one. */
import { ActionIcon, Anchor, Badge, Button, Divider, FileInput, Group, NumberInput, Paper, Select, Stack, Text, Textarea, Timeline, Title, Tooltip } from '@mantine/core';
import { IconPaperclip, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api';
import { aBase64, AvisosBorrador, CampoFecha, Semaforo, avisarError, avisarExito, fecha, fechaHora, useBorradorEstado } from '../../ui';
import { ESTATUS, type CompromisoDetalle } from './datos';
import { OficiosRecordados } from '../oficios/Recordados';

function hoyLocal(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Hermosillo' }).format(new Date());
}

function NuevoSeguimiento({ c, alGuardar }: { c: CompromisoDetalle; alGuardar: (c: CompromisoDetalle) => void }) {
  const [fechaS, setFecha] = useState<string | null>(hoyLocal());
  const [nota, setNota] = useState('');
  const [estatus, setEstatus] = useState<string | null>(null);
  const [avance, setAvance] = useState<number | string>('');
  const [motivo, setMotivo] = useState('');
  const [archivo, setArchivo] = useState<File | null>(null);
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [guardando, setGuardando] = useState(false);
  const [iniciales] = useState(() => ({ fechaS, nota, estatus, avance, motivo }));
  const borrador = useBorradorEstado(`compromisos.seguimiento.${c.id}`, { fechaS, nota, estatus, avance, motivo }, iniciales, (v) => {
    setFecha(v.fechaS);
    setNota(v.nota);
    setEstatus(v.estatus);
    setAvance(v.avance);
    setMotivo(v.motivo);
  });

  const guardar = async () => {
    setGuardando(true);
    setErrores({});
    try {
      const r = await api.llamar('compromisos.agregarSeguimiento', {
        compromisoId: c.id,
        version: c.version,
        fecha: fechaS ?? '',
        nota,
        estatus: (estatus ?? undefined) as CompromisoDetalle['estatus'] | undefined,
        avance: avance === '' ? undefined : Number(avance),
        motivo,
        evidencia: archivo ? { nombre: archivo.name, contenidoBase64: await aBase64(archivo) } : null,
      });
      avisarExito('Seguimiento registrado.');
      borrador.olvidar();
      setNota('');
      setEstatus(null);
      setAvance('');
      setMotivo('');
      setArchivo(null);
      alGuardar(r);
    } catch (e) {
      const d = (e as { details?: unknown }).details;
      if (Array.isArray(d)) setErrores(Object.fromEntries(d.map((x: { campo: string; mensaje: string }) => [x.campo, x.mensaje])));
      avisarError(e);
      // Someone else changed it: show the current version; what the user typed stays in the form.
      if ((e as { code?: string }).code === 'CONFLICTO') api.llamar('compromisos.obtener', { id: c.id }).then(alGuardar, avisarError);
    } finally {
      setGuardando(false);
    }
  };

  return (
    <Paper withBorder p="sm" onKeyDown={(ev) => ev.ctrlKey && ev.key === 'Enter' && void guardar()}>
      <Stack gap="xs">
        <Text fw={600} size="sm">Agregar seguimiento</Text>
        <AvisosBorrador b={borrador} guardando={guardando} />
        <Group grow>
          <CampoFecha label="Fecha" value={fechaS} onChange={setFecha} error={errores.fecha} />
          <Select label="Estatus" placeholder="Sin cambio" clearable data={ESTATUS.map((e) => ({ ...e }))} value={estatus} onChange={setEstatus} error={errores.estatus} />
          <NumberInput label="Avance %" placeholder={`${c.avance}`} min={0} max={100} allowDecimal={false} value={avance} onChange={setAvance} error={errores.avance} />
        </Group>
        <Textarea label="Nota" autosize minRows={2} value={nota} onChange={(e) => setNota(e.currentTarget.value)} error={errores.nota} />
        {estatus === 'no_procedente' && (
          <Textarea label="Motivo (no procedente)" withAsterisk autosize minRows={2} value={motivo} onChange={(e) => setMotivo(e.currentTarget.value)} error={errores.motivo} />
        )}
        <FileInput label="Evidencia (PDF, JPG, PNG o TIFF)" clearable leftSection={<IconPaperclip size={16} />} value={archivo} onChange={setArchivo} accept="application/pdf,image/png,image/jpeg,image/tiff" />
        <Group justify="flex-end">
          <Button onClick={() => void guardar()} loading={guardando}>
            Registrar seguimiento
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function PanelCompromiso({
  c,
  puedeEscribir,
  onCerrar,
  onEditar,
  onCambio,
}: {
  c: CompromisoDetalle;
  puedeEscribir: boolean;
  onCerrar: () => void;
  onEditar: () => void;
  onCambio: (c: CompromisoDetalle) => void;
}) {
  const etiquetaEstatus = (e: string) => ESTATUS.find((x) => x.value === e)?.label ?? e;
  return (
    <Stack gap="sm" p="sm" h="100%" style={{ overflowY: 'auto' }} aria-label={`Compromiso ${c.numero}`}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={4}>Compromiso {c.numero}</Title>
        <Group gap={4}>
          {puedeEscribir && (
            <Tooltip label="Editar">
              <ActionIcon variant="subtle" onClick={onEditar} aria-label="Editar compromiso">
                <IconPencil size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          <ActionIcon variant="subtle" onClick={onCerrar} aria-label="Cerrar panel">
            <IconX size={18} />
          </ActionIcon>
        </Group>
      </Group>
      <Group gap="xs">
        <Semaforo color={c.semaforo.color} texto={c.semaforo.etiqueta} motivo={c.semaforo.motivo} mostrarMotivo="junto" />
        <Badge variant="light">Avance {c.avance} %</Badge>
        <Semaforo color={c.plazo.color} texto={c.plazo.etiqueta} motivo={c.plazo.motivo} />
      </Group>
      <Text>{c.descripcion}</Text>
      <Text size="sm" c="dimmed">
        {c.municipio} · comprometido el {fecha(c.fechaCompromiso)}
        {c.fechaEstimada ? ` · cumplimiento estimado ${fecha(c.fechaEstimada)}` : ''}
      </Text>
      <Text size="sm">
        <b>Responsable:</b> {c.dependencia}
        {c.corresponsables.length > 0 && (
          <>
            <br />
            <b>Corresponsables:</b> {c.corresponsables.map((d) => d.siglas || d.nombre).join(', ')}
          </>
        )}
      </Text>
      {c.alineacion.estrategiaId && (
        <Text size="sm">
          <b>PED:</b> {c.alineacion.ejeClave} {c.alineacion.ejeTexto} › {c.alineacion.objetivoClave} › {c.alineacion.estrategiaClave} {c.alineacion.estrategiaTexto}
        </Text>
      )}
      {puedeEscribir && <NuevoSeguimiento key={c.id} c={c} alGuardar={onCambio} />}
      <Divider label="Seguimientos" labelPosition="left" />
      <OficiosRecordados filtro={{ compromisoId: c.id }} />
      {c.seguimientos.length === 0 ? (
        <Text size="sm" c="dimmed">Aún no hay seguimientos. Registre el primero con la nota, el avance y la evidencia.</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {c.seguimientos.map((s) => (
            <Timeline.Item key={s.id} title={`${fecha(s.fecha)} · ${s.autor}`}>
              <Text size="sm">{s.nota}</Text>
              {(s.estatus !== s.estatusAnterior || s.avance !== s.avanceAnterior) && (
                <Text size="xs" c="dimmed">
                  {etiquetaEstatus(s.estatusAnterior)} {s.avanceAnterior} % → {etiquetaEstatus(s.estatus)} {s.avance} %{s.motivo ? ` · ${s.motivo}` : ''}
                </Text>
              )}
              {s.evidencia && (
                <Anchor
                  size="xs"
                  component="button"
                  onClick={() => void api.llamar('compromisos.evidencia', { seguimientoId: s.id }).then((g) => api.descargar(g.archivoId, g.nombre), avisarError)}
                >
                  <IconPaperclip size={12} /> {s.evidencia.nombre}
                </Anchor>
              )}
              <Text size="xs" c="dimmed">Registrado {fechaHora(s.creado)}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
