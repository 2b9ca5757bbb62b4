import { describe, expect, it } from 'vitest';
import { cambio, enlace, etiquetaSemana, lunesDe, semanaAnterior, semanaDe, textoSemana, ultimaCompleta, ultimasSemanas } from '../../../electron/core/modules/tablero/semanas';

describe('semanas del informe (lunes a domingo)', () => {
  it('cualquier día lleva a su lunes; el domingo pertenece a la semana que termina', () => {
    expect(lunesDe('2026-11-16')).toBe('2026-11-16');
    expect(lunesDe('2026-11-20')).toBe('2026-11-16');
    expect(lunesDe('2026-11-22')).toBe('2026-11-16');
    expect(semanaDe('2026-11-23')).toEqual({ desde: '2026-11-23', hasta: '2026-11-29' });
  });
  it('cruza meses y años', () => {
    expect(semanaDe('2027-01-01')).toEqual({ desde: '2026-12-28', hasta: '2027-01-03' });
    expect(semanaAnterior({ desde: '2027-01-04', hasta: '2027-01-10' })).toEqual({ desde: '2026-12-28', hasta: '2027-01-03' });
    expect(semanaDe('2028-02-29')).toEqual({ desde: '2028-02-28', hasta: '2028-03-05' });
  });
  it('la última semana completa es la anterior a la de hoy, también en lunes y domingo', () => {
    expect(ultimaCompleta('2026-11-20')).toEqual({ desde: '2026-11-09', hasta: '2026-11-15' });
    expect(ultimaCompleta('2026-11-16')).toEqual({ desde: '2026-11-09', hasta: '2026-11-15' });
    expect(ultimaCompleta('2026-11-22')).toEqual({ desde: '2026-11-09', hasta: '2026-11-15' });
  });
  it('doce semanas terminando en la dada, la más antigua primero', () => {
    const s = ultimasSemanas({ desde: '2026-11-16', hasta: '2026-11-22' }, 12);
    expect(s).toHaveLength(12);
    expect(s[0]).toEqual({ desde: '2026-08-31', hasta: '2026-09-06' });
    expect(s[11]).toEqual({ desde: '2026-11-16', hasta: '2026-11-22' });
  });
  it('textos en español', () => {
    expect(etiquetaSemana({ desde: '2026-11-16', hasta: '2026-11-22' })).toBe('16 nov');
    expect(textoSemana({ desde: '2026-11-16', hasta: '2026-11-22' })).toBe('Del 16 al 22 de noviembre de 2026');
    expect(textoSemana({ desde: '2026-11-30', hasta: '2026-12-06' })).toBe('Del 30 de noviembre al 6 de diciembre de 2026');
    expect(textoSemana({ desde: '2026-12-28', hasta: '2027-01-03' })).toBe('Del 28 de diciembre de 2026 al 3 de enero de 2027');
  });
  it('cambio y enlaces', () => {
    expect(cambio(100, 33.3)).toBe(66.7);
    expect(cambio(null, 3)).toBeNull();
    expect(cambio(3, null)).toBeNull();
    expect(enlace('/correspondencia', { vencidos: 1, 'f.turnadoA': null, desde: '' })).toBe('/correspondencia?vencidos=1');
    expect(enlace('/poa/2026')).toBe('/poa/2026');
  });
});
