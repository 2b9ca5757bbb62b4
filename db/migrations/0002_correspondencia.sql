CREATE TABLE `anexos` (
	`id` text PRIMARY KEY NOT NULL,
	`asunto_id` text NOT NULL,
	`archivo_sha` text NOT NULL,
	`nombre` text NOT NULL,
	`tipo` text NOT NULL,
	`tamano` integer NOT NULL,
	`agregado` integer NOT NULL,
	`usuario_id` text,
	FOREIGN KEY (`asunto_id`) REFERENCES `asuntos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`archivo_sha`) REFERENCES `archivos`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`usuario_id`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `anexos_unico` ON `anexos` (`asunto_id`,`archivo_sha`);--> statement-breakpoint
CREATE TABLE `asuntos` (
	`id` text PRIMARY KEY NOT NULL,
	`fts_id` integer NOT NULL,
	`serie_id` text NOT NULL,
	`anio` integer NOT NULL,
	`numero` integer NOT NULL,
	`folio` text NOT NULL,
	`recibido` integer NOT NULL,
	`fecha_recepcion` text NOT NULL,
	`medio` text NOT NULL,
	`destinatario` text NOT NULL,
	`tipo` text NOT NULL,
	`prioridad` text NOT NULL,
	`remitente_nombre` text NOT NULL,
	`remitente_cargo` text DEFAULT '' NOT NULL,
	`remitente_organizacion` text DEFAULT '' NOT NULL,
	`municipio_clave` text,
	`oficio_numero` text DEFAULT '' NOT NULL,
	`oficio_fecha` text,
	`asunto` text NOT NULL,
	`serie_documental_id` text,
	`observaciones` text DEFAULT '' NOT NULL,
	`estatus` text NOT NULL,
	`primer_turno` integer,
	`anulado` integer DEFAULT false NOT NULL,
	`motivo_anulacion` text,
	`archivado` integer DEFAULT false NOT NULL,
	`motivo_archivo` text,
	`registrado_por` text,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`serie_id`) REFERENCES `series_folios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipio_clave`) REFERENCES `municipios`(`clave`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`serie_documental_id`) REFERENCES `series_documentales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registrado_por`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `asuntos_folio_unico` ON `asuntos` (`serie_id`,`anio`,`numero`);--> statement-breakpoint
CREATE UNIQUE INDEX `asuntos_fts_id` ON `asuntos` (`fts_id`);--> statement-breakpoint
CREATE INDEX `asuntos_orden` ON `asuntos` (`anio`,`numero`);--> statement-breakpoint
CREATE INDEX `asuntos_estatus` ON `asuntos` (`estatus`,`anio`,`numero`);--> statement-breakpoint
CREATE INDEX `asuntos_recibido` ON `asuntos` (`recibido`);--> statement-breakpoint
CREATE TABLE `asuntos_eventos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`asunto_id` text NOT NULL,
	`momento` integer NOT NULL,
	`usuario_id` text,
	`usuario` text,
	`tipo` text NOT NULL,
	`descripcion` text NOT NULL,
	`detalle` text,
	FOREIGN KEY (`asunto_id`) REFERENCES `asuntos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`usuario_id`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `asuntos_eventos_asunto` ON `asuntos_eventos` (`asunto_id`,`id`);--> statement-breakpoint
CREATE TABLE `contadores_folio` (
	`serie_id` text NOT NULL,
	`anio` integer NOT NULL,
	`siguiente` integer NOT NULL,
	`actualizado` integer NOT NULL,
	PRIMARY KEY(`serie_id`, `anio`),
	FOREIGN KEY (`serie_id`) REFERENCES `series_folios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `remitentes` (
	`id` text PRIMARY KEY NOT NULL,
	`clave` text NOT NULL,
	`nombre` text NOT NULL,
	`cargo` text DEFAULT '' NOT NULL,
	`organizacion` text DEFAULT '' NOT NULL,
	`municipio_clave` text,
	`usos` integer DEFAULT 0 NOT NULL,
	`ultimo_uso` integer NOT NULL,
	FOREIGN KEY (`municipio_clave`) REFERENCES `municipios`(`clave`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `remitentes_clave_unica` ON `remitentes` (`clave`);--> statement-breakpoint
CREATE INDEX `remitentes_uso` ON `remitentes` (`ultimo_uso`);--> statement-breakpoint
CREATE TABLE `respuestas` (
	`id` text PRIMARY KEY NOT NULL,
	`turno_id` text NOT NULL,
	`numero_oficio` text DEFAULT '' NOT NULL,
	`fecha` text NOT NULL,
	`resumen` text DEFAULT '' NOT NULL,
	`archivo_sha` text,
	`archivo_nombre` text,
	`registrado` integer NOT NULL,
	`usuario_id` text,
	FOREIGN KEY (`turno_id`) REFERENCES `turnos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`archivo_sha`) REFERENCES `archivos`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`usuario_id`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `respuestas_turno` ON `respuestas` (`turno_id`);--> statement-breakpoint
CREATE TABLE `series_folios` (
	`id` text PRIMARY KEY NOT NULL,
	`clave` text NOT NULL,
	`nombre` text NOT NULL,
	`plantilla` text NOT NULL,
	`destinatario` text,
	`activa` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `series_folios_clave_unica` ON `series_folios` (`clave`);--> statement-breakpoint
CREATE TABLE `turnos` (
	`id` text PRIMARY KEY NOT NULL,
	`asunto_id` text NOT NULL,
	`dependencia_id` text NOT NULL,
	`instruccion_id` text NOT NULL,
	`requiere_atencion` integer NOT NULL,
	`turnado` integer NOT NULL,
	`fecha_turno` text NOT NULL,
	`plazo_original` text,
	`fecha_limite` text,
	`prorrogas` integer DEFAULT 0 NOT NULL,
	`reaperturas` integer DEFAULT 0 NOT NULL,
	`estatus` text NOT NULL,
	`atendido` integer,
	`notas` text DEFAULT '' NOT NULL,
	`turnado_por` text,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`asunto_id`) REFERENCES `asuntos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dependencia_id`) REFERENCES `dependencias`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instruccion_id`) REFERENCES `instrucciones_turno`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`turnado_por`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `turnos_asunto` ON `turnos` (`asunto_id`);--> statement-breakpoint
CREATE INDEX `turnos_dependencia` ON `turnos` (`dependencia_id`,`asunto_id`);--> statement-breakpoint
CREATE INDEX `turnos_vencimiento` ON `turnos` (`estatus`,`fecha_limite`);--> statement-breakpoint
CREATE INDEX `turnos_turnado` ON `turnos` (`turnado`);--> statement-breakpoint
CREATE TABLE `turnos_historial` (
	`id` text PRIMARY KEY NOT NULL,
	`turno_id` text NOT NULL,
	`tipo` text NOT NULL,
	`motivo` text NOT NULL,
	`plazo_anterior` text,
	`plazo_nuevo` text,
	`estatus_anterior` text NOT NULL,
	`momento` integer NOT NULL,
	`usuario_id` text,
	FOREIGN KEY (`turno_id`) REFERENCES `turnos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`usuario_id`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `turnos_historial_turno` ON `turnos_historial` (`turno_id`);