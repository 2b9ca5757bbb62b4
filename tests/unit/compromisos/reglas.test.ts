import { describe, expect, it } from 'vitest';
import { aplicarSeguimiento, contar, patronesBusqueda, semaforoCompromiso } from '../../../electron/core/modules/compromisos/reglas';
import { normalizar } from '../../../electron/core/texto';

describe('reglas de compromisos', () => {
  it('porcentajes con la regla única: un decimal, redondeados una sola vez', () => {
    const c = contar('x', 'X', [{ estatus: 'cumplido', avance: 100 }, { estatus: 'en_proceso', avance: 50 }, { estatus: 'sin_avance', avance: 0 }]);
    expect(c.porcentajes).toEqual({ cumplido: 33.3, en_proceso: 33.3, sin_avance: 33.3 });
    expect(contar('x', 'X', []).porcentajes).toEqual({ cumplido: 0, en_proceso: 0, sin_avance: 0 });
  });
  it('semáforo de estatus (DOMAIN §5)', () => {
    expect(semaforoCompromiso('cumplido').color).toBe('verde');
    expect(semaforoCompromiso('en_proceso').color).toBe('amarillo');
    expect(semaforoCompromiso('sin_avance').color).toBe('rojo');
    expect(semaforoCompromiso('no_procedente', 'Motivo')).toMatchObject({ color: 'gris', motivo: 'Motivo' });
  });
  it('no procedente queda fuera de los contados', () => {
    const c = contar('x', 'X', [{ estatus: 'cumplido', avance: 100 }, { estatus: 'no_procedente', avance: 0 }, { estatus: 'en_proceso', avance: 50 }]);
    expect(c).toMatchObject({ total: 3, contados: 2, porcentajes: { cumplido: 50, en_proceso: 50, sin_avance: 0 }, avancePromedio: 75 });
  });
  it('búsqueda sin acentos, con comodines escapados', () => {
    expect(normalizar('  Ampliación   del HOSPITAL ')).toBe('ampliacion del hospital');
    expect(patronesBusqueda('Policía 100%_x')).toEqual(['%policia%', '%100\\%\\_x%']);
  });
  it('seguimiento: cumplido es 100 %; el primer avance mueve a en proceso', () => {
    expect(aplicarSeguimiento({ estatus: 'en_proceso', avance: 40 }, { estatus: 'cumplido' })).toEqual({ estatus: 'cumplido', avance: 100 });
    expect(aplicarSeguimiento({ estatus: 'sin_avance', avance: 0 }, { avance: 10 })).toEqual({ estatus: 'en_proceso', avance: 10 });
    expect(aplicarSeguimiento({ estatus: 'sin_avance', avance: 0 }, {})).toEqual({ estatus: 'sin_avance', avance: 0 });
  });
});
