CREATE TABLE `gab_acuerdos` (
	`id` text PRIMARY KEY NOT NULL,
	`reunion_id` text NOT NULL,
	`numero` integer NOT NULL,
	`descripcion` text NOT NULL,
	`dependencia_id` text NOT NULL,
	`fecha_compromiso` text,
	`estatus` text DEFAULT 'por_iniciar' NOT NULL,
	`motivo_cancelacion` text,
	`avance` integer DEFAULT 0 NOT NULL,
	`creado_por` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`reunion_id`) REFERENCES `gab_reuniones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dependencia_id`) REFERENCES `dependencias`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creado_por`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gab_acuerdos_numero_unico` ON `gab_acuerdos` (`reunion_id`,`numero`);--> statement-breakpoint
CREATE INDEX `gab_acuerdos_dependencia` ON `gab_acuerdos` (`dependencia_id`);--> statement-breakpoint
CREATE INDEX `gab_acuerdos_estatus` ON `gab_acuerdos` (`estatus`);--> statement-breakpoint
CREATE TABLE `gab_anexos` (
	`id` text PRIMARY KEY NOT NULL,
	`reunion_id` text NOT NULL,
	`nombre` text NOT NULL,
	`sha256` text NOT NULL,
	`retirado` integer DEFAULT false NOT NULL,
	`motivo_retiro` text,
	`creado_por` text NOT NULL,
	`creado` integer NOT NULL,
	FOREIGN KEY (`reunion_id`) REFERENCES `gab_reuniones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sha256`) REFERENCES `archivos`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creado_por`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gab_anexos_reunion` ON `gab_anexos` (`reunion_id`);--> statement-breakpoint
CREATE TABLE `gab_convocados` (
	`id` text PRIMARY KEY NOT NULL,
	`reunion_id` text NOT NULL,
	`funcionario_id` text NOT NULL,
	`asistencia` text DEFAULT 'sin_registro' NOT NULL,
	`representante` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`reunion_id`) REFERENCES `gab_reuniones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`funcionario_id`) REFERENCES `gab_funcionarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gab_convocados_unico` ON `gab_convocados` (`reunion_id`,`funcionario_id`);--> statement-breakpoint
CREATE TABLE `gab_acuerdo_corresponsables` (
	`acuerdo_id` text NOT NULL,
	`dependencia_id` text NOT NULL,
	PRIMARY KEY(`acuerdo_id`, `dependencia_id`),
	FOREIGN KEY (`acuerdo_id`) REFERENCES `gab_acuerdos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dependencia_id`) REFERENCES `dependencias`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gab_corresponsables_dependencia` ON `gab_acuerdo_corresponsables` (`dependencia_id`);--> statement-breakpoint
CREATE TABLE `gab_eventos_reunion` (
	`id` text PRIMARY KEY NOT NULL,
	`reunion_id` text NOT NULL,
	`tipo` text NOT NULL,
	`motivo` text,
	`usuario_id` text NOT NULL,
	`momento` integer NOT NULL,
	FOREIGN KEY (`reunion_id`) REFERENCES `gab_reuniones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`usuario_id`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gab_eventos_reunion_reunion` ON `gab_eventos_reunion` (`reunion_id`,`momento`);--> statement-breakpoint
CREATE TABLE `gab_funcionarios` (
	`id` text PRIMARY KEY NOT NULL,
	`nombre` text NOT NULL,
	`cargo` text DEFAULT '' NOT NULL,
	`dependencia_id` text NOT NULL,
	`correo` text DEFAULT '' NOT NULL,
	`telefono` text DEFAULT '' NOT NULL,
	`activo` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`dependencia_id`) REFERENCES `dependencias`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gab_funcionarios_dependencia` ON `gab_funcionarios` (`dependencia_id`);--> statement-breakpoint
CREATE TABLE `gab_orden_dia` (
	`id` text PRIMARY KEY NOT NULL,
	`reunion_id` text NOT NULL,
	`posicion` integer NOT NULL,
	`titulo` text NOT NULL,
	`presentador` text DEFAULT '' NOT NULL,
	`retirado` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`reunion_id`) REFERENCES `gab_reuniones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gab_orden_dia_reunion` ON `gab_orden_dia` (`reunion_id`,`posicion`);--> statement-breakpoint
CREATE TABLE `gab_reuniones` (
	`id` text PRIMARY KEY NOT NULL,
	`tipo_id` text NOT NULL,
	`tema` text DEFAULT '' NOT NULL,
	`alcance` text,
	`ordinal` integer,
	`nombre` text NOT NULL,
	`fecha` text NOT NULL,
	`hora` text NOT NULL,
	`sede` text DEFAULT '' NOT NULL,
	`municipio_clave` text,
	`estatus` text DEFAULT 'programada' NOT NULL,
	`motivo_cancelacion` text,
	`cerrada_en` integer,
	`cerrada_por` text,
	`creado_por` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`tipo_id`) REFERENCES `tipos_gabinete`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipio_clave`) REFERENCES `municipios`(`clave`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cerrada_por`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`creado_por`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gab_reuniones_ordinal_unico` ON `gab_reuniones` (`alcance`,`ordinal`);--> statement-breakpoint
CREATE INDEX `gab_reuniones_fecha` ON `gab_reuniones` (`fecha`);--> statement-breakpoint
CREATE INDEX `gab_reuniones_tipo` ON `gab_reuniones` (`tipo_id`,`fecha`);--> statement-breakpoint
CREATE TABLE `gab_seguimientos` (
	`id` text PRIMARY KEY NOT NULL,
	`acuerdo_id` text NOT NULL,
	`fecha` text NOT NULL,
	`nota` text NOT NULL,
	`autor_id` text NOT NULL,
	`evidencia_sha` text,
	`evidencia_nombre` text,
	`estatus_antes` text NOT NULL,
	`estatus_despues` text NOT NULL,
	`avance_antes` integer NOT NULL,
	`avance_despues` integer NOT NULL,
	`ajuste` text,
	`creado` integer NOT NULL,
	FOREIGN KEY (`acuerdo_id`) REFERENCES `gab_acuerdos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`autor_id`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidencia_sha`) REFERENCES `archivos`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gab_seguimientos_acuerdo` ON `gab_seguimientos` (`acuerdo_id`,`creado`);--> statement-breakpoint
CREATE TABLE `gab_tarjetas` (
	`id` text PRIMARY KEY NOT NULL,
	`reunion_id` text NOT NULL,
	`titulo` text NOT NULL,
	`contenido` text NOT NULL,
	`dependencia_id` text,
	`retirada` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`reunion_id`) REFERENCES `gab_reuniones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dependencia_id`) REFERENCES `dependencias`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gab_tarjetas_reunion` ON `gab_tarjetas` (`reunion_id`);