/**
 * The date field: the clerk types `DD/MM/AAAA` (or picks it in a calendar) and the value is the calendar
 * date `YYYY-MM-DD`. What was typed is never silently changed or dropped: an impossible date such as
 * `31/02/2026` stays in the box with an explanation next to it, and a form gets the raw text as its value
 * so its schema (`fechaRequerida` / `fechaOpcional`) refuses to save it.
 */
import { ActionIcon, CloseButton, Group, Popover, TextInput, type PopoverProps, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import type { UseFormReturnType, LooseKeys } from '@mantine/form';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { fechaDeInstante } from './formato';

function fechaValida(a: number, m: number, d: number): boolean {
  if (a < 1900 || a > 2200 || m < 1 || m > 12 || d < 1) return false;
  const t = new Date(Date.UTC(a, m - 1, d));
  return t.getUTCFullYear() === a && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
const dos = (n: number) => String(n).padStart(2, '0');
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

function partes(t: string): [number, number, number] | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return [Number(m[3]), Number(m[2]), Number(m[1])];
  m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3]) + (m[3]!.length === 2 ? 2000 : 0)];
}

/**
 * What the user typed → `YYYY-MM-DD`, or `null` if it is not a real date. Accepts `21/11/2026`,
 * `21-11-2026`, `21.11.2026`, `21/11/26`, `21112026`, `2026-11-21` and `hoy` (office time zone).
 */
export function interpretarFecha(texto: string, hoy: () => number = Date.now): string | null {
  const t = texto.trim().toLowerCase();
  if (!t) return null;
  if (t === 'hoy') return fechaDeInstante(hoy());
  const p = partes(t);
  if (!p) return null;
  const [d, mes, a] = p;
  return fechaValida(a, mes, d) ? `${a}-${dos(mes)}-${dos(d)}` : null;
}

