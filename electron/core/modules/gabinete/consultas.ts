/** Reads of the gabinete module, shared by the handlers and the documents (hand SQL: joins and counts). */
import type { Acuerdo, Anexo, Convocado, FiltrosAcuerdos, PuntoOrden, ReunionDetalle, ReunionResumen, Seguimiento, Tarjeta } from '../../../contract/gabinete';
import type { Contexto } from '../../contexto';
import { noEncontrado } from '../../errors';
import { fechaEnZona, inicioDeFecha, sumarDias } from '../../tiempo';
import { estadoAntes } from '../../historialSeguimientos';
import { codigoAcuerdo } from './nombres';
import { semaforosAcuerdo, type Entorno, type EstatusAcuerdo } from './reglas';

export function entorno(ctx: Contexto): Entorno {
  const a = ctx.ajustes();
  return { hoy: fechaEnZona(ctx.ahora(), a.zonaHoraria), calendario: ctx.calendario(), diasEnRiesgo: a.diasEnRiesgo };
}

const SQL_REUNION = `
  select r.id, r.nombre, r.tipo_id as tipoId, t.clave as tipoClave, t.nombre as tipoNombre, t.numeracion,
         r.tema, r.ordinal, r.fecha, r.hora, r.sede, r.municipio_clave as municipioClave, m.nombre as municipio,
         r.estatus, r.motivo_cancelacion as motivoCancelacion, r.version,
         (select count(*) from gab_acuerdos a where a.reunion_id = r.id) as acuerdos,
         (select count(*) from gab_acuerdos a where a.reunion_id = r.id and a.estatus in ('por_iniciar','en_proceso')) as acuerdosAbiertos,
         (select count(*) from gab_convocados c where c.reunion_id = r.id) as convocados
  from gab_reuniones r
  join tipos_gabinete t on t.id = r.tipo_id
  left join municipios m on m.clave = r.municipio_clave`;

export function listarReuniones(ctx: Contexto, f: { tipoId?: string; anio?: number; estatus?: string } = {}): ReunionResumen[] {
  const cond: string[] = [];
  const params: unknown[] = [];
  if (f.tipoId) (cond.push('r.tipo_id = ?'), params.push(f.tipoId));
  if (f.anio) (cond.push("substr(r.fecha, 1, 4) = ?"), params.push(String(f.anio)));
  if (f.estatus) (cond.push('r.estatus = ?'), params.push(f.estatus));
  const where = cond.length ? ` where ${cond.join(' and ')}` : '';
  return ctx.sqlite.prepare(`${SQL_REUNION}${where} order by r.fecha desc, r.hora desc`).all(...params) as ReunionResumen[];
}

export function reunionResumen(ctx: Contexto, id: string): ReunionResumen {
  const r = ctx.sqlite.prepare(`${SQL_REUNION} where r.id = ?`).get(id) as ReunionResumen | undefined;
  if (!r) throw noEncontrado('la reunión');
  return r;
}

export function convocadosDe(ctx: Contexto, reunionId: string): Convocado[] {
  return ctx.sqlite
    .prepare(
      `select c.id, c.funcionario_id as funcionarioId, f.nombre, f.cargo, f.dependencia_id as dependenciaId, d.nombre as dependencia,
              d.siglas, f.correo, c.asistencia, c.representante, c.version
       from gab_convocados c join gab_funcionarios f on f.id = c.funcionario_id join dependencias d on d.id = f.dependencia_id
       where c.reunion_id = ? order by d.nombre, f.nombre`,
    )
    .all(reunionId) as Convocado[];
}

export function ordenDe(ctx: Contexto, reunionId: string): PuntoOrden[] {
  return ctx.sqlite
    .prepare('select id, posicion, titulo, presentador, version from gab_orden_dia where reunion_id = ? and retirado = 0 order by posicion')
    .all(reunionId) as PuntoOrden[];
}

export function tarjetasDe(ctx: Contexto, reunionId: string): Tarjeta[] {
  return ctx.sqlite
    .prepare(
      `select t.id, t.titulo, t.contenido, t.dependencia_id as dependenciaId, d.nombre as dependencia, t.version
       from gab_tarjetas t left join dependencias d on d.id = t.dependencia_id
       where t.reunion_id = ? and t.retirada = 0 order by t.creado, t.id`,
    )
    .all(reunionId) as Tarjeta[];
}

export function anexosDe(ctx: Contexto, reunionId: string): Anexo[] {
  return ctx.sqlite
    .prepare(
      `select x.id, x.nombre, x.sha256, a.tipo, a.tamano, x.creado from gab_anexos x join archivos a on a.sha256 = x.sha256
       where x.reunion_id = ? and x.retirado = 0 order by x.creado, x.id`,
    )
    .all(reunionId) as Anexo[];
}

