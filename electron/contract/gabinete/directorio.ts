/** Gabinete contract › Directorio de funcionarios. */
import { z } from 'zod';
import { metodo, Id, Version, texto, textoRequerido } from '../comun';
import { DIRECTORIO_GABINETE, LECTURA_GABINETE } from './base';

export const Funcionario = z.object({
  id: Id,
  nombre: z.string(),
  cargo: z.string(),
  dependenciaId: Id,
  dependencia: z.string(),
  siglas: z.string(),
  correo: z.string(),
  telefono: z.string(),
  activo: z.boolean(),
  version: Version,
});
export type Funcionario = z.infer<typeof Funcionario>;

const FuncionarioEntrada = z.object({
  id: Id.optional(),
  version: Version.optional(),
  nombre: textoRequerido('Nombre', 150),
  cargo: texto('Cargo', 200).default(''),
  dependenciaId: Id,
  correo: texto('Correo', 150)
    .default('')
    .refine((c) => c === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c), 'Correo: no parece una dirección válida (ejemplo: nombre@sonora.gob.mx).'),
  telefono: texto('Teléfono', 40).default(''),
});

export const metodosDirectorio = {
  'gabinete.funcionarios.listar': metodo({
    input: z.object({ incluirInactivos: z.boolean().default(false), dependenciaId: Id.optional() }).optional(),
    output: z.array(Funcionario),
    acceso: LECTURA_GABINETE,
  }),
  'gabinete.funcionarios.guardar': metodo({ input: FuncionarioEntrada, output: Funcionario, acceso: DIRECTORIO_GABINETE, escritura: true }),
  'gabinete.funcionarios.cambiarActivo': metodo({
    input: z.object({ id: Id, version: Version, activo: z.boolean() }),
    output: Funcionario,
    acceso: DIRECTORIO_GABINETE,
    escritura: true,
  }),
};
