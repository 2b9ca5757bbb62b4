/** Importar el directorio de funcionarios: natural key nombre + dependencia; through gabinete's guardar. */
import type { ParsedInput } from '../../../../contract';
import { gabineteHandlers } from '../../gabinete/service';
import { type DefinicionTipo, type ResultadoRegistro } from '../definicion';
import { catalogoDependencias, nombres, porContrato } from '../catalogos';
import { palabras, textoDe } from '../valores';

const ETIQUETAS = { cargo: 'Cargo', correo: 'Correo', telefono: 'Teléfono' };

export const directorio: DefinicionTipo = {
  tipo: 'directorio',
  nombre: 'Directorio de funcionarios',
  roles: ['coordinador', 'administrador'],
  columnas: [
    { campo: 'nombre', titulo: 'Nombre', requerida: true, alias: ['Nombre completo', 'Funcionario'], ayuda: 'Nombre completo del funcionario.', ejemplo: 'Ana Laura Ruiz Méndez' },
    { campo: 'cargo', titulo: 'Cargo', alias: ['Puesto'], ayuda: 'Cargo o puesto (opcional).', ejemplo: 'Secretaria' },
    {
      campo: 'dependencia', titulo: 'Dependencia', requerida: true, alias: ['Dependencia responsable', 'Institución'], catalogo: true,
      ayuda: 'Nombre, siglas o clave de una dependencia del catálogo.', ejemplo: 'SIDUR', lista: (ctx) => nombres(catalogoDependencias(ctx)),
    },
    { campo: 'correo', titulo: 'Correo', alias: ['Correo electrónico', 'Email', 'E-mail'], ayuda: 'Correo electrónico (opcional).', ejemplo: 'ana.ruiz@sonora.gob.mx' },
    { campo: 'telefono', titulo: 'Teléfono', alias: ['Tel', 'Telefono de oficina'], ayuda: 'Teléfono (opcional).', ejemplo: '662 212 0000' },
  ],
  planear(ctx, filas, r) {
    const deps = catalogoDependencias(ctx);
    const guardar = gabineteHandlers['gabinete.funcionarios.guardar'];
    const vistos = new Map<string, number>();
    const registros: ResultadoRegistro[] = [];
    for (const f of filas) {
      const n = r.errores.length;
      const dependenciaId = r.catalogo(f, 'dependencia', deps);
      const datos = { nombre: textoDe(f.v.nombre), cargo: textoDe(f.v.cargo), dependenciaId: dependenciaId ?? '-', correo: textoDe(f.v.correo), telefono: textoDe(f.v.telefono) };
      const input = porContrato(r, f, 'gabinete.funcionarios.guardar', datos, { dependenciaId: 'dependencia' }) as ParsedInput<'gabinete.funcionarios.guardar'> | undefined;
      const clave = `${datos.nombre} · ${textoDe(f.v.dependencia)}`;
      const k = `${palabras(datos.nombre)}|${dependenciaId}`;
      if (vistos.has(k)) r.error(f.fila, 'nombre', `El funcionario se repite en el archivo (fila ${vistos.get(k)}).`, f.v.nombre);
      vistos.set(k, f.fila);
      if (!input || !dependenciaId || r.errores.length > n) {
        registros.push({ filas: [f.fila], clave, estado: 'error', cambios: [] });
        continue;
      }
      const existentes = ctx.sqlite.prepare('select id, version, nombre, cargo, correo, telefono from gab_funcionarios where dependencia_id = ?').all(dependenciaId) as
        { id: string; version: number; nombre: string; cargo: string; correo: string; telefono: string }[];
      const antes = existentes.find((e) => palabras(e.nombre) === palabras(input.nombre));
      if (!antes) {
        registros.push({ filas: [f.fila], clave, estado: 'nueva', cambios: [], aplicar: () => void guardar(ctx, input) });
        continue;
      }
      const c = r.cambios(antes, input, ETIQUETAS);
      registros.push({
        filas: [f.fila], clave, estado: c.length ? 'actualizada' : 'sin_cambio', cambios: c,
        aplicar: c.length ? () => void guardar(ctx, { ...input, id: antes.id, version: antes.version }) : undefined,
      });
    }
    return { registros, notas: [] };
  },
};