interface FilaAcuerdo {
  id: string;
  reunionId: string;
  reunion: string;
  reunionFecha: string;
  reunionEstatus: Acuerdo['reunionEstatus'];
  ordinal: number | null;
  claveTema: string;
  mismoDia: number;
  tipoId: string;
  tipoClave: string;
  tipoNombre: string;
  numero: number;
  descripcion: string;
  dependenciaId: string;
  dependencia: string;
  siglas: string;
  corr: string;
  fechaCompromiso: string | null;
  estatus: EstatusAcuerdo;
  motivoCancelacion: string | null;
  avance: number;
  ultimoSeguimiento: string | null;
  version: number;
}

const SQL_ACUERDO = `
  select a.id, a.reunion_id as reunionId, r.nombre as reunion, r.fecha as reunionFecha, r.estatus as reunionEstatus, r.ordinal,
         r.clave_tema as claveTema,
         case when r.ordinal is null then (select count(*) from gab_reuniones r2 where r2.tipo_id = r.tipo_id
           and r2.clave_tema = r.clave_tema and r2.fecha = r.fecha and r2.id < r.id) else 0 end as mismoDia,
         t.id as tipoId, t.clave as tipoClave, t.nombre as tipoNombre, a.numero, a.descripcion,
         a.dependencia_id as dependenciaId, d.nombre as dependencia, d.siglas,
         (select json_group_array(json_object('id', d2.id, 'nombre', d2.nombre, 'siglas', d2.siglas))
            from gab_acuerdo_corresponsables c join dependencias d2 on d2.id = c.dependencia_id where c.acuerdo_id = a.id) as corr,
         a.fecha_compromiso as fechaCompromiso, a.estatus, a.motivo_cancelacion as motivoCancelacion, a.avance,
         (select max(s.fecha) from gab_seguimientos s where s.acuerdo_id = a.id) as ultimoSeguimiento, a.version
  from gab_acuerdos a
  join gab_reuniones r on r.id = a.reunion_id
  join tipos_gabinete t on t.id = r.tipo_id
  join dependencias d on d.id = a.dependencia_id`;

function aAcuerdo(f: FilaAcuerdo, e: Entorno): Acuerdo {
  const s = semaforosAcuerdo({ estatus: f.estatus, avance: f.avance, inicio: f.reunionFecha, fechaCompromiso: f.fechaCompromiso, motivoCancelacion: f.motivoCancelacion }, e);
  const corresponsables = (JSON.parse(f.corr) as Acuerdo['corresponsables']).sort((a, b) => a.nombre.localeCompare(b.nombre, 'es'));
  const { corr: _c, ordinal, claveTema, mismoDia, ...resto } = f;
  return {
    ...resto,
    corresponsables,
    codigo: codigoAcuerdo({ tipoClave: f.tipoClave, claveTema, ordinal, fecha: f.reunionFecha, mismoDia }, f.numero),
    textoBloqueado: f.reunionEstatus === 'cerrada' || f.reunionEstatus === 'cancelada',
    semaforoEstatus: s.estatus,
    semaforoPlazo: s.plazo,
  };
}

