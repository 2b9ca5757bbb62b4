-- Oficios de salida (DOMAIN §1b): full-text index (accent-insensitive), kept in sync by the core in the
-- same transaction as each write; the outgoing series; the shipped templates (editable by the administrator).
CREATE VIRTUAL TABLE `oficios_fts` USING fts5(
	numero, destinatario, asunto, cuerpo, referencias,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
INSERT OR IGNORE INTO `series_folios` (`id`, `clave`, `nombre`, `plantilla`, `destinatario`, `uso`, `activa`, `version`, `creado`, `actualizado`)
VALUES ('019aa000-0000-7000-8000-000000000401', 'OEE', 'Oficios de salida', 'OEE/{n}/{yyyy}', NULL, 'oficios', 1, 0, 1795298691143, 1795298691143);
--> statement-breakpoint
INSERT OR IGNORE INTO `plantillas_oficio` (`id`, `clave`, `nombre`, `tipo`, `asunto`, `cuerpo`, `activa`, `version`, `creado`, `actualizado`) VALUES
('019aa000-0000-7000-8000-000000000501', 'RESPUESTA', 'Respuesta al remitente', 'respuesta', 'Respuesta a su escrito con folio {asunto.folio}',
'Me refiero a su escrito recibido en esta Oficina el {asunto.fecha_recepcion}, registrado con el folio {asunto.folio}, relativo a: {asunto.resumen}.

Al respecto, me permito informarle que

Sin otro particular, le envío un cordial saludo.', 1, 0, 1795298691143, 1795298691143),
('019aa000-0000-7000-8000-000000000502', 'TURNO', 'Oficio de turno', 'turno', 'Se turna el asunto con folio {asunto.folio}',
'Por instrucciones del Titular del Ejecutivo, me permito turnar a usted el escrito presentado por {asunto.remitente}, registrado en esta Oficina con el folio {asunto.folio}, relativo a: {asunto.resumen}.

Le solicito atentamente brindar la atención que corresponda e informar a esta Oficina sobre la respuesta otorgada al interesado.

Sin otro particular, aprovecho la ocasión para enviarle un cordial saludo.', 1, 0, 1795298691143, 1795298691143),
('019aa000-0000-7000-8000-000000000503', 'RECORDATORIO_TURNOS', 'Recordatorio de turnos vencidos', 'recordatorio', 'Recordatorio de asuntos turnados pendientes de atención',
'Por este conducto me permito recordarle que, al {fecha_corte}, los siguientes asuntos turnados a {destinatario.dependencia} por esta Oficina se encuentran pendientes de atención:

{turnos_vencidos}

Le agradeceré instruir a quien corresponda para que sean atendidos a la brevedad e informar a esta Oficina de la respuesta otorgada. Si alguno de ellos no es competencia de esa dependencia, le ruego indicarlo para reasignarlo.

Sin otro particular, le envío un cordial saludo.', 1, 0, 1795298691143, 1795298691143),
('019aa000-0000-7000-8000-000000000504', 'RECORDATORIO_ACUERDOS', 'Recordatorio de acuerdos', 'recordatorio', 'Recordatorio de acuerdos de gabinete pendientes',
'Me permito recordarle que, al {fecha_corte}, los siguientes acuerdos de gabinete a cargo de {destinatario.dependencia} no han sido concluidos en la fecha comprometida:

{acuerdos_vencidos}

Le agradeceré informar a esta Oficina sobre el avance de cada uno de ellos y la fecha estimada de conclusión.

Sin otro particular, le envío un cordial saludo.', 1, 0, 1795298691143, 1795298691143),
('019aa000-0000-7000-8000-000000000505', 'RECORDATORIO_COMPROMISOS', 'Recordatorio de compromisos', 'recordatorio', 'Recordatorio de compromisos pendientes',
'Me permito recordarle que, al {fecha_corte}, los siguientes compromisos a cargo de {destinatario.dependencia} no se han cumplido en la fecha prevista:

{compromisos_vencidos}

Le agradeceré informar a esta Oficina sobre el avance de cada uno de ellos.

Sin otro particular, le envío un cordial saludo.', 1, 0, 1795298691143, 1795298691143),
('019aa000-0000-7000-8000-000000000506', 'INVITACION', 'Invitación o convocatoria', 'invitacion', 'Invitación',
'Por instrucciones del Titular del Ejecutivo, me permito invitarle a la reunión que se llevará a cabo el día    , a las    horas, en    .

Le agradeceré confirmar su asistencia a esta Oficina.

Sin otro particular, le envío un cordial saludo.', 1, 0, 1795298691143, 1795298691143);
