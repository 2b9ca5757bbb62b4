// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BarraSemaforo } from '../../../renderer/src/ui/BarraSemaforo';
import { Semaforo } from '../../../renderer/src/ui/Semaforo';
import { COLOR_SEMAFORO } from '../../../renderer/src/ui/semaforoColores';
import { renderizar } from './entorno';

describe('Semaforo', () => {
  it('muestra el punto de color y la palabra', () => {
    const { container } = renderizar(<Semaforo color="rojo" texto="Vencido" />);
    const insignia = container.querySelector('[data-semaforo="rojo"]') as HTMLElement;
    expect(insignia).not.toBeNull();
    expect(insignia.textContent).toBe('Vencido');
    const punto = insignia.querySelector('[data-punto]') as HTMLElement;
    expect(punto).not.toBeNull();
    expect(punto.getAttribute('aria-hidden')).toBe('true');
    expect(punto.style.background).toBe('rgb(198, 40, 40)'); // #c62828
    expect(screen.getByText('Vencido')).toBeTruthy();
  });

  it('cada color usa su tono', () => {
    for (const color of ['verde', 'amarillo', 'rojo', 'gris'] as const) {
      const { container, unmount } = renderizar(<Semaforo color={color} texto={color} />);
      const punto = container.querySelector('[data-punto]') as HTMLElement;
      const hex = COLOR_SEMAFORO[color];
      const rgb = `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
      expect(punto.style.background).toBe(rgb);
      unmount();
    }
  });

  it('el motivo queda disponible para lectores de pantalla (tooltip) o visible como texto', () => {
    const { container, unmount } = renderizar(
      <Semaforo color="rojo" texto="Vencido" motivo="vencido hace 3 días hábiles" />,
    );
    expect(container.textContent).toContain('Vencido');
    expect(container.textContent).toContain('vencido hace 3 días hábiles');
    unmount();
    renderizar(<Semaforo color="amarillo" texto="En riesgo" motivo="vence en 2 días hábiles" mostrarMotivo="junto" />);
    expect(screen.getByText('vence en 2 días hábiles')).toBeTruthy();
  });
});

describe('BarraSemaforo', () => {
  it('segmentos proporcionales, leyenda con palabras, cifras y porcentajes', () => {
    const alElegir = vi.fn();
    const { container } = renderizar(
      <BarraSemaforo
        titulo="Turnos"
        conteos={{ verde: 60, amarillo: 25, rojo: 15 }}
        etiquetas={{ verde: 'Atendidos', amarillo: 'En proceso', rojo: 'Pendientes' }}
        onSeleccionar={alElegir}
      />,
    );
    const segmentos = container.querySelectorAll<HTMLElement>('[data-segmento]');
    expect(segmentos).toHaveLength(3);
    expect(segmentos[0]!.style.flexGrow).toBe('60');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Turnos. Atendidos: 60 (60 %); En proceso: 25 (25 %); Pendientes: 15 (15 %)',
    );
    fireEvent.click(screen.getByRole('button', { name: /Pendientes: 15/ }));
    expect(alElegir).toHaveBeenCalledWith('rojo');
  });

  it('sin registros lo dice', () => {
    renderizar(<BarraSemaforo conteos={{}} />);
    expect(screen.getAllByText('Sin registros').length).toBeGreaterThan(0);
  });
});
