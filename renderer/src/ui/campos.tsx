/**
 * Form building blocks: @mantine/form + zod 4 (Spanish messages), keyboard-first behaviour (Enter goes
 * to the next field, Ctrl+Enter saves), a DD/MM/YYYY date field whose value is `YYYY-MM-DD`, and an
 * accent-insensitive searchable select ("peticion" finds "Petición").
 */
import {
  NumberInput,
  Select,
  Textarea,
  TextInput,
  type ComboboxItem,
  type ComboboxParsedItem,
  type NumberInputProps,
  type OptionsFilter,
  type SelectProps,
  type TextareaProps,
  type TextInputProps,
} from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import {
  schemaResolver,
  useForm,
  type FormErrors,
  type GetInputPropsReturnType,
  type LooseKeys,
  type UseFormReturnType,
} from '@mantine/form';
import {
  useCallback,
  useRef,
  type ComponentProps,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { z } from 'zod';
import { avisarError, esErrorDeApp } from './avisos';
import { fechaDeInstante } from './formato';
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

/**
 * Keyboard handler for a form (or any container of fields): Enter moves to the next field (and from
 * the last one to the save button), Ctrl+Enter (⌘+Enter) submits from anywhere, Enter inside a
 * textarea still makes a new line, and Enter while a list is open picks the option as usual.
 */
export function manejarTeclasFormulario(ev: KeyboardEvent<HTMLElement>): void {
  if (ev.key !== 'Enter' || ev.nativeEvent.isComposing) return;
  const contenedor = ev.currentTarget;
  if (ev.ctrlKey || ev.metaKey) {
    ev.preventDefault();
    enviar(contenedor);
    return;
  }
  if (ev.defaultPrevented || ev.shiftKey || ev.altKey) return;
  const objetivo = ev.target as HTMLElement;
  if (!(objetivo instanceof HTMLInputElement)) return; // textarea, buttons, links keep their meaning
  if (TIPOS_NO_CAMPO.has(objetivo.type)) return;
  if (objetivo.getAttribute('aria-expanded') === 'true' || objetivo.hasAttribute('data-expanded')) return;
  ev.preventDefault();
  const siguiente = siguienteCampo(contenedor, objetivo);
  if (siguiente) {
    siguiente.focus();
    if (siguiente instanceof HTMLInputElement && /^(text|search|email|tel|number|url)$/.test(siguiente.type)) {
      siguiente.select();
    }
  }
}

/** Hook form of `manejarTeclasFormulario`: `<form onKeyDown={useFormularioTeclado()}>`. */
export function useFormularioTeclado(): (ev: KeyboardEvent<HTMLElement>) => void {
  return manejarTeclasFormulario;
}

export interface FormularioProps<V, T> extends Omit<ComponentProps<'form'>, 'onSubmit' | 'children'> {
  form: UseFormReturnType<V, T>;
  /** Receives the validated, transformed values. A rejected promise shows its error (next to the
   *  fields when the core names them, otherwise as a notification). */
  onGuardar: (valores: T) => unknown;
  children: ReactNode;
}

/**
 * `<form>` with the keyboard habits (Enter → next field, Ctrl+Enter → save) and error handling: on
 * a failed validation the first field in error gets the focus.
 */
export function Formulario<V, T>({ form, onGuardar, children, onKeyDown, ...resto }: FormularioProps<V, T>) {
  const ref = useRef<HTMLFormElement>(null);
  const enfocarPrimerError = useCallback(() => {
    requestAnimationFrame(() => {
      ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  }, []);

  const guardar = async (valores: T) => {
    try {
      await onGuardar(valores);
    } catch (error) {
      const campos = erroresDeCampos(error);
      if (campos) {
        form.setErrors(campos);
        enfocarPrimerError();
      }
      avisarError(error);
    }
  };

  return (
    <form
      ref={ref}
      noValidate
      {...resto}
      onSubmit={form.onSubmit(guardar, enfocarPrimerError)}
      onKeyDown={(ev) => {
        onKeyDown?.(ev);
        if (!ev.isPropagationStopped()) manejarTeclasFormulario(ev);
      }}
    >
      {children}
    </form>
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

// --- Dates ------------------------------------------------------------------------------------------

function fechaValida(a: number, m: number, d: number): boolean {
  if (a < 1900 || a > 2200 || m < 1 || m > 12 || d < 1) return false;
  const t = new Date(Date.UTC(a, m - 1, d));
  return t.getUTCFullYear() === a && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
const dos = (n: number) => String(n).padStart(2, '0');

/**
 * What the user typed → `YYYY-MM-DD`, or `null` if it is not a real date. Accepts `21/11/2026`,
 * `21-11-2026`, `21.11.2026`, `21/11/26`, `21112026`, `2026-11-21` and `hoy` (office time zone).
 */
export function interpretarFecha(texto: string, hoy: () => number = Date.now): string | null {
  const t = texto.trim().toLowerCase();
  if (!t) return null;
  if (t === 'hoy') return fechaDeInstante(hoy());
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const [a, mes, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return fechaValida(a, mes, d) ? `${a}-${dos(mes)}-${dos(d)}` : null;
  }
  m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return null;
  const d = Number(m[1]);
  const mes = Number(m[2]);
  let a = Number(m[3]);
  if (m[3]!.length === 2) a += 2000;
  return fechaValida(a, mes, d) ? `${a}-${dos(mes)}-${dos(d)}` : null;
}

export type CampoFechaProps<V> = Omit<DateInputProps, 'form' | 'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser'> &
  Vinculo<V> & {
    /** `YYYY-MM-DD` or null. */
    value?: string | null;
    onChange?: (valor: string | null) => void;
  };

/** Date field: shows and accepts `DD/MM/YYYY`, its value is the calendar date `YYYY-MM-DD`. */
export function CampoFecha<V>({ form, campo, ...props }: CampoFechaProps<V>) {
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={(t) => interpretarFecha(t)}
      placeholder="DD/MM/AAAA"
      clearable
      {...(vincular({ form, campo } as Vinculo<V>) as Partial<DateInputProps>)}
      {...props}
    />
  );
}

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

/** Searchable Select: typing "peticion" finds "Petición ciudadana". */
export function CampoSeleccion<V>({ form, campo, ...props }: CampoSeleccionProps<V>) {
  return (
    <Select
      searchable
      filter={filtroSinAcentos}
      nothingFoundMessage="Sin coincidencias"
      limit={200}
      maxDropdownHeight={320}
      {...(vincular({ form, campo } as Vinculo<V>) as Partial<SelectProps>)}
      {...props}
    />
  );
}