/** Why a typed text is not a date, in words a clerk understands. */
export function explicarFechaInvalida(texto: string): string {
  const t = texto.trim();
  const p = partes(t.toLowerCase());
  if (p) {
    const [d, mes, a] = p;
    if (mes < 1 || mes > 12) return `«${t}» no es una fecha: el mes debe ser de 01 a 12.`;
    if (a < 1900 || a > 2200) return `«${t}» no es una fecha: revise el año.`;
    const dias = new Date(Date.UTC(a, mes, 0)).getUTCDate();
    if (d < 1 || d > dias) return `«${t}» no existe: ${MESES[mes - 1]} de ${a} tiene ${dias} días.`;
  }
  return `«${t}» no es una fecha. Escríbala como DD/MM/AAAA (por ejemplo 21/11/2026).`;
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`; anything else (raw text kept after an error) is shown as it is. */
function mostrar(valor: string | null | undefined): string {
  if (!valor) return '';
  const m = ISO.exec(valor);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : valor;
}

const mensajeSchema = (etiqueta: string) => (iss: { input?: unknown }) =>
  typeof iss.input === 'string' && iss.input.trim() ? `${etiqueta}: ${explicarFechaInvalida(iss.input)}` : `${etiqueta} es obligatoria.`;

/** Schema of a required date field of a form (value `YYYY-MM-DD`; raw typed text fails with its reason). */
export function fechaRequerida(etiqueta: string) {
  return z.string({ error: `${etiqueta} es obligatoria.` }).regex(ISO, { error: mensajeSchema(etiqueta) });
}

/** Schema of an optional date field: `null`/empty is fine, anything else must be a real date. */
export function fechaOpcional(etiqueta: string) {
  return z
    .string()
    .nullable()
    .transform((v) => (v && v.trim() ? v : null))
    .refine((v) => v === null || ISO.test(v), { error: mensajeSchema(etiqueta) });
}

type Vinculo<V> = { form: UseFormReturnType<V, any>; campo: LooseKeys<V> } | { form?: undefined; campo?: undefined };

export type CampoFechaProps<V> = Omit<TextInputProps, 'form' | 'value' | 'defaultValue' | 'onChange'> &
  Vinculo<V> & {
    /** `YYYY-MM-DD` or null (or the raw text of an invalid date the user typed). */
    value?: string | null;
    onChange?: (valor: string | null) => void;
    /** A cross (default true) empties the field. */
    clearable?: boolean;
    /** Filters: call `onChange` only with real dates (an invalid text shows its error and applies nothing). */
    soloValidas?: boolean;
    popoverProps?: Partial<PopoverProps>;
  };

/** Date field: shows and accepts `DD/MM/AAAA`, its value is the calendar date `YYYY-MM-DD`. */
export function CampoFecha<V>({ form, campo, value, onChange, clearable = true, soloValidas = false, popoverProps, error, onBlur, onFocus, size, ...props }: CampoFechaProps<V>) {
  const vinculo = form ? form.getInputProps(campo) : null;
  const valor = (vinculo ? vinculo.value : value) as string | null | undefined;
  const [texto, setTexto] = useState(() => mostrar(valor));
  const [errorPropio, setErrorPropio] = useState<string | null>(null);
  const [abierto, setAbierto] = useState(false);
  const enfocado = useRef(false);

  // A value set from outside (reset, draft, calendar) replaces the text unless the user is typing.
  useEffect(() => {
    if (!enfocado.current) setTexto(mostrar(valor));
  }, [valor]);

  const fijar = (v: string | null) => {
    if (vinculo) vinculo.onChange(v);
    else onChange?.(v);
  };
  const aplicar = (t: string, alSalir: boolean) => {
    const limpio = t.trim();
    const iso = limpio ? interpretarFecha(limpio) : null;
    if (!limpio || iso) {
      setErrorPropio(null);
      if (iso !== (valor ?? null)) fijar(iso);
      if (alSalir && iso) setTexto(mostrar(iso));
      return;
    }
    if (alSalir) setErrorPropio(explicarFechaInvalida(limpio));
    if (!soloValidas && limpio !== valor) fijar(limpio);
  };

  const fijarDelCalendario = (iso: string | null) => {
    setAbierto(false);
    setErrorPropio(null);
    setTexto(mostrar(iso));
    fijar(iso);
  };

  const errorMostrado = errorPropio ?? (vinculo?.error as string | undefined) ?? error;
  const isoActual = valor && ISO.test(valor) ? valor : null;
  return (
    <Popover opened={abierto} onChange={setAbierto} position="bottom-start" shadow="md" trapFocus={false} {...popoverProps}>
      <Popover.Target>
        <TextInput
          placeholder="DD/MM/AAAA"
          size={size}
          {...props}
          value={texto}
          error={errorMostrado}
          aria-invalid={errorMostrado ? true : undefined}
          onFocus={(e) => {
            enfocado.current = true;
            onFocus?.(e);
          }}
          onChange={(e) => {
            setTexto(e.currentTarget.value);
            if (errorPropio) setErrorPropio(null);
            aplicar(e.currentTarget.value, false);
          }}
          onBlur={(e) => {
            enfocado.current = false;
            aplicar(e.currentTarget.value, true);
            vinculo?.onBlur?.(e);
            onBlur?.(e);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && e.altKey) setAbierto(true);
            props.onKeyDown?.(e);
          }}
          rightSectionWidth={clearable && texto ? 56 : 32}
          rightSectionPointerEvents="all"
          rightSection={
            <Group gap={0} wrap="nowrap">
              {clearable && texto && !props.disabled && !props.readOnly && (
                <CloseButton size="sm" tabIndex={-1} aria-label="Borrar la fecha" onClick={() => fijarDelCalendario(null)} />
              )}
              <ActionIcon variant="subtle" color="gray" size="sm" tabIndex={-1} aria-label="Abrir el calendario" disabled={props.disabled || props.readOnly} onClick={() => setAbierto((a) => !a)}>
                <IconCalendar size={16} />
              </ActionIcon>
            </Group>
          }
        />
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker value={isoActual} defaultDate={isoActual ?? undefined} onChange={(v) => fijarDelCalendario(v as string | null)} />
      </Popover.Dropdown>
    </Popover>
  );
}
