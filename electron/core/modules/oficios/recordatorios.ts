/**
 * Oficios › recordatorios (DOMAIN §1b): for a cut-off date, one oficio per dependencia listing its vencidos
 * (and optionally en riesgo) turnos, acuerdos or compromisos. Preview first; then all are written and emitted
 * in one transaction, so their números are consecutive.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CampoTabla, FilaRecordatorio, TablaOficio } from '../../../contract/oficios';
import { ETIQUETAS_OFICIO } from '../../../contract/oficios';
import { AppError } from '../../errors';
import type { Contexto, Handlers } from '../../contexto';
import { semaforoPlazo } from '../../semaforo';
import { fechaCorta, fechaLarga } from '../../tiempo';
import { turnosVencidos } from '../correspondencia/exports';
import { fila, st } from './datos';
import { desdePlantilla, emitirNuevo, serieDeOficios, titularDe } from './registro';
import { plantillaPorClave } from './plantillas';

type Materia = 'turnos' | 'acuerdos' | 'compromisos';

/** One reminded item: what the table prints and what the oficio refers to. */
interface Pendiente {
  dependenciaId: string;
  refTipo: 'turno' | 'acuerdo' | 'compromiso';
  refId: string;
  /** Label kept with the reference (folio, acuerdo, compromiso). */
  etiqueta: string;
  situacion: 'vencido' | 'en_riesgo';
  celdas: string[];
}

const DE_MATERIA: Record<Materia, { plantilla: string; tabla: CampoTabla; columnas: TablaOficio['columnas'] }> = {
  turnos: {
    plantilla: 'RECORDATORIO_TURNOS',
    tabla: 'turnos_vencidos',
    columnas: [
      { titulo: 'Folio', ancho: 1.5, alineacion: 'izquierda' },
      { titulo: 'Asunto', ancho: 4.2, alineacion: 'izquierda' },
      { titulo: 'Fecha de turno', ancho: 1.3, alineacion: 'centro' },
      { titulo: 'Plazo', ancho: 1.3, alineacion: 'centro' },
      { titulo: 'Días hábiles vencidos', ancho: 1.3, alineacion: 'derecha' },
    ],
  },
  acuerdos: {
    plantilla: 'RECORDATORIO_ACUERDOS',
    tabla: 'acuerdos_vencidos',
    columnas: [
      { titulo: 'Acuerdo', ancho: 2.4, alineacion: 'izquierda' },
      { titulo: 'Descripción', ancho: 4.2, alineacion: 'izquierda' },
      { titulo: 'Fecha comprometida', ancho: 1.4, alineacion: 'centro' },
      { titulo: 'Avance', ancho: 0.9, alineacion: 'derecha' },
      { titulo: 'Días hábiles vencidos', ancho: 1.3, alineacion: 'derecha' },
    ],
  },
  compromisos: {
    plantilla: 'RECORDATORIO_COMPROMISOS',
    tabla: 'compromisos_vencidos',
    columnas: [
      { titulo: 'Núm.', ancho: 0.8, alineacion: 'derecha' },
      { titulo: 'Compromiso', ancho: 5, alineacion: 'izquierda' },
      { titulo: 'Fecha estimada', ancho: 1.4, alineacion: 'centro' },
      { titulo: 'Avance', ancho: 0.9, alineacion: 'derecha' },
      { titulo: 'Días hábiles vencidos', ancho: 1.3, alineacion: 'derecha' },
    ],
  },
};

// One formatter for the whole run (toLocaleString builds one per call, thousands of rows).
const ENTERO = new Intl.NumberFormat('es-MX');
const vencidoTexto = (dias: number, situacion: 'vencido' | 'en_riesgo') => (situacion === 'en_riesgo' ? 'En riesgo' : ENTERO.format(dias));

