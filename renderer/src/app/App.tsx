/**
 * TEMPORARY shell until sign-in exists: it shows the Layout with a development session so the frame
 * can be seen. The session engineer replaces this file (real user, role, routes per module).
 */
import { Navigate, Route, Routes } from 'react-router';
import { ROL_ETIQUETA, type Rol } from '../../../electron/contract/comun';
import { avisarExito } from '../ui/avisos';
import { EnConstruccion } from './EnConstruccion';
import { Layout } from './Layout';
import { itemsParaRol } from './navegacion';

const SESION_DE_DESARROLLO: { nombre: string; rol: Rol } = { nombre: 'Sesión de desarrollo', rol: 'administrador' };

export function App() {
  const items = itemsParaRol(SESION_DE_DESARROLLO.rol);
  return (
    <Routes>
      <Route
        element={
          <Layout
            usuario={{ nombre: SESION_DE_DESARROLLO.nombre, etiquetaRol: ROL_ETIQUETA[SESION_DE_DESARROLLO.rol] }}
            items={items}
            onCerrarSesion={() => avisarExito('El inicio de sesión todavía no está disponible en esta versión.')}
          />
        }
      >
        <Route index element={<Navigate to={`/${items[0]?.ruta ?? 'tablero'}`} replace />} />
        {items.map((i) => (
          <Route key={i.ruta} path={`${i.ruta}/*`} element={<EnConstruccion modulo={i.etiqueta} descripcion={i.descripcion} />} />
        ))}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

export default App;
