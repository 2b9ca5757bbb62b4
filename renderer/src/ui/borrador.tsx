/**
 * Drafts: what a person types in a form is kept as they type, per user and per form, and offered back
 * when the form is opened again (after leaving it, a reload, a crash or a restart). Kept in the
 * renderer's localStorage: it persists with the app's profile (Electron's userData), it needs no trip to
 * the core for each keystroke, and a draft is never an official record (nothing reaches the bitácora
 * until it is saved). Leaving a form with unsaved changes asks «¿Salir sin guardar?».
 */
import { Alert, Button, Drawer, Group, Text, type DrawerProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconFilePencil } from '@tabler/icons-react';
import { createContext, useCallback, useContext, useEffect, useId, useRef, useState } from 'react';
import { UNSAFE_DataRouterContext, useBlocker } from 'react-router';
import { confirmar } from './dialogos';
import { fechaHora } from './formato';

const PREFIJO = 'sse.borrador';
let dueno: string | null = null;

/** Whose drafts are read and written (the signed-in user's id; `null` when nobody is signed in). */
export function fijarDuenoBorradores(usuarioId: string | null): void {
  dueno = usuarioId;
}

export interface Borrador<V> {
  guardado: number;
  valores: V;
}

function clave(formulario: string): string | null {
  return dueno ? `${PREFIJO}.${dueno}.${formulario}` : null;
}

export function leerBorrador<V>(formulario: string): Borrador<V> | null {
  const k = clave(formulario);
  if (!k) return null;
  try {
    const b = JSON.parse(localStorage.getItem(k) ?? 'null') as Borrador<V> | null;
    return b && typeof b.guardado === 'number' && b.valores && typeof b.valores === 'object' ? b : null;
  } catch {
    return null;
  }
}

/** Passwords never go to a draft (localStorage is plain text on disk). */
const SECRETO = /contrasena|password/i;
const sinSecretos = (k: string, v: unknown) => (SECRETO.test(k) ? undefined : v);

export function escribirBorrador<V>(formulario: string, valores: V, ahora = Date.now()): void {
  const k = clave(formulario);
  if (!k) return;
  try {
    localStorage.setItem(k, JSON.stringify({ guardado: ahora, valores } satisfies Borrador<V>, sinSecretos));
  } catch {
    /* storage full or unavailable: the form still works, only without a draft */
  }
}

export function borrarBorrador(formulario: string): void {
  const k = clave(formulario);
  if (k) localStorage.removeItem(k);
}

/**
 * Keeps `valores` as the draft `formulario` while `sucio`. Returns the draft found on opening (to offer
 * it) and the functions to take it (`aplicar` puts its values back) or throw it away. While an old draft
 * is being offered, typing does not overwrite it: the person chooses first. The one draft mechanism:
 * `useBorrador` (forms on @mantine/form) and `useBorradorEstado` (forms kept in plain state) wrap it.
 */
export function useBorradorDe<V>(formulario: string | undefined, valores: V, sucio: boolean, aplicar: (v: V) => void) {
  const [ofrecido, setOfrecido] = useState<Borrador<V> | null>(() => (formulario ? leerBorrador<V>(formulario) : null));
  const [visto, setVisto] = useState(formulario);
  // Same component, another record (e.g. the turnar dialog of another asunto): read that one's draft.
  if (visto !== formulario) {
    setVisto(formulario);
    setOfrecido(formulario ? leerBorrador<V>(formulario) : null);
  }
  const ultimo = useRef(valores);
  ultimo.current = valores;
  const texto = JSON.stringify(valores);
  // Writing waits for a pause in the typing; a form back to clean drops its draft at once (a reload right
  // after saving must not find it), and a save cancels a write still waiting.
  const pendiente = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    if (!formulario || ofrecido) return;
    if (!sucio) return borrarBorrador(formulario);
    pendiente.current = setTimeout(() => escribirBorrador(formulario, ultimo.current), 300);
    return () => clearTimeout(pendiente.current);
  }, [formulario, ofrecido, sucio, texto]);

  return {
    ofrecido,
    sucio,
    recuperar() {
      if (!ofrecido) return;
      aplicar(ofrecido.valores);
      setOfrecido(null);
    },
    descartar() {
      if (formulario) borrarBorrador(formulario);
      setOfrecido(null);
    },
    /** After a successful save: the draft is done. */
    olvidar() {
      clearTimeout(pendiente.current);
      if (formulario) borrarBorrador(formulario);
    },
  };
}

export type ControlBorrador = ReturnType<typeof useBorradorDe>;

/** Drafts of a @mantine/form form (what `Formulario` uses). */
export function useBorrador<V>(form: UseFormReturnType<V, any>, formulario: string | undefined) {
  return useBorradorDe<V>(formulario, form.getValues(), form.isDirty(), (v) => form.setValues(v as Partial<V>));
}

