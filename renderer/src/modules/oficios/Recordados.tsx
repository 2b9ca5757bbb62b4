/** The oficios (recordatorios above all) sent about one acuerdo or compromiso, shown under its seguimiento. */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { avisarError, fecha } from '../../ui';
import { Estatus, type FilaOficio } from './comun';

export function OficiosRecordados({ filtro }: { filtro: { acuerdoId: string } | { compromisoId: string } }) {
  const [filas, setFilas] = useState<FilaOficio[]>([]);
  const ir = useNavigate();
  const clave = JSON.stringify(filtro);
  useEffect(() => {
    api.llamar('oficios.listar', { ...filtro, limite: 20 }).then((r) => setFilas(r.filas.filter((f) => f.numero)), avisarError);
  }, [clave]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!filas.length) return null;
  return (
    <Stack gap={2} data-testid="oficios-recordados">
      {filas.map((f) => (
        <Group key={f.id} gap={6} wrap="nowrap">
          <IconMailForward size={14} />
          <Text size="sm">
            {f.tipo === 'recordatorio' ? 'Recordatorio' : 'Oficio'}: <Anchor size="sm" onClick={() => ir(`/oficios/${f.id}`)}>oficio {f.numero}</Anchor> del {fecha(f.fecha)}
          </Text>
          <Estatus estatus={f.estatus} />
        </Group>
      ))}
    </Stack>
  );
}
