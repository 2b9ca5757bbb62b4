// @vitest-environment jsdom
import type { ComboboxItem } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { filtroSinAcentos, interpretarFecha, normalizar } from '../../../renderer/src/ui/campos';
import { coincide } from '../../../renderer/src/ui/normalizar';

describe('normalizar', () => {
  it('quita acentos y mayúsculas y compacta espacios', () => {
    expect(normalizar('Petición')).toBe('peticion');
    expect(normalizar('  PEÑA   López ')).toBe('pena lopez');
    expect(normalizar('Ángel Núñez Güereña')).toBe('angel nunez guerena');
    expect(normalizar(null)).toBe('');
    expect(normalizar(1034)).toBe('1034');
  });

  it('"peticion" encuentra "Petición"; todas las palabras deben aparecer', () => {
    expect(coincide('Petición ciudadana', 'peticion')).toBe(true);
    expect(coincide('Petición ciudadana', 'CIUDADANA peti')).toBe(true);
    expect(coincide('Petición ciudadana', 'peticion oficio')).toBe(false);
    expect(coincide('cualquier cosa', '   ')).toBe(true);
  });

  it('filtroSinAcentos para Select, también dentro de grupos', () => {
    const opciones: ComboboxItem[] = [
      { value: 'oficio', label: 'Oficio' },
      { value: 'peticion', label: 'Petición ciudadana' },
      { value: 'invitacion', label: 'Invitación' },
    ];
    expect(filtroSinAcentos({ options: opciones, search: 'peticion', limit: 10 }).map((o) => (o as ComboboxItem).value)).toEqual([
      'peticion',
    ]);
    expect(filtroSinAcentos({ options: opciones, search: 'ION', limit: 10 })).toHaveLength(2);
    expect(filtroSinAcentos({ options: opciones, search: 'ion', limit: 1 })).toHaveLength(1);
    const grupos = [{ group: 'Documentos', items: opciones }];
    const r = filtroSinAcentos({ options: grupos, search: 'invitacion', limit: 10 });
    expect(r).toEqual([{ group: 'Documentos', items: [{ value: 'invitacion', label: 'Invitación' }] }]);
  });
});

describe('interpretarFecha (lo que se teclea en un campo de fecha)', () => {
  it('acepta DD/MM/AAAA y variantes, devuelve AAAA-MM-DD', () => {
    expect(interpretarFecha('21/11/2026')).toBe('2026-11-21');
    expect(interpretarFecha('1/2/2026')).toBe('2026-02-01');
    expect(interpretarFecha('21-11-2026')).toBe('2026-11-21');
    expect(interpretarFecha('21.11.26')).toBe('2026-11-21');
    expect(interpretarFecha('21112026')).toBe('2026-11-21');
    expect(interpretarFecha('2026-11-21')).toBe('2026-11-21');
  });
  it('rechaza fechas que no existen', () => {
    expect(interpretarFecha('31/02/2026')).toBeNull();
    expect(interpretarFecha('29/02/2025')).toBeNull();
    expect(interpretarFecha('11/21/2026')).toBeNull();
    expect(interpretarFecha('mañana')).toBeNull();
    expect(interpretarFecha('')).toBeNull();
  });
  it('"hoy" es la fecha de la oficina (America/Hermosillo)', () => {
    // 02:00 UTC del 22 de noviembre = 19:00 del 21 en Hermosillo.
    expect(interpretarFecha('hoy', () => Date.UTC(2026, 10, 22, 2, 0))).toBe('2026-11-21');
  });
});

describe('claveOrden (orden de columnas de texto)', () => {
  it('ordena como el español: sin acentos, ñ después de n, números por valor', async () => {
    const { claveOrden } = await import('../../../renderer/src/ui/DataTable');
    const textos = ['Peña', 'Pena', 'Penz', 'Peoa', 'Oficio 10', 'Oficio 9', 'Álvarez', 'alvarez b', 'Zeta', 'ñandú', 'Núñez', 'Nunez'];
    const porClave = textos.slice().sort((a, b) => {
      const x = claveOrden(a) as string;
      const y = claveOrden(b) as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const colador = new Intl.Collator('es-MX', { sensitivity: 'base', numeric: true });
    expect(porClave).toEqual(textos.slice().sort(colador.compare));
    expect(claveOrden('')).toBeUndefined();
    expect(claveOrden(null)).toBeUndefined();
    expect(claveOrden(12)).toBe(12);
  });
});
