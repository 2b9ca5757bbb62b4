/** Gabinete pages, registered in renderer/src/app/modulos.ts. */
import type { RouteObject } from 'react-router';
import { PaginaReuniones } from './Reuniones';
import { PaginaNuevaReunion } from './NuevaReunion';
import { PaginaReunion } from './Reunion';
import { PaginaAcuerdos } from './Acuerdos';
import { PaginaDirectorio } from './Directorio';
import { PaginaTablero } from './Tablero';

export const rutas: RouteObject[] = [
  // The module's home is its list of meetings (a redirect here raced the home-after-sign-in redirect).
  { path: 'gabinete', element: <PaginaReuniones /> },
  { path: 'gabinete/reuniones', element: <PaginaReuniones /> },
  { path: 'gabinete/reuniones/nueva', element: <PaginaNuevaReunion /> },
  { path: 'gabinete/reuniones/:id/:pestana?', element: <PaginaReunion /> },
  { path: 'gabinete/acuerdos', element: <PaginaAcuerdos /> },
  { path: 'gabinete/tablero', element: <PaginaTablero /> },
  { path: 'gabinete/directorio', element: <PaginaDirectorio /> },
];
