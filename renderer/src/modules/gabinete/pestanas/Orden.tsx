/**
 * Gabinete › Reunión › Orden del día: reorder by drag and by keyboard (Alt+↑/↓ on a focused point). The
 * point being written and the point being edited are the tab's draft.
 */
import { useEffect, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPencil, IconTrash } from '@tabler/icons-react';
import { api } from '../../../api';
import { AvisosBorrador, avisarError, useBorradorDe } from '../../../ui';
import type { Reunion } from '../comun';
import type { Props } from './props';

export function PestanaOrden({ r, editable, alCambiar }: Props) {
  const [titulo, setTitulo] = useState('');
  const [presentador, setPresentador] = useState('');
  const [arrastrado, setArrastrado] = useState<string | null>(null);
  const [orden, setOrden] = useState(r.orden);
  const refs = useRef(new Map<string, HTMLDivElement>());
  const [editandoId, setEditandoId] = useState<string | null>(null);
  const [edTitulo, setEdTitulo] = useState('');
  const [edPresentador, setEdPresentador] = useState('');
  const editado = orden.find((p) => p.id === editandoId);
  const edicion = editado ? { id: editado.id, titulo: edTitulo, presentador: edPresentador } : null;
  const sucio = titulo.trim() !== '' || presentador.trim() !== '' || (!!editado && (edTitulo !== editado.titulo || edPresentador !== editado.presentador));
  const borrador = useBorradorDe(editable ? `gabinete.orden.${r.id}` : undefined, { titulo, presentador, edicion }, sucio, (v) => {
    setTitulo(v.titulo);
    setPresentador(v.presentador);
    if (v.edicion && orden.some((p) => p.id === v.edicion!.id)) {
      setEditandoId(v.edicion.id);
      setEdTitulo(v.edicion.titulo);
      setEdPresentador(v.edicion.presentador);
    }
  });
  // Moves are saved one after another; while some are on their way the order on screen is the newest.
  const pendientes = useRef(0);
  const cola = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    if (pendientes.current === 0) setOrden(r.orden);
  }, [r.orden]);
  // The point just moved keeps the focus (React moving its node in the list would drop it): the item
  // itself after Alt+↑/↓, the same arrow button after a click on it (so Enter moves it again).
  const enfocar = useRef<{ id: string; boton?: 'Subir' | 'Bajar' } | null>(null);
  const devolverFoco = () => {
    const f = enfocar.current;
    const el = f && refs.current.get(f.id);
    if (!f || !el) return;
    const boton = f.boton && el.querySelector<HTMLButtonElement>(`button[aria-label^="${f.boton} punto"]:not(:disabled)`);
    const destino = boton || el;
    if (document.activeElement !== destino) destino.focus();
  };
  const recienMovido = useRef(false);
  useLayoutEffect(() => {
    if (recienMovido.current) devolverFoco();
    recienMovido.current = false;
  }, [orden]);
  // After a reload: only if the focus was lost meanwhile (never taken from where the person went).
  const siSePerdio = () => requestAnimationFrame(() => (!document.activeElement || document.activeElement === document.body) && devolverFoco());
  const editar = (p: Reunion['orden'][number]) => {
    setEditandoId(p.id);
    setEdTitulo(p.titulo);
    setEdPresentador(p.presentador);
  };
  const guardarEdicion = async (p: Reunion['orden'][number]) => {
    try {
      setOrden(await api.llamar('gabinete.orden.guardar', { reunionId: r.id, id: p.id, version: p.version, titulo: edTitulo, presentador: edPresentador }));
      setEditandoId(null);
      if (!titulo.trim() && !presentador.trim()) borrador.olvidar();
      enfocar.current = { id: p.id };
      await alCambiar();
      siSePerdio();
    } catch (e) {
      avisarError(e);
    }
  };

  const guardarOrden = (ids: string[]) => {
    pendientes.current++;
    cola.current = cola.current.then(async () => {
      try {
        const nuevo = await api.llamar('gabinete.orden.reordenar', { reunionId: r.id, ids });
        if (pendientes.current === 1) setOrden(nuevo);
      } catch (e) {
        avisarError(e);
      } finally {
        pendientes.current--;
      }
      if (pendientes.current > 0) return;
      await alCambiar();
      siSePerdio();
    });
  };
  const mover = (id: string, delta: number, boton?: 'Subir' | 'Bajar') => {
    const ids = orden.map((p) => p.id);
    const i = ids.indexOf(id);
    const j = i + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    enfocar.current = { id, boton };
    recienMovido.current = true;
    setOrden(ids.map((x) => orden.find((p) => p.id === x)!));
    guardarOrden(ids);
  };
  const alSoltar = (ev: DragEvent, destino: string) => {
    ev.preventDefault();
    if (!arrastrado || arrastrado === destino) return;
    const ids = orden.map((p) => p.id).filter((x) => x !== arrastrado);
    ids.splice(ids.indexOf(destino) + (orden.findIndex((p) => p.id === arrastrado) < orden.findIndex((p) => p.id === destino) ? 1 : 0), 0, arrastrado);
    setArrastrado(null);
    enfocar.current = { id: arrastrado };
    recienMovido.current = true;
    setOrden(ids.map((x) => orden.find((p) => p.id === x)!));
    guardarOrden(ids);
  };
  const agregar = async () => {
    if (!titulo.trim()) return;
    try {
      setOrden(await api.llamar('gabinete.orden.guardar', { reunionId: r.id, titulo, presentador }));
      setTitulo('');
      setPresentador('');
      if (!editandoId) borrador.olvidar();
      await alCambiar();
    } catch (e) {
      avisarError(e);
    }
  };

  return (
    <Stack gap="sm" maw={900}>
      {editable && <AvisosBorrador b={borrador} />}
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
                  <ActionIcon variant="subtle" aria-label={`Subir punto ${i + 1}`} disabled={i === 0} onClick={() => mover(p.id, -1, 'Subir')}><IconArrowUp size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" aria-label={`Bajar punto ${i + 1}`} disabled={i === orden.length - 1} onClick={() => mover(p.id, 1, 'Bajar')}><IconArrowDown size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={`Retirar punto ${i + 1}`} onClick={() => {
                    // The focus goes to the point that takes its place (or the one before, if it was the last).
                    const vecino = orden[i + 1] ?? orden[i - 1];
                    enfocar.current = vecino ? { id: vecino.id } : null;
                    void api.llamar('gabinete.orden.retirar', { id: p.id, version: p.version }).then(setOrden, avisarError).then(alCambiar).then(siSePerdio);
                  }}>
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
