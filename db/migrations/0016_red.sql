CREATE TABLE `claves_idempotencia` (
	`usuario_id` text NOT NULL,
	`clave` text NOT NULL,
	`metodo` text NOT NULL,
	`huella` text NOT NULL,
	`resultado` text NOT NULL,
	`momento` integer NOT NULL,
	PRIMARY KEY(`usuario_id`, `clave`)
);
--> statement-breakpoint
CREATE INDEX `claves_idempotencia_momento` ON `claves_idempotencia` (`momento`);--> statement-breakpoint
CREATE TABLE `sesiones` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`usuario_id` text NOT NULL,
	`ultima_actividad` integer NOT NULL,
	`bloqueada` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE `usuarios` ADD `debe_cambiar_contrasena` integer DEFAULT false NOT NULL;