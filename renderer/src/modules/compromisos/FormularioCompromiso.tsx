/** Create or edit a compromiso: keyboard-first (Enter → next field, Ctrl+Enter → save). */
import { Group, MultiSelect, SimpleGrid, Stack } from '@mantine/core';
import { z } from 'zod';
import { api } from '../../api';
import { fecha as fechaValida, textoRequerido } from '../../../../electron/contract/comun';
import { BotonGuardar, CampoAreaTexto, CampoFecha, CampoNumero, CampoSeleccion, Formulario, avisarExito, filtroSinAcentos, useFormulario } from '../../ui';
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
      borrador={compromiso ? `compromisos.editar.${compromiso.id}` : 'compromisos.nuevo'}
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
          {/* The number comes proposed: a new compromiso starts typing at its date. */}
          <CampoNumero form={form} campo="numero" label="Número" min={1} data-autofocus={compromiso ? true : undefined} />
          <CampoFecha form={form} campo="fechaCompromiso" label="Fecha en que se comprometió" withAsterisk data-autofocus={compromiso ? undefined : true} />
        </SimpleGrid>
        <CampoAreaTexto form={form} campo="descripcion" label="Descripción" withAsterisk />
        <SimpleGrid cols={2}>
          <CampoSeleccion form={form} campo="municipio" label="Municipio" withAsterisk data={municipios} />
          <CampoFecha form={form} campo="fechaEstimada" label="Fecha estimada de cumplimiento" clearable />
        </SimpleGrid>
        <CampoSeleccion form={form} campo="estrategiaId" label="Alineación al Plan Estatal de Desarrollo (estrategia)" clearable data={estrategias} />
        <CampoSeleccion form={form} campo="dependenciaId" label="Dependencia responsable" withAsterisk data={dependencias} />
        <MultiSelect label="Corresponsables" searchable selectFirstOptionOnChange filter={filtroSinAcentos} nothingFoundMessage="Sin coincidencias" clearable data={dependencias} {...form.getInputProps('corresponsables')} />
        <Group justify="flex-end">
          <BotonGuardar>Guardar (Ctrl+Enter)</BotonGuardar>
        </Group>
      </Stack>
    </Formulario>
  );
}
