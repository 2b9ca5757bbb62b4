import { describe, expect, it } from 'vitest';
import { partesEnZona, fechaEnZona, inicioDeFecha } from '../../electron/core/tiempo';

/** The plain definition through Intl, to compare the cached offsets against. */
function porIntl(instante: number, tz: string) {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const p = Object.fromEntries(f.formatToParts(new Date(instante)).filter((x) => x.type !== 'literal').map((x) => [x.type, Number(x.value)]));
  return { anio: p.year, mes: p.month, dia: p.day, hora: p.hour, minuto: p.minute, segundo: p.second };
}

describe('hora de la oficina', () => {
  it('coincide con Intl segundo a segundo alrededor de cambios de horario y en zonas con media hora', () => {
    const casos: [string, number][] = [
      ['America/Hermosillo', Date.UTC(2026, 10, 21, 6, 59, 59)],
      ['America/Mexico_City', Date.UTC(2022, 9, 30, 6, 59, 0)], // last DST change in central Mexico
      ['America/Tijuana', Date.UTC(2026, 2, 8, 9, 59, 0)],
      ['Asia/Kolkata', Date.UTC(2026, 0, 1, 0, 0, 0)],
    ];
    for (const [tz, t0] of casos) {
      for (let s = 0; s < 7200; s += 37) expect(partesEnZona(t0 + s * 1000 + 123, tz), `${tz} ${s}`).toEqual(porIntl(t0 + s * 1000 + 123, tz));
    }
  });
  it('Hermosillo es UTC−7 todo el año', () => {
    expect(fechaEnZona(Date.UTC(2026, 10, 21, 6, 59))).toBe('2026-11-20');
    expect(fechaEnZona(Date.UTC(2026, 10, 21, 7, 0))).toBe('2026-11-21');
    expect(inicioDeFecha('2027-01-01')).toBe(Date.UTC(2027, 0, 1, 7));
  });
});
