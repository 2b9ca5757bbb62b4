-- Correspondencia: full-text index over folio, asunto, remitente, número de oficio and observaciones
-- (accent-insensitive), kept in sync by the core in the same transaction as each write.
CREATE VIRTUAL TABLE `asuntos_fts` USING fts5(
	folio, asunto, remitente, oficio, observaciones,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
-- The two series of DOMAIN §1 (editable by the administrator).
INSERT OR IGNORE INTO `series_folios` (`id`, `clave`, `nombre`, `plantilla`, `destinatario`, `activa`, `version`, `creado`, `actualizado`)
VALUES ('019aa000-0000-7000-8000-000000000301', 'PRINCIPAL', 'Correspondencia del Titular del Ejecutivo', '03.01-{n}/{yy}', 'titular', 1, 0, 1795298691143, 1795298691143);
--> statement-breakpoint
INSERT OR IGNORE INTO `series_folios` (`id`, `clave`, `nombre`, `plantilla`, `destinatario`, `activa`, `version`, `creado`, `actualizado`)
VALUES ('019aa000-0000-7000-8000-000000000302', 'NJ', 'Correspondencia del Jefe de Oficina', 'NJ 03.01-{n}', 'jefe_oficina', 1, 0, 1795298691143, 1795298691143);
