/** Compromisos de campaña: PED hierarchy, compromisos with version checks, seguimientos, semáforo. */
import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { TIPOS_DOCUMENTO } from '../../archivos';
import { AppError, conflicto, noEncontrado } from '../../errors';
import { actorDe, type Contexto, type Handlers } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import {
  ETIQUETA_ESTATUS_COMPROMISO,
  type CompromisoDetalle,
  type CompromisoResumen,
  type ElementoPed,
  type EstatusCompromiso,
  type NivelPed,
} from '../../../contract/compromisos';
import { semaforoPlazo } from '../../semaforo';
import { fechaEnZona } from '../../tiempo';
import { calendarioIndexado } from './calendarioIndexado';
import { aplicarSeguimiento, contar, normalizar, patronesBusqueda, semaforoCompromiso } from './reglas';
import { reporteCatalogo, reporteSemaforo } from './reportes';

type Filtros = ParsedInput<'compromisos.listar'>;

// ───────────────────────── PED ─────────────────────────

const PADRE: Record<NivelPed, NivelPed | null> = { eje: null, objetivo: 'eje', estrategia: 'objetivo' };
const NOMBRE_NIVEL: Record<NivelPed, string> = { eje: 'el eje', objetivo: 'el objetivo', estrategia: 'la estrategia' };

interface FilaPed {
  id: string;
  nivel: NivelPed;
  padre_id: string | null;
  clave: string;
  texto: string;
  activa: number;
  version: number;
}

const aElemento = (f: FilaPed): ElementoPed => ({
  id: f.id,
  nivel: f.nivel,
  padreId: f.padre_id,
  clave: f.clave,
  texto: f.texto,
  activa: f.activa === 1,
  version: f.version,
});

function pedPorId(ctx: Contexto, id: string): FilaPed | undefined {
  return ctx.sqlite.prepare('select * from ped where id = ?').get(id) as FilaPed | undefined;
}

function guardarPed(ctx: Contexto, input: ParsedInput<'compromisos.ped.guardar'>): ElementoPed {
  const esperado = PADRE[input.nivel];
  if (esperado === null && input.padreId) throw new AppError('VALIDACION', 'Un eje no tiene elemento superior.', [{ campo: 'padreId', mensaje: 'Un eje no tiene elemento superior.' }]);
  if (esperado !== null) {
    const padre = input.padreId ? pedPorId(ctx, input.padreId) : undefined;
    if (!padre || padre.nivel !== esperado) {
      const m = input.nivel === 'objetivo' ? 'Elija el eje al que pertenece el objetivo.' : 'Elija el objetivo al que pertenece la estrategia.';
      throw new AppError('VALIDACION', m, [{ campo: 'padreId', mensaje: m }]);
    }
  }
  const repetida = ctx.sqlite.prepare('select id from ped where clave = ? collate nocase and id <> ?').get(input.clave, input.id ?? '') as { id: string } | undefined;
  if (repetida) throw new AppError('DUPLICADO', `Ya existe un elemento del Plan Estatal de Desarrollo con la clave «${input.clave}».`, [{ campo: 'clave', mensaje: 'Clave repetida.' }]);
  const ahora = ctx.ahora();
  if (!input.id) {
    const id = uuidv7();
    ctx.sqlite
      .prepare('insert into ped (id, nivel, padre_id, clave, texto, activa, version, creado, actualizado) values (?, ?, ?, ?, ?, 1, 0, ?, ?)')
      .run(id, input.nivel, input.padreId, input.clave, input.texto, ahora, ahora);
    const nuevo = aElemento(pedPorId(ctx, id)!);
    ctx.bitacora({ entidad: 'ped', entidadId: id, despues: nuevo });
    return nuevo;
  }
  const antes = pedPorId(ctx, input.id);
  if (!antes) throw noEncontrado(NOMBRE_NIVEL[input.nivel]);
  if (antes.version !== input.version) throw conflicto(NOMBRE_NIVEL[antes.nivel]);
  if (antes.nivel !== input.nivel) throw new AppError('VALIDACION', 'No se puede cambiar el nivel de un elemento del Plan; cree uno nuevo.');
  ctx.sqlite
    .prepare('update ped set padre_id = ?, clave = ?, texto = ?, version = version + 1, actualizado = ? where id = ?')
    .run(input.padreId, input.clave, input.texto, ahora, input.id);
  const despues = aElemento(pedPorId(ctx, input.id)!);
  ctx.bitacora({ entidad: 'ped', entidadId: input.id, antes: aElemento(antes), despues });
  return despues;
}

