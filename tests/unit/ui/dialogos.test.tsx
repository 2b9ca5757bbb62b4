// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { confirmar, DialogoEdicion, pedirMotivo } from '../../../renderer/src/ui/dialogos';
import { renderizar } from './entorno';

describe('pedirMotivo', () => {
  it('nombra el registro, rechaza un motivo vacío o corto y devuelve el motivo sin espacios', async () => {
    const user = userEvent.setup();
    renderizar(<div />);
    let resultado: string | null | undefined;
    act(() => {
      void pedirMotivo({ titulo: 'Anular asunto', registro: 'Asunto 03.01-1034/26', confirmar: 'Anular', peligro: true }).then(
        (m) => (resultado = m),
      );
    });
    expect(await screen.findByText('Asunto 03.01-1034/26')).toBeTruthy();
    expect(screen.getByText('Anular asunto')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Anular' }));
    expect(await screen.findByText('Escriba el motivo: es obligatorio.')).toBeTruthy();
    expect(resultado).toBeUndefined();

    const caja = screen.getByRole('textbox', { name: /Motivo/ });
    await user.type(caja, 'abc');
    await user.click(screen.getByRole('button', { name: 'Anular' }));
    expect(await screen.findByText('Escriba al menos 5 caracteres (lleva 3).')).toBeTruthy();
    expect(resultado).toBeUndefined();

    await user.clear(caja);
    await user.type(caja, '  Registrado dos veces por error  ');
    await user.click(screen.getByRole('button', { name: 'Anular' }));
    await waitFor(() => expect(resultado).toBe('Registrado dos veces por error'));
  });

  it('Cancelar devuelve null; Ctrl+Enter acepta', async () => {
    const user = userEvent.setup();
    renderizar(<div />);
    let r1: string | null | undefined;
    act(() => {
      void pedirMotivo({ titulo: 'Prorrogar plazo', registro: 'Turno a Secretaría de Salud' }).then((m) => (r1 = m));
    });
    await user.click(await screen.findByRole('button', { name: 'Cancelar' }));
    await waitFor(() => expect(r1).toBeNull());

    let r2: string | null | undefined;
    act(() => {
      void pedirMotivo({ titulo: 'Reabrir turno', registro: 'Turno 2', etiqueta: 'Justificación' }).then((m) => (r2 = m));
    });
    const caja = await screen.findByRole('textbox', { name: /Justificación/ });
    await user.type(caja, 'La dependencia pidió corregir{Control>}{Enter}{/Control}');
    await waitFor(() => expect(r2).toBe('La dependencia pidió corregir'));
  });
});

describe('confirmar', () => {
  it('resuelve true al confirmar y false al cancelar', async () => {
    const user = userEvent.setup();
    renderizar(<div />);
    let r: boolean | undefined;
    act(() => {
      void confirmar({ titulo: 'Cerrar reunión', mensaje: 'Se bloqueará el texto de los acuerdos.', confirmar: 'Cerrar reunión', peligro: true }).then(
        (v) => (r = v),
      );
    });
    expect(await screen.findByText('Se bloqueará el texto de los acuerdos.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cerrar reunión' }));
    await waitFor(() => expect(r).toBe(true));

    let r2: boolean | undefined;
    act(() => {
      void confirmar({ titulo: '¿Salir?', mensaje: 'Hay cambios sin guardar.' }).then((v) => (r2 = v));
    });
    await user.click(await screen.findByRole('button', { name: 'Cancelar' }));
    await waitFor(() => expect(r2).toBe(false));
  });
});

describe('DialogoEdicion', () => {
  it('muestra los campos con Cancelar y el botón de guardar; cada uno llama lo suyo', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    const onGuardar = vi.fn();
    renderizar(
      <DialogoEdicion titulo="Siguiente número — Oficios" onClose={onClose} onGuardar={onGuardar} guardar="Fijar">
        <label>Año<input defaultValue="2026" /></label>
      </DialogoEdicion>,
    );
    expect(await screen.findByText('Siguiente número — Oficios')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Año' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Fijar' }));
    expect(onGuardar).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
