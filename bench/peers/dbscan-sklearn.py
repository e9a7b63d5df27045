# The scikit-learn peer of bench/dbscan.ts: one timed fit each of
#   DBSCAN(eps = eps_m / R, metric='haversine', algorithm='ball_tree') on radians [lat, lng]
#   DBSCAN(eps = eps_m, algorithm='kd_tree') on the same points in local projected metres
# Usage: /usr/bin/python3 bench/peers/dbscan-sklearn.py LNGLAT.f64 XY.f64 EPS_M MIN_SAMPLES LABELS_OUT.i32
# (float64 files of interleaved lng,lat and x,y; the haversine labels are written as int32 so the
# bench can compare them with ours point by point). Prints one JSON line. Times cover fit only.
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import DBSCAN

EARTH_RADIUS_METERS = 6371008.8  # domain/clusters/haversine-grid.ts


def timed_fit(model, data):
    t0 = time.perf_counter()
    labels = model.fit(data).labels_
    return (time.perf_counter() - t0) * 1000, labels


def summary(labels):
    return {'clusters': int(labels.max() + 1) if len(labels) else 0, 'noise': int((labels < 0).sum())}


def main():
    lnglat_file, xy_file, eps_m, min_samples, labels_out = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    lnglat = np.fromfile(lnglat_file, dtype='<f8').reshape(-1, 2)
    xy = np.fromfile(xy_file, dtype='<f8').reshape(-1, 2)
    rad = np.radians(lnglat[:, ::-1])  # [lat, lng], as metric='haversine' expects
    h_ms, h_labels = timed_fit(DBSCAN(eps=eps_m / EARTH_RADIUS_METERS, min_samples=min_samples, metric='haversine', algorithm='ball_tree'), rad)
    p_ms, p_labels = timed_fit(DBSCAN(eps=eps_m, min_samples=min_samples, algorithm='kd_tree'), xy)
    h_labels.astype('<i4').tofile(labels_out)
    print(json.dumps({'sklearn': sklearn.__version__, 'haversine': {'ms': h_ms, **summary(h_labels)}, 'projected': {'ms': p_ms, **summary(p_labels)}}))


main()
