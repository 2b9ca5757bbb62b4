/** Gabinete › Directorio de funcionarios: used to convene meetings and take attendance. */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Switch } from '@mantine/core';
import { useAccionNuevo } from '../../app/atajos';
import { IconPlus } from '@tabler/icons-react';
import { api } from '../../api';
import { useAlCambiar } from '../../app/cambios';
import { AvisosBorrador, CampoSeleccion, CampoTexto, DataTable, avisarError, cerrarPreguntando, useBorradorEstado, avisarExito, erroresDeCampos, tecladoFormulario, type ColumnaTabla } from '../../ui';
import { EncabezadoGabinete, opcionesDependencias, useCatalogos, type Funcionario } from './comun';
import { useSesion } from '../../app/sesion';

const COLUMNAS: ColumnaTabla<Funcionario>[] = [
  { id: 'nombre', titulo: 'Nombre', valor: (f) => f.nombre, ancho: 240 },
  { id: 'cargo', titulo: 'Cargo', flexible: true, valor: (f) => f.cargo },
  { id: 'dependencia', titulo: 'Dependencia', valor: (f) => f.dependencia, ancho: 280, filtro: 'texto' },
  { id: 'correo', titulo: 'Correo', valor: (f) => f.correo, ancho: 220 },
  { id: 'telefono', titulo: 'Teléfono', valor: (f) => f.telefono, ancho: 130 },
  { id: 'activo', titulo: 'Estado', valor: (f) => (f.activo ? 'Activo' : 'Inactivo'), ancho: 100, celda: (f) => <Badge variant="light" color={f.activo ? 'teal' : 'gray'}>{f.activo ? 'Activo' : 'Inactivo'}</Badge> },
];

type Edicion = { id?: string; version?: number; nombre: string; cargo: string; dependenciaId: string | null; correo: string; telefono: string; activo?: boolean };
const VACIO: Edicion = { nombre: '', cargo: '', dependenciaId: null, correo: '', telefono: '' };

export function PaginaDirectorio() {
  const cat = useCatalogos();
  const rol = useSesion().usuario.rol;
  const escribe = rol === 'coordinador' || rol === 'administrador';
  const [filas, setFilas] = useState<Funcionario[]>([]);
  const [inactivos, setInactivos] = useState(false);
  const [edicion, setEdicion] = useState<Edicion | null>(null);
  // What the form showed when opened: typing away from it keeps a draft (per funcionario, or «nuevo»).
  const [original, setOriginal] = useState<Edicion | null>(null);
  const abrir = (e: Edicion | null) => {
    setEdicion(e);
    setOriginal(e);
  };
  const borrador = useBorradorEstado(edicion ? `gabinete.funcionario.${edicion.id ?? 'nuevo'}` : undefined, edicion, original, (v) => v && setEdicion(v));
  const cerrar = cerrarPreguntando(borrador.sucio, () => abrir(null));
  const [errores, setErrores] = useState<Record<string, string>>({});
  const cargar = useCallback(() => api.llamar('gabinete.funcionarios.listar', { incluirInactivos: inactivos }).then(setFilas, avisarError), [inactivos]);
  useEffect(() => void cargar(), [cargar]);
  useAlCambiar(() => void cargar(), ['gab_funcionarios']);
  useAccionNuevo(escribe ? () => abrir({ ...VACIO }) : null);

  const guardar = async () => {
    if (!edicion) return;
    setErrores({});
    if (!edicion.dependenciaId) return setErrores({ dependenciaId: 'Dependencia es obligatoria.' });
    try {
      const { activo: _a, ...datos } = edicion;
      const f = await api.llamar('gabinete.funcionarios.guardar', { ...datos, dependenciaId: edicion.dependenciaId });
      avisarExito(`${f.nombre} quedó en el directorio.`);
      borrador.olvidar();
      abrir(null);
      await cargar();
    } catch (e) {
      setErrores((erroresDeCampos(e) as Record<string, string>) ?? {});
      avisarError(e);
    }
  };
  const cambiarActivo = async () => {
    if (!edicion?.id) return;
    try {
      await api.llamar('gabinete.funcionarios.cambiarActivo', { id: edicion.id, version: edicion.version!, activo: !edicion.activo });
      abrir(null);
      await cargar();
    } catch (e) {
      avisarError(e);
    }
  };

  return (
    <Stack gap="sm" h="calc(100vh - 120px)">
      <EncabezadoGabinete
        titulo="Directorio de funcionarios"
        descripcion="A quién se convoca y de quién se toma asistencia. Quien deja el cargo se desactiva, no se borra."
        acciones={escribe && <Button leftSection={<IconPlus size={16} />} onClick={() => abrir({ ...VACIO })}>Agregar funcionario</Button>}
      />
      <DataTable
        id="gabinete-directorio"
        columnas={COLUMNAS}
        filas={filas}
        idFila={(f) => f.id}
        sustantivo={{ singular: 'funcionario', plural: 'funcionarios' }}
        onAbrir={(f) => escribe && abrir({ ...f })}
        filtrosExtra={<Switch label="Incluir inactivos" checked={inactivos} onChange={(e) => setInactivos(e.currentTarget.checked)} />}
        vacio={{ titulo: 'Directorio vacío', mensaje: 'Agregue a los titulares y enlaces de las dependencias (Ctrl+N).' }}
      />
      <Modal opened={!!edicion} onClose={cerrar} title={edicion?.id ? 'Editar funcionario' : 'Agregar funcionario'} size="lg">
        {edicion && (
          <form noValidate {...tecladoFormulario} onSubmit={(e) => (e.preventDefault(), void guardar())}>
            <Stack gap="xs">
              <AvisosBorrador b={borrador} />
              <CampoTexto label="Nombre" required data-autofocus value={edicion.nombre} onChange={(e) => setEdicion({ ...edicion, nombre: e.currentTarget.value })} error={errores.nombre} maxLength={150} />
              <CampoTexto label="Cargo" value={edicion.cargo} onChange={(e) => setEdicion({ ...edicion, cargo: e.currentTarget.value })} error={errores.cargo} maxLength={200} />
              <CampoSeleccion label="Dependencia" required data={opcionesDependencias(cat?.dependencias ?? [])} value={edicion.dependenciaId} onChange={(v) => setEdicion({ ...edicion, dependenciaId: v })} error={errores.dependenciaId} />
              <Group grow>
                <CampoTexto label="Correo" value={edicion.correo} onChange={(e) => setEdicion({ ...edicion, correo: e.currentTarget.value })} error={errores.correo} maxLength={150} />
                <CampoTexto label="Teléfono" value={edicion.telefono} onChange={(e) => setEdicion({ ...edicion, telefono: e.currentTarget.value })} error={errores.telefono} maxLength={40} />
              </Group>
              <Group justify="space-between" mt="sm">
                {edicion.id ? <Button variant="subtle" color={edicion.activo ? 'red' : 'teal'} onClick={() => void cambiarActivo()}>{edicion.activo ? 'Desactivar' : 'Reactivar'}</Button> : <span />}
                <Group gap="xs">
                  <Button variant="default" onClick={cerrar}>Cancelar</Button>
                  <Button type="submit">Guardar (Ctrl+Enter)</Button>
                </Group>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
