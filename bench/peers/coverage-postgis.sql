-- The PostGIS peer of bench/coverage-radius.ts, in a scratch database with the postgis extension:
-- for every point its nearest site within the radius, by KNN (`<->` over the sites' GiST index)
-- with ST_DWithin, on the same planar metres ours gets (SRID 0, the local projection).
-- {points} and {sites} are the set's tables (bench/peers/coverage-peers.ts), $1 = radius in metres.
-- Answers the number of covered points (the figure every peer must agree on).
SELECT count(*) AS covered
FROM {points} AS p
CROSS JOIN LATERAL (
  SELECT s.id FROM {sites} AS s
  WHERE ST_DWithin(s.geom, p.geom, $1::float8)
  ORDER BY s.geom <-> p.geom
  LIMIT 1
) AS nearest;
