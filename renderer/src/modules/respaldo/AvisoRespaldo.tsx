/** The tablero's figure for administrators: a warning when the last verified backup is older than 48 h. */
import { Alert, Anchor } from '@mantine/core';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { useSesion } from '../../app/sesion';

export function AvisoRespaldo() {
  const { usuario } = useSesion();
  const [aviso, setAviso] = useState<string | null>(null);
  const admin = usuario.rol === 'administrador';
  useEffect(() => {
    if (admin) api.llamar('respaldo.aviso', {}).then((a) => setAviso(a.aviso), () => setAviso(null));
  }, [admin]);
  if (!admin || !aviso) return null;
  return (
    <Alert color="orange" icon={<IconDatabaseExclamation />} title="Respaldos">
      {aviso}{' '}
      <Anchor component={Link} to="/ajustes/respaldos">Ir a Respaldos</Anchor>
    </Alert>
  );
}
