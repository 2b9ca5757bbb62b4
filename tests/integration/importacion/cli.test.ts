/** `npm run importar`: last line with the counts, exit 0 / 2 / 1, and refusal of a data directory held by the app. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { crearPrueba, iniciarComoAdmin } from '../ayuda';

function importar(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/importar.ts', ...args], { encoding: 'utf8' });
  return { codigo: r.status, salida: r.stdout.trim().split('\n'), error: r.stderr };
}

describe('línea de comandos de importación', () => {
  it('simula, importa, reporta errores por fila y se niega a una carpeta en uso', { timeout: 300_000 }, async () => {
    const p = await crearPrueba();
    await iniciarComoAdmin(p.core);
    p.cerrar();
    const bueno = path.join(p.dataDir, 'deps.csv');
    fs.writeFileSync(bueno, 'Clave,Nombre,Siglas\nIMPX1,Instituto de Prueba Uno,IPU\nIMPX2,Instituto de Prueba Dos,IPD\n');
    const malo = path.join(p.dataDir, 'malo.csv');
    fs.writeFileSync(malo, 'Clave,Nombre\nCON ESPACIO,Algo\nIMPX3,Otro\n');

    const imp = importar(['--data-dir', p.dataDir, '--tipo', 'dependencias', '--archivo', bueno]);
    expect(imp.codigo).toBe(0);
    expect(imp.salida.at(-1)).toBe('2 filas: 2 nuevas, 0 actualizadas, 0 sin cambio, 0 con error');
    const mal = importar(['--data-dir', p.dataDir, '--tipo', 'dependencias', '--archivo', malo]);
    expect(mal.codigo).toBe(2);
    expect(mal.salida[0]).toMatch(/^Fila 2, Clave: /);
    expect(mal.salida.at(-1)).toBe('2 filas: 1 nuevas, 0 actualizadas, 0 sin cambio, 1 con error');

    const { createCore } = await import('../../../electron/core/app');
    const abierto = await createCore({ dataDir: p.dataDir });
    try {
      const ocupado = importar(['--data-dir', p.dataDir, '--tipo', 'dependencias', '--archivo', bueno]);
      expect(ocupado.codigo).toBe(1);
      expect(ocupado.error).toMatch(/la aplicación/);
    } finally {
      abierto.close();
    }
  });
});
