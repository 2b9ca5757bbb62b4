CREATE TABLE `poa_cierres` (
	`id` text PRIMARY KEY NOT NULL,
	`anio` integer NOT NULL,
	`trimestre` integer NOT NULL,
	`accion` text NOT NULL,
	`motivo` text DEFAULT '' NOT NULL,
	`usuario_id` text NOT NULL,
	`usuario_nombre` text NOT NULL,
	`creado` integer NOT NULL,
	FOREIGN KEY (`usuario_id`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `poa_cierres_anio` ON `poa_cierres` (`anio`,`trimestre`);--> statement-breakpoint
CREATE TABLE `poa_metas` (
	`id` text PRIMARY KEY NOT NULL,
	`anio` integer NOT NULL,
	`numero` integer NOT NULL,
	`descripcion` text NOT NULL,
	`unidad_id` text NOT NULL,
	`unidad_medida` text NOT NULL,
	`tipo` text NOT NULL,
	`periodicidad` text NOT NULL,
	`cancelada` integer DEFAULT false NOT NULL,
	`motivo_cancelacion` text,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`unidad_id`) REFERENCES `unidades`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `poa_metas_anio_numero` ON `poa_metas` (`anio`,`numero`);--> statement-breakpoint
CREATE INDEX `poa_metas_unidad` ON `poa_metas` (`unidad_id`);--> statement-breakpoint
CREATE TABLE `poa_periodos` (
	`meta_id` text NOT NULL,
	`periodo` integer NOT NULL,
	`programado` integer,
	`alcanzado` integer,
	`comentario` text DEFAULT '' NOT NULL,
	`evidencia_sha` text,
	`evidencia_nombre` text,
	`capturado_por` text,
	`capturado` integer,
	`version` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`meta_id`, `periodo`),
	FOREIGN KEY (`meta_id`) REFERENCES `poa_metas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidencia_sha`) REFERENCES `archivos`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`capturado_por`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