// ───────────────────────── Compromisos ─────────────────────────

interface FilaCompromiso {
  id: string;
  numero: number;
  descripcion: string;
  fecha_compromiso: string;
  municipio_clave: string | null;
  municipio: string | null;
  dependencia_id: string;
  dependencia: string;
  dependencia_siglas: string;
  estrategia_id: string | null;
  estrategia_clave: string | null;
  estrategia_texto: string | null;
  objetivo_id: string | null;
  objetivo_clave: string | null;
  eje_id: string | null;
  eje_clave: string | null;
  eje_texto: string | null;
  estatus: EstatusCompromiso;
  motivo_no_procedente: string | null;
  avance: number;
  fecha_estimada: string | null;
  version: number;
}

const SELECT = `
  select c.id, c.numero, c.descripcion, c.fecha_compromiso, c.municipio_clave, m.nombre as municipio,
         c.dependencia_id, d.nombre as dependencia, d.siglas as dependencia_siglas,
         es.id as estrategia_id, es.clave as estrategia_clave, es.texto as estrategia_texto,
         ob.id as objetivo_id, ob.clave as objetivo_clave, ej.id as eje_id, ej.clave as eje_clave, ej.texto as eje_texto,
         c.estatus, c.motivo_no_procedente, c.avance, c.fecha_estimada, c.version
    from compromisos c
    join dependencias d on d.id = c.dependencia_id
    left join municipios m on m.clave = c.municipio_clave
    left join ped es on es.id = c.estrategia_id
    left join ped ob on ob.id = es.padre_id
    left join ped ej on ej.id = ob.padre_id`;

const conSinAcentos = new WeakSet<object>();
/** `compromisos_sin_acentos(texto)`: the same normalization as the search column, for live names. */
function registrarSinAcentos(ctx: Contexto) {
  if (conSinAcentos.has(ctx.sqlite)) return;
  ctx.sqlite.function('compromisos_sin_acentos', { deterministic: true }, (t: unknown) => normalizar(String(t ?? '')));
  conSinAcentos.add(ctx.sqlite);
}

function hoy(ctx: Contexto): string {
  return fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
}

function corresponsablesDe(ctx: Contexto, ids: string[]): Map<string, { id: string; nombre: string; siglas: string }[]> {
  const mapa = new Map<string, { id: string; nombre: string; siglas: string }[]>();
  if (ids.length === 0) return mapa;
  const filas = ctx.sqlite
    .prepare(
      `select cc.compromiso_id as cid, d.id, d.nombre, d.siglas from compromiso_corresponsables cc
         join dependencias d on d.id = cc.dependencia_id
        where cc.compromiso_id in (select value from json_each(?)) order by d.nombre`,
    )
    .all(JSON.stringify(ids)) as { cid: string; id: string; nombre: string; siglas: string }[];
  for (const { cid, ...d } of filas) mapa.set(cid, [...(mapa.get(cid) ?? []), d]);
  return mapa;
}

function aResumen(ctx: Contexto, f: FilaCompromiso, corr: { id: string; nombre: string; siglas: string }[], dia: string, calendario = ctx.calendario()): CompromisoResumen {
  const aj = ctx.ajustes();
  return {
    id: f.id,
    numero: f.numero,
    descripcion: f.descripcion,
    fechaCompromiso: f.fecha_compromiso,
    municipioClave: f.municipio_clave,
    municipio: f.municipio ?? 'Estatal',
    dependenciaId: f.dependencia_id,
    dependencia: f.dependencia,
    dependenciaSiglas: f.dependencia_siglas,
    corresponsables: corr,
    alineacion: {
      ejeId: f.eje_id,
      ejeClave: f.eje_clave,
      ejeTexto: f.eje_texto,
      objetivoId: f.objetivo_id,
      objetivoClave: f.objetivo_clave,
      estrategiaId: f.estrategia_id,
      estrategiaClave: f.estrategia_clave,
      estrategiaTexto: f.estrategia_texto,
    },
    estatus: f.estatus,
    estatusEtiqueta: ETIQUETA_ESTATUS_COMPROMISO[f.estatus],
    motivoNoProcedente: f.motivo_no_procedente,
    avance: f.avance,
    fechaEstimada: f.fecha_estimada,
    semaforo: semaforoCompromiso(f.estatus, f.motivo_no_procedente),
    plazo: semaforoPlazo({
      concluido: f.estatus === 'cumplido',
      excluido: f.estatus === 'no_procedente',
      inicio: f.fecha_compromiso,
      fechaLimite: f.fecha_estimada,
      avance: f.avance,
      hoy: dia,
      calendario,
      diasEnRiesgo: aj.diasEnRiesgo,
    }),
    version: f.version,
  };
}

