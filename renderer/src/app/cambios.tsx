/**
 * Working together: other stations' changes refresh what is on screen (lists, detail, tablero) without
 * reloading, and a lost connection is shown while the client retries.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Tooltip } from '@mantine/core';
import { IconPlugConnectedX, IconServer } from '@tabler/icons-react';
import { api, type EstadoConexion } from '../api';
import type { InfoModo } from '../../../electron/shell/puente';

/** Calls `recargar` (debounced) when a change notice arrives, for any entity or only the ones listed. */
export function useAlCambiar(recargar: () => void, entidades?: readonly string[]): void {
  const ref = useRef(recargar);
  ref.current = recargar;
  const filtro = entidades?.join('|');
  useEffect(() => {
    let t: ReturnType<typeof setTimeout> | undefined;
    const lista = filtro ? filtro.split('|') : null;
    const dejar = api.alCambiar((c) => {
      if (lista && !lista.includes(c.entidad)) return;
      clearTimeout(t);
      t = setTimeout(() => ref.current(), 250);
    });
    return () => {
      clearTimeout(t);
      dejar();
    };
  }, [filtro]);
}

export function AvisoSinConexion() {
  const [estado, setEstado] = useState<EstadoConexion>(api.conexion);
  useEffect(() => api.alCambiarConexion(setEstado), []);
  if (estado === 'conectado') return null;
  return (
    <Alert
      role="alert"
      color="red"
      variant="filled"
      icon={<IconPlugConnectedX />}
      title="Sin conexión con el servidor"
      style={{ position: 'fixed', top: 8, left: '50%', transform: 'translateX(-50%)', zIndex: 3000, maxWidth: 560 }}
    >
      Reintentando… Lo que escribió se conserva y lo pendiente se enviará una sola vez al volver la conexión.
    </Alert>
  );
}

/** Desktop app: the mode says where the data is (this PC serving the office, or the server's host). */
function etiquetaServidor(info: InfoModo | null): string {
  if (info?.modo === 'servidor' && info.servidor) return `Servidor de la oficina (${new URL(info.servidor.direccion).host})`;
  if (info?.modo === 'estacion' && info.estacion) return new URL(info.estacion.url).host;
  return api.servidor;
}

export function IndicadorServidor() {
  const [etiqueta, setEtiqueta] = useState(api.servidor);
  useEffect(() => void api.infoModo().then((i) => setEtiqueta(etiquetaServidor(i))), []);
  return (
    <Tooltip label="Servidor al que está conectada esta ventana">
      <Badge variant="light" color="gray" leftSection={<IconServer size={12} />} data-servidor tt="none">
        {etiqueta}
      </Badge>
    </Tooltip>
  );
}
