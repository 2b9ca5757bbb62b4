/** Correspondencia › turnos: plazo por defecto, turnar to dependencias, update/respuesta, prórroga and reapertura. */
import { v7 as uuidv7 } from 'uuid';
import { ETIQUETAS } from '../../../contract/correspondencia';
import { AppError, conflicto, noEncontrado } from '../../errors';
import { actorDe, type Contexto, type Handlers, escrituraAsincrona } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import type { ArchivoGuardado } from '../../archivos';
import { fechaCorta, fechaEnZona, inicioDeFecha } from '../../tiempo';
import { plazoPorDefecto, type EstatusTurno } from './reglas';
import { st } from './datos';
import { abierto, asuntoSql, evento, recalcular, vErr, zona } from './comun';
import { verificarArchivos } from './anexos';
import { detalle } from './bandeja';

export interface TurnoFila {
  id: string;
  asunto_id: string;
  dependencia_id: string;
  requiere_atencion: number;
  estatus: EstatusTurno;
  fecha_turno: string;
  fecha_limite: string | null;
  plazo_original: string | null;
  prorrogas: number;
  reaperturas: number;
  notas: string;
  atendido: number | null;
  instruccion_id: string;
  devolucion_fecha: string | null;
  reasignado_de: string | null;
  version: number;
}

/** A returned turno is closed: only its reasignación moves the asunto on. */
function devueltoNo(t: TurnoFila, accion: string) {
  if (t.estatus === 'devuelto') throw new AppError('VALIDACION', `El turno fue devuelto por la dependencia: no se puede ${accion}; reasígnelo a otra dependencia.`);
}

export function turnoSql(ctx: Contexto, id: string): TurnoFila {
  const t = st(ctx, 'select * from turnos where id = ?').get(id) as TurnoFila | undefined;
  if (!t) throw noEncontrado('el turno');
  return t;
}

export function nombreDependencia(ctx: Contexto, id: string): string {
  const d = st(ctx, 'select nombre, siglas from dependencias where id = ?').get(id) as { nombre: string; siglas: string } | undefined;
  return d ? d.siglas || d.nombre : '';
}

/**
 * When something about an asunto really happened (late capture, DOMAIN §1): today's capture is "now";
 * an earlier day is that day at `hora` (default 09:00, never before `desde`). Never future, never before `desde`.
 */
export function momentoReal(ctx: Contexto, campo: string, desde: number, fecha?: string, hora?: string, referencia = 'la recepción del asunto'): { instante: number; fecha: string; ocurrio: string | null } {
  const ahora = ctx.ahora();
  const hoy = fechaEnZona(ahora, zona(ctx));
  const minimo = fechaEnZona(desde, zona(ctx));
  if (!fecha || (fecha === hoy && !hora)) return { instante: Math.max(ahora, desde), fecha: hoy, ocurrio: null };
  if (fecha > hoy) throw vErr(campo, `La fecha ${fechaCorta(fecha)} está en el futuro; capture lo que ya ocurrió.`);
  if (fecha < minimo) throw vErr(campo, `La fecha ${fechaCorta(fecha)} es anterior a ${referencia} (${fechaCorta(minimo)}).`);
  const [h, m] = (hora ?? '09:00').split(':').map(Number);
  let instante = inicioDeFecha(fecha, zona(ctx)) + h * 3_600_000 + m * 60_000;
  if (instante < desde) {
    if (hora) throw vErr(campo, `La hora es anterior a ${referencia}.`);
    instante = desde;
  }
  if (instante > ahora) {
    if (hora) throw vErr(campo, 'La hora está en el futuro; capture lo que ya ocurrió.');
    instante = ahora;
  }
  return { instante, fecha, ocurrio: fecha === hoy ? null : fecha };
}

