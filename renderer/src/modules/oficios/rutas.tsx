/** Oficios de salida pages (registered in app/modulos.ts). */
import type { RouteObject } from 'react-router';
import { Registro } from './Registro';
import { PaginaOficio } from './Oficio';
import { Recordatorios } from './Recordatorios';
import { Plantillas } from './Plantillas';

export const rutas: RouteObject[] = [
  { path: 'oficios', element: <Registro /> },
  { path: 'oficios/nuevo', element: <PaginaOficio /> },
  { path: 'oficios/recordatorios', element: <Recordatorios /> },
  { path: 'oficios/plantillas', element: <Plantillas /> },
  { path: 'oficios/:id', element: <PaginaOficio /> },
];
