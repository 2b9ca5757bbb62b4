import { describe, expect, it } from 'vitest';
import { LLAVES_SUELTAS, marcadoresDe, reemplazarMarcadores, tieneLlavesSueltas } from '../../electron/contract/marcadores';
import { validarPlantilla } from '../../electron/core/modules/correspondencia/folio';
import { combinar, problemaPlantilla } from '../../electron/core/modules/oficios/combinar';

describe('marcadores de plantilla (series de folios y plantillas de oficio)', () => {
  it('reads the names in order, never across a line break', () => {
    expect(marcadoresDe('03.01-{n:4}/{yy} {destinatario.nombre}')).toEqual(['n:4', 'yy', 'destinatario.nombre']);
    expect(marcadoresDe('{a\nb}')).toEqual([]);
    expect(tieneLlavesSueltas('{a\nb}')).toBe(true);
    expect(tieneLlavesSueltas('OEE/{n}/{yyyy}')).toBe(false);
    expect(tieneLlavesSueltas('OEE/{n}/{yyyy')).toBe(true);
  });

  it('replaces each placeholder by its value, the placeholder as written when asked', () => {
    expect(reemplazarMarcadores('{x}-{y}', (n, m) => (n === 'x' ? '1' : m))).toBe('1-{y}');
  });

  it('both kinds of template refuse a loose brace with the same message', () => {
    expect(validarPlantilla('{n}-{yy')).toEqual({ ok: false, mensaje: LLAVES_SUELTAS });
    expect(problemaPlantilla('Estimado {destinatario.nombre', false)).toBe(LLAVES_SUELTAS);
    expect(combinar('A {destinatario.nombre}, {otro}', { 'destinatario.nombre': 'Ana' })).toBe('A Ana, {otro}');
  });
});
