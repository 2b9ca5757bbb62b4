/** Importación › the catalogs spreadsheet words are matched against (as they are in the database now). */
import { contract, type Method } from '../../../contract';
import type { Contexto } from '../../contexto';
import { Catalogo, type FilaDatos, type Revision } from './definicion';

export const ESTATAL = 'Estatal';

export function catalogoDependencias(ctx: Contexto): Catalogo {
  const filas = ctx.sqlite.prepare('select id, clave, nombre, siglas from dependencias where activa = 1 order by nombre').all() as { id: string; clave: string; nombre: string; siglas: string }[];
  return new Catalogo(
    'dependencias',
    filas.map((d) => ({ valor: d.id, etiqueta: d.siglas ? `${d.nombre} (${d.siglas})` : d.nombre, nombres: [d.nombre, d.clave, d.siglas].filter(Boolean) })),
  );
}

/** The 72 municipios, plus «Estatal» (valor ''), by name or INEGI key. */
export function catalogoMunicipios(ctx: Contexto, conEstatal: boolean): Catalogo {
  const filas = ctx.sqlite.prepare('select clave, nombre from municipios order by nombre').all() as { clave: string; nombre: string }[];
  const entradas = filas.map((m) => ({ valor: m.clave, etiqueta: m.nombre, nombres: [m.clave] }));
  if (conEstatal) entradas.unshift({ valor: ESTATAL, etiqueta: ESTATAL, nombres: ['Todo el estado', 'Sonora'] });
  return new Catalogo('municipios de Sonora', entradas);
}

export function catalogoUnidades(ctx: Contexto): Catalogo {
  const filas = ctx.sqlite.prepare('select id, clave, nombre from unidades where activa = 1 order by nombre').all() as { id: string; clave: string; nombre: string }[];
  return new Catalogo('unidades administrativas', filas.map((u) => ({ valor: u.id, etiqueta: `${u.nombre} (${u.clave})`, nombres: [u.nombre, u.clave] })));
}

export function catalogoTiposGabinete(ctx: Contexto): Catalogo {
  const filas = ctx.sqlite.prepare('select id, clave, nombre from tipos_gabinete where activa = 1 order by nombre').all() as { id: string; clave: string; nombre: string }[];
  return new Catalogo('tipos de reunión', filas.map((t) => ({ valor: t.id, etiqueta: t.nombre, nombres: [t.clave, t.nombre.replace(/^Gabinete\s+/i, '')] })));
}

export function catalogoInstrucciones(ctx: Contexto): Catalogo {
  const filas = ctx.sqlite.prepare('select id, clave, nombre from instrucciones_turno where activa = 1 order by nombre').all() as { id: string; clave: string; nombre: string }[];
  return new Catalogo('instrucciones de turno', filas.map((i) => ({ valor: i.id, etiqueta: i.nombre, nombres: [i.clave] })));
}

export function catalogoEstrategias(ctx: Contexto): Catalogo {
  const filas = ctx.sqlite.prepare("select id, clave, texto from ped where nivel = 'estrategia' and activa = 1 order by clave").all() as { id: string; clave: string; texto: string }[];
  return new Catalogo('estrategias del Plan Estatal de Desarrollo', filas.map((e) => ({ valor: e.id, etiqueta: `${e.clave} ${e.texto}`, nombres: [e.clave, e.texto] })));
}

/** Names for the template's drop-down lists. */
export function nombres(cat: Catalogo): string[] {
  return cat.opciones.map((o) => o.etiqueta);
}

/**
 * Validates a record through the module's contract schema (the same the API uses); each zod issue is
 * reported on the spreadsheet column it came from. Returns the parsed input or undefined.
 */
export function porContrato<M extends Method>(r: Revision, f: FilaDatos, metodo: M, input: unknown, columnaDe: Record<string, string>): unknown {
  const res = contract[metodo].input.safeParse(input);
  if (res.success) return res.data;
  for (const i of res.error.issues) {
    const campo = columnaDe[String(i.path[0] ?? '')] ?? String(i.path[0] ?? '');
    r.error(f.fila, campo, i.message);
  }
  return undefined;
}
