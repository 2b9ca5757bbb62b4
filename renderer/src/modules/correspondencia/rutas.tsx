/** Correspondencia's pages (registered in app/modulos.ts). */
import type { RouteObject } from 'react-router';
import { Bandeja } from './Bandeja';
import { Registrar } from './Registrar';
import { PaginaAsunto } from './Detalle';
import { Series } from './Series';
import { ReporteEstatus } from './ReporteEstatus';

export const rutas: RouteObject[] = [
  { path: 'correspondencia', element: <Bandeja /> },
  { path: 'correspondencia/registrar', element: <Registrar /> },
  { path: 'correspondencia/asunto/:id', element: <PaginaAsunto /> },
  { path: 'correspondencia/reporte', element: <ReporteEstatus /> },
  { path: 'correspondencia/series', element: <Series /> },
];
