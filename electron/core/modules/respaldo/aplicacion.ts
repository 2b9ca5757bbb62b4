/** What this build of the app is: its version and the migrations it knows (to refuse newer backups). */
import fs from 'node:fs';
import path from 'node:path';

export interface DatosAplicacion {
  nombre: string;
  version: string;
  /** Journal `when` → migration tag, for every migration this build ships. */
  migraciones: Map<number, string>;
}

export function datosDeLaAplicacion(appRoot: string): DatosAplicacion {
  const pkg = JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { productName?: string; name: string; version: string };
  const journal = JSON.parse(fs.readFileSync(path.join(appRoot, 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  return {
    nombre: pkg.productName ?? pkg.name,
    version: pkg.version,
    migraciones: new Map(journal.entries.map((e) => [e.when, e.tag])),
  };
}
