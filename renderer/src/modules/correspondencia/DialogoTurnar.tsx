/** Correspondencia › turnar an asunto to one or more dependencias, with the plazo the core proposes. */
import { Button, Group, Modal, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { AvisosBorrador, CampoFecha, avisarError, avisarExito, cerrarPreguntando, filtroSinAcentos, plural, useBorradorDe, useEnvioUnico } from '../../ui';
import { useCatalogos, type Asunto } from './comun';

export function DialogoTurnar({ asunto, abierto, onClose, alTurnar }: { asunto: Asunto; abierto: boolean; onClose: () => void; alTurnar: (a: Asunto) => void }) {
  const cat = useCatalogos();
  const [deps, setDeps] = useState<string[]>([]);
  const [instr, setInstr] = useState<string | null>(null);
  const [limite, setLimite] = useState<string | null>(null);
  // Late capture: the day it was really turned (empty = today); the plazo counts from it.
  const [fechaTurno, setFechaTurno] = useState<string | null>(null);
  const [plazoInfo, setPlazoInfo] = useState<string>('');
  const [notas, setNotas] = useState('');
  // The list closes after each pick, so a second Enter cannot add an unintended dependencia.
  const [listaAbierta, setListaAbierta] = useState(false);
  // A turno being prepared is a draft per asunto once a dependencia, a date or a note is in it (the
  // instrucción and plazo the dialog proposes alone are not).
  const borrador = useBorradorDe(
    `correspondencia.turnar.${asunto.id}`,
    { deps, instr, limite, fechaTurno, notas },
    deps.length > 0 || notas.trim() !== '' || fechaTurno !== null,
    (v) => {
      setDeps(v.deps);
      setInstr(v.instr);
      setFechaTurno(v.fechaTurno);
      setNotas(v.notas);
    },
  );
  const cerrar = cerrarPreguntando(borrador.sucio, onClose);
  useEffect(() => {
    if (cat && !instr) setInstr(cat.instrucciones.find((i) => i.clave === 'ATENCION')?.id ?? cat.instrucciones[0]?.id ?? null);
  }, [cat, instr]);
  // The plazo is computed by the core (días hábiles); the user may edit it.
  useEffect(() => {
    if (!instr || !abierto) return;
    api
      .llamar('correspondencia.plazo', { instruccionId: instr, fechaTurno: fechaTurno ?? undefined })
      .then((p) => {
        setLimite(p.fechaLimite);
        setPlazoInfo(p.requiereAtencion ? `${plural(p.diasHabiles, 'día hábil')} a partir de ${fechaTurno ? 'la fecha de turno' : 'hoy'}` : 'Para conocimiento: sin plazo');
      })
      .catch(avisarError);
  }, [instr, abierto, fechaTurno]);
  // One turno per Ctrl+Enter, even if pressed twice while the first is on its way.
  const [turnar, guardando] = useEnvioUnico(async () => {
    if (!instr || deps.length === 0) return;
    try {
      const a = await api.llamar('correspondencia.turnar', { asuntoId: asunto.id, dependencias: deps, instruccionId: instr, fechaLimite: limite, notas, fecha: fechaTurno ?? undefined });
      avisarExito(`Asunto ${asunto.folio} turnado a ${deps.length === 1 ? 'una dependencia' : `${deps.length} dependencias`}.`);
      borrador.olvidar();
      setDeps([]);
      setNotas('');
      setFechaTurno(null);
      alTurnar(a);
      onClose();
    } catch (e) {
      avisarError(e, 'No se turnó');
    }
  });
  const activas = (cat?.dependencias ?? []).filter((d) => d.activa).map((d) => ({ value: d.id, label: d.siglas ? `${d.nombre} (${d.siglas})` : d.nombre }));
  return (
    <Modal opened={abierto} onClose={cerrar} title={`Turnar asunto ${asunto.folio}`} size="lg">
      <Stack
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void turnar();
          }
        }}
      >
        {abierto && <AvisosBorrador b={borrador} guardando={guardando} />}
        <MultiSelect
          label="Dependencias"
          placeholder="Escriba para buscar (sin acentos); puede elegir varias"
          data={activas}
          value={deps}
          onChange={(v) => {
            setDeps(v);
            setListaAbierta(false);
          }}
          dropdownOpened={listaAbierta}
          onDropdownOpen={() => setListaAbierta(true)}
          onDropdownClose={() => setListaAbierta(false)}
          searchable
          selectFirstOptionOnChange
          filter={filtroSinAcentos}
          nothingFoundMessage="Sin coincidencias"
          data-autofocus
          withAsterisk
        />
        <Select
          label="Instrucción"
          data={(cat?.instrucciones ?? []).map((i) => ({ value: i.id, label: i.nombre }))}
          value={instr}
          onChange={setInstr}
          allowDeselect={false}
          searchable
          selectFirstOptionOnChange
          filter={filtroSinAcentos}
        />
        <CampoFecha
          label="Fecha de turno"
          description="Déjela vacía si se turna hoy; si se turnó antes en papel, capture el día real"
          value={fechaTurno}
          onChange={setFechaTurno}
        />
        <CampoFecha label="Fecha límite" description={plazoInfo} value={limite} onChange={setLimite} />
        <Textarea label="Notas" autosize minRows={2} value={notas} onChange={(e) => setNotas(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cerrar}>Cancelar</Button>
          <Button onClick={() => void turnar()} loading={guardando} disabled={deps.length === 0 || guardando} leftSection={<IconSend size={16} />}>
            Turnar (Ctrl+Enter)
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
