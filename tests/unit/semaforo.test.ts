import { describe, expect, it } from 'vitest';
import { semaforoPlazo, semaforoEstatus } from '../../electron/core/semaforo';
import { CalendarioLaboral } from '../../electron/core/modules/catalogos/calendario';

const calendario = new CalendarioLaboral([]);
const base = { inicio: '2026-11-02', fechaLimite: '2026-11-20', calendario, diasEnRiesgo: 3, concluido: false };

describe('semáforo de plazo (DOMAIN §5)', () => {
  it('concluido, excluido y sin plazo', () => {
    expect(semaforoPlazo({ ...base, hoy: '2026-12-01', concluido: true }).clave).toBe('concluido');
    expect(semaforoPlazo({ ...base, hoy: '2026-12-01', excluido: true })).toMatchObject({ color: 'gris' });
    expect(semaforoPlazo({ ...base, hoy: '2026-12-01', fechaLimite: null }).clave).toBe('sin_plazo');
  });
  it('vencido cuenta días hábiles desde la fecha límite', () => {
    expect(semaforoPlazo({ ...base, hoy: '2026-11-25' })).toMatchObject({ clave: 'vencido', color: 'rojo', motivo: 'Vencido hace 3 días hábiles' }); // 23, 24, 25
    // 5 of 13 días hábiles (16/11 is a holiday). Saturday after a Friday limit: no business day has passed yet.
    expect(semaforoPlazo({ ...base, hoy: '2026-11-21' }).motivo).toBe('Venció el 20/11/2026');
  });
  it('en riesgo dentro de 3 días hábiles o con avance menor al tiempo transcurrido', () => {
    expect(semaforoPlazo({ ...base, hoy: '2026-11-20' })).toMatchObject({ clave: 'en_riesgo', motivo: 'Vence hoy' });
    expect(semaforoPlazo({ ...base, hoy: '2026-11-17' }).motivo).toBe('Vence en 3 días hábiles');
    expect(semaforoPlazo({ ...base, hoy: '2026-11-09', avance: 10 })).toMatchObject({ clave: 'en_riesgo', motivo: 'Avance 10 % de 38 % esperado' });
    expect(semaforoPlazo({ ...base, hoy: '2026-11-09', avance: 50 }).clave).toBe('a_tiempo');
    expect(semaforoPlazo({ ...base, hoy: '2026-11-09' }).clave).toBe('a_tiempo');
  });
  it('semáforo de estatus', () => {
    expect(semaforoEstatus('en_proceso', 'En proceso')).toEqual({ clave: 'en_proceso', color: 'amarillo', etiqueta: 'En proceso', motivo: null });
    expect(semaforoEstatus('excluido', 'Cancelado').color).toBe('gris');
  });
});
