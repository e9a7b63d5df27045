# Peer-made expected areas for tests/domain/geometry/disk-union.test.ts: small point sets (seeded,
# stored in the fixture so the test needs no Python) dissolved by GEOS through Debian's
# python3-shapely: unary_union([Point(p).buffer(r, quad_segs)]). Run from the repository root:
#   /usr/bin/python3 bench/peers/shapely-fixture.py > tests/fixtures/disk-union/shapely-areas.json
# (/usr/bin/python3: Debian's interpreter, which sees python3-shapely; a pyenv python does not.)
import json
import math
import random

import shapely
from shapely.geometry import Point
from shapely.geos import geos_version_string
from shapely.ops import unary_union

COMMAND = '/usr/bin/python3 bench/peers/shapely-fixture.py > tests/fixtures/disk-union/shapely-areas.json'


def cm(v):
    return round(v, 2)


def gaussian_clusters(rng, n, clusters, sigma, side, share):
    centres = [(rng.uniform(0, side), rng.uniform(0, side)) for _ in range(clusters)]
    pts = []
    for i in range(n):
        if i < n * share:
            cx, cy = centres[i % clusters]
            pts.append((cm(rng.gauss(cx, sigma)), cm(rng.gauss(cy, sigma))))
        else:
            pts.append((cm(rng.uniform(0, side)), cm(rng.uniform(0, side))))
    return pts


def jittered_ring(rng, n, radius, jitter):
    out = []
    for k in range(n):
        a = 2 * math.pi * k / n
        out.append((cm(radius * math.cos(a) + rng.uniform(-jitter, jitter)), cm(radius * math.sin(a) + rng.uniform(-jitter, jitter))))
    return out


def lattice(cols, rows, spacing):
    return [(float(i * spacing), float(j * spacing)) for i in range(cols) for j in range(rows)]


def sets():
    rng = random.Random(20220607)
    yield 'clusters', 200.0, 8, gaussian_clusters(rng, 300, 3, 300, 3000, 0.8)
    yield 'sparse', 200.0, 8, [(cm(rng.uniform(0, 4000)), cm(rng.uniform(0, 4000))) for _ in range(150)]
    yield 'dense', 200.0, 8, [(cm(rng.uniform(0, 1000)), cm(rng.uniform(0, 1000))) for _ in range(500)]
    yield 'rings-with-islands', 200.0, 8, jittered_ring(rng, 40, 1500, 60) + jittered_ring(rng, 14, 600, 30) + [(0.0, 0.0), (0.0, 0.0)]
    yield 'lattice-holes', 200.0, 8, lattice(8, 6, 300)
    yield 'lattice-tangent', 200.0, 8, lattice(5, 4, 400)
    yield 'triple-point', 200.0, 8, [(0.0, 0.0), (400.0, 0.0), (200.0, 200.0)]
    yield 'coarse-clusters', 150.0, 4, gaussian_clusters(rng, 200, 4, 250, 2500, 0.7)


def main():
    out = {'command': COMMAND, 'shapely': shapely.__version__, 'geos': geos_version_string, 'sets': []}
    for name, r, quad_segs, pts in sets():
        u = unary_union([Point(x, y).buffer(r, quad_segs) for x, y in pts])
        polys = list(u.geoms) if u.geom_type == 'MultiPolygon' else [u]
        out['sets'].append({
            'name': name, 'radiusMeters': r, 'segmentsPerQuarter': quad_segs,
            'areaSquareMeters': u.area, 'polygons': len(polys), 'holes': sum(len(p.interiors) for p in polys),
            'points': [[x, y] for x, y in pts],
        })
    print(json.dumps(out, separators=(',', ':')))


main()
