/** Correspondencia › Registrar: one keyboard-first column in capture order; on save, the folio in large type. */
import {
  Autocomplete,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconFileUpload, IconPrinter, IconSend, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { api, ErrorApi } from '../../api';
import { tamano, aBase64, BotonGuardar, CampoAreaTexto, CampoFecha, CampoSeleccion, CampoTexto, Formulario, avisarError, fechaDeInstante, fechaOpcional, fechaRequerida, useFormulario } from '../../ui';
import { useAccionNuevo } from '../../app/atajos';
import { Pestanas, abrirPdf, opciones, useCatalogos, type FilaAsunto } from './comun';
import { SugerenciasEscaneo } from './SugerenciasEscaneo';

const esquema = z.object({
  fechaRecepcion: fechaRequerida('Fecha de recepción'),
  horaRecepcion: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora: use HH:MM (24 horas).'),
  medio: z.string(),
  destinatario: z.string(),
  serieId: z.string().nullable(),
  remitenteNombre: z.string().trim().min(1, 'Remitente es obligatorio.').max(200),
  remitenteCargo: z.string().trim().max(200),
  remitenteOrganizacion: z.string().trim().max(200),
  oficioNumero: z.string().trim().max(100),
  oficioFecha: fechaOpcional('Fecha del oficio'),
  tipo: z.string(),
  asunto: z.string().trim().min(1, 'Asunto es obligatorio.').max(4000, 'Asunto: máximo 4,000 caracteres.'),
  prioridad: z.string(),
  serieDocumentalId: z.string().nullable(),
  municipioClave: z.string().nullable(),
  observaciones: z.string().trim().max(4000),
});
type Valores = z.input<typeof esquema>;

function ahoraHora(): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Hermosillo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
}

function iniciales(): Valores {
  return {
    fechaRecepcion: fechaDeInstante(Date.now()),
    horaRecepcion: ahoraHora(),
    medio: 'ventanilla',
    destinatario: 'titular',
    serieId: null,
    remitenteNombre: '',
    remitenteCargo: '',
    remitenteOrganizacion: '',
    oficioNumero: '',
    oficioFecha: null,
    tipo: 'oficio',
    asunto: '',
    prioridad: 'normal',
    serieDocumentalId: null,
    municipioClave: null,
    observaciones: '',
  };
}

type Remitente = { nombre: string; cargo: string; organizacion: string; municipioClave: string | null };

/** What «Registrar otro» may carry over: only what the clerk ticked (remembered on this computer). */
const CONSERVABLES = [
  { value: 'remitente', label: 'Remitente', campos: ['remitenteNombre', 'remitenteCargo', 'remitenteOrganizacion'] },
  { value: 'destinatario', label: 'Destinatario y serie de folios', campos: ['destinatario', 'serieId'] },
  { value: 'municipio', label: 'Municipio', campos: ['municipioClave'] },
  { value: 'clasificacion', label: 'Tipo, prioridad y serie documental', campos: ['tipo', 'prioridad', 'serieDocumentalId'] },
] as const satisfies readonly { value: string; label: string; campos: readonly (keyof Valores)[] }[];
const CLAVE_CONSERVAR = 'sse.registrar.conservar';

function conservarGuardado(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(CLAVE_CONSERVAR) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => CONSERVABLES.some((c) => c.value === x)) : [];
  } catch {
    return [];
  }
}

/** A new form with only the chosen parts of the previous asunto. */
export function valoresParaOtro(previo: Valores, conservar: readonly string[], nuevos: Valores): Valores {
  const r = { ...nuevos } as Record<string, unknown>;
  for (const c of CONSERVABLES) if (conservar.includes(c.value)) for (const k of c.campos) r[k] = previo[k];
  return r as Valores;
}
const MAX_EN_LINEA = 45 * 1024 * 1024;

