import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { crearPrueba, llamar, iniciarComoAdmin, type Prueba } from './ayuda';
import { ARCHIVO_BASE } from '../../electron/core/app';

let p: Prueba;
let admin: string;
beforeEach(async () => {
  p = await crearPrueba();
  admin = await iniciarComoAdmin(p.core);
});
afterEach(() => p.cerrar());

describe('bitácora', () => {
  it('cada escritura registra actor, método, entidad, antes y después', async () => {
    const d = await llamar(p.core, 'catalogos.dependencias.guardar', { clave: 'NUEVA', nombre: 'Dependencia nueva' }, admin);
    await llamar(p.core, 'catalogos.dependencias.guardar', { ...d, nombre: 'Dependencia renombrada' }, admin);
    const [edicion, alta] = await llamar(p.core, 'bitacora.listar', { entidad: 'dependencias', entidadId: d.id }, admin);
    expect(alta).toMatchObject({ usuario: 'admin', metodo: 'catalogos.dependencias.guardar', antes: null });
    expect(edicion.antes).toMatchObject({ nombre: 'Dependencia nueva' });
    expect(edicion.despues).toMatchObject({ nombre: 'Dependencia renombrada', version: 1 });
  });

  it('una escritura rechazada no deja rastro ni cambios', async () => {
    const antes = (await llamar(p.core, 'bitacora.verificar', {}, admin)).total;
    await p.core.call('catalogos.dependencias.guardar', { clave: 'SEGOB', nombre: 'Duplicada' }, { sesion: admin });
    expect((await llamar(p.core, 'bitacora.verificar', {}, admin)).total).toBe(antes);
  });

  it('detecta una entrada modificada y reporta el primer eslabón roto', async () => {
    await llamar(p.core, 'catalogos.dependencias.guardar', { clave: 'NUEVA', nombre: 'Dependencia nueva' }, admin);
    expect(await llamar(p.core, 'bitacora.verificar', {}, admin)).toMatchObject({ integra: true, primerRoto: null });
    const raw = new Database(path.join(p.dataDir, ARCHIVO_BASE));
    const objetivo = (raw.prepare("select id from bitacora where entidad = 'dependencias' order by id desc limit 1").get() as { id: number }).id;
    raw.prepare("update bitacora set despues = '{\"nombre\":\"alterado\"}' where id = ?").run(objetivo);
    raw.close();
    const r = await llamar(p.core, 'bitacora.verificar', {}, admin);
    expect(r.integra).toBe(false);
    expect(r.primerRoto).toMatchObject({ id: objetivo, motivo: expect.stringContaining('modificado') });
  });

  it('detecta una entrada borrada', async () => {
    const raw = new Database(path.join(p.dataDir, ARCHIVO_BASE));
    const segundo = (raw.prepare('select id from bitacora order by id limit 1 offset 1').get() as { id: number }).id;
    raw.prepare('delete from bitacora where id = ?').run(segundo);
    raw.close();
    const r = await llamar(p.core, 'bitacora.verificar', {}, admin);
    expect(r.primerRoto).toMatchObject({ id: segundo + 1, motivo: expect.stringContaining('No enlaza') });
  });
});
