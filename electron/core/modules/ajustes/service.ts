import { eq, sql } from 'drizzle-orm';
import { ajustes } from '../../../../db/schema';
import { ValoresAjustes } from '../../../contract/ajustes';
import { AppError, conflicto } from '../../errors';
import { TIPOS_IMAGEN } from '../../archivos';
import { type Contexto, type Handlers, escrituraAsincrona } from '../../contexto';
import type { ParsedInput } from '../../../contract';
import type { Db } from '../../../../db/connection';
import { ZONA_OFICINA } from '../../tiempo';
import type { Encabezado } from '../../reports';

export const AJUSTES_INICIALES: ValoresAjustes = {
  institucion: 'Oficina del Ejecutivo Estatal de Sonora',
  zonaHoraria: ZONA_OFICINA,
  bandas: { verde: { desde: 90 }, amarillo: { desde: 70, hasta: 90 }, rojo: { hasta: 70 } },
  diasEnRiesgo: 3,
  bloqueoMinutos: 15,
  anexoMaxMb: 50,
  lugar: 'Hermosillo, Sonora',
  firmanteNombre: '',
  firmanteCargo: 'Jefe de la Oficina del Ejecutivo Estatal',
};

const GENERAL = 'general';
const LOGO = 'logo';

export function leerAjustes(db: Db): { valores: ValoresAjustes; version: number } {
  const fila = db.select().from(ajustes).where(eq(ajustes.clave, GENERAL)).get();
  if (!fila) return { valores: AJUSTES_INICIALES, version: 0 };
  // Settings saved by an older version may miss newer keys: the defaults fill them.
  return { valores: { ...AJUSTES_INICIALES, ...JSON.parse(fila.valor) }, version: fila.version };
}

function logoSha(ctx: Contexto): string | null {
  const fila = ctx.db.select().from(ajustes).where(eq(ajustes.clave, LOGO)).get();
  return fila ? (JSON.parse(fila.valor) as string | null) : null;
}

function vista(ctx: Contexto) {
  const { valores, version } = leerAjustes(ctx.db);
  return { ...valores, version, tieneLogo: logoSha(ctx) !== null, carpetaDatos: ctx.dataDir };
}

function escribir(ctx: Contexto, clave: string, valor: unknown) {
  const ahora = ctx.ahora();
  ctx.db
    .insert(ajustes)
    .values({ clave, valor: JSON.stringify(valor), version: 1, actualizado: ahora })
    .onConflictDoUpdate({ target: ajustes.clave, set: { valor: JSON.stringify(valor), version: sql`${ajustes.version} + 1`, actualizado: ahora } })
    .run();
}

/** The logo bytes for reports' letterhead, or null. */
export function logoDe(ctx: Contexto): { bytes: Buffer; tipo: string } | null {
  const sha = logoSha(ctx);
  return sha ? ctx.archivos.leer(sha) : null;
}

/** The letterhead of every document: the institution and its logo from Ajustes, office time zone. */
export function membrete(ctx: Contexto, titulo: string, extra: Partial<Encabezado> = {}): Encabezado {
  const a = ctx.ajustes();
  return { institucion: a.institucion, logo: logoDe(ctx)?.bytes, titulo, generado: ctx.ahora(), zona: a.zonaHoraria, ...extra };
}

export const ajustesHandlers = {
  'ajustes.obtener': (ctx) => vista(ctx),

  'ajustes.guardar': (ctx, input) => {
    const { version, ...valores } = input;
    const actual = leerAjustes(ctx.db);
    if (actual.version !== version) throw conflicto('los ajustes');
    escribir(ctx, GENERAL, valores);
    ctx.bitacora({ entidad: 'ajustes', entidadId: GENERAL, antes: actual.valores, despues: valores });
    return vista(ctx);
  },

  /** Async type check first, then one transaction. */
  'ajustes.guardarLogo': escrituraAsincrona(async (ctx: Contexto, input: ParsedInput<'ajustes.guardarLogo'>) => {
    let guardar: () => string | null = () => null;
    if (input.contenidoBase64 !== null) {
      const bytes = Buffer.from(input.contenidoBase64, 'base64');
      const tipo = await ctx.archivos.verificar(bytes, TIPOS_IMAGEN, 2 * 1024 * 1024).catch((e: AppError) => {
        throw new AppError('ARCHIVO', `Logotipo: ${e.message}`);
      });
      guardar = () => ctx.archivos.guardar(bytes, tipo).sha256;
    }
    return ctx.transaccion(() => {
      const antes = logoSha(ctx);
      const sha = guardar();
      escribir(ctx, LOGO, sha);
      ctx.bitacora({ entidad: 'ajustes', entidadId: LOGO, antes: { logo: antes }, despues: { logo: sha } });
      return vista(ctx);
    });
  }),

  'ajustes.logo': (ctx) => {
    const logo = logoDe(ctx);
    return logo ? { tipo: logo.tipo, contenidoBase64: logo.bytes.toString('base64') } : null;
  },
} satisfies Partial<Handlers>;
