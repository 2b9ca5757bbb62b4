/** The tabs of Gabinete › Reunión. Every rule (locks, numbering, semáforos) comes from the core. */
import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import {
  ActionIcon, Alert, Button, Card, FileButton, Group, MultiSelect, Paper, SegmentedControl, Stack, Table, Text, TextInput, Textarea, Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDownload, IconFileTypePdf, IconGripVertical, IconPaperclip, IconPencil, IconTrash } from '@tabler/icons-react';
import { api } from '../../api';
import {
  CampoFecha, CampoSeleccion, DataTable, Semaforo, avisarError, type ColumnaTabla, avisarExito, erroresDeCampos, fechaHora, filtroSinAcentos, numero, pedirMotivo,
} from '../../ui';
import { generar, leerBase64, opcionesDependencias, useCatalogos, type Reunion } from './comun';

interface Props {
  r: Reunion;
  editable: boolean;
  alCambiar: () => unknown;
}

// ── Convocados ───────────────────────────────────────────────────────────────────────────────────────
export function PestanaConvocados({ r, editable, alCambiar }: Props) {
  const [funcionarios, setFuncionarios] = useState<Awaited<ReturnType<typeof api.llamar<'gabinete.funcionarios.listar'>>>>([]);
  const [elegidos, setElegidos] = useState<string[]>([]);
  useEffect(() => void api.llamar('gabinete.funcionarios.listar', {}).then(setFuncionarios, avisarError), []);
  const ya = new Set(r.convocadosLista.map((c) => c.funcionarioId));
  const grupos = useMemo(() => {
    const m = new Map<string, { value: string; label: string }[]>();
    for (const f of funcionarios) {
      if (ya.has(f.id)) continue;
      const g = f.siglas || f.dependencia;
      m.set(g, [...(m.get(g) ?? []), { value: f.id, label: `${f.nombre}${f.cargo ? ` — ${f.cargo}` : ''}` }]);
    }
    return [...m.entries()].map(([group, items]) => ({ group, items }));
  }, [funcionarios, r.convocadosLista]); // eslint-disable-line react-hooks/exhaustive-deps

  const convocar = async (ids: string[]) => {
    if (!ids.length) return;
    try {
      await api.llamar('gabinete.convocados.agregar', { reunionId: r.id, funcionarioIds: ids });
      setElegidos([]);
      await alCambiar();
    } catch (e) {
      avisarError(e);
    }
  };
  const dependencias = [...new Set(funcionarios.filter((f) => !ya.has(f.id)).map((f) => f.dependenciaId))];

  return (
    <Stack gap="sm">
      {editable && (
        <Group align="flex-end" gap="xs">
          <MultiSelect
            label="Convocar del directorio"
            placeholder="Busque por nombre, cargo o dependencia"
            data={grupos}
            value={elegidos}
            onChange={setElegidos}
            searchable
            filter={filtroSinAcentos}
            nothingFoundMessage="Sin coincidencias (agregue funcionarios en Directorio)"
            style={{ flex: 1 }}
          />
          <Button onClick={() => void convocar(elegidos)} disabled={!elegidos.length}>Convocar</Button>
          {dependencias.length > 0 && (
            <CampoSeleccion
              aria-label="Convocar a toda una dependencia"
              placeholder="Toda una dependencia…"
              w={260}
              value={null}
              data={dependencias.map((d) => {
                const f = funcionarios.find((x) => x.dependenciaId === d)!;
                return { value: d, label: f.siglas ? `${f.siglas} — ${f.dependencia}` : f.dependencia };
              })}
              onChange={(d) => d && void convocar(funcionarios.filter((f) => f.dependenciaId === d && !ya.has(f.id)).map((f) => f.id))}
            />
          )}
        </Group>
      )}
      {r.convocadosLista.length === 0 ? (
        <Alert color="gray">Nadie convocado todavía. {editable ? 'Elija funcionarios del directorio arriba.' : ''}</Alert>
      ) : (
        <Table striped highlightOnHover stickyHeader>
          <Table.Thead>
            <Table.Tr><Table.Th>Nombre</Table.Th><Table.Th>Cargo</Table.Th><Table.Th>Dependencia</Table.Th><Table.Th>Correo</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.convocadosLista.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.nombre}</Table.Td>
                <Table.Td>{c.cargo}</Table.Td>
                <Table.Td>{c.dependencia}</Table.Td>
                <Table.Td>{c.correo}</Table.Td>
                <Table.Td w={40}>
                  {editable && c.asistencia === 'sin_registro' && (
                    <ActionIcon variant="subtle" color="red" aria-label={`Quitar a ${c.nombre}`} onClick={() => void api.llamar('gabinete.convocados.quitar', { id: c.id, version: c.version }).then(alCambiar, avisarError)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

// ── Orden del día: reorder by drag and by keyboard (Alt+↑/↓ on a focused point) ────────────────────
export function PestanaOrden({ r, editable, alCambiar }: Props) {
  const [titulo, setTitulo] = useState('');
  const [presentador, setPresentador] = useState('');
  const [arrastrado, setArrastrado] = useState<string | null>(null);
  const [orden, setOrden] = useState(r.orden);
  const refs = useRef(new Map<string, HTMLDivElement>());
  const [editandoId, setEditandoId] = useState<string | null>(null);
  const [edTitulo, setEdTitulo] = useState('');
  const [edPresentador, setEdPresentador] = useState('');
  useEffect(() => setOrden(r.orden), [r.orden]);
  const editar = (p: Reunion['orden'][number]) => {
    setEditandoId(p.id);
    setEdTitulo(p.titulo);
    setEdPresentador(p.presentador);
  };
  const guardarEdicion = async (p: Reunion['orden'][number]) => {
    try {
      setOrden(await api.llamar('gabinete.orden.guardar', { reunionId: r.id, id: p.id, version: p.version, titulo: edTitulo, presentador: edPresentador }));
      setEditandoId(null);
      await alCambiar();
      requestAnimationFrame(() => refs.current.get(p.id)?.focus());
    } catch (e) {
      avisarError(e);
    }
  };

  const guardarOrden = async (ids: string[], enfocar?: string) => {
    try {
      setOrden(await api.llamar('gabinete.orden.reordenar', { reunionId: r.id, ids }));
      await alCambiar();
      if (enfocar) requestAnimationFrame(() => refs.current.get(enfocar)?.focus());
    } catch (e) {
      avisarError(e);
      await alCambiar();
    }
  };
  const mover = (id: string, delta: number) => {
    const ids = orden.map((p) => p.id);
    const i = ids.indexOf(id);
    const j = i + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    setOrden(ids.map((x) => orden.find((p) => p.id === x)!));
    void guardarOrden(ids, id);
  };
  const alSoltar = (ev: DragEvent, destino: string) => {
    ev.preventDefault();
    if (!arrastrado || arrastrado === destino) return;
    const ids = orden.map((p) => p.id).filter((x) => x !== arrastrado);
    ids.splice(ids.indexOf(destino) + (orden.findIndex((p) => p.id === arrastrado) < orden.findIndex((p) => p.id === destino) ? 1 : 0), 0, arrastrado);
    setArrastrado(null);
    void guardarOrden(ids);
  };
  const agregar = async () => {
    if (!titulo.trim()) return;
    try {
      setOrden(await api.llamar('gabinete.orden.guardar', { reunionId: r.id, titulo, presentador }));
      setTitulo('');
      setPresentador('');
      await alCambiar();
    } catch (e) {
      avisarError(e);
    }
  };

  return (
    <Stack gap="sm" maw={900}>
      {editable && (
        <Group align="flex-end" gap="xs" onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void agregar())}>
          <TextInput label="Punto del orden del día" value={titulo} onChange={(e) => setTitulo(e.currentTarget.value)} style={{ flex: 2 }} maxLength={500} />
          <TextInput label="Presenta" value={presentador} onChange={(e) => setPresentador(e.currentTarget.value)} style={{ flex: 1 }} maxLength={200} />
          <Button onClick={() => void agregar()}>Agregar punto</Button>
        </Group>
      )}
      {editable && orden.length > 1 && <Text size="xs" c="dimmed">Arrastre un punto para moverlo, o selecciónelo y use Alt+↑ / Alt+↓.</Text>}
      {orden.length === 0 && <Alert color="gray">Sin puntos en el orden del día.</Alert>}
      <Stack gap={4} role="list" aria-label="Orden del día">
        {orden.map((p, i) => (
          <Paper
            key={p.id}
            withBorder
            p="xs"
            role="listitem"
            tabIndex={0}
            ref={(el) => void (el ? refs.current.set(p.id, el) : refs.current.delete(p.id))}
            aria-label={`Punto ${i + 1}: ${p.titulo}`}
            draggable={editable && editandoId !== p.id}
            onDragStart={() => setArrastrado(p.id)}
            onDragOver={(e) => editable && e.preventDefault()}
            onDrop={(e) => alSoltar(e, p.id)}
            onKeyDown={(e: KeyboardEvent) => {
              if (!editable || !e.altKey) return;
              if (e.key === 'ArrowUp') (e.preventDefault(), mover(p.id, -1));
              if (e.key === 'ArrowDown') (e.preventDefault(), mover(p.id, 1));
            }}
            style={{ opacity: arrastrado === p.id ? 0.5 : 1, cursor: editable ? 'grab' : undefined }}
            data-testid="punto-orden"
          >
            <Group gap="xs" wrap="nowrap">
              {editable && <IconGripVertical size={16} color="gray" />}
              <Text fw={600} w={28}>{i + 1}.</Text>
              {editandoId === p.id ? (
                <Group gap="xs" style={{ flex: 1 }} onKeyDown={(e) => {
                  e.stopPropagation();
                  if (e.key === 'Enter') (e.preventDefault(), void guardarEdicion(p));
                  if (e.key === 'Escape') setEditandoId(null);
                }}>
                  <TextInput size="xs" aria-label="Punto" value={edTitulo} onChange={(e) => setEdTitulo(e.currentTarget.value)} style={{ flex: 2 }} autoFocus maxLength={500} />
                  <TextInput size="xs" aria-label="Presenta" value={edPresentador} onChange={(e) => setEdPresentador(e.currentTarget.value)} style={{ flex: 1 }} maxLength={200} />
                  <Button size="xs" onClick={() => void guardarEdicion(p)}>Guardar</Button>
                </Group>
              ) : (
                <div style={{ flex: 1 }} onDoubleClick={() => editable && editar(p)}>
                  <Text size="sm">{p.titulo}</Text>
                  {p.presentador && <Text size="xs" c="dimmed">Presenta: {p.presentador}</Text>}
                </div>
              )}
              {editable && editandoId !== p.id && (
                <Group gap={2}>
                  <ActionIcon variant="subtle" aria-label={`Editar punto ${i + 1}`} onClick={() => editar(p)}><IconPencil size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" aria-label={`Subir punto ${i + 1}`} disabled={i === 0} onClick={() => mover(p.id, -1)}><IconArrowUp size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" aria-label={`Bajar punto ${i + 1}`} disabled={i === orden.length - 1} onClick={() => mover(p.id, 1)}><IconArrowDown size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={`Retirar punto ${i + 1}`} onClick={() => void api.llamar('gabinete.orden.retirar', { id: p.id, version: p.version }).then(setOrden, avisarError).then(alCambiar)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

// ── Asistencia ───────────────────────────────────────────────────────────────────────────────────────
const OPCIONES_ASISTENCIA = [
  { value: 'asistio', label: 'Asistió' },
  { value: 'no_asistio', label: 'No asistió' },
  { value: 'representante', label: 'Envió representante' },
];

function FilaAsistencia({ c, editable, alCambiar }: { c: Reunion['convocadosLista'][number]; editable: boolean; alCambiar: () => unknown }) {
  const [valor, setValor] = useState<string>(c.asistencia);
  const [representante, setRepresentante] = useState(c.representante);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setValor(c.asistencia);
    setRepresentante(c.representante);
  }, [c.asistencia, c.representante]);
  const guardar = async (asistencia: string, rep: string) => {
    setError(undefined);
    try {
      await api.llamar('gabinete.asistencia.registrar', { id: c.id, version: c.version, asistencia: asistencia as 'asistio', representante: rep });
      await alCambiar();
    } catch (e) {
      setError((erroresDeCampos(e) as Record<string, string> | null)?.representante);
      if (!erroresDeCampos(e)) avisarError(e);
    }
  };
  return (
    <Table.Tr>
      <Table.Td>{c.nombre}<Text size="xs" c="dimmed">{c.cargo}</Text></Table.Td>
      <Table.Td>{c.siglas || c.dependencia}</Table.Td>
      <Table.Td>
        <SegmentedControl
          size="xs"
          aria-label={`Asistencia de ${c.nombre}`}
          disabled={!editable}
          data={OPCIONES_ASISTENCIA}
          value={valor === 'sin_registro' ? '' : valor}
          onChange={(v) => {
            setValor(v);
            if (v !== 'representante') void guardar(v, '');
          }}
        />
      </Table.Td>
      <Table.Td>
        {valor === 'representante' && (
          <TextInput
            size="xs"
            aria-label={`Representante de ${c.nombre}`}
            placeholder="Nombre del representante (Enter para guardar)"
            value={representante}
            disabled={!editable}
            error={error}
            autoFocus={c.asistencia !== 'representante'}
            onChange={(e) => setRepresentante(e.currentTarget.value)}
            onBlur={() => representante.trim() && representante !== c.representante && void guardar('representante', representante)}
            onKeyDown={(e) => e.key === 'Enter' && void guardar('representante', representante)}
            maxLength={150}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function PestanaAsistencia({ r, editable, alCambiar }: Props) {
  if (r.convocadosLista.length === 0) return <Alert color="gray">Primero convoque funcionarios en la pestaña Convocados.</Alert>;
  const cuenta = (a: string) => r.convocadosLista.filter((c) => c.asistencia === a).length;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Asistieron {cuenta('asistio')} · enviaron representante {cuenta('representante')} · no asistieron {cuenta('no_asistio')} · sin registro {cuenta('sin_registro')}
      </Text>
      <Table striped>
        <Table.Thead><Table.Tr><Table.Th>Convocado</Table.Th><Table.Th>Dependencia</Table.Th><Table.Th>Asistencia</Table.Th><Table.Th>Representante</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {r.convocadosLista.map((c) => <FilaAsistencia key={c.id} c={c} editable={editable} alCambiar={alCambiar} />)}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

// ── Tarjetas informativas ───────────────────────────────────────────────────────────────────────────
export function PestanaTarjetas({ r, editable, alCambiar }: Props) {
  const cat = useCatalogos();
  const [titulo, setTitulo] = useState('');
  const [contenido, setContenido] = useState('');
  const [dependenciaId, setDependenciaId] = useState<string | null>(null);
  const agregar = async () => {
    try {
      await api.llamar('gabinete.tarjetas.guardar', { reunionId: r.id, titulo, contenido, dependenciaId });
      setTitulo('');
      setContenido('');
      await alCambiar();
    } catch (e) {
      avisarError(e);
    }
  };
  return (
    <Stack gap="sm" maw={900}>
      {editable && (
        <Card withBorder>
          <Stack gap="xs">
            <Group grow>
              <TextInput label="Título" value={titulo} onChange={(e) => setTitulo(e.currentTarget.value)} maxLength={300} />
              <CampoSeleccion label="Dependencia (opcional)" clearable data={opcionesDependencias(cat?.dependencias ?? [])} value={dependenciaId} onChange={setDependenciaId} />
            </Group>
            <Textarea label="Contenido" autosize minRows={3} value={contenido} onChange={(e) => setContenido(e.currentTarget.value)} maxLength={8000}
              onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && void agregar()} />
            <Group justify="flex-end"><Button onClick={() => void agregar()}>Agregar tarjeta (Ctrl+Enter)</Button></Group>
          </Stack>
        </Card>
      )}
      {r.tarjetas.length === 0 && <Alert color="gray">Sin tarjetas informativas. Se imprimen al final de la carpeta estratégica.</Alert>}
      {r.tarjetas.map((t) => (
        <Card key={t.id} withBorder>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{t.titulo}{t.dependencia ? <Text span c="dimmed" size="sm"> — {t.dependencia}</Text> : null}</Text>
            {editable && (
              <ActionIcon variant="subtle" color="red" aria-label={`Retirar tarjeta ${t.titulo}`} onClick={() => void api.llamar('gabinete.tarjetas.retirar', { id: t.id, version: t.version }).then(alCambiar, avisarError)}>
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{t.contenido}</Text>
        </Card>
      ))}
    </Stack>
  );
}

type AcuerdoFila = Reunion['acuerdosLista'][number];
const COLUMNAS_ACUERDOS: ColumnaTabla<AcuerdoFila>[] = [
  { id: 'codigo', titulo: 'Código', valor: (a) => a.codigo, orden: (a) => a.numero, ancho: 130 },
  {
    id: 'descripcion', titulo: 'Acuerdo', flexible: true, valor: (a) => a.descripcion,
    texto: (a) => `${a.descripcion} ${a.corresponsables.map((c) => c.siglas || c.nombre).join(' ')}`,
  },
  { id: 'responsable', titulo: 'Responsable', valor: (a) => a.siglas || a.dependencia, ancho: 120 },
  { id: 'corresponsables', titulo: 'Corresponsables', valor: (a) => a.corresponsables.map((c) => c.siglas || c.nombre).join(', '), ancho: 160 },
  { id: 'compromiso', titulo: 'Compromiso', tipo: 'fecha', valor: (a) => a.fechaCompromiso, ancho: 110 },
  { id: 'estatus', titulo: 'Estatus', valor: (a) => a.semaforoEstatus.etiqueta, ancho: 130, celda: (a) => <Semaforo color={a.semaforoEstatus.color} texto={a.semaforoEstatus.etiqueta} motivo={a.semaforoEstatus.motivo} /> },
  { id: 'plazo', titulo: 'Plazo', valor: (a) => a.semaforoPlazo.etiqueta, ancho: 150, celda: (a) => <Semaforo color={a.semaforoPlazo.color} texto={a.semaforoPlazo.etiqueta} motivo={a.semaforoPlazo.motivo} /> },
];

// ── Acuerdos: fast capture ──────────────────────────────────────────────────────────────────────────
export function PestanaAcuerdos({ r, editable, alCambiar }: Props) {
  const cat = useCatalogos();
  const [descripcion, setDescripcion] = useState('');
  const [dependenciaId, setDependenciaId] = useState<string | null>(null);
  const [corresponsables, setCorresponsables] = useState<string[]>([]);
  const [fechaCompromiso, setFechaCompromiso] = useState<string | null>(null);
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [guardando, setGuardando] = useState(false);
  const refDescripcion = useRef<HTMLTextAreaElement>(null);
  const opciones = opcionesDependencias(cat?.dependencias ?? []);

  const agregar = async () => {
    setErrores({});
    if (!descripcion.trim()) return setErrores({ descripcion: 'Descripción del acuerdo es obligatoria.' });
    if (!dependenciaId) return setErrores({ dependenciaId: 'Responsable es obligatorio.' });
    setGuardando(true);
    try {
      const a = await api.llamar('gabinete.acuerdos.crear', { reunionId: r.id, descripcion, dependenciaId, corresponsables, fechaCompromiso });
      avisarExito(`Acuerdo ${a.codigo} registrado.`);
      setDescripcion('');
      setCorresponsables([]);
      await alCambiar();
      refDescripcion.current?.focus();
    } catch (e) {
      setErrores((erroresDeCampos(e) as Record<string, string>) ?? {});
      avisarError(e);
    } finally {
      setGuardando(false);
    }
  };

  return (
    <Stack gap="sm">
      {editable && (
        <Card withBorder>
          <Stack gap="xs" onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && (e.preventDefault(), void agregar())}>
            <Textarea ref={refDescripcion} label="Acuerdo" placeholder="Instrucción del Gobernador…" autosize minRows={2} value={descripcion}
              onChange={(e) => setDescripcion(e.currentTarget.value)} error={errores.descripcion} maxLength={4000} />
            <Group grow align="flex-start">
              <CampoSeleccion label="Responsable" data={opciones} value={dependenciaId} onChange={setDependenciaId} error={errores.dependenciaId} />
              <MultiSelect label="Corresponsables" data={opciones.filter((o) => o.value !== dependenciaId)} value={corresponsables} onChange={setCorresponsables} searchable filter={filtroSinAcentos} error={errores.corresponsables} />
              <CampoFecha label="Fecha compromiso" value={fechaCompromiso} onChange={setFechaCompromiso} error={errores.fechaCompromiso} />
            </Group>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">Ctrl+Enter agrega y deja el cursor listo para el siguiente; el responsable se conserva.</Text>
              <Button onClick={() => void agregar()} loading={guardando}>Agregar acuerdo</Button>
            </Group>
          </Stack>
        </Card>
      )}
      <div style={{ height: Math.min(640, 120 + r.acuerdosLista.length * 34) }}>
        <DataTable
          id="gabinete-reunion-acuerdos"
          columnas={COLUMNAS_ACUERDOS}
          filas={r.acuerdosLista}
          idFila={(a) => a.id}
          sustantivo={{ singular: 'acuerdo', plural: 'acuerdos' }}
          atajoBusqueda={false}
          vacio={{ titulo: 'Sin acuerdos', mensaje: editable ? 'Capture el primer acuerdo arriba (Ctrl+Enter).' : 'Esta reunión no tiene acuerdos.' }}
        />
      </div>
    </Stack>
  );
}

// ── Anexos ──────────────────────────────────────────────────────────────────────────────────────────
export function PestanaAnexos({ r, editable, alCambiar }: Props) {
  const [subiendo, setSubiendo] = useState(false);
  const subir = async (archivo: File | null) => {
    if (!archivo) return;
    setSubiendo(true);
    try {
      await api.llamar('gabinete.anexos.agregar', { reunionId: r.id, archivo: { nombre: archivo.name, contenidoBase64: await leerBase64(archivo) } });
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

// ── Documentos ──────────────────────────────────────────────────────────────────────────────────────
const DOCUMENTOS = [
  ['gabinete.documentos.convocatoria', 'Convocatoria', 'Un oficio por convocado con fecha, lugar y orden del día.'],
  ['gabinete.documentos.listaAsistencia', 'Lista de asistencia', 'Con columna para firma.'],
  ['gabinete.documentos.ordenDia', 'Orden del día', 'Puntos en orden y quién presenta.'],
  ['gabinete.documentos.minuta', 'Minuta de acuerdos', 'Asistencia, orden del día y acuerdos. Antes de cerrar sale como borrador.'],
  ['gabinete.documentos.carpeta', 'Carpeta estratégica', 'Portada, orden del día, acuerdos abiertos de reuniones anteriores del mismo tipo con semáforo, y tarjetas.'],
] as const;

export function PestanaDocumentos({ r }: Props) {
  const [generados, setGenerados] = useState<{ archivoId: string; nombre: string }[]>([]);
  const [ocupado, setOcupado] = useState<string | null>(null);
  const hacer = async (metodo: (typeof DOCUMENTOS)[number][0]) => {
    setOcupado(metodo);
    const doc = await generar(metodo, { reunionId: r.id });
    setOcupado(null);
    if (doc) {
      setGenerados((g) => [doc, ...g.filter((x) => x.nombre !== doc.nombre)]);
      api.abrir(doc.archivoId);
    }
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
