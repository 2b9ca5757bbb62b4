/**
 * Importar metas del POA: natural key año + número; one row per meta with programado and alcanzado per
 * quarter (I–IV) or per month (enero–diciembre). Metas are created/updated through POA's own handlers;
 * each alcanzado enters as a historical capture (same rules as the capture screen: closed quarters,
 * cancelled metas, percentages up to 100 %), marked as imported.
 */
import type { ParsedInput } from '../../../../contract';
import type { Periodicidad, TipoMeta } from '../../../../contract/poa';
import { MESES_CORTOS, PERIODOS, ROMANOS, trimestreDe } from '../../poa/calculo';
import { capturarImportado, cerrados, poaHandlers, tablero } from '../../poa/service';
import type { Columna, DefinicionTipo, FilaDatos, ResultadoRegistro, Revision } from '../definicion';
import { catalogoUnidades, nombres, porContrato } from '../catalogos';
import { leerCantidad, leerEntero, leerOpcion, textoDe, vacia } from '../valores';
import { hoyOficina } from './compromisos';

const TIPOS: Record<TipoMeta, string> = { acumulable: 'Acumulable', porcentaje: 'Porcentaje' };
const PERIODICIDADES: Record<Periodicidad, string> = { trimestral: 'Trimestral', mensual: 'Mensual' };
const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** «programadoT1», «alcanzadoM12»… the field of one period's column. */
const campo = (que: 'programado' | 'alcanzado', p: Periodicidad, n: number) => `${que}${p === 'trimestral' ? 'T' : 'M'}${n}`;
const Que = { programado: 'Programado', alcanzado: 'Alcanzado' } as const;

function columnasDePeriodo(): Columna[] {
  const r: Columna[] = [];
  ROMANOS.forEach((rom, i) => {
    for (const que of ['programado', 'alcanzado'] as const) {
      r.push({
        campo: campo(que, 'trimestral', i + 1), titulo: `${Que[que]} ${rom}`,
        alias: [`${Que[que]} T${i + 1}`, `${Que[que]} trimestre ${rom}`, `${Que[que]} ${i + 1} trimestre`, `${Que[que].slice(0, 4)} ${rom}`, `${rom} ${Que[que]}`],
        ayuda: `${Que[que]} del trimestre ${rom} (metas trimestrales): número ≥ 0 con hasta dos decimales; en metas de porcentaje, de 0 a 100.${que === 'alcanzado' ? ' Solo de trimestres ya iniciados.' : ''}`,
        ejemplo: que === 'programado' ? 25 : i < 2 ? 24 : '',
      });
    }
  });
  MESES.forEach((mes, i) => {
    for (const que of ['programado', 'alcanzado'] as const) {
      r.push({
        campo: campo(que, 'mensual', i + 1), titulo: `${Que[que]} ${mes}`,
        alias: [`${Que[que]} ${MESES_CORTOS[i]}`, `${Que[que].slice(0, 4)} ${MESES_CORTOS[i]}`, `${MESES_CORTOS[i]} ${Que[que]}`],
        ayuda: `${Que[que]} de ${mes} (metas mensuales): número ≥ 0 con hasta dos decimales.${que === 'alcanzado' ? ' Solo de meses ya iniciados.' : ''}`,
        ejemplo: '',
      });
    }
  });
  return r;
}

/** First day of a period: an alcanzado of a period that has not begun cannot have happened. */
function inicioPeriodo(anio: number, p: Periodicidad, n: number): string {
  const mes = p === 'trimestral' ? (n - 1) * 3 + 1 : n;
  return `${anio}-${String(mes).padStart(2, '0')}-01`;
}

const nombrePeriodo = (p: Periodicidad, n: number) => (p === 'trimestral' ? `trimestre ${ROMANOS[n - 1]}` : MESES[n - 1]);

interface Existente {
  id: string;
  version: number;
  cancelada: boolean;
  campos: Record<string, unknown>;
  tipo: TipoMeta;
  periodicidad: Periodicidad;
  programado: (number | null)[];
  alcanzado: (number | null)[];
}

