/** Metas del POA: metas per year, capture by period with closed quarters, aggregation and informes. */
import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { TIPOS_DOCUMENTO } from '../../archivos';
import { AppError, conflicto, noEncontrado } from '../../errors';
import { actorDe, type Contexto, type Handlers, escrituraAsincrona } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import type { MetaVista, Periodicidad, TableroPoa, TipoMeta } from '../../../contract/poa';
import { partesEnZona } from '../../tiempo';
import { PERIODOS, ROMANOS, aCentesimas, calcular, deCentesimas, parDeCentesimas, totales, trimestreDe, type Calculada } from './calculo';
import { cantidad } from '../../../contract/cifras';
import { enSegundoPlano } from '../../jobs/definir';

interface FilaMeta {
  id: string;
  anio: number;
  numero: number;
  descripcion: string;
  unidad_id: string;
  unidad_clave: string;
  unidad_nombre: string;
  unidad_medida: string;
  tipo: TipoMeta;
  periodicidad: Periodicidad;
  cancelada: number;
  motivo_cancelacion: string | null;
  version: number;
}

interface FilaPeriodo {
  meta_id: string;
  periodo: number;
  programado: number | null;
  alcanzado: number | null;
  comentario: string;
  evidencia_sha: string | null;
  evidencia_nombre: string | null;
  capturado_por: string | null;
  version: number;
}

const SELECT_META = `select m.id, m.anio, m.numero, m.descripcion, m.unidad_id, u.clave as unidad_clave, u.nombre as unidad_nombre,
    m.unidad_medida, m.tipo, m.periodicidad, m.cancelada, m.motivo_cancelacion, m.version
  from poa_metas m join unidades u on u.id = m.unidad_id`;

function validacion(campo: string, mensaje: string): AppError {
  return new AppError('VALIDACION', mensaje, [{ campo, mensaje }]);
}

/** Quarters whose last event is "cerrar". */
export function cerrados(ctx: Contexto, anio: number): number[] {
  const filas = ctx.sqlite
    .prepare(
      `select trimestre, accion from poa_cierres c where anio = ? and creado = (select max(creado) from poa_cierres c2 where c2.anio = c.anio and c2.trimestre = c.trimestre)
        order by trimestre, id`,
    )
    .all(anio) as { trimestre: number; accion: string }[];
  const estado = new Map<number, string>();
  for (const f of filas) estado.set(f.trimestre, f.accion);
  return [...estado.entries()].filter(([, a]) => a === 'cerrar').map(([t]) => t).sort();
}

/** The quarter "to date": the current one for this year, IV for past years, 0 (nothing yet) for future years. */
export function corteHoy(ctx: Contexto, anio: number): number {
  const p = partesEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
  if (anio < p.anio) return 4;
  if (anio > p.anio) return 0;
  return Math.ceil(p.mes / 3);
}

function periodosDe(ctx: Contexto, ids: string[]): Map<string, FilaPeriodo[]> {
  const mapa = new Map<string, FilaPeriodo[]>();
  if (!ids.length) return mapa;
  const filas = ctx.sqlite
    .prepare('select * from poa_periodos where meta_id in (select value from json_each(?)) order by periodo')
    .all(JSON.stringify(ids)) as FilaPeriodo[];
  for (const f of filas) mapa.set(f.meta_id, [...(mapa.get(f.meta_id) ?? []), f]);
  return mapa;
}

function nombresUsuarios(ctx: Contexto): Map<string, string> {
  return new Map((ctx.sqlite.prepare('select id, nombre from usuarios').all() as { id: string; nombre: string }[]).map((u) => [u.id, u.nombre]));
}

export interface MetaCalculada {
  fila: FilaMeta;
  periodos: FilaPeriodo[];
  calculada: Calculada;
  tipo: TipoMeta;
  periodicidad: Periodicidad;
}

