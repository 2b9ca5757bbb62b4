/// <reference types="vite/client" />
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/spotlight/styles.css';
import 'dayjs/locale/es-mx';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import fuenteCursiva from 'source-sans/WOFF2/VF/SourceSans3VF-Italic.ttf.woff2?url';
import fuenteNormal from 'source-sans/WOFF2/VF/SourceSans3VF-Upright.ttf.woff2?url';
import { App } from './app/App';
import { tema } from './ui/tema';

dayjs.locale('es-mx');

/** Source Sans 3 (OFL, shipped through npm — the same family as the PDF reports), never a web font. */
function cargarFuentes() {
  if (typeof FontFace === 'undefined' || !document.fonts) return;
  for (const [url, style] of [
    [fuenteNormal, 'normal'],
    [fuenteCursiva, 'italic'],
  ] as const) {
    const f = new FontFace('Source Sans 3', `url(${url}) format('woff2')`, { style, weight: '200 900', display: 'swap' });
    document.fonts.add(f);
    f.load().catch(() => {
      /* the system font stays */
    });
  }
}
cargarFuentes();

// A data router (hash history) so a form with unsaved changes can ask «¿Salir sin guardar?» (useBlocker).
const router = createHashRouter([{ path: '*', element: <App /> }]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={tema} forceColorScheme="light">
      <DatesProvider settings={{ locale: 'es-mx', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <ModalsProvider labels={{ confirm: 'Aceptar', cancel: 'Cancelar' }}>
          <Notifications position="top-right" limit={4} />
          <RouterProvider router={router} />
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
);
