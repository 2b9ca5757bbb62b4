import { describe, expect, it } from 'vitest';
import { CalendarioLaboral } from '../../../electron/core/modules/catalogos/calendario';
import { calendarioIndexado } from '../../../electron/core/modules/compromisos/calendarioIndexado';

describe('calendario indexado', () => {
  it('da los mismos días hábiles que el calendario laboral, dentro y fuera del rango indexado', () => {
    const cal = new CalendarioLaboral(['2026-12-24', '2022-07-15']);
    const r = calendarioIndexado(cal, ['2021-04-15', '2027-06-30', '2026-11-20']);
    const pares = [
      ['2021-04-15', '2027-06-30'], ['2027-06-30', '2021-04-15'], ['2026-11-20', '2026-11-20'], ['2026-11-20', '2026-12-31'],
      ['2022-07-14', '2022-07-18'], ['2020-01-01', '2021-05-01'], ['2027-06-01', '2028-01-10'], ['2026-12-23', '2026-12-28'],
    ];
    for (const [a, b] of pares) expect(r.habilesEntre(a, b)).toBe(cal.habilesEntre(a, b));
    expect(r.esHabil('2026-12-24')).toBe(false);
    expect(r.sumarHabiles('2026-12-23', 1)).toBe(cal.sumarHabiles('2026-12-23', 1));
  });
});
