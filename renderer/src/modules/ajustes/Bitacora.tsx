/** Bitácora: the latest changes and a check of the hash chain (tampering shows the first broken link). */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { api } from '../../api';
import type { Output } from '../../../../electron/contract';
import { DataTable, avisarError, numero } from '../../ui';

type Entrada = Output<'bitacora.listar'>[number];
type Verificacion = Output<'bitacora.verificar'>;

export function Bitacora() {
  const [filas, setFilas] = useState<Entrada[]>([]);
  const [verificacion, setVerificacion] = useState<Verificacion | null>(null);
  const [verificando, setVerificando] = useState(false);
  useEffect(() => void api.llamar('bitacora.listar', { limite: 500 }).then(setFilas, avisarError), []);

  const verificar = async () => {
    setVerificando(true);
    try {
      setVerificacion(await api.llamar('bitacora.verificar', {}));
    } catch (e) {
      avisarError(e);
    } finally {
      setVerificando(false);
    }
  };

  return (
    <Stack>
      <Group>
        <Button variant="light" leftSection={<IconShieldCheck size={16} />} loading={verificando} onClick={() => void verificar()}>Verificar integridad</Button>
        <Text size="sm" c="dimmed">Cada cambio queda encadenado al anterior: una alteración posterior se detecta.</Text>
      </Group>
      {verificacion && (verificacion.integra ? (
        <Alert color="teal" icon={<IconShieldCheck />}>Bitácora íntegra: {numero(verificacion.total)} entradas verificadas.</Alert>
      ) : (
        <Alert color="red" icon={<IconShieldX />} title="La bitácora fue alterada">
          Entrada {verificacion.primerRoto?.id}: {verificacion.primerRoto?.motivo}
        </Alert>
      ))}
      <DataTable
        id="bitacora"
        etiqueta="Bitácora"
        filas={filas}
        idFila={(e) => String(e.id)}
        sustantivo={{ singular: 'entrada reciente', plural: 'entradas recientes' }}
        altura="calc(100vh - 330px)"
        columnas={[
          { id: 'momento', titulo: 'Cuándo', tipo: 'fechaHora', ancho: 160, valor: (e) => e.momento },
          { id: 'usuario', titulo: 'Quién', ancho: 140, valor: (e) => e.usuario ?? 'sistema' },
          { id: 'metodo', titulo: 'Operación', ancho: 260, valor: (e) => e.metodo },
          { id: 'entidad', titulo: 'Registro', ancho: 160, valor: (e) => e.entidad },
          { id: 'cambio', titulo: 'Cambio', flexible: true, valor: (e) => JSON.stringify(e.despues ?? e.antes ?? '').slice(0, 200) },
        ]}
      />
    </Stack>
  );
}
