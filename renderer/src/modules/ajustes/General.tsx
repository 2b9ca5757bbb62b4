/** Ajustes generales: membrete, zona horaria, bandas del semáforo, bloqueo por inactividad, anexos, logotipo. */
import { useEffect, useState } from 'react';
import { Button, Card, FileButton, Group, Image, SimpleGrid, Stack, Text, Title, Code } from '@mantine/core';
import { api } from '../../api';
import type { Output } from '../../../../electron/contract';
import { ValoresAjustes } from '../../../../electron/contract/ajustes';
import { aBase64, CampoNumero, CampoTexto, Formulario, useFormulario, avisarError, avisarExito } from '../../ui';

type Ajustes = Output<'ajustes.obtener'>;

function FormAjustes({ ajustes, alGuardar }: { ajustes: Ajustes; alGuardar: (a: Ajustes) => void }) {
  const { version, tieneLogo: _t, carpetaDatos: _c, ...valores } = ajustes;
  const form = useFormulario({ esquema: ValoresAjustes, valoresIniciales: valores });
  return (
    <Formulario form={form} borrador="ajustes.general" onGuardar={async (v) => { alGuardar(await api.llamar('ajustes.guardar', { ...v, version })); avisarExito('Ajustes guardados.'); }}>
      <Stack>
        <CampoTexto form={form} campo="institucion" label="Nombre de la institución (membrete de los reportes)" />
        <CampoTexto form={form} campo="zonaHoraria" label="Zona horaria de la oficina" description="Define «hoy», el año del folio y la semana del informe." />
        <SimpleGrid cols={3}>
          <CampoNumero form={form} campo="bloqueoMinutos" label="Bloquear la sesión tras (minutos sin uso)" min={1} max={480} allowDecimal={false} />
          <CampoNumero form={form} campo="diasEnRiesgo" label="«En riesgo» desde (días hábiles antes del plazo)" min={0} max={30} allowDecimal={false} />
          <CampoNumero form={form} campo="anexoMaxMb" label="Tamaño máximo de un anexo (MB)" min={1} max={200} allowDecimal={false} />
        </SimpleGrid>
        <Title order={5}>Oficios de salida</Title>
        <SimpleGrid cols={3}>
          <CampoTexto form={form} campo="lugar" label="Lugar" description="«Hermosillo, Sonora, a …»" />
          <CampoTexto form={form} campo="firmanteNombre" label="Firmante: nombre" />
          <CampoTexto form={form} campo="firmanteCargo" label="Firmante: cargo" />
        </SimpleGrid>
        <Title order={5}>Bandas del semáforo de cumplimiento</Title>
        <SimpleGrid cols={4}>
          <CampoNumero form={form} campo="bandas.verde.desde" label="Verde desde (%)" />
          <CampoNumero form={form} campo="bandas.amarillo.desde" label="Amarillo desde (%)" />
          <CampoNumero form={form} campo="bandas.amarillo.hasta" label="Amarillo hasta (%)" />
          <CampoNumero form={form} campo="bandas.rojo.hasta" label="Rojo por debajo de (%)" />
        </SimpleGrid>
        {form.errors.bandas && <Text c="red" size="sm">{form.errors.bandas}</Text>}
        <Group justify="flex-end"><Button type="submit">Guardar ajustes</Button></Group>
      </Stack>
    </Formulario>
  );
}

export function AjustesGenerales() {
  const [ajustes, setAjustes] = useState<Ajustes | null>(null);
  const [logo, setLogo] = useState<string | null>(null);
  const cargarLogo = () =>
    api.llamar('ajustes.logo', {}).then((l) => setLogo(l ? `data:${l.tipo};base64,${l.contenidoBase64}` : null), avisarError);
  useEffect(() => {
    api.llamar('ajustes.obtener', {}).then(setAjustes, avisarError);
    void cargarLogo();
  }, []);
  if (!ajustes) return null;

  const subirLogo = async (archivo: File | null) => {
    if (!archivo) return;
    try {
      setAjustes(await api.llamar('ajustes.guardarLogo', { contenidoBase64: await aBase64(archivo) }));
      await cargarLogo();
      avisarExito('Logotipo actualizado.');
    } catch (e) {
      avisarError(e);
    }
  };

  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
      <Card withBorder style={{ gridColumn: 'span 2' }}>
        <FormAjustes key={ajustes.version} ajustes={ajustes} alGuardar={setAjustes} />
      </Card>
      <Stack>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={5}>Logotipo de los reportes</Title>
            {logo ? <Image src={logo} alt="Logotipo actual" maw={200} fit="contain" /> : <Text size="sm" c="dimmed">Sin logotipo: los reportes muestran solo el nombre.</Text>}
            <Group>
              <FileButton onChange={(f) => void subirLogo(f)} accept="image/png,image/jpeg">
                {(props) => <Button variant="light" {...props}>Elegir imagen PNG o JPG</Button>}
              </FileButton>
              {logo && <Button variant="subtle" color="red" onClick={async () => { setAjustes(await api.llamar('ajustes.guardarLogo', { contenidoBase64: null })); setLogo(null); }}>Quitar</Button>}
            </Group>
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={5}>Carpeta de datos</Title>
          <Text size="sm" c="dimmed">Base de datos, anexos y reportes generados:</Text>
          <Code block>{ajustes.carpetaDatos}</Code>
        </Card>
      </Stack>
    </SimpleGrid>
  );
}
