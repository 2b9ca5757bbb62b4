/**
 * Importar asuntos históricos con sus turnos: one row per turno, rows sharing a folio are one asunto.
 * The folio is kept and recognized against the series templates; counters move past it; gaps are
 * reported, never filled; a folio that already exists with other content is an error.
 */
import type { ParsedInput } from '../../../../contract';
import { ETIQUETAS as ETQ } from '../../../../contract/correspondencia';
import { inicioDeFecha } from '../../../tiempo';
import {
  agregarTurnosHistoricos, asuntoPorFolio, avanzarContador, moldesDeSeries, numerosUsados, plazoPorDefecto, reconocerFolio, registrarHistorico,
  type AsuntoHistorico, type TurnoHistorico,
} from '../../correspondencia/exports';
import type { DefinicionTipo, FilaDatos, ResultadoRegistro } from '../definicion';
import { ESTATAL, catalogoDependencias, catalogoInstrucciones, catalogoMunicipios, nombres, porContrato } from '../catalogos';
import { leerFecha, leerHora, leerOpcion, palabras, textoDe, vacia } from '../valores';
import { hoyOficina } from './compromisos';

const ESTATUS_TURNO = { pendiente: 'Pendiente', en_proceso: 'En proceso', atendido: 'Atendido' } as const;
const SINONIMOS_TURNO: Record<string, keyof typeof ESTATUS_TURNO> = { 'no atendido': 'pendiente', 'sin atender': 'pendiente', concluido: 'atendido', contestado: 'atendido', respondido: 'atendido', 'en tramite': 'en_proceso' };

/** «1034, 1036–1040» for the gaps report (at most `max` ranges). */
function rangos(numeros: number[], max = 15): string {
  const partes: string[] = [];
  for (let i = 0; i < numeros.length && partes.length < max; ) {
    let j = i;
    while (j + 1 < numeros.length && numeros[j + 1] === numeros[j] + 1) j++;
    partes.push(i === j ? `${numeros[i]}` : `${numeros[i]}–${numeros[j]}`);
    i = j + 1;
  }
  return partes.join(', ') + (partes.length === max ? '…' : '');
}