/** The compromisos matching the filters, ordered by número, with both semáforos computed. */
export function consultar(ctx: Contexto, filtros: Filtros): CompromisoResumen[] {
  const cond: string[] = [];
  const params: unknown[] = [];
  if (filtros.dependenciaId) {
    cond.push('(c.dependencia_id = ? or exists (select 1 from compromiso_corresponsables cc where cc.compromiso_id = c.id and cc.dependencia_id = ?))');
    params.push(filtros.dependenciaId, filtros.dependenciaId);
  }
  if (filtros.municipio) {
    if (filtros.municipio.toUpperCase() === 'ESTATAL') cond.push('c.municipio_clave is null');
    else {
      cond.push('c.municipio_clave = ?');
      params.push(filtros.municipio);
    }
  }
  if (filtros.estrategiaId) {
    cond.push('es.id = ?');
    params.push(filtros.estrategiaId);
  } else if (filtros.objetivoId) {
    cond.push('ob.id = ?');
    params.push(filtros.objetivoId);
  } else if (filtros.ejeId) {
    cond.push('ej.id = ?');
    params.push(filtros.ejeId);
  }
  if (filtros.estatus?.length) {
    cond.push(`c.estatus in (${filtros.estatus.map(() => '?').join(',')})`);
    params.push(...filtros.estatus);
  }
  if (filtros.avanceMin !== undefined) {
    cond.push('c.avance >= ?');
    params.push(filtros.avanceMin);
  }
  if (filtros.avanceMax !== undefined) {
    cond.push('c.avance <= ?');
    params.push(filtros.avanceMax);
  }
  if (filtros.fechaDesde) {
    cond.push('c.fecha_compromiso >= ?');
    params.push(filtros.fechaDesde);
  }
  if (filtros.fechaHasta) {
    cond.push('c.fecha_compromiso <= ?');
    params.push(filtros.fechaHasta);
  }
  const patrones = patronesBusqueda(filtros.texto ?? '');
  if (patrones.length) registrarSinAcentos(ctx);
  for (const p of patrones) {
    // The compromiso's own text is stored normalized; the names of municipio and dependencias are
    // normalized live, so a renamed dependencia is still found by its current name.
    cond.push(
      `(c.busqueda || ' ' || compromisos_sin_acentos(coalesce(m.nombre, 'Estatal') || ' ' || d.nombre || ' ' || d.siglas || ' ' ||
         coalesce((select group_concat(dc.nombre || ' ' || dc.siglas, ' ') from compromiso_corresponsables cc join dependencias dc on dc.id = cc.dependencia_id where cc.compromiso_id = c.id), ''))) like ? escape '\\'`,
    );
    params.push(p);
  }
  const sql = `${SELECT}${cond.length ? ` where ${cond.join(' and ')}` : ''} order by c.numero`;
  const filas = ctx.sqlite.prepare(sql).all(...params) as FilaCompromiso[];
  const corr = corresponsablesDe(ctx, filas.map((f) => f.id));
  const dia = hoy(ctx);
  const calendario = calendarioIndexado(ctx.calendario(), [dia, ...filas.flatMap((f) => [f.fecha_compromiso, f.fecha_estimada])]);
  let items = filas.map((f) => aResumen(ctx, f, corr.get(f.id) ?? [], dia, calendario));
  if (filtros.semaforo?.length) items = items.filter((i) => filtros.semaforo!.includes(i.semaforo.color));
  if (filtros.plazo?.length) items = items.filter((i) => (filtros.plazo as string[]).includes(i.plazo.clave));
  return items;
}

