// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DataTable, type ColumnaTabla, type EstadoTabla } from '../../../renderer/src/ui/DataTable';
import { Semaforo } from '../../../renderer/src/ui/Semaforo';
import { renderizar } from './entorno';

interface Asunto {
  id: string;
  anio: number;
  n: number;
  remitente: string;
  asunto: string;
  estatus: string;
  turnadoA: string;
}

const FILAS: Asunto[] = [
  { id: 'a1', anio: 2026, n: 10, remitente: 'Núñez Soto, Ana', asunto: 'Petición ciudadana de apoyo', estatus: 'Pendiente', turnadoA: 'Secretaría de Salud' },
  { id: 'a2', anio: 2026, n: 2, remitente: 'Álvarez Ruiz, José', asunto: 'Invitación al informe', estatus: 'Atendido', turnadoA: 'DIF Sonora' },
  { id: 'a3', anio: 2025, n: 900, remitente: 'Moreno, Lucía', asunto: 'Oficio de respuesta', estatus: 'Pendiente', turnadoA: 'Comisión Estatal del Agua' },
];

const COLUMNAS: ColumnaTabla<Asunto>[] = [
  // The folio sorts by (year, number), never as text.
  { id: 'folio', titulo: 'Folio', valor: (a) => `03.01-${a.n}/${String(a.anio).slice(2)}`, orden: (a) => a.anio * 1e7 + a.n, ocultable: false },
  { id: 'remitente', titulo: 'Remitente', valor: (a) => a.remitente, filtro: 'texto' },
  { id: 'asunto', titulo: 'Asunto', valor: (a) => a.asunto, flexible: true },
  {
    id: 'estatus',
    titulo: 'Estatus',
    valor: (a) => a.estatus,
    filtro: { opciones: [{ valor: 'Pendiente', etiqueta: 'Pendiente' }, { valor: 'Atendido', etiqueta: 'Atendido' }] },
    celda: (a) => <Semaforo color={a.estatus === 'Atendido' ? 'verde' : 'rojo'} texto={a.estatus} />,
  },
  { id: 'turnadoA', titulo: 'Turnado a', valor: (a) => a.turnadoA },
];

const idFila = (a: Asunto) => a.id;

/** Text of the first column of every rendered body row, in order. */
function primeraColumna(): string[] {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('gridcell')[0]!.textContent ?? '');
}

function conteo(): string {
  return document.querySelector('[aria-live="polite"]')!.textContent ?? '';
}

