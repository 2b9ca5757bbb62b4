/**
 * Binds contract methods to handlers: who may call, input validation, one transaction per write,
 * and every failure mapped to a Spanish AppError (stack traces stay in the core's log).
 */
import { z } from 'zod';
import { contract, type Method } from '../contract';
import { ROL_ETIQUETA, type Acceso } from '../contract/comun';
import { AppError, isAppError, MENSAJE_BASE_DANADA, type ErrorInfo } from './errors';
import { esEscrituraAsincrona, type Actor, type Contexto, type Handlers } from './contexto';
import { ESCRITURAS_SIN_CLAVE, huellaDeLlamada, validarClave, type ClavesIdempotencia } from './idempotencia';
import type { OpcionesLlamada, Resultado } from './tipos';

export interface Autenticador {
  /** Resolves the session to its actor, or throws NO_AUTENTICADO / SESION_BLOQUEADA. */
  actorDe(sesion: string | null, acceso: Acceso, metodo: string): Actor | null;
  /** Marks activity so the idle lock counts from now. */
  tocar(sesion: string | null): void;
}

export interface RouterDeps {
  handlers: Handlers;
  autenticador: Autenticador;
  contexto(actor: Actor | null, metodo: string, sesion: string | null): Contexto;
  claves: ClavesIdempotencia;
  ahora(): number;
  validarSalida: boolean;
  log(e: unknown, metodo: string): void;
}

function campo(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

const es = z.locales.es();

/** Spanish names of the input fields a person fills; the error map says these, never the key. */
const ETIQUETAS: Readonly<Record<string, string>> = {
  acuerdo: 'Acuerdo', alcanzado: 'Alcanzado', anexo: 'Anexo', anio: 'Año', asistencia: 'Asistencia', asunto: 'Asunto',
  avance: 'Avance', bloqueoMinutos: 'Minutos de bloqueo', cargo: 'Cargo', clave: 'Clave', comentario: 'Comentario',
  compromiso: 'Compromiso', contenido: 'Contenido', contrasena: 'Contraseña', correo: 'Correo', dependencia: 'Dependencia',
  dependencias: 'Dependencias', descripcion: 'Descripción', desde: 'Desde', destinatario: 'Destinatario',
  diasHabiles: 'Días hábiles', eje: 'Eje', estatus: 'Estatus', estrategia: 'Estrategia', evidencia: 'Evidencia',
  fecha: 'Fecha', fechaCompromiso: 'Fecha compromiso', fechaDesde: 'Fecha desde', fechaEstimada: 'Fecha estimada',
  fechaHasta: 'Fecha hasta', fechaLimite: 'Fecha límite', fechaRecepcion: 'Fecha de recepción', funcionario: 'Funcionario',
  hasta: 'Hasta', hora: 'Hora', horaRecepcion: 'Hora de recepción', instruccion: 'Instrucción', medio: 'Medio',
  meta: 'Meta', motivo: 'Motivo', municipio: 'Municipio', municipioClave: 'Municipio', nombre: 'Nombre', nota: 'Nota',
  notas: 'Notas', numero: 'Número', numeracion: 'Numeración', numeroOficio: 'Número de oficio', objetivo: 'Objetivo',
  observaciones: 'Observaciones', oficioFecha: 'Fecha del oficio', oficioNumero: 'Número del oficio', ordinal: 'Ordinal',
  periodicidad: 'Periodicidad', periodo: 'Periodo', plantilla: 'Plantilla', plazo: 'Plazo', presentador: 'Presenta',
  prioridad: 'Prioridad', programado: 'Programado', remitente: 'Remitente', remitenteCargo: 'Cargo del remitente',
  remitenteNombre: 'Remitente', remitenteOrganizacion: 'Organización del remitente', representante: 'Representante',
  respuesta: 'Respuesta', resumen: 'Resumen', reunion: 'Reunión', rol: 'Rol', sede: 'Sede', serie: 'Serie',
  serieDocumental: 'Serie documental', siglas: 'Siglas', siguiente: 'Siguiente número', telefono: 'Teléfono',
  tema: 'Tema', texto: 'Texto', tipo: 'Tipo', titular: 'Titular', titulo: 'Título', trimestre: 'Trimestre',
  unidad: 'Unidad administrativa', unidadMedida: 'Unidad de medida', usuario: 'Usuario', valor: 'Valor',
};

/** The Spanish label of the field an issue is about, or null when the field is internal (version, ids of rows…). */
export function etiquetaCampo(path: readonly PropertyKey[]): string | null {
  const clave = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (!clave) return null;
  return ETIQUETAS[clave] ?? (clave.endsWith('Id') ? (ETIQUETAS[clave.slice(0, -2)] ?? null) : null);
}

/**
 * Zod's own Spanish messages don't name the field; our schema messages already do. This error map
 * runs only where the schema gave no message of its own: it names the field in Spanish, and for
 * internal fields (which a person never typed) it says what to do instead of showing a key.
 */
const nombrarCampo: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'unrecognized_keys') return 'La pantalla envió datos que esta operación no admite; recárguela e intente de nuevo.';
  const m = es.localeError(iss);
  const texto = typeof m === 'string' ? m : (m?.message ?? 'Dato inválido');
  if (!iss.path?.length) return texto;
  const etiqueta = etiquetaCampo(iss.path);
  return etiqueta
    ? `${etiqueta}: ${texto.charAt(0).toLowerCase()}${texto.slice(1)}`
    : 'Los datos de la pantalla están incompletos o desactualizados; recárguela e intente de nuevo.';
};