function calcularMeta(ctx: Contexto, fila: FilaMeta, periodos: FilaPeriodo[], corte: number): MetaCalculada {
  const completos = Array.from({ length: PERIODOS[fila.periodicidad] }, (_, i) => {
    const p = periodos.find((x) => x.periodo === i + 1);
    return { periodo: i + 1, programado: p?.programado ?? null, alcanzado: p?.alcanzado ?? null };
  });
  const calculada = calcular({ tipo: fila.tipo, periodicidad: fila.periodicidad, periodos: completos }, corte, ctx.ajustes().bandas);
  return { fila, periodos, calculada, tipo: fila.tipo, periodicidad: fila.periodicidad };
}

function aVista(m: MetaCalculada, cerradosAnio: number[], usuarios: Map<string, string>): MetaVista {
  const f = m.fila;
  return {
    id: f.id,
    anio: f.anio,
    numero: f.numero,
    descripcion: f.descripcion,
    unidadId: f.unidad_id,
    unidadClave: f.unidad_clave,
    unidadNombre: f.unidad_nombre,
    unidadMedida: f.unidad_medida,
    tipo: f.tipo,
    periodicidad: f.periodicidad,
    cancelada: f.cancelada === 1,
    motivoCancelacion: f.motivo_cancelacion,
    version: f.version,
    periodos: Array.from({ length: PERIODOS[f.periodicidad] }, (_, i) => {
      const p = m.periodos.find((x) => x.periodo === i + 1);
      const trimestre = trimestreDe(f.periodicidad, i + 1);
      return {
        periodo: i + 1,
        trimestre,
        programado: deCentesimas(p?.programado ?? null),
        alcanzado: deCentesimas(p?.alcanzado ?? null),
        comentario: p?.comentario ?? '',
        evidencia: p?.evidencia_sha ? { nombre: p.evidencia_nombre ?? 'evidencia' } : null,
        capturadoPor: p?.capturado_por ? (usuarios.get(p.capturado_por) ?? null) : null,
        cerrado: cerradosAnio.includes(trimestre),
        version: p?.version ?? 0,
      };
    }),
    trimestres: m.calculada.trimestres.map(parDeCentesimas),
    anual: parDeCentesimas(m.calculada.anual),
    alCorte: parDeCentesimas(m.calculada.alCorte),
    cumplimiento: m.calculada.cumplimiento,
    semaforo: m.calculada.semaforo,
  };
}

/** Every meta of the year (cancelled ones flagged) with its aggregation to `corte`, and the TOTALES. */
export function tablero(ctx: Contexto, anio: number, corte: number) {
  const filas = ctx.sqlite.prepare(`${SELECT_META} where m.anio = ? order by m.numero`).all(anio) as FilaMeta[];
  const per = periodosDe(ctx, filas.map((f) => f.id));
  const metas = filas.map((f) => calcularMeta(ctx, f, per.get(f.id) ?? [], corte));
  const vigentes = metas.filter((m) => m.fila.cancelada !== 1);
  const t = totales(vigentes, ctx.ajustes().bandas);
  return { metas, vigentes, totales: t, cerrados: cerrados(ctx, anio) };
}

function vistaTablero(ctx: Contexto, anio: number, corte: number): TableroPoa {
  const t = tablero(ctx, anio, corte);
  const usuarios = nombresUsuarios(ctx);
  return {
    anio,
    corte,
    cerrados: t.cerrados,
    metas: t.metas.map((m) => aVista(m, t.cerrados, usuarios)),
    totales: {
      metasSumadas: t.totales.metasSumadas,
      trimestres: t.totales.trimestres.map(parDeCentesimas),
      anual: parDeCentesimas(t.totales.anual),
      alCorte: parDeCentesimas(t.totales.alCorte),
      cumplimiento: t.totales.cumplimiento,
      semaforo: t.totales.semaforo,
    },
    siguienteNumero: siguienteNumero(ctx, anio),
  };
}

function siguienteNumero(ctx: Contexto, anio: number): number {
  return ((ctx.sqlite.prepare('select max(numero) as n from poa_metas where anio = ?').get(anio) as { n: number | null }).n ?? 0) + 1;
}

