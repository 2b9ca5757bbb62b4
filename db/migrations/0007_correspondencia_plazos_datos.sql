-- Correspondencia: fills the derived columns added in 0006 for asuntos registered before it.
UPDATE `asuntos` SET `demora_turno` = `primer_turno` - `recibido` WHERE `primer_turno` IS NOT NULL;
--> statement-breakpoint
UPDATE `asuntos` SET `plazo_proximo` = (
	SELECT min(t.`fecha_limite`) FROM `turnos` t
	WHERE t.`asunto_id` = `asuntos`.`id` AND t.`requiere_atencion` = 1 AND t.`estatus` <> 'atendido' AND t.`fecha_limite` IS NOT NULL
) WHERE `anulado` = 0;
