/**
 * Importar compromisos de campaña: natural key número. Created/updated through the module's handlers;
 * estatus and avance enter as a seguimiento «Importado de …» (the history rule: never rewritten).
 */
import type { ParsedInput } from '../../../../contract';
import { ETIQUETA_ESTATUS_COMPROMISO, type EstatusCompromiso } from '../../../../contract/compromisos';
import { fechaEnZona } from '../../../tiempo';
import { compromisoDetalle, compromisosHandlers, registrarSeguimiento } from '../../compromisos/service';
import { type DefinicionTipo, type ResultadoRegistro } from '../definicion';
import { ESTATAL, catalogoDependencias, catalogoEstrategias, catalogoMunicipios, nombres, porContrato } from '../catalogos';
import { leerEntero, leerFecha, leerOpcion, leerPorcentaje, textoDe, vacia } from '../valores';
import type { Contexto } from '../../../contexto';

const ETIQUETAS = {
  descripcion: 'Descripción', fechaCompromiso: 'Fecha compromiso', municipioClave: 'Municipio', estrategiaId: 'Alineación PED',
  dependenciaId: 'Dependencia responsable', corresponsables: 'Corresponsables', fechaEstimada: 'Fecha estimada', estatus: 'Estatus', avance: 'Avance %',
};

const SINONIMOS: Record<string, EstatusCompromiso> = {
  concluido: 'cumplido', cumplida: 'cumplido', terminado: 'cumplido', 'en ejecucion': 'en_proceso', 'en curso': 'en_proceso',
  'sin iniciar': 'sin_avance', 'por iniciar': 'sin_avance', 'no procede': 'no_procedente', improcedente: 'no_procedente',
};

export function hoyOficina(ctx: Contexto): string {
  return fechaEnZona(ctx.ahora(), ctx.ajustes().zonaHoraria);
}