export function validar<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw, { error: nombrarCampo });
  if (r.success) return r.data;
  const detalles = r.error.issues.map((i) => ({ campo: campo(i.path), mensaje: i.message }));
  throw new AppError('VALIDACION', detalles[0].mensaje, detalles);
}

function autorizado(acceso: Acceso, actor: Actor | null): boolean {
  if (acceso === 'publico') return true;
  if (!actor) return false;
  if (acceso === 'autenticado' || acceso === 'sesion') return true;
  return acceso.includes(actor.rol);
}

/** Turns anything thrown into what the user may read. */
export function aError(e: unknown, log: (e: unknown) => void): ErrorInfo {
  if (isAppError(e)) return e.toJSON();
  const code = (e as { code?: string })?.code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'DUPLICADO', message: 'Ya existe un registro con esos datos; no se guardó nada.' };
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { code: 'EN_USO', message: 'El registro está relacionado con otros datos; no se modificó nada.' };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'BASE_DE_DATOS', message: 'La base de datos está ocupada por otro proceso. Intente de nuevo en unos segundos.' };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_IOERR')) {
    log(e);
    return { code: 'BASE_DE_DATOS', message: MENSAJE_BASE_DANADA };
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return { code: 'BASE_DE_DATOS', message: 'El disco está lleno: no se guardó nada. Libere espacio e intente de nuevo.' };
  }
  log(e);
  return { code: 'INTERNO', message: 'Ocurrió un error inesperado; no se guardó nada. Si se repite, avise al administrador.' };
}

/**
 * Every write is `escritura` in the contract (so it honours the Idempotency-Key); one that awaits before
 * writing is also marked `escrituraAsincrona` and does its writing in one `ctx.transaccion`. Checked at start.
 */
export function comprobarEscrituras(handlers: Handlers): void {
  for (const [m, h] of Object.entries(handlers)) {
    if (esEscrituraAsincrona(h) && !contract[m as Method].escritura) throw new Error(`${m}: escritura asíncrona sin «escritura: true» en el contrato`);
  }
}

/** A non-`escritura` method may not write, unless it is one of the few listed in ESCRITURAS_SIN_CLAVE. */
function sinEscribir(ctx: Contexto, metodo: string): Contexto {
  if (Object.hasOwn(ESCRITURAS_SIN_CLAVE, metodo)) return ctx;
  return {
    ...ctx,
    transaccion: () => {
      throw new Error(`${metodo}: escribe sin «escritura: true» en el contrato (no respetaría la clave de idempotencia)`);
    },
  };
}

export function createRouter(deps: RouterDeps) {
  comprobarEscrituras(deps.handlers);
  /**
   * A write's transaction with its Idempotency-Key: looked up first (cheap, no hashing or writing), then
   * again inside the IMMEDIATE transaction, so two requests with the same key at the same moment write once.
   */
  function escrituraIdempotente(ctx: Contexto, actor: Actor | null, metodo: string, rawInput: unknown, clave: string | null) {
    if (clave === null) return { previo: undefined, transaccion: ctx.transaccion };
    validarClave(clave);
    const usuario = actor?.id ?? '';
    const huella = huellaDeLlamada(metodo, rawInput);
    return {
      previo: deps.claves.buscar(usuario, clave, huella, deps.ahora()),
      transaccion: <T>(fn: () => T): T =>
        ctx.transaccion(() => {
          const previo = deps.claves.buscar(usuario, clave, huella, deps.ahora());
          if (previo) return previo.resultado as T;
          const r = fn();
          deps.claves.guardar(usuario, clave, metodo, huella, r, deps.ahora());
          return r;
        }),
    };
  }

  return async function call(method: string, rawInput: unknown, opts: OpcionesLlamada = {}): Promise<Resultado> {
    const sesion = opts.sesion ?? null;
    try {
      if (!Object.hasOwn(contract, method)) {
        throw new AppError('METODO_DESCONOCIDO', `La operación «${method.slice(0, 80)}» no existe.`);
      }
      const m = method as Method;
      const def = contract[m];
      const actor = deps.autenticador.actorDe(sesion, def.acceso, m);
      if (!autorizado(def.acceso, actor)) {
        throw new AppError(
          'PROHIBIDO',
          `Su rol (${actor ? ROL_ETIQUETA[actor.rol] : 'sin sesión'}) no permite esta operación.`,
        );
      }
      const input = validar(def.input as z.ZodType, rawInput);

      const ctx = deps.contexto(actor, m, sesion);
      const handler = deps.handlers[m] as (c: Contexto, i: unknown) => unknown;
      let data: unknown;
      if (def.escritura) {
        const escribir = escrituraIdempotente(ctx, actor, m, rawInput, opts.clave ?? null);
        if (escribir.previo) data = escribir.previo.resultado;
        else if (esEscrituraAsincrona(handler)) data = await handler({ ...ctx, transaccion: escribir.transaccion }, input);
        else {
          data = escribir.transaccion(() => {
            const r = handler(ctx, input);
            if (r instanceof Promise) throw new Error(`${m}: un método de escritura debe ser síncrono`);
            return r;
          });
        }
      } else {
        data = await handler(sinEscribir(ctx, m), input);
      }
      if (deps.validarSalida) {
        const out = def.output.safeParse(data);
        if (!out.success) throw new Error(`${m}: salida fuera del contrato: ${out.error.message}`);
        data = out.data;
      }
      deps.autenticador.tocar(sesion);
      return { ok: true, data };
    } catch (e) {
      return { ok: false, error: aError(e, (err) => deps.log(err, method)) };
    }
  };
}
