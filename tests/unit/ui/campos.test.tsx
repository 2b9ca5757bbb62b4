// @vitest-environment jsdom
import { Button } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  CampoAreaTexto,
  CampoFecha,
  CampoSeleccion,
  CampoTexto,
  erroresDeCampos,
  Formulario,
  useFormulario,
} from '../../../renderer/src/ui/campos';
import { renderizar } from './entorno';

const esquema = z.object({
  remitente: z.string().trim().min(3, 'Escriba el nombre del remitente.'),
  cargo: z.string().trim(),
  tipo: z.string({ error: 'Elija el tipo.' }).min(1, 'Elija el tipo.'),
  fecha: z.string({ error: 'Indique la fecha.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Indique la fecha.'),
  asunto: z.string().trim().min(1, 'Describa el asunto.'),
});
type Valores = z.input<typeof esquema>;

function Prueba({ onGuardar, iniciales }: { onGuardar: (v: z.output<typeof esquema>) => unknown; iniciales?: Partial<Valores> }) {
  const form = useFormulario({
    esquema,
    valoresIniciales: { remitente: '', cargo: '', tipo: null as unknown as string, fecha: null as unknown as string, asunto: '', ...iniciales },
  });
  return (
    <Formulario form={form} onGuardar={onGuardar}>
      <CampoTexto form={form} campo="remitente" label="Remitente" />
      <CampoTexto form={form} campo="cargo" label="Cargo" />
      <CampoSeleccion form={form} campo="tipo" label="Tipo" data={['Oficio', 'Petición ciudadana', 'Invitación']} />
      <CampoFecha form={form} campo="fecha" label="Fecha del oficio" />
      <CampoAreaTexto form={form} campo="asunto" label="Asunto" />
      <Button type="submit">Guardar</Button>
    </Formulario>
  );
}

describe('Formulario y campos', () => {
  it('Enter pasa al siguiente campo; en un textarea hace salto de línea', async () => {
    const user = userEvent.setup();
    const guardar = vi.fn();
    renderizar(<Prueba onGuardar={guardar} />);
    const remitente = screen.getByRole('textbox', { name: 'Remitente' });
    remitente.focus();
    await user.keyboard('Ana{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Cargo' }));
    await user.keyboard('Directora{Enter}');
    expect((document.activeElement as HTMLElement).getAttribute('aria-haspopup')).toBe('listbox'); // the select
    expect(guardar).not.toHaveBeenCalled();

    const asunto = screen.getByRole('textbox', { name: 'Asunto' });
    asunto.focus();
    await user.keyboard('línea 1{Enter}línea 2');
    expect((asunto as HTMLTextAreaElement).value).toBe('línea 1\nlínea 2');
    expect(document.activeElement).toBe(asunto);
  });

  it('Ctrl+Enter guarda; los errores en español quedan junto al campo y el foco va al primero', async () => {
    const user = userEvent.setup();
    const guardar = vi.fn();
    renderizar(<Prueba onGuardar={guardar} />);
    screen.getByRole('textbox', { name: 'Cargo' }).focus();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Escriba el nombre del remitente.')).toBeTruthy();
    expect(screen.getByText('Elija el tipo.')).toBeTruthy();
    expect(screen.getByText('Indique la fecha.')).toBeTruthy();
    expect(guardar).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Remitente' })));
  });

  it('guarda valores transformados por el esquema; la fecha se ve DD/MM/AAAA y vale AAAA-MM-DD', async () => {
    const user = userEvent.setup();
    const guardar = vi.fn();
    renderizar(<Prueba onGuardar={guardar} iniciales={{ tipo: 'Oficio', fecha: '2026-11-21' }} />);
    expect((screen.getByRole('textbox', { name: 'Fecha del oficio' }) as HTMLInputElement).value).toBe('21/11/2026');
    await user.type(screen.getByRole('textbox', { name: 'Remitente' }), '  Ana Núñez  ');
    await user.type(screen.getByRole('textbox', { name: 'Asunto' }), 'Solicitud');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(guardar).toHaveBeenCalledOnce());
    expect(guardar.mock.calls[0]![0]).toEqual({
      remitente: 'Ana Núñez',
      cargo: '',
      tipo: 'Oficio',
      fecha: '2026-11-21',
      asunto: 'Solicitud',
    });
  });

  it('los errores de campo que devuelve el núcleo se muestran junto al campo', async () => {
    const user = userEvent.setup();
    const guardar = vi.fn().mockRejectedValue({
      code: 'VALIDACION',
      message: 'Revise los datos marcados.',
      details: [{ campo: 'remitente', mensaje: 'Ese remitente está dado de baja.' }],
    });
    renderizar(<Prueba onGuardar={guardar} iniciales={{ remitente: 'Ana', tipo: 'Oficio', fecha: '2026-11-21', asunto: 'x' }} />);
    await user.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText('Ese remitente está dado de baja.')).toBeTruthy();
    expect(await screen.findByText('Revise los datos marcados.')).toBeTruthy();
  });

  it('erroresDeCampos entiende los detalles del núcleo: lista de VALIDACION o un solo campo', () => {
    expect(erroresDeCampos({ code: 'VALIDACION', message: 'x', details: [{ campo: 'a.0', mensaje: 'M' }, { campo: 'a.0', mensaje: 'otro' }] })).toEqual({ 'a.0': 'M' });
    expect(erroresDeCampos({ code: 'DUPLICADO', message: 'Ya existe la clave «SH».', details: { campo: 'clave' } })).toEqual({ clave: 'Ya existe la clave «SH».' });
    expect(erroresDeCampos({ code: 'CONFLICTO', message: 'x' })).toBeNull();
    expect(erroresDeCampos(new Error('x'))).toBeNull();
  });

  it('la selección busca sin acentos: "peticion" encuentra "Petición ciudadana"', async () => {
    const user = userEvent.setup();
    renderizar(<Prueba onGuardar={() => {}} />);
    const tipo = screen.getByRole('combobox', { name: 'Tipo' });
    await user.click(tipo);
    await user.type(tipo, 'peticion');
    const opciones = await screen.findAllByRole('option');
    expect(opciones.map((o) => o.textContent)).toEqual(['Petición ciudadana']);
  });
});