export const compromisos: DefinicionTipo = {
  tipo: 'compromisos',
  nombre: 'Compromisos de campaña',
  roles: ['coordinador', 'administrador'],
  columnas: [
    { campo: 'numero', titulo: 'Número', requerida: true, alias: ['No', 'Núm', 'Número de compromiso', 'Compromiso No'], ayuda: 'Número del compromiso (1 a 99,999), único.', ejemplo: 1 },
    { campo: 'descripcion', titulo: 'Descripción', requerida: true, alias: ['Compromiso', 'Descripción del compromiso'], ayuda: 'Texto del compromiso (máximo 2,000 caracteres).', ejemplo: 'Construir el hospital general de especialidades' },
    { campo: 'fecha', titulo: 'Fecha compromiso', requerida: true, alias: ['Fecha en que se comprometió', 'Fecha'], ayuda: 'Fecha en que se comprometió: dd/mm/aaaa, aaaa-mm-dd, fecha de Excel o «1 de octubre de 2021».', ejemplo: new Date(Date.UTC(2021, 3, 15)) },
    { campo: 'municipio', titulo: 'Municipio', requerida: true, catalogo: true, ayuda: 'Uno de los 72 municipios de Sonora, o «Estatal».', ejemplo: 'Hermosillo', lista: (ctx) => nombres(catalogoMunicipios(ctx, true)) },
    { campo: 'dependencia', titulo: 'Dependencia responsable', requerida: true, catalogo: true, alias: ['Dependencia', 'Responsable'], ayuda: 'Nombre, siglas o clave de la dependencia responsable.', ejemplo: 'SSA', lista: (ctx) => nombres(catalogoDependencias(ctx)) },
    { campo: 'corresponsables', titulo: 'Corresponsables', alias: ['Dependencias corresponsables'], ayuda: 'Dependencias corresponsables separadas por «;» (opcional).', ejemplo: 'SIDUR; SH' },
    { campo: 'estrategia', titulo: 'Estrategia PED', catalogo: true, alias: ['Alineación PED', 'Estrategia', 'Alineación'], ayuda: 'Clave o texto de la estrategia del Plan Estatal de Desarrollo (opcional).', ejemplo: '' , lista: (ctx) => nombres(catalogoEstrategias(ctx)) },
    { campo: 'estatus', titulo: 'Estatus', alias: ['Estado', 'Situación'], ayuda: 'Sin avance, En proceso, Cumplido o No procedente (vacío: según el avance).', ejemplo: 'En proceso', lista: () => Object.values(ETIQUETA_ESTATUS_COMPROMISO) },
    { campo: 'avance', titulo: 'Avance %', alias: ['Avance', 'Porcentaje de avance', '% de avance'], ayuda: 'Entero de 0 a 100; se acepta «65», «65 %» o una celda con formato de porcentaje.', ejemplo: 40 },
    { campo: 'fechaEstimada', titulo: 'Fecha estimada de cumplimiento', alias: ['Fecha estimada'], ayuda: 'Fecha estimada (opcional), no anterior a la fecha compromiso.', ejemplo: new Date(Date.UTC(2026, 11, 31)) },
    { campo: 'motivo', titulo: 'Motivo', alias: ['Motivo no procedente'], ayuda: 'Motivo, obligatorio si el estatus es «No procedente».', ejemplo: '' },
  ],
  planear(ctx, filas, r) {
    const deps = catalogoDependencias(ctx);
    const munis = catalogoMunicipios(ctx, true);
    const estrategias = catalogoEstrategias(ctx);
    const { 'compromisos.crear': crear, 'compromisos.actualizar': actualizar } = compromisosHandlers;
    const hoy = hoyOficina(ctx);
    const vistos = new Map<number, number>();
    const registros: ResultadoRegistro[] = [];
    for (const f of filas) {
      const n = r.errores.length;
      const numero = r.leer(f, 'numero', (c) => leerEntero(c, 'Número'));
      const fechaCompromiso = r.leer(f, 'fecha', leerFecha);
      const muni = r.catalogo(f, 'municipio', munis);
      const dependenciaId = r.catalogo(f, 'dependencia', deps);
      const estrategiaId = vacia(f.v.estrategia) ? null : r.catalogo(f, 'estrategia', estrategias);
      const corresponsables: string[] = [];
      for (const parte of textoDe(f.v.corresponsables).split(/[;,\n]/).map((x) => x.trim()).filter(Boolean)) {
        const id = deps.buscar(parte);
        if (id) corresponsables.push(id);
        else r.error(f.fila, 'corresponsables', `«${parte}» no está en el catálogo de dependencias.`, parte, deps.sugerir(parte).map((s) => s.etiqueta));
      }
      const fechaEstimada = vacia(f.v.fechaEstimada) ? null : r.leer(f, 'fechaEstimada', leerFecha);
      const avance = vacia(f.v.avance) ? undefined : r.leer(f, 'avance', leerPorcentaje);
      let estatus = vacia(f.v.estatus) ? undefined : r.leer(f, 'estatus', (c) => leerOpcion(c, ETIQUETA_ESTATUS_COMPROMISO, SINONIMOS));
      if (estatus === undefined && avance !== undefined) estatus = avance === 100 ? 'cumplido' : avance > 0 ? 'en_proceso' : 'sin_avance';
      if (estatus === 'cumplido' && avance !== undefined && avance !== 100) r.error(f.fila, 'avance', `Un compromiso cumplido tiene 100 % de avance (dice ${avance} %).`, f.v.avance);
      if (estatus === 'no_procedente' && vacia(f.v.motivo)) r.error(f.fila, 'motivo', 'Para «No procedente» escriba el motivo.');
      if (fechaCompromiso && fechaCompromiso > hoy) r.error(f.fila, 'fecha', 'La fecha compromiso está en el futuro.', f.v.fecha);
      if (numero !== undefined) {
        if (vistos.has(numero)) r.error(f.fila, 'numero', `El número ${numero} se repite en el archivo (fila ${vistos.get(numero)}).`, f.v.numero);
        vistos.set(numero, f.fila);
      }
      const datos = {
        numero, descripcion: textoDe(f.v.descripcion), fechaCompromiso: fechaCompromiso ?? '2000-01-01', municipioClave: muni === ESTATAL ? null : (muni ?? null),
        estrategiaId: estrategiaId ?? null, dependenciaId: dependenciaId ?? '-', corresponsables, fechaEstimada: fechaEstimada ?? null,
      };
      const columnaDe = { numero: 'numero', descripcion: 'descripcion', fechaCompromiso: 'fecha', fechaEstimada: 'fechaEstimada', corresponsables: 'corresponsables' };
      const input = porContrato(r, f, 'compromisos.crear', datos, columnaDe) as ParsedInput<'compromisos.crear'> | undefined;
      const clave = `Compromiso ${numero ?? textoDe(f.v.numero)}`;
      if (!input || r.errores.length > n || numero === undefined) {
        registros.push({ filas: [f.fila], clave, estado: 'error', cambios: [] });
        continue;
      }
      const seguir = (id: string, ant: { estatus: EstatusCompromiso; avance: number }) => {
        if (estatus === undefined || (estatus === ant.estatus && (avance === undefined || avance === ant.avance))) return;
        const d = compromisoDetalle(ctx, id);
        registrarSeguimiento(ctx, {
          compromisoId: id, version: d.version, fecha: hoy < input.fechaCompromiso ? input.fechaCompromiso : hoy,
          nota: `Estatus y avance importados de la base anterior (${r.archivo}).`, estatus, avance, motivo: textoDe(f.v.motivo),
        });
      };
      const existe = ctx.sqlite.prepare('select id from compromisos where numero = ?').get(numero) as { id: string } | undefined;
      if (!existe) {
        registros.push({
          filas: [f.fila], clave, estado: 'nueva', cambios: [],
          aplicar: () => {
            const d = crear(ctx, { ...input, numero }) as { id: string };
            seguir(d.id, { estatus: 'sin_avance', avance: 0 });
          },
        });
        continue;
      }
      const antes = compromisoDetalle(ctx, existe.id);
      const antesPlano = { ...antes, corresponsables: antes.corresponsables.map((c) => c.id).sort(), estrategiaId: antes.alineacion.estrategiaId };
      const despues = {
        ...input, corresponsables: [...input.corresponsables].sort(),
        estatus: estatus ?? antes.estatus, avance: estatus === 'cumplido' ? 100 : (avance ?? antes.avance),
      };
      const c = r.cambios(antesPlano, despues, ETIQUETAS);
      registros.push({
        filas: [f.fila], clave, estado: c.length ? 'actualizada' : 'sin_cambio', cambios: c,
        aplicar: c.length
          ? () => {
              const camposCambian = c.some((x) => x.campo !== 'Estatus' && x.campo !== 'Avance %');
              if (camposCambian) actualizar(ctx, { ...input, id: antes.id, version: antes.version, numero });
              seguir(antes.id, antes);
            }
          : undefined,
      });
    }
    return { registros, notas: [] };
  },
};
