/**
 * Asunto (detalle): header with folio, estatus and semáforo; the document's fields and anexos with
 * preview; turnos as cards with both semáforos and the actions the role allows; the timeline.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Divider,
  Grid,
  Group,
  Image,
  Loader,
  Modal,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import {
  IconArchive,
  IconBan,
  IconCalendarPlus,
  IconEdit,
  IconFile,
  IconPaperclip,
  IconPrinter,
  IconRefresh,
  IconSend,
} from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, ErrorApi } from '../../api';
import {
  CampoFecha,
  Semaforo,
  avisarError,
  avisarExito,
  fecha,
  fechaHora,
  filtroSinAcentos,
  pedirMotivo,
} from '../../ui';
import { ETIQUETAS, Pestanas, aBase64, abrirPdf, opciones, tamano, usePuede, useCatalogos, type Asunto, type Turno } from './comun';

function Campo({ etiqueta, children }: { etiqueta: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{etiqueta}</Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{children || '—'}</Text>
    </div>
  );
}

// ───────────── anexos ─────────────

function VistaPrevia({ asuntoId, archivo, onClose }: { asuntoId: string; archivo: { sha256: string; nombre: string } | null; onClose: () => void }) {
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
    <Modal opened={!!archivo} onClose={onClose} size="80%" title={archivo?.nombre}>
      {!url ? (
        <Loader />
      ) : url.tipo === 'application/pdf' ? (
        <iframe title={archivo?.nombre} src={url.src} style={{ width: '100%', height: '75vh', border: 0 }} />
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

// ───────────── turnar ─────────────

function DialogoTurnar({ asunto, abierto, onClose, alTurnar }: { asunto: Asunto; abierto: boolean; onClose: () => void; alTurnar: (a: Asunto) => void }) {
  const cat = useCatalogos();
  const [deps, setDeps] = useState<string[]>([]);
  const [instr, setInstr] = useState<string | null>(null);
  const [limite, setLimite] = useState<string | null>(null);
  const [plazoInfo, setPlazoInfo] = useState<string>('');
  const [notas, setNotas] = useState('');
  const [guardando, setGuardando] = useState(false);
  useEffect(() => {
    if (cat && !instr) setInstr(cat.instrucciones.find((i) => i.clave === 'ATENCION')?.id ?? cat.instrucciones[0]?.id ?? null);
  }, [cat, instr]);
  // The plazo is computed by the core (días hábiles); the user may edit it.
  useEffect(() => {
    if (!instr || !abierto) return;
    api
      .llamar('correspondencia.plazo', { instruccionId: instr })
      .then((p) => {
        setLimite(p.fechaLimite);
        setPlazoInfo(p.requiereAtencion ? `${p.diasHabiles} días hábiles a partir de hoy` : 'Para conocimiento: sin plazo');
      })
      .catch(avisarError);
  }, [instr, abierto]);
  const turnar = async () => {
    if (!instr || deps.length === 0) return;
    setGuardando(true);
    try {
      const a = await api.llamar('correspondencia.turnar', { asuntoId: asunto.id, dependencias: deps, instruccionId: instr, fechaLimite: limite, notas });
      avisarExito(`Asunto ${asunto.folio} turnado a ${deps.length === 1 ? 'una dependencia' : `${deps.length} dependencias`}.`);
      setDeps([]);
      setNotas('');
      alTurnar(a);
      onClose();
    } catch (e) {
      avisarError(e, 'No se turnó');
    } finally {
      setGuardando(false);
    }
  };
  const activas = (cat?.dependencias ?? []).filter((d) => d.activa).map((d) => ({ value: d.id, label: d.siglas ? `${d.nombre} (${d.siglas})` : d.nombre }));
  return (
    <Modal opened={abierto} onClose={onClose} title={`Turnar asunto ${asunto.folio}`} size="lg">
      <Stack
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void turnar();
          }
        }}
      >
        <MultiSelect
          label="Dependencias"
          placeholder="Escriba para buscar (sin acentos); puede elegir varias"
          data={activas}
          value={deps}
          onChange={setDeps}
          searchable
          filter={filtroSinAcentos}
          nothingFoundMessage="Sin coincidencias"
          data-autofocus
          withAsterisk
        />
        <Select
          label="Instrucción"
          data={(cat?.instrucciones ?? []).map((i) => ({ value: i.id, label: i.nombre }))}
          value={instr}
          onChange={setInstr}
          allowDeselect={false}
          searchable
          filter={filtroSinAcentos}
        />
        <CampoFecha label="Fecha límite" description={plazoInfo} value={limite} onChange={setLimite} />
        <Textarea label="Notas" autosize minRows={2} value={notas} onChange={(e) => setNotas(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancelar</Button>
          <Button onClick={() => void turnar()} loading={guardando} disabled={deps.length === 0} leftSection={<IconSend size={16} />}>
            Turnar (Ctrl+Enter)
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

// ───────────── turno: actualizar / prórroga ─────────────

function DialogoActualizar({ turno, onClose, alGuardar }: { turno: Turno | null; onClose: () => void; alGuardar: (a: Asunto) => void }) {
  const [estatus, setEstatus] = useState<string>('en_proceso');
  const [conRespuesta, setConRespuesta] = useState(false);
  const [oficio, setOficio] = useState('');
  const [fechaR, setFechaR] = useState<string | null>(null);
  const [resumen, setResumen] = useState('');
  const [archivo, setArchivo] = useState<File | null>(null);
  const [guardando, setGuardando] = useState(false);
  const selector = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!turno) return;
    setEstatus(turno.estatus === 'pendiente' ? 'en_proceso' : turno.estatus);
    setConRespuesta(false);
    setOficio('');
    setFechaR(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Hermosillo' }).format(new Date()));
    setResumen('');
    setArchivo(null);
  }, [turno]);
  if (!turno) return null;
  const guardar = async () => {
    setGuardando(true);
    try {
      const respuesta =
        conRespuesta && fechaR
          ? { numeroOficio: oficio, fecha: fechaR, resumen, anexo: archivo ? { nombre: archivo.name, contenidoBase64: await aBase64(archivo) } : null }
          : null;
      const a = await api.llamar('correspondencia.turnos.actualizar', { id: turno.id, version: turno.version, estatus: estatus as never, respuesta });
      avisarExito(`Turno a ${turno.dependenciaSiglas || turno.dependencia} actualizado.`);
      alGuardar(a);
      onClose();
    } catch (e) {
      avisarError(e, e instanceof ErrorApi && e.code === 'CONFLICTO' ? 'Conflicto' : 'No se guardó');
    } finally {
      setGuardando(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Actualizar turno — ${turno.dependencia}`} size="lg">
      <Stack>
        <Select label="Estatus" data={opciones.estatusTurno} value={estatus} onChange={(v) => v && setEstatus(v)} allowDeselect={false} data-autofocus />
        <Button variant={conRespuesta ? 'light' : 'default'} onClick={() => setConRespuesta((x) => !x)}>
          {conRespuesta ? 'Sin respuesta' : 'Registrar respuesta (oficio)'}
        </Button>
        {conRespuesta && (
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <SimpleGrid cols={2}>
                <TextInput label="Número de oficio de respuesta" value={oficio} onChange={(e) => setOficio(e.currentTarget.value)} />
                <CampoFecha label="Fecha de la respuesta" value={fechaR} onChange={setFechaR} />
              </SimpleGrid>
              <Textarea label="Resumen de la respuesta" autosize minRows={2} value={resumen} onChange={(e) => setResumen(e.currentTarget.value)} />
              <Group>
                <Button size="xs" variant="default" leftSection={<IconPaperclip size={14} />} onClick={() => selector.current?.click()}>
                  {archivo ? `${archivo.name} · ${tamano(archivo.size)}` : 'Adjuntar la respuesta escaneada…'}
                </Button>
                <input ref={selector} type="file" hidden aria-label="Archivo de respuesta" accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff" onChange={(e) => setArchivo(e.currentTarget.files?.[0] ?? null)} />
              </Group>
            </Stack>
          </Paper>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancelar</Button>
          <Button onClick={() => void guardar()} loading={guardando}>Guardar</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DialogoProrroga({ turno, folio, onClose, alGuardar }: { turno: Turno | null; folio: string; onClose: () => void; alGuardar: (a: Asunto) => void }) {
  const [nueva, setNueva] = useState<string | null>(null);
  const [motivo, setMotivo] = useState('');
  const [guardando, setGuardando] = useState(false);
  useEffect(() => {
    setNueva(null);
    setMotivo('');
  }, [turno]);
  if (!turno) return null;
  const guardar = async () => {
    if (!nueva) return;
    setGuardando(true);
    try {
      const a = await api.llamar('correspondencia.turnos.prorrogar', { id: turno.id, version: turno.version, fechaLimite: nueva, motivo });
      avisarExito(`Plazo del turno a ${turno.dependenciaSiglas || turno.dependencia} extendido al ${fecha(nueva)}.`);
      alGuardar(a);
      onClose();
    } catch (e) {
      avisarError(e, 'No se concedió la prórroga');
    } finally {
      setGuardando(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Prórroga del plazo">
      <Stack>
        <Text size="sm">
          Asunto {folio} · turno a <b>{turno.dependencia}</b>. Plazo actual: <b>{fecha(turno.fechaLimite)}</b>
          {turno.plazoOriginal && turno.plazoOriginal !== turno.fechaLimite ? ` (original ${fecha(turno.plazoOriginal)})` : ''}.
        </Text>
        <CampoFecha label="Nueva fecha límite" value={nueva} onChange={setNueva} withAsterisk data-autofocus />
        <Textarea label="Motivo" withAsterisk autosize minRows={2} value={motivo} onChange={(e) => setMotivo(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancelar</Button>
          <Button onClick={() => void guardar()} loading={guardando} disabled={!nueva || motivo.trim().length < 3}>
            Conceder prórroga
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

// ───────────── editar ─────────────

function DialogoEditar({ asunto, abierto, onClose, alGuardar }: { asunto: Asunto; abierto: boolean; onClose: () => void; alGuardar: (a: Asunto) => void }) {
  const cat = useCatalogos();
  const [v, setV] = useState(() => ({ ...asunto }));
  const [guardando, setGuardando] = useState(false);
  useEffect(() => setV({ ...asunto }), [asunto, abierto]);
  const cambiar = (k: keyof Asunto) => (e: { currentTarget: { value: string } }) => setV((x) => ({ ...x, [k]: e.currentTarget.value }));
  const guardar = async () => {
    setGuardando(true);
    try {
      const a = await api.llamar('correspondencia.editar', {
        id: asunto.id,
        version: asunto.version,
        fechaRecepcion: v.fechaRecepcion,
        horaRecepcion: v.horaRecepcion,
        medio: v.medio,
        tipo: v.tipo,
        prioridad: v.prioridad,
        remitenteNombre: v.remitenteNombre,
        remitenteCargo: v.remitenteCargo,
        remitenteOrganizacion: v.remitenteOrganizacion,
        municipioClave: v.municipioClave,
        oficioNumero: v.oficioNumero,
        oficioFecha: v.oficioFecha,
        asunto: v.asunto,
        observaciones: v.observaciones,
      });
      avisarExito('Cambios guardados; quedaron en la línea de tiempo.');
      alGuardar(a);
      onClose();
    } catch (e) {
      avisarError(e, 'No se guardaron los cambios');
    } finally {
      setGuardando(false);
    }
  };
  return (
    <Modal opened={abierto} onClose={onClose} title={`Editar asunto ${asunto.folio} (el folio no cambia)`} size="xl">
      <Stack gap="xs">
        <SimpleGrid cols={3}>
          <CampoFecha label="Fecha de recepción" value={v.fechaRecepcion} onChange={(x) => x && setV({ ...v, fechaRecepcion: x })} clearable={false} />
          <TextInput label="Hora" value={v.horaRecepcion} onChange={cambiar('horaRecepcion')} />
          <Select label="Medio" data={opciones.medio} value={v.medio} onChange={(x) => x && setV({ ...v, medio: x as never })} allowDeselect={false} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <TextInput label="Remitente" value={v.remitenteNombre} onChange={cambiar('remitenteNombre')} />
          <TextInput label="Cargo" value={v.remitenteCargo} onChange={cambiar('remitenteCargo')} />
          <TextInput label="Organización" value={v.remitenteOrganizacion} onChange={cambiar('remitenteOrganizacion')} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <TextInput label="Número de oficio" value={v.oficioNumero} onChange={cambiar('oficioNumero')} />
          <CampoFecha label="Fecha del oficio" value={v.oficioFecha} onChange={(x) => setV({ ...v, oficioFecha: x })} />
          <Select label="Tipo" data={opciones.tipo} value={v.tipo} onChange={(x) => x && setV({ ...v, tipo: x as never })} allowDeselect={false} />
        </SimpleGrid>
        <Textarea label="Asunto" autosize minRows={3} value={v.asunto} onChange={cambiar('asunto')} />
        <SimpleGrid cols={2}>
          <Select label="Prioridad" data={opciones.prioridad} value={v.prioridad} onChange={(x) => x && setV({ ...v, prioridad: x as never })} allowDeselect={false} />
          <Select
            label="Municipio"
            searchable
            clearable
            filter={filtroSinAcentos}
            data={(cat?.municipios ?? []).map((m) => ({ value: m.clave, label: m.nombre }))}
            value={v.municipioClave}
            onChange={(x) => setV({ ...v, municipioClave: x })}
          />
        </SimpleGrid>
        <Textarea label="Observaciones" autosize minRows={2} value={v.observaciones} onChange={cambiar('observaciones')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancelar</Button>
          <Button onClick={() => void guardar()} loading={guardando}>Guardar cambios</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

// ───────────── turno card ─────────────

function TarjetaTurno({ t, asunto, puede, alActualizar, alProrrogar, alCambiar }: {
  t: Turno;
  asunto: Asunto;
  puede: boolean;
  alActualizar: () => void;
  alProrrogar: () => void;
  alCambiar: (a: Asunto) => void;
}) {
  const reabrir = async () => {
    const motivo = await pedirMotivo({ titulo: 'Reabrir turno', registro: `Asunto ${asunto.folio} · turno a ${t.dependencia}`, confirmar: 'Reabrir' });
    if (!motivo) return;
    try {
      alCambiar(await api.llamar('correspondencia.turnos.reabrir', { id: t.id, version: t.version, motivo }));
      avisarExito('Turno reabierto.');
    } catch (e) {
      avisarError(e);
    }
  };
  return (
    <Card withBorder padding="sm" radius="md" data-testid={`turno-${t.dependenciaSiglas || t.dependencia}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={600}>{t.dependencia}</Text>
          <Text size="xs" c="dimmed">{t.instruccion} · turnado el {fecha(t.fechaTurno)}</Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Semaforo color={t.semaforoEstatus.color} texto={t.semaforoEstatus.etiqueta} motivo={t.semaforoEstatus.motivo} />
          <Semaforo color={t.semaforoPlazo.color} texto={t.semaforoPlazo.etiqueta} motivo={t.semaforoPlazo.motivo} mostrarMotivo="debajo" />
        </Stack>
      </Group>
      <Group gap="lg" mt={6}>
        <Text size="sm">Plazo: <b>{t.fechaLimite ? fecha(t.fechaLimite) : 'sin plazo'}</b></Text>
        {t.prorrogas > 0 && <Badge variant="light" color="orange">Prorrogado (original {fecha(t.plazoOriginal)})</Badge>}
        {t.reaperturas > 0 && <Badge variant="light" color="grape">Reabierto</Badge>}
      </Group>
      {t.respuestas.map((r) => (
        <Paper key={r.id} bg="gray.0" p="xs" mt="xs">
          <Text size="sm">
            Respuesta {r.numeroOficio && <b>oficio {r.numeroOficio}</b>} del {fecha(r.fecha)}
            {r.usuario ? ` · registró ${r.usuario}` : ''}
          </Text>
          {r.resumen && <Text size="sm" c="dimmed">{r.resumen}</Text>}
          {r.archivo && (
            <Anchor size="sm" onClick={() => void api.llamar('correspondencia.anexos.abrir', { asuntoId: asunto.id, sha256: r.archivo!.sha256 }).then((x) => api.abrir(x.archivoId), avisarError)}>
              <IconFile size={12} /> {r.archivo.nombre}
            </Anchor>
          )}
        </Paper>
      ))}
      {t.historial.map((h, i) => (
        <Text key={i} size="xs" c="dimmed" mt={4}>
          {h.tipo === 'prorroga' ? `Prórroga ${fecha(h.plazoAnterior)} → ${fecha(h.plazoNuevo)}` : 'Reapertura'} · {fechaHora(h.momento)} · {h.usuario ?? ''}: {h.motivo}
        </Text>
      ))}
      {puede && !asunto.anulado && (
        <Group gap="xs" mt="sm">
          {t.estatus !== 'atendido' && (
            <Button size="xs" variant="light" onClick={alActualizar} leftSection={<IconEdit size={14} />}>
              Actualizar
            </Button>
          )}
          {t.estatus !== 'atendido' && t.requiereAtencion && (
            <Button size="xs" variant="default" onClick={alProrrogar} leftSection={<IconCalendarPlus size={14} />}>
              Prórroga
            </Button>
          )}
          {t.estatus === 'atendido' && (
            <Button size="xs" variant="default" onClick={() => void reabrir()} leftSection={<IconRefresh size={14} />}>
              Reabrir
            </Button>
          )}
        </Group>
      )}
    </Card>
  );
}

// ───────────── the detail ─────────────

export function DetalleAsunto({ id, compacto = false, turnarAlAbrir = false, alCambiar }: { id: string; compacto?: boolean; turnarAlAbrir?: boolean; alCambiar?: () => void }) {
  const puede = usePuede();
  const [a, setA] = useState<Asunto | null>(null);
  const [turnando, setTurnando] = useState(false);
  const [editando, setEditando] = useState(false);
  const [actualizando, setActualizando] = useState<Turno | null>(null);
  const [prorrogando, setProrrogando] = useState<Turno | null>(null);
  const [vista, setVista] = useState<{ sha256: string; nombre: string } | null>(null);
  const selector = useRef<HTMLInputElement>(null);

  const cargar = useCallback(() => {
    api.llamar('correspondencia.obtener', { id }).then(setA).catch(avisarError);
  }, [id]);
  useEffect(() => {
    setA(null);
    cargar();
  }, [cargar]);
  useEffect(() => {
    if (turnarAlAbrir && a && puede.capturar && a.turnos.length === 0) setTurnando(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [turnarAlAbrir, a?.id]);

  const cambiar = (x: Asunto) => {
    setA(x);
    alCambiar?.();
  };

  if (!a) return <Loader m="xl" />;

  const conMotivo = async (accion: 'anular' | 'archivar') => {
    const motivo = await pedirMotivo({
      titulo: accion === 'anular' ? 'Anular asunto' : 'Archivar sin turno',
      registro: `Asunto ${a.folio} · ${a.asunto.slice(0, 80)}`,
      descripcion: accion === 'anular' ? 'El folio queda usado y visible como anulado; no se reutiliza.' : 'El asunto concluye sin turnarse a ninguna dependencia.',
      confirmar: accion === 'anular' ? 'Anular' : 'Archivar',
      peligro: accion === 'anular',
    });
    if (!motivo) return;
    try {
      cambiar(await api.llamar(accion === 'anular' ? 'correspondencia.anular' : 'correspondencia.archivar', { id: a.id, version: a.version, motivo }));
      avisarExito(accion === 'anular' ? `Asunto ${a.folio} anulado.` : `Asunto ${a.folio} archivado.`);
    } catch (e) {
      avisarError(e);
    }
  };

  const adjuntar = async (f: File | undefined) => {
    if (!f) return;
    try {
      cambiar(await api.llamar('correspondencia.anexos.agregar', { asuntoId: a.id, archivo: { nombre: f.name, contenidoBase64: await aBase64(f) } }));
      avisarExito(`Se adjuntó «${f.name}».`);
    } catch (e) {
      avisarError(e, 'No se adjuntó el archivo');
    }
  };

  const editable = puede.capturar && !a.anulado;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={compacto ? 3 : 2} data-testid="folio-asunto">{a.folio}</Title>
            <Text size="sm" c="dimmed">
              {a.serieNombre} · recibido el {fecha(a.fechaRecepcion)} a las {a.horaRecepcion} · {ETIQUETAS.destinatario[a.destinatario]}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Semaforo color={a.semaforoEstatus.color} texto={a.semaforoEstatus.etiqueta} tamano="md" />
            <Semaforo color={a.semaforoPlazo.color} texto={a.semaforoPlazo.etiqueta} motivo={a.semaforoPlazo.motivo} mostrarMotivo="junto" />
          </Stack>
        </Group>
        {a.anulado && <Text c="red.8" mt="xs">Anulado: {a.motivoAnulacion}</Text>}
        {a.archivado && <Text c="dimmed" mt="xs">Archivado sin turno: {a.motivoArchivo}</Text>}
        <Group gap="xs" mt="sm">
          <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => void abrirPdf(api.llamar('correspondencia.reportes.acuse', { id: a.id }))}>
            Imprimir acuse
          </Button>
          <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => void abrirPdf(api.llamar('correspondencia.reportes.volante', { id: a.id }))}>
            Imprimir volante
          </Button>
          {editable && !a.archivado && (
            <Button size="xs" leftSection={<IconSend size={14} />} onClick={() => setTurnando(true)}>
              Turnar
            </Button>
          )}
          {editable && (
            <Button size="xs" variant="light" leftSection={<IconEdit size={14} />} onClick={() => setEditando(true)}>
              Editar
            </Button>
          )}
          {editable && a.estatus === 'por_turnar' && (
            <Button size="xs" variant="light" color="gray" leftSection={<IconArchive size={14} />} onClick={() => void conMotivo('archivar')}>
              Archivar
            </Button>
          )}
          {editable && (
            <Button size="xs" variant="light" color="red" leftSection={<IconBan size={14} />} onClick={() => void conMotivo('anular')}>
              Anular
            </Button>
          )}
        </Group>
      </Paper>

      <Grid gap="md">
        <Grid.Col span={compacto ? 12 : 6}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              <Campo etiqueta="Remitente">{[a.remitenteNombre, a.remitenteCargo, a.remitenteOrganizacion].filter(Boolean).join(', ')}</Campo>
              <SimpleGrid cols={3}>
                <Campo etiqueta="Tipo">{ETIQUETAS.tipo[a.tipo]}</Campo>
                <Campo etiqueta="Número de oficio">{a.oficioNumero}</Campo>
                <Campo etiqueta="Fecha del oficio">{fecha(a.oficioFecha)}</Campo>
                <Campo etiqueta="Medio">{ETIQUETAS.medio[a.medio]}</Campo>
                <Campo etiqueta="Prioridad">{ETIQUETAS.prioridad[a.prioridad]}</Campo>
                <Campo etiqueta="Municipio">{a.municipio}</Campo>
              </SimpleGrid>
              <Campo etiqueta="Asunto">{a.asunto}</Campo>
              <Campo etiqueta="Serie documental">{a.serieDocumental}</Campo>
              <Campo etiqueta="Observaciones">{a.observaciones}</Campo>
              <Campo etiqueta="Registró">{a.registradoPor}</Campo>
              {a.horasParaTurnar !== null && <Campo etiqueta="Horas para turnar">{`${a.horasParaTurnar.toLocaleString('es-MX')} h`}</Campo>}
              <Divider label="Anexos" labelPosition="left" />
              {a.anexos.length === 0 && <Text size="sm" c="dimmed">Sin anexos.</Text>}
              <Table>
                <Table.Tbody>
                  {a.anexos.map((x) => (
                    <Table.Tr key={x.id}>
                      <Table.Td>
                        <Anchor size="sm" onClick={() => setVista({ sha256: x.sha256, nombre: x.nombre })}>
                          <IconFile size={12} /> {x.nombre}
                        </Anchor>
                      </Table.Td>
                      <Table.Td><Text size="xs" c="dimmed">{tamano(x.tamano)}</Text></Table.Td>
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
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={compacto ? 12 : 6}>
          <Stack gap="sm">
            <Title order={4}>Turnos</Title>
            {a.turnos.length === 0 && (
              <Text size="sm" c="dimmed">
                Aún no se ha turnado. {editable && !a.archivado && 'Use «Turnar» para enviarlo a una o varias dependencias.'}
              </Text>
            )}
            {a.turnos.map((t) => (
              <TarjetaTurno key={t.id} t={t} asunto={a} puede={puede.capturar} alActualizar={() => setActualizando(t)} alProrrogar={() => setProrrogando(t)} alCambiar={cambiar} />
            ))}
          </Stack>
        </Grid.Col>
      </Grid>

      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="sm">Línea de tiempo</Title>
        <Timeline bulletSize={14} lineWidth={2}>
          {a.eventos.map((e) => (
            <Timeline.Item key={e.id} title={e.descripcion}>
              <Text size="xs" c="dimmed">{fechaHora(e.momento)} · {e.usuario ?? 'Sistema'}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>

      <DialogoTurnar asunto={a} abierto={turnando} onClose={() => setTurnando(false)} alTurnar={cambiar} />
      <DialogoEditar asunto={a} abierto={editando} onClose={() => setEditando(false)} alGuardar={cambiar} />
      <DialogoActualizar turno={actualizando} onClose={() => setActualizando(null)} alGuardar={cambiar} />
      <DialogoProrroga turno={prorrogando} folio={a.folio} onClose={() => setProrrogando(null)} alGuardar={cambiar} />
      <VistaPrevia asuntoId={a.id} archivo={vista} onClose={() => setVista(null)} />
    </Stack>
  );
}

export function PaginaAsunto() {
  const { id } = useParams();
  const [params] = useSearchParams();
  return (
    <Stack>
      <Pestanas />
      {id && <DetalleAsunto id={id} turnarAlAbrir={params.get('turnar') === '1'} />}
    </Stack>
  );
}
