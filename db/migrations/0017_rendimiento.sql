DROP INDEX `turnos_reporte_dependencia`;--> statement-breakpoint
CREATE INDEX `turnos_reporte_estatus` ON `turnos` (`dependencia_id`,`requiere_atencion`,`estatus`,`turnado`,`prorrogas`,`fecha_limite`);--> statement-breakpoint
CREATE INDEX `asuntos_estatus_id` ON `asuntos` (`estatus`,`id`);