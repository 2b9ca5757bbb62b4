CREATE INDEX `asuntos_municipio` ON `asuntos` (`municipio_clave`,`anio`,`numero`);--> statement-breakpoint
CREATE INDEX `asuntos_serie_documental` ON `asuntos` (`serie_documental_id`,`anio`,`numero`);