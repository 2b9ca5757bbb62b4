import { describe, expect, it } from 'vitest';
import { codigoBarras, codigoQr } from '../../../electron/core/reports';

describe('códigos', () => {
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
  const ancho = (b: Buffer) => b.readUInt32BE(16);
  const alto = (b: Buffer) => b.readUInt32BE(20);

  it('QR y Code 128 de un folio como PNG', async () => {
    const qr = await codigoQr('03.01-1034/21');
    expect(qr.subarray(0, 4)).toEqual(PNG);
    expect(ancho(qr)).toBe(alto(qr));
    expect(ancho(qr)).toBeGreaterThan(80);
    const cb = await codigoBarras('03.01-1034/21');
    expect(cb.subarray(0, 4)).toEqual(PNG);
    expect(ancho(cb)).toBeGreaterThan(alto(cb));
    // El QR admite acentos (UTF-8); el Code 128 no, y lo dice en español.
    expect((await codigoQr('Petición núm. 1')).subarray(0, 4)).toEqual(PNG);
    await expect(codigoBarras('Petición')).rejects.toMatchObject({ code: 'VALIDACION' });
    await expect(codigoQr('')).rejects.toMatchObject({ code: 'VALIDACION' });
  });
});
