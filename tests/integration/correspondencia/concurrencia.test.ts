import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ARCHIVO_BASE } from '../../../electron/core/app';
import { escenario } from './apoyo';
import { procesoHijo } from '../ayuda';

const hijo = (dataDir: string, nombre: string, cuantos: number) => procesoHijo('tests/fixtures/registrador.ts', [dataDir, nombre, String(cuantos)]);

describe('folios bajo concurrencia', () => {
  it('dos procesos registran 500 asuntos cada uno a la vez: 1,000 folios distintos y consecutivos', async () => {
    const e = await escenario();
    const dataDir = e.p.dataDir;
    e.p.cerrar();
    const a = hijo(dataDir, 'A', 500);
    const b = hijo(dataDir, 'B', 500);
    await Promise.all([a.esperar('preparado'), b.esperar('preparado')]);
    a.proc.stdin.write('go\n');
    b.proc.stdin.write('go\n');
    const [ra, rb] = await Promise.all([a.esperar('listo'), b.esperar('listo')]);
    expect(ra).toBe('listo 500 0');
    expect(rb).toBe('listo 500 0');

    const db = new Database(path.join(dataDir, ARCHIVO_BASE), { readonly: true });
    const filas = db.prepare('select numero, folio, remitente_nombre from asuntos order by numero').all() as { numero: number; folio: string; remitente_nombre: string }[];
    db.close();
    expect(filas).toHaveLength(1000);
    expect(filas.map((f) => f.numero)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(new Set(filas.map((f) => f.folio)).size).toBe(1000);
    // Both processes really overlapped in time: the folio sequence goes A…B…A (or B…A…B) somewhere.
    // (Where in the sequence depends on the scheduler: on a loaded machine one process may start later.)
    const quien = filas.map((f) => f.remitente_nombre.split(' ')[1]);
    const cambios = quien.filter((q, i) => i > 0 && q !== quien[i - 1]).length;
    expect(cambios).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
