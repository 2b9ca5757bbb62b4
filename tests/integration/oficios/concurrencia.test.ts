import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ARCHIVO_BASE } from '../../../electron/core/app';
import { escenario } from '../correspondencia/apoyo';
import { procesoHijo } from '../ayuda';

const hijo = (dataDir: string, nombre: string, cuantos: number) => procesoHijo('tests/fixtures/emisor-oficios.ts', [dataDir, nombre, String(cuantos)]);

describe('números de oficio bajo concurrencia', () => {
  it('dos procesos emiten 100 oficios cada uno a la vez: 200 números consecutivos, sin huecos ni repetidos', async () => {
    const e = await escenario();
    const dataDir = e.p.dataDir;
    e.p.cerrar();
    const a = hijo(dataDir, 'A', 100);
    const b = hijo(dataDir, 'B', 100);
    await Promise.all([a.esperar('preparado'), b.esperar('preparado')]);
    a.proc.stdin.write('go\n');
    b.proc.stdin.write('go\n');
    const [ra, rb] = await Promise.all([a.esperar('listo'), b.esperar('listo')]);
    expect(ra).toBe('listo 100 0');
    expect(rb).toBe('listo 100 0');

    const db = new Database(path.join(dataDir, ARCHIVO_BASE), { readonly: true });
    const filas = db.prepare("select numero, numero_texto, asunto from oficios where estatus = 'emitido' order by numero").all() as { numero: number; numero_texto: string; asunto: string }[];
    db.close();
    expect(filas).toHaveLength(200);
    expect(filas.map((f) => f.numero)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(filas.map((f) => f.numero_texto)).size).toBe(200);
    // Both processes really overlapped: the sequence switches between A and B more than once.
    const quien = filas.map((f) => f.asunto.split(' ').at(-1));
    expect(quien.filter((q, i) => i > 0 && q !== quien[i - 1]).length).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