function metaPorId(ctx: Contexto, id: string): FilaMeta {
  const f = ctx.sqlite.prepare(`${SELECT_META} where m.id = ?`).get(id) as FilaMeta | undefined;
  if (!f) throw noEncontrado('la meta');
  return f;
}

function vistaMeta(ctx: Contexto, id: string): MetaVista {
  const f = metaPorId(ctx, id);
  const c = cerrados(ctx, f.anio);
  return aVista(calcularMeta(ctx, f, periodosDe(ctx, [id]).get(id) ?? [], corteHoy(ctx, f.anio)), c, nombresUsuarios(ctx));
}

type CamposMeta = ParsedInput<'poa.crearMeta'>;

function validarMeta(ctx: Contexto, c: Omit<CamposMeta, 'anio' | 'numero'>, anio: number, numero: number, id: string | null) {
  const dup = ctx.sqlite.prepare('select id from poa_metas where anio = ? and numero = ? and id <> ?').get(anio, numero, id ?? '');
  if (dup) throw new AppError('DUPLICADO', `Ya existe la meta número ${numero} en el POA ${anio}.`, [{ campo: 'numero', mensaje: 'Número repetido.' }]);
  if (!ctx.sqlite.prepare('select 1 from unidades where id = ?').get(c.unidadId)) throw validacion('unidadId', 'Elija la unidad administrativa de la lista.');
  const n = PERIODOS[c.periodicidad];
  if (c.programado.length !== n) {
    throw validacion('programado', `Una meta ${c.periodicidad} se programa en ${n} periodos (${c.periodicidad === 'trimestral' ? 'I a IV' : 'enero a diciembre'}).`);
  }
  if (c.tipo === 'porcentaje' && c.programado.some((v) => v !== null && v > 100)) {
    throw validacion('programado', 'Una meta de porcentaje no puede programar más de 100 %.');
  }
}

function escribirProgramado(ctx: Contexto, metaId: string, programado: (number | null)[]) {
  const upsert = ctx.sqlite.prepare(
    `insert into poa_periodos (meta_id, periodo, programado, version) values (?, ?, ?, 0)
       on conflict (meta_id, periodo) do update set programado = excluded.programado`,
  );
  programado.forEach((v, i) => upsert.run(metaId, i + 1, v === null ? null : aCentesimas(v)));
}

/** Writes one period's capture; the caller's transaction. `importadoDe` names the file of a historical capture. */
function capturar(ctx: Contexto, input: ParsedInput<'poa.capturar'>, evidencia: { sha256: string; nombre: string } | null, importadoDe?: string): MetaVista {
  const actor = actorDe(ctx);
  const meta = metaPorId(ctx, input.metaId);
  if (meta.cancelada === 1) throw validacion('metaId', 'La meta está cancelada: ya no se captura.');
  if (input.periodo > PERIODOS[meta.periodicidad]) throw validacion('periodo', `La meta es ${meta.periodicidad}: periodo inválido.`);
  const trimestre = trimestreDe(meta.periodicidad, input.periodo);
  if (cerrados(ctx, meta.anio).includes(trimestre)) {
    throw new AppError(
      'VALIDACION',
      `El trimestre ${ROMANOS[trimestre - 1]} de ${meta.anio} está cerrado para captura. Si hay que corregirlo, pida al administrador que lo reabra.`,
      [{ campo: 'alcanzado', mensaje: 'Trimestre cerrado.' }],
    );
  }
  if (meta.tipo === 'porcentaje' && input.alcanzado !== null && input.alcanzado > 100) {
    throw validacion('alcanzado', 'Alcanzado: una meta de porcentaje no puede pasar de 100 %.');
  }
  const antes = ctx.sqlite.prepare('select * from poa_periodos where meta_id = ? and periodo = ?').get(meta.id, input.periodo) as FilaPeriodo | undefined;
  if ((antes?.version ?? 0) !== input.version) throw conflicto('la captura de este periodo');
  const valor = input.alcanzado === null ? null : aCentesimas(input.alcanzado);
  ctx.sqlite
    .prepare(
      `insert into poa_periodos (meta_id, periodo, programado, alcanzado, comentario, evidencia_sha, evidencia_nombre, capturado_por, capturado, version)
         values (?, ?, null, ?, ?, ?, ?, ?, ?, 1)
       on conflict (meta_id, periodo) do update set alcanzado = excluded.alcanzado, comentario = excluded.comentario,
         evidencia_sha = coalesce(excluded.evidencia_sha, poa_periodos.evidencia_sha),
         evidencia_nombre = coalesce(excluded.evidencia_nombre, poa_periodos.evidencia_nombre),
         capturado_por = excluded.capturado_por, capturado = excluded.capturado, version = poa_periodos.version + 1`,
    )
    .run(meta.id, input.periodo, valor, input.comentario, evidencia?.sha256 ?? null, evidencia?.nombre ?? null, actor.id, ctx.ahora());
  ctx.bitacora({
    entidad: 'poa_captura',
    entidadId: `${meta.id}:${input.periodo}`,
    antes: antes ? { alcanzado: deCentesimas(antes.alcanzado), comentario: antes.comentario } : null,
    despues: {
      meta: meta.numero, anio: meta.anio, periodo: input.periodo, alcanzado: input.alcanzado, comentario: input.comentario, evidencia: evidencia?.nombre ?? null,
      ...(importadoDe ? { importadoDe } : {}),
    },
  });
  return vistaMeta(ctx, meta.id);
}

