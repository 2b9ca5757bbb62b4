/** Create or edit a POA meta: número, descripción, unidad administrativa, unidad de medida, tipo, periodicidad, programado. */
import { Button, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api';
import type { Output } from '../../../../electron/contract';
import { AvisosBorrador, avisarError, avisarExito, useBorradorEstado } from '../../ui';

export type Meta = Output<'poa.tablero'>['metas'][number];
type Unidad = Output<'catalogos.unidades.listar'>[number];

const MESES = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre', 'Noviembre', 'Diciembre'];
const TRIMESTRES = ['Trimestre I', 'Trimestre II', 'Trimestre III', 'Trimestre IV'];

export function FormularioMeta({ anio, meta, siguienteNumero, unidades, alGuardar }: {
  anio: number;
  meta: Meta | null;
  siguienteNumero: number;
  unidades: Unidad[];
  alGuardar: () => void;
}) {
  const [numero, setNumero] = useState<number | string>(meta?.numero ?? siguienteNumero);
  const [descripcion, setDescripcion] = useState(meta?.descripcion ?? '');
  const [unidadId, setUnidadId] = useState<string | null>(meta?.unidadId ?? null);
  const [unidadMedida, setUnidadMedida] = useState(meta?.unidadMedida ?? '');
  const [tipo, setTipo] = useState<'acumulable' | 'porcentaje'>(meta?.tipo ?? 'acumulable');
  const [periodicidad, setPeriodicidad] = useState<'trimestral' | 'mensual'>(meta?.periodicidad ?? 'trimestral');
  const [programado, setProgramado] = useState<(number | string)[]>(meta ? meta.periodos.map((p) => p.programado ?? '') : Array(4).fill(''));
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [iniciales] = useState(() => ({ numero, descripcion, unidadId, unidadMedida, tipo, periodicidad, programado }));
  const borrador = useBorradorEstado(meta ? `poa.meta.${meta.id}` : `poa.meta.nueva.${anio}`, { numero, descripcion, unidadId, unidadMedida, tipo, periodicidad, programado }, iniciales, (v) => {
    setNumero(v.numero);
    setDescripcion(v.descripcion);
    setUnidadId(v.unidadId);
    setUnidadMedida(v.unidadMedida);
    setTipo(v.tipo);
    setPeriodicidad(v.periodicidad);
    setProgramado(v.programado);
  });

  const cambiarPeriodicidad = (p: 'trimestral' | 'mensual') => {
    setPeriodicidad(p);
    setProgramado(Array(p === 'mensual' ? 12 : 4).fill(''));
  };
  const guardar = async () => {
    setErrores({});
    const datos = {
      descripcion,
      unidadId: unidadId ?? '',
      unidadMedida,
      tipo,
      periodicidad,
      programado: programado.map((v) => (v === '' ? null : Number(v))),
    };
    try {
      if (meta) await api.llamar('poa.actualizarMeta', { ...datos, id: meta.id, version: meta.version, numero: Number(numero) });
      else await api.llamar('poa.crearMeta', { ...datos, anio, numero: numero === '' ? undefined : Number(numero) });
      avisarExito(meta ? 'Meta actualizada.' : 'Meta registrada.');
      borrador.olvidar();
      alGuardar();
    } catch (e) {
      const d = (e as { details?: unknown }).details;
      if (Array.isArray(d)) setErrores(Object.fromEntries(d.map((x: { campo: string; mensaje: string }) => [x.campo.split('.')[0], x.mensaje])));
      avisarError(e);
    }
  };
  const etiquetas = periodicidad === 'mensual' ? MESES : TRIMESTRES;
  return (
    <Stack onKeyDown={(ev) => ev.ctrlKey && ev.key === 'Enter' && void guardar()}>
      <AvisosBorrador b={borrador} />
      <SimpleGrid cols={2}>
        <NumberInput label="Número" min={1} allowDecimal={false} value={numero} onChange={setNumero} error={errores.numero} data-autofocus />
        <Select label="Unidad administrativa" withAsterisk searchable data={unidades.map((u) => ({ value: u.id, label: `${u.clave} · ${u.nombre}` }))} value={unidadId} onChange={setUnidadId} error={errores.unidadId} />
      </SimpleGrid>
      <Textarea label="Descripción" withAsterisk autosize minRows={2} value={descripcion} onChange={(e) => setDescripcion(e.currentTarget.value)} error={errores.descripcion} />
      <SimpleGrid cols={3}>
        <TextInput label="Unidad de medida" withAsterisk placeholder="Reunión, oficio, %" value={unidadMedida} onChange={(e) => setUnidadMedida(e.currentTarget.value)} error={errores.unidadMedida} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>Tipo</Text>
          <SegmentedControl value={tipo} onChange={(v) => setTipo(v as typeof tipo)} data={[{ value: 'acumulable', label: 'Acumulable' }, { value: 'porcentaje', label: 'Porcentaje' }]} />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>Periodicidad</Text>
          <SegmentedControl value={periodicidad} onChange={(v) => cambiarPeriodicidad(v as typeof periodicidad)} data={[{ value: 'trimestral', label: 'Trimestral' }, { value: 'mensual', label: 'Mensual' }]} />
        </Stack>
      </SimpleGrid>
      <Text size="sm" fw={500}>Programado {tipo === 'porcentaje' ? '(%)' : ''}</Text>
      <SimpleGrid cols={4}>
        {etiquetas.map((et, i) => (
          <NumberInput
            key={et}
            label={et}
            min={0}
            decimalScale={2}
            thousandSeparator=","
            value={programado[i] ?? ''}
            onChange={(v) => setProgramado((p) => p.map((x, j) => (j === i ? v : x)))}
          />
        ))}
      </SimpleGrid>
      {errores.programado && <Text c="red" size="sm">{errores.programado}</Text>}
      <Group justify="flex-end">
        <Button onClick={() => void guardar()}>Guardar meta</Button>
      </Group>
    </Stack>
  );
}
