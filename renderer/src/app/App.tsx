/**
 * The app once signed in: the frame with the navigation the role may see, each module's pages, and an
 * honest "en construcción" page for modules not built yet. The core checks every call anyway; routes
 * a role may not open say so instead of showing an empty screen.
 */
import { useState, type ReactNode } from 'react';
import { Navigate, useRoutes, type RouteObject } from 'react-router';
import { Alert, Center } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { ROL_ETIQUETA } from '../../../electron/contract/comun';
import { EnConstruccion } from './EnConstruccion';
import { Layout } from './Layout';
import { INICIO_POR_ROL, NAVEGACION, itemsParaRol, puedeVer } from './navegacion';
import { AtajoNuevo } from './atajos';
import { BotonPaleta, Paleta } from './Paleta';
import { ProveedorSesion, useSesion } from './sesion';
import { pantallasSesion } from './Entrada';
import { rutasDeModulos } from './modulos';
import { AvisoSinConexion, IndicadorServidor } from './cambios';
import { PuertaModo } from './Modo';
import { PaginaCatalogos } from '../modules/catalogos/PaginaCatalogos';
import { PaginaAjustes } from '../modules/ajustes/PaginaAjustes';

const RUTAS_BASE: RouteObject[] = [
  { path: 'catalogos/:catalogo?', element: <PaginaCatalogos /> },
  { path: 'ajustes/:seccion?', element: <PaginaAjustes /> },
];

function SinAcceso() {
  return (
    <Center mt="xl">
      <Alert color="gray" icon={<IconLock />} title="Su rol no tiene acceso a esta sección" maw={520}>
        Si necesita consultarla, pida al administrador que revise su rol.
      </Alert>
    </Center>
  );
}

function moduloDe(ruta: RouteObject): string {
  return (ruta.path ?? '').split('/')[0];
}

function Marco() {
  const { usuario, cerrarSesion } = useSesion();
  const [cerrando, setCerrando] = useState(false);
  const items = itemsParaRol(usuario.rol);
  const propias = [...RUTAS_BASE, ...rutasDeModulos];
  const conGuardia = (r: RouteObject): RouteObject =>
    puedeVer(usuario.rol, moduloDe(r)) ? r : { path: r.path, element: <SinAcceso /> };
  const enConstruccion: RouteObject[] = NAVEGACION.filter((i) => !propias.some((r) => moduloDe(r) === i.ruta)).map((i) => ({
    path: `${i.ruta}/*`,
    element: (puedeVer(usuario.rol, i.ruta) ? <EnConstruccion modulo={i.etiqueta} descripcion={i.descripcion} /> : <SinAcceso />) as ReactNode,
  }));

  const inicio = puedeVer(usuario.rol, INICIO_POR_ROL[usuario.rol]) ? INICIO_POR_ROL[usuario.rol] : (items[0]?.ruta ?? 'tablero');
  const rutas = useRoutes([
    {
      element: (
        <Layout
          usuario={{ nombre: usuario.nombre, etiquetaRol: ROL_ETIQUETA[usuario.rol] }}
          items={items}
          cerrandoSesion={cerrando}
          extraEncabezado={
            <>
              <IndicadorServidor />
              <BotonPaleta />
            </>
          }
          onCerrarSesion={() => {
            setCerrando(true);
            void cerrarSesion().finally(() => setCerrando(false));
          }}
        />
      ),
      children: [
        { index: true, element: <Navigate to={`/${inicio}`} replace /> },
        ...propias.map(conGuardia),
        ...enConstruccion,
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ]);
  return (
    <>
      <AtajoNuevo rol={usuario.rol} />
      <Paleta rol={usuario.rol} />
      {rutas}
    </>
  );
}

export function App() {
  return (
    <>
      <AvisoSinConexion />
      <PuertaModo>
        <ProveedorSesion pantallas={pantallasSesion}>
          <Marco />
        </ProveedorSesion>
      </PuertaModo>
    </>
  );
}

export default App;
