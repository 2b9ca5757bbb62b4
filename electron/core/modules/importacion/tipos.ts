/** Importación › every kind of import, by key. */
import type { DefinicionTipo, TipoImportacion } from './definicion';
import { dependencias } from './tipos/dependencias';
import { directorio } from './tipos/directorio';
import { compromisos } from './tipos/compromisos';
import { acuerdos } from './tipos/acuerdos';
import { metas } from './tipos/metas';
import { asuntos } from './tipos/asuntos';

export const DEFINICIONES: Record<TipoImportacion, DefinicionTipo> = { dependencias, directorio, compromisos, acuerdos, metas, asuntos };
