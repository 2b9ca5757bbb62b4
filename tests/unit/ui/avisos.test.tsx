// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { avisarError, avisarExito, MENSAJE_INESPERADO, mensajeDeError } from '../../../renderer/src/ui/avisos';
import { Progreso } from '../../../renderer/src/ui/Progreso';
import { renderizar } from './entorno';

describe('avisos', () => {
  it('un AppError muestra su mensaje en español; cualquier otra cosa, el genérico', async () => {
    renderizar(<div />);
    act(() => {
      avisarError({ code: 'CONFLICTO', message: 'Otra persona modificó el asunto mientras usted lo editaba.' });
    });
    expect(await screen.findByText('Otra persona modificó el asunto mientras usted lo editaba.')).toBeTruthy();
    expect(screen.getByText('Cambios de otra persona')).toBeTruthy();

    const consola = vi.spyOn(console, 'error').mockImplementation(() => {});
    act(() => {
      avisarError(new TypeError('Failed to fetch'));
    });
    expect(await screen.findByText(MENSAJE_INESPERADO)).toBeTruthy();
    expect(screen.queryByText('Failed to fetch')).toBeNull();
    consola.mockRestore();

    act(() => {
      avisarExito('Asunto 03.01-1034/26 registrado.');
    });
    expect(await screen.findByText('Asunto 03.01-1034/26 registrado.')).toBeTruthy();
  });

  it('mensajeDeError', () => {
    expect(mensajeDeError({ code: 'VALIDACION', message: 'Falta el remitente.', details: [] })).toBe('Falta el remitente.');
    expect(mensajeDeError({ code: 'X', message: '' })).toBe(MENSAJE_INESPERADO);
    expect(mensajeDeError('texto')).toBe(MENSAJE_INESPERADO);
    expect(mensajeDeError(null)).toBe(MENSAJE_INESPERADO);
  });
});

describe('Progreso', () => {
  it('muestra título, porcentaje, qué hace y permite cancelar', async () => {
    const cancelar = vi.fn();
    const { rerender } = renderizar(
      <Progreso titulo="Exportando a Excel" texto="Escribiendo 4,000 de 10,000 filas…" fraccion={0.4} onCancelar={cancelar} />,
    );
    expect(screen.getByText('Exportando a Excel')).toBeTruthy();
    expect(screen.getByText('40 %')).toBeTruthy();
    expect(screen.getByText('Escribiendo 4,000 de 10,000 filas…')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    screen.getByRole('button', { name: 'Cancelar' }).click();
    expect(cancelar).toHaveBeenCalledOnce();
    rerender(<Progreso titulo="Exportando a Excel" fraccion={0.4} onCancelar={cancelar} cancelando />);
    expect(screen.getByText('Cancelando…')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Cancelar' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
