/** Compromisos › capture and edit (with version checks), seguimientos and their evidencia. */
import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { TIPOS_DOCUMENTO } from '../../archivos';
import { AppError, conflicto, noEncontrado } from '../../errors';
import { actorDe, escrituraAsincrona, type Contexto, type Handlers } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import type { CompromisoDetalle } from '../../../contract/compromisos';
import { aplicarSeguimiento } from './reglas';
import { normalizar } from '../../texto';
import { consultar, detalle, hoy } from './consultas';
import { pedPorId } from './ped';

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

const agregarSeguimiento = escrituraAsincrona(async function agregarSeguimiento(ctx: Contexto, input: ParsedInput<'compromisos.agregarSeguimiento'>): Promise<CompromisoDetalle> {
  let evidencia: Evidencia | null = null;
  if (input.evidencia) {
    const bytes = Buffer.from(input.evidencia.contenidoBase64, 'base64');
    const tipo = await ctx.archivos.verificar(bytes, TIPOS_DOCUMENTO, ctx.ajustes().anexoMaxMb * 1024 * 1024);
    evidencia = { bytes, tipo, nombre: input.evidencia.nombre };
  }
  return ctx.transaccion(() => registrarSeguimiento(ctx, input, evidencia));
});

interface Evidencia {
  bytes: Buffer;
  tipo: string;
  nombre: string;
}

/** Appends a seguimiento inside the caller's transaction (the evidence file, if any, already checked). Also used by imports. */
export function registrarSeguimiento(
  ctx: Contexto,
  input: Omit<ParsedInput<'compromisos.agregarSeguimiento'>, 'evidencia'>,
  evidencia: Evidencia | null = null,
): CompromisoDetalle {
  const actor = actorDe(ctx);
  const antes = detalle(ctx, input.compromisoId);
  if (antes.version !== input.version) throw conflicto('el compromiso');
  if (input.fecha > hoy(ctx)) throw new AppError('VALIDACION', 'La fecha del seguimiento no puede ser futura.', [{ campo: 'fecha', mensaje: 'Fecha futura.' }]);
  if (input.fecha < antes.fechaCompromiso) {
    throw new AppError('VALIDACION', `La fecha del seguimiento no puede ser anterior a la fecha en que se comprometió (${antes.fechaCompromiso}).`, [
      { campo: 'fecha', mensaje: 'Anterior al compromiso.' },
    ]);
  }
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
      input.motivo || null, guardado?.sha256 ?? null, guardado ? evidencia!.nombre : null, actor.id, actor.nombre, ctx.ahora(),
    );
  ctx.sqlite
    .prepare('update compromisos set estatus = ?, avance = ?, motivo_no_procedente = ?, version = version + 1, actualizado = ? where id = ?')
    .run(nuevo.estatus, nuevo.avance, motivo, ctx.ahora(), antes.id);
  const despues = detalle(ctx, antes.id);
  ctx.bitacora({ entidad: 'compromiso', entidadId: antes.id, antes: instantanea(antes), despues: { ...instantanea(despues), seguimiento: input.nota } });
  return despues;
}

export const registroHandlers = {
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
} satisfies Partial<Handlers>;