export const asuntos: DefinicionTipo = {
  tipo: 'asuntos',
  nombre: 'Asuntos históricos con sus turnos',
  roles: ['capturista', 'administrador'],
  columnas: [
    { campo: 'folio', titulo: 'Folio', requerida: true, alias: ['No de folio', 'Folio de control'], ayuda: 'Folio original, como lo da su serie (03.01-1034/21, NJ 03.01-201). Varias filas con el mismo folio son varios turnos del mismo asunto.', ejemplo: '03.01-1034/21' },
    { campo: 'fechaRecepcion', titulo: 'Fecha de recepción', requerida: true, alias: ['Fecha recepción', 'Recibido', 'Fecha de recibido'], ayuda: 'Fecha (y hora, si la celda la trae) en que se recibió.', ejemplo: new Date(Date.UTC(2021, 9, 1, 10, 30)) },
    { campo: 'hora', titulo: 'Hora de recepción', alias: ['Hora'], ayuda: 'HH:MM (opcional; 09:00 si se omite).', ejemplo: '10:30' },
    { campo: 'remitente', titulo: 'Remitente', requerida: true, alias: ['Nombre del remitente', 'Remite'], ayuda: 'Nombre de quien envía.', ejemplo: 'María José Peña Álvarez' },
    { campo: 'cargo', titulo: 'Cargo del remitente', alias: ['Cargo'], ayuda: 'Cargo (opcional).', ejemplo: 'Presidenta Municipal' },
    { campo: 'organizacion', titulo: 'Dependencia u organización', alias: ['Organización', 'Procedencia', 'Institución'], ayuda: 'Dependencia u organización del remitente (opcional).', ejemplo: 'Ayuntamiento de Cajeme' },
    { campo: 'municipio', titulo: 'Municipio', catalogo: true, ayuda: 'Municipio del remitente (opcional).', ejemplo: 'Cajeme', lista: (ctx) => nombres(catalogoMunicipios(ctx, false)) },
    { campo: 'asunto', titulo: 'Asunto', requerida: true, alias: ['Descripción', 'Síntesis', 'Extracto'], ayuda: 'Resumen del documento (máximo 4,000 caracteres).', ejemplo: 'Solicita apoyo para rehabilitar el camino rural a Pueblo Yaqui' },
    { campo: 'tipo', titulo: 'Tipo de documento', alias: ['Tipo'], ayuda: `${Object.values(ETQ.tipo).join(', ')} (Oficio si se omite).`, ejemplo: 'Oficio', lista: () => Object.values(ETQ.tipo) },
    { campo: 'medio', titulo: 'Medio de recepción', alias: ['Medio'], ayuda: `${Object.values(ETQ.medio).join(', ')} (Ventanilla si se omite).`, ejemplo: 'Ventanilla', lista: () => Object.values(ETQ.medio) },
    { campo: 'destinatario', titulo: 'Destinatario', alias: ['Dirigido a'], ayuda: 'Titular del Ejecutivo o Jefe de Oficina (Titular si se omite).', ejemplo: 'Titular del Ejecutivo', lista: () => Object.values(ETQ.destinatario) },
    { campo: 'prioridad', titulo: 'Prioridad', ayuda: 'Normal o Urgente (Normal si se omite).', ejemplo: 'Normal', lista: () => Object.values(ETQ.prioridad) },
    { campo: 'oficioNumero', titulo: 'Número de oficio', alias: ['No de oficio', 'Oficio'], ayuda: 'Número del documento del remitente (opcional).', ejemplo: 'PM/0457/2021' },
    { campo: 'oficioFecha', titulo: 'Fecha del oficio', ayuda: 'Fecha del documento del remitente (opcional).', ejemplo: new Date(Date.UTC(2021, 8, 29)) },
    { campo: 'observaciones', titulo: 'Observaciones', ayuda: 'Notas (opcional).', ejemplo: '' },
    { campo: 'turnadoA', titulo: 'Turnado a', catalogo: true, alias: ['Turnado', 'Dependencia', 'Turnar a'], ayuda: 'Dependencia a la que se turnó (vacío: asunto sin turno).', ejemplo: 'SIDUR', lista: (ctx) => nombres(catalogoDependencias(ctx)) },
    { campo: 'instruccion', titulo: 'Instrucción', catalogo: true, ayuda: 'Instrucción del turno («Para su atención y respuesta» si se omite).', ejemplo: 'Para su atención y respuesta', lista: (ctx) => nombres(catalogoInstrucciones(ctx)) },
    { campo: 'fechaTurno', titulo: 'Fecha de turno', alias: ['Fecha turno', 'Turnado el'], ayuda: 'Fecha en que se turnó (no anterior a la recepción; si se omite, la de recepción).', ejemplo: new Date(Date.UTC(2021, 9, 2)) },
    { campo: 'fechaLimite', titulo: 'Fecha límite', alias: ['Plazo', 'Fecha de vencimiento'], ayuda: 'Plazo del turno (si se omite: fecha de turno + días hábiles de la instrucción).', ejemplo: new Date(Date.UTC(2021, 9, 18)) },
    { campo: 'estatusTurno', titulo: 'Estatus del turno', alias: ['Estatus', 'Situación'], ayuda: 'Pendiente, En proceso o Atendido (si se omite: Atendido con respuesta, si no Pendiente).', ejemplo: 'Atendido', lista: () => Object.values(ESTATUS_TURNO) },
    { campo: 'fechaRespuesta', titulo: 'Fecha de respuesta', ayuda: 'Fecha de la respuesta de la dependencia (opcional).', ejemplo: new Date(Date.UTC(2021, 9, 15)) },
    { campo: 'oficioRespuesta', titulo: 'Oficio de respuesta', ayuda: 'Número de oficio de la respuesta (opcional).', ejemplo: 'SIDUR/1234/2021' },
    { campo: 'respuesta', titulo: 'Respuesta', alias: ['Resumen de la respuesta'], ayuda: 'Resumen de la respuesta (opcional).', ejemplo: 'Se programó la obra' },
  ],
  planear(ctx, filas, r) {
    const zona = ctx.ajustes().zonaHoraria;
    const moldes = moldesDeSeries(ctx);
    const deps = catalogoDependencias(ctx);
    const munis = catalogoMunicipios(ctx, false);
    const instrs = catalogoInstrucciones(ctx);
    const infoInstr = new Map((ctx.sqlite.prepare('select id, clave, requiere_atencion, dias_habiles from instrucciones_turno').all() as { id: string; clave: string; requiere_atencion: number; dias_habiles: number }[]).map((i) => [i.id, i]));
    const porDefecto = [...infoInstr.values()].find((i) => i.clave === 'ATENCION')?.id ?? [...infoInstr.values()].find((i) => i.requiere_atencion)?.id;
    const cal = ctx.calendario();
    const hoy = hoyOficina(ctx);
    const grupos = new Map<string, FilaDatos[]>();
    for (const f of filas) {
      const k = textoDe(f.v.folio).replace(/\s+/g, ' ').toUpperCase();
      (grupos.get(k) ?? grupos.set(k, []).get(k)!).push(f);
    }
    const registros: ResultadoRegistro[] = [];
    const importados = new Map<string, { serieId: string; anio: number; etiqueta: string; numeros: number[] }>();

    for (const [folioTexto, grupo] of grupos) {
      const f = grupo[0];
      const n = r.errores.length;
      const filasGrupo = grupo.map((g) => g.fila);
      const fechaRecepcion = r.leer(f, 'fechaRecepcion', leerFecha);
      if (fechaRecepcion && fechaRecepcion > hoy) r.error(f.fila, 'fechaRecepcion', 'La fecha de recepción está en el futuro.', f.v.fechaRecepcion);
      const hora = leerHora(f.v.hora) ?? leerHora(f.v.fechaRecepcion) ?? '09:00';
      const folio = folioTexto && fechaRecepcion ? reconocerFolio(moldes, folioTexto, Number(fechaRecepcion.slice(0, 4))) : null;
      if (!folioTexto) r.error(f.fila, 'folio', 'Falta el folio.');
      else if (fechaRecepcion && !folio) r.error(f.fila, 'folio', `«${folioTexto.slice(0, 40)}» no corresponde a ninguna serie de folios (${moldes.map((m) => m.plantilla).join(', ')}).`, f.v.folio);
      if (folio && fechaRecepcion && folio.anio !== Number(fechaRecepcion.slice(0, 4))) {
        r.aviso(f.fila, 'folio', `El folio es de ${folio.anio} y la recepción de ${fechaRecepcion.slice(0, 4)}.`);
      }
      const muni = vacia(f.v.municipio) ? null : r.catalogo(f, 'municipio', munis);
      const opcion = <T extends string>(campo: string, etiquetas: Record<T, string>, def: T): T => (vacia(f.v[campo]) ? def : (r.leer(f, campo, (c) => leerOpcion(c, etiquetas)) ?? def));
      const datos = {
        fechaRecepcion: fechaRecepcion ?? '2000-01-01', horaRecepcion: hora,
        medio: opcion('medio', ETQ.medio, 'ventanilla'), destinatario: opcion('destinatario', ETQ.destinatario, 'titular'),
        tipo: opcion('tipo', ETQ.tipo, 'oficio'), prioridad: opcion('prioridad', ETQ.prioridad, 'normal'),
        remitenteNombre: textoDe(f.v.remitente), remitenteCargo: textoDe(f.v.cargo), remitenteOrganizacion: textoDe(f.v.organizacion),
        municipioClave: muni === ESTATAL ? null : (muni ?? null), oficioNumero: textoDe(f.v.oficioNumero),
        oficioFecha: vacia(f.v.oficioFecha) ? null : (r.leer(f, 'oficioFecha', leerFecha) ?? null),
        asunto: textoDe(f.v.asunto), observaciones: textoDe(f.v.observaciones),
      };
      const columnaDe = { remitenteNombre: 'remitente', remitenteCargo: 'cargo', remitenteOrganizacion: 'organizacion', oficioNumero: 'oficioNumero', asunto: 'asunto', observaciones: 'observaciones' };
      const input = porContrato(r, f, 'correspondencia.registrar', datos, columnaDe) as ParsedInput<'correspondencia.registrar'> | undefined;

      const turnos: TurnoHistorico[] = [];
      for (const g of grupo) {
        if (g !== f && !vacia(g.v.asunto) && palabras(textoDe(g.v.asunto)) !== palabras(datos.asunto)) {
          r.aviso(g.fila, 'asunto', `Esta fila repite el folio de la fila ${f.fila} con otro texto de asunto; se toma el de la fila ${f.fila}.`);
        }
        if (vacia(g.v.turnadoA)) continue;
        const dependenciaId = r.catalogo(g, 'turnadoA', deps);
        const instruccionId = vacia(g.v.instruccion) ? porDefecto : r.catalogo(g, 'instruccion', instrs);
        let fechaTurno = vacia(g.v.fechaTurno) ? fechaRecepcion : r.leer(g, 'fechaTurno', leerFecha);
        if (vacia(g.v.fechaTurno) && fechaRecepcion) r.aviso(g.fila, 'fechaTurno', 'Sin fecha de turno: se toma la de recepción.');
        if (fechaTurno && fechaRecepcion && fechaTurno < fechaRecepcion) {
          r.error(g.fila, 'fechaTurno', `La fecha de turno es anterior a la recepción (${fechaRecepcion}).`, g.v.fechaTurno);
          fechaTurno = undefined;
        }
        if (fechaTurno && fechaTurno > hoy) r.error(g.fila, 'fechaTurno', 'La fecha de turno está en el futuro.', g.v.fechaTurno);
        const fechaRespuesta = vacia(g.v.fechaRespuesta) ? null : (r.leer(g, 'fechaRespuesta', leerFecha) ?? null);
        if (fechaRespuesta && fechaTurno && fechaRespuesta < fechaTurno) r.error(g.fila, 'fechaRespuesta', 'La respuesta es anterior al turno.', g.v.fechaRespuesta);
        if (fechaRespuesta && fechaRespuesta > hoy) r.error(g.fila, 'fechaRespuesta', 'La fecha de respuesta está en el futuro.', g.v.fechaRespuesta);
        const hayRespuesta = !!fechaRespuesta || !vacia(g.v.oficioRespuesta) || !vacia(g.v.respuesta);
        const estatus = vacia(g.v.estatusTurno) ? (hayRespuesta ? 'atendido' : 'pendiente') : r.leer(g, 'estatusTurno', (c) => leerOpcion(c, ESTATUS_TURNO, SINONIMOS_TURNO));
        if (hayRespuesta && !fechaRespuesta) r.error(g.fila, 'fechaRespuesta', 'Hay respuesta sin fecha de respuesta.');
        if (!dependenciaId || !instruccionId || !fechaTurno || !estatus) continue;
        const instr = infoInstr.get(instruccionId)!;
        const fechaLimite = vacia(g.v.fechaLimite)
          ? plazoPorDefecto(cal, fechaTurno, { requiereAtencion: !!instr.requiere_atencion, diasHabiles: instr.dias_habiles })
          : (r.leer(g, 'fechaLimite', leerFecha) ?? null);
        if (fechaLimite && fechaLimite < fechaTurno) r.error(g.fila, 'fechaLimite', 'La fecha límite es anterior a la fecha de turno.', g.v.fechaLimite);
        if (turnos.some((t) => t.dependenciaId === dependenciaId && t.fechaTurno === fechaTurno)) {
          r.error(g.fila, 'turnadoA', 'Este turno (misma dependencia y fecha) se repite en el archivo.', g.v.turnadoA);
        }
        turnos.push({
          dependenciaId, instruccionId, requiereAtencion: !!instr.requiere_atencion, fechaTurno, fechaLimite, estatus,
          respuesta: fechaRespuesta ? { fecha: fechaRespuesta, numeroOficio: textoDe(g.v.oficioRespuesta).slice(0, 100), resumen: textoDe(g.v.respuesta).slice(0, 4000) } : null,
        });
      }

      const clave = folio?.folio ?? folioTexto;
      if (!input || !folio || !fechaRecepcion || r.errores.length > n) {
        registros.push({ filas: filasGrupo, clave, estado: 'error', cambios: [] });
        continue;
      }
      const llaveSerie = `${folio.serieId}|${folio.anio}`;
      const imp = importados.get(llaveSerie) ?? importados.set(llaveSerie, { serieId: folio.serieId, anio: folio.anio, etiqueta: folio.serieClave, numeros: [] }).get(llaveSerie)!;
      imp.numeros.push(folio.numero);
      const existente = asuntoPorFolio(ctx, folio.serieId, folio.anio, folio.numero);
      if (existente) {
        const mismo = existente.fecha_recepcion === fechaRecepcion && palabras(existente.remitente_nombre) === palabras(input.remitenteNombre) && palabras(existente.asunto) === palabras(input.asunto);
        if (!mismo) {
          r.error(f.fila, 'folio', `El folio ${existente.folio} ya existe con otro contenido (recibido ${existente.fecha_recepcion}, «${existente.asunto.slice(0, 60)}»); no se sobrescribe.`, f.v.folio);
          registros.push({ filas: filasGrupo, clave, estado: 'error', cambios: [] });
          continue;
        }
        const nuevos = turnos.filter((t) => !existente.turnos.some((e) => e.dependencia_id === t.dependenciaId && e.fecha_turno === t.fechaTurno));
        registros.push({
          filas: filasGrupo, clave, estado: nuevos.length ? 'actualizada' : 'sin_cambio',
          cambios: nuevos.length ? [{ campo: 'Turnos', antes: String(existente.turnos.length), despues: String(existente.turnos.length + nuevos.length) }] : [],
          aplicar: nuevos.length ? () => agregarTurnosHistoricos(ctx, existente.id, nuevos, r.archivo) : undefined,
        });
        continue;
      }
      const [h, m] = hora.split(':').map(Number);
      const historico: AsuntoHistorico = {
        folio, recibido: inicioDeFecha(fechaRecepcion, zona) + h * 3_600_000 + m * 60_000, fechaRecepcion,
        medio: input.medio, destinatario: input.destinatario, tipo: input.tipo, prioridad: input.prioridad,
        remitenteNombre: input.remitenteNombre, remitenteCargo: input.remitenteCargo, remitenteOrganizacion: input.remitenteOrganizacion,
        municipioClave: input.municipioClave, oficioNumero: input.oficioNumero, oficioFecha: input.oficioFecha, asunto: input.asunto,
        observaciones: input.observaciones, turnos,
      };
      registros.push({ filas: filasGrupo, clave, estado: 'nueva', cambios: [], aplicar: () => void registrarHistorico(ctx, historico, r.archivo) });
    }

    // Gaps inside the imported numbering (with what already exists): reported, never filled or invented.
    const notas: string[] = [];
    for (const imp of importados.values()) {
      const usados = new Set([...numerosUsados(ctx, imp.serieId, imp.anio), ...imp.numeros]);
      const min = Math.min(...imp.numeros);
      const max = Math.max(...usados);
      const faltan: number[] = [];
      for (let i = min; i <= max; i++) if (!usados.has(i)) faltan.push(i);
      if (faltan.length) {
        notas.push(`Serie ${imp.etiqueta}, ${imp.anio}: faltan ${faltan.length.toLocaleString('es-MX')} números entre ${min} y ${max} (${rangos(faltan)}). Se informan; no se rellenan ni se inventan.`);
      }
    }
    const contadores = [...importados.values()];
    return {
      registros,
      notas,
      // The counter of each series-year moves past the highest imported number.
      despues: () => contadores.forEach((c) => avanzarContador(ctx, c.serieId, c.anio, Math.max(...c.numeros))),
    };
  },
};