/**
 * A historical alcanzado brought from the office's spreadsheet (importación): the same capture rules
 * (closed quarters, cancelled metas, percentages), recorded as imported in its comment and the bitácora;
 * the capture instant stays the real one. The caller's transaction.
 */
export function capturarImportado(ctx: Contexto, metaId: string, periodo: number, alcanzado: number, archivo: string): MetaVista {
  const antes = ctx.sqlite.prepare('select version, comentario from poa_periodos where meta_id = ? and periodo = ?').get(metaId, periodo) as { version: number; comentario: string } | undefined;
  const comentario = antes?.comentario || `Avance histórico importado de «${archivo}».`;
  return capturar(ctx, { metaId, periodo, version: antes?.version ?? 0, alcanzado, comentario, evidencia: null }, null, archivo);
}

function historialCierres(ctx: Contexto, anio: number) {
  return (
    ctx.sqlite.prepare('select * from poa_cierres where anio = ? order by creado, id').all(anio) as {
      id: string;
      anio: number;
      trimestre: number;
      accion: 'cerrar' | 'reabrir';
      motivo: string;
      usuario_nombre: string;
      creado: number;
    }[]
  ).map((c) => ({ id: c.id, anio: c.anio, trimestre: c.trimestre, accion: c.accion, motivo: c.motivo, usuario: c.usuario_nombre, creado: c.creado }));
}

