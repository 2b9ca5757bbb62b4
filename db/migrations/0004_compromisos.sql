CREATE TABLE `compromiso_corresponsables` (
	`compromiso_id` text NOT NULL,
	`dependencia_id` text NOT NULL,
	PRIMARY KEY(`compromiso_id`, `dependencia_id`),
	FOREIGN KEY (`compromiso_id`) REFERENCES `compromisos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dependencia_id`) REFERENCES `dependencias`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `compromiso_seguimientos` (
	`id` text PRIMARY KEY NOT NULL,
	`compromiso_id` text NOT NULL,
	`fecha` text NOT NULL,
	`nota` text NOT NULL,
	`estatus_anterior` text NOT NULL,
	`estatus` text NOT NULL,
	`avance_anterior` integer NOT NULL,
	`avance` integer NOT NULL,
	`motivo` text,
	`evidencia_sha` text,
	`evidencia_nombre` text,
	`autor_id` text NOT NULL,
	`autor_nombre` text NOT NULL,
	`creado` integer NOT NULL,
	FOREIGN KEY (`compromiso_id`) REFERENCES `compromisos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidencia_sha`) REFERENCES `archivos`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`autor_id`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `compromiso_seguimientos_compromiso` ON `compromiso_seguimientos` (`compromiso_id`);--> statement-breakpoint
CREATE TABLE `compromisos` (
	`id` text PRIMARY KEY NOT NULL,
	`numero` integer NOT NULL,
	`descripcion` text NOT NULL,
	`fecha_compromiso` text NOT NULL,
	`municipio_clave` text,
	`estrategia_id` text,
	`dependencia_id` text NOT NULL,
	`estatus` text DEFAULT 'sin_avance' NOT NULL,
	`motivo_no_procedente` text,
	`avance` integer DEFAULT 0 NOT NULL,
	`fecha_estimada` text,
	`busqueda` text DEFAULT '' NOT NULL,
	`creado_por` text,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`municipio_clave`) REFERENCES `municipios`(`clave`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`estrategia_id`) REFERENCES `ped`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dependencia_id`) REFERENCES `dependencias`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creado_por`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `compromisos_numero_unico` ON `compromisos` (`numero`);--> statement-breakpoint
CREATE INDEX `compromisos_dependencia` ON `compromisos` (`dependencia_id`);--> statement-breakpoint
CREATE INDEX `compromisos_municipio` ON `compromisos` (`municipio_clave`);--> statement-breakpoint
CREATE INDEX `compromisos_estrategia` ON `compromisos` (`estrategia_id`);--> statement-breakpoint
CREATE TABLE `ped` (
	`id` text PRIMARY KEY NOT NULL,
	`nivel` text NOT NULL,
	`padre_id` text,
	`clave` text NOT NULL,
	`texto` text NOT NULL,
	`activa` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`padre_id`) REFERENCES `ped`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ped_clave_unica` ON `ped` (`clave`);--> statement-breakpoint
CREATE INDEX `ped_padre` ON `ped` (`padre_id`);