describe('DataTable', () => {
  it('muestra filas, encabezado y el conteo con el sustantivo en plural', () => {
    renderizar(<DataTable id="t1" columnas={COLUMNAS} filas={FILAS} idFila={idFila} sustantivo="asuntos" />);
    expect(screen.getByRole('grid', { name: 'Asuntos' })).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Folio',
      'Remitente',
      'Asunto',
      'Estatus',
      'Turnado a',
    ]);
    expect(primeraColumna()).toEqual(['03.01-10/26', '03.01-2/26', '03.01-900/25']);
    expect(conteo()).toBe('3 asuntos');
  });

  it('singular correcto con un registro', () => {
    renderizar(
      <DataTable id="t1b" columnas={COLUMNAS} filas={FILAS.slice(0, 1)} idFila={idFila} sustantivo={{ singular: 'asunto', plural: 'asuntos' }} />,
    );
    expect(conteo()).toBe('1 asunto');
  });

  it('ordena al hacer clic y con el teclado; el folio por año y número', async () => {
    const user = userEvent.setup();
    renderizar(<DataTable id="t2" columnas={COLUMNAS} filas={FILAS} idFila={idFila} sustantivo="asuntos" />);
    const folio = screen.getByRole('button', { name: /^Folio/ });
    await user.click(folio);
    expect(primeraColumna()).toEqual(['03.01-900/25', '03.01-2/26', '03.01-10/26']);
    expect(screen.getAllByRole('columnheader')[0]!.getAttribute('aria-sort')).toBe('ascending');
    await user.click(folio);
    expect(primeraColumna()).toEqual(['03.01-10/26', '03.01-2/26', '03.01-900/25']);
    expect(screen.getAllByRole('columnheader')[0]!.getAttribute('aria-sort')).toBe('descending');

    // Keyboard: Enter on the Remitente header sorts by it (accents ignored: Álvarez first).
    const remitente = screen.getByRole('button', { name: /^Remitente/ });
    remitente.focus();
    await user.keyboard('{Enter}');
    expect(primeraColumna()).toEqual(['03.01-2/26', '03.01-900/25', '03.01-10/26']);
  });

  it('búsqueda rápida sin acentos y conteo "x de y"', async () => {
    const user = userEvent.setup();
    renderizar(<DataTable id="t3" columnas={COLUMNAS} filas={FILAS} idFila={idFila} sustantivo="asuntos" />);
    await user.type(screen.getByRole('textbox', { name: 'Buscar asuntos' }), 'peticion');
    // Both in one wait: on a loaded machine the debounced search may land between the two reads.
    await waitFor(() => {
      expect(primeraColumna()).toEqual(['03.01-10/26']);
      expect(conteo()).toBe('1 de 3 asuntos');
    });
    // Searching also covers columns rendered as components (Estatus) through their value.
    await user.clear(screen.getByRole('textbox', { name: 'Buscar asuntos' }));
    await user.type(screen.getByRole('textbox', { name: 'Buscar asuntos' }), 'atendido');
    await waitFor(() => expect(primeraColumna()).toEqual(['03.01-2/26']));
  });

  it('filtro por columna desde el encabezado, con chip para quitarlo', async () => {
    const user = userEvent.setup();
    const cambios: EstadoTabla[] = [];
    renderizar(
      <DataTable id="t4" columnas={COLUMNAS} filas={FILAS} idFila={idFila} sustantivo="asuntos" onEstadoChange={(e) => cambios.push(e)} />,
    );
    await user.click(screen.getByRole('button', { name: 'Filtrar por Estatus' }));
    await user.click(await screen.findByRole('radio', { name: 'Pendiente' }));
    await waitFor(() => expect(primeraColumna()).toEqual(['03.01-10/26', '03.01-900/25']));
    expect(cambios.at(-1)!.filtros).toEqual({ estatus: 'Pendiente' });
    expect(screen.getByRole('group', { name: 'Filtros aplicados' }).textContent).toContain('Estatus: Pendiente');
    await user.click(screen.getByRole('button', { name: 'Quitar filtro Estatus: Pendiente' }));
    expect(primeraColumna()).toHaveLength(3);

    // Text filter: accents ignored.
    await user.click(screen.getByRole('button', { name: 'Filtrar por Remitente' }));
    await user.type(await screen.findByRole('textbox', { name: 'Remitente contiene' }), 'nunez{Enter}');
    await waitFor(() => expect(primeraColumna()).toEqual(['03.01-10/26']));
  });

  it('estado vacío con mensaje y acción; sin resultados ofrece quitar filtros', async () => {
    const user = userEvent.setup();
    const registrar = vi.fn();
    const { unmount } = renderizar(
      <DataTable
        id="t5"
        columnas={COLUMNAS}
        filas={[]}
        idFila={idFila}
        sustantivo="asuntos"
        vacio={{ mensaje: 'Registre el primer asunto con Ctrl+N.', accion: { etiqueta: 'Registrar asunto', onClick: registrar } }}
      />,
    );
    expect(screen.getByText('No hay asuntos')).toBeTruthy();
    expect(screen.getByText('Registre el primer asunto con Ctrl+N.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Registrar asunto' }));
    expect(registrar).toHaveBeenCalledOnce();
    unmount();

    renderizar(
      <DataTable id="t5b" columnas={COLUMNAS} filas={FILAS} idFila={idFila} sustantivo="asuntos" estadoInicial={{ busqueda: 'zzz' }} />,
    );
    expect(screen.getByText('Ningún resultado')).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: 'Quitar filtros' })[0]!);
    expect(primeraColumna()).toHaveLength(3);
  });

  it('cargando sin filas lo dice', () => {
    renderizar(<DataTable id="t6" columnas={COLUMNAS} filas={[]} idFila={idFila} sustantivo="asuntos" cargando />);
    expect(screen.getByText('Cargando asuntos…')).toBeTruthy();
    expect(screen.getByRole('grid').getAttribute('aria-busy')).toBe('true');
  });

  it('el selector de columnas oculta una columna y lo recuerda por id de tabla', async () => {
    const user = userEvent.setup();
    const { unmount } = renderizar(<DataTable id="bandeja" columnas={COLUMNAS} filas={FILAS} idFila={idFila} sustantivo="asuntos" />);
    await user.click(screen.getByRole('button', { name: 'Columnas' }));
    const casilla = await screen.findByRole('checkbox', { name: 'Turnado a' });
    expect((screen.getByRole('checkbox', { name: 'Folio' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(casilla);
    await waitFor(() =>
      expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Folio', 'Remitente', 'Asunto', 'Estatus']),
    );
    expect(JSON.parse(localStorage.getItem('sse.tabla.bandeja.columnas')!)).toMatchObject({ turnadoA: false });
    unmount();
    renderizar(<DataTable id="bandeja" columnas={COLUMNAS} filas={FILAS} idFila={idFila} sustantivo="asuntos" />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).not.toContain('Turnado a');
  });

  it('exportar recibe columnas visibles, filtros, orden y las filas en pantalla', async () => {
    const user = userEvent.setup();
    const onExportar = vi.fn();
    renderizar(
      <DataTable
        id="t8"
        columnas={COLUMNAS}
        filas={FILAS}
        idFila={idFila}
        sustantivo="asuntos"
        onExportar={onExportar}
        estadoInicial={{ filtros: { estatus: 'Pendiente' }, orden: [{ id: 'folio', desc: false }] }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Columnas' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Asunto' }));
    await user.click(screen.getByRole('button', { name: 'Exportar a Excel' }));
    expect(onExportar).toHaveBeenCalledOnce();
    const e = onExportar.mock.calls[0]![0];
    expect(e.columnasVisibles).toEqual(['folio', 'remitente', 'estatus', 'turnadoA']);
    expect(e.filtros).toEqual({ estatus: 'Pendiente' });
    expect(e.orden).toEqual([{ id: 'folio', desc: false }]);
    expect(e.busqueda).toBe('');
    expect(e.filas.map((a: Asunto) => a.id)).toEqual(['a3', 'a1']);
  });

  it('teclado: ↓ selecciona, Enter abre; clic selecciona y doble clic abre', async () => {
    const user = userEvent.setup();
    const onSeleccionar = vi.fn();
    const onAbrir = vi.fn();
    renderizar(
      <DataTable id="t9" columnas={COLUMNAS} filas={FILAS} idFila={idFila} sustantivo="asuntos" onSeleccionar={onSeleccionar} onAbrir={onAbrir} />,
    );
    const grid = screen.getByRole('grid');
    grid.focus();
    await user.keyboard('{ArrowDown}');
    expect(onSeleccionar).toHaveBeenLastCalledWith(FILAS[0]);
    await user.keyboard('{ArrowDown}');
    expect(onSeleccionar).toHaveBeenLastCalledWith(FILAS[1]);
    expect(grid.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('row')[2]!.id);
    await user.keyboard('{Enter}');
    expect(onAbrir).toHaveBeenCalledWith(FILAS[1]);
    await user.keyboard('{End}');
    expect(onSeleccionar).toHaveBeenLastCalledWith(FILAS[2]);
    await user.keyboard('{ArrowUp}');
    expect(onSeleccionar).toHaveBeenLastCalledWith(FILAS[1]);

    const fila3 = screen.getAllByRole('row')[3]!;
    await user.click(fila3);
    expect(onSeleccionar).toHaveBeenLastCalledWith(FILAS[2]);
    expect(fila3.getAttribute('aria-selected')).toBe('true');
    await user.dblClick(screen.getAllByRole('row')[1]!);
    expect(onAbrir).toHaveBeenLastCalledWith(FILAS[0]);
  });

  it('virtualiza: de 10,000 filas solo dibuja una ventana, y se desplaza', async () => {
    const muchas: Asunto[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `m${i}`,
      anio: 2026,
      n: i + 1,
      remitente: `Remitente ${i + 1}`,
      asunto: 'Petición',
      estatus: 'Pendiente',
      turnadoA: '',
    }));
    renderizar(<DataTable id="t10" columnas={COLUMNAS} filas={muchas} idFila={idFila} sustantivo="asuntos" />);
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-rowcount')).toBe('10001');
    expect(conteo()).toBe('10,000 asuntos');
    const dibujadas = screen.getAllByRole('row').length - 1;
    expect(dibujadas).toBeGreaterThan(10);
    expect(dibujadas).toBeLessThan(60);
    expect(primeraColumna()[0]).toBe('03.01-1/26');

    await act(async () => {
      grid.scrollTop = 34 * 5000;
      fireEvent.scroll(grid);
    });
    await waitFor(() => expect(primeraColumna()).toContain('03.01-5001/26'));
    expect(screen.getAllByRole('row').length - 1).toBeLessThan(60);
    expect(primeraColumna()).not.toContain('03.01-1/26');
  });

  it('modo servidor: no reordena localmente, avisa el estado, usa el total y pide más filas', async () => {
    const user = userEvent.setup();
    const onEstadoChange = vi.fn();
    const onCargarMas = vi.fn();
    renderizar(
      <DataTable
        id="t11"
        modo="servidor"
        columnas={COLUMNAS}
        filas={FILAS}
        idFila={idFila}
        sustantivo="asuntos"
        total={1245}
        hayMas
        onCargarMas={onCargarMas}
        onEstadoChange={onEstadoChange}
      />,
    );
    expect(conteo()).toBe('1,245 asuntos');
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('1246');
    expect(onCargarMas).toHaveBeenCalledOnce(); // the three loaded rows are all on screen
    await user.click(screen.getByRole('button', { name: /^Folio/ }));
    expect(onEstadoChange).toHaveBeenLastCalledWith({ busqueda: '', filtros: {}, orden: [{ id: 'folio', desc: false }] });
    expect(primeraColumna()).toEqual(['03.01-10/26', '03.01-2/26', '03.01-900/25']); // order is the server's
    await user.type(screen.getByRole('textbox', { name: 'Buscar asuntos' }), 'lucia');
    await waitFor(() =>
      expect(onEstadoChange).toHaveBeenLastCalledWith({ busqueda: 'lucia', filtros: {}, orden: [{ id: 'folio', desc: false }] }),
    );
    expect(primeraColumna()).toHaveLength(3); // not filtered locally
  });

  it('estado controlado: respeta el orden que le da el padre', () => {
    renderizar(
      <DataTable
        id="t12"
        columnas={COLUMNAS}
        filas={FILAS}
        idFila={idFila}
        sustantivo="asuntos"
        estado={{ orden: [{ id: 'remitente', desc: true }] }}
      />,
    );
    expect(primeraColumna()).toEqual(['03.01-10/26', '03.01-900/25', '03.01-2/26']);
  });

  it('columnas creadas en cada render: sin bucles y conserva la elección de columnas', async () => {
    const user = userEvent.setup();
    function Padre() {
      const [n, setN] = useState(0);
      // A new array (and new functions) on every render.
      const columnas: ColumnaTabla<Asunto>[] = COLUMNAS.map((c) => ({ ...c }));
      return (
        <>
          <button onClick={() => setN(n + 1)}>Otra vez {n}</button>
          <DataTable id="inline" columnas={columnas} filas={FILAS} idFila={idFila} sustantivo="asuntos" onSeleccionar={() => setN(n + 1)} />
        </>
      );
    }
    renderizar(<Padre />);
    await user.click(screen.getByRole('button', { name: 'Columnas' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Asunto' }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: /^Otra vez/ }));
    await user.click(screen.getByRole('button', { name: /^Otra vez/ }));
    expect(screen.getByRole('button', { name: 'Otra vez 2' })).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).not.toContain('Asunto');
    await user.click(screen.getAllByRole('row')[1]!);
    expect(screen.getAllByRole('row')[1]!.getAttribute('aria-selected')).toBe('true');
  });

  it('modo servidor: pide la página siguiente una sola vez aunque el padre se vuelva a dibujar', async () => {
    const user = userEvent.setup();
    const pedidos = vi.fn();
    function Padre() {
      const [n, setN] = useState(0);
      return (
        <>
          <button onClick={() => setN(n + 1)}>Redibujar {n}</button>
          <DataTable
            id="srv2"
            modo="servidor"
            columnas={COLUMNAS}
            filas={FILAS}
            idFila={idFila}
            sustantivo="asuntos"
            total={500}
            hayMas
            onCargarMas={() => pedidos()}
          />
        </>
      );
    }
    renderizar(<Padre />);
    await user.click(screen.getByRole('button', { name: /^Redibujar/ }));
    await user.click(screen.getByRole('button', { name: /^Redibujar/ }));
    expect(pedidos).toHaveBeenCalledOnce();
  });
});
