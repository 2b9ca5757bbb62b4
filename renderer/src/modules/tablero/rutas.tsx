/** Tablero de control (home screen) and Reportes (registered in app/modulos.ts). */
import type { RouteObject } from 'react-router';
import { PaginaTablero } from './Tablero';
import { PaginaReportes } from './Reportes';

export const rutas: RouteObject[] = [
  { path: 'tablero', element: <PaginaTablero /> },
  { path: 'reportes', element: <PaginaReportes /> },
];
