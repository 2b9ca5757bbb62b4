/**
 * Importar reuniones y acuerdos: one row per acuerdo. A reunión is matched by tipo + fecha + tema, or
 * created through gabinete's own handler in date order (so names and ordinals follow the normal rules);
 * an acuerdo is matched by its reunión and número. Estatus/avance enter as a seguimiento.
 */
import type { ParsedInput } from '../../../../contract';
import { ETIQUETA_ESTATUS_ACUERDO, type ESTATUS_ACUERDO } from '../../../../contract/gabinete/base';
import { gabineteHandlers, registrarSeguimientoAcuerdo } from '../../gabinete/service';
import type { DefinicionTipo, FilaDatos, ResultadoRegistro } from '../definicion';
import { ESTATAL, catalogoDependencias, catalogoMunicipios, catalogoTiposGabinete, nombres, porContrato } from '../catalogos';
import { leerEntero, leerFecha, leerHora, leerOpcion, leerPorcentaje, palabras, textoDe, vacia } from '../valores';
import { hoyOficina } from './compromisos';
import { fechaCorta } from '../../../tiempo';

type Estatus = (typeof ESTATUS_ACUERDO)[number];
const SINONIMOS: Record<string, Estatus> = { cumplido: 'concluido', terminado: 'concluido', 'sin avance': 'por_iniciar', 'sin iniciar': 'por_iniciar', 'en ejecucion': 'en_proceso' };
const ETIQUETAS = { descripcion: 'Descripción', dependenciaId: 'Dependencia responsable', corresponsables: 'Corresponsables', fechaCompromiso: 'Fecha compromiso', estatus: 'Estatus', avance: 'Avance %' };

interface TipoFila { id: string; nombre: string; numeracion: string; plantilla: string }

interface ReunionPlan {
  llave: string;
  tipoId: string;
  tema: string;
  fecha: string;
  hora: string;
  sede: string;
  municipioClave: string | null;
  id: string | null;
  nombre: string;
  cerrada: boolean;
  siguiente: number;
}

