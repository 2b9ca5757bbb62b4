ALTER TABLE `asuntos` ADD `demora_turno` integer;--> statement-breakpoint
ALTER TABLE `asuntos` ADD `plazo_proximo` text;--> statement-breakpoint
CREATE INDEX `asuntos_recepcion_turno` ON `asuntos` (`recibido`,`primer_turno`,`anulado`,`archivado`);--> statement-breakpoint
CREATE INDEX `asuntos_demora` ON `asuntos` (`demora_turno`);--> statement-breakpoint
CREATE INDEX `asuntos_plazo_proximo` ON `asuntos` (`plazo_proximo`);--> statement-breakpoint
CREATE INDEX `turnos_reporte` ON `turnos` (`turnado`,`dependencia_id`,`requiere_atencion`,`estatus`,`fecha_limite`,`prorrogas`,`asunto_id`);