/** Items with a fecha límite and avance, through the one plazo semáforo rule as of the cut-off. */
function conPlazo(
  ctx: Contexto,
  corte: string,
  conRiesgo: boolean,
  filas: { id: string; dependenciaId: string; inicio: string; limite: string; avance: number; celdas: string[] }[],
  refTipo: Pendiente['refTipo'],
): Pendiente[] {
  const { diasEnRiesgo } = ctx.ajustes();
  const calendario = ctx.calendario();
  const out: Pendiente[] = [];
  for (const f of filas) {
    const s = semaforoPlazo({ concluido: false, inicio: f.inicio, fechaLimite: f.limite, avance: f.avance, hoy: corte, calendario, diasEnRiesgo });
    if (s.clave !== 'vencido' && !(conRiesgo && s.clave === 'en_riesgo')) continue;
    const situacion = s.clave === 'vencido' ? 'vencido' : 'en_riesgo';
    const dias = Math.max(0, calendario.habilesEntre(f.limite, corte));
    out.push({ dependenciaId: f.dependenciaId, refTipo, refId: f.id, etiqueta: refTipo === 'compromiso' ? `Compromiso ${f.celdas[0]}` : f.celdas[0], situacion, celdas: [...f.celdas, `${f.avance} %`, vencidoTexto(dias, situacion)] });
  }
  return out;
}

/** Overdue items of a materia; `conCeldas` false skips the printed cells (the preview only counts). */
function pendientes(ctx: Contexto, materia: Materia, corte: string, conRiesgo: boolean, conCeldas = true): Pendiente[] {
  if (materia === 'turnos') {
    const fechas = new Map<string, string>();
    const corta = (f: string) => fechas.get(f) ?? (fechas.set(f, fechaCorta(f)), fechas.get(f)!);
    return turnosVencidos(ctx, corte, conRiesgo).map((t) => ({
      dependenciaId: t.dependenciaId,
      refTipo: 'turno',
      refId: t.turnoId,
      etiqueta: t.folio,
      situacion: t.situacion,
      celdas: conCeldas ? [t.folio, t.asunto.length > 220 ? `${t.asunto.slice(0, 219)}…` : t.asunto, corta(t.fechaTurno), corta(t.fechaLimite), vencidoTexto(t.diasVencidos, t.situacion)] : [],
    }));
  }
  if (materia === 'acuerdos') {
    const filas = st(
      ctx,
      `select a.id, a.dependencia_id as dependenciaId, r.fecha as inicio, a.fecha_compromiso as limite, a.avance, a.numero, r.nombre as reunion, a.descripcion
       from gab_acuerdos a join gab_reuniones r on r.id = a.reunion_id
       where a.estatus in ('por_iniciar', 'en_proceso') and a.fecha_compromiso is not null and (@hasta is null or a.fecha_compromiso < @hasta)
       order by a.dependencia_id, a.fecha_compromiso, r.fecha, a.numero`,
    // En riesgo also comes from avance behind schedule, far from the fecha: then every open acuerdo is a candidate.
    ).all({ hasta: conRiesgo ? null : corte }) as {
      id: string; dependenciaId: string; inicio: string; limite: string; avance: number; numero: number; reunion: string; descripcion: string;
    }[];
    return conPlazo(ctx, corte, conRiesgo, filas.map((f) => ({ ...f, celdas: [`Acuerdo ${f.numero} — ${f.reunion}`, f.descripcion, fechaCorta(f.limite)] })), 'acuerdo');
  }
  const filas = st(
    ctx,
    `select c.id, c.dependencia_id as dependenciaId, c.fecha_compromiso as inicio, c.fecha_estimada as limite, c.avance, c.numero, c.descripcion
     from compromisos c
     where c.estatus in ('sin_avance', 'en_proceso') and c.fecha_estimada is not null and c.dependencia_id is not null
       and (@hasta is null or c.fecha_estimada < @hasta)
     order by c.dependencia_id, c.fecha_estimada, c.numero`,
  ).all({ hasta: conRiesgo ? null : corte }) as { id: string; dependenciaId: string; inicio: string; limite: string; avance: number; numero: number; descripcion: string }[];
  return conPlazo(ctx, corte, conRiesgo, filas.map((f) => ({ ...f, celdas: [String(f.numero), f.descripcion, fechaCorta(f.limite)] })), 'compromiso');
}

/** The last recordatorio emitted to each dependencia (any materia), for the preview and the tablero. */
export function ultimosRecordatorios(ctx: Contexto): Map<string, { numero: string; fecha: string }> {
  const filas = st(
    ctx,
    `select dependencia_id as id, numero_texto as numero, fecha from oficios o
     where tipo = 'recordatorio' and estatus in ('emitido', 'entregado') and dependencia_id is not null
       and emitido = (select max(emitido) from oficios x where x.dependencia_id = o.dependencia_id and x.tipo = 'recordatorio' and x.estatus in ('emitido', 'entregado'))`,
  ).all() as { id: string; numero: string; fecha: string }[];
  return new Map(filas.map((f) => [f.id, { numero: f.numero, fecha: f.fecha }]));
}

