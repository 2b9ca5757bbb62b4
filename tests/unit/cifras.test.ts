import { describe, expect, it } from 'vitest';
import { cantidad, porcentaje, pluralFrase, redondearPorcentaje, textoPorcentaje } from '../../electron/contract/cifras';

describe('cifras: un solo plural y una sola regla de porcentajes', () => {
  it('plurales correctos en todas partes', () => {
    expect(cantidad(1, 'compromiso')).toBe('1 compromiso');
    expect(cantidad(1, 'reunión')).toBe('1 reunión');
    expect(cantidad(3, 'reunión')).toBe('3 reuniones');
    expect(cantidad(3, 'acuerdo')).toBe('3 acuerdos');
    expect(cantidad(0, 'acuerdo abierto')).toBe('0 acuerdos abiertos');
    expect(cantidad(2, 'día hábil')).toBe('2 días hábiles');
    expect(cantidad(5, 'unidad')).toBe('5 unidades');
    expect(cantidad(2, 'tarjeta informativa')).toBe('2 tarjetas informativas');
    expect(cantidad(1204, 'asunto')).toBe('1,204 asuntos');
    expect(cantidad(2, 'no procedente', 'no procedentes')).toBe('2 no procedentes');
    expect(pluralFrase('reunión de gabinete')).toBe('reuniones de gabinete');
  });

  it('porcentajes: un decimal, a la mitad hacia arriba, una sola vez', () => {
    expect(porcentaje(2, 3)).toBe(66.7);
    expect(porcentaje(1, 3)).toBe(33.3);
    expect(porcentaje(129, 200)).toBe(64.5);
    expect(porcentaje(0, 0)).toBeNull();
    expect(redondearPorcentaje(64.45)).toBe(64.5);
    expect(redondearPorcentaje(0.05)).toBe(0.1);
    expect(textoPorcentaje(65)).toBe('65 %');
    expect(textoPorcentaje(64.5)).toBe('64.5 %');
    expect(textoPorcentaje(1234.56)).toBe('1,234.6 %');
    expect(textoPorcentaje(null)).toBe('');
  });
});
