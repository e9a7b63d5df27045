# The Python peers of bench/coverage-radius.ts: the nearest site within a radius for every point,
# on the same projected metres ours gets (straight line, what a GIS "circle" coverage does):
#   scipy cKDTree(sites).query(points, k=1, distance_upper_bound=r)
#   scikit-learn BallTree(sites).query(points, k=1), then distance <= r
# Usage: /usr/bin/python3 bench/peers/coverage-nearest.py POINTS.f64 SITES.f64 RADIUS_M NEAREST_OUT_PREFIX
# (float64 files of interleaved x,y). Each tool: one untimed warm-up on the first 1,000 points,
# then one timed build + query (reading the files is not timed). Writes each tool's nearest site
# per point (int32, -1 beyond the radius) to PREFIX-ckdtree.i32 / PREFIX-balltree.i32 so the bench
# can compare them with ours, and prints one JSON line.
import json
import sys
import time

import numpy as np
import scipy
import sklearn
from scipy.spatial import cKDTree
from sklearn.neighbors import BallTree


def ckdtree(points, sites, radius):
    dist, idx = cKDTree(sites).query(points, k=1, distance_upper_bound=radius)
    # Beyond the bound scipy answers dist = inf and idx = len(sites); it keeps d < bound, ours d <= bound:
    # a point exactly 1 km from a site does not occur in float data.
    return np.where(np.isfinite(dist), idx, -1).astype('<i4')


def balltree(points, sites, radius):
    dist, idx = BallTree(sites).query(points, k=1)
    return np.where(dist[:, 0] <= radius, idx[:, 0], -1).astype('<i4')


def timed(fn, points, sites, radius):
    fn(points[:1000], sites, radius)
    t0 = time.perf_counter()
    nearest = fn(points, sites, radius)
    return (time.perf_counter() - t0) * 1000, nearest


def main():
    points_file, sites_file, radius, out_prefix = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    points = np.fromfile(points_file, dtype='<f8').reshape(-1, 2)
    sites = np.fromfile(sites_file, dtype='<f8').reshape(-1, 2)
    out = {'scipy': scipy.__version__, 'sklearn': sklearn.__version__}
    for name, fn in (('ckdtree', ckdtree), ('balltree', balltree)):
        ms, nearest = timed(fn, points, sites, radius)
        nearest.tofile(f'{out_prefix}-{name}.i32')
        out[name] = {'ms': ms, 'covered': int((nearest >= 0).sum())}
    print(json.dumps(out))


main()