/** Two values are the same draft when their JSON is (forms hold strings, numbers, arrays and nulls). */
const mismos = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Drafts of a form kept in plain React state: `valores` are the fields the person types, `iniciales`
 * what the form shows untouched (dirty = they differ), `aplicar` sets the fields from a draft.
 */
export function useBorradorEstado<V>(formulario: string | undefined, valores: V, iniciales: V, aplicar: (v: V) => void) {
  return useBorradorDe<V>(formulario, valores, !mismos(valores, iniciales), aplicar);
}

/** «¿Salir sin guardar?» — the one question, for routes (GuardiaSalida) and dialogs closing dirty. */
export function preguntarSalir(): Promise<boolean> {
  return confirmar({
    titulo: '¿Salir sin guardar?',
    mensaje: 'Hay cambios que no se han guardado. Lo escrito se conserva como borrador y se le ofrecerá cuando vuelva a este formulario.',
    confirmar: 'Salir sin guardar',
    cancelar: 'Seguir capturando',
    // An Enter typed a moment too late keeps the person in the form.
    enfocarCancelar: true,
  });
}

/** A dialog's onClose that asks first when its form has unsaved changes. */
export function cerrarPreguntando(sucio: boolean, cerrar: () => void): () => void {
  return () => {
    if (!sucio) return cerrar();
    void preguntarSalir().then((salir) => salir && cerrar());
  };
}

/**
 * Panels that hold forms (a side drawer, a dialog whose form is another component) learn from the forms
 * inside whether closing would leave unsaved changes: `Formulario` and `AvisosBorrador` tell them.
 */
const PanelConCambios = createContext<((id: string, sucio: boolean) => void) | null>(null);

/** Tells the panel around this form (if any) whether the form has unsaved changes. */
export function useAvisarPanel(sucio: boolean): void {
  const avisar = useContext(PanelConCambios);
  const id = useId();
  useEffect(() => avisar?.(id, sucio), [avisar, id, sucio]);
  useEffect(() => () => avisar?.(id, false), [avisar, id]);
}

/** A Drawer for editing: closing it (×, Esc, a click outside) with unsaved changes asks «¿Salir sin guardar?». */
export function PanelEdicion({ onClose, children, ...props }: DrawerProps) {
  const [sucios, setSucios] = useState<ReadonlySet<string>>(() => new Set());
  const avisar = useCallback((id: string, sucio: boolean) => {
    setSucios((s) => {
      if (s.has(id) === sucio) return s;
      const n = new Set(s);
      if (sucio) n.add(id);
      else n.delete(id);
      return n;
    });
  }, []);
  return (
    <Drawer position="right" {...props} onClose={cerrarPreguntando(sucios.size > 0, onClose)}>
      <PanelConCambios.Provider value={avisar}>{children}</PanelConCambios.Provider>
    </Drawer>
  );
}

/** What a form kept in plain state shows for its draft: the offer, and the question when leaving the route. */
export function AvisosBorrador({ b, guardando = false }: { b: ControlBorrador; guardando?: boolean }) {
  useAvisarPanel(b.sucio && !guardando);
  return (
    <>
      {b.ofrecido && <OfertaBorrador guardado={b.ofrecido.guardado} onRecuperar={b.recuperar} onDescartar={b.descartar} />}
      <GuardiaSalida activo={b.sucio && !guardando} />
    </>
  );
}

/** The banner that offers a draft back: «Recuperar» or «Descartar». */
export function OfertaBorrador({ guardado, onRecuperar, onDescartar }: { guardado: number; onRecuperar: () => void; onDescartar: () => void }) {
  return (
    <Alert color="yellow" variant="light" icon={<IconFilePencil />} title="Tiene un borrador sin guardar" mb="sm" data-testid="oferta-borrador">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">
          Lo escribió el {fechaHora(guardado)}. Mientras no elija, lo que escriba ahora no reemplaza ese borrador.
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" onClick={onRecuperar}>Recuperar borrador</Button>
          <Button size="xs" variant="default" onClick={onDescartar}>Descartar</Button>
        </Group>
      </Group>
    </Alert>
  );
}

function Guardia({ activo }: { activo: boolean }) {
  const bloqueo = useBlocker(({ currentLocation, nextLocation }) => activo && currentLocation.pathname !== nextLocation.pathname);
  const preguntando = useRef(false);
  useEffect(() => {
    if (bloqueo.state !== 'blocked' || preguntando.current) return;
    preguntando.current = true;
    void preguntarSalir().then((salir) => {
      preguntando.current = false;
      if (salir) bloqueo.proceed();
      else bloqueo.reset();
    });
  }, [bloqueo]);
  return null;
}

/** Asks «¿Salir sin guardar?» when navigating away while `activo` (only under a data router). */
export function GuardiaSalida({ activo }: { activo: boolean }) {
  const enRouterDeDatos = useContext(UNSAFE_DataRouterContext) !== null;
  return enRouterDeDatos ? <Guardia activo={activo} /> : null;
}