function detalle(ctx: Contexto, id: string): CompromisoDetalle {
  const f = ctx.sqlite.prepare(`${SELECT} where c.id = ?`).get(id) as FilaCompromiso | undefined;
  if (!f) throw noEncontrado('el compromiso');
  const corr = corresponsablesDe(ctx, [id]).get(id) ?? [];
  const seg = ctx.sqlite
    .prepare(
      `select id, fecha, nota, estatus_anterior, estatus, avance_anterior, avance, motivo, evidencia_sha, evidencia_nombre, autor_nombre, creado
         from compromiso_seguimientos where compromiso_id = ? order by fecha desc, creado desc, id desc`,
    )
    .all(id) as {
    id: string;
    fecha: string;
    nota: string;
    estatus_anterior: EstatusCompromiso;
    estatus: EstatusCompromiso;
    avance_anterior: number;
    avance: number;
    motivo: string | null;
    evidencia_sha: string | null;
    evidencia_nombre: string | null;
    autor_nombre: string;
    creado: number;
  }[];
  const dia = hoy(ctx);
  return {
    ...aResumen(ctx, f, corr, dia, calendarioIndexado(ctx.calendario(), [dia, f.fecha_compromiso, f.fecha_estimada])),
    seguimientos: seg.map((s) => ({
      id: s.id,
      fecha: s.fecha,
      nota: s.nota,
      estatusAnterior: s.estatus_anterior,
      estatus: s.estatus,
      avanceAnterior: s.avance_anterior,
      avance: s.avance,
      motivo: s.motivo,
      evidencia: s.evidencia_sha ? { sha256: s.evidencia_sha, nombre: s.evidencia_nombre ?? 'evidencia' } : null,
      autor: s.autor_nombre,
      creado: s.creado,
    })),
  };
}

type Campos = ParsedInput<'compromisos.crear'>;

/** Checks references and returns the search text; throws a Spanish VALIDACION naming the field. */
function validarCampos(ctx: Contexto, c: Campos, numero: number, id: string | null): string {
  const campo = (nombre: string, mensaje: string): never => {
    throw new AppError('VALIDACION', mensaje, [{ campo: nombre, mensaje }]);
  };
  const dup = ctx.sqlite.prepare('select id from compromisos where numero = ? and id <> ?').get(numero, id ?? '');
  if (dup) throw new AppError('DUPLICADO', `Ya existe el compromiso número ${numero}.`, [{ campo: 'numero', mensaje: 'Número repetido.' }]);
  if (c.municipioClave !== null && !ctx.sqlite.prepare('select 1 from municipios where clave = ?').get(c.municipioClave)) {
    campo('municipioClave', `Municipio: «${c.municipioClave}» no es uno de los 72 municipios de Sonora (o elija «Estatal»).`);
  }
  if (!ctx.sqlite.prepare('select 1 from dependencias where id = ?').get(c.dependenciaId)) campo('dependenciaId', 'Elija la dependencia responsable de la lista.');
  for (const cid of c.corresponsables) {
    if (cid === c.dependenciaId) campo('corresponsables', 'La dependencia responsable no puede ser también corresponsable.');
    if (!ctx.sqlite.prepare('select 1 from dependencias where id = ?').get(cid)) campo('corresponsables', 'Un corresponsable no es una dependencia del catálogo.');
  }
  if (c.estrategiaId) {
    const e = pedPorId(ctx, c.estrategiaId);
    if (!e || e.nivel !== 'estrategia') campo('estrategiaId', 'Alineación: elija una estrategia del Plan Estatal de Desarrollo.');
    // An inactive estrategia is kept by the compromisos already aligned to it, but not offered for new alignments.
    const previa = id ? (ctx.sqlite.prepare('select estrategia_id as e from compromisos where id = ?').get(id) as { e: string | null } | undefined)?.e : null;
    if (e!.activa !== 1 && previa !== c.estrategiaId) campo('estrategiaId', `Alineación: la estrategia ${e!.clave} está inactiva; elija una vigente.`);
  }
  if (c.fechaEstimada && c.fechaEstimada < c.fechaCompromiso) {
    campo('fechaEstimada', 'La fecha estimada de cumplimiento no puede ser anterior a la fecha en que se comprometió.');
  }
  return normalizar(`${numero} ${c.descripcion}`);
}

function guardarCorresponsables(ctx: Contexto, id: string, ids: string[]) {
  ctx.sqlite.prepare('delete from compromiso_corresponsables where compromiso_id = ?').run(id);
  const ins = ctx.sqlite.prepare('insert into compromiso_corresponsables (compromiso_id, dependencia_id) values (?, ?)');
  for (const d of new Set(ids)) ins.run(id, d);
}

function siguienteNumero(ctx: Contexto): number {
  return ((ctx.sqlite.prepare('select max(numero) as n from compromisos').get() as { n: number | null }).n ?? 0) + 1;
}

