/** One editable catalog: the table, a drawer to create or edit, activate/deactivate, delete if unused. */
import { useCallback, useEffect, useState } from 'react';
import { Button, Group, Menu, ActionIcon, Stack } from '@mantine/core';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { api } from '../../api';
import type { Method } from '../../../../electron/contract';
import { DataTable, Formulario, PanelEdicion, useFormulario, avisarError, avisarExito, confirmar } from '../../ui';
import type { DefinicionCatalogo, Registro } from './definiciones';

// Catalog methods share one shape; the name is built from the catalog's key.
const metodo = (def: DefinicionCatalogo, verbo: string) => `catalogos.${def.nombre}.${verbo}` as Method;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const llamar = (m: Method, input: unknown) => api.llamar(m, input as any) as Promise<unknown>;

function FormularioRegistro({ def, registro, alGuardar }: { def: DefinicionCatalogo; registro: Registro | null; alGuardar: () => void }) {
  const form = useFormulario({ esquema: def.entrada, valoresIniciales: registro ?? def.nuevo });
  return (
    <Formulario
      form={form}
      borrador={`catalogos.${def.nombre}.${registro?.id ?? 'nuevo'}`}
      onGuardar={async (valores) => {
        await llamar(metodo(def, 'guardar'), registro ? { ...(valores as object), id: registro.id, version: registro.version } : valores);
        avisarExito(registro ? 'Cambios guardados.' : `${def.femenino ? 'Nueva' : 'Nuevo'} ${def.singular} registrad${def.femenino ? 'a' : 'o'}.`);
        alGuardar();
      }}
    >
      <Stack>
        {def.campos(form)}
        <Group justify="flex-end">
          <Button type="submit">Guardar</Button>
        </Group>
      </Stack>
    </Formulario>
  );
}

export function PaginaCatalogo({ def }: { def: DefinicionCatalogo }) {
  const [filas, setFilas] = useState<Registro[]>([]);
  const [cargando, setCargando] = useState(true);
  const [editando, setEditando] = useState<Registro | 'nuevo' | null>(null);

  const cargar = useCallback(async () => {
    setCargando(true);
    try {
      setFilas((await llamar(metodo(def, 'listar'), { incluirInactivas: true })) as Registro[]);
    } catch (e) {
      avisarError(e);
    } finally {
      setCargando(false);
    }
  }, [def]);
  useEffect(() => void cargar(), [cargar]);

  const cambiarActiva = async (r: Registro) => {
    const accion = r.activa ? 'Desactivar' : 'Activar';
    if (!(await confirmar({
      titulo: `${accion} ${def.singular}`,
      mensaje: r.activa ? `«${String(r.nombre)}» dejará de ofrecerse en las capturas; sus registros se conservan.` : `«${String(r.nombre)}» volverá a ofrecerse en las capturas.`,
      confirmar: accion,
    }))) return;
    try {
      await llamar(metodo(def, 'cambiarActiva'), { id: r.id, version: r.version, activa: !r.activa });
      await cargar();
    } catch (e) {
      avisarError(e);
    }
  };

  const eliminar = async (r: Registro) => {
    if (!(await confirmar({ titulo: `Eliminar ${def.singular}`, mensaje: `¿Eliminar «${String(r.nombre)}»? Solo es posible si ningún registro la usa; si no, desactívela.`, confirmar: 'Eliminar', peligro: true }))) return;
    try {
      await llamar(metodo(def, 'eliminar'), { id: r.id });
      avisarExito('Eliminado.');
      await cargar();
    } catch (e) {
      avisarError(e);
    }
  };

  const columnas = [
    ...def.columnas,
    {
      id: 'acciones', titulo: '', ancho: 56, ordenable: false, ocultable: false, valor: () => '',
      celda: (r: Registro) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={`Acciones de ${String(r.nombre)}`} onClick={(e) => e.stopPropagation()}><IconDots size={16} /></ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setEditando(r)}>Editar</Menu.Item>
            <Menu.Item onClick={() => void cambiarActiva(r)}>{r.activa ? 'Desactivar' : 'Activar'}</Menu.Item>
            <Menu.Item color="red" onClick={() => void eliminar(r)}>Eliminar</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  return (
    <>
      <DataTable
        id={`catalogo-${def.nombre}`}
        etiqueta={def.titulo}
        columnas={columnas}
        filas={filas}
        idFila={(r) => r.id}
        sustantivo={{ singular: def.singular, plural: def.plural }}
        cargando={cargando}
        onAbrir={(r) => setEditando(r)}
        altura="calc(100vh - 230px)"
        acciones={<Button leftSection={<IconPlus size={16} />} onClick={() => setEditando('nuevo')}>{def.femenino ? 'Nueva' : 'Nuevo'} {def.singular}</Button>}
        vacio={{ mensaje: `Aún no hay ${def.plural}.`, accion: { etiqueta: `Agregar ${def.singular}`, onClick: () => setEditando('nuevo') } }}
      />
      <PanelEdicion
        opened={editando !== null}
        onClose={() => setEditando(null)}
        title={editando === 'nuevo' ? `${def.femenino ? 'Nueva' : 'Nuevo'} ${def.singular}` : `Editar ${def.singular}`}
      >
        {editando !== null && (
          <FormularioRegistro
            key={editando === 'nuevo' ? 'nuevo' : editando.id}
            def={def}
            registro={editando === 'nuevo' ? null : editando}
            alGuardar={() => {
              setEditando(null);
              void cargar();
            }}
          />
        )}
      </PanelEdicion>
    </>
  );
}
