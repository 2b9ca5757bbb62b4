/** Correspondencia › edit the fields of a registered asunto (the folio never changes). */
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { AvisosBorrador, CampoFecha, avisarError, avisarExito, cerrarPreguntando, filtroSinAcentos, useBorradorEstado } from '../../ui';
import { opciones, useCatalogos, type Asunto } from './comun';

const EDITABLES = [
  'fechaRecepcion', 'horaRecepcion', 'medio', 'tipo', 'prioridad', 'remitenteNombre', 'remitenteCargo', 'remitenteOrganizacion',
  'municipioClave', 'oficioNumero', 'oficioFecha', 'asunto', 'observaciones',
] as const satisfies readonly (keyof Asunto)[];
type Editables = Pick<Asunto, (typeof EDITABLES)[number]>;
const editables = (a: Asunto): Editables => Object.fromEntries(EDITABLES.map((k) => [k, a[k]])) as Editables;

export function DialogoEditar({ asunto, abierto, onClose, alGuardar }: { asunto: Asunto; abierto: boolean; onClose: () => void; alGuardar: (a: Asunto) => void }) {
  const cat = useCatalogos();
  const [v, setV] = useState(() => ({ ...asunto }));
  const [guardando, setGuardando] = useState(false);
  useEffect(() => setV({ ...asunto }), [asunto, abierto]);
  const borrador = useBorradorEstado(`correspondencia.editar.${asunto.id}`, editables(v), editables(asunto), (d) => setV((x) => ({ ...x, ...d })));
  const cerrar = cerrarPreguntando(borrador.sucio, onClose);
  const cambiar = (k: keyof Asunto) => (e: { currentTarget: { value: string } }) => setV((x) => ({ ...x, [k]: e.currentTarget.value }));
  const guardar = async () => {
    setGuardando(true);
    try {
      const a = await api.llamar('correspondencia.editar', {
        id: asunto.id,
        version: asunto.version,
        fechaRecepcion: v.fechaRecepcion,
        horaRecepcion: v.horaRecepcion,
        medio: v.medio,
        tipo: v.tipo,
        prioridad: v.prioridad,
        remitenteNombre: v.remitenteNombre,
        remitenteCargo: v.remitenteCargo,
        remitenteOrganizacion: v.remitenteOrganizacion,
        municipioClave: v.municipioClave,
        oficioNumero: v.oficioNumero,
        oficioFecha: v.oficioFecha,
        asunto: v.asunto,
        observaciones: v.observaciones,
      });
      avisarExito('Cambios guardados; quedaron en la línea de tiempo.');
      borrador.olvidar();
      alGuardar(a);
      onClose();
    } catch (e) {
      avisarError(e, 'No se guardaron los cambios');
    } finally {
      setGuardando(false);
    }
  };
  return (
    <Modal opened={abierto} onClose={cerrar} title={`Editar asunto ${asunto.folio} (el folio no cambia)`} size="xl">
      <Stack gap="xs">
        {abierto && <AvisosBorrador b={borrador} guardando={guardando} />}
        <SimpleGrid cols={3}>
          <CampoFecha label="Fecha de recepción" value={v.fechaRecepcion} onChange={(x) => x && setV({ ...v, fechaRecepcion: x })} clearable={false} />
          <TextInput label="Hora" value={v.horaRecepcion} onChange={cambiar('horaRecepcion')} />
          <Select label="Medio" data={opciones.medio} value={v.medio} onChange={(x) => x && setV({ ...v, medio: x as never })} allowDeselect={false} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <TextInput label="Remitente" value={v.remitenteNombre} onChange={cambiar('remitenteNombre')} />
          <TextInput label="Cargo" value={v.remitenteCargo} onChange={cambiar('remitenteCargo')} />
          <TextInput label="Organización" value={v.remitenteOrganizacion} onChange={cambiar('remitenteOrganizacion')} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <TextInput label="Número de oficio" value={v.oficioNumero} onChange={cambiar('oficioNumero')} />
          <CampoFecha label="Fecha del oficio" value={v.oficioFecha} onChange={(x) => setV({ ...v, oficioFecha: x })} />
          <Select label="Tipo" data={opciones.tipo} value={v.tipo} onChange={(x) => x && setV({ ...v, tipo: x as never })} allowDeselect={false} />
        </SimpleGrid>
        <Textarea label="Asunto" autosize minRows={3} value={v.asunto} onChange={cambiar('asunto')} />
        <SimpleGrid cols={2}>
          <Select label="Prioridad" data={opciones.prioridad} value={v.prioridad} onChange={(x) => x && setV({ ...v, prioridad: x as never })} allowDeselect={false} />
          <Select
            label="Municipio"
            searchable
            clearable
            filter={filtroSinAcentos}
            data={(cat?.municipios ?? []).map((m) => ({ value: m.clave, label: m.nombre }))}
            value={v.municipioClave}
            onChange={(x) => setV({ ...v, municipioClave: x })}
          />
        </SimpleGrid>
        <Textarea label="Observaciones" autosize minRows={2} value={v.observaciones} onChange={cambiar('observaciones')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cerrar}>Cancelar</Button>
          <Button onClick={() => void guardar()} loading={guardando}>Guardar cambios</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