export const acuerdos: DefinicionTipo = {
  tipo: 'acuerdos',
  nombre: 'Reuniones y acuerdos',
  roles: ['coordinador', 'administrador'],
  columnas: [
    { campo: 'tipo', titulo: 'Tipo de reunión', requerida: true, catalogo: true, alias: ['Tipo', 'Tipo de gabinete', 'Reunión'], ayuda: 'Gabinete Legal, Legal y Ampliado, Sectorial, Regional, Especializado o Reunión de trabajo.', ejemplo: 'Gabinete Legal', lista: (ctx) => nombres(catalogoTiposGabinete(ctx)) },
    { campo: 'tema', titulo: 'Tema o región', alias: ['Tema', 'Región', 'Tema/Región'], ayuda: 'Con su preposición: «del Mayo», «en Guaymas», «de Salud» (Regional, Sectorial y Especializado).', ejemplo: '' },
    { campo: 'fechaReunion', titulo: 'Fecha de la reunión', requerida: true, alias: ['Fecha reunión', 'Fecha de reunión', 'Fecha de sesión'], ayuda: 'Fecha en que se celebró la reunión.', ejemplo: new Date(Date.UTC(2021, 9, 4)) },
    { campo: 'hora', titulo: 'Hora', alias: ['Hora de la reunión'], ayuda: 'HH:MM (opcional; 10:00 si se omite).', ejemplo: '10:00' },
    { campo: 'sede', titulo: 'Sede', alias: ['Lugar'], ayuda: 'Lugar de la reunión (opcional).', ejemplo: 'Palacio de Gobierno' },
    { campo: 'municipio', titulo: 'Municipio', catalogo: true, ayuda: 'Municipio de la sede (opcional).', ejemplo: 'Hermosillo', lista: (ctx) => nombres(catalogoMunicipios(ctx, false)) },
    { campo: 'numero', titulo: 'Número de acuerdo', requerida: true, alias: ['Número', 'No', 'Acuerdo No', 'Núm'], ayuda: 'Número del acuerdo dentro de la reunión: 1, 2, 3… consecutivos.', ejemplo: 1 },
    { campo: 'descripcion', titulo: 'Descripción', requerida: true, alias: ['Acuerdo', 'Descripción del acuerdo'], ayuda: 'Texto del acuerdo (máximo 4,000 caracteres).', ejemplo: 'Presentar el programa de bacheo en Hermosillo' },
    { campo: 'dependencia', titulo: 'Dependencia responsable', requerida: true, catalogo: true, alias: ['Dependencia', 'Responsable'], ayuda: 'Nombre, siglas o clave de la dependencia responsable.', ejemplo: 'SIDUR', lista: (ctx) => nombres(catalogoDependencias(ctx)) },
    { campo: 'corresponsables', titulo: 'Corresponsables', ayuda: 'Dependencias corresponsables separadas por «;» (opcional).', ejemplo: '' },
    { campo: 'fechaCompromiso', titulo: 'Fecha compromiso', alias: ['Fecha límite', 'Plazo'], ayuda: 'Fecha comprometida (opcional), no anterior a la reunión.', ejemplo: new Date(Date.UTC(2021, 11, 15)) },
    { campo: 'estatus', titulo: 'Estatus', alias: ['Estado'], ayuda: 'Por iniciar, En proceso, Concluido o Cancelado (vacío: según el avance).', ejemplo: 'En proceso', lista: () => Object.values(ETIQUETA_ESTATUS_ACUERDO) },
    { campo: 'avance', titulo: 'Avance %', alias: ['Avance', '% de avance'], ayuda: 'Entero de 0 a 100 («65», «65 %» o celda de porcentaje); 100 significa concluido.', ejemplo: 50 },
  ],
  planear(ctx, filas, r) {
    const deps = catalogoDependencias(ctx);
    const munis = catalogoMunicipios(ctx, false);
    const tipos = catalogoTiposGabinete(ctx);
    const tipoDe = (id: string) => ctx.sqlite.prepare('select id, nombre, numeracion, plantilla from tipos_gabinete where id = ?').get(id) as TipoFila;
    const { 'gabinete.reuniones.crear': crearReunion, 'gabinete.reuniones.marcarCelebrada': marcarCelebrada, 'gabinete.acuerdos.crear': crearAcuerdo, 'gabinete.acuerdos.editar': editarAcuerdo, 'gabinete.acuerdos.obtener': obtener } = gabineteHandlers;
    const hoy = hoyOficina(ctx);
    const reuniones = new Map<string, ReunionPlan>();
    const vistos = new Map<string, number>();
    const registros: (ResultadoRegistro & { orden: string })[] = [];
    const nuevosPor = new Map<string, { numero: number; fila: FilaDatos }[]>();

    const reunionDe = (f: FilaDatos): ReunionPlan | undefined => {
      const tipoId = r.catalogo(f, 'tipo', tipos);
      const fecha = r.leer(f, 'fechaReunion', leerFecha);
      if (!tipoId || !fecha) return undefined;
      if (fecha > hoy) r.error(f.fila, 'fechaReunion', 'La fecha de la reunión está en el futuro; importe solo reuniones celebradas.', f.v.fechaReunion);
      const t = tipoDe(tipoId);
      const conTema = t.plantilla.includes('{tema}') || t.numeracion === 'por_tema';
      const tema = conTema ? textoDe(f.v.tema) : '';
      if (conTema && !tema) r.error(f.fila, 'tema', `Una reunión de tipo «${t.nombre}» necesita su tema o región.`);
      const llave = `${tipoId}|${fecha}|${palabras(tema)}`;
      let p = reuniones.get(llave);
      if (p) return p;
      const existentes = ctx.sqlite.prepare("select id, nombre, tema, estatus from gab_reuniones where tipo_id = ? and fecha = ? and estatus <> 'cancelada'").all(tipoId, fecha) as
        { id: string; nombre: string; tema: string; estatus: string }[];
      const e = existentes.find((x) => palabras(x.tema) === palabras(tema));
      const max = e ? ((ctx.sqlite.prepare('select max(numero) as m from gab_acuerdos where reunion_id = ?').get(e.id) as { m: number | null }).m ?? 0) : 0;
      const muni = vacia(f.v.municipio) ? null : r.catalogo(f, 'municipio', munis);
      p = {
        llave, tipoId, tema, fecha, hora: leerHora(f.v.hora) ?? '10:00', sede: textoDe(f.v.sede), municipioClave: muni === ESTATAL ? null : (muni ?? null),
        id: e?.id ?? null, nombre: e?.nombre ?? `${t.nombre}${tema ? ` ${tema}` : ''} del ${fechaCorta(fecha)}`, cerrada: e?.estatus === 'cerrada', siguiente: max + 1,
      };
      reuniones.set(llave, p);
      return p;
    };

    // Rows in meeting order, so that new meetings take their ordinals chronologically and acuerdos their números in order.
    const preparadas = filas.map((f) => ({ f, reunion: reunionDe(f) }));
    preparadas.sort((a, b) => (a.reunion && b.reunion ? `${a.reunion.fecha} ${a.reunion.hora}`.localeCompare(`${b.reunion.fecha} ${b.reunion.hora}`) : 0));
    const creadas = new Map<string, string>();
    const idReunion = (p: ReunionPlan): string => {
      if (p.id) return p.id;
      let id = creadas.get(p.llave);
      if (!id) {
        id = (crearReunion(ctx, { tipoId: p.tipoId, tema: p.tema, fecha: p.fecha, hora: p.hora, sede: p.sede, municipioClave: p.municipioClave }) as { id: string }).id;
        creadas.set(p.llave, id);
      }
      return id;
    };

    for (const { f, reunion: p } of preparadas) {
      const n = r.errores.length;
      const numero = r.leer(f, 'numero', (c) => leerEntero(c, 'Número de acuerdo'));
      const dependenciaId = r.catalogo(f, 'dependencia', deps);
      const corresponsables: string[] = [];
      for (const parte of textoDe(f.v.corresponsables).split(/[;,\n]/).map((x) => x.trim()).filter(Boolean)) {
        const id = deps.buscar(parte);
        if (id) corresponsables.push(id);
        else r.error(f.fila, 'corresponsables', `«${parte}» no está en el catálogo de dependencias.`, parte, deps.sugerir(parte).map((s) => s.etiqueta));
      }
      const fechaCompromiso = vacia(f.v.fechaCompromiso) ? null : r.leer(f, 'fechaCompromiso', leerFecha);
      if (p && fechaCompromiso && fechaCompromiso < p.fecha) r.error(f.fila, 'fechaCompromiso', `La fecha compromiso es anterior a la reunión (${p.fecha}).`, f.v.fechaCompromiso);
      const avance = vacia(f.v.avance) ? undefined : r.leer(f, 'avance', leerPorcentaje);
      let estatus = vacia(f.v.estatus) ? undefined : r.leer(f, 'estatus', (c) => leerOpcion(c, ETIQUETA_ESTATUS_ACUERDO, SINONIMOS));
      if (estatus === undefined && avance !== undefined) estatus = avance === 100 ? 'concluido' : avance > 0 ? 'en_proceso' : 'por_iniciar';
      if (avance === 100 && estatus !== 'concluido' && estatus !== 'cancelado') r.error(f.fila, 'avance', 'Un avance de 100 % significa «Concluido»; corrija el estatus o el avance.', f.v.avance);
      const datos = { descripcion: textoDe(f.v.descripcion), dependenciaId: dependenciaId ?? '-', corresponsables, fechaCompromiso: fechaCompromiso ?? null, reunionId: 'x' };
      const input = porContrato(r, f, 'gabinete.acuerdos.crear', datos, { dependenciaId: 'dependencia' }) as ParsedInput<'gabinete.acuerdos.crear'> | undefined;
      const clave = `${p?.nombre ?? 'Reunión'} · acuerdo ${numero ?? textoDe(f.v.numero)}`;
      const orden = `${p?.fecha ?? ''} ${p?.hora ?? ''} ${String(numero ?? 0).padStart(5, '0')}`;
      if (p && numero !== undefined) {
        const k = `${p.llave}|${numero}`;
        if (vistos.has(k)) r.error(f.fila, 'numero', `El acuerdo ${numero} de esta reunión se repite en el archivo (fila ${vistos.get(k)}).`, f.v.numero);
        vistos.set(k, f.fila);
      }
      if (!p || !input || numero === undefined || r.errores.length > n) {
        registros.push({ filas: [f.fila], clave, estado: 'error', cambios: [], orden });
        continue;
      }
      const existe = p.id ? (ctx.sqlite.prepare('select id from gab_acuerdos where reunion_id = ? and numero = ?').get(p.id, numero) as { id: string } | undefined) : undefined;
      const seguir = (id: string) => {
        if (estatus === undefined) return;
        const a = obtener(ctx, { id }) as { version: number; estatus: Estatus; avance: number };
        if (a.estatus === estatus && (avance === undefined || avance === a.avance)) return;
        registrarSeguimientoAcuerdo(ctx, { acuerdoId: id, version: a.version, fecha: hoy, nota: `Estatus y avance importados de la base anterior (${r.archivo}).`, estatus, avance });
      };
      if (!existe) {
        (nuevosPor.get(p.llave) ?? nuevosPor.set(p.llave, []).get(p.llave)!).push({ numero, fila: f });
        registros.push({
          filas: [f.fila], clave, estado: 'nueva', cambios: [], orden,
          aplicar: () => {
            const a = crearAcuerdo(ctx, { ...input, reunionId: idReunion(p) }) as { id: string; numero: number };
            if (a.numero !== numero) {
              r.error(f.fila, 'numero', `El acuerdo ${numero} no sigue la numeración de su reunión (le tocaría el ${a.numero}); los números deben ser consecutivos.`, f.v.numero);
              throw new NumeracionRota();
            }
            seguir(a.id);
          },
        });
        continue;
      }
      const antes = obtener(ctx, { id: existe.id }) as { id: string; version: number; descripcion: string; dependenciaId: string; corresponsables: { id: string }[]; fechaCompromiso: string | null; estatus: Estatus; avance: number };
      const antesPlano = { ...antes, corresponsables: antes.corresponsables.map((c) => c.id).sort() };
      const despues = { ...input, corresponsables: [...input.corresponsables].sort(), estatus: estatus ?? antes.estatus, avance: estatus === 'concluido' ? 100 : (avance ?? antes.avance) };
      const c = r.cambios(antesPlano, despues, ETIQUETAS);
      const textoCambia = c.some((x) => x.campo !== 'Estatus' && x.campo !== 'Avance %');
      if (textoCambia && p.cerrada) {
        r.error(f.fila, 'descripcion', `La reunión «${p.nombre}» está cerrada: el texto de sus acuerdos ya no cambia (solo su seguimiento).`);
        registros.push({ filas: [f.fila], clave, estado: 'error', cambios: c, orden });
        continue;
      }
      registros.push({
        filas: [f.fila], clave, estado: c.length ? 'actualizada' : 'sin_cambio', cambios: c, orden,
        aplicar: c.length
          ? () => {
              if (textoCambia) editarAcuerdo(ctx, { id: antes.id, version: antes.version, descripcion: input.descripcion, dependenciaId: input.dependenciaId, corresponsables: input.corresponsables, fechaCompromiso: input.fechaCompromiso });
              seguir(antes.id);
            }
          : undefined,
      });
    }
    // New acuerdos take the next números of their reunión: the file's numbering must be consecutive from there.
    for (const [llave, lista] of nuevosPor) {
      const p = reuniones.get(llave)!;
      lista.sort((a, b) => a.numero - b.numero);
      lista.forEach((x, i) => {
        const esperado = p.siguiente + i;
        if (x.numero === esperado) return;
        r.error(x.fila.fila, 'numero', `El acuerdo ${x.numero} no sigue la numeración de «${p.nombre}»: le tocaría el ${esperado} (los números son consecutivos, sin huecos).`, x.fila.v.numero);
        const reg = registros.find((g) => g.filas[0] === x.fila.fila)!;
        reg.estado = 'error';
        reg.aplicar = undefined;
      });
    }
    registros.sort((a, b) => a.orden.localeCompare(b.orden));
    const nuevas = [...reuniones.values()].filter((p) => !p.id);
    const notas = nuevas.length
      ? [`Se crearán ${nuevas.length} reuniones nuevas como celebradas (ya ocurrieron); sus nombres y ordinales se asignan en orden de fecha. La minuta no se da por emitida: sus acuerdos siguen editables.`]
      : [];
    return {
      registros,
      notas,
      // An imported meeting already happened (its date is not in the future and it has acuerdos): it is «celebrada»,
      // through gabinete's own transition (event + bitácora). Not «cerrada»: no minuta was issued in the app.
      despues: () => {
        for (const id of creadas.values()) {
          const { version } = ctx.sqlite.prepare('select version from gab_reuniones where id = ?').get(id) as { version: number };
          marcarCelebrada(ctx, { id, version });
        }
      },
    };
  },
};

/** A new acuerdo got a different número than the file says: the whole import is rolled back and reported. */
export class NumeracionRota extends Error {}
