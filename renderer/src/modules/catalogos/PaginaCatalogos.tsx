/** Catálogos (administrador): one tab per catalog; the 72 municipios are shown read-only. */
import { useEffect, useState } from 'react';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import type { Output } from '../../../../electron/contract';
import { DataTable, avisarError } from '../../ui';
import { CATALOGOS } from './definiciones';
import { PaginaCatalogo } from './PaginaCatalogo';

type Municipio = Output<'catalogos.municipios.listar'>[number];

function Municipios() {
  const [filas, setFilas] = useState<Municipio[]>([]);
  useEffect(() => void api.llamar('catalogos.municipios.listar', {}).then(setFilas, avisarError), []);
  return (
    <DataTable
      id="catalogo-municipios"
      etiqueta="Municipios de Sonora"
      columnas={[
        { id: 'clave', titulo: 'Clave INEGI', ancho: 140, valor: (m) => m.clave },
        { id: 'nombre', titulo: 'Municipio', flexible: true, valor: (m) => m.nombre },
      ]}
      filas={filas}
      idFila={(m) => m.clave}
      sustantivo={{ singular: 'municipio', plural: 'municipios' }}
      altura="calc(100vh - 230px)"
    />
  );
}

export function PaginaCatalogos() {
  const { catalogo = CATALOGOS[0].nombre } = useParams();
  const navegar = useNavigate();
  return (
    <Stack gap="sm">
      <div>
        <Title order={2}>Catálogos</Title>
        <Text c="dimmed" size="sm">Lo que se elige al capturar. Un registro en uso se desactiva, no se elimina.</Text>
      </div>
      <Tabs value={catalogo} onChange={(v) => v && navegar(`/catalogos/${v}`)} keepMounted={false}>
        <Tabs.List>
          {CATALOGOS.map((c) => <Tabs.Tab key={c.nombre} value={c.nombre}>{c.titulo}</Tabs.Tab>)}
          <Tabs.Tab value="municipios">Municipios</Tabs.Tab>
        </Tabs.List>
        {CATALOGOS.map((c) => (
          <Tabs.Panel key={c.nombre} value={c.nombre} pt="sm"><PaginaCatalogo def={c} /></Tabs.Panel>
        ))}
        <Tabs.Panel value="municipios" pt="sm"><Municipios /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