function instantanea(d: CompromisoDetalle) {
  const { seguimientos: _s, semaforo: _a, plazo: _b, ...resto } = d;
  return resto;
}

async function agregarSeguimiento(ctx: Contexto, input: ParsedInput<'compromisos.agregarSeguimiento'>): Promise<CompromisoDetalle> {
  let evidencia: { bytes: Buffer; tipo: string } | null = null;
  if (input.evidencia) {
    const bytes = Buffer.from(input.evidencia.contenidoBase64, 'base64');
    const tipo = await ctx.archivos.verificar(bytes, TIPOS_DOCUMENTO, ctx.ajustes().anexoMaxMb * 1024 * 1024);
    evidencia = { bytes, tipo };
  }
  const actor = actorDe(ctx);
  return ctx.transaccion(() => {
    const antes = detalle(ctx, input.compromisoId);
    if (antes.version !== input.version) throw conflicto('el compromiso');
    if (input.fecha > hoy(ctx)) throw new AppError('VALIDACION', 'La fecha del seguimiento no puede ser futura.', [{ campo: 'fecha', mensaje: 'Fecha futura.' }]);
    const nuevo = aplicarSeguimiento(antes, { estatus: input.estatus, avance: input.avance });
    const guardado = evidencia ? ctx.archivos.guardar(evidencia.bytes, evidencia.tipo) : null;
    const motivo = nuevo.estatus === 'no_procedente' ? input.motivo || antes.motivoNoProcedente : null;
    if (nuevo.estatus === 'no_procedente' && !motivo) throw new AppError('VALIDACION', 'Para marcar el compromiso como no procedente escriba el motivo.', [{ campo: 'motivo', mensaje: 'Falta el motivo.' }]);
    ctx.sqlite
      .prepare(
        `insert into compromiso_seguimientos (id, compromiso_id, fecha, nota, estatus_anterior, estatus, avance_anterior, avance, motivo,
           evidencia_sha, evidencia_nombre, autor_id, autor_nombre, creado) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        uuidv7(), antes.id, input.fecha, input.nota, antes.estatus, nuevo.estatus, antes.avance, nuevo.avance,
        input.motivo || null, guardado?.sha256 ?? null, guardado ? input.evidencia!.nombre : null, actor.id, actor.nombre, ctx.ahora(),
      );
    ctx.sqlite
      .prepare('update compromisos set estatus = ?, avance = ?, motivo_no_procedente = ?, version = version + 1, actualizado = ? where id = ?')
      .run(nuevo.estatus, nuevo.avance, motivo, ctx.ahora(), antes.id);
    const despues = detalle(ctx, antes.id);
    ctx.bitacora({ entidad: 'compromiso', entidadId: antes.id, antes: instantanea(antes), despues: { ...instantanea(despues), seguimiento: input.nota } });
    return despues;
  });
}

// ───────────────────────── Semáforo ─────────────────────────

export function semaforoDe(ctx: Contexto, filtros: Filtros) {
  const items = consultar(ctx, filtros);
  const agrupar = (clave: (c: CompromisoResumen) => string, nombre: (c: CompromisoResumen) => string) => {
    const grupos = new Map<string, { nombre: string; items: CompromisoResumen[] }>();
    for (const c of items) {
      const k = clave(c);
      const g = grupos.get(k) ?? { nombre: nombre(c), items: [] };
      g.items.push(c);
      grupos.set(k, g);
    }
    return [...grupos.entries()]
      .map(([k, g]) => contar(k, g.nombre, g.items))
      .sort((a, b) => b.total - a.total || a.nombre.localeCompare(b.nombre, 'es'));
  };
  return {
    general: contar('general', 'Todos los compromisos', items),
    porDependencia: agrupar((c) => c.dependenciaId, (c) => c.dependencia),
    porMunicipio: agrupar((c) => c.municipioClave ?? 'ESTATAL', (c) => c.municipio),
    porEje: agrupar(
      (c) => c.alineacion.ejeId ?? 'SIN_EJE',
      (c) => (c.alineacion.ejeId ? `${c.alineacion.ejeClave} ${c.alineacion.ejeTexto}` : 'Sin alineación'),
    ),
  };
}

export const compromisosHandlers = {
  'compromisos.ped.listar': (ctx, input) =>
    (
      ctx.sqlite
        .prepare(`select * from ped ${input?.incluirInactivas ? '' : 'where activa = 1'}`)
        .all() as FilaPed[]
    )
      .map(aElemento)
      .sort((a, b) => a.clave.localeCompare(b.clave, 'es', { numeric: true })),
  'compromisos.ped.guardar': guardarPed,
  'compromisos.ped.cambiarActiva': (ctx, input) => {
    const antes = pedPorId(ctx, input.id);
    if (!antes) throw noEncontrado('el elemento del Plan');
    if (antes.version !== input.version) throw conflicto(NOMBRE_NIVEL[antes.nivel]);
    ctx.sqlite.prepare('update ped set activa = ?, version = version + 1, actualizado = ? where id = ?').run(input.activa ? 1 : 0, ctx.ahora(), input.id);
    const despues = aElemento(pedPorId(ctx, input.id)!);
    ctx.bitacora({ entidad: 'ped', entidadId: input.id, antes: aElemento(antes), despues });
    return despues;
  },

  'compromisos.listar': (ctx, input) => {
    const items = consultar(ctx, input);
    return { total: items.length, siguienteNumero: siguienteNumero(ctx), items };
  },
  'compromisos.obtener': (ctx, input) => detalle(ctx, input.id),
  'compromisos.crear': (ctx, input) => {
    const actor = actorDe(ctx);
    const numero = input.numero ?? siguienteNumero(ctx);
    const busqueda = validarCampos(ctx, input, numero, null);
    const id = uuidv7();
    const ahora = ctx.ahora();
    ctx.sqlite
      .prepare(
        `insert into compromisos (id, numero, descripcion, fecha_compromiso, municipio_clave, estrategia_id, dependencia_id, estatus, avance,
           fecha_estimada, busqueda, creado_por, version, creado, actualizado) values (?, ?, ?, ?, ?, ?, ?, 'sin_avance', 0, ?, ?, ?, 0, ?, ?)`,
      )
      .run(id, numero, input.descripcion, input.fechaCompromiso, input.municipioClave, input.estrategiaId, input.dependenciaId, input.fechaEstimada, busqueda, actor.id, ahora, ahora);
    guardarCorresponsables(ctx, id, input.corresponsables);
    const d = detalle(ctx, id);
    ctx.bitacora({ entidad: 'compromiso', entidadId: id, despues: instantanea(d) });
    return d;
  },
  'compromisos.actualizar': (ctx, input) => {
    const antes = detalle(ctx, input.id);
    if (antes.version !== input.version) throw conflicto('el compromiso');
    const busqueda = validarCampos(ctx, input, input.numero, input.id);
    ctx.sqlite
      .prepare(
        `update compromisos set numero = ?, descripcion = ?, fecha_compromiso = ?, municipio_clave = ?, estrategia_id = ?, dependencia_id = ?,
           fecha_estimada = ?, busqueda = ?, version = version + 1, actualizado = ? where id = ?`,
      )
      .run(input.numero, input.descripcion, input.fechaCompromiso, input.municipioClave, input.estrategiaId, input.dependenciaId, input.fechaEstimada, busqueda, ctx.ahora(), input.id);
    guardarCorresponsables(ctx, input.id, input.corresponsables);
    const d = detalle(ctx, input.id);
    ctx.bitacora({ entidad: 'compromiso', entidadId: input.id, antes: instantanea(antes), despues: instantanea(d) });
    return d;
  },
  'compromisos.agregarSeguimiento': agregarSeguimiento,
  'compromisos.evidencia': (ctx, input) => {
    const s = ctx.sqlite.prepare('select evidencia_sha as sha, evidencia_nombre as nombre from compromiso_seguimientos where id = ?').get(input.seguimientoId) as
      | { sha: string | null; nombre: string | null }
      | undefined;
    if (!s?.sha) throw noEncontrado('la evidencia');
    const archivo = ctx.archivos.leer(s.sha);
    if (!archivo) throw noEncontrado('el archivo de la evidencia');
    const g = ctx.generados.nuevo(s.nombre ?? 'evidencia', ctx.sesion);
    fs.writeFileSync(g.ruta, archivo.bytes);
    return { archivoId: g.id, nombre: g.nombre };
  },

  'compromisos.semaforo': (ctx, input) => semaforoDe(ctx, input),
  'compromisos.reporteCatalogo': (ctx, input) => reporteCatalogo(ctx, consultar(ctx, input.filtros), input.formato),
  'compromisos.reporteSemaforo': (ctx, input) => reporteSemaforo(ctx, semaforoDe(ctx, input.filtros), input.formato),
} satisfies Partial<Handlers>;
