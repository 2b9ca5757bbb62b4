/**
 * Ctrl+N from any page of a module: the page that is showing may offer its own "new" (the directory's
 * «Agregar funcionario», «Registrar otro» after a save); otherwise it opens the module's form
 * (`nuevo` in navegacion.ts) when the role may create there.
 */
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { NAVEGACION, type Rol } from './navegacion';

type Entrada = { accion: { current: (() => void) | null } };
const pila: Entrada[] = [];

/** A page's own Ctrl+N (null: none right now, the module's default applies). The newest page wins. */
export function useAccionNuevo(accion: (() => void) | null): void {
  const ref = useRef(accion);
  ref.current = accion;
  useEffect(() => {
    const e: Entrada = { accion: ref };
    pila.push(e);
    return () => {
      pila.splice(pila.indexOf(e), 1);
    };
  }, []);
}

/** Where Ctrl+N leads from `pathname` for `rol`, or null. */
export function rutaNuevo(pathname: string, rol: Rol): string | null {
  const modulo = pathname.split('/')[1] ?? '';
  const item = NAVEGACION.find((i) => i.ruta === modulo);
  return item?.nuevo && item.nuevo.roles.includes(rol) ? item.nuevo.ruta : null;
}

/** The global Ctrl+N (also from inside a field: it never types anything). */
export function AtajoNuevo({ rol }: { rol: Rol }) {
  const { pathname } = useLocation();
  const ir = useNavigate();
  // The hash is the route (HashRouter); read at key time so a just-finished redirect counts.
  const rutaActual = useRef(() => pathname);
  rutaActual.current = () => (window.location.hash.startsWith('#/') ? window.location.hash.slice(1).split('?')[0]! : pathname);
  useHotkeys(
    [
      [
        'mod+N',
        () => {
          for (let i = pila.length - 1; i >= 0; i--) {
            const a = pila[i]!.accion.current;
            if (a) return a();
          }
          const destino = rutaNuevo(rutaActual.current(), rol);
          if (destino) ir(destino);
        },
      ],
    ],
    [],
  );
  return null;
}
