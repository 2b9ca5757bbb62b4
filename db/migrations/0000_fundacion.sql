CREATE TABLE `usuarios` (
	`id` text PRIMARY KEY NOT NULL,
	`usuario` text NOT NULL,
	`nombre` text NOT NULL,
	`rol` text NOT NULL,
	`hash` text NOT NULL,
	`activo` integer DEFAULT true NOT NULL,
	`intentos_fallidos` integer DEFAULT 0 NOT NULL,
	`bloqueado_hasta` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `usuarios_usuario_unico` ON `usuarios` (`usuario`);--> statement-breakpoint
CREATE TABLE `bitacora` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`momento` integer NOT NULL,
	`usuario_id` text,
	`usuario` text,
	`metodo` text NOT NULL,
	`entidad` text NOT NULL,
	`entidad_id` text,
	`antes` text,
	`despues` text,
	`hash_previo` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `bitacora_entidad` ON `bitacora` (`entidad`,`entidad_id`);--> statement-breakpoint
CREATE TABLE `ajustes` (
	`clave` text PRIMARY KEY NOT NULL,
	`valor` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`actualizado` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `archivos` (
	`sha256` text PRIMARY KEY NOT NULL,
	`tipo` text NOT NULL,
	`tamano` integer NOT NULL,
	`creado` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dependencias` (
	`id` text PRIMARY KEY NOT NULL,
	`clave` text NOT NULL,
	`nombre` text NOT NULL,
	`siglas` text DEFAULT '' NOT NULL,
	`titular` text DEFAULT '' NOT NULL,
	`activa` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dependencias_clave_unica` ON `dependencias` (`clave`);--> statement-breakpoint
CREATE TABLE `dias_inhabiles` (
	`id` text PRIMARY KEY NOT NULL,
	`fecha` text NOT NULL,
	`descripcion` text NOT NULL,
	`activa` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dias_inhabiles_fecha_unica` ON `dias_inhabiles` (`fecha`);--> statement-breakpoint
CREATE TABLE `instrucciones_turno` (
	`id` text PRIMARY KEY NOT NULL,
	`clave` text NOT NULL,
	`nombre` text NOT NULL,
	`requiere_atencion` integer DEFAULT true NOT NULL,
	`dias_habiles` integer DEFAULT 10 NOT NULL,
	`activa` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instrucciones_turno_clave_unica` ON `instrucciones_turno` (`clave`);--> statement-breakpoint
CREATE TABLE `municipios` (
	`clave` text PRIMARY KEY NOT NULL,
	`nombre` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `series_documentales` (
	`id` text PRIMARY KEY NOT NULL,
	`clave` text NOT NULL,
	`nombre` text NOT NULL,
	`activa` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `series_documentales_clave_unica` ON `series_documentales` (`clave`);--> statement-breakpoint
CREATE TABLE `tipos_gabinete` (
	`id` text PRIMARY KEY NOT NULL,
	`clave` text NOT NULL,
	`nombre` text NOT NULL,
	`numeracion` text NOT NULL,
	`plantilla` text NOT NULL,
	`activa` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tipos_gabinete_clave_unica` ON `tipos_gabinete` (`clave`);--> statement-breakpoint
CREATE TABLE `unidades` (
	`id` text PRIMARY KEY NOT NULL,
	`clave` text NOT NULL,
	`nombre` text NOT NULL,
	`activa` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unidades_clave_unica` ON `unidades` (`clave`);