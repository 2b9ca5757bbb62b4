CREATE TABLE `ocr_paginas` (
	`archivo_sha` text NOT NULL,
	`pagina` integer NOT NULL,
	`texto` text NOT NULL,
	`metodo` text NOT NULL,
	`confianza` integer,
	`creado` integer NOT NULL,
	PRIMARY KEY(`archivo_sha`, `pagina`)
);
--> statement-breakpoint
CREATE TABLE `ocr_trabajos` (
	`anexo_id` text PRIMARY KEY NOT NULL,
	`clave` integer NOT NULL,
	`asunto_id` text NOT NULL,
	`archivo_sha` text NOT NULL,
	`estado` text NOT NULL,
	`paginas` integer,
	`leidas` integer DEFAULT 0 NOT NULL,
	`mensaje` text DEFAULT '' NOT NULL,
	`creado` integer NOT NULL,
	`actualizado` integer NOT NULL,
	FOREIGN KEY (`anexo_id`) REFERENCES `anexos`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asunto_id`) REFERENCES `asuntos`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ocr_trabajos_clave` ON `ocr_trabajos` (`clave`);--> statement-breakpoint
CREATE INDEX `ocr_trabajos_estado` ON `ocr_trabajos` (`estado`,`creado`);--> statement-breakpoint
CREATE INDEX `ocr_trabajos_asunto` ON `ocr_trabajos` (`asunto_id`);