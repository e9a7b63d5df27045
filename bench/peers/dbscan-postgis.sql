-- The PostGIS peer of bench/dbscan.ts, in a scratch database with the postgis extension.
-- $1 = the point set's size (bench_points.n), $2 = eps in metres, $3 = minpoints (itself included,
-- as ours and sklearn's min_samples). Planar (SRID 0) metres in the local projection: the same xy
-- sklearn's kd_tree run and the kdbush peer get (ST_ClusterDBSCAN takes geometry only, no geography).
SELECT count(DISTINCT cid) AS clusters, count(*) FILTER (WHERE cid IS NULL) AS noise
FROM (SELECT ST_ClusterDBSCAN(geom, eps := $2::float8, minpoints := $3::int) OVER () AS cid FROM bench_points WHERE n = $1) AS s;
