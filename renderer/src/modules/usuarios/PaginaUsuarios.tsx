/** Usuarios (administrador): create, edit name and role, reset a password, deactivate — never delete. */
import { useCallback, useEffect, useState } from 'react';
import { ActionIcon, Badge, Button, Group, Menu, Stack } from '@mantine/core';
import { IconDots, IconUserPlus } from '@tabler/icons-react';
import { z } from 'zod';
import { api } from '../../api';
import { ROLES, ROL_ETIQUETA, Rol } from '../../../../electron/contract/comun';
import { Contrasena } from '../../../../electron/contract/usuarios';
import { DataTable, Formulario, PanelEdicion, useFormulario, CampoTexto, CampoSeleccion, avisarError, avisarExito, confirmar, fechaHora } from '../../ui';
import { useSesion, type Usuario } from '../../app/sesion';

const OPCIONES_ROL = ROLES.map((r) => ({ value: r, label: ROL_ETIQUETA[r] }));

const EsquemaNuevo = z.object({
  nombre: z.string().trim().min(1, 'Escriba el nombre completo.').max(120, 'Máximo 120 caracteres.'),
  usuario: z.string().trim().toLowerCase().min(3, 'Mínimo 3 caracteres.').max(40).regex(/^[a-z0-9._-]+$/, 'Solo letras sin acentos, números, punto y guiones.'),
  rol: Rol,
  contrasena: Contrasena,
});
const EsquemaEdicion = EsquemaNuevo.pick({ nombre: true, rol: true });
const EsquemaContrasena = EsquemaNuevo.pick({ contrasena: true });

type Edicion = { tipo: 'nuevo' } | { tipo: 'editar'; u: Usuario } | { tipo: 'contrasena'; u: Usuario };

function FormNuevo({ listo }: { listo: () => void }) {
  const form = useFormulario({ esquema: EsquemaNuevo, valoresIniciales: { nombre: '', usuario: '', rol: 'capturista', contrasena: '' } });
  return (
    <Formulario form={form} borrador="usuarios.nuevo" onGuardar={async (v) => { await api.llamar('usuarios.crear', v); avisarExito(`Usuario «${v.usuario}» creado.`); listo(); }}>
      <Stack>
        <CampoTexto form={form} campo="nombre" label="Nombre completo" autoFocus />
        <CampoTexto form={form} campo="usuario" label="Usuario" description="Con él inicia sesión." />
        <CampoSeleccion form={form} campo="rol" label="Rol" data={OPCIONES_ROL} allowDeselect={false} />
        <CampoTexto form={form} campo="contrasena" label="Contraseña inicial" type="password" description="Mínimo 8 caracteres; comuníquela en persona." />
        <Group justify="flex-end"><Button type="submit">Crear usuario</Button></Group>
      </Stack>
    </Formulario>
  );
}

function FormEditar({ u, listo }: { u: Usuario; listo: () => void }) {
  const form = useFormulario({ esquema: EsquemaEdicion, valoresIniciales: { nombre: u.nombre, rol: u.rol } });
  return (
    <Formulario form={form} borrador={`usuarios.${u.id}`} onGuardar={async (v) => { await api.llamar('usuarios.actualizar', { ...v, id: u.id, version: u.version }); avisarExito('Cambios guardados.'); listo(); }}>
      <Stack>
        <CampoTexto form={form} campo="nombre" label="Nombre completo" autoFocus />
        <CampoSeleccion form={form} campo="rol" label="Rol" data={OPCIONES_ROL} allowDeselect={false} />
        <Group justify="flex-end"><Button type="submit">Guardar</Button></Group>
      </Stack>
    </Formulario>
  );
}

function FormContrasena({ u, listo }: { u: Usuario; listo: () => void }) {
  const form = useFormulario({ esquema: EsquemaContrasena, valoresIniciales: { contrasena: '' } });
  return (
    <Formulario form={form} onGuardar={async (v) => { await api.llamar('usuarios.restablecerContrasena', { id: u.id, ...v }); avisarExito(`Contraseña de «${u.usuario}» restablecida; su cuenta quedó desbloqueada.`); listo(); }}>
      <Stack>
        <CampoTexto form={form} campo="contrasena" label="Nueva contraseña" type="password" autoFocus />
        <Group justify="flex-end"><Button type="submit">Restablecer</Button></Group>
      </Stack>
    </Formulario>
  );
}

