/** Each module's pages, registered here with one line. Paths are relative: 'correspondencia/…'. */
import type { RouteObject } from 'react-router';
import { rutas as rutasGabinete } from '../modules/gabinete/rutas';
import { rutas as rutasCompromisos } from '../modules/compromisos/rutas';
import { rutas as rutasPoa } from '../modules/poa/rutas';
import { rutas as rutasCorrespondencia } from '../modules/correspondencia/rutas';
import { rutas as rutasTablero } from '../modules/tablero/rutas';
import { rutas as rutasImportacion } from '../modules/importacion/PaginaImportar';

import { rutas as rutasOficios } from '../modules/oficios/rutas';

export const rutasDeModulos: RouteObject[] = [
  ...rutasGabinete, ...rutasCompromisos, ...rutasPoa, ...rutasCorrespondencia, ...rutasTablero, ...rutasImportacion, ...rutasOficios,
];
