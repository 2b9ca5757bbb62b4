/**
 * Correspondencia › devolución y reasignación (DOMAIN §1): a dependencia returns a turno as outside its
 * competence; the clerk reassigns the asunto with a new turno linked to the returned one. History is kept:
 * the returned turno stays, `devuelto`, out of the semáforo counts.
 */
import { v7 as uuidv7 } from 'uuid';
import { AppError, conflicto, noEncontrado } from '../../errors';
import { actorDe, type Handlers } from '../../contexto';
import { fechaCorta, fechaEnZona } from '../../tiempo';
import { plazoPorDefecto } from './reglas';
import { st } from './datos';
import { abierto, asuntoSql, evento, recalcular, vErr, zona } from './comun';
import { nombreDependencia, turnoSql } from './turnos';
import { detalle } from './bandeja';

export const devolucionesHandlers = {
  'correspondencia.turnos.devolver': (ctx, input) => {
    const t = turnoSql(ctx, input.id);
    if (t.version !== input.version) throw conflicto('el turno');
    const a = asuntoSql(ctx, t.asunto_id);
    abierto(a, 'registrar devoluciones');
    if (t.estatus === 'atendido') throw new AppError('VALIDACION', 'El turno ya está atendido: no se puede registrar su devolución.');
    if (t.estatus === 'devuelto') throw new AppError('VALIDACION', 'El turno ya fue devuelto.');
    const hoy = fechaEnZona(ctx.ahora(), zona(ctx));
    if (input.fecha > hoy) throw vErr('fecha', 'La fecha de devolución no puede ser posterior a hoy.');
    if (input.fecha < t.fecha_turno) throw vErr('fecha', `La fecha de devolución no puede ser anterior a la fecha de turno (${t.fecha_turno}).`);
    const ahora = ctx.ahora();
    st(ctx, "update turnos set estatus = 'devuelto', devolucion_fecha = ?, devolucion_motivo = ?, version = version + 1, actualizado = ? where id = ?").run(
      input.fecha, input.motivo, ahora, t.id,
    );
    recalcular(ctx, a.id);
    const dep = nombreDependencia(ctx, t.dependencia_id);
    evento(ctx, a.id, 'devolucion', `${dep} devolvió el turno el ${fechaCorta(input.fecha)}. Motivo: ${input.motivo}`, { turnoId: t.id, fecha: input.fecha, motivo: input.motivo });
    ctx.bitacora({ entidad: 'turnos', entidadId: t.id, antes: { estatus: t.estatus }, despues: { estatus: 'devuelto', fecha: input.fecha, motivo: input.motivo } });
    return detalle(ctx, a.id);
  },

  'correspondencia.turnos.reasignar': (ctx, input) => {
    const actor = actorDe(ctx);
    const t = turnoSql(ctx, input.id);
    if (t.version !== input.version) throw conflicto('el turno');
    const a = asuntoSql(ctx, t.asunto_id);
    abierto(a, 'reasignar sus turnos');
    if (t.estatus === 'atendido') throw new AppError('VALIDACION', 'El turno ya está atendido: no se puede reasignar.');
    if (t.estatus !== 'devuelto') throw new AppError('VALIDACION', 'Solo se reasigna un turno devuelto: registre primero la devolución con su motivo.');
    if (st(ctx, 'select 1 from turnos where reasignado_de = ?').get(t.id)) throw new AppError('DUPLICADO', 'Este turno devuelto ya se reasignó.');
    if (input.dependenciaId === t.dependencia_id) throw vErr('dependenciaId', 'Elija otra dependencia: esta fue la que devolvió el turno.');
    const d = st(ctx, 'select nombre, siglas, activa from dependencias where id = ?').get(input.dependenciaId) as { nombre: string; siglas: string; activa: number } | undefined;
    if (!d) throw noEncontrado('la dependencia');
    if (!d.activa) throw vErr('dependenciaId', `La dependencia «${d.nombre}» está inactiva: no se le pueden turnar asuntos.`);
    if (st(ctx, "select 1 from turnos where asunto_id = ? and dependencia_id = ? and estatus in ('pendiente', 'en_proceso')").get(a.id, input.dependenciaId)) {
      throw new AppError('DUPLICADO', `El asunto ${a.folio} ya está turnado a ${d.siglas || d.nombre} y ese turno sigue abierto.`);
    }
    const instruccionId = input.instruccionId ?? t.instruccion_id;
    const instr = st(ctx, 'select nombre, requiere_atencion, dias_habiles from instrucciones_turno where id = ?').get(instruccionId) as
      | { nombre: string; requiere_atencion: number; dias_habiles: number }
      | undefined;
    if (!instr) throw noEncontrado('la instrucción de turno');
    const ahora = ctx.ahora();
    const fechaTurno = fechaEnZona(ahora, zona(ctx));
    const requiere = !!instr.requiere_atencion;
    // The plazo starts again: the new dependencia has its full días hábiles from today.
    const limite = input.fechaLimite ?? plazoPorDefecto(ctx.calendario(), fechaTurno, { requiereAtencion: requiere, diasHabiles: instr.dias_habiles });
    if (limite && limite < fechaTurno) throw vErr('fechaLimite', 'La fecha límite no puede ser anterior a la fecha de turno.');
    const id = uuidv7();
    st(
      ctx,
      `insert into turnos (id, asunto_id, dependencia_id, instruccion_id, requiere_atencion, turnado, fecha_turno, plazo_original, fecha_limite,
         estatus, notas, turnado_por, reasignado_de, version, creado, actualizado)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pendiente', ?, ?, ?, 0, ?, ?)`,
    ).run(id, a.id, input.dependenciaId, instruccionId, requiere ? 1 : 0, ahora, fechaTurno, limite, limite, input.notas, actor.id, t.id, ahora, ahora);
    recalcular(ctx, a.id);
    const de = nombreDependencia(ctx, t.dependencia_id);
    const a2 = d.siglas || d.nombre;
    evento(ctx, a.id, 'reasignacion', `Reasignado a ${a2} (devuelto por ${de}) — ${instr.nombre}${limite ? `, plazo ${fechaCorta(limite)}` : ''}`, {
      turnoId: id, devueltoId: t.id, dependencia: a2, fechaLimite: limite,
    });
    ctx.bitacora({ entidad: 'turnos', entidadId: id, despues: { asunto: a.folio, dependencia: d.nombre, reasignadoDe: t.id, fechaLimite: limite } });
    return detalle(ctx, a.id);
  },
} satisfies Partial<Handlers>;
