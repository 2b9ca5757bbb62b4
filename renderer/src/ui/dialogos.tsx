import { Button, Group, Modal, Stack, Text, Textarea, type ModalProps } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState, type ReactNode } from 'react';

let contador = 0;
const nuevoId = (prefijo: string) => `${prefijo}-${Date.now().toString(36)}-${++contador}`;

export interface OpcionesConfirmar {
  titulo: string;
  mensaje: ReactNode;
  /** Label of the confirming button: "Anular", "Cerrar reunión"… (default "Aceptar"). */
  confirmar?: string;
  cancelar?: string;
  /** Red confirming button; the focus starts on "Cancelar". */
  peligro?: boolean;
  /** The focus starts on "Cancelar" without a red button: Enter keeps things as they are. */
  enfocarCancelar?: boolean;
}

/** Asks a yes/no question. Resolves `true` only when the user presses the confirming button. */
export function confirmar({
  titulo,
  mensaje,
  confirmar: textoConfirmar = 'Aceptar',
  cancelar = 'Cancelar',
  peligro = false,
  enfocarCancelar = peligro,
}: OpcionesConfirmar): Promise<boolean> {
  return new Promise((resolve) => {
    let resuelto = false;
    const fin = (v: boolean) => {
      if (!resuelto) {
        resuelto = true;
        resolve(v);
      }
    };
    modals.openConfirmModal({
      modalId: nuevoId('confirmar'),
      title: titulo,
      children: typeof mensaje === 'string' ? <Text size="sm">{mensaje}</Text> : mensaje,
      labels: { confirm: textoConfirmar, cancel: cancelar },
      confirmProps: { ...(peligro ? { color: 'red.8' } : {}), ...(enfocarCancelar ? {} : { 'data-autofocus': true }) },
      cancelProps: enfocarCancelar ? { 'data-autofocus': true } : {},
      onConfirm: () => fin(true),
      onCancel: () => fin(false),
      onClose: () => fin(false),
    });
  });
}

export interface OpcionesMotivo {
  /** "Anular asunto", "Cerrar reunión", "Prorrogar plazo". */
  titulo: string;
  /** Names the record the action applies to: "Asunto 03.01-1034/26 · Petición de apoyo para…". */
  registro: ReactNode;
  /** Label of the text box (default "Motivo"). */
  etiqueta?: string;
  /** Extra explanation under the record (what will happen). */
  descripcion?: ReactNode;
  /** Label of the confirming button (default "Aceptar"). */
  confirmar?: string;
  /** Red confirming button (anular, cancelar…). */
  peligro?: boolean;
  /** Minimum characters, after trimming (default 5). */
  minimo?: number;
  /** Maximum characters (default 500). */
  maximo?: number;
}

/**
 * Asks for the reason of a destructive or irreversible action in a dialog that names the record.
 * Resolves with the trimmed reason, or `null` if the user cancels. An empty or too short reason is
 * refused in the dialog itself (the promise stays pending until a valid one or a cancel).
 */
export function pedirMotivo(opciones: OpcionesMotivo): Promise<string | null> {
  return new Promise((resolve) => {
    const modalId = nuevoId('motivo');
    let resuelto = false;
    const fin = (v: string | null) => {
      if (!resuelto) {
        resuelto = true;
        resolve(v);
      }
    };
    modals.open({
      modalId,
      title: opciones.titulo,
      size: 'lg',
      onClose: () => fin(null),
      children: (
        <FormularioMotivo
          {...opciones}
          onAceptar={(motivo) => {
            fin(motivo);
            modals.close(modalId);
          }}
          onCancelar={() => {
            fin(null);
            modals.close(modalId);
          }}
        />
      ),
    });
  });
}

function FormularioMotivo({
  registro,
  etiqueta = 'Motivo',
  descripcion,
  confirmar: textoConfirmar = 'Aceptar',
  peligro = false,
  minimo = 5,
  maximo = 500,
  onAceptar,
  onCancelar,
}: OpcionesMotivo & { onAceptar: (motivo: string) => void; onCancelar: () => void }) {
  const [valor, setValor] = useState('');
  const [error, setError] = useState<string | null>(null);

  const validar = (v: string): string | null => {
    const t = v.trim();
    if (t.length === 0) return `Escriba el ${etiqueta.toLocaleLowerCase('es-MX')}: es obligatorio.`;
    if (t.length < minimo) return `Escriba al menos ${minimo} caracteres (lleva ${t.length}).`;
    if (t.length > maximo) return `Máximo ${maximo} caracteres (lleva ${t.length}).`;
    return null;
  };

  const aceptar = () => {
    const e = validar(valor);
    setError(e);
    if (!e) onAceptar(valor.trim());
  };

  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        aceptar();
      }}
      noValidate
    >
      <Stack gap="md">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={2}>
            Registro
          </Text>
          <Text size="sm" fw={600}>
            {registro}
          </Text>
          {descripcion && (
            <Text size="sm" c="dimmed" mt={6}>
              {descripcion}
            </Text>
          )}
        </div>
        <Textarea
          label={etiqueta}
          withAsterisk
          data-autofocus
          autosize
          minRows={3}
          maxRows={8}
          value={valor}
          error={error}
          description="Quedará registrado en la bitácora con su nombre, la fecha y la hora. Ctrl+Enter para aceptar."
          onChange={(ev) => {
            setValor(ev.currentTarget.value);
            if (error) setError(validar(ev.currentTarget.value));
          }}
          onKeyDown={(ev) => {
            if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
              ev.preventDefault();
              aceptar();
            }
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancelar}>
            Cancelar
          </Button>
          <Button type="submit" color={peligro ? 'red.8' : undefined}>
            {textoConfirmar}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export interface DialogoEdicionProps {
  titulo: ReactNode;
  onClose: () => void;
  /** Saves; the dialog stays open until the caller closes it (a refused save keeps what was typed). */
  onGuardar: () => unknown;
  /** Label of the saving button (default "Guardar"). */
  guardar?: string;
  abierto?: boolean;
  size?: ModalProps['size'];
  children: ReactNode;
}

/** The dialog where an administrator creates or edits one record (a serie, a plantilla): fields, then Cancelar / Guardar. */
export function DialogoEdicion({ titulo, onClose, onGuardar, guardar = 'Guardar', abierto = true, size, children }: DialogoEdicionProps) {
  return (
    <Modal opened={abierto} onClose={onClose} title={titulo} size={size}>
      <Stack>
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancelar</Button>
          <Button onClick={() => void onGuardar()}>{guardar}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