/** Acuerdos across meetings; SQL filters first, then the semáforo filters over the computed semáforos. */
export function listarAcuerdos(ctx: Contexto, f: FiltrosAcuerdos = {}): Acuerdo[] {
  const cond: string[] = [];
  const params: unknown[] = [];
  if (f.tipoId) (cond.push('r.tipo_id = ?'), params.push(f.tipoId));
  if (f.reunionId) (cond.push('a.reunion_id = ?'), params.push(f.reunionId));
  if (f.dependenciaId) {
    cond.push('(a.dependencia_id = ? or exists (select 1 from gab_acuerdo_corresponsables c where c.acuerdo_id = a.id and c.dependencia_id = ?))');
    params.push(f.dependenciaId, f.dependenciaId);
  }
  if (f.estatus?.length) (cond.push(`a.estatus in (${f.estatus.map(() => '?').join(',')})`), params.push(...f.estatus));
  if (f.desde) (cond.push('r.fecha >= ?'), params.push(f.desde));
  if (f.hasta) (cond.push('r.fecha <= ?'), params.push(f.hasta));
  if (f.concluidoDesde || f.concluidoHasta) {
    // The same count as the tablero's «Concluidos» of a week: a seguimiento recorded in the range that concluded it.
    const tz = ctx.ajustes().zonaHoraria;
    cond.push("exists (select 1 from gab_seguimientos s where s.acuerdo_id = a.id and s.estatus_despues = 'concluido' and s.estatus_antes <> 'concluido' and s.creado >= ? and s.creado < ?)");
    params.push(f.concluidoDesde ? inicioDeFecha(f.concluidoDesde, tz) : 0, f.concluidoHasta ? inicioDeFecha(sumarDias(f.concluidoHasta, 1), tz) : Number.MAX_SAFE_INTEGER);
  }
  if (f.texto) {
    cond.push("(a.descripcion like ? escape '\\' or r.nombre like ? escape '\\' or d.nombre like ? escape '\\' or d.siglas like ? escape '\\')");
    const t = `%${f.texto.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(t, t, t, t);
  }
  const where = cond.length ? ` where ${cond.join(' and ')}` : '';
  const filas = ctx.sqlite.prepare(`${SQL_ACUERDO}${where} order by r.fecha desc, r.hora desc, r.id, a.numero`).all(...params) as FilaAcuerdo[];
  const e = entorno(ctx);
  let items = filas.map((x) => aAcuerdo(x, e));
  if (f.semaforo) {
    const s = f.semaforo;
    items = items.filter((a) => a.semaforoEstatus.color === s || a.semaforoPlazo.clave === s);
  }
  if (f.vencidos) items = items.filter((a) => a.semaforoPlazo.clave === 'vencido');
  if (f.vencidosAl) {
    const dia = f.vencidosAl;
    const antes = estadosAcuerdosAl(ctx, inicioDeFecha(sumarDias(dia, 1), ctx.ajustes().zonaHoraria));
    items = items.filter((x) => vencidoAl(x, antes.get(x.id) ?? x, { ...e, hoy: dia }));
  }
  return items;
}

/** Each acuerdo's estatus and avance at instant `t`, for those changed since (absent: unchanged since). */
export function estadosAcuerdosAl(ctx: Contexto, t: number) {
  return estadoAntes<EstatusAcuerdo>(ctx, t, { tabla: 'gab_seguimientos', registro: 'acuerdo_id', estatusAntes: 'estatus_antes', avanceAntes: 'avance_antes' });
}

/** Vencido on day `e.hoy` given its estado then; it exists from its meeting's date on (even if captured later). */
export function vencidoAl(x: Acuerdo, est: { estatus: EstatusAcuerdo; avance: number }, e: Entorno): boolean {
  if (x.reunionFecha > e.hoy) return false;
  return semaforosAcuerdo({ estatus: est.estatus, avance: est.avance, inicio: x.reunionFecha, fechaCompromiso: x.fechaCompromiso }, e).plazo.clave === 'vencido';
}

export function acuerdo(ctx: Contexto, id: string): Acuerdo {
  const f = ctx.sqlite.prepare(`${SQL_ACUERDO} where a.id = ?`).get(id) as FilaAcuerdo | undefined;
  if (!f) throw noEncontrado('el acuerdo');
  return aAcuerdo(f, entorno(ctx));
}

export function seguimientosDe(ctx: Contexto, acuerdoId: string): Seguimiento[] {
  const filas = ctx.sqlite
    .prepare(
      `select s.id, s.fecha, s.nota, u.nombre as autor, s.evidencia_sha as sha, s.evidencia_nombre as evNombre,
              s.estatus_antes as estatusAntes, s.estatus_despues as estatusDespues, s.avance_antes as avanceAntes,
              s.avance_despues as avanceDespues, s.ajuste, s.creado
       from gab_seguimientos s join usuarios u on u.id = s.autor_id where s.acuerdo_id = ? order by s.creado desc, s.id desc`,
    )
    .all(acuerdoId) as (Omit<Seguimiento, 'evidencia'> & { sha: string | null; evNombre: string | null })[];
  return filas.map(({ sha, evNombre, ...s }) => ({ ...s, evidencia: sha ? { sha256: sha, nombre: evNombre ?? 'evidencia' } : null }));
}

export function reunionDetalle(ctx: Contexto, id: string): ReunionDetalle {
  const r = reunionResumen(ctx, id);
  const eventos = ctx.sqlite
    .prepare(
      `select e.tipo, e.motivo, u.nombre as usuario, e.momento from gab_eventos_reunion e join usuarios u on u.id = e.usuario_id
       where e.reunion_id = ? order by e.momento, e.id`,
    )
    .all(id) as ReunionDetalle['eventos'];
  return {
    ...r,
    convocadosLista: convocadosDe(ctx, id),
    orden: ordenDe(ctx, id),
    tarjetas: tarjetasDe(ctx, id),
    anexos: anexosDe(ctx, id),
    acuerdosLista: listarAcuerdos(ctx, { reunionId: id }).sort((a, b) => a.numero - b.numero),
    eventos,
  };
}
