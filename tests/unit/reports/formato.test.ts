import { describe, expect, it } from 'vitest';
import { Acumulador, escala, fechaHoraCorta, formatear, numero, porcentaje, textoCelda, textoGenerado, entero } from '../../../electron/core/reports';

describe('formato es-MX', () => {
  it('números y porcentajes', () => {
    expect(numero(1234.5)).toBe('1,234.5');
    expect(numero(1234.5, 2)).toBe('1,234.50');
    expect(numero(1234567.891)).toBe('1,234,567.89');
    expect(numero(-0.001)).toBe('0');
    expect(numero(-1500)).toBe('-1,500');
    expect(entero(999.6)).toBe('1,000');
    expect(porcentaje(0.65)).toBe('65 %');
    expect(porcentaje(0.655, 1)).toBe('65.5 %');
    expect(formatear(0.9, 'porcentaje')).toBe('90 %');
    expect(numero(Number.NaN)).toBe('');
  });

  it('fechas en la zona de la oficina', () => {
    const t = Date.UTC(2026, 10, 21, 21, 5); // 14:05 en Hermosillo
    expect(textoGenerado(t)).toBe('Generado el 21 de noviembre de 2026, 14:05');
    expect(fechaHoraCorta(t)).toBe('21/11/2026 14:05');
    expect(textoCelda('2026-11-21', 'fecha', undefined, 'America/Hermosillo')).toBe('21/11/2026');
    expect(textoCelda({ color: 'rojo', texto: 'Vencido' }, 'semaforo', undefined, 'America/Hermosillo')).toBe('Vencido');
    expect(textoCelda(null, 'numero', undefined, 'America/Hermosillo')).toBe('');
  });

  it('acumulador de totales en una sola pasada', () => {
    const a = new Acumulador<{ n: number; t: string }>([
      { clave: 'n', titulo: 'N', tipo: 'entero' },
      { clave: 't', titulo: 'T' },
    ]);
    for (const f of [{ n: 2, t: 'a' }, { n: 4, t: '' }]) a.agregar(f);
    expect(a.valor('n', 'suma')).toBe(6);
    expect(a.valor('n', 'promedio')).toBe(3);
    expect(a.valor('t', 'cuenta')).toBe(1);
    expect(a.valor('n', (s, filas) => s.n / filas)).toBe(3);
  });

  it('escala de ejes "bonita"', () => {
    expect(escala(0, 1245)).toEqual({ min: 0, max: 1250, paso: 250 });
    expect(escala(0, 0.99)).toEqual({ min: 0, max: 1, paso: 0.2 });
    expect(escala(0, 0)).toEqual({ min: 0, max: 1, paso: 0.2 });
  });
});

