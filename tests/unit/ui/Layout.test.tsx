// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { EnConstruccion } from '../../../renderer/src/app/EnConstruccion';
import { Layout } from '../../../renderer/src/app/Layout';
import { itemsParaRol, NAVEGACION, puedeVer } from '../../../renderer/src/app/navegacion';
import { renderizar } from './entorno';

const etiquetas = (rol: Parameters<typeof itemsParaRol>[0]) => itemsParaRol(rol).map((i) => i.etiqueta);

describe('navegación por rol (DOMAIN §8)', () => {
  it('cada rol ve sus módulos, en orden', () => {
    expect(etiquetas('capturista')).toEqual(['Tablero', 'Correspondencia', 'Oficios', 'Reportes', 'Importar']);
    expect(etiquetas('coordinador')).toEqual(['Tablero', 'Oficios', 'Gabinete', 'Compromisos', 'POA', 'Reportes', 'Importar']);
    expect(etiquetas('jefe')).toEqual(['Tablero', 'Correspondencia', 'Oficios', 'Gabinete', 'Compromisos', 'POA', 'Reportes']);
    expect(etiquetas('administrador')).toEqual(NAVEGACION.map((i) => i.etiqueta));
    expect(etiquetas('administrador')).toContain('Catálogos');
    expect(etiquetas('administrador')).toContain('Ajustes');
    expect(puedeVer('capturista', 'ajustes')).toBe(false);
    expect(puedeVer('administrador', 'catalogos')).toBe(true);
  });
});

describe('Layout', () => {
  function montar(ruta: string, onCerrarSesion = vi.fn()) {
    renderizar(
      <MemoryRouter initialEntries={[ruta]}>
        <Routes>
          <Route
            element={
              <Layout
                usuario={{ nombre: 'María López Félix', etiquetaRol: 'Capturista de correspondencia' }}
                items={itemsParaRol('capturista')}
                onCerrarSesion={onCerrarSesion}
              />
            }
          >
            <Route path="tablero" element={<EnConstruccion modulo="Tablero" descripcion="Semáforos de todo." />} />
            <Route path="correspondencia" element={<p>Página de correspondencia</p>} />
            <Route path="reportes" element={<p>Página de reportes</p>} />
          </Route>
        </Routes>
      </MemoryRouter>,
    );
    return onCerrarSesion;
  }

  it('muestra la app, quién está en sesión y su rol; el título de la ventana también', () => {
    montar('/tablero');
    expect(screen.getByText('Sistema de Seguimiento del Ejecutivo')).toBeTruthy();
    expect(screen.getByText('María López Félix')).toBeTruthy();
    expect(screen.getByText('Capturista de correspondencia')).toBeTruthy();
    expect(document.title).toBe('Sistema de Seguimiento del Ejecutivo — María López Félix (Capturista de correspondencia)');
  });

  it('la navegación tiene solo los módulos del rol, marca el actual y navega', async () => {
    const user = userEvent.setup();
    montar('/tablero');
    const nav = screen.getByRole('navigation', { name: 'Módulos' });
    const enlaces = Array.from(nav.querySelectorAll('a'));
    expect(enlaces.map((a) => a.textContent)).toEqual(['Tablero', 'Correspondencia', 'Oficios', 'Reportes', 'Importar']);
    expect(screen.getByRole('link', { name: 'Tablero' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByText('Módulo en construcción')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Correspondencia' }));
    expect(screen.getByText('Página de correspondencia')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Correspondencia' }).getAttribute('aria-current')).toBe('page');
  });

  it('con el teclado: ↓ mueve entre módulos y Enter abre', async () => {
    const user = userEvent.setup();
    montar('/tablero');
    screen.getByRole('link', { name: 'Tablero' }).focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}'); // Tablero → Correspondencia → Oficios → Reportes
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Reportes' }));
    await user.keyboard('{Enter}');
    expect(screen.getByText('Página de reportes')).toBeTruthy();
  });

  it('Cerrar sesión llama al callback', async () => {
    const user = userEvent.setup();
    const cerrar = montar('/tablero');
    await user.click(screen.getByRole('button', { name: 'Cerrar sesión' }));
    expect(cerrar).toHaveBeenCalledOnce();
  });
});
