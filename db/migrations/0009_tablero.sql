CREATE TABLE `tablero_instantaneas` (
	`id` text PRIMARY KEY NOT NULL,
	`semana` text NOT NULL,
	`formato` integer DEFAULT 1 NOT NULL,
	`datos` text NOT NULL,
	`porcentaje_en_48h_x10` integer,
	`generado_por` text,
	`version` integer DEFAULT 0 NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`generado_por`) REFERENCES `usuarios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tablero_instantaneas_semana` ON `tablero_instantaneas` (`semana`);