export const turnosHandlers = {
  'correspondencia.plazo': (ctx, input) => {
    const i = st(ctx, 'select requiere_atencion, dias_habiles from instrucciones_turno where id = ?').get(input.instruccionId) as
      | { requiere_atencion: number; dias_habiles: number }
      | undefined;
    if (!i) throw noEncontrado('la instrucción de turno');
    const fechaTurno = input.fechaTurno ?? fechaEnZona(ctx.ahora(), zona(ctx));
    return {
      fechaTurno,
      fechaLimite: plazoPorDefecto(ctx.calendario(), fechaTurno, { requiereAtencion: !!i.requiere_atencion, diasHabiles: i.dias_habiles }),
      diasHabiles: i.dias_habiles,
      requiereAtencion: !!i.requiere_atencion,
    };
  },

  'correspondencia.turnar': (ctx, input) => {
    const actor = actorDe(ctx);
    const a = asuntoSql(ctx, input.asuntoId);
    abierto(a, 'turnar');
    if (a.archivado) throw new AppError('VALIDACION', `El asunto ${a.folio} está archivado: no se puede turnar.`);
    const instr = st(ctx, 'select * from instrucciones_turno where id = ?').get(input.instruccionId) as
      | { nombre: string; requiere_atencion: number; dias_habiles: number; activa: number }
      | undefined;
    if (!instr) throw noEncontrado('la instrucción de turno');
    if (!instr.activa) throw vErr('instruccionId', `La instrucción «${instr.nombre}» está inactiva.`);
    const ahora = ctx.ahora();
    const real = momentoReal(ctx, 'fecha', a.recibido, input.fecha, input.hora);
    const fechaTurno = real.fecha;
    const requiere = !!instr.requiere_atencion;
    const limite =
      input.fechaLimite === undefined || input.fechaLimite === null
        ? plazoPorDefecto(ctx.calendario(), fechaTurno, { requiereAtencion: requiere, diasHabiles: instr.dias_habiles })
        : input.fechaLimite;
    if (limite && limite < fechaTurno) throw vErr('fechaLimite', 'La fecha límite no puede ser anterior a la fecha de turno.');
    const ids = [...new Set(input.dependencias)];
    const nombres: string[] = [];
    for (const depId of ids) {
      const d = st(ctx, 'select nombre, siglas, activa from dependencias where id = ?').get(depId) as { nombre: string; siglas: string; activa: number } | undefined;
      if (!d) throw noEncontrado('la dependencia');
      if (!d.activa) throw vErr('dependencias', `La dependencia «${d.nombre}» está inactiva: no se le pueden turnar asuntos.`);
      const previo = st(ctx, "select 1 from turnos where asunto_id = ? and dependencia_id = ? and estatus in ('pendiente', 'en_proceso')").get(a.id, depId);
      if (previo) throw new AppError('DUPLICADO', `El asunto ${a.folio} ya está turnado a ${d.siglas || d.nombre} y ese turno sigue abierto.`);
      const id = uuidv7();
      st(
        ctx,
        `insert into turnos (id, asunto_id, dependencia_id, instruccion_id, requiere_atencion, turnado, fecha_turno, plazo_original, fecha_limite,
           estatus, notas, turnado_por, version, creado, actualizado)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pendiente', ?, ?, 0, ?, ?)`,
      ).run(id, a.id, depId, input.instruccionId, requiere ? 1 : 0, real.instante, fechaTurno, limite, limite, input.notas, actor.id, ahora, ahora);
      nombres.push(d.siglas || d.nombre);
      ctx.bitacora({ entidad: 'turnos', entidadId: id, despues: { asunto: a.folio, dependencia: d.nombre, instruccion: instr.nombre, fechaTurno, fechaLimite: limite } });
    }
    // The 48-hour figure follows the real first turno, even when an earlier one is captured after a later one.
    if (a.primer_turno === null || real.instante < a.primer_turno) {
      st(ctx, 'update asuntos set primer_turno = ?, demora_turno = ? where id = ?').run(real.instante, real.instante - a.recibido, a.id);
    }
    recalcular(ctx, a.id);
    evento(ctx, a.id, 'turno', `Turnado a ${nombres.join(', ')} — ${instr.nombre}${limite ? `, plazo ${fechaCorta(limite)}` : ''}`, {
      dependencias: nombres,
      instruccion: instr.nombre,
      fechaLimite: limite,
    }, real.ocurrio);
    return detalle(ctx, a.id);
  },

  'correspondencia.turnos.actualizar': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'correspondencia.turnos.actualizar'>) => {
    const listo = input.respuesta?.anexo ? (await verificarArchivos(ctx, [input.respuesta.anexo]))[0] : null;
    return ctx.transaccion(() => {
      const t = turnoSql(ctx, input.id);
      if (t.version !== input.version) throw conflicto('el turno');
      const a = asuntoSql(ctx, t.asunto_id);
      abierto(a, 'actualizar sus turnos');
      devueltoNo(t, 'actualizar');
      if (t.estatus === 'atendido' && input.estatus !== 'atendido') {
        throw vErr('estatus', 'El turno está atendido: para reabrirlo use «Reabrir» e indique el motivo.');
      }
      if (input.respuesta && input.respuesta.fecha > fechaEnZona(ctx.ahora(), zona(ctx))) {
        throw vErr('respuesta.fecha', 'La fecha de la respuesta no puede ser posterior a hoy.');
      }
      if (input.respuesta && input.respuesta.fecha < t.fecha_turno) {
        throw vErr('respuesta.fecha', `La fecha de la respuesta no puede ser anterior al turno (${fechaCorta(t.fecha_turno)}).`);
      }
      const ahora = ctx.ahora();
      const turnado = (st(ctx, 'select turnado from turnos where id = ?').get(t.id) as { turnado: number }).turnado;
      const real = momentoReal(ctx, 'fecha', turnado, input.fecha, undefined, 'el turno');
      const atendido = input.estatus === 'atendido' ? (t.estatus === 'atendido' ? t.atendido : real.instante) : null;
      st(ctx, 'update turnos set estatus = ?, notas = ?, atendido = ?, version = version + 1, actualizado = ? where id = ?').run(
        input.estatus, input.notas ?? t.notas, atendido, ahora, t.id,
      );
      const dep = nombreDependencia(ctx, t.dependencia_id);
      const partes: string[] = [];
      if (input.estatus !== t.estatus) partes.push(`estatus ${ETIQUETAS.estatusTurno[t.estatus]} → ${ETIQUETAS.estatusTurno[input.estatus]}`);
      let archivo: ArchivoGuardado | null = null;
      if (input.respuesta) {
        if (listo) archivo = ctx.archivos.guardar(listo.bytes, listo.tipo);
        st(ctx, 'insert into respuestas (id, turno_id, numero_oficio, fecha, resumen, archivo_sha, archivo_nombre, registrado, usuario_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          uuidv7(), t.id, input.respuesta.numeroOficio, input.respuesta.fecha, input.respuesta.resumen, archivo?.sha256 ?? null, listo?.nombre ?? null, ahora, ctx.actor?.id ?? null,
        );
        partes.push(`respuesta${input.respuesta.numeroOficio ? ` oficio ${input.respuesta.numeroOficio}` : ''}`);
      }
      if (input.notas !== undefined && input.notas !== t.notas) partes.push('notas');
      recalcular(ctx, a.id);
      evento(ctx, a.id, input.respuesta ? 'respuesta' : 'turno_actualizado', `Turno a ${dep}: ${partes.join('; ') || 'sin cambios'}`, {
        turnoId: t.id,
        estatus: { antes: t.estatus, despues: input.estatus },
        respuesta: input.respuesta ? { ...input.respuesta, anexo: listo?.nombre ?? null } : null,
      }, real.ocurrio ?? (input.respuesta && input.respuesta.fecha !== fechaEnZona(ahora, zona(ctx)) ? input.respuesta.fecha : null));
      ctx.bitacora({
        entidad: 'turnos',
        entidadId: t.id,
        antes: { estatus: t.estatus, notas: t.notas },
        despues: { estatus: input.estatus, notas: input.notas ?? t.notas, respuesta: input.respuesta ? { ...input.respuesta, anexo: archivo?.sha256 ?? null } : null },
      });
      return detalle(ctx, a.id);
    });
  }),

  'correspondencia.turnos.prorrogar': (ctx, input) => {
    const t = turnoSql(ctx, input.id);
    if (t.version !== input.version) throw conflicto('el turno');
    const a = asuntoSql(ctx, t.asunto_id);
    abierto(a, 'prorrogar sus turnos');
    devueltoNo(t, 'prorrogar');
    if (!t.requiere_atencion) throw new AppError('VALIDACION', 'Un turno para conocimiento no tiene plazo que prorrogar.');
    if (t.estatus === 'atendido') throw new AppError('VALIDACION', 'El turno ya está atendido: no necesita prórroga.');
    if (t.fecha_limite && input.fechaLimite <= t.fecha_limite) {
      throw vErr('fechaLimite', `La nueva fecha límite debe ser posterior a la actual (${t.fecha_limite}).`);
    }
    const ahora = ctx.ahora();
    st(ctx, 'update turnos set fecha_limite = ?, prorrogas = prorrogas + 1, version = version + 1, actualizado = ? where id = ?').run(input.fechaLimite, ahora, t.id);
    st(ctx, 'insert into turnos_historial (id, turno_id, tipo, motivo, plazo_anterior, plazo_nuevo, estatus_anterior, momento, usuario_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      uuidv7(), t.id, 'prorroga', input.motivo, t.fecha_limite, input.fechaLimite, t.estatus, ahora, ctx.actor?.id ?? null,
    );
    recalcular(ctx, a.id);
    evento(ctx, a.id, 'prorroga', `Prórroga del turno a ${nombreDependencia(ctx, t.dependencia_id)}: ${t.fecha_limite ? fechaCorta(t.fecha_limite) : 'sin plazo'} → ${fechaCorta(input.fechaLimite)}. Motivo: ${input.motivo}`, {
      turnoId: t.id, plazoAnterior: t.fecha_limite, plazoNuevo: input.fechaLimite, motivo: input.motivo,
    });
    ctx.bitacora({ entidad: 'turnos', entidadId: t.id, antes: { fechaLimite: t.fecha_limite }, despues: { fechaLimite: input.fechaLimite, motivo: input.motivo } });
    return detalle(ctx, a.id);
  },

  'correspondencia.turnos.reabrir': (ctx, input) => {
    const t = turnoSql(ctx, input.id);
    if (t.version !== input.version) throw conflicto('el turno');
    const a = asuntoSql(ctx, t.asunto_id);
    abierto(a, 'reabrir sus turnos');
    if (t.estatus !== 'atendido') throw new AppError('VALIDACION', 'Solo se reabre un turno atendido.');
    const ahora = ctx.ahora();
    st(ctx, "update turnos set estatus = 'en_proceso', atendido = null, reaperturas = reaperturas + 1, version = version + 1, actualizado = ? where id = ?").run(ahora, t.id);
    st(ctx, 'insert into turnos_historial (id, turno_id, tipo, motivo, plazo_anterior, plazo_nuevo, estatus_anterior, momento, usuario_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      uuidv7(), t.id, 'reapertura', input.motivo, t.fecha_limite, t.fecha_limite, t.estatus, ahora, ctx.actor?.id ?? null,
    );
    recalcular(ctx, a.id);
    evento(ctx, a.id, 'reapertura', `Se reabrió el turno a ${nombreDependencia(ctx, t.dependencia_id)}. Motivo: ${input.motivo}`, { turnoId: t.id, motivo: input.motivo });
    ctx.bitacora({ entidad: 'turnos', entidadId: t.id, antes: { estatus: t.estatus }, despues: { estatus: 'en_proceso', motivo: input.motivo } });
    return detalle(ctx, a.id);
  },
} satisfies Partial<Handlers>;
