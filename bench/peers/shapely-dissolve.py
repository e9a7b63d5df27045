# The GEOS peer of bench/dissolve.ts: buffer every point and dissolve, through Debian's
# python3-shapely. Times the buffers and the union only (not reading the points, not start-up).
# usage: /usr/bin/python3 bench/peers/shapely-dissolve.py POINTS.f64 RADIUS_M QUAD_SEGS
#   POINTS.f64: x0,y0,x1,y1,… metres as native float64 (what Float64Array writes)
# prints one JSON line: {"ms": …, "area": …, "polygons": …, "shapely": …, "geos": …}
import json
import sys
import time
from array import array

import shapely
from shapely.geometry import Point
from shapely.ops import unary_union

try:
    from shapely.geos import geos_version_string as GEOS  # shapely 1.8 (Debian 12)
except ImportError:
    GEOS = shapely.geos_version_string  # shapely 2

xy = array('d')
with open(sys.argv[1], 'rb') as f:
    xy.frombytes(f.read())
radius, quad_segs = float(sys.argv[2]), int(sys.argv[3])

t0 = time.perf_counter()
union = unary_union([Point(xy[i], xy[i + 1]).buffer(radius, quad_segs) for i in range(0, len(xy), 2)])
ms = (time.perf_counter() - t0) * 1000
polygons = len(union.geoms) if union.geom_type == 'MultiPolygon' else 1
print(json.dumps({'ms': ms, 'area': union.area, 'polygons': polygons, 'shapely': shapely.__version__, 'geos': GEOS}))
