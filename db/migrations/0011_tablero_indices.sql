-- Tablero: covering index for "turnos vencidos por dependencia" (open turnos past their fecha límite),
-- so the home screen counts them from the index alone at 250k turnos. Hand-written (not in the drizzle
-- schema of turnos, which belongs to Correspondencia); drizzle-kit does not track it and never drops it.
CREATE INDEX IF NOT EXISTS `tablero_turnos_vencidos` ON `turnos` (`estatus`, `fecha_limite`, `requiere_atencion`, `dependencia_id`, `asunto_id`);
