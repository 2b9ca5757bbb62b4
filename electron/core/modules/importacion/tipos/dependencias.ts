/** Importar dependencias: natural key clave; created or updated through the catálogo's own guardar. */
import type { ParsedInput } from '../../../../contract';
import { catalogosHandlers } from '../../catalogos/service';
import { type DefinicionTipo, type ResultadoRegistro } from '../definicion';
import { porContrato } from '../catalogos';
import { textoDe } from '../valores';

const ETIQUETAS = { clave: 'Clave', nombre: 'Nombre', siglas: 'Siglas', titular: 'Titular' };

export const dependencias: DefinicionTipo = {
  tipo: 'dependencias',
  nombre: 'Dependencias',
  roles: ['administrador'],
  columnas: [
    { campo: 'clave', titulo: 'Clave', requerida: true, alias: ['Clave de dependencia', 'Cve'], ayuda: 'Clave única, sin espacios (letras, números, punto, guion).', ejemplo: 'SIDUR' },
    { campo: 'nombre', titulo: 'Nombre', requerida: true, alias: ['Dependencia', 'Nombre de la dependencia'], ayuda: 'Nombre completo de la dependencia.', ejemplo: 'Secretaría de Infraestructura y Desarrollo Urbano' },
    { campo: 'siglas', titulo: 'Siglas', ayuda: 'Siglas con que se conoce (opcional).', ejemplo: 'SIDUR' },
    { campo: 'titular', titulo: 'Titular', alias: ['Titular de la dependencia', 'Secretario'], ayuda: 'Nombre de la persona titular (opcional).', ejemplo: 'Nombre Apellido Apellido' },
  ],
  planear(ctx, filas, r) {
    const vistos = new Map<string, number>();
    const registros: ResultadoRegistro[] = [];
    const guardar = catalogosHandlers['catalogos.dependencias.guardar'];
    for (const f of filas) {
      const n = r.errores.length;
      const datos = { clave: textoDe(f.v.clave), nombre: textoDe(f.v.nombre), siglas: textoDe(f.v.siglas), titular: textoDe(f.v.titular) };
      const input = porContrato(r, f, 'catalogos.dependencias.guardar', datos, {}) as ParsedInput<'catalogos.dependencias.guardar'> | undefined;
      const clave = input?.clave ?? datos.clave.toUpperCase();
      const previa = vistos.get(clave);
      if (previa) r.error(f.fila, 'clave', `La clave ${clave} se repite en el archivo (fila ${previa}).`, f.v.clave);
      vistos.set(clave, f.fila);
      if (!input || r.errores.length > n) {
        registros.push({ filas: [f.fila], clave, estado: 'error', cambios: [] });
        continue;
      }
      const antes = ctx.sqlite.prepare('select id, version, clave, nombre, siglas, titular from dependencias where clave = ?').get(clave) as
        | { id: string; version: number; clave: string; nombre: string; siglas: string; titular: string }
        | undefined;
      if (!antes) {
        registros.push({ filas: [f.fila], clave, estado: 'nueva', cambios: [], aplicar: () => void guardar(ctx, input) });
        continue;
      }
      const c = r.cambios(antes, input, ETIQUETAS);
      registros.push({
        filas: [f.fila],
        clave,
        estado: c.length ? 'actualizada' : 'sin_cambio',
        cambios: c,
        aplicar: c.length ? () => void guardar(ctx, { ...input, id: antes.id, version: antes.version }) : undefined,
      });
    }
    return { registros, notas: [] };
  },
};
