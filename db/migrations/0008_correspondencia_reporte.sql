DROP INDEX `turnos_reporte`;--> statement-breakpoint
CREATE INDEX `turnos_reporte_dependencia` ON `turnos` (`dependencia_id`,`turnado`,`requiere_atencion`,`estatus`,`fecha_limite`,`prorrogas`);