function registrarCierre(ctx: Contexto, anio: number, trimestre: number, accion: 'cerrar' | 'reabrir', motivo: string) {
  const actor = actorDe(ctx);
  const estaCerrado = cerrados(ctx, anio).includes(trimestre);
  const q = `${ROMANOS[trimestre - 1]} de ${anio}`;
  if (accion === 'cerrar' && estaCerrado) throw new AppError('VALIDACION', `El trimestre ${q} ya está cerrado.`);
  if (accion === 'reabrir' && !estaCerrado) throw new AppError('VALIDACION', `El trimestre ${q} no está cerrado.`);
  // creado must grow strictly so "last event" is unambiguous even within the same millisecond.
  const ultimo = (ctx.sqlite.prepare('select max(creado) as m from poa_cierres where anio = ? and trimestre = ?').get(anio, trimestre) as { m: number | null }).m ?? 0;
  const id = uuidv7();
  ctx.sqlite
    .prepare('insert into poa_cierres (id, anio, trimestre, accion, motivo, usuario_id, usuario_nombre, creado) values (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, anio, trimestre, accion, motivo, actor.id, actor.nombre, Math.max(ctx.ahora(), ultimo + 1));
  ctx.bitacora({ entidad: 'poa_trimestre', entidadId: `${anio}-${trimestre}`, despues: { accion, motivo } });
  return historialCierres(ctx, anio);
}

export const poaHandlers = {
  'poa.anios': (ctx) =>
    ctx.sqlite.prepare('select anio, count(*) as metas from poa_metas where cancelada = 0 group by anio order by anio desc').all() as { anio: number; metas: number }[],
  'poa.tablero': (ctx, input) => vistaTablero(ctx, input.anio, input.corte ?? corteHoy(ctx, input.anio)),
  'poa.crearMeta': (ctx, input) => {
    const numero = input.numero ?? siguienteNumero(ctx, input.anio);
    validarMeta(ctx, input, input.anio, numero, null);
    const id = uuidv7();
    const ahora = ctx.ahora();
    ctx.sqlite
      .prepare(
        `insert into poa_metas (id, anio, numero, descripcion, unidad_id, unidad_medida, tipo, periodicidad, cancelada, version, creado, actualizado)
           values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
      )
      .run(id, input.anio, numero, input.descripcion, input.unidadId, input.unidadMedida, input.tipo, input.periodicidad, ahora, ahora);
    escribirProgramado(ctx, id, input.programado);
    const v = vistaMeta(ctx, id);
    ctx.bitacora({ entidad: 'poa_meta', entidadId: id, despues: { ...input, numero } });
    return v;
  },
  'poa.actualizarMeta': (ctx, input) => {
    const antes = metaPorId(ctx, input.id);
    if (antes.version !== input.version) throw conflicto('la meta');
    if (antes.cancelada === 1) throw validacion('descripcion', `La meta ${antes.numero} está cancelada: ya no se edita (queda como se canceló).`);
    validarMeta(ctx, input, antes.anio, input.numero, input.id);
    const periodos = periodosDe(ctx, [input.id]).get(input.id) ?? [];
    const capturados = periodos.filter((p) => p.alcanzado !== null);
    if (capturados.length && (input.periodicidad !== antes.periodicidad || input.tipo !== antes.tipo)) {
      throw validacion('periodicidad', 'La meta ya tiene avances capturados: no se puede cambiar su tipo ni su periodicidad.');
    }
    const cerr = cerrados(ctx, antes.anio);
    if (input.periodicidad === antes.periodicidad) {
      for (const p of periodos) {
        const nuevo = input.programado[p.periodo - 1];
        const cambia = (nuevo === null ? null : aCentesimas(nuevo)) !== p.programado;
        if (cambia && cerr.includes(trimestreDe(antes.periodicidad, p.periodo))) {
          throw validacion('programado', `El trimestre ${ROMANOS[trimestreDe(antes.periodicidad, p.periodo) - 1]} está cerrado: su programado no se puede cambiar.`);
        }
      }
    } else {
      ctx.sqlite.prepare('delete from poa_periodos where meta_id = ?').run(input.id); // only programado, nothing captured
    }
    ctx.sqlite
      .prepare(
        `update poa_metas set numero = ?, descripcion = ?, unidad_id = ?, unidad_medida = ?, tipo = ?, periodicidad = ?, version = version + 1, actualizado = ? where id = ?`,
      )
      .run(input.numero, input.descripcion, input.unidadId, input.unidadMedida, input.tipo, input.periodicidad, ctx.ahora(), input.id);
    escribirProgramado(ctx, input.id, input.programado);
    const v = vistaMeta(ctx, input.id);
    ctx.bitacora({ entidad: 'poa_meta', entidadId: input.id, antes: { ...antes, programado: periodos.map((p) => deCentesimas(p.programado)) }, despues: input });
    return v;
  },
  'poa.cancelarMeta': (ctx, input) => {
    const antes = metaPorId(ctx, input.id);
    if (antes.version !== input.version) throw conflicto('la meta');
    if (antes.cancelada === 1) throw validacion('id', 'La meta ya está cancelada.');
    ctx.sqlite.prepare('update poa_metas set cancelada = 1, motivo_cancelacion = ?, version = version + 1, actualizado = ? where id = ?').run(input.motivo, ctx.ahora(), input.id);
    ctx.bitacora({ entidad: 'poa_meta', entidadId: input.id, antes: { cancelada: false }, despues: { cancelada: true, motivo: input.motivo } });
    return vistaMeta(ctx, input.id);
  },
  'poa.copiarAnio': (ctx, input) => {
    if (input.origen === input.destino) throw validacion('destino', 'Elija un año distinto al de origen.');
    const origen = ctx.sqlite.prepare('select * from poa_metas where anio = ? and cancelada = 0 order by numero').all(input.origen) as {
      id: string; numero: number; descripcion: string; unidad_id: string; unidad_medida: string; tipo: string; periodicidad: string;
    }[];
    if (!origen.length) throw validacion('origen', `El POA ${input.origen} no tiene metas que copiar.`);
    const yaHay = (ctx.sqlite.prepare('select count(*) as n from poa_metas where anio = ?').get(input.destino) as { n: number }).n;
    if (yaHay) throw new AppError('DUPLICADO', `El POA ${input.destino} ya tiene ${cantidad(yaHay, 'meta')}; no se copió nada.`);
    const ahora = ctx.ahora();
    const insMeta = ctx.sqlite.prepare(
      `insert into poa_metas (id, anio, numero, descripcion, unidad_id, unidad_medida, tipo, periodicidad, cancelada, version, creado, actualizado)
         values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
    );
    const copiarPer = ctx.sqlite.prepare(
      'insert into poa_periodos (meta_id, periodo, programado, version) select ?, periodo, programado, 0 from poa_periodos where meta_id = ?',
    );
    for (const m of origen) {
      const id = uuidv7();
      insMeta.run(id, input.destino, m.numero, m.descripcion, m.unidad_id, m.unidad_medida, m.tipo, m.periodicidad, ahora, ahora);
      copiarPer.run(id, m.id);
    }
    ctx.bitacora({ entidad: 'poa_anio', entidadId: String(input.destino), despues: { copiadoDe: input.origen, metas: origen.length } });
    return { copiadas: origen.length };
  },
  'poa.capturar': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'poa.capturar'>) => {
    let archivo: { bytes: Buffer; tipo: string } | null = null;
    if (input.evidencia) {
      const bytes = Buffer.from(input.evidencia.contenidoBase64, 'base64');
      archivo = { bytes, tipo: await ctx.archivos.verificar(bytes, TIPOS_DOCUMENTO, ctx.ajustes().anexoMaxMb * 1024 * 1024) };
    }
    return ctx.transaccion(() => {
      const guardado = archivo ? { sha256: ctx.archivos.guardar(archivo.bytes, archivo.tipo).sha256, nombre: input.evidencia!.nombre } : null;
      return capturar(ctx, input, guardado);
    });
  }),
  'poa.evidencia': (ctx, input) => {
    const p = ctx.sqlite.prepare('select evidencia_sha as sha, evidencia_nombre as nombre from poa_periodos where meta_id = ? and periodo = ?').get(input.metaId, input.periodo) as
      | { sha: string | null; nombre: string | null }
      | undefined;
    const archivo = p?.sha ? ctx.archivos.leer(p.sha) : null;
    if (!archivo) throw noEncontrado('la evidencia');
    const g = ctx.generados.nuevo(p!.nombre ?? 'evidencia', ctx.sesion);
    fs.writeFileSync(g.ruta, archivo.bytes);
    return { archivoId: g.id, nombre: g.nombre };
  },
  'poa.cerrarTrimestre': (ctx, input) => registrarCierre(ctx, input.anio, input.trimestre, 'cerrar', input.motivo),
  'poa.reabrirTrimestre': (ctx, input) => registrarCierre(ctx, input.anio, input.trimestre, 'reabrir', input.motivo),
  'poa.cierres': (ctx, input) => historialCierres(ctx, input.anio),
  ...enSegundoPlano('poa.informe'),
} satisfies Partial<Handlers>;
