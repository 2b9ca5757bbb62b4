/** Shared setup of the gabinete tests: users by role, catalog ids, a small directorio. */
import { crearPrueba, crearUsuarioYEntrar, iniciarComoAdmin, llamar, type Prueba } from '../ayuda';
import type { Input } from '../../../electron/contract';

export interface Gabinete {
  p: Prueba;
  admin: string;
  coord: string;
  coord2: string;
  jefe: string;
  capturista: string;
  tipo: Record<string, string>;
  dep: Record<string, string>;
  funcionarios: string[];
}

export async function prepararGabinete(): Promise<Gabinete> {
  const p = await crearPrueba();
  const admin = await iniciarComoAdmin(p.core);
  const coord = await crearUsuarioYEntrar(p.core, admin, 'coordinadora', 'coordinador');
  const coord2 = await crearUsuarioYEntrar(p.core, admin, 'coordinador2', 'coordinador');
  const jefe = await crearUsuarioYEntrar(p.core, admin, 'jefe', 'jefe');
  const capturista = await crearUsuarioYEntrar(p.core, admin, 'capturista', 'capturista');
  const tipos = await llamar(p.core, 'catalogos.tiposGabinete.listar', {}, admin);
  const tipo = Object.fromEntries(tipos.map((t) => [t.clave, t.id]));
  const deps = await llamar(p.core, 'catalogos.dependencias.listar', {}, admin);
  const dep = Object.fromEntries(deps.map((d) => [d.clave, d.id]));
  const claves = Object.keys(dep).slice(0, 4);
  const funcionarios: string[] = [];
  for (const [i, clave] of claves.entries()) {
    const f = await llamar(p.core, 'gabinete.funcionarios.guardar', {
      nombre: `Funcionario ${i + 1}`, cargo: `Titular ${clave}`, dependenciaId: dep[clave], correo: `f${i + 1}@sonora.gob.mx`, telefono: '662 000 0000',
    }, coord);
    funcionarios.push(f.id);
  }
  return { p, admin, coord, coord2, jefe, capturista, tipo, dep, funcionarios };
}

export function nuevaReunion(g: Gabinete, clave: string, tema = '', extra: Partial<Input<'gabinete.reuniones.crear'>> = {}) {
  return llamar(g.p.core, 'gabinete.reuniones.crear', { tipoId: g.tipo[clave], tema, fecha: '2026-11-20', hora: '10:00', sede: 'Palacio de Gobierno', municipioClave: '26030', ...extra }, g.coord);
}
