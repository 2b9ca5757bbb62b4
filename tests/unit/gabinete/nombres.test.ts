import { describe, expect, it } from 'vitest';
import { abreviarTema, alcanceDe, codigoAcuerdo, nombreReunion, normalizarTema, requiereTema, romano } from '../../../electron/core/modules/gabinete/nombres';
import { aplicarSeguimiento, contar } from '../../../electron/core/modules/gabinete/reglas';

describe('números romanos', () => {
  it('convierte 1..3999', () => {
    const casos: [number, string][] = [[1, 'I'], [2, 'II'], [3, 'III'], [4, 'IV'], [5, 'V'], [9, 'IX'], [14, 'XIV'], [40, 'XL'], [49, 'XLIX'], [90, 'XC'], [400, 'CD'], [1994, 'MCMXCIV'], [2026, 'MMXXVI'], [3999, 'MMMCMXCIX']];
    for (const [n, r] of casos) expect(romano(n)).toBe(r);
    expect(() => romano(0)).toThrow();
    expect(() => romano(4000)).toThrow();
    expect(() => romano(1.5)).toThrow();
  });
});

describe('nombres y alcances', () => {
  const GLA = { id: 't-gla', clave: 'GLA', numeracion: 'por_tipo' as const, plantilla: '{ordinal} Reunión de Gabinete Legal y Ampliado' };
  const GR = { id: 't-gr', clave: 'GR', numeracion: 'por_tipo' as const, plantilla: '{ordinal} Reunión de Gabinete Regional {tema}' };
  const GE = { id: 't-ge', clave: 'GE', numeracion: 'por_tema' as const, plantilla: '{ordinal} Reunión de Gabinete {tema}' };
  const GS = { id: 't-gs', clave: 'GS', numeracion: 'ninguna' as const, plantilla: 'Reunión de Gabinete Sectorial {tema}' };

  it('llena la plantilla con el ordinal romano y el tema', () => {
    expect(nombreReunion(GLA.plantilla, 1, '')).toBe('I Reunión de Gabinete Legal y Ampliado');
    expect(nombreReunion(GR.plantilla, 3, 'del Mayo')).toBe('III Reunión de Gabinete Regional del Mayo');
    expect(nombreReunion(GS.plantilla, null, 'de Turismo')).toBe('Reunión de Gabinete Sectorial de Turismo');
    expect(nombreReunion(GE.plantilla, 1, '  de Salud ')).toBe('I Reunión de Gabinete de Salud');
  });

  it('alcance: uno por tipo, uno por tema (sin distinguir acentos ni mayúsculas), ninguno', () => {
    expect(alcanceDe(GR, 'del Mayo')).toBe(alcanceDe(GR, 'en Guaymas'));
    expect(alcanceDe(GE, 'de Salud')).not.toBe(alcanceDe(GE, 'de Seguridad'));
    expect(alcanceDe(GE, 'de Educación')).toBe(alcanceDe(GE, 'de  educacion'));
    expect(alcanceDe(GS, 'de Turismo')).toBeNull();
    expect(normalizarTema(' De  Educación ')).toBe('de educacion');
    expect(requiereTema(GLA)).toBe(false);
    expect(requiereTema(GR)).toBe(true);
  });

  it('código de acuerdo', () => {
    expect(codigoAcuerdo({ tipoClave: 'GL', claveTema: '', ordinal: 4, fecha: '2026-11-20' }, 3)).toBe('GL-IV-03');
    expect(codigoAcuerdo({ tipoClave: 'GE', claveTema: 'SAL', ordinal: 1, fecha: '2026-11-20' }, 1)).toBe('GE-SAL-I-01');
    expect(codigoAcuerdo({ tipoClave: 'GS', claveTema: 'TUR', ordinal: null, fecha: '2026-11-20' }, 12)).toBe('GS-TUR-20261120-12');
    expect(codigoAcuerdo({ tipoClave: 'GS', claveTema: 'TUR', ordinal: null, fecha: '2026-11-20', mismoDia: 1 }, 2)).toBe('GS-TUR-20261120-2-02');
  });

  it('clave corta del tema: sin artículo ni acentos', () => {
    expect(abreviarTema('de Salud')).toBe('SAL');
    expect(abreviarTema('de la Educación Pública')).toBe('EDU');
    expect(abreviarTema('en Guaymas')).toBe('GUA');
    expect(abreviarTema('del Mayo')).toBe('MAY');
    expect(abreviarTema('  ')).toBe('T');
  });
});

describe('reglas del seguimiento', () => {
  it('concluir con avance menor a 100 lo sube a 100 y lo deja anotado', () => {
    const c = aplicarSeguimiento({ estatus: 'en_proceso', avance: 40 }, { estatus: 'concluido', avance: 60 });
    expect(c).toMatchObject({ estatus: 'concluido', avance: 100 });
    expect(c.ajuste).toContain('de 60 % a 100 %');
  });
  it('avance 100 sin concluir pregunta (error con confirmar: concluir)', () => {
    try {
      aplicarSeguimiento({ estatus: 'en_proceso', avance: 40 }, { avance: 100 });
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('VALIDACION');
      expect((e as Error).message).toContain('¿Desea marcarlo como «Concluido»?');
      expect((e as { details: { confirmar: string }[] }).details[0].confirmar).toBe('concluir');
    }
  });
  it('avance sobre un acuerdo por iniciar lo pone en proceso', () => {
    expect(aplicarSeguimiento({ estatus: 'por_iniciar', avance: 0 }, { avance: 20 })).toMatchObject({ estatus: 'en_proceso', avance: 20 });
    expect(aplicarSeguimiento({ estatus: 'por_iniciar', avance: 0 }, {})).toMatchObject({ estatus: 'por_iniciar', avance: 0, ajuste: null });
  });
  it('cuenta por estatus sin los cancelados en el total ni en el %', () => {
    const c = contar('x', 'X', [
      { estatus: 'concluido', vencido: false }, { estatus: 'concluido', vencido: false },
      { estatus: 'en_proceso', vencido: true }, { estatus: 'por_iniciar', vencido: false }, { estatus: 'cancelado', vencido: false },
    ]);
    expect(c).toMatchObject({ total: 4, cancelado: 1, concluido: 2, pctConcluido: 50, pctEnProceso: 25, pctPorIniciar: 25, vencidos: 1 });
  });
});
