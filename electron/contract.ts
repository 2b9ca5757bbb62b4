/**
 * THE API: method name → { input, output, acceso, escritura }. Imported by the core (validation,
 * permissions) and by the renderer (types). Each module contributes its part from electron/contract/.
 */
import type { z } from 'zod';
import { usuarios } from './contract/usuarios';
import { catalogos } from './contract/catalogos';
import { ajustes } from './contract/ajustes';
import { bitacora } from './contract/bitacora';
import { gabinete } from './contract/gabinete';
import { correspondencia } from './contract/correspondencia';
import { tablero } from './contract/tablero';
import { compromisos } from './contract/compromisos';
import { poa } from './contract/poa';
import { respaldo } from './contract/respaldo';
import { trabajos } from './contract/trabajos';
import { importacion } from './contract/importacion';
import { oficios } from './contract/oficios';
import { ocr } from './contract/ocr';

export const contract = {
  ...usuarios,
  ...catalogos,
  ...ajustes,
  ...bitacora,
  ...gabinete,
  ...correspondencia,
  ...tablero,
  ...compromisos,
  ...poa,
  ...respaldo,
  ...trabajos,
  ...importacion,
  ...oficios,
  ...ocr,
};

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;
export type { Resultado, Progreso, Cambio } from './core/tipos';
