/** Acuerdo codes are unique across the administration (DOMAIN §2), also for old meetings the migration fills. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVO_BASE } from '../../../electron/core/app';
import { llamar } from '../ayuda';
import { nuevaReunion, prepararGabinete, type Gabinete } from './preparar';

let g: Gabinete;
beforeEach(async () => {
  g = await prepararGabinete();
});
afterEach(() => g.p.cerrar());

async function acuerdoEn(reunionId: string) {
  return llamar(g.p.core, 'gabinete.acuerdos.crear', { reunionId, descripcion: 'Revisar el avance', dependenciaId: g.dep.SEGOB }, g.coord);
}

describe('códigos de acuerdo únicos en toda la administración', () => {
  it('dos Especializados numerados I con temas distintos, un tema con las mismas letras y dos Sectoriales el mismo día', async () => {
    const reuniones = [
      await nuevaReunion(g, 'GE', 'de Salud'),
      await nuevaReunion(g, 'GE', 'de Seguridad'),
      await nuevaReunion(g, 'GE', 'de Salud Mental'),
      await nuevaReunion(g, 'GE', 'de  salud'),
      await nuevaReunion(g, 'GS', 'de Turismo'),
      await nuevaReunion(g, 'GS', 'de Turismo'),
      await nuevaReunion(g, 'GL'),
      await nuevaReunion(g, 'RT', 'con la Secretaría de Marina'),
    ];
    expect(reuniones.slice(0, 3).map((r) => r.ordinal)).toEqual([1, 1, 1]);
    const codigos: string[] = [];
    for (const r of reuniones) codigos.push((await acuerdoEn(r.id)).codigo);
    expect(codigos).toEqual([
      'GE-SAL-I-01', 'GE-SEG-I-01', 'GE-SAL2-I-01', 'GE-SAL-II-01',
      'GS-TUR-20261120-01', 'GS-TUR-20261120-2-01', 'GL-I-01', 'RT-SEC-20261120-01',
    ]);
    const todos = await llamar(g.p.core, 'gabinete.acuerdos.listar', {}, g.jefe);
    expect(new Set(todos.items.map((a) => a.codigo)).size).toBe(todos.items.length);
  });

  it('cambiar el tema de una reunión le da la clave de su nuevo tema', async () => {
    await nuevaReunion(g, 'GE', 'de Seguridad');
    const r = await nuevaReunion(g, 'GE', 'de Salud');
    const editada = await llamar(g.p.core, 'gabinete.reuniones.editar', {
      id: r.id, version: r.version, tema: 'de seguridad', fecha: r.fecha, hora: r.hora, sede: r.sede, municipioClave: r.municipioClave,
    }, g.coord);
    expect(editada.nombre).toBe('II Reunión de Gabinete de seguridad');
    expect((await acuerdoEn(r.id)).codigo).toBe('GE-SEG-II-01');
  });

  it('la migración de datos da a las reuniones existentes las mismas claves que el núcleo', async () => {
    for (const [clave, tema] of [['GE', 'de Salud'], ['GE', 'de Educación'], ['GE', 'de la Educación Media'], ['GS', 'de Turismo'], ['GE', 'de  salud'], ['GL', ''], ['RT', 'con la Secretaría de Marina']]) {
      await nuevaReunion(g, clave, tema);
    }
    g.p.cerrar();
    const db = new Database(path.join(g.p.dataDir, ARCHIVO_BASE));
    try {
      const leer = () => db.prepare('select tema, clave_tema as clave from gab_reuniones order by id').all();
      const delNucleo = leer();
      expect(delNucleo.map((r) => (r as { clave: string }).clave)).toEqual(['SAL', 'EDU', 'EDU2', 'TUR', 'SAL', '', 'SEC']);
      db.prepare("update gab_reuniones set clave_tema = ''").run();
      const archivo = fs.readdirSync('db/migrations').find((f) => f.endsWith('_gabinete_clave_tema_datos.sql'))!;
      const sql = fs.readFileSync(path.join('db/migrations', archivo), 'utf8');
      for (const sentencia of sql.split('--> statement-breakpoint')) db.exec(sentencia);
      expect(leer()).toEqual(delNucleo);
    } finally {
      db.close();
    }
  });
});
