/** Create or edit a compromiso: keyboard-first (Enter → next field, Ctrl+Enter → save). */
import { Button, Group, MultiSelect, Select, SimpleGrid, Stack } from '@mantine/core';
import { z } from 'zod';
import { api } from '../../api';
import { fecha as fechaValida, textoRequerido } from '../../../../electron/contract/comun';
import { CampoAreaTexto, CampoFecha, CampoNumero, Formulario, avisarExito, useFormulario } from '../../ui';
import { opcionesPed, type Catalogos, type CompromisoDetalle } from './datos';

const Esquema = z.object({
  numero: z.number({ error: 'Número: se esperaba un número.' }).int().min(1, 'Número: mínimo 1.'),
  descripcion: textoRequerido('Descripción', 2000),
  fechaCompromiso: fechaValida('Fecha en que se comprometió'),
  municipio: z.string({ error: 'Elija el municipio o «Estatal».' }).min(1, 'Elija el municipio o «Estatal».'),
  estrategiaId: z.string().nullable(),
  dependenciaId: z.string({ error: 'Elija la dependencia responsable.' }).min(1, 'Elija la dependencia responsable.'),
  corresponsables: z.array(z.string()),
  fechaEstimada: fechaValida('Fecha estimada de cumplimiento').nullable(),
});

export function FormularioCompromiso({
  catalogos,
  compromiso,
  siguienteNumero,
  alGuardar,
}: {
  catalogos: Catalogos;
  compromiso: CompromisoDetalle | null;
  siguienteNumero: number;
  alGuardar: (c: CompromisoDetalle) => void;
}) {
  const form = useFormulario({
    esquema: Esquema,
    valoresIniciales: compromiso
      ? {
          numero: compromiso.numero,
          descripcion: compromiso.descripcion,
          fechaCompromiso: compromiso.fechaCompromiso,
          municipio: compromiso.municipioClave ?? 'ESTATAL',
          estrategiaId: compromiso.alineacion.estrategiaId,
          dependenciaId: compromiso.dependenciaId,
          corresponsables: compromiso.corresponsables.map((d) => d.id),
          fechaEstimada: compromiso.fechaEstimada,
        }
      : { numero: siguienteNumero, descripcion: '', fechaCompromiso: '', municipio: '', estrategiaId: null, dependenciaId: '', corresponsables: [], fechaEstimada: null },
  });
  const dependencias = catalogos.dependencias.map((d) => ({ value: d.id, label: d.siglas ? `${d.nombre} (${d.siglas})` : d.nombre }));
  const municipios = [{ value: 'ESTATAL', label: 'Estatal' }, ...catalogos.municipios.map((m) => ({ value: m.clave, label: m.nombre }))];
  const estrategias = opcionesPed(catalogos.ped, 'estrategia');

  return (
    <Formulario
      form={form}
      onGuardar={async (v) => {
        const datos = {
          numero: v.numero,
          descripcion: v.descripcion,
          fechaCompromiso: v.fechaCompromiso,
          municipioClave: v.municipio === 'ESTATAL' ? null : v.municipio,
          estrategiaId: v.estrategiaId,
          dependenciaId: v.dependenciaId,
          corresponsables: v.corresponsables,
          fechaEstimada: v.fechaEstimada,
        };
        const r = compromiso
          ? await api.llamar('compromisos.actualizar', { ...datos, id: compromiso.id, version: compromiso.version })
          : await api.llamar('compromisos.crear', datos);
        avisarExito(compromiso ? 'Cambios guardados.' : `Compromiso ${r.numero} registrado.`);
        alGuardar(r);
      }}
    >
      <Stack>
        <SimpleGrid cols={2}>
          <CampoNumero form={form} campo="numero" label="Número" min={1} data-autofocus />
          <CampoFecha form={form} campo="fechaCompromiso" label="Fecha en que se comprometió" withAsterisk />
        </SimpleGrid>
        <CampoAreaTexto form={form} campo="descripcion" label="Descripción" withAsterisk />
        <SimpleGrid cols={2}>
          <Select label="Municipio" withAsterisk searchable data={municipios} {...form.getInputProps('municipio')} />
          <CampoFecha form={form} campo="fechaEstimada" label="Fecha estimada de cumplimiento" clearable />
        </SimpleGrid>
        <Select label="Alineación al Plan Estatal de Desarrollo (estrategia)" searchable clearable data={estrategias} {...form.getInputProps('estrategiaId')} />
        <Select label="Dependencia responsable" withAsterisk searchable data={dependencias} {...form.getInputProps('dependenciaId')} />
        <MultiSelect label="Corresponsables" searchable clearable data={dependencias} {...form.getInputProps('corresponsables')} />
        <Group justify="flex-end">
          <Button type="submit">Guardar</Button>
        </Group>
      </Stack>
    </Formulario>
  );
}
