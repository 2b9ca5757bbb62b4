/** Gabinete › Acuerdos across meetings: filters in the route, DataTable, side panel with seguimientos. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert, Badge, Button, Card, CloseButton, FileInput, Group, MultiSelect, NumberInput, ScrollArea, Select, Stack, Switch, Text, Textarea, Timeline, Title,
} from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import type { Input } from '../../../../electron/contract';
import { aBase64, AvisosBorrador, CampoFecha, CampoSeleccion, ChipFiltro, DataTable, Semaforo, avisarError, cerrarPreguntando, useBorradorDe, useBorradorEstado, avisarExito, confirmar, erroresDeCampos, fecha, fechaHora, type ColumnaTabla } from '../../ui';
import { ESTATUS_ACUERDO, EncabezadoGabinete, generar, hoy, opcionesDependencias, useCatalogos, usePuedeEscribir, type Acuerdo, type AcuerdoDetalle } from './comun';
import { OficiosRecordados } from '../oficios/Recordados';

const COLUMNAS: ColumnaTabla<Acuerdo>[] = [
  { id: 'codigo', titulo: 'Código', valor: (a) => a.codigo, ancho: 130, orden: (a) => `${a.reunionFecha}${String(a.numero).padStart(5, '0')}` },
  { id: 'descripcion', titulo: 'Acuerdo', flexible: true, valor: (a) => a.descripcion },
  { id: 'reunion', titulo: 'Reunión', valor: (a) => a.reunion, ancho: 240, oculta: false },
  { id: 'fechaReunion', titulo: 'Fecha reunión', tipo: 'fecha', valor: (a) => a.reunionFecha, ancho: 110, oculta: true },
  { id: 'responsable', titulo: 'Responsable', valor: (a) => a.siglas || a.dependencia, texto: (a) => `${a.siglas} ${a.dependencia}`, ancho: 120 },
  { id: 'compromiso', titulo: 'Compromiso', tipo: 'fecha', valor: (a) => a.fechaCompromiso, ancho: 110 },
  { id: 'avance', titulo: 'Avance', tipo: 'numero', valor: (a) => a.avance, celda: (a) => `${a.avance} %`, ancho: 80 },
  {
    id: 'estatus', titulo: 'Estatus', valor: (a) => a.semaforoEstatus.etiqueta, ancho: 130,
    celda: (a) => <Semaforo color={a.semaforoEstatus.color} texto={a.semaforoEstatus.etiqueta} motivo={a.semaforoEstatus.motivo} />,
  },
  {
    id: 'plazo', titulo: 'Plazo', valor: (a) => a.semaforoPlazo.etiqueta, texto: (a) => `${a.semaforoPlazo.etiqueta} ${a.semaforoPlazo.motivo ?? ''}`, ancho: 230,
    celda: (a) => <Semaforo color={a.semaforoPlazo.color} texto={a.semaforoPlazo.etiqueta} motivo={a.semaforoPlazo.motivo} mostrarMotivo="junto" />,
  },
];

const SEMAFOROS = [
  { value: 'vencido', label: 'Plazo: vencido' },
  { value: 'en_riesgo', label: 'Plazo: en riesgo' },
  { value: 'a_tiempo', label: 'Plazo: a tiempo' },
  { value: 'sin_plazo', label: 'Plazo: sin plazo' },
  { value: 'verde', label: 'Estatus: verde (concluido)' },
  { value: 'amarillo', label: 'Estatus: amarillo (en proceso)' },
  { value: 'rojo', label: 'Estatus: rojo (por iniciar)' },
  { value: 'gris', label: 'Estatus: gris (cancelado)' },
];

type Filtros = NonNullable<Input<'gabinete.acuerdos.listar'>>;

export function PaginaAcuerdos() {
  const cat = useCatalogos();
  const navegar = useNavigate();
  const [params, setParams] = useSearchParams();
  const filtros: Filtros = useMemo(() => {
    const f: Filtros = {};
    if (params.get('tipo')) f.tipoId = params.get('tipo')!;
    if (params.get('reunion')) f.reunionId = params.get('reunion')!;
    if (params.get('dependencia')) f.dependenciaId = params.get('dependencia')!;
    if (params.get('estatus')) f.estatus = [params.get('estatus') as 'por_iniciar'];
    if (params.get('semaforo')) f.semaforo = params.get('semaforo') as 'vencido';
    if (params.get('vencidos') === '1') f.vencidos = true;
    if (params.get('desde')) f.desde = params.get('desde')!;
    if (params.get('hasta')) f.hasta = params.get('hasta')!;
    if (params.get('concluidoDesde')) f.concluidoDesde = params.get('concluidoDesde')!;
    if (params.get('concluidoHasta')) f.concluidoHasta = params.get('concluidoHasta')!;
    if (params.get('vencidosAl')) f.vencidosAl = params.get('vencidosAl')!;
    return f;
  }, [params]);
  const [filas, setFilas] = useState<Acuerdo[]>([]);
  const [cargando, setCargando] = useState(true);
  const [reuniones, setReuniones] = useState<{ value: string; label: string }[]>([]);
  const seleccionado = params.get('acuerdo');

  const cargar = useCallback(() => {
    setCargando(true);
    return api.llamar('gabinete.acuerdos.listar', filtros).then((r) => setFilas(r.items), avisarError).finally(() => setCargando(false));
  }, [filtros]);
  useEffect(() => void cargar(), [cargar]);
  useAlCambiar(() => void api.llamar('gabinete.acuerdos.listar', filtros).then((r) => setFilas(r.items), avisarError), ['gab_acuerdos', 'gab_reuniones']);
  useEffect(() => void api.llamar('gabinete.reuniones.listar', {}).then((rs) => setReuniones(rs.map((r) => ({ value: r.id, label: r.nombre }))), avisarError), []);

  const cambiar = (clave: string, valor: string | null) => {
    const p = new URLSearchParams(params);
    if (valor) p.set(clave, valor);
    else p.delete(clave);
    setParams(p, { replace: true });
  };
  const exportar = async (formato: 'pdf' | 'xlsx') => {
    const doc = await generar('gabinete.documentos.acuerdosPorDependencia', { formato, filtros });
    if (!doc) return;
    if (formato === 'pdf') api.abrir(doc.archivoId);
    else await api.descargar(doc.archivoId, doc.nombre);
  };

  return (
    <Stack gap="sm" h="calc(100vh - 120px)">
      <EncabezadoGabinete
        titulo="Acuerdos"
        descripcion="Acuerdos de todas las reuniones con su seguimiento y los dos semáforos."
        acciones={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportar('xlsx')}>Por dependencia (Excel)</Button>
            <Button variant="default" leftSection={<IconFileTypePdf size={16} />} onClick={() => void exportar('pdf')}>Por dependencia (PDF)</Button>
          </Group>
        }
      />
      <Group gap="xs" wrap="wrap">
        <Select aria-label="Gabinete" placeholder="Gabinete" clearable w={200} data={(cat?.tipos ?? []).map((t) => ({ value: t.id, label: t.nombre }))} value={filtros.tipoId ?? null} onChange={(v) => cambiar('tipo', v)} />
        <Select aria-label="Reunión" placeholder="Reunión" clearable searchable w={260} data={reuniones} value={filtros.reunionId ?? null} onChange={(v) => cambiar('reunion', v)} />
        <CampoSeleccion aria-label="Dependencia" placeholder="Dependencia" clearable w={240} data={opcionesDependencias(cat?.todasDependencias ?? [])} value={filtros.dependenciaId ?? null} onChange={(v) => cambiar('dependencia', v)} />
        <Select aria-label="Estatus" placeholder="Estatus" clearable w={140} data={ESTATUS_ACUERDO} value={params.get('estatus')} onChange={(v) => cambiar('estatus', v)} />
        <Select aria-label="Semáforo" placeholder="Semáforo" clearable w={220} data={SEMAFOROS} value={filtros.semaforo ?? null} onChange={(v) => cambiar('semaforo', v)} />
        <CampoFecha soloValidas aria-label="Reuniones desde" placeholder="Desde" w={140} value={filtros.desde ?? null} onChange={(v) => cambiar('desde', v)} />
        <CampoFecha soloValidas aria-label="Reuniones hasta" placeholder="Hasta" w={140} value={filtros.hasta ?? null} onChange={(v) => cambiar('hasta', v)} />
        <Switch label="Solo vencidos" checked={!!filtros.vencidos} onChange={(e) => cambiar('vencidos', e.currentTarget.checked ? '1' : null)} />
        {filtros.vencidosAl && (
          // Comes from the tablero's «Vencidos» of a past week: each acuerdo as it stood at that day's close.
          <ChipFiltro color="red" data-testid="filtro-vencidos-al" quitar="Quitar filtro de vencidos al" alQuitar={() => cambiar('vencidosAl', null)}>
            Vencidos al cierre del {fecha(filtros.vencidosAl)} · la tabla muestra el estatus de hoy
          </ChipFiltro>
        )}
        {(filtros.concluidoDesde || filtros.concluidoHasta) && (
          // Comes from the tablero's «Concluidos» of a week: say which week, and let it go.
          <ChipFiltro
            data-testid="filtro-concluidos"
            quitar="Quitar filtro de concluidos"
            alQuitar={() => {
              const p = new URLSearchParams(params);
              p.delete('concluidoDesde');
              p.delete('concluidoHasta');
              setParams(p, { replace: true });
            }}
          >
            Concluidos {filtros.concluidoDesde ? `del ${fecha(filtros.concluidoDesde)}` : ''} {filtros.concluidoHasta ? `al ${fecha(filtros.concluidoHasta)}` : ''}
          </ChipFiltro>
        )}
      </Group>
      <div style={{ display: 'flex', gap: 12, flex: 1, minHeight: 0 }}>
        <div style={{ flex: seleccionado ? 7 : 1, minWidth: 0, height: '100%' }}>
          <DataTable
            id="gabinete-acuerdos"
            columnas={COLUMNAS}
            filas={filas}
            idFila={(a) => a.id}
            sustantivo={{ singular: 'acuerdo', plural: 'acuerdos' }}
            cargando={cargando}
            seleccionadaId={seleccionado}
            onSeleccionar={(a) => cambiar('acuerdo', a.id)}
            onAbrir={(a) => navegar(`/gabinete/reuniones/${a.reunionId}/acuerdos`)}
            vacio={{ titulo: 'Sin acuerdos', mensaje: 'No hay acuerdos con estos filtros. Los acuerdos se capturan en la pestaña Acuerdos de cada reunión.' }}
          />
        </div>
        {seleccionado && (
          <div style={{ flex: 5, minWidth: 0, height: '100%' }}>
            <PanelAcuerdo id={seleccionado} onCerrar={() => cambiar('acuerdo', null)} alCambiar={() => void cargar()} />
          </div>
        )}
      </div>
    </Stack>
  );
}

/** Edits the text of an acuerdo while its meeting is open (the core refuses it once the minuta is issued). */
function EditarAcuerdo({ a, alGuardar, alCancelar }: { a: AcuerdoDetalle; alGuardar: () => void; alCancelar: () => void }) {
  const cat = useCatalogos();
  const [descripcion, setDescripcion] = useState(a.descripcion);
  const [dependenciaId, setDependenciaId] = useState<string | null>(a.dependenciaId);
  const [corresponsables, setCorresponsables] = useState(a.corresponsables.map((c) => c.id));
  const [fechaCompromiso, setFechaCompromiso] = useState<string | null>(a.fechaCompromiso);
  const opciones = opcionesDependencias(cat?.todasDependencias.filter((d) => d.activa || d.id === a.dependenciaId || corresponsables.includes(d.id)) ?? []);
  const [iniciales] = useState(() => ({ descripcion: a.descripcion, dependenciaId: a.dependenciaId as string | null, corresponsables: a.corresponsables.map((c) => c.id), fechaCompromiso: a.fechaCompromiso as string | null }));
  const borrador = useBorradorEstado(`gabinete.acuerdo.editar.${a.id}`, { descripcion, dependenciaId, corresponsables, fechaCompromiso }, iniciales, (v) => {
    setDescripcion(v.descripcion);
    setDependenciaId(v.dependenciaId);
    setCorresponsables(v.corresponsables);
    setFechaCompromiso(v.fechaCompromiso);
  });
  const cancelar = cerrarPreguntando(borrador.sucio, alCancelar);
  const guardar = async () => {
    try {
      await api.llamar('gabinete.acuerdos.editar', { id: a.id, version: a.version, descripcion, dependenciaId: dependenciaId ?? '', corresponsables, fechaCompromiso });
      borrador.olvidar();
      avisarExito(`Acuerdo ${a.codigo} actualizado.`);
      alGuardar();
    } catch (e) {
      avisarError(e);
      if ((e as { code?: string }).code === 'CONFLICTO') alGuardar();
    }
  };
  return (
    <Card withBorder p="xs">
      <AvisosBorrador b={borrador} />
      <Stack gap={6} onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && (e.preventDefault(), void guardar())}>
        <Textarea label="Acuerdo" size="xs" autosize minRows={2} value={descripcion} onChange={(e) => setDescripcion(e.currentTarget.value)} maxLength={4000} />
        <CampoSeleccion label="Responsable" size="xs" data={opciones} value={dependenciaId} onChange={setDependenciaId} />
        <MultiSelect label="Corresponsables" size="xs" data={opciones.filter((o) => o.value !== dependenciaId)} value={corresponsables} onChange={setCorresponsables} searchable />
        <CampoFecha label="Fecha compromiso" size="xs" value={fechaCompromiso} onChange={setFechaCompromiso} />
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={cancelar}>Cancelar</Button>
          <Button size="xs" onClick={() => void guardar()}>Guardar cambios</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function PanelAcuerdo({ id, onCerrar, alCambiar }: { id: string; onCerrar: () => void; alCambiar: () => void }) {
  const escribe = usePuedeEscribir();
  const [a, setA] = useState<AcuerdoDetalle | null>(null);
  const [fechaSeg, setFechaSeg] = useState<string | null>(hoy());
  const [nota, setNota] = useState('');
  const [estatus, setEstatus] = useState<string | null>(null);
  const [avance, setAvance] = useState<number | string>('');
  const [evidencia, setEvidencia] = useState<File | null>(null);
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [guardando, setGuardando] = useState(false);
  const [editando, setEditando] = useState(false);
  // The seguimiento being written is a draft per acuerdo (the nota is what makes it one).
  const borrador = useBorradorDe(escribe ? `gabinete.acuerdo.seguimiento.${id}` : undefined, { fechaSeg, nota, estatus, avance }, nota.trim() !== '', (v) => {
    setFechaSeg(v.fechaSeg);
    setNota(v.nota);
    setEstatus(v.estatus);
    setAvance(v.avance);
  });

  const leer = useCallback(() => {
    api.llamar('gabinete.acuerdos.obtener', { id }).then((x) => {
      setA(x);
      setAvance(x.avance);
      setEstatus(x.estatus);
    }, avisarError);
  }, [id]);
  useEffect(() => {
    setA(null);
    setEditando(false);
    setNota('');
    setEvidencia(null);
    leer();
  }, [leer]);
  // Another station's seguimiento: the acuerdo is refreshed; what the user is typing stays.
  useAlCambiar(() => void api.llamar('gabinete.acuerdos.obtener', { id }).then(setA, avisarError), ['gab_acuerdos']);
  if (!a) return <Card withBorder h="100%"><Text c="dimmed">Cargando…</Text></Card>;

  const enviar = async (estatusForzado?: string) => {
    setErrores({});
    if (!fechaSeg) return setErrores({ fecha: 'Fecha del seguimiento es obligatoria.' });
    if (!nota.trim()) return setErrores({ nota: 'Nota es obligatoria.' });
    setGuardando(true);
    try {
      const x = await api.llamar('gabinete.acuerdos.seguimiento', {
        acuerdoId: a.id,
        version: a.version,
        fecha: fechaSeg,
        nota,
        estatus: (estatusForzado ?? estatus ?? undefined) as 'en_proceso' | undefined,
        avance: avance === '' ? undefined : Number(avance),
        evidencia: evidencia ? { nombre: evidencia.name, contenidoBase64: await aBase64(evidencia) } : null,
      });
      setA(x);
      setAvance(x.avance);
      setEstatus(x.estatus);
      borrador.olvidar();
      setNota('');
      setEvidencia(null);
      avisarExito(x.seguimientos[0]?.ajuste ?? 'Seguimiento registrado.');
      alCambiar();
    } catch (e) {
      const d = (e as { details?: { confirmar?: string }[] }).details;
      if (Array.isArray(d) && d[0]?.confirmar === 'concluir') {
        setGuardando(false);
        const si = await confirmar({ titulo: '¿Concluir el acuerdo?', mensaje: (e as Error).message, confirmar: 'Marcar como concluido' });
        if (si) return void enviar('concluido');
        return;
      }
      setErrores((erroresDeCampos(e) as Record<string, string>) ?? {});
      avisarError(e);
    } finally {
      setGuardando(false);
    }
  };

  return (
    <Card withBorder h="100%" p="sm" style={{ display: 'flex', flexDirection: 'column' }} data-testid="panel-acuerdo">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Group gap="xs"><Title order={4}>{a.codigo}</Title>{a.textoBloqueado && <Badge size="xs" color="gray">Texto bloqueado</Badge>}</Group>
          <Text size="xs" c="dimmed">{a.reunion} · {fecha(a.reunionFecha)}</Text>
        </div>
        <CloseButton aria-label="Cerrar panel" onClick={onCerrar} />
      </Group>
      <ScrollArea style={{ flex: 1 }} offsetScrollbars>
        <Stack gap="xs" mt="xs">
          {editando ? (
            <EditarAcuerdo a={a} alCancelar={() => setEditando(false)} alGuardar={() => { setEditando(false); leer(); alCambiar(); }} />
          ) : (
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm">{a.descripcion}</Text>
              {escribe && !a.textoBloqueado && <Button size="compact-xs" variant="subtle" onClick={() => setEditando(true)}>Editar</Button>}
            </Group>
          )}
          <Text size="xs">Responsable: <b>{a.dependencia}</b>{a.corresponsables.length ? ` · Corresponsables: ${a.corresponsables.map((c) => c.siglas || c.nombre).join(', ')}` : ''}</Text>
          <Group gap="md">
            <Text size="xs" c="dimmed">Estatus</Text>
            <Semaforo color={a.semaforoEstatus.color} texto={a.semaforoEstatus.etiqueta} motivo={a.semaforoEstatus.motivo} mostrarMotivo="junto" tamano="md" />
            <Text size="xs" c="dimmed">Plazo</Text>
            <Semaforo color={a.semaforoPlazo.color} texto={a.semaforoPlazo.etiqueta} motivo={a.semaforoPlazo.motivo} mostrarMotivo="junto" tamano="md" />
          </Group>
          <Text size="xs" c="dimmed">Fecha compromiso: {a.fechaCompromiso ? fecha(a.fechaCompromiso) : 'sin fecha'} · Avance {a.avance} %</Text>
          {escribe && (
            <Card withBorder p="xs" bg="gray.0">
              <Text fw={600} size="sm" mb={4}>Registrar seguimiento</Text>
              <AvisosBorrador b={borrador} guardando={guardando} />
              <Stack gap={6} onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && (e.preventDefault(), void enviar())}>
                <Group grow>
                  <CampoFecha label="Fecha" size="xs" value={fechaSeg} onChange={setFechaSeg} error={errores.fecha} />
                  <Select label="Estatus" size="xs" data={ESTATUS_ACUERDO} value={estatus} onChange={setEstatus} />
                  <NumberInput label="Avance %" size="xs" min={0} max={100} value={avance} onChange={setAvance} error={errores.avance} />
                </Group>
                <Textarea label="Nota" size="xs" autosize minRows={2} value={nota} onChange={(e) => setNota(e.currentTarget.value)} error={errores.nota} maxLength={4000}
                  placeholder={estatus === 'cancelado' ? 'Motivo de la cancelación' : '¿Qué se hizo?'} />
                <FileInput label="Evidencia (opcional)" size="xs" clearable value={evidencia} onChange={setEvidencia} placeholder="PDF o imagen" />
                <Group justify="flex-end"><Button size="xs" onClick={() => void enviar()} loading={guardando}>Registrar seguimiento (Ctrl+Enter)</Button></Group>
              </Stack>
            </Card>
          )}
          <Text fw={600} size="sm">Historial de seguimiento</Text>
          <OficiosRecordados filtro={{ acuerdoId: a.id }} />
          {a.seguimientos.length === 0 && <Alert color="gray" py={6}>Sin seguimientos todavía.</Alert>}
          <Timeline bulletSize={14} lineWidth={2}>
            {a.seguimientos.map((s) => (
              <Timeline.Item key={s.id} title={<Text size="sm" fw={600}>{fecha(s.fecha)} · {s.autor}</Text>}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{s.nota}</Text>
                <Text size="xs" c="dimmed">
                  {s.estatusAntes !== s.estatusDespues ? `${ESTATUS_ACUERDO.find((e) => e.value === s.estatusAntes)?.label} → ${ESTATUS_ACUERDO.find((e) => e.value === s.estatusDespues)?.label} · ` : ''}
                  Avance {s.avanceAntes} % → {s.avanceDespues} % · registrado {fechaHora(s.creado)}
                </Text>
                {s.ajuste && <Text size="xs" c="orange.8">{s.ajuste}</Text>}
                {s.evidencia && (
                  <Button size="compact-xs" variant="subtle" leftSection={<IconDownload size={12} />} onClick={async () => {
                    const doc = await generar('gabinete.archivos.descargar', { sha256: s.evidencia!.sha256, nombre: s.evidencia!.nombre });
                    if (doc) await api.descargar(doc.archivoId, doc.nombre);
                  }}>{s.evidencia.nombre}</Button>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      </ScrollArea>
    </Card>
  );
}
