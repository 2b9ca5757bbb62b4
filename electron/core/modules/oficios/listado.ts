/** Oficios › the registry: filters, full-text search, paging, and the same filters exported to Excel. */
import type { FiltrosOficios, FilaOficio } from '../../../contract/oficios';
import { ETIQUETAS_OFICIO } from '../../../contract/oficios';
import type { Contexto, Handlers } from '../../contexto';
import { escribirExcel, hoja, type Columna } from '../../reports';
import { membrete } from '../ajustes/service';
import { expresionFts } from '../correspondencia/exports';
import { aFila, COLUMNAS_FILA, st, type FilaSql } from './datos';

function condiciones(f: FiltrosOficios): { where: string; params: Record<string, unknown> } {
  const c: string[] = [];
  const p: Record<string, unknown> = {};
  if (f.anio) (c.push('(o.anio = @anio or (o.anio is null and o.creado >= @desdeAnio and o.creado < @hastaAnio))'), (p.anio = f.anio), (p.desdeAnio = Date.UTC(f.anio, 0, 1)), (p.hastaAnio = Date.UTC(f.anio + 1, 0, 1)));
  if (f.estatus) (c.push('o.estatus = @estatus'), (p.estatus = f.estatus));
  if (f.tipo) (c.push('o.tipo = @tipo'), (p.tipo = f.tipo));
  if (f.dependenciaId) (c.push('o.dependencia_id = @dependenciaId'), (p.dependenciaId = f.dependenciaId));
  if (f.lote) (c.push('o.lote = @lote'), (p.lote = f.lote));
  if (f.destinatario) (c.push("(o.destinatario_nombre like @dest escape '\\' or o.destinatario_dependencia like @dest escape '\\')"), (p.dest = `%${f.destinatario.replace(/[\\%_]/g, (m) => `\\${m}`)}%`));
  if (f.folio) {
    c.push("o.id in (select r.oficio_id from oficios_referencias r join asuntos a on a.id = r.ref_id where r.tipo = 'asunto' and a.folio = @folio union select r.oficio_id from oficios_referencias r join turnos t on t.id = r.ref_id join asuntos a on a.id = t.asunto_id where r.tipo = 'turno' and a.folio = @folio)");
    p.folio = f.folio;
  }
  if (f.asuntoId) {
    c.push("o.id in (select oficio_id from oficios_referencias where tipo = 'asunto' and ref_id = @asuntoId union select r.oficio_id from oficios_referencias r join turnos t on t.id = r.ref_id where r.tipo = 'turno' and t.asunto_id = @asuntoId)");
    p.asuntoId = f.asuntoId;
  }
  for (const [tipo, id] of [['acuerdo', f.acuerdoId], ['compromiso', f.compromisoId]] as const) {
    if (id) (c.push(`o.id in (select oficio_id from oficios_referencias where tipo = '${tipo}' and ref_id = @${tipo}Id)`), (p[`${tipo}Id`] = id));
  }
  const fts = expresionFts(f.texto);
  if (f.texto && !fts) c.push('0');
  if (fts) (c.push('o.fts_id in (select rowid from oficios_fts where oficios_fts match @fts)'), (p.fts = fts));
  return { where: c.length ? `where ${c.join(' and ')}` : '', params: p };
}

// Drafts (no número yet) first, then by número descending.
const ORDEN = 'order by (o.numero is null) desc, o.anio desc, o.numero desc, o.creado desc';

export function listar(ctx: Contexto, f: FiltrosOficios & { limite: number; desplazamiento: number }) {
  const { where, params } = condiciones(f);
  const total = (st(ctx, `select count(*) as n from oficios o ${where}`).get(params) as { n: number }).n;
  const filas = (st(ctx, `select ${COLUMNAS_FILA} from oficios o ${where} ${ORDEN} limit @limite offset @desplazamiento`).all({ ...params, limite: f.limite, desplazamiento: f.desplazamiento }) as FilaSql[]).map(aFila);
  return { filas, total };
}

interface FilaExcel {
  numero: string;
  fecha: string | null;
  tipo: string;
  destinatario: string;
  dependencia: string;
  asunto: string;
  referencias: string;
  estatus: string;
  entrega: string | null;
}

const COLUMNAS: Columna<FilaExcel>[] = [
  { clave: 'numero', titulo: 'Número', ancho: 16 },
  { clave: 'fecha', titulo: 'Fecha', tipo: 'fecha', ancho: 12 },
  { clave: 'tipo', titulo: 'Tipo', ancho: 20 },
  { clave: 'destinatario', titulo: 'Destinatario', ancho: 30 },
  { clave: 'dependencia', titulo: 'Dependencia', ancho: 34 },
  { clave: 'asunto', titulo: 'Asunto', ancho: 50 },
  { clave: 'referencias', titulo: 'Folios referidos', ancho: 22 },
  { clave: 'estatus', titulo: 'Estatus', ancho: 12 },
  { clave: 'entrega', titulo: 'Entregado el', tipo: 'fecha', ancho: 13 },
];

function* filasExcel(ctx: Contexto, f: FiltrosOficios): Generator<FilaExcel> {
  const { where, params } = condiciones(f);
  for (const r of ctx.sqlite.prepare(`select ${COLUMNAS_FILA} from oficios o ${where} ${ORDEN}`).iterate(params) as IterableIterator<FilaSql>) {
    const x: FilaOficio = aFila(r);
    yield {
      numero: x.numero ?? 'Borrador',
      fecha: x.fecha,
      tipo: ETIQUETAS_OFICIO.tipo[x.tipo],
      destinatario: x.destinatario,
      dependencia: x.dependencia,
      asunto: x.asunto,
      referencias: x.referencias,
      estatus: ETIQUETAS_OFICIO.estatus[x.estatus],
      entrega: x.entregaFecha,
    };
  }
}

export const listadoHandlers = {
  'oficios.listar': (ctx, input) => listar(ctx, input),

  'oficios.exportar': async (ctx, input) => {
    const g = ctx.generados.nuevo('Oficios de salida.xlsx', ctx.sesion);
    await escribirExcel(g.ruta, membrete(ctx, 'Oficios de salida'), [hoja({ nombre: 'Oficios', columnas: COLUMNAS, filas: filasExcel(ctx, input) })]);
    return { archivoId: g.id, nombre: g.nombre };
  },
} satisfies Partial<Handlers>;
