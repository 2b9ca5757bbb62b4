import { describe, expect, it } from 'vitest';
import { asuntoDe, comoTitulo, extraerCampos, fechaDeOficio, municipioDe, numeroDeOficio, type Conocidos } from '../../../electron/core/modules/ocr/campos';

const CONOCIDOS: Conocidos = {
  municipios: [
    { clave: '26030', nombre: 'Hermosillo' },
    { clave: '26018', nombre: 'Cajeme' },
    { clave: '26055', nombre: 'San Luis Río Colorado' },
  ],
  organizaciones: ['Secretaría de Educación y Cultura', 'Secretaría de Salud Pública', 'Ayuntamiento de Cajeme'],
  remitentes: [{ nombre: 'Ma. Begoña Ibáñez Quiñónez', cargo: 'Secretaria de Salud Pública', organizacion: 'Secretaría de Salud Pública' }],
};

// As tesseract gives it: letterhead, a stray mark, the block, the body and the signature in capitals.
const LEIDO = `GOBIERNO DEL ESTADO DE SONORA
SECRETARIA DE EDUCACION Y CULTURA
Dirección General de Planeación Educativa

Oficio No. SEC/DG/0457/2026
Hermosillo, Sonora, a 12 de noviembre de 2026
Asunto: Solicitud de apoyo para rehabilitar la escuela
primaria «Niños Héroes»

LIC. ALFONSO DURAZO MONTAÑO
GOBERNADOR CONSTITUCIONAL DEL ESTADO DE SONORA
PRESENTE

Por este conducto me permito solicitar su valioso apoyo.

ATENTAMENTE
"Sufragio Efectivo. No Reelección"

MTRO. J OAQUÍN PEÑÚÑURI ÁLVAREZ —
SECRETARIO DE EDUCACIÓN Y CULTURA

c.c.p. Archivo`;

describe('campos propuestos desde el texto de un oficio', () => {
  it('propone cada campo del oficio', () => {
    expect(extraerCampos(LEIDO, CONOCIDOS)).toEqual({
      oficioNumero: 'SEC/DG/0457/2026',
      oficioFecha: '2026-11-12',
      remitenteNombre: 'Joaquín Peñúñuri Álvarez',
      remitenteCargo: 'Secretario de Educación y Cultura',
      remitenteOrganizacion: 'Secretaría de Educación y Cultura',
      municipioClave: '26030',
      asunto: 'Solicitud de apoyo para rehabilitar la escuela primaria «Niños Héroes»',
    });
  });

  it('deja en nulo lo que no encuentra (nunca adivina)', () => {
    expect(extraerCampos('Texto sin forma de oficio.', CONOCIDOS)).toEqual({
      oficioNumero: null, oficioFecha: null, remitenteNombre: null, remitenteCargo: null,
      remitenteOrganizacion: null, municipioClave: null, asunto: null,
    });
  });

  it('usa la escritura de un remitente ya registrado y su dependencia', () => {
    const s = extraerCampos('Cajeme, Son., 3/10/2026\nPRESENTE\nLes informo de la campaña de vacunación.\nAtentamente\nDRA. MA. BEGOÑA IBAÑEZ QUIÑONEZ\nSecretaria de Salud Pública', CONOCIDOS);
    expect(s.remitenteNombre).toBe('Ma. Begoña Ibáñez Quiñónez');
    expect(s.remitenteOrganizacion).toBe('Secretaría de Salud Pública');
    expect(s.municipioClave).toBe('26018');
    expect(s.oficioFecha).toBe('2026-10-03');
    expect(s.asunto).toBe('Les informo de la campaña de vacunación.');
  });

  it('número de oficio: variantes de la etiqueta; sin dígitos no es número', () => {
    expect(numeroDeOficio('OFICIO NÚM.: DGA-123/26')).toBe('DGA-123/26');
    expect(numeroDeOficio('Oficio número 0045')).toBe('0045');
    expect(numeroDeOficio('Of. No. SH/SE/1200/2026.')).toBe('SH/SE/1200/2026');
    expect(numeroDeOficio('Oficio de respuesta')).toBeNull();
  });

  it('fecha: la primera válida; el 31 de febrero no existe', () => {
    expect(fechaDeOficio('a 1o de enero de 2027')).toBeNull();
    expect(fechaDeOficio('31 de febrero de 2026, luego 2 de marzo de 2026')).toBeNull();
    expect(fechaDeOficio('Navojoa, Sonora, 5 de setiembre del 2026')).toBe('2026-09-05');
  });

  it('municipio con una letra mal leída; comoTitulo respeta el texto ya en minúsculas', () => {
    expect(municipioDe('San Luis Rio Co1orado, Sonora, a 4 de mayo', CONOCIDOS.municipios)).toBe('26055');
    expect(municipioDe('Tucson, Arizona', CONOCIDOS.municipios)).toBeNull();
    expect(comoTitulo('SECRETARÍA DE LA CONTRALORÍA')).toBe('Secretaría de la Contraloría');
    expect(comoTitulo('Dirección de Obras')).toBe('Dirección de Obras');
    expect(asuntoDe('ASUNTO: Se remite informe.')).toBe('Se remite informe.');
  });

  it('asunto partido en dos renglones, aunque el segundo empiece con comillas; el destinatario no se une', () => {
    expect(asuntoDe('Asunto: Solicitud de apoyo para rehabilitar la escuela primaria\n«Niños Héroes»\n\nLIC. ALFONSO DURAZO')).toBe(
      'Solicitud de apoyo para rehabilitar la escuela primaria «Niños Héroes»',
    );
    expect(asuntoDe('Asunto: Reporte de daños\nLIC. ALFONSO DURAZO MONTAÑO')).toBe('Reporte de daños');
  });

  it('cargo con una palabra partida por la lectura: «Coordina Dora» es «Coordinadora»', () => {
    const t = 'ATENTAMENTE\n\nLIC. EUGENIA ZÚÑIGA PEÑA\nCOORDINA DORA ESTATAL DE PROTECCIÓN CIVIL';
    expect(extraerCampos(t, CONOCIDOS).remitenteCargo).toBe('Coordinadora Estatal de Protección Civil');
    const bien = 'ATENTAMENTE\n\nC. ANA RUIZ\nDIRECTORA DE OBRAS';
    expect(extraerCampos(bien, CONOCIDOS).remitenteCargo).toBe('Directora de Obras');
  });
});
