/**
 * Who is signed in. On start: first run (create the administrator), sign-in, or the session kept by
 * this tab. Idle time locks the screen (the core enforces the same lock on every call).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useIdle } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { api, ErrorApi } from '../api';
import { fijarDuenoBorradores } from '../ui';
import type { Output } from '../../../electron/contract';
import { ROL_ETIQUETA } from '../../../electron/contract/comun';

export type Usuario = Output<'usuarios.listar'>[number];

type Estado =
  | { fase: 'cargando' }
  | { fase: 'sinConexion'; mensaje: string }
  | { fase: 'primerUso'; institucion: string }
  | { fase: 'entrada'; institucion: string; aviso?: string }
  | { fase: 'activa'; usuario: Usuario; bloqueoMinutos: number; bloqueada: boolean };

interface ContextoSesion {
  usuario: Usuario;
  cerrarSesion(): Promise<void>;
}

const Contexto = createContext<ContextoSesion | null>(null);

export function useSesion(): ContextoSesion {
  const c = useContext(Contexto);
  if (!c) throw new Error('useSesion fuera de <ProveedorSesion>');
  return c;
}

export interface PantallasSesion {
  cargando: ReactNode;
  sinConexion(mensaje: string): ReactNode;
  primerUso(institucion: string, alEntrar: (s: Output<'usuarios.iniciarSesion'>) => void): ReactNode;
  entrada(institucion: string, aviso: string | undefined, alEntrar: (s: Output<'usuarios.iniciarSesion'>) => void): ReactNode;
  bloqueo(usuario: Usuario, alDesbloquear: () => void, alSalir: () => void): ReactNode;
  /** The administrator gave a provisional password: choose one before anything else. */
  cambiarContrasena(usuario: Usuario, alCambiar: () => void, alSalir: () => void): ReactNode;
}

export function ProveedorSesion({ pantallas, children }: { pantallas: PantallasSesion; children: ReactNode }) {
  const [estado, setEstado] = useState<Estado>({ fase: 'cargando' });
  const navegar = useNavigate();
  // Drafts belong to whoever is signed in.
  fijarDuenoBorradores(estado.fase === 'activa' ? estado.usuario.id : null);

  const iniciar = useCallback(async (aviso?: string) => {
    try {
      const { primerUso, institucion } = await api.llamar('usuarios.estado', {});
      if (primerUso) return setEstado({ fase: 'primerUso', institucion });
      if (api.sesion) {
        try {
          const s = await api.llamar('usuarios.sesion', {});
          return setEstado({ fase: 'activa', usuario: s.usuario, bloqueoMinutos: s.bloqueoMinutos, bloqueada: false });
        } catch (e) {
          if (e instanceof ErrorApi && e.code === 'SESION_BLOQUEADA') {
            const s = await api.llamar('usuarios.sesion', {}).catch(() => null);
            if (s) return setEstado({ fase: 'activa', usuario: s.usuario, bloqueoMinutos: s.bloqueoMinutos, bloqueada: true });
          }
          api.sesion = null;
        }
      }
      setEstado({ fase: 'entrada', institucion, aviso });
    } catch (e) {
      setEstado({ fase: 'sinConexion', mensaje: e instanceof Error ? e.message : String(e) });
    }
  }, []);

  useEffect(() => {
    void iniciar();
  }, [iniciar]);

  // The core said the session ended (deactivated, restarted) or locked.
  useEffect(
    () =>
      api.alPerderSesion((e) => {
        if (e.code === 'SESION_BLOQUEADA') setEstado((s) => (s.fase === 'activa' ? { ...s, bloqueada: true } : s));
        else {
          api.sesion = null;
          void iniciar(e.message);
        }
      }),
    [iniciar],
  );

  const minutos = estado.fase === 'activa' ? estado.bloqueoMinutos : 15;
  const inactivo = useIdle(minutos * 60_000, { initialState: false });
  useEffect(() => {
    if (inactivo) setEstado((s) => (s.fase === 'activa' ? { ...s, bloqueada: true } : s));
  }, [inactivo]);

  useEffect(() => {
    document.title =
      estado.fase === 'activa'
        ? `Sistema de Seguimiento del Ejecutivo — ${estado.usuario.nombre} (${ROL_ETIQUETA[estado.usuario.rol]})`
        : 'Sistema de Seguimiento del Ejecutivo';
  }, [estado]);

  // A fresh sign-in lands on the role's home, never on the page the previous person left open.
  const alEntrar = useCallback((s: Output<'usuarios.iniciarSesion'>) => {
    api.sesion = s.token;
    fijarDuenoBorradores(s.usuario.id);
    navegar('/', { replace: true });
    setEstado({ fase: 'activa', usuario: s.usuario, bloqueoMinutos: s.bloqueoMinutos, bloqueada: false });
  }, [navegar]);

  const cerrarSesion = useCallback(async () => {
    await api.llamar('usuarios.cerrarSesion', {}).catch(() => undefined);
    api.sesion = null;
    await iniciar();
  }, [iniciar]);

  const valor = useMemo(
    () => (estado.fase === 'activa' ? { usuario: estado.usuario, cerrarSesion } : null),
    [estado, cerrarSesion],
  );

  switch (estado.fase) {
    case 'cargando':
      return pantallas.cargando;
    case 'sinConexion':
      return pantallas.sinConexion(estado.mensaje);
    case 'primerUso':
      return pantallas.primerUso(estado.institucion, alEntrar);
    case 'entrada':
      return pantallas.entrada(estado.institucion, estado.aviso, alEntrar);
    case 'activa':
      if (estado.usuario.debeCambiarContrasena) {
        return pantallas.cambiarContrasena(
          estado.usuario,
          () => setEstado({ ...estado, usuario: { ...estado.usuario, debeCambiarContrasena: false } }),
          () => void cerrarSesion(),
        );
      }
      return (
        <Contexto.Provider value={valor}>
          {children}
          {estado.bloqueada &&
            pantallas.bloqueo(
              estado.usuario,
              () => setEstado({ ...estado, bloqueada: false }),
              () => void cerrarSesion(),
            )}
        </Contexto.Provider>
      );
  }
}
