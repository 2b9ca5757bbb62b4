CREATE TABLE `importacion_memoria` (
	`tipo` text NOT NULL,
	`clase` text NOT NULL,
	`clave` text NOT NULL,
	`valor` text NOT NULL,
	`actualizado` integer NOT NULL,
	PRIMARY KEY(`tipo`, `clase`, `clave`)
);
--> statement-breakpoint
CREATE TABLE `importaciones` (
	`id` text PRIMARY KEY NOT NULL,
	`tipo` text NOT NULL,
	`archivo` text NOT NULL,
	`sha256` text NOT NULL,
	`filas` integer NOT NULL,
	`nuevas` integer NOT NULL,
	`actualizadas` integer NOT NULL,
	`sin_cambio` integer NOT NULL,
	`usuario_id` text,
	`momento` integer NOT NULL,
	FOREIGN KEY (`usuario_id`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `importaciones_momento` ON `importaciones` (`momento`);--> statement-breakpoint
ALTER TABLE `asuntos_eventos` ADD `ocurrio` text;