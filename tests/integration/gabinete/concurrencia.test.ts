import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ARCHIVO_BASE } from '../../../electron/core/app';
import { prepararGabinete } from './preparar';
import { procesoHijo } from '../ayuda';

const hijo = (dataDir: string, tipoId: string, cuantos: number) => procesoHijo('tests/fixtures/gabinete-convocador.ts', [dataDir, tipoId, String(cuantos)]);

describe('ordinal como folio', () => {
  it('dos procesos crean 40 reuniones de Gabinete Legal cada uno a la vez: ordinales I..LXXX sin repetir ni huecos', async () => {
    const g = await prepararGabinete();
    const dataDir = g.p.dataDir;
    const tipo = g.tipo.GL;
    g.p.cerrar();
    const a = hijo(dataDir, tipo, 40);
    const b = hijo(dataDir, tipo, 40);
    await Promise.all([a.esperar('preparado'), b.esperar('preparado')]);
    a.proc.stdin.write('go\n');
    b.proc.stdin.write('go\n');
    expect(await Promise.all([a.esperar('listo'), b.esperar('listo')])).toEqual(['listo 40 0', 'listo 40 0']);
    const db = new Database(path.join(dataDir, ARCHIVO_BASE), { readonly: true });
    const filas = db.prepare('select ordinal, nombre from gab_reuniones order by ordinal').all() as { ordinal: number; nombre: string }[];
    db.close();
    expect(filas.map((f) => f.ordinal)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(filas.at(-1)!.nombre).toBe('LXXX Reunión de Gabinete Legal');
  }, 120_000);
});
