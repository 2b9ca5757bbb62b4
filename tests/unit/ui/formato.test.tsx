// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  fecha,
  fechaDeInstante,
  fechaHora,
  fechaLarga,
  hora,
  numero,
  plural,
  porcentaje,
} from '../../../renderer/src/ui/formato';

describe('formato es-MX', () => {
  it('fecha: YYYY-MM-DD → DD/MM/YYYY sin mover el día', () => {
    expect(fecha('2026-11-21')).toBe('21/11/2026');
    expect(fecha('2026-01-01')).toBe('01/01/2026');
    expect(fecha(null)).toBe('');
    expect(fecha(undefined)).toBe('');
  });

  it('fechaLarga para documentos', () => {
    expect(fechaLarga('2026-11-21')).toBe('21 de noviembre de 2026');
    expect(fechaLarga('2026-01-05')).toBe('5 de enero de 2026');
  });

  it('fechaHora e hora en America/Hermosillo (UTC−7, sin horario de verano)', () => {
    const ms = Date.UTC(2026, 10, 21, 21, 5); // 21:05 UTC = 14:05 en Hermosillo
    expect(fechaHora(ms)).toBe('21/11/2026 14:05');
    expect(hora(ms)).toBe('14:05');
    // 03:30 UTC del 22 todavía es el 21 en la oficina.
    const madrugada = Date.UTC(2026, 10, 22, 3, 30);
    expect(fechaHora(madrugada)).toBe('21/11/2026 20:30');
    expect(fechaDeInstante(madrugada)).toBe('2026-11-21');
    // Julio: Sonora no cambia la hora.
    expect(fechaHora(Date.UTC(2026, 6, 1, 19, 0))).toBe('01/07/2026 12:00');
    expect(fechaHora(null)).toBe('');
  });

  it('numero con separador de miles y punto decimal', () => {
    expect(numero(1234.5)).toBe('1,234.5');
    expect(numero(1234567)).toBe('1,234,567');
    expect(numero(0)).toBe('0');
    expect(numero(-0)).toBe('0');
    expect(numero(2.345, 1)).toBe('2.3');
    expect(numero(null)).toBe('');
  });

  it('porcentaje con espacio antes de %', () => {
    expect(porcentaje(65)).toBe('65 %');
    expect(porcentaje(65.44)).toBe('65.4 %');
    expect(porcentaje(112)).toBe('112 %');
  });

  it('plural con la cifra formateada', () => {
    expect(plural(1245, 'asunto', 'asuntos')).toBe('1,245 asuntos');
    expect(plural(1, 'asunto', 'asuntos')).toBe('1 asunto');
    expect(plural(0, 'reunión', 'reuniones')).toBe('0 reuniones');
  });
});
