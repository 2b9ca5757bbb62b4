/** Bandeja filters a clerk uses all day: prioridad, tipo, municipio, remitente and serie documental (issue #12). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { llamar } from '../ayuda';
import { datosAsunto, escenario, type Escenario } from './apoyo';

let e: Escenario;
beforeEach(async () => {
  e = await escenario();
});
afterEach(() => e.p.cerrar());

describe('filtros de la bandeja', () => {
  it('por prioridad, tipo, municipio, remitente (sin acentos, todas las palabras) y serie documental, combinables', async () => {
    const s1 = await llamar(e.p.core, 'catalogos.seriesDocumentales.guardar', { clave: '3C.1', nombre: 'Peticiones ciudadanas' }, e.admin);
    const s2 = await llamar(e.p.core, 'catalogos.seriesDocumentales.guardar', { clave: '3C.2', nombre: 'Oficios de municipios' }, e.admin);
    const reg = (extra: Parameters<typeof datosAsunto>[0]) => llamar(e.p.core, 'correspondencia.registrar', datosAsunto(extra), e.cap);
    const a = await reg({ prioridad: 'urgente', tipo: 'peticion', municipioClave: '26030', remitenteNombre: 'José Ángel Núñez', remitenteOrganizacion: 'Colonia Olivares', serieDocumentalId: s1.id });
    const b = await reg({ prioridad: 'urgente', tipo: 'oficio', municipioClave: '26018', remitenteNombre: 'María Peña', remitenteOrganizacion: 'Ayuntamiento de Cajeme', serieDocumentalId: s2.id });
    const c = await reg({ prioridad: 'normal', tipo: 'peticion', municipioClave: '26030', remitenteNombre: 'Ana Ruiz', remitenteOrganizacion: 'Ayuntamiento de Hermosillo', serieDocumentalId: null });
    const folios = async (f: Record<string, unknown>) => (await llamar(e.p.core, 'correspondencia.bandeja', f, e.jefe)).filas.map((x) => x.folio).sort();
    expect(await folios({ prioridad: 'urgente' })).toEqual([a.folio, b.folio].sort());
    expect(await folios({ tipo: 'peticion' })).toEqual([a.folio, c.folio].sort());
    expect(await folios({ municipioClave: '26030' })).toEqual([a.folio, c.folio].sort());
    expect(await folios({ remitente: 'jose nunez' })).toEqual([a.folio]);
    expect(await folios({ remitente: 'AYUNTAMIENTO' })).toEqual([b.folio, c.folio].sort());
    expect(await folios({ remitente: '100%_' })).toEqual([]);
    expect(await folios({ serieDocumentalId: s1.id })).toEqual([a.folio]);
    expect(await folios({ prioridad: 'urgente', municipioClave: '26030', tipo: 'peticion' })).toEqual([a.folio]);
    const total = await llamar(e.p.core, 'correspondencia.bandeja', { municipioClave: '26030', limite: 1 }, e.jefe);
    expect(total.total).toBe(2);
  });
});
