-- OCR: full-text index of the text read from anexos, one row per page (rowid = trabajo's clave * 100000 +
-- página), with the same tokenizer as asuntos_fts (accents ignored). asunto_fts is the asunto's
-- asuntos_fts rowid, so the bandeja's "a.fts_id in (…)" finds asuntos by the text of their scans too.
CREATE VIRTUAL TABLE `ocr_fts` USING fts5(
	texto, asunto_fts UNINDEXED, anexo_id UNINDEXED, pagina UNINDEXED,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
-- Every stored anexo joins the reading queue (correspondencia needs no knowledge of OCR).
CREATE TRIGGER `ocr_encolar_anexo` AFTER INSERT ON `anexos` BEGIN
	INSERT OR IGNORE INTO `ocr_trabajos` (`anexo_id`, `clave`, `asunto_id`, `archivo_sha`, `estado`, `leidas`, `mensaje`, `creado`, `actualizado`)
	VALUES (NEW.`id`, (SELECT coalesce(max(`clave`), 0) + 1 FROM `ocr_trabajos`), NEW.`asunto_id`, NEW.`archivo_sha`, 'pendiente', 0, '', NEW.`agregado`, NEW.`agregado`);
END;
--> statement-breakpoint
-- Anexos stored before this version are read too.
INSERT OR IGNORE INTO `ocr_trabajos` (`anexo_id`, `clave`, `asunto_id`, `archivo_sha`, `estado`, `leidas`, `mensaje`, `creado`, `actualizado`)
SELECT `id`, row_number() OVER (ORDER BY `agregado`, `id`), `asunto_id`, `archivo_sha`, 'pendiente', 0, '', `agregado`, `agregado` FROM `anexos`;