/** The year's metas as they are now (one query per year of the file, not per row). */
function existentesDe(ctx: Parameters<DefinicionTipo['planear']>[0], anio: number): Map<number, Existente> {
  const t = tablero(ctx, anio, 4);
  return new Map(
    t.metas.map((m) => {
      const n = PERIODOS[m.periodicidad];
      const valor = (k: 'programado' | 'alcanzado') =>
        Array.from({ length: n }, (_, i) => {
          const v = m.periodos.find((x) => x.periodo === i + 1)?.[k];
          return v === null || v === undefined ? null : v / 100;
        });
      const f = m.fila;
      return [f.numero, {
        id: f.id, version: f.version, cancelada: f.cancelada === 1, tipo: m.tipo, periodicidad: m.periodicidad,
        campos: { descripcion: f.descripcion, unidadId: f.unidad_id, unidadMedida: f.unidad_medida, tipo: f.tipo, periodicidad: f.periodicidad },
        programado: valor('programado'), alcanzado: valor('alcanzado'),
      }];
    }),
  );
}

/** The period values of one row: only the columns of its periodicidad; the other kind's columns must be empty. */
function leerPeriodos(r: Revision, f: FilaDatos, p: Periodicidad, tipo: TipoMeta, que: 'programado' | 'alcanzado'): (number | null)[] {
  const otra: Periodicidad = p === 'trimestral' ? 'mensual' : 'trimestral';
  for (let i = 1; i <= PERIODOS[otra]; i++) {
    const c = campo(que, otra, i);
    if (!vacia(f.v[c] ?? null)) {
      r.error(f.fila, c, `La meta es ${p}: capture ${que === 'programado' ? 'lo programado' : 'lo alcanzado'} en las columnas ${p === 'trimestral' ? 'de trimestre (I a IV)' : 'de mes (enero a diciembre)'}.`, f.v[c]);
    }
  }
  return Array.from({ length: PERIODOS[p] }, (_, i) => {
    const c = campo(que, p, i + 1);
    if (vacia(f.v[c] ?? null)) return null;
    const v = r.leer(f, c, (x) => leerCantidad(x, r.titulo(c)));
    if (v === undefined) return null;
    if (tipo === 'porcentaje' && v > 100) r.error(f.fila, c, `${r.titulo(c)}: una meta de porcentaje no pasa de 100 %.`, f.v[c]);
    return v;
  });
}

