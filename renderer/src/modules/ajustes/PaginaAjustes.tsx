/** Ajustes (administrador): general settings, users, non-working days, the audit log, backups and this PC's mode, as tabs in the URL. */
import { Stack, Tabs, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { AjustesGenerales } from './General';
import { DiasInhabiles } from './DiasInhabiles';
import { Bitacora } from './Bitacora';
import { PaginaUsuarios } from '../usuarios/PaginaUsuarios';
import { Respaldos } from '../respaldo/Respaldos';
import { ColaLectura } from '../ocr/ColaLectura';
import { EsteEquipo } from './EsteEquipo';

const SECCIONES = [
  { valor: 'general', titulo: 'General', vista: <AjustesGenerales /> },
  { valor: 'usuarios', titulo: 'Usuarios', vista: <PaginaUsuarios /> },
  { valor: 'dias-inhabiles', titulo: 'Días inhábiles', vista: <DiasInhabiles /> },
  { valor: 'bitacora', titulo: 'Bitácora', vista: <Bitacora /> },
  { valor: 'respaldos', titulo: 'Respaldos', vista: <Respaldos /> },
  { valor: 'lectura', titulo: 'Lectura de escaneos', vista: <ColaLectura /> },
  { valor: 'equipo', titulo: 'Este equipo', vista: <EsteEquipo /> },
];

export function PaginaAjustes() {
  const { seccion = 'general' } = useParams();
  const navegar = useNavigate();
  return (
    <Stack gap="sm">
      <Title order={2}>Ajustes</Title>
      <Tabs value={seccion} onChange={(v) => v && navegar(`/ajustes/${v}`)} keepMounted={false}>
        <Tabs.List>
          {SECCIONES.map((s) => <Tabs.Tab key={s.valor} value={s.valor}>{s.titulo}</Tabs.Tab>)}
        </Tabs.List>
        {SECCIONES.map((s) => <Tabs.Panel key={s.valor} value={s.valor} pt="sm">{s.vista}</Tabs.Panel>)}
      </Tabs>
    </Stack>
  );
}
