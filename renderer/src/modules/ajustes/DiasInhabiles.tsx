/** Días inhábiles: the statutory holidays of a year (computed) and the office's own days (editable). */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { api } from '../../api';
import type { Output } from '../../../../electron/contract';
import { DiaInhabil } from '../../../../electron/contract/catalogos';
import { CampoFecha, CampoTexto, DataTable, Formulario, useFormulario, avisarError, avisarExito, confirmar, fecha } from '../../ui';

type Dia = Output<'catalogos.diasInhabiles.calendario'>[number];
type Propio = Output<'catalogos.diasInhabiles.listar'>[number];

export function DiasInhabiles() {
  const [anio, setAnio] = useState(new Date().getFullYear());
  const [dias, setDias] = useState<Dia[]>([]);
  const [propios, setPropios] = useState<Propio[]>([]);
  const cargar = useCallback(async () => {
    try {
      setDias(await api.llamar('catalogos.diasInhabiles.calendario', { anio }));
      setPropios(await api.llamar('catalogos.diasInhabiles.listar', {}));
    } catch (e) {
      avisarError(e);
    }
  }, [anio]);
  useEffect(() => void cargar(), [cargar]);

  const form = useFormulario({ esquema: DiaInhabil.Entrada, valoresIniciales: { fecha: '', descripcion: '' } });
  const quitar = async (d: Dia) => {
    const propio = propios.find((p) => p.fecha === d.fecha);
    if (!propio || !(await confirmar({ titulo: 'Quitar día inhábil', mensaje: `El ${fecha(d.fecha)} volverá a ser día hábil para los plazos nuevos.`, confirmar: 'Quitar' }))) return;
    try {
      await api.llamar('catalogos.diasInhabiles.eliminar', { id: propio.id });
      void cargar();
    } catch (e) {
      avisarError(e);
    }
  };

  return (
    <Stack>
      <Group align="flex-end">
        <NumberInput label="Año" value={anio} onChange={(v) => setAnio(Number(v) || anio)} min={2000} max={2100} w={120} />
        <Text size="sm" c="dimmed" maw={640}>
          Los plazos en días hábiles saltan sábados, domingos, los días de descanso obligatorio (se calculan cada año) y los días propios de la oficina.
        </Text>
      </Group>
      <Formulario form={form} borrador="ajustes.diasInhabiles" onGuardar={async (v) => { await api.llamar('catalogos.diasInhabiles.guardar', v); avisarExito('Día inhábil agregado.'); form.reset(); void cargar(); }}>
        <Group align="flex-end">
          <CampoFecha form={form} campo="fecha" label="Día propio de la oficina" w={180} />
          <CampoTexto form={form} campo="descripcion" label="Motivo" placeholder="Acuerdo de la Oficialía Mayor…" w={360} />
          <Button type="submit">Agregar</Button>
        </Group>
      </Formulario>
      <DataTable
        id="dias-inhabiles"
        etiqueta={`Días inhábiles ${anio}`}
        filas={dias}
        idFila={(d) => d.fecha}
        sustantivo={{ singular: 'día inhábil', plural: 'días inhábiles' }}
        altura={420}
        onAbrir={(d) => void quitar(d)}
        columnas={[
          { id: 'fecha', titulo: 'Fecha', tipo: 'fecha', ancho: 130, valor: (d) => d.fecha },
          { id: 'descripcion', titulo: 'Descripción', flexible: true, valor: (d) => d.descripcion },
          { id: 'origen', titulo: 'Origen', ancho: 200, valor: (d) => (d.oficial ? 'Descanso obligatorio' : 'Propio de la oficina'),
            celda: (d) => <Badge variant="light" color={d.oficial ? 'blue' : 'grape'}>{d.oficial ? 'Descanso obligatorio' : 'Propio de la oficina'}</Badge> },
        ]}
      />
    </Stack>
  );
}
