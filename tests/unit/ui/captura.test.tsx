// @vitest-environment jsdom
/**
 * Issue 12 (part A): dates that do not exist are explained and kept; drafts per user and form; the
 * form's Enter picks the highlighted option and moves on; one save at a time; «Registrar otro» keeps
 * only what was ticked; POA cells say why a value is refused; Ctrl+N and the palette per role.
 */
import { Button } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  BotonGuardar,
  CampoFecha,
  CampoSeleccion,
  CampoTexto,
  Formulario,
  explicarFechaInvalida,
  fechaOpcional,
  fechaRequerida,
  interpretarFecha,
  useFormulario,
} from '../../../renderer/src/ui/campos';
import { borrarBorrador, escribirBorrador, fijarDuenoBorradores, leerBorrador } from '../../../renderer/src/ui/borrador';
import { errorDeCelda } from '../../../renderer/src/modules/poa/Cuadricula';
import { valoresParaOtro } from '../../../renderer/src/modules/correspondencia/Registrar';
import { rutaNuevo } from '../../../renderer/src/app/atajos';
import { pantallasParaRol } from '../../../renderer/src/app/Paleta';
import { renderizar } from './entorno';

describe('fechas', () => {
  it('interpreta las formas habituales y rechaza las que no existen', () => {
    expect(interpretarFecha('21/11/2026')).toBe('2026-11-21');
    expect(interpretarFecha('29/02/2028')).toBe('2028-02-29');
    expect(interpretarFecha('31/02/2026')).toBeNull();
    expect(interpretarFecha('45/13/2026')).toBeNull();
  });
  it('explica por qué no es una fecha', () => {
    expect(explicarFechaInvalida('31/02/2026')).toBe('«31/02/2026» no existe: febrero de 2026 tiene 28 días.');
    expect(explicarFechaInvalida('45/13/2026')).toBe('«45/13/2026» no es una fecha: el mes debe ser de 01 a 12.');
    expect(explicarFechaInvalida('mañana')).toMatch(/Escríbala como DD\/MM\/AAAA/);
  });
  it('los esquemas de formulario rechazan el texto crudo con su motivo', () => {
    expect(fechaRequerida('Fecha').safeParse('2026-11-21').success).toBe(true);
    const r = fechaRequerida('Fecha de recepción').safeParse('31/02/2026');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('Fecha de recepción: «31/02/2026» no existe: febrero de 2026 tiene 28 días.');
    expect(fechaOpcional('Fecha del oficio').parse(null)).toBeNull();
    expect(fechaOpcional('Fecha del oficio').parse('')).toBeNull();
    expect(fechaOpcional('Fecha del oficio').safeParse('45/13/2026').success).toBe(false);
  });
});

const esquema = z.object({
  nombre: z.string().trim().min(1, 'Escriba el nombre.'),
  tipo: z.string().nullable(),
  fecha: fechaOpcional('Fecha del oficio'),
  nota: z.string(),
});

function Prueba({ onGuardar, borrador }: { onGuardar: (v: z.output<typeof esquema>) => unknown; borrador?: string }) {
  const form = useFormulario({ esquema, valoresIniciales: { nombre: '', tipo: null, fecha: null, nota: '' } });
  return (
    <Formulario form={form} onGuardar={onGuardar} borrador={borrador}>
      <CampoTexto form={form} campo="nombre" label="Nombre" />
      <CampoSeleccion form={form} campo="tipo" label="Tipo" data={['Oficio', 'Petición ciudadana', 'Invitación']} />
      <CampoFecha form={form} campo="fecha" label="Fecha del oficio" />
      <CampoTexto form={form} campo="nota" label="Nota" />
      <BotonGuardar>Guardar</BotonGuardar>
      <Button>otro</Button>
    </Formulario>
  );
}

