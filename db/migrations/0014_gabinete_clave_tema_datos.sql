-- Acuerdo codes unique across the administration (DOMAIN §2): meetings whose ordinal does not identify
-- them (Especializado: one sequence per tema; Sectorial and Reunión de trabajo: no ordinal) get the short
-- key of their tema, as gabinete/nombres.ts abreviarTema computes it: three letters of the first word after
-- an article, accents removed; a second tema with the same letters in the same tipo gets SAL2, SAL3… in
-- the order its first meeting was held.
CREATE TEMP TABLE _clave_tema AS
WITH n AS (
  SELECT r.id, r.tipo_id, r.fecha, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(trim(r.tema)), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ü', 'u'), 'ñ', 'n'), 'Á', 'a'), 'É', 'e'), 'Í', 'i'), 'Ó', 'o'), 'Ú', 'u'), 'Ü', 'u'), 'Ñ', 'n'), '  ', ' '), '  ', ' ') AS t
  FROM gab_reuniones r JOIN tipos_gabinete tg ON tg.id = r.tipo_id
  WHERE tg.numeracion <> 'por_tipo' AND trim(r.tema) <> ''
), s AS (
  SELECT id, tipo_id, fecha, t, CASE
      WHEN t LIKE 'con la %' THEN substr(t, 8)
      WHEN t LIKE 'con las %' THEN substr(t, 9)
      WHEN t LIKE 'con los %' THEN substr(t, 9)
      WHEN t LIKE 'con el %' THEN substr(t, 8)
      WHEN t LIKE 'con %' THEN substr(t, 5)
      WHEN t LIKE 'de la %' THEN substr(t, 7)
      WHEN t LIKE 'de las %' THEN substr(t, 8)
      WHEN t LIKE 'de los %' THEN substr(t, 8)
      WHEN t LIKE 'del %' THEN substr(t, 5)
      WHEN t LIKE 'de %' THEN substr(t, 4)
      WHEN t LIKE 'en %' THEN substr(t, 4)
      WHEN t LIKE 'la %' THEN substr(t, 4)
      WHEN t LIKE 'las %' THEN substr(t, 5)
      WHEN t LIKE 'los %' THEN substr(t, 5)
      WHEN t LIKE 'el %' THEN substr(t, 4)
      WHEN t LIKE 'para %' THEN substr(t, 6)
      ELSE t END AS resto
  FROM n
), b AS (
  SELECT id, tipo_id, fecha, t, coalesce(nullif(upper(substr(substr(resto, 1, instr(resto || ' ', ' ') - 1), 1, 3)), ''), 'T') AS base
  FROM s
), temas AS (
  SELECT tipo_id, t, base, min(fecha || id) AS primero FROM b GROUP BY tipo_id, t, base
), claves AS (
  SELECT tipo_id, t, base, row_number() OVER (PARTITION BY tipo_id, base ORDER BY primero) AS k FROM temas
)
SELECT b.id, c.base || CASE WHEN c.k > 1 THEN c.k ELSE '' END AS clave
FROM b JOIN claves c ON c.tipo_id = b.tipo_id AND c.t = b.t;
--> statement-breakpoint
UPDATE gab_reuniones SET clave_tema = (SELECT clave FROM _clave_tema WHERE _clave_tema.id = gab_reuniones.id)
WHERE id IN (SELECT id FROM _clave_tema);
--> statement-breakpoint
DROP TABLE _clave_tema;