export function Registrar() {
  const cat = useCatalogos();
  const ir = useNavigate();
  const form = useFormulario({ esquema, valoresIniciales: iniciales() });
  const [anexos, setAnexos] = useState<File[]>([]);
  const [arrastrando, setArrastrando] = useState(false);
  const [registrado, setRegistrado] = useState<FilaAsunto | null>(null);
  const [conservar, setConservar] = useState<string[]>(conservarGuardado);
  const [sugerencias, setSugerencias] = useState<Remitente[]>([]);
  const [escaneo, setEscaneo] = useState<File | null>(null);
  const selector = useRef<HTMLInputElement>(null);
  const remitente = useRef<HTMLInputElement>(null);

  // Default series follows the destinatario.
  const serieDe = (dest: string) => cat?.series.find((s) => s.activa && s.destinatario === dest)?.id ?? null;
  useEffect(() => {
    if (cat && !form.values.serieId) form.setFieldValue('serieId', serieDe(form.values.destinatario));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cat]);

  // Remitentes already seen, as the user types (accent-insensitive in the core).
  const nombre = form.values.remitenteNombre;
  useEffect(() => {
    if (nombre.trim().length < 2) return setSugerencias([]);
    const t = setTimeout(() => {
      api.llamar('correspondencia.remitentes.buscar', { texto: nombre }).then(setSugerencias).catch(() => setSugerencias([]));
    }, 150);
    return () => clearTimeout(t);
  }, [nombre]);
  const etiquetaRemitente = (r: Remitente) => [r.nombre, r.cargo, r.organizacion].filter(Boolean).join(' · ');
  const datosAutocomplete = useMemo(() => [...new Set(sugerencias.map(etiquetaRemitente))], [sugerencias]);

  const elegirRemitente = (valor: string) => {
    const r = sugerencias.find((s) => etiquetaRemitente(s) === valor);
    if (!r) return form.setFieldValue('remitenteNombre', valor);
    form.setValues({ remitenteNombre: r.nombre, remitenteCargo: r.cargo, remitenteOrganizacion: r.organizacion, municipioClave: r.municipioClave ?? form.values.municipioClave });
  };

  const agregarArchivos = (lista: FileList | File[] | null) => {
    if (!lista) return;
    const nuevos = Array.from(lista);
    // A scan dropped on an empty form: its first page is read to propose the fields (SugerenciasEscaneo).
    const v = form.values;
    if (!escaneo && !anexos.length && nuevos.length && !v.remitenteNombre.trim() && !v.asunto.trim() && !v.oficioNumero.trim()) setEscaneo(nuevos[0]);
    setAnexos((a) => [...a, ...nuevos]);
  };

  const guardar = async (v: Valores) => {
    try {
      const total = anexos.reduce((s, f) => s + f.size, 0);
      const enLinea = total <= MAX_EN_LINEA;
      const archivos = enLinea ? await Promise.all(anexos.map(async (f) => ({ nombre: f.name, contenidoBase64: await aBase64(f) }))) : [];
      const r = await api.llamar('correspondencia.registrar', {
        ...v,
        medio: v.medio as never,
        destinatario: v.destinatario as never,
        tipo: v.tipo as never,
        prioridad: v.prioridad as never,
        anexos: archivos,
      });
      // Very large scans travel one by one after the folio is taken.
      if (!enLinea) {
        for (const f of anexos) {
          try {
            await api.llamar('correspondencia.anexos.agregar', { asuntoId: r.id, archivo: { nombre: f.name, contenidoBase64: await aBase64(f) } });
          } catch (e) {
            avisarError(e, `El asunto ${r.folio} se registró, pero el anexo «${f.name}» no`);
          }
        }
      }
      setRegistrado(r);
      setAnexos([]);
    } catch (e) {
      if (e instanceof ErrorApi && Array.isArray(e.details)) {
        const errores: Record<string, string> = {};
        for (const d of e.details as { campo?: string; mensaje?: string }[]) if (d.campo && d.mensaje) errores[d.campo] = d.mensaje;
        if (Object.keys(errores).length) form.setErrors(errores);
      }
      avisarError(e, 'No se registró el asunto');
    }
  };

  const otro = () => {
    const nuevos = iniciales();
    const v = valoresParaOtro(form.getValues(), conservar, { ...nuevos, serieId: serieDe(nuevos.destinatario) });
    form.setValues(v);
    form.resetDirty(v);
    setRegistrado(null);
    setEscaneo(null);
    requestAnimationFrame(() => remitente.current?.focus());
  };
  const elegirConservar = (v: string[]) => {
    setConservar(v);
    localStorage.setItem(CLAVE_CONSERVAR, JSON.stringify(v));
  };

  // Ctrl+N: after a save, «Registrar otro»; on the form, back to its first field that needs typing.
  useAccionNuevo(registrado ? otro : () => remitente.current?.focus());

  if (registrado) {
    return (
      <Stack maw={760}>
        <Pestanas />
        <Paper withBorder p="xl" radius="md" role="status" aria-live="polite">
          <Text c="dimmed" size="sm">Asunto registrado con el folio</Text>
          <Title order={1} fz={48} data-testid="folio-registrado" style={{ letterSpacing: 1 }}>
            {registrado.folio}
          </Title>
          <Text mt="xs" lineClamp={2}>{registrado.asunto}</Text>
          <Group mt="lg">
            <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => void abrirPdf(api.llamar('correspondencia.reportes.acuse', { id: registrado.id }))}>
              Imprimir acuse
            </Button>
            <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => void abrirPdf(api.llamar('correspondencia.reportes.volante', { id: registrado.id }))}>
              Imprimir volante
            </Button>
            <Button leftSection={<IconSend size={16} />} onClick={() => ir(`/correspondencia/asunto/${registrado.id}?turnar=1`)} autoFocus>
              Turnar ahora (Enter)
            </Button>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={otro}>
              Registrar otro (Ctrl+N)
            </Button>
          </Group>
          <Checkbox.Group mt="lg" label="Al registrar otro, conservar:" description="Solo se conserva lo que marque; lo demás empieza en blanco." value={conservar} onChange={elegirConservar}>
            <Group mt={6} gap="lg">
              {CONSERVABLES.map((c) => (
                <Checkbox key={c.value} value={c.value} label={c.label} />
              ))}
            </Group>
          </Checkbox.Group>
        </Paper>
      </Stack>
    );
  }

  const seriesActivas = (cat?.series ?? []).filter((s) => s.activa).map((s) => ({ value: s.id, label: `${s.nombre} (sig. ${s.ejemplo})` }));
  return (
    <Stack maw={760}>
      <Pestanas />
      <Title order={2}>Registrar asunto</Title>
      <Text size="sm" c="dimmed">Enter pasa al siguiente campo · Ctrl+Enter guarda</Text>
      {escaneo && (
        <SugerenciasEscaneo
          archivo={escaneo}
          valores={form.values}
          municipios={cat?.municipios ?? []}
          fijar={(campo, valor) => form.setFieldValue(campo, valor)}
          alCerrar={() => setEscaneo(null)}
        />
      )}
      <Formulario form={form} onGuardar={guardar} borrador="correspondencia.registrar" aria-label="Registrar asunto">
        <Stack gap="sm">
          <SimpleGrid cols={3}>
            <CampoFecha form={form} campo="fechaRecepcion" label="Fecha de recepción" withAsterisk clearable={false} />
            <CampoTexto form={form} campo="horaRecepcion" label="Hora" placeholder="HH:MM" withAsterisk />
            <CampoSeleccion form={form} campo="medio" label="Medio de recepción" data={opciones.medio} allowDeselect={false} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <CampoSeleccion
              form={form}
              campo="destinatario"
              label="Destinatario"
              data={opciones.destinatario}
              allowDeselect={false}
              onChange={(v) => {
                if (!v) return;
                form.setFieldValue('destinatario', v);
                form.setFieldValue('serieId', serieDe(v));
              }}
            />
            <CampoSeleccion form={form} campo="serieId" label="Serie de folios" data={seriesActivas} allowDeselect={false} />
          </SimpleGrid>
          <Autocomplete
            ref={remitente}
            label="Remitente"
            withAsterisk
            autoFocus
            placeholder="Nombre de quien firma (se sugieren los ya registrados)"
            data={datosAutocomplete}
            filter={({ options }) => options}
            {...form.getInputProps('remitenteNombre')}
            onChange={elegirRemitente}
          />
          <SimpleGrid cols={2}>
            <CampoTexto form={form} campo="remitenteCargo" label="Cargo" />
            <CampoTexto form={form} campo="remitenteOrganizacion" label="Dependencia u organización" />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <CampoTexto form={form} campo="oficioNumero" label="Número de oficio" />
            <CampoFecha form={form} campo="oficioFecha" label="Fecha del oficio" />
            <CampoSeleccion form={form} campo="tipo" label="Tipo de documento" data={opciones.tipo} allowDeselect={false} />
          </SimpleGrid>
          <CampoAreaTexto form={form} campo="asunto" label="Asunto" withAsterisk autosize minRows={3} maxRows={8} placeholder="Síntesis de lo que solicita o informa" />
          <Group grow align="flex-end">
            <Stack gap={4}>
              <Text size="sm" fw={500}>Prioridad</Text>
              <SegmentedControl data={opciones.prioridad} {...form.getInputProps('prioridad')} />
            </Stack>
            <CampoSeleccion
              form={form}
              campo="serieDocumentalId"
              label="Serie documental"
              data={(cat?.seriesDocumentales ?? []).map((s) => ({ value: s.id, label: `${s.clave} ${s.nombre}` }))}
            />
          </Group>
          <CampoSeleccion
            form={form}
            campo="municipioClave"
            label="Municipio"
            placeholder="Escriba para buscar (sin acentos)"
            data={(cat?.municipios ?? []).map((m) => ({ value: m.clave, label: m.nombre }))}
          />
          <CampoAreaTexto form={form} campo="observaciones" label="Observaciones" autosize minRows={2} maxRows={6} />

          <Paper
            withBorder
            p="md"
            radius="md"
            data-testid="zona-anexos"
            style={{ borderStyle: 'dashed', background: arrastrando ? 'var(--mantine-color-blue-0)' : undefined }}
            onDragOver={(e) => {
              e.preventDefault();
              setArrastrando(true);
            }}
            onDragLeave={() => setArrastrando(false)}
            onDrop={(e) => {
              e.preventDefault();
              setArrastrando(false);
              agregarArchivos(e.dataTransfer.files);
            }}
          >
            <Group justify="space-between">
              <Text size="sm" c="dimmed">Arrastre aquí los documentos escaneados (PDF, JPG, PNG o TIFF) o</Text>
              <Button variant="default" size="xs" leftSection={<IconFileUpload size={14} />} onClick={() => selector.current?.click()}>
                Elegir archivos…
              </Button>
              <input
                ref={selector}
                type="file"
                multiple
                hidden
                aria-label="Anexos"
                accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff"
                onChange={(e) => {
                  agregarArchivos(e.currentTarget.files);
                  e.currentTarget.value = '';
                }}
              />
            </Group>
            {anexos.length > 0 && (
              <Group mt="sm" gap="xs">
                {anexos.map((f, i) => (
                  <Badge key={`${f.name}-${i}`} variant="light" size="lg" rightSection={<CloseButton size="xs" aria-label={`Quitar ${f.name}`} onClick={() => setAnexos((a) => a.filter((_, j) => j !== i))} />}>
                    {f.name} · {tamano(f.size)}
                  </Badge>
                ))}
              </Group>
            )}
          </Paper>

          <Group justify="flex-end">
            <BotonGuardar leftSection={<IconSend size={16} />}>Registrar (Ctrl+Enter)</BotonGuardar>
          </Group>
        </Stack>
      </Formulario>
    </Stack>
  );
}
