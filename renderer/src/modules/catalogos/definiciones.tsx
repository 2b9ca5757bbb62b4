/** What each editable catalog shows and asks: columns, form fields and the schema (the core's own). */
import type { ReactNode } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { Badge } from '@mantine/core';
import { CampoNumero, CampoSeleccion, CampoTexto, type ColumnaTabla } from '../../ui';
import {
  Dependencia, Unidad, TipoGabinete, SerieDocumental, Instruccion,
} from '../../../../electron/contract/catalogos';
import { Switch } from '@mantine/core';

export type NombreCatalogo = 'dependencias' | 'unidades' | 'tiposGabinete' | 'seriesDocumentales' | 'instrucciones';
export type Registro = { id: string; activa: boolean; version: number; [campo: string]: unknown };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Form = UseFormReturnType<any, any>;

export interface DefinicionCatalogo {
  nombre: NombreCatalogo;
  titulo: string;
  /** "dependencia" / "dependencias", for counts and buttons. */
  singular: string;
  plural: string;
  femenino: boolean;
  entrada: z.ZodType<unknown, Record<string, unknown>>;
  nuevo: Record<string, unknown>;
  columnas: ColumnaTabla<Registro>[];
  campos(form: Form): ReactNode;
}

const texto = (id: string, titulo: string, ancho?: number): ColumnaTabla<Registro> => ({
  id, titulo, valor: (r) => (r[id] as string) ?? '', ancho, flexible: ancho === undefined,
});
const clave = texto('clave', 'Clave', 120);
const activa: ColumnaTabla<Registro> = {
  id: 'activa', titulo: 'Estado', ancho: 110, valor: (r) => (r.activa ? 'Activa' : 'Inactiva'),
  celda: (r) => <Badge variant="light" color={r.activa ? 'teal' : 'gray'}>{r.activa ? 'Activa' : 'Inactiva'}</Badge>,
  filtro: { opciones: [{ valor: 'Activa', etiqueta: 'Activa' }, { valor: 'Inactiva', etiqueta: 'Inactiva' }] },
};

const NUMERACION = [
  { value: 'por_tipo', label: 'Una serie por tipo (toda la administración)' },
  { value: 'por_tema', label: 'Una serie por tema' },
  { value: 'ninguna', label: 'Sin número' },
];

export const CATALOGOS: DefinicionCatalogo[] = [
  {
    nombre: 'dependencias', titulo: 'Dependencias', singular: 'dependencia', plural: 'dependencias', femenino: true,
    entrada: Dependencia.Entrada, nuevo: { clave: '', nombre: '', siglas: '', titular: '' },
    columnas: [clave, texto('nombre', 'Nombre'), texto('siglas', 'Siglas', 120), texto('titular', 'Titular', 240), activa],
    campos: (form) => (
      <>
        <CampoTexto form={form} campo="clave" label="Clave" description="Única; letras, números, punto o guion." autoFocus />
        <CampoTexto form={form} campo="nombre" label="Nombre" />
        <CampoTexto form={form} campo="siglas" label="Siglas" />
        <CampoTexto form={form} campo="titular" label="Titular" />
      </>
    ),
  },
  {
    nombre: 'unidades', titulo: 'Unidades administrativas', singular: 'unidad administrativa', plural: 'unidades administrativas', femenino: true,
    entrada: Unidad.Entrada, nuevo: { clave: '', nombre: '' },
    columnas: [clave, texto('nombre', 'Nombre'), activa],
    campos: (form) => (
      <>
        <CampoTexto form={form} campo="clave" label="Clave" autoFocus />
        <CampoTexto form={form} campo="nombre" label="Nombre" />
      </>
    ),
  },
  {
    nombre: 'instrucciones', titulo: 'Instrucciones de turno', singular: 'instrucción', plural: 'instrucciones', femenino: true,
    entrada: Instruccion.Entrada, nuevo: { clave: '', nombre: '', requiereAtencion: true, diasHabiles: 10 },
    columnas: [
      clave, texto('nombre', 'Instrucción'),
      { id: 'requiereAtencion', titulo: 'Requiere atención', ancho: 150, valor: (r) => (r.requiereAtencion ? 'Sí' : 'No (informativa)') },
      { id: 'diasHabiles', titulo: 'Plazo (días hábiles)', ancho: 160, tipo: 'numero', valor: (r) => r.diasHabiles as number },
      activa,
    ],
    campos: (form) => (
      <>
        <CampoTexto form={form} campo="clave" label="Clave" autoFocus />
        <CampoTexto form={form} campo="nombre" label="Instrucción" placeholder="Para su atención y respuesta" />
        <Switch label="Requiere atención (cuenta en el semáforo)" {...form.getInputProps('requiereAtencion', { type: 'checkbox' })} />
        <CampoNumero form={form} campo="diasHabiles" label="Plazo por omisión (días hábiles)" min={0} max={365} allowDecimal={false} />
      </>
    ),
  },
  {
    nombre: 'seriesDocumentales', titulo: 'Series documentales', singular: 'serie documental', plural: 'series documentales', femenino: true,
    entrada: SerieDocumental.Entrada, nuevo: { clave: '', nombre: '' },
    columnas: [clave, texto('nombre', 'Nombre'), activa],
    campos: (form) => (
      <>
        <CampoTexto form={form} campo="clave" label="Clave de clasificación archivística" placeholder="03.01" autoFocus />
        <CampoTexto form={form} campo="nombre" label="Nombre" />
      </>
    ),
  },
  {
    nombre: 'tiposGabinete', titulo: 'Tipos de gabinete', singular: 'tipo de gabinete', plural: 'tipos de gabinete', femenino: false,
    entrada: TipoGabinete.Entrada, nuevo: { clave: '', nombre: '', numeracion: 'por_tipo', plantilla: '{ordinal} Reunión de Gabinete {tema}' },
    columnas: [
      clave, texto('nombre', 'Nombre', 220),
      { id: 'numeracion', titulo: 'Numeración', ancho: 200, valor: (r) => NUMERACION.find((n) => n.value === r.numeracion)?.label ?? '' },
      texto('plantilla', 'Plantilla del nombre'), activa,
    ],
    campos: (form) => (
      <>
        <CampoTexto form={form} campo="clave" label="Clave" autoFocus />
        <CampoTexto form={form} campo="nombre" label="Nombre" />
        <CampoSeleccion form={form} campo="numeracion" label="Numeración" data={NUMERACION} allowDeselect={false} />
        <CampoTexto form={form} campo="plantilla" label="Plantilla del nombre" description="Use {ordinal} y {tema}: «{ordinal} Reunión de Gabinete Regional {tema}»." />
      </>
    ),
  },
];
