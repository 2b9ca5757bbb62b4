/** First run only: loads the shipped catalogs (resources/catalogos, from shared/catalogos) and the default settings. */
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { sql } from 'drizzle-orm';
import * as schema from '../../db/schema';
import type { Contexto } from './contexto';
import { AJUSTES_INICIALES } from './modules/ajustes/service';

const INSTRUCCIONES = [
  { clave: 'ATENCION', nombre: 'Para su atención y respuesta', requiereAtencion: true, diasHabiles: 10 },
  { clave: 'CIUDADANO', nombre: 'Para atención directa al ciudadano', requiereAtencion: true, diasHabiles: 10 },
  { clave: 'OPINION', nombre: 'Para su opinión', requiereAtencion: true, diasHabiles: 5 },
  { clave: 'CONOCIMIENTO', nombre: 'Para su conocimiento', requiereAtencion: false, diasHabiles: 0 },
];

const SERIES_DOCUMENTALES = [{ clave: '03.01', nombre: 'Correspondencia de entrada del Ejecutivo' }];

function leer<T>(appRoot: string, archivo: string): T {
  return JSON.parse(fs.readFileSync(path.join(appRoot, 'resources', 'catalogos', archivo), 'utf8')) as T;
}

export function yaSembrado(ctx: Contexto): boolean {
  const fila = ctx.db.select({ n: sql<number>`count(*)` }).from(schema.ajustes).get();
  return (fila?.n ?? 0) > 0;
}

export function sembrar(ctx: Contexto): void {
  const ahora = ctx.ahora();
  const auditoria = { id: '', creado: ahora, actualizado: ahora };
  const cargar = <T extends object>(entidad: string, tabla: Parameters<Contexto['db']['insert']>[0], filas: T[]) => {
    for (const f of filas) {
      const fila = { ...auditoria, ...f, id: uuidv7() };
      ctx.db.insert(tabla).values(fila as never).run();
    }
    ctx.bitacora({ entidad, despues: { cargaInicial: filas.length } });
  };

  const { municipios } = leer<{ municipios: { clave: string; nombre: string }[] }>(ctx.appRoot, 'municipios-sonora.json');
  for (const m of municipios) ctx.db.insert(schema.municipios).values(m).run();
  ctx.bitacora({ entidad: 'municipios', despues: { cargaInicial: municipios.length } });

  const { dependencias } = leer<{ dependencias: { clave: string; nombre: string }[] }>(ctx.appRoot, 'dependencias-iniciales.json');
  cargar('dependencias', schema.dependencias, dependencias.map((d) => ({ ...d, siglas: d.clave })));
  cargar('unidades', schema.unidades, leer<{ unidades: { clave: string; nombre: string }[] }>(ctx.appRoot, 'unidades-oee.json').unidades);
  cargar('tiposGabinete', schema.tiposGabinete, leer<{ tipos: object[] }>(ctx.appRoot, 'tipos-gabinete.json').tipos);
  cargar('instrucciones', schema.instrucciones, INSTRUCCIONES);
  cargar('seriesDocumentales', schema.seriesDocumentales, SERIES_DOCUMENTALES);

  ctx.db.insert(schema.ajustes).values({ clave: 'general', valor: JSON.stringify(AJUSTES_INICIALES), version: 0, actualizado: ahora }).run();
  ctx.bitacora({ entidad: 'ajustes', entidadId: 'general', despues: AJUSTES_INICIALES });
}