export const metas: DefinicionTipo = {
  tipo: 'metas',
  nombre: 'Metas del POA',
  roles: ['coordinador', 'administrador'],
  columnas: [
    { campo: 'anio', titulo: 'Año', requerida: true, alias: ['Ejercicio', 'Año del POA', 'POA'], ayuda: 'Año del POA (2000 a 2100).', ejemplo: 2022 },
    { campo: 'numero', titulo: 'Número', requerida: true, alias: ['No', 'Núm', 'Número de meta', 'Meta No'], ayuda: 'Número de la meta dentro de su año (1 a 9,999), único.', ejemplo: 1 },
    { campo: 'descripcion', titulo: 'Descripción', requerida: true, alias: ['Meta', 'Descripción de la meta'], ayuda: 'Texto de la meta (máximo 1,000 caracteres).', ejemplo: 'Reuniones de Gabinete Legal celebradas' },
    {
      campo: 'unidad', titulo: 'Unidad administrativa', requerida: true, catalogo: true, alias: ['Área', 'Unidad responsable', 'Área responsable', 'Unidad'],
      ayuda: 'Clave o nombre de la unidad administrativa responsable (CEA, CESG, DGSA…).', ejemplo: 'CESG', lista: (ctx) => nombres(catalogoUnidades(ctx)),
    },
    { campo: 'unidadMedida', titulo: 'Unidad de medida', requerida: true, alias: ['Medida', 'U de medida'], ayuda: 'Qué se cuenta: reuniones, informes, porcentaje…', ejemplo: 'Reunión' },
    { campo: 'tipo', titulo: 'Tipo de meta', alias: ['Tipo'], ayuda: 'Acumulable (se suma) o Porcentaje (se promedia, hasta 100). Acumulable si se omite.', ejemplo: 'Acumulable', lista: () => Object.values(TIPOS) },
    {
      campo: 'periodicidad', titulo: 'Periodicidad', ayuda: 'Trimestral o Mensual. Si se omite: Mensual si la fila trae columnas de mes, si no Trimestral.',
      ejemplo: 'Trimestral', lista: () => Object.values(PERIODICIDADES),
    },
    ...columnasDePeriodo(),
  ],
  planear(ctx, filas, r) {
    const unidades = catalogoUnidades(ctx);
    const { 'poa.crearMeta': crear, 'poa.actualizarMeta': actualizar } = poaHandlers;
    const hoy = hoyOficina(ctx);
    const porAnio = new Map<number, { metas: Map<number, Existente>; cerrados: number[] }>();
    const delAnio = (anio: number) => porAnio.get(anio) ?? porAnio.set(anio, { metas: existentesDe(ctx, anio), cerrados: cerrados(ctx, anio) }).get(anio)!;
    const vistos = new Map<string, number>();
    const registros: ResultadoRegistro[] = [];
    const hayMes = (f: FilaDatos) => Object.keys(f.v).some((k) => /^(programado|alcanzado)M\d+$/.test(k) && !vacia(f.v[k] ?? null));

    for (const f of filas) {
      const n = r.errores.length;
      const anio = r.leer(f, 'anio', (c) => leerEntero(c, 'Año'));
      const numero = r.leer(f, 'numero', (c) => leerEntero(c, 'Número'));
      const unidadId = r.catalogo(f, 'unidad', unidades);
      const tipo: TipoMeta = vacia(f.v.tipo) ? 'acumulable' : (r.leer(f, 'tipo', (c) => leerOpcion(c, TIPOS, { '%': 'porcentaje', tasa: 'porcentaje', suma: 'acumulable', cantidad: 'acumulable' })) ?? 'acumulable');
      const periodicidad: Periodicidad = vacia(f.v.periodicidad) ? (hayMes(f) ? 'mensual' : 'trimestral') : (r.leer(f, 'periodicidad', (c) => leerOpcion(c, PERIODICIDADES)) ?? 'trimestral');
      const programado = leerPeriodos(r, f, periodicidad, tipo, 'programado');
      const alcanzado = leerPeriodos(r, f, periodicidad, tipo, 'alcanzado');
      const clave = `Meta ${numero ?? textoDe(f.v.numero)} del POA ${anio ?? textoDe(f.v.anio)}`;
      if (anio !== undefined && numero !== undefined) {
        const k = `${anio}|${numero}`;
        if (vistos.has(k)) r.error(f.fila, 'numero', `La meta ${numero} de ${anio} se repite en el archivo (fila ${vistos.get(k)}).`, f.v.numero);
        vistos.set(k, f.fila);
      }
      const datos = { anio, numero, descripcion: textoDe(f.v.descripcion), unidadId: unidadId ?? '-', unidadMedida: textoDe(f.v.unidadMedida), tipo, periodicidad, programado };
      const input = porContrato(r, f, 'poa.crearMeta', datos, { anio: 'anio', numero: 'numero', descripcion: 'descripcion', unidadMedida: 'unidadMedida', unidadId: 'unidad' }) as
        | ParsedInput<'poa.crearMeta'>
        | undefined;
      if (!input || anio === undefined || numero === undefined || r.errores.length > n) {
        registros.push({ filas: [f.fila], clave, estado: 'error', cambios: [] });
        continue;
      }

      // What happened: an alcanzado of a period not yet begun is refused; over the programado stays as is (DOMAIN §4).
      alcanzado.forEach((v, i) => {
        if (v === null) return;
        const c = campo('alcanzado', periodicidad, i + 1);
        if (inicioPeriodo(anio, periodicidad, i + 1) > hoy) r.error(f.fila, c, `El ${nombrePeriodo(periodicidad, i + 1)} de ${anio} aún no comienza: no puede tener alcanzado.`, f.v[c]);
        else if (tipo === 'acumulable' && programado[i] !== null && v > programado[i]!) r.aviso(f.fila, c, `Alcanzado ${v} supera lo programado (${programado[i]}); se conserva tal cual.`);
      });

      const { metas: existentes, cerrados: cerr } = delAnio(anio);
      const antes = existentes.get(numero);
      // An empty cell keeps what is there: nothing registered is erased by a blank in a spreadsheet.
      const prog = programado.map((v, i) => v ?? (antes && antes.periodicidad === periodicidad ? antes.programado[i] : null));
      const capturas = alcanzado.map((v, i) => (v !== null && v !== (antes?.periodicidad === periodicidad ? antes.alcanzado[i] : null) ? v : null));
      const etiquetas: Record<string, string> = { descripcion: 'Descripción', unidadId: 'Unidad administrativa', unidadMedida: 'Unidad de medida', tipo: 'Tipo', periodicidad: 'Periodicidad' };
      for (let i = 0; i < PERIODOS[periodicidad]; i++) {
        etiquetas[`p${i}`] = r.titulo(campo('programado', periodicidad, i + 1));
        etiquetas[`a${i}`] = r.titulo(campo('alcanzado', periodicidad, i + 1));
      }
      const plano = (campos: Record<string, unknown>, p: (number | null)[], a: (number | null)[]) => ({
        ...campos, ...Object.fromEntries(p.map((v, i) => [`p${i}`, v])), ...Object.fromEntries(a.map((v, i) => [`a${i}`, v])),
      });
      const despuesA = alcanzado.map((v, i) => v ?? (antes?.periodicidad === periodicidad ? antes.alcanzado[i] : null));
      const cambiosMeta = antes
        ? r.cambios(plano(antes.campos, antes.programado, antes.alcanzado), plano({ ...input, unidadId: input.unidadId }, prog, despuesA), etiquetas)
        : [];

      // Closed quarters: nothing in them changes (the administrator reopens a quarter to correct it).
      for (let i = 0; i < PERIODOS[periodicidad]; i++) {
        const t = trimestreDe(periodicidad, i + 1);
        if (!cerr.includes(t)) continue;
        const cambiaProg = antes ? antes.periodicidad === periodicidad && prog[i] !== antes.programado[i] : false;
        if (capturas[i] !== null || cambiaProg) {
          r.error(f.fila, campo(capturas[i] !== null ? 'alcanzado' : 'programado', periodicidad, i + 1), `El trimestre ${ROMANOS[t - 1]} de ${anio} está cerrado para captura: pida al administrador que lo reabra para importar este valor.`);
        }
      }
      if (antes?.cancelada && cambiosMeta.length) r.error(f.fila, 'numero', `La meta ${numero} de ${anio} está cancelada: ya no se edita ni se captura.`);
      if (antes && antes.alcanzado.some((v) => v !== null) && (antes.tipo !== tipo || antes.periodicidad !== periodicidad)) {
        r.error(f.fila, antes.tipo !== tipo ? 'tipo' : 'periodicidad', 'La meta ya tiene avances capturados: no se puede cambiar su tipo ni su periodicidad.');
      }
      if (r.errores.length > n) {
        registros.push({ filas: [f.fila], clave, estado: 'error', cambios: cambiosMeta });
        continue;
      }
      const capturar = (metaId: string) => capturas.forEach((v, i) => v !== null && capturarImportado(ctx, metaId, i + 1, v, r.archivo));
      if (!antes) {
        registros.push({
          filas: [f.fila], clave, estado: 'nueva', cambios: [],
          aplicar: () => capturar(crear(ctx, { ...input, programado: prog }).id),
        });
        continue;
      }
      const metaCambia = cambiosMeta.some((c) => !c.campo.startsWith('Alcanzado'));
      registros.push({
        filas: [f.fila], clave, estado: cambiosMeta.length ? 'actualizada' : 'sin_cambio', cambios: cambiosMeta,
        aplicar: cambiosMeta.length
          ? () => {
              if (metaCambia) actualizar(ctx, { ...input, programado: prog, id: antes.id, version: antes.version, numero });
              capturar(antes.id);
            }
          : undefined,
      });
    }
    return { registros, notas: [] };
  },
};