describe('formulario de captura', () => {
  beforeEach(() => {
    localStorage.clear();
    fijarDuenoBorradores('u1');
  });

  it('una fecha inexistente se queda como se escribió, con su error, y no deja guardar', async () => {
    const user = userEvent.setup();
    const guardar = vi.fn();
    renderizar(<Prueba onGuardar={guardar} />);
    await user.type(screen.getByRole('textbox', { name: 'Nombre' }), 'Ana');
    const fecha = screen.getByRole('textbox', { name: 'Fecha del oficio' });
    await user.type(fecha, '31/02/2026');
    await user.tab();
    expect((fecha as HTMLInputElement).value).toBe('31/02/2026');
    expect(await screen.findByText('«31/02/2026» no existe: febrero de 2026 tiene 28 días.')).toBeTruthy();
    fecha.focus();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await new Promise((r) => setTimeout(r, 50));
    expect(guardar).not.toHaveBeenCalled();
  });

  it('Enter nunca guarda; Ctrl+Enter dos veces mientras guarda: un solo envío', async () => {
    const user = userEvent.setup();
    let terminar: () => void = () => {};
    const guardar = vi.fn(() => new Promise<void>((r) => (terminar = r)));
    renderizar(<Prueba onGuardar={guardar} />);
    const nombre = screen.getByRole('textbox', { name: 'Nombre' });
    await user.type(nombre, 'Ana{Enter}');
    const nota = screen.getByRole('textbox', { name: 'Nota' });
    nota.focus();
    await user.keyboard('x{Enter}');
    expect(guardar).not.toHaveBeenCalled();
    await user.keyboard('{Control>}{Enter}{/Control}{Control>}{Enter}{/Control}');
    await waitFor(() => expect(guardar).toHaveBeenCalledTimes(1));
    expect((screen.getByRole('button', { name: 'Guardar' }) as HTMLButtonElement).disabled).toBe(true);
    terminar();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Guardar' }) as HTMLButtonElement).disabled).toBe(false));
    expect(guardar).toHaveBeenCalledTimes(1);
  });

  it('el borrador se guarda al escribir, por usuario, y se ofrece al volver', async () => {
    const user = userEvent.setup();
    const { unmount } = renderizar(<Prueba onGuardar={() => {}} borrador="prueba.captura" />);
    await user.type(screen.getByRole('textbox', { name: 'Nombre' }), 'Ana Núñez');
    await waitFor(() => expect(leerBorrador<{ nombre: string }>('prueba.captura')?.valores.nombre).toBe('Ana Núñez'));
    unmount();
    fijarDuenoBorradores('u2');
    expect(leerBorrador('prueba.captura')).toBeNull(); // another person sees nothing
    fijarDuenoBorradores('u1');
    renderizar(<Prueba onGuardar={() => {}} borrador="prueba.captura" />);
    await user.click(await screen.findByRole('button', { name: 'Recuperar borrador' }));
    expect((screen.getByRole('textbox', { name: 'Nombre' }) as HTMLInputElement).value).toBe('Ana Núñez');
  });

  it('guardar borra el borrador', async () => {
    const user = userEvent.setup();
    escribirBorrador('prueba.guardar', { nombre: 'x' });
    borrarBorrador('prueba.guardar');
    expect(leerBorrador('prueba.guardar')).toBeNull();
    renderizar(<Prueba onGuardar={() => {}} borrador="prueba.guardar" />);
    await user.type(screen.getByRole('textbox', { name: 'Nombre' }), 'Ana');
    await waitFor(() => expect(leerBorrador('prueba.guardar')).not.toBeNull());
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(leerBorrador('prueba.guardar')).toBeNull());
  });
});

describe('reglas pequeñas', () => {
  it('«Registrar otro» conserva solo lo marcado', () => {
    const previo = { remitenteNombre: 'Ana', remitenteCargo: 'Dir', remitenteOrganizacion: 'SE', destinatario: 'jefe_oficina', serieId: 's2', municipioClave: '030' } as never;
    const nuevos = { remitenteNombre: '', remitenteCargo: '', remitenteOrganizacion: '', destinatario: 'titular', serieId: 's1', municipioClave: null } as never;
    expect(valoresParaOtro(previo, [], nuevos)).toEqual(nuevos);
    expect(valoresParaOtro(previo, ['remitente'], nuevos)).toMatchObject({ remitenteNombre: 'Ana', destinatario: 'titular', serieId: 's1', municipioClave: null });
    expect(valoresParaOtro(previo, ['destinatario', 'municipio'], nuevos)).toMatchObject({ remitenteNombre: '', destinatario: 'jefe_oficina', serieId: 's2', municipioClave: '030' });
  });
  it('la celda del POA dice por qué rechaza -5 o abc', () => {
    expect(errorDeCelda('abc', Number('abc'))).toBe('«abc» no es un número.');
    expect(errorDeCelda('-5', -5)).toBe('No puede ser negativo (-5).');
    expect(errorDeCelda('12', 12)).toBeNull();
    expect(errorDeCelda('', null)).toBeNull();
  });
  it('Ctrl+N lleva al formulario del módulo solo a quien puede crear', () => {
    expect(rutaNuevo('/correspondencia/asunto/x', 'capturista')).toBe('/correspondencia/registrar');
    expect(rutaNuevo('/correspondencia', 'jefe')).toBeNull();
    expect(rutaNuevo('/gabinete/acuerdos', 'coordinador')).toBe('/gabinete/reuniones/nueva');
    expect(rutaNuevo('/tablero', 'coordinador')).toBeNull();
  });
  it('la paleta solo ofrece las pantallas del rol', () => {
    const capturista = pantallasParaRol('capturista').map((p) => p.ruta);
    expect(capturista).toContain('/correspondencia/registrar');
    expect(capturista).not.toContain('/gabinete/reuniones');
    expect(pantallasParaRol('jefe').map((p) => p.ruta)).not.toContain('/correspondencia/registrar');
  });
});
