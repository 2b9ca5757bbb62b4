CREATE TABLE `oficios` (
	`id` text PRIMARY KEY NOT NULL,
	`fts_id` integer NOT NULL,
	`serie_id` text,
	`anio` integer,
	`numero` integer,
	`numero_texto` text,
	`tipo` text NOT NULL,
	`plantilla_id` text,
	`fecha` text,
	`lugar` text NOT NULL,
	`destinatario_nombre` text NOT NULL,
	`destinatario_cargo` text DEFAULT '' NOT NULL,
	`destinatario_dependencia` text DEFAULT '' NOT NULL,
	`dependencia_id` text,
	`asunto` text NOT NULL,
	`cuerpo` text NOT NULL,
	`tablas` text DEFAULT '{}' NOT NULL,
	`firmante_nombre` text NOT NULL,
	`firmante_cargo` text DEFAULT '' NOT NULL,
	`ccp` text DEFAULT '[]' NOT NULL,
	`estatus` text NOT NULL,
	`emitido` integer,
	`entrega_fecha` text,
	`acuse_sha` text,
	`acuse_nombre` text,
	`motivo_anulacion` text,
	`lote` text,
	`fecha_corte` text,
	`creado_por` text,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`serie_id`) REFERENCES `series_folios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plantilla_id`) REFERENCES `plantillas_oficio`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dependencia_id`) REFERENCES `dependencias`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acuse_sha`) REFERENCES `archivos`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creado_por`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oficios_numero_unico` ON `oficios` (`serie_id`,`anio`,`numero`);--> statement-breakpoint
CREATE UNIQUE INDEX `oficios_fts_id` ON `oficios` (`fts_id`);--> statement-breakpoint
CREATE INDEX `oficios_orden` ON `oficios` (`anio`,`numero`);--> statement-breakpoint
CREATE INDEX `oficios_estatus` ON `oficios` (`estatus`);--> statement-breakpoint
CREATE INDEX `oficios_dependencia` ON `oficios` (`dependencia_id`,`emitido`);--> statement-breakpoint
CREATE INDEX `oficios_lote` ON `oficios` (`lote`);--> statement-breakpoint
CREATE TABLE `oficios_anexos` (
	`id` text PRIMARY KEY NOT NULL,
	`oficio_id` text NOT NULL,
	`archivo_sha` text NOT NULL,
	`nombre` text NOT NULL,
	`tipo` text NOT NULL,
	`tamano` integer NOT NULL,
	`agregado` integer NOT NULL,
	`usuario_id` text,
	FOREIGN KEY (`oficio_id`) REFERENCES `oficios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`archivo_sha`) REFERENCES `archivos`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`usuario_id`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oficios_anexos_unico` ON `oficios_anexos` (`oficio_id`,`archivo_sha`);--> statement-breakpoint
CREATE TABLE `oficios_referencias` (
	`oficio_id` text NOT NULL,
	`tipo` text NOT NULL,
	`ref_id` text NOT NULL,
	`etiqueta` text NOT NULL,
	FOREIGN KEY (`oficio_id`) REFERENCES `oficios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oficios_referencias_unica` ON `oficios_referencias` (`oficio_id`,`tipo`,`ref_id`);--> statement-breakpoint
CREATE INDEX `oficios_referencias_ref` ON `oficios_referencias` (`tipo`,`ref_id`);--> statement-breakpoint
CREATE TABLE `plantillas_oficio` (
	`id` text PRIMARY KEY NOT NULL,
	`clave` text NOT NULL,
	`nombre` text NOT NULL,
	`tipo` text NOT NULL,
	`asunto` text NOT NULL,
	`cuerpo` text NOT NULL,
	`activa` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plantillas_oficio_clave` ON `plantillas_oficio` (`clave`);--> statement-breakpoint
ALTER TABLE `series_folios` ADD `uso` text DEFAULT 'correspondencia' NOT NULL;--> statement-breakpoint
ALTER TABLE `turnos` ADD `devolucion_fecha` text;--> statement-breakpoint
ALTER TABLE `turnos` ADD `devolucion_motivo` text;--> statement-breakpoint
ALTER TABLE `turnos` ADD `reasignado_de` text;