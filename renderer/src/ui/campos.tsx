/**
 * Form building blocks: @mantine/form + zod 4 (Spanish messages), keyboard-first behaviour (Enter goes
 * to the next field, Ctrl+Enter saves), a DD/MM/YYYY date field whose value is `YYYY-MM-DD`, and an
 * accent-insensitive searchable select ("peticion" finds "Petición").
 */
import {
  Button,
  NumberInput,
  Select,
  Textarea,
  TextInput,
  type ButtonProps,
  type ComboboxItem,
  type ComboboxParsedItem,
  type NumberInputProps,
  type OptionsFilter,
  type SelectProps,
  type TextareaProps,
  type TextInputProps,
} from '@mantine/core';
import {
  schemaResolver,
  useForm,
  type FormErrors,
  type GetInputPropsReturnType,
  type LooseKeys,
  type UseFormReturnType,
} from '@mantine/form';
import {
  createContext,
  useCallback,
  useContext,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { z } from 'zod';
import { avisarError, esErrorDeApp } from './avisos';
import { GuardiaSalida, OfertaBorrador, useAvisarPanel, useBorrador } from './borrador';
import { normalizar } from './normalizar';

z.config(z.locales.es());

export { normalizar };

// ---------------------------------------------------------------------------------------------------
// Form state and validation

export interface OpcionesFormulario<S extends z.ZodType<any, Record<string, any>>> {
  /** The zod schema; its messages are what the user reads next to each field. */
  esquema: S;
  valoresIniciales: z.input<S>;
  /** Validate each field when it loses focus (default true). */
  validarAlSalir?: boolean;
}

/**
 * `useForm` wired to a zod schema: validation on blur and on submit, and `onSubmit` receives the
 * schema's parsed output (trimmed strings, defaults applied).
 */
export function useFormulario<S extends z.ZodType<any, Record<string, any>>>({
  esquema,
  valoresIniciales,
  validarAlSalir = true,
}: OpcionesFormulario<S>): UseFormReturnType<z.input<S>, z.output<S>> {
  return useForm<z.input<S>, z.output<S>>({
    mode: 'controlled',
    initialValues: valoresIniciales,
    validate: schemaResolver(esquema, { sync: true }),
    validateInputOnBlur: validarAlSalir,
    transformValues: (valores) => {
      const r = esquema.safeParse(valores);
      return (r.success ? r.data : valores) as z.output<S>;
    },
  });
}

/**
 * Field errors carried by an AppError from the core: a VALIDACION lists `[{ campo, mensaje }]`; other
 * errors about one field (DUPLICADO, CREDENCIALES…) carry `{ campo }` and their message belongs there.
 */
export function erroresDeCampos(error: unknown): FormErrors | null {
  if (!esErrorDeApp(error)) return null;
  const d = error.details as unknown;
  const errores: FormErrors = {};
  if (Array.isArray(d)) {
    for (const i of d) {
      const { campo, mensaje } = (i ?? {}) as { campo?: unknown; mensaje?: unknown };
      if (typeof campo === 'string' && campo && typeof mensaje === 'string' && !errores[campo]) errores[campo] = mensaje;
    }
  } else if (d && typeof d === 'object' && typeof (d as { campo?: unknown }).campo === 'string') {
    errores[(d as { campo: string }).campo] = error.message;
  }
  return Object.keys(errores).length > 0 ? errores : null;
}

// ---------------------------------------------------------------------------------------------------
// Keyboard: Enter → next field, Ctrl+Enter → submit

const SELECTOR_CAMPOS = 'input, select, textarea, button[type="submit"]';
const TIPOS_NO_CAMPO = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file']);

function esCampoNavegable(el: HTMLElement): boolean {
  if ((el as HTMLInputElement).disabled) return false;
  if (el.tabIndex < 0) return false;
  if (el.closest('[aria-hidden="true"], [hidden], fieldset[disabled]')) return false;
  if (el instanceof HTMLButtonElement) return true;
  if (el instanceof HTMLInputElement) {
    if (TIPOS_NO_CAMPO.has(el.type)) return false;
    // Read-only inputs are skipped, except the ones that open a list (non-searchable Select).
    if (el.readOnly && !el.hasAttribute('aria-haspopup')) return false;
  }
  return true;
}

/** The next field after `actual` inside `contenedor` (radios of the same group count as one). */
export function siguienteCampo(contenedor: HTMLElement, actual: HTMLElement): HTMLElement | null {
  const campos = Array.from(contenedor.querySelectorAll<HTMLElement>(SELECTOR_CAMPOS)).filter(esCampoNavegable);
  const i = campos.indexOf(actual);
  if (i < 0) return null;
  const grupo = actual instanceof HTMLInputElement && actual.type === 'radio' ? actual.name : null;
  for (let j = i + 1; j < campos.length; j++) {
    const c = campos[j]!;
    if (grupo && c instanceof HTMLInputElement && c.type === 'radio' && c.name === grupo) continue;
    return c;
  }
  return null;
}

function enviar(contenedor: HTMLElement) {
  const form = contenedor instanceof HTMLFormElement ? contenedor : contenedor.closest('form');
  if (form) {
    form.requestSubmit();
    return;
  }
  contenedor.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
}

/** The open, visible list of a combobox input (Select, Autocomplete, MultiSelect), if there is one. */
function listaAbierta(el: HTMLElement): HTMLElement | null {
  if (el.getAttribute('aria-expanded') !== 'true') return null;
  const id = el.getAttribute('aria-controls');
  const lista = id ? document.getElementById(id) : null;
  // An Autocomplete with no suggestions keeps its (hidden) list "expanded": that is no list.
  return lista && lista.getClientRects().length > 0 ? lista : null;
}

function enfocarSiguiente(contenedor: HTMLElement, actual: HTMLElement) {
  const siguiente = siguienteCampo(contenedor, actual);
  if (!siguiente) return;
  siguiente.focus();
  if (siguiente instanceof HTMLInputElement && /^(text|search|email|tel|number|url)$/.test(siguiente.type)) siguiente.select();
}

/** Enter events whose open list already decided what happens (picked, then moves on). */
const decididos = new WeakSet<Event>();

/**
 * Runs before the field's own handler (capture phase): Enter on an open list lets the list pick its
 * highlighted option, and then moves on to the next field — `segob` + Enter chooses Secretaría de
 * Gobierno and goes on; an Autocomplete with nothing highlighted keeps the typed text and goes on.
 * Multiple selects stay, to pick another.
 */
export function manejarTeclasFormularioCaptura(ev: KeyboardEvent<HTMLElement>): void {
  if (ev.key !== 'Enter' || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey || ev.nativeEvent.isComposing) return;
  const objetivo = ev.target as HTMLElement;
  if (!(objetivo instanceof HTMLInputElement)) return;
  const lista = listaAbierta(objetivo);
  if (!lista?.querySelector('[data-combobox-option]')) return;
  if (lista.getAttribute('aria-multiselectable') === 'true' || objetivo.closest('[data-multiselect], .mantine-MultiSelect-root, .mantine-PillsInput-root')) return;
  decididos.add(ev.nativeEvent);
  const contenedor = ev.currentTarget;
  setTimeout(() => {
    if (document.activeElement === objetivo) enfocarSiguiente(contenedor, objetivo);
  }, 0);
}

/**
 * Keyboard handler for a form (or any container of fields): Enter moves to the next field (and from
 * the last one to the save button) and never saves; Ctrl+Enter (⌘+Enter) saves from anywhere; Enter
 * inside a textarea still makes a new line. On an open list the capture handler decides; a search
 * with no match stays, showing «Sin coincidencias».
 */
export function manejarTeclasFormulario(ev: KeyboardEvent<HTMLElement>): void {
  if (ev.key !== 'Enter' || ev.nativeEvent.isComposing) return;
  const contenedor = ev.currentTarget;
  if (ev.ctrlKey || ev.metaKey) {
    ev.preventDefault();
    enviar(contenedor);
    return;
  }
  if (decididos.has(ev.nativeEvent)) return ev.preventDefault();
  if (ev.defaultPrevented || ev.shiftKey || ev.altKey) return;
  const objetivo = ev.target as HTMLElement;
  if (!(objetivo instanceof HTMLInputElement)) return; // textarea, buttons, links keep their meaning
  if (TIPOS_NO_CAMPO.has(objetivo.type)) return;
  ev.preventDefault();
  if (listaAbierta(objetivo)) return; // open with nothing to pick: stay
  if (objetivo.dataset.enterEnvia !== undefined) return enviar(contenedor);
  enfocarSiguiente(contenedor, objetivo);
}

/** Hook form of `manejarTeclasFormulario`: `<form onKeyDown={useFormularioTeclado()}>`. */
export function useFormularioTeclado(): (ev: KeyboardEvent<HTMLElement>) => void {
  return manejarTeclasFormulario;
}

/** Props that give any container (a dialog's Stack, a plain form) the form keyboard habits. */
export const tecladoFormulario = { onKeyDownCapture: manejarTeclasFormularioCaptura, onKeyDown: manejarTeclasFormulario } as const;

/**
 * Runs `accion` at most once at a time: a second Ctrl+Enter or click while the first is in flight is
 * ignored (the flag is a ref, so two key presses in the same frame cannot both pass).
 */
export function useEnvioUnico<A extends unknown[]>(accion: (...a: A) => Promise<unknown> | unknown): [(...a: A) => Promise<void>, boolean] {
  const enVuelo = useRef(false);
  const [enviando, setEnviando] = useState(false);
  const ultima = useRef(accion);
  ultima.current = accion;
  const ejecutar = useCallback(async (...a: A) => {
    if (enVuelo.current) return;
    enVuelo.current = true;
    setEnviando(true);
    try {
      await ultima.current(...a);
    } finally {
      enVuelo.current = false;
      setEnviando(false);
    }
  }, []);
  return [ejecutar, enviando];
}

const EnvioContexto = createContext(false);

/** The save button of a `Formulario`: busy and disabled while the save is in flight. */
export function BotonGuardar({ children, ...props }: Omit<ButtonProps, 'type'> & { children: ReactNode; leftSection?: ReactNode }) {
  const enviando = useContext(EnvioContexto);
  return (
    <Button type="submit" loading={enviando} disabled={enviando || props.disabled} {...props}>
      {children}
    </Button>
  );
}

export interface FormularioProps<V, T> extends Omit<ComponentProps<'form'>, 'onSubmit' | 'children'> {
  form: UseFormReturnType<V, T>;
  /** Receives the validated, transformed values. A rejected promise shows its error (next to the
   *  fields when the core names them, otherwise as a notification). */
  onGuardar: (valores: T) => unknown;
  /** Keep a draft under this name (per user) and offer it back when the form opens again. */
  borrador?: string;
  /** Ask «¿Salir sin guardar?» when leaving with unsaved changes (default: when `borrador` is set). */
  avisarAlSalir?: boolean;
  children: ReactNode;
}

/**
 * `<form>` with the keyboard habits (Enter → next field, Ctrl+Enter → save), one save at a time (a
 * second Ctrl+Enter while saving does nothing; `BotonGuardar` shows it busy), drafts, the «¿Salir sin
 * guardar?» question and error handling: on a failed validation the first field in error gets the focus.
 */
export function Formulario<V, T>({ form, onGuardar, borrador, avisarAlSalir, children, onKeyDown, onKeyDownCapture, ...resto }: FormularioProps<V, T>) {
  const ref = useRef<HTMLFormElement>(null);
  const b = useBorrador(form, borrador);
  const enfocarPrimerError = useCallback(() => {
    requestAnimationFrame(() => {
      ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  }, []);

  const [guardar, enviando] = useEnvioUnico(async (valores: T) => {
    try {
      await onGuardar(valores);
      b.olvidar();
      form.resetDirty();
    } catch (error) {
      const campos = erroresDeCampos(error);
      if (campos) {
        form.setErrors(campos);
        enfocarPrimerError();
      }
      avisarError(error);
    }
  });
  const alEnviar = form.onSubmit((v) => void guardar(v), enfocarPrimerError);
  useAvisarPanel(form.isDirty() && !enviando);

  return (
    <EnvioContexto.Provider value={enviando}>
      {b.ofrecido && <OfertaBorrador guardado={b.ofrecido.guardado} onRecuperar={b.recuperar} onDescartar={b.descartar} />}
      <GuardiaSalida activo={(avisarAlSalir ?? !!borrador) && form.isDirty() && !enviando} />
      <form
        ref={ref}
        noValidate
        aria-busy={enviando || undefined}
        {...resto}
        onSubmit={(ev) => {
          if (enviando) return ev.preventDefault();
          alEnviar(ev);
        }}
        onKeyDownCapture={(ev) => {
          onKeyDownCapture?.(ev);
          manejarTeclasFormularioCaptura(ev);
        }}
        onKeyDown={(ev) => {
          onKeyDown?.(ev);
          if (!ev.isPropagationStopped()) manejarTeclasFormulario(ev);
        }}
      >
        {children}
      </form>
    </EnvioContexto.Provider>
  );
}

// ---------------------------------------------------------------------------------------------------
// Fields. Each accepts `form` + `campo` (wired to @mantine/form) or plain value/onChange.

type Vinculo<V> = { form: UseFormReturnType<V, any>; campo: LooseKeys<V> } | { form?: undefined; campo?: undefined };

function vincular<V>(v: Vinculo<V>): Partial<GetInputPropsReturnType> {
  return v.form ? v.form.getInputProps(v.campo) : {};
}

export type CampoTextoProps<V> = Omit<TextInputProps, 'form'> & Vinculo<V>;
export function CampoTexto<V>({ form, campo, ...props }: CampoTextoProps<V>) {
  return <TextInput {...vincular({ form, campo } as Vinculo<V>)} {...props} />;
}

export type CampoAreaTextoProps<V> = Omit<TextareaProps, 'form'> & Vinculo<V>;
export function CampoAreaTexto<V>({ form, campo, ...props }: CampoAreaTextoProps<V>) {
  return <Textarea autosize minRows={3} maxRows={10} {...vincular({ form, campo } as Vinculo<V>)} {...props} />;
}

export type CampoNumeroProps<V> = Omit<NumberInputProps, 'form'> & Vinculo<V>;
export function CampoNumero<V>({ form, campo, ...props }: CampoNumeroProps<V>) {
  return (
    <NumberInput
      thousandSeparator=","
      decimalSeparator="."
      {...vincular({ form, campo } as Vinculo<V>)}
      {...props}
    />
  );
}

// --- Dates: see campoFecha.tsx ---------------------------------------------------------------------

export { CampoFecha, explicarFechaInvalida, fechaOpcional, fechaRequerida, interpretarFecha } from './campoFecha';
export type { CampoFechaProps } from './campoFecha';

// --- Select with accent-insensitive search ---------------------------------------------------------

function esGrupo(o: ComboboxParsedItem): o is Extract<ComboboxParsedItem, { group: ReactNode }> {
  return 'group' in o;
}

/** Options filter for Select / Autocomplete / MultiSelect: every typed word, accents and case ignored. */
export const filtroSinAcentos: OptionsFilter = ({ options, search, limit }) => {
  const palabras = normalizar(search).split(' ').filter(Boolean);
  if (palabras.length === 0) return options.slice(0, limit);
  const pasa = (o: ComboboxItem) => {
    const t = normalizar(o.label);
    return palabras.every((p) => t.includes(p));
  };
  const r: ComboboxParsedItem[] = [];
  let n = 0;
  for (const o of options) {
    if (n >= limit) break;
    if (esGrupo(o)) {
      const items = o.items.filter(pasa).slice(0, limit - n);
      if (items.length > 0) {
        r.push({ ...o, items });
        n += items.length;
      }
    } else if (pasa(o)) {
      r.push(o);
      n++;
    }
  }
  return r;
};

export type CampoSeleccionProps<V> = Omit<SelectProps, 'form'> & Vinculo<V>;

/** Searchable Select: typing "peticion" finds "Petición ciudadana", highlighted, and Enter picks it. */
export function CampoSeleccion<V>({ form, campo, ...props }: CampoSeleccionProps<V>) {
  return (
    <Select
      searchable
      selectFirstOptionOnChange
      filter={filtroSinAcentos}
      nothingFoundMessage="Sin coincidencias"
      limit={200}
      maxDropdownHeight={320}
      {...(vincular({ form, campo } as Vinculo<V>) as Partial<SelectProps>)}
      {...props}
    />
  );
}