function estadoDe(u: Usuario): { texto: string; color: string } {
  if (!u.activo) return { texto: 'Desactivado', color: 'gray' };
  if (u.bloqueadoHasta && u.bloqueadoHasta > Date.now()) return { texto: `Bloqueado hasta ${fechaHora(u.bloqueadoHasta)}`, color: 'red' };
  return { texto: 'Activo', color: 'teal' };
}

export function PaginaUsuarios() {
  const { usuario: yo } = useSesion();
  const [filas, setFilas] = useState<Usuario[]>([]);
  const [cargando, setCargando] = useState(true);
  const [edicion, setEdicion] = useState<Edicion | null>(null);
  const cargar = useCallback(async () => {
    try {
      setFilas(await api.llamar('usuarios.listar', {}));
    } catch (e) {
      avisarError(e);
    } finally {
      setCargando(false);
    }
  }, []);
  useEffect(() => void cargar(), [cargar]);
  const listo = () => { setEdicion(null); void cargar(); };

  const cambiarActivo = async (u: Usuario) => {
    const accion = u.activo ? 'Desactivar' : 'Reactivar';
    if (!(await confirmar({
      titulo: `${accion} a ${u.nombre}`,
      mensaje: u.activo ? 'No podrá iniciar sesión y su sesión abierta terminará. Todo lo que registró se conserva.' : 'Podrá iniciar sesión de nuevo.',
      confirmar: accion, peligro: u.activo,
    }))) return;
    try {
      await api.llamar('usuarios.cambiarActivo', { id: u.id, version: u.version, activo: !u.activo });
      void cargar();
    } catch (e) {
      avisarError(e);
    }
  };

  return (
    <>
      <DataTable
        id="usuarios"
        etiqueta="Usuarios"
        filas={filas}
        cargando={cargando}
        idFila={(u) => u.id}
        sustantivo={{ singular: 'usuario', plural: 'usuarios' }}
        altura="calc(100vh - 230px)"
        onAbrir={(u) => setEdicion({ tipo: 'editar', u })}
        acciones={<Button leftSection={<IconUserPlus size={16} />} onClick={() => setEdicion({ tipo: 'nuevo' })}>Nuevo usuario</Button>}
        columnas={[
          { id: 'nombre', titulo: 'Nombre', flexible: true, valor: (u) => u.nombre },
          { id: 'usuario', titulo: 'Usuario', ancho: 160, valor: (u) => u.usuario },
          { id: 'rol', titulo: 'Rol', ancho: 240, valor: (u) => ROL_ETIQUETA[u.rol], filtro: { opciones: ROLES.map((r) => ({ valor: ROL_ETIQUETA[r], etiqueta: ROL_ETIQUETA[r] })) } },
          { id: 'estado', titulo: 'Estado', ancho: 220, valor: (u) => estadoDe(u).texto, celda: (u) => <Badge variant="light" color={estadoDe(u).color}>{estadoDe(u).texto}</Badge> },
          {
            id: 'acciones', titulo: '', ancho: 56, ordenable: false, ocultable: false, valor: () => '',
            celda: (u) => (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" aria-label={`Acciones de ${u.nombre}`} onClick={(e) => e.stopPropagation()}><IconDots size={16} /></ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => setEdicion({ tipo: 'editar', u })}>Editar nombre y rol</Menu.Item>
                  <Menu.Item onClick={() => setEdicion({ tipo: 'contrasena', u })}>Restablecer contraseña</Menu.Item>
                  {u.id !== yo.id && <Menu.Item color={u.activo ? 'red' : undefined} onClick={() => void cambiarActivo(u)}>{u.activo ? 'Desactivar' : 'Reactivar'}</Menu.Item>}
                </Menu.Dropdown>
              </Menu>
            ),
          },
        ]}
      />
      <PanelEdicion opened={edicion !== null} onClose={() => setEdicion(null)}
        title={edicion?.tipo === 'nuevo' ? 'Nuevo usuario' : edicion?.tipo === 'editar' ? `Editar a ${edicion.u.nombre}` : edicion ? `Restablecer contraseña de ${edicion.u.nombre}` : ''}>
        {edicion?.tipo === 'nuevo' && <FormNuevo listo={listo} />}
        {edicion?.tipo === 'editar' && <FormEditar u={edicion.u} listo={listo} />}
        {edicion?.tipo === 'contrasena' && <FormContrasena u={edicion.u} listo={listo} />}
      </PanelEdicion>
    </>
  );
}
