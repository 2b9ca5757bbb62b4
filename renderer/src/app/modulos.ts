/** Each module's pages, registered here with one line. Paths are relative: 'correspondencia/…'. */
import type { RouteObject } from 'react-router';
import { rutas as rutasGabinete } from '../modules/gabinete/rutas';

export const rutasDeModulos: RouteObject[] = [...rutasGabinete];
