/** Sign-in, first run (create the administrator) and the idle lock: the screens before the app. */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Center, Loader, Modal, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { z } from 'zod';
import { api } from '../api';
import { BotonGuardar, Formulario, useFormulario, avisarError } from '../ui';
import type { Output } from '../../../electron/contract';
import { Contrasena } from '../../../electron/contract/usuarios';
import type { PantallasSesion, Usuario } from './sesion';

type AlEntrar = (s: Output<'usuarios.iniciarSesion'>) => void;

function Marco({ institucion, children }: { institucion: string; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.1" p="md">
      <Paper shadow="sm" radius="md" p="xl" w={420} withBorder>
        <Stack gap="lg">
          <div>
            <Text size="sm" c="dimmed">{institucion}</Text>
            <Title order={2}>Sistema de Seguimiento del Ejecutivo</Title>
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

const EsquemaEntrada = z.object({
  usuario: z.string().trim().min(1, 'Escriba su usuario.'),
  contrasena: z.string().min(1, 'Escriba su contraseña.'),
});

function Entrada({ institucion, aviso, alEntrar }: { institucion: string; aviso?: string; alEntrar: AlEntrar }) {
  const form = useFormulario({ esquema: EsquemaEntrada, valoresIniciales: { usuario: '', contrasena: '' }, validarAlSalir: false });
  return (
    <Marco institucion={institucion}>
      {aviso && <Alert color="yellow" icon={<IconAlertCircle />}>{aviso}</Alert>}
      <Formulario
        form={form}
        aria-label="Iniciar sesión"
        onGuardar={async (v) => alEntrar(await api.llamar('usuarios.iniciarSesion', v))}
      >
        <Stack>
          <TextInput label="Usuario" autoComplete="username" autoFocus {...form.getInputProps('usuario')} />
          {/* One Enter from the password signs in (the only form where Enter saves). */}
          <PasswordInput label="Contraseña" autoComplete="current-password" data-enter-envia {...form.getInputProps('contrasena')} />
          <BotonGuardar>Entrar</BotonGuardar>
        </Stack>
      </Formulario>
    </Marco>
  );
}

const EsquemaPrimerUso = z
  .object({
    nombre: z.string().trim().min(1, 'Escriba el nombre completo.').max(120),
    usuario: z.string().trim().toLowerCase().min(3, 'Mínimo 3 caracteres.').max(40).regex(/^[a-z0-9._-]+$/, 'Solo letras sin acentos, números, punto y guiones.'),
    contrasena: Contrasena,
    confirmacion: z.string(),
  })
  .refine((v) => v.contrasena === v.confirmacion, { message: 'Las contraseñas no coinciden.', path: ['confirmacion'] });

function PrimerUso({ institucion, alEntrar }: { institucion: string; alEntrar: AlEntrar }) {
  const form = useFormulario({
    esquema: EsquemaPrimerUso,
    valoresIniciales: { nombre: '', usuario: 'admin', contrasena: '', confirmacion: '' },
  });
  return (
    <Marco institucion={institucion}>
      <div>
        <Title order={4}>Configuración inicial</Title>
        <Text size="sm" c="dimmed">
          Cree la cuenta del administrador. Con ella dará de alta a las demás personas y sus roles.
        </Text>
      </div>
      <Formulario
        form={form}
        aria-label="Crear administrador"
        onGuardar={async ({ confirmacion: _c, ...v }) => alEntrar(await api.llamar('usuarios.crearAdministradorInicial', v))}
      >
        <Stack>
          <TextInput label="Nombre completo" autoFocus {...form.getInputProps('nombre')} />
          <TextInput label="Usuario" autoComplete="username" {...form.getInputProps('usuario')} />
          <PasswordInput label="Contraseña" description="Mínimo 8 caracteres." autoComplete="new-password" {...form.getInputProps('contrasena')} />
          <PasswordInput label="Confirme la contraseña" autoComplete="new-password" data-enter-envia {...form.getInputProps('confirmacion')} />
          <BotonGuardar>Crear administrador y entrar</BotonGuardar>
        </Stack>
      </Formulario>
    </Marco>
  );
}

function Bloqueo({ usuario, alDesbloquear, alSalir }: { usuario: Usuario; alDesbloquear: () => void; alSalir: () => void }) {
  const [contrasena, setContrasena] = useState('');
  const [error, setError] = useState<string | null>(null);
  const desbloquear = async () => {
    try {
      await api.llamar('usuarios.desbloquear', { contrasena });
      alDesbloquear();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      avisarError(e);
    }
  };
  return (
    <Modal opened onClose={() => undefined} withCloseButton={false} closeOnEscape={false} closeOnClickOutside={false} centered
      overlayProps={{ backgroundOpacity: 0.85, blur: 6 }} title={<><IconLock size={18} /> Sesión bloqueada</>}>
      <form onSubmit={(e) => { e.preventDefault(); void desbloquear(); }}>
        <Stack>
          <Text size="sm">La sesión de <b>{usuario.nombre}</b> se bloqueó por inactividad. Escriba su contraseña para continuar donde estaba.</Text>
          <PasswordInput label="Contraseña" autoFocus value={contrasena} error={error} onChange={(e) => setContrasena(e.currentTarget.value)} />
          <Button type="submit">Desbloquear</Button>
          <Button variant="subtle" onClick={alSalir}>Cerrar sesión</Button>
        </Stack>
      </form>
    </Modal>
  );
}

function CambioObligatorio({ usuario, alCambiar, alSalir }: { usuario: Usuario; alCambiar: () => void; alSalir: () => void }) {
  const [v, setV] = useState({ actual: '', nueva: '', confirmacion: '' });
  const [error, setError] = useState<string | null>(null);
  const [enviando, setEnviando] = useState(false);
  const guardar = async () => {
    if (v.nueva !== v.confirmacion) return setError('Las contraseñas nuevas no coinciden.');
    setEnviando(true);
    try {
      await api.llamar('usuarios.cambiarContrasena', { actual: v.actual, nueva: v.nueva });
      alCambiar();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setEnviando(false);
    }
  };
  const campo = (k: keyof typeof v) => ({ value: v[k], onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value }) });
  return (
    <Marco institucion="">
      <form aria-label="Elegir contraseña nueva" onSubmit={(e) => { e.preventDefault(); void guardar(); }}>
        <Stack>
          <Text size="sm"><b>{usuario.nombre}</b>: su contraseña es provisional (la asignó el administrador). Elija una nueva para continuar; solo usted la conocerá.</Text>
          {error && <Alert color="red" icon={<IconAlertCircle />}>{error}</Alert>}
          <PasswordInput label="Contraseña provisional" autoComplete="current-password" autoFocus {...campo('actual')} />
          <PasswordInput label="Contraseña nueva" description="Al menos 8 caracteres." autoComplete="new-password" {...campo('nueva')} />
          <PasswordInput label="Confirme la contraseña nueva" autoComplete="new-password" {...campo('confirmacion')} />
          <Button type="submit" loading={enviando}>Guardar y continuar</Button>
          <Button variant="subtle" onClick={alSalir}>Cerrar sesión</Button>
        </Stack>
      </form>
    </Marco>
  );
}

export const pantallasSesion: PantallasSesion = {
  cargando: <Center mih="100vh"><Loader aria-label="Cargando" /></Center>,
  sinConexion: (mensaje) => (
    <Center mih="100vh" p="md">
      <Alert color="red" title="No se pudo conectar con el sistema" icon={<IconAlertCircle />} maw={520}>{mensaje}</Alert>
    </Center>
  ),
  primerUso: (institucion, alEntrar) => <PrimerUso institucion={institucion} alEntrar={alEntrar} />,
  entrada: (institucion, aviso, alEntrar) => <Entrada institucion={institucion} aviso={aviso} alEntrar={alEntrar} />,
  bloqueo: (usuario, alDesbloquear, alSalir) => <Bloqueo usuario={usuario} alDesbloquear={alDesbloquear} alSalir={alSalir} />,
  cambiarContrasena: (usuario, alCambiar, alSalir) => <CambioObligatorio usuario={usuario} alCambiar={alCambiar} alSalir={alSalir} />,
};