function agrupar(ps: Pendiente[]): Map<string, Pendiente[]> {
  const m = new Map<string, Pendiente[]>();
  for (const p of ps) {
    const l = m.get(p.dependenciaId);
    if (l) l.push(p);
    else m.set(p.dependenciaId, [p]);
  }
  return m;
}

function sinPendientes(materia: Materia, corte: string, conRiesgo: boolean): AppError {
  const que = materia === 'turnos' ? 'turnos vencidos' : materia === 'acuerdos' ? 'acuerdos vencidos' : 'compromisos vencidos';
  return new AppError('VALIDACION', `No hay ${que}${conRiesgo ? ' ni en riesgo' : ''} al ${fechaLarga(corte)}: no se generó ningún recordatorio.`);
}

export const recordatoriosHandlers = {
  'oficios.recordatorios.vistaPrevia': (ctx, input) => {
    const grupos = agrupar(pendientes(ctx, input.materia, input.corte, input.conRiesgo, false));
    const ultimos = ultimosRecordatorios(ctx);
    const filas: FilaRecordatorio[] = [];
    for (const [depId, ps] of grupos) {
      const t = titularDe(ctx, depId);
      const d = st(ctx, 'select siglas from dependencias where id = ?').get(depId) as { siglas: string };
      filas.push({
        dependenciaId: depId,
        dependencia: t.dependencia,
        siglas: d.siglas,
        destinatario: { nombre: t.nombre, cargo: t.cargo },
        vencidos: ps.filter((p) => p.situacion === 'vencido').length,
        enRiesgo: ps.filter((p) => p.situacion === 'en_riesgo').length,
        ultimoRecordatorio: ultimos.get(depId) ?? null,
      });
    }
    filas.sort((a, b) => b.vencidos - a.vencidos || a.dependencia.localeCompare(b.dependencia, 'es'));
    return { filas, total: filas.reduce((n, f) => n + f.vencidos + f.enRiesgo, 0) };
  },

  'oficios.recordatorios.generar': (ctx, input) => {
    const grupos = agrupar(pendientes(ctx, input.materia, input.corte, input.conRiesgo));
    const elegidas = [...new Set(input.dependencias)].filter((d) => grupos.has(d));
    if (!elegidas.length) throw sinPendientes(input.materia, input.corte, input.conRiesgo);
    const m = DE_MATERIA[input.materia];
    const plantilla = plantillaPorClave(ctx, m.plantilla);
    const lote = uuidv7();
    const a = ctx.ajustes();
    const avisar = (i: number, texto: string) => input.tarea && ctx.progreso({ tarea: input.tarea, fraccion: i / elegidas.length, texto });
    const serie = serieDeOficios(ctx);
    const ids: string[] = [];
    elegidas
      .map((d) => ({ d, t: titularDe(ctx, d) }))
      .sort((x, y) => x.t.dependencia.localeCompare(y.t.dependencia, 'es'))
      .forEach(({ d, t }, i) => {
        avisar(i, `Emitiendo el recordatorio para ${t.dependencia}…`);
        const ps = grupos.get(d)!;
        const texto = desdePlantilla(ctx, plantilla.id, t, null, { fecha_corte: fechaLarga(input.corte) });
        const { id } = emitirNuevo(
          ctx,
          {
            ...texto,
            tipo: 'recordatorio',
            plantillaId: plantilla.id,
            destinatario: t,
            tablas: { [m.tabla]: { columnas: m.columnas, filas: ps.map((p) => p.celdas) } },
            firmante: { nombre: a.firmanteNombre, cargo: a.firmanteCargo },
            ccp: [],
            referencias: ps.map((p) => ({ tipo: p.refTipo, id: p.refId, etiqueta: p.etiqueta })),
            lote,
            fechaCorte: input.corte,
          },
          serie,
        );
        ids.push(id);
      });
    avisar(elegidas.length, 'Listo');
    ctx.bitacora({ entidad: 'oficios_lote', entidadId: lote, despues: { materia: ETIQUETAS_OFICIO.materia[input.materia], corte: input.corte, oficios: ids.length } });
    return { lote, oficios: ids.map((id) => fila(ctx, id)) };
  },
} satisfies Partial<Handlers>;
