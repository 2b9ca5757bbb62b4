/** Gabinete › Reunión › Acuerdos: fast capture (Ctrl+Enter) and the meeting's list. */
import { useRef, useState } from 'react';
import { Button, Card, Group, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { api } from '../../../api';
import {
  AvisosBorrador, CampoFecha, CampoSeleccion, DataTable, useBorradorDe, Semaforo, avisarError, type ColumnaTabla, avisarExito, erroresDeCampos, filtroSinAcentos,
} from '../../../ui';
import { opcionesDependencias, useCatalogos, type Reunion } from '../comun';
import type { Props } from './props';

type AcuerdoFila = Reunion['acuerdosLista'][number];
const COLUMNAS_ACUERDOS: ColumnaTabla<AcuerdoFila>[] = [
  { id: 'codigo', titulo: 'Código', valor: (a) => a.codigo, orden: (a) => a.numero, ancho: 130 },
  {
    id: 'descripcion', titulo: 'Acuerdo', flexible: true, valor: (a) => a.descripcion,
    texto: (a) => `${a.descripcion} ${a.corresponsables.map((c) => c.siglas || c.nombre).join(' ')}`,
  },
  { id: 'responsable', titulo: 'Responsable', valor: (a) => a.siglas || a.dependencia, ancho: 120 },
  { id: 'corresponsables', titulo: 'Corresponsables', valor: (a) => a.corresponsables.map((c) => c.siglas || c.nombre).join(', '), ancho: 160 },
  { id: 'compromiso', titulo: 'Compromiso', tipo: 'fecha', valor: (a) => a.fechaCompromiso, ancho: 110 },
  { id: 'estatus', titulo: 'Estatus', valor: (a) => a.semaforoEstatus.etiqueta, ancho: 130, celda: (a) => <Semaforo color={a.semaforoEstatus.color} texto={a.semaforoEstatus.etiqueta} motivo={a.semaforoEstatus.motivo} /> },
  { id: 'plazo', titulo: 'Plazo', valor: (a) => a.semaforoPlazo.etiqueta, ancho: 150, celda: (a) => <Semaforo color={a.semaforoPlazo.color} texto={a.semaforoPlazo.etiqueta} motivo={a.semaforoPlazo.motivo} /> },
];

export function PestanaAcuerdos({ r, editable, alCambiar }: Props) {
  const cat = useCatalogos();
  const [descripcion, setDescripcion] = useState('');
  const [dependenciaId, setDependenciaId] = useState<string | null>(null);
  const [corresponsables, setCorresponsables] = useState<string[]>([]);
  const [fechaCompromiso, setFechaCompromiso] = useState<string | null>(null);
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [guardando, setGuardando] = useState(false);
  const refDescripcion = useRef<HTMLTextAreaElement>(null);
  const opciones = opcionesDependencias(cat?.dependencias ?? []);
  // The draft is the acuerdo being written; the responsable and fecha kept for the next one alone are not.
  const borrador = useBorradorDe(
    editable ? `gabinete.acuerdo.nuevo.${r.id}` : undefined,
    { descripcion, dependenciaId, corresponsables, fechaCompromiso },
    descripcion.trim() !== '' || corresponsables.length > 0,
    (v) => {
      setDescripcion(v.descripcion);
      setDependenciaId(v.dependenciaId);
      setCorresponsables(v.corresponsables);
      setFechaCompromiso(v.fechaCompromiso);
    },
  );

  const agregar = async () => {
    setErrores({});
    if (!descripcion.trim()) return setErrores({ descripcion: 'Descripción del acuerdo es obligatoria.' });
    if (!dependenciaId) return setErrores({ dependenciaId: 'Responsable es obligatorio.' });
    setGuardando(true);
    try {
      const a = await api.llamar('gabinete.acuerdos.crear', { reunionId: r.id, descripcion, dependenciaId, corresponsables, fechaCompromiso });
      avisarExito(`Acuerdo ${a.codigo} registrado.`);
      borrador.olvidar();
      setDescripcion('');
      setCorresponsables([]);
      await alCambiar();
      refDescripcion.current?.focus();
    } catch (e) {
      setErrores((erroresDeCampos(e) as Record<string, string>) ?? {});
      avisarError(e);
    } finally {
      setGuardando(false);
    }
  };

  return (
    <Stack gap="sm">
      {editable && (
        <Card withBorder>
          <AvisosBorrador b={borrador} guardando={guardando} />
          <Stack gap="xs" onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && (e.preventDefault(), void agregar())}>
            <Textarea ref={refDescripcion} label="Acuerdo" placeholder="Instrucción del Gobernador…" autosize minRows={2} value={descripcion}
              onChange={(e) => setDescripcion(e.currentTarget.value)} error={errores.descripcion} maxLength={4000} />
            <Group grow align="flex-start">
              <CampoSeleccion label="Responsable" data={opciones} value={dependenciaId} onChange={setDependenciaId} error={errores.dependenciaId} />
              <MultiSelect label="Corresponsables" data={opciones.filter((o) => o.value !== dependenciaId)} value={corresponsables} onChange={setCorresponsables} searchable filter={filtroSinAcentos} error={errores.corresponsables} />
              <CampoFecha label="Fecha compromiso" value={fechaCompromiso} onChange={setFechaCompromiso} error={errores.fechaCompromiso} />
            </Group>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">Ctrl+Enter agrega y deja el cursor listo para el siguiente; el responsable se conserva.</Text>
              <Button onClick={() => void agregar()} loading={guardando}>Agregar acuerdo</Button>
            </Group>
          </Stack>
        </Card>
      )}
      <div style={{ height: Math.min(640, 120 + r.acuerdosLista.length * 34) }}>
        <DataTable
          id="gabinete-reunion-acuerdos"
          columnas={COLUMNAS_ACUERDOS}
          filas={r.acuerdosLista}
          idFila={(a) => a.id}
          sustantivo={{ singular: 'acuerdo', plural: 'acuerdos' }}
          atajoBusqueda={false}
          vacio={{ titulo: 'Sin acuerdos', mensaje: editable ? 'Capture el primer acuerdo arriba (Ctrl+Enter).' : 'Esta reunión no tiene acuerdos.' }}
        />
      </div>
    </Stack>
  );
}
