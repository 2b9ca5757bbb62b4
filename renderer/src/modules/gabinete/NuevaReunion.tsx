/** Gabinete › Nueva reunión: one column form; the generated name (with its Roman ordinal) is shown live before saving. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import type { Output } from '../../../../electron/contract';
import { AvisosBorrador, CampoFecha, CampoSeleccion, CampoTexto, avisarError, avisarExito, erroresDeCampos, tecladoFormulario, useBorradorEstado } from '../../ui';
import { EncabezadoGabinete, hoy, useCatalogos } from './comun';

type Previa = Output<'gabinete.reuniones.vistaPrevia'>;

export function PaginaNuevaReunion() {
  const cat = useCatalogos();
  const navegar = useNavigate();
  const [tipoId, setTipoId] = useState<string | null>(null);
  const [tema, setTema] = useState('');
  const [fecha, setFecha] = useState<string | null>(hoy());
  const [hora, setHora] = useState('10:00');
  const [sede, setSede] = useState('');
  const [municipio, setMunicipio] = useState<string | null>('26030');
  const [previa, setPrevia] = useState<Previa | null>(null);
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [guardando, setGuardando] = useState(false);
  const [temaDebounced] = useDebouncedValue(tema, 200);
  const [iniciales] = useState(() => ({ tipoId: null as string | null, tema: '', fecha: hoy() as string | null, hora: '10:00', sede: '', municipio: '26030' as string | null }));
  const borrador = useBorradorEstado('gabinete.reunion.nueva', { tipoId, tema, fecha, hora, sede, municipio }, iniciales, (v) => {
    setTipoId(v.tipoId);
    setTema(v.tema);
    setFecha(v.fecha);
    setHora(v.hora);
    setSede(v.sede);
    setMunicipio(v.municipio);
  });

  useEffect(() => {
    if (!tipoId) return setPrevia(null);
    let vigente = true;
    api.llamar('gabinete.reuniones.vistaPrevia', { tipoId, tema: temaDebounced }).then((p) => vigente && setPrevia(p), () => undefined);
    return () => {
      vigente = false;
    };
  }, [tipoId, temaDebounced]);

  const guardar = async () => {
    setErrores({});
    if (!tipoId) return setErrores({ tipoId: 'Tipo de gabinete es obligatorio.' });
    if (!fecha) return setErrores({ fecha: 'Fecha de la reunión es obligatoria.' });
    setGuardando(true);
    try {
      const r = await api.llamar('gabinete.reuniones.crear', { tipoId, tema, fecha, hora, sede, municipioClave: municipio });
      avisarExito(`Se programó la ${r.nombre}.`);
      borrador.olvidar();
      navegar(`/gabinete/reuniones/${r.id}/convocados`);
    } catch (e) {
      setErrores(erroresDeCampos(e) as Record<string, string> ?? {});
      avisarError(e);
    } finally {
      setGuardando(false);
    }
  };

  return (
    <Stack gap="md" maw={720}>
      <EncabezadoGabinete titulo="Nueva reunión" descripcion="El nombre y su número romano se generan según el tipo de gabinete." />
      <AvisosBorrador b={borrador} guardando={guardando} />
      <Card withBorder padding="lg" bg="gray.0">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>Nombre que tendrá la reunión</Text>
        <Title order={3} aria-live="polite" data-testid="nombre-generado">{previa?.nombre ?? 'Elija el tipo de gabinete'}</Title>
        {previa && (
          <Text size="sm" c="dimmed">
            {previa.numeracion === 'ninguna' ? 'Este tipo de reunión no lleva número.' : previa.numeracion === 'por_tipo' ? 'Numeración única para este tipo de gabinete en la administración.' : 'Numeración propia de cada tema.'}
            {' '}El coordinador puede corregir el número después de guardar.
          </Text>
        )}
      </Card>
      <form
        noValidate
        {...tecladoFormulario}
        onSubmit={(e) => {
          e.preventDefault();
          void guardar();
        }}
      >
        <Stack gap="sm">
          <CampoSeleccion label="Tipo de gabinete" required data-autofocus autoFocus data={(cat?.tipos ?? []).map((t) => ({ value: t.id, label: t.nombre }))} value={tipoId} onChange={setTipoId} error={errores.tipoId} />
          <CampoTexto
            label="Tema o región"
            description="Con su preposición: «del Mayo», «en Guaymas», «de Salud», «de Turismo»."
            required={previa?.requiereTema}
            disabled={previa !== null && !previa.requiereTema}
            value={tema}
            onChange={(e) => setTema(e.currentTarget.value)}
            error={errores.tema}
            maxLength={150}
          />
          <Group grow>
            <CampoFecha label="Fecha" required value={fecha} onChange={setFecha} error={errores.fecha} />
            <CampoTexto label="Hora (24 h)" required value={hora} onChange={(e) => setHora(e.currentTarget.value)} error={errores.hora} placeholder="10:30" maxLength={5} />
          </Group>
          <CampoTexto label="Sede" value={sede} onChange={(e) => setSede(e.currentTarget.value)} placeholder="Salón Sonora, Palacio de Gobierno" maxLength={200} error={errores.sede} />
          <CampoSeleccion label="Municipio" clearable data={(cat?.municipios ?? []).map((m) => ({ value: m.clave, label: m.nombre }))} value={municipio} onChange={setMunicipio} error={errores.municipioClave} />
          {previa?.requiereTema && !tema.trim() && <Alert color="yellow" variant="light">Este tipo de reunión necesita tema o región para formar su nombre.</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navegar('/gabinete/reuniones')}>Cancelar</Button>
            <Button type="submit" loading={guardando}>Guardar reunión (Ctrl+Enter)</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
