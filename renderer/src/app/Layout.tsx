import { AppShell, Avatar, Burger, Button, Group, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingBank, IconLogout } from '@tabler/icons-react';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import type { ItemNavegacion } from './navegacion';

export const NOMBRE_APP = 'Sistema de Seguimiento del Ejecutivo';

export interface LayoutProps {
  /** Who is signed in: full name and the role's label ("Capturista de correspondencia"). */
  usuario: { nombre: string; etiquetaRol: string };
  /** Navigation items this user sees (already filtered by role), in order. */
  items: readonly ItemNavegacion[];
  onCerrarSesion: () => void;
  cerrandoSesion?: boolean;
  /** Extra content at the right of the header, before the user (e.g. a background job's progress). */
  extraEncabezado?: ReactNode;
}

function iniciales(nombre: string): string {
  const partes = nombre.trim().split(/\s+/).filter(Boolean);
  return ((partes[0]?.[0] ?? '') + (partes.length > 1 ? (partes[1]?.[0] ?? '') : '')).toLocaleUpperCase('es-MX');
}

/** The application frame: header (app, user, sign out), navigation by role, and the page. */
export function Layout({ usuario, items, onCerrarSesion, cerrandoSesion = false, extraEncabezado }: LayoutProps) {
  const [abierto, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const contenidoRef = useRef<HTMLDivElement>(null);
  const navRef = useRef<HTMLDivElement>(null);

  // The window title shows who is signed in (UX: habits everywhere).
  useEffect(() => {
    const previo = document.title;
    document.title = `${NOMBRE_APP} — ${usuario.nombre} (${usuario.etiquetaRol})`;
    return () => {
      document.title = previo;
    };
  }, [usuario.nombre, usuario.etiquetaRol]);

  useEffect(() => close(), [pathname, close]);

  const activo = (ruta: string) => pathname === `/${ruta}` || pathname.startsWith(`/${ruta}/`);

  // ↑ ↓ Inicio Fin move between navigation links.
  const alTeclearNav = (ev: KeyboardEvent<HTMLElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(ev.key)) return;
    const enlaces = Array.from(navRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-nav]') ?? []);
    const i = enlaces.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    ev.preventDefault();
    const destino =
      ev.key === 'Home' ? 0 : ev.key === 'End' ? enlaces.length - 1 : (i + (ev.key === 'ArrowDown' ? 1 : -1) + enlaces.length) % enlaces.length;
    enlaces[destino]?.focus();
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 228, breakpoint: 'sm', collapsed: { mobile: !abierto } }}
      padding={0}
    >
      <AppShell.Header
        style={{ borderTop: '3px solid var(--mantine-primary-color-filled)', borderBottomColor: 'var(--mantine-color-gray-3)' }}
      >
        <UnstyledButton
          onClick={() => contenidoRef.current?.focus()}
          style={{
            position: 'absolute',
            left: 8,
            top: -100,
            zIndex: 1000,
            padding: '6px 12px',
            background: 'var(--mantine-color-white)',
            border: '2px solid var(--mantine-primary-color-filled)',
            borderRadius: 4,
          }}
          onFocus={(e) => (e.currentTarget.style.top = '8px')}
          onBlur={(e) => (e.currentTarget.style.top = '-100px')}
        >
          Saltar al contenido
        </UnstyledButton>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={abierto} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Mostrar u ocultar el menú" />
            <IconBuildingBank size={26} stroke={1.5} color="var(--mantine-primary-color-filled)" aria-hidden="true" />
            <div style={{ minWidth: 0 }}>
              <Text fw={700} size="md" lh={1.15} truncate c="var(--mantine-color-gray-9)">
                {NOMBRE_APP}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} truncate visibleFrom="md">
                Oficina del Ejecutivo Estatal · Gobierno del Estado de Sonora
              </Text>
            </div>
          </Group>
          <Group gap="md" wrap="nowrap">
            {extraEncabezado}
            <Group gap="xs" wrap="nowrap" aria-label="Sesión">
              <Avatar size={32} radius="xl" color="guinda" variant="light" aria-hidden="true">
                {iniciales(usuario.nombre)}
              </Avatar>
              <div style={{ lineHeight: 1.15, whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600} lh={1.2} data-usuario>
                  {usuario.nombre}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2} data-rol>
                  {usuario.etiquetaRol}
                </Text>
              </div>
            </Group>
            <Button
              variant="default"
              size="sm"
              leftSection={<IconLogout size={16} stroke={1.8} />}
              onClick={onCerrarSesion}
              loading={cerrandoSesion}
            >
              Cerrar sesión
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" style={{ borderRightColor: 'var(--mantine-color-gray-3)' }}>
        <Stack gap={2} component="nav" aria-label="Módulos" ref={navRef} onKeyDown={alTeclearNav}>
          {items.map((item) => {
            const Icono = item.icono;
            const esActivo = activo(item.ruta);
            return (
              <NavLink
                key={item.ruta}
                component={Link}
                to={`/${item.ruta}`}
                data-nav=""
                label={item.etiqueta}
                leftSection={<Icono size={19} stroke={1.6} aria-hidden="true" />}
                active={esActivo}
                aria-current={esActivo ? 'page' : undefined}
                variant="light"
                styles={{
                  root: { borderRadius: 6, height: 38 },
                  label: { fontSize: 15, fontWeight: esActivo ? 600 : 500 },
                }}
              />
            );
          })}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main
        style={{
          height: '100dvh',
          display: 'flex',
          flexDirection: 'column',
          background: 'var(--mantine-color-gray-0)',
        }}
      >
        <div
          ref={contenidoRef}
          id="contenido"
          tabIndex={-1}
          style={{ flex: 1, minHeight: 0, overflow: 'auto', outline: 'none', display: 'flex', flexDirection: 'column' }}
        >
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
