import { describe, expect, it } from 'vitest';
import { formatearFolio, validarPlantilla } from '../../../electron/core/modules/correspondencia/folio';
import { expresionFts } from '../../../electron/core/modules/correspondencia/busqueda';
import { normalizar } from '../../../electron/core/texto';
import {
  estatusAsunto,
  horasParaTurnar,
  nombreSeguro,
  plazoPorDefecto,
  semaforoPlazoAsunto,
  semaforosTurno,
} from '../../../electron/core/modules/correspondencia/reglas';
import { CalendarioLaboral } from '../../../electron/core/modules/catalogos/calendario';

const cal = new CalendarioLaboral([]);
const h = { hoy: '2026-11-20', calendario: cal, diasEnRiesgo: 3 };

describe('folio', () => {
  it('formatea las plantillas de DOMAIN §1', () => {
    expect(formatearFolio('03.01-{n}/{yy}', 2021, 1034)).toBe('03.01-1034/21');
    expect(formatearFolio('NJ 03.01-{n}', 2026, 201)).toBe('NJ 03.01-201');
    expect(formatearFolio('OF-{n:4}-{yyyy}', 2026, 7)).toBe('OF-0007-2026');
    expect(formatearFolio('{yy}/{n:4}', 2005, 12345)).toBe('05/12345');
  });
  it('valida la plantilla', () => {
    expect(validarPlantilla('03.01-{n}/{yy}').ok).toBe(true);
    expect(validarPlantilla('{n:4}-{yyyy}').ok).toBe(true);
    expect(validarPlantilla('03.01-/{yy}')).toMatchObject({ ok: false, mensaje: expect.stringContaining('debe incluir el número') });
    expect(validarPlantilla('{n}-{n}')).toMatchObject({ ok: false, mensaje: expect.stringContaining('una sola vez') });
    expect(validarPlantilla('{n}-{mes}')).toMatchObject({ ok: false, mensaje: expect.stringContaining('{mes}') });
    expect(validarPlantilla('{n}-{yy')).toMatchObject({ ok: false, mensaje: expect.stringContaining('llaves') });
    expect(validarPlantilla('{n:0}').ok).toBe(false);
  });
});

describe('búsqueda', () => {
  it('convierte el texto en frases entrecomilladas, sin sintaxis FTS del usuario', () => {
    expect(expresionFts('Secretaría de Salud')).toBe('"Secretaría"* "de"* "Salud"*');
    expect(expresionFts('03.01-1034/21')).toBe('"03 01 1034 21"*');
    expect(expresionFts(`" * NEAR( OR - ' OR 1=1 --`)).toBe('"NEAR"* "OR"* "OR"* "1 1"*');
    expect(expresionFts('"""')).toBeNull();
    expect(expresionFts('')).toBeNull();
  });
  it('normaliza sin acentos', () => expect(normalizar('  José  PÉREZ Ñúñez ')).toBe('jose perez nunez'));
});

describe('estatus derivado del asunto', () => {
  const t = (estatus: 'pendiente' | 'en_proceso' | 'atendido', requiereAtencion = true) => ({ estatus, requiereAtencion });
  it.each([
    [{ anulado: true, archivado: false, turnos: [t('atendido')] }, 'anulado'],
    [{ anulado: false, archivado: true, turnos: [] }, 'archivado'],
    [{ anulado: false, archivado: false, turnos: [] }, 'por_turnar'],
    [{ anulado: false, archivado: false, turnos: [t('pendiente'), t('pendiente')] }, 'pendiente'],
    [{ anulado: false, archivado: false, turnos: [t('atendido'), t('pendiente')] }, 'en_proceso'],
    [{ anulado: false, archivado: false, turnos: [t('en_proceso')] }, 'en_proceso'],
    [{ anulado: false, archivado: false, turnos: [t('atendido'), t('pendiente', false)] }, 'atendido'],
    [{ anulado: false, archivado: false, turnos: [t('pendiente', false)] }, 'atendido'],
  ] as const)('%j → %s', (a, e) => expect(estatusAsunto(a)).toBe(e));
});

describe('plazos y semáforos', () => {
  it('plazo por defecto en días hábiles (salta fin de semana y el Día de la Revolución, lunes 16/11/2026)', () => {
    expect(plazoPorDefecto(cal, '2026-11-12', { requiereAtencion: true, diasHabiles: 3 })).toBe('2026-11-18');
    expect(plazoPorDefecto(cal, '2026-11-20', { requiereAtencion: false, diasHabiles: 10 })).toBeNull();
  });
  it('ambos semáforos por turno', () => {
    const base = { requiereAtencion: true, fechaTurno: '2026-11-02', prorrogas: 0 };
    expect(semaforosTurno({ ...base, estatus: 'pendiente', fechaLimite: '2026-11-18' }, false, h)).toMatchObject({
      estatus: { color: 'rojo', etiqueta: 'No atendido' },
      plazo: { clave: 'vencido', motivo: 'Vencido hace 2 días hábiles' },
    });
    expect(semaforosTurno({ ...base, estatus: 'en_proceso', fechaLimite: '2026-11-24' }, false, h)).toMatchObject({
      estatus: { color: 'amarillo' },
      plazo: { clave: 'en_riesgo' },
    });
    expect(semaforosTurno({ ...base, estatus: 'atendido', fechaLimite: '2026-11-01' }, false, h)).toMatchObject({
      estatus: { color: 'verde' },
      plazo: { clave: 'concluido' },
    });
    expect(semaforosTurno({ ...base, estatus: 'pendiente', fechaLimite: '2026-12-20', prorrogas: 1 }, false, h).plazo).toMatchObject({
      clave: 'a_tiempo',
      motivo: expect.stringContaining('con prórroga'),
    });
    expect(semaforosTurno({ ...base, requiereAtencion: false, estatus: 'pendiente', fechaLimite: null }, false, h)).toMatchObject({
      estatus: { color: 'gris', etiqueta: 'Para conocimiento' },
      plazo: { clave: 'no_aplica' },
    });
    expect(semaforosTurno({ ...base, estatus: 'pendiente', fechaLimite: '2026-11-18' }, true, h).estatus.color).toBe('gris');
  });
  it('semáforo del asunto: el turno más urgente, o la meta de 48 h antes de turnar', () => {
    const v = { clave: 'vencido', color: 'rojo' as const, etiqueta: 'Vencido', motivo: null };
    const a = { clave: 'a_tiempo', color: 'verde' as const, etiqueta: 'A tiempo', motivo: null };
    expect(semaforoPlazoAsunto('pendiente', [a, v], 0, 0).clave).toBe('vencido');
    expect(semaforoPlazoAsunto('por_turnar', [], 0, 10 * 3_600_000).clave).toBe('a_tiempo');
    expect(semaforoPlazoAsunto('por_turnar', [], 0, 30 * 3_600_000).clave).toBe('en_riesgo');
    expect(semaforoPlazoAsunto('por_turnar', [], 0, 49 * 3_600_000).clave).toBe('vencido');
    expect(semaforoPlazoAsunto('anulado', [v], 0, 0).clave).toBe('no_aplica');
  });
  it('horas para turnar', () => {
    expect(horasParaTurnar(0, 90 * 60_000)).toBe(1.5);
    expect(horasParaTurnar(0, null)).toBeNull();
  });
  it('nombre de archivo: nunca una ruta', () => {
    expect(nombreSeguro('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(nombreSeguro('..\\..\\win.ini')).toBe('win.ini');
    expect(nombreSeguro('../..')).toBe('anexo');
    expect(nombreSeguro('a\u0000b<>.pdf')).toBe('ab.pdf');
  });
});
