// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DataTable, type ColumnaTabla } from '../../../renderer/src/ui/DataTable';
import { escribirEstado, leerEstado, useEstadoTablaEnUrl } from '../../../renderer/src/ui/estadoUrl';
import { renderizar } from './entorno';

describe('estado de la lista en la URL', () => {
  it('lee y escribe búsqueda, filtros y orden', () => {
    const p = new URLSearchParams('q=agua&f.estatus=pendiente&orden=-recepcion,folio&otro=1');
    expect(leerEstado(p)).toEqual({
      busqueda: 'agua',
      filtros: { estatus: 'pendiente' },
      orden: [
        { id: 'recepcion', desc: true },
        { id: 'folio', desc: false },
      ],
    });
    escribirEstado(p, { busqueda: '', filtros: { turnadoA: 'Salud' }, orden: [] });
    expect(p.toString()).toBe('otro=1&f.turnadoA=Salud');
  });

  it('una lista abierta con filtros en la URL los aplica, y los cambios vuelven a la URL', async () => {
    type Fila = { id: string; estatus: string };
    const columnas: ColumnaTabla<Fila>[] = [
      { id: 'id', titulo: 'Id', valor: (f) => f.id },
      { id: 'estatus', titulo: 'Estatus', valor: (f) => f.estatus, filtro: { opciones: [{ valor: 'pendiente', etiqueta: 'Pendiente' }] } },
    ];
    const filas: Fila[] = [
      { id: 'uno', estatus: 'pendiente' },
      { id: 'dos', estatus: 'atendido' },
    ];
    let ubicacion = '';
    function Lista() {
      const [estado, setEstado] = useEstadoTablaEnUrl();
      ubicacion = useLocation().search;
      return <DataTable id="u" columnas={columnas} filas={filas} idFila={(f) => f.id} sustantivo="asuntos" estado={estado} onEstadoChange={setEstado} />;
    }
    const user = userEvent.setup();
    renderizar(
      <MemoryRouter initialEntries={['/correspondencia?f.estatus=pendiente']}>
        <Lista />
      </MemoryRouter>,
    );
    expect(screen.getAllByRole('row')).toHaveLength(2); // header + 1
    await user.click(screen.getByRole('button', { name: /^Id/ }));
    await waitFor(() => expect(ubicacion).toBe('?f.estatus=pendiente&orden=id'));
    await user.click(screen.getByRole('button', { name: 'Quitar filtros' }));
    await waitFor(() => expect(ubicacion).toBe('?orden=id'));
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });
});
