/** Compromisos de campaña: lista, semáforo de cumplimiento y Plan Estatal de Desarrollo. */
import { Stack, Tabs } from '@mantine/core';
import { Navigate, useNavigate, useParams, type RouteObject } from 'react-router';
import { useSesion } from '../../app/sesion';
import { useAlCambiar } from '../../app/cambios';
import { useCatalogos } from './datos';
import { PaginaLista } from './PaginaLista';
import { PaginaPed } from './PaginaPed';
import { PaginaSemaforo } from './PaginaSemaforo';

function PaginaCompromisos() {
  const { vista = 'lista' } = useParams();
  const navegar = useNavigate();
  const { usuario } = useSesion();
  const { catalogos, recargar } = useCatalogos();
  const escribe = usuario.rol === 'coordinador';
  const editaPed = usuario.rol === 'coordinador' || usuario.rol === 'administrador';
  useAlCambiar(() => void recargar(), ['ped']);
  return (
    <Stack gap="sm">
      <Tabs value={vista} onChange={(v) => navegar(`/compromisos/${v}`)}>
        <Tabs.List>
          <Tabs.Tab value="lista">Compromisos</Tabs.Tab>
          <Tabs.Tab value="semaforo">Semáforo de cumplimiento</Tabs.Tab>
          <Tabs.Tab value="ped">Plan Estatal de Desarrollo</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {vista === 'lista' && <PaginaLista catalogos={catalogos} puedeEscribir={escribe} />}
      {vista === 'semaforo' && <PaginaSemaforo />}
      {vista === 'ped' && <PaginaPed ped={catalogos.ped} puedeEditar={editaPed} recargar={() => void recargar()} />}
      {!['lista', 'semaforo', 'ped'].includes(vista) && <Navigate to="/compromisos/lista" replace />}
    </Stack>
  );
}

export const rutas: RouteObject[] = [{ path: 'compromisos/:vista?', element: <PaginaCompromisos /> }];
