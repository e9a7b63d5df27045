-- The PostGIS peer of bench/dissolve.ts, run in a scratch database with the postgis extension.
-- $1 = the point set's size (bench_points.n), $2 = radius in metres; quad_segs as GEOS's default.
-- Planar (SRID 0) metres: the same projected points every tool gets.
SELECT ST_Area(u) AS area, ST_NumGeometries(u) AS polygons
FROM (SELECT ST_Union(ST_Buffer(geom, $2::float8, 'quad_segs=8')) AS u FROM bench_points WHERE n = $1) AS s;
