"""Generator stage: the map of Zhaoqing's districts and counties, with the parks placed by district.

An inline SVG (so its links work and take keyboard focus) drawn from
data/boundaries/zhaoqing.geojson, with a text list of the same content beside
it. A park stands in the district the catalogue gives (data/parks.yml) as a
numbered badge under the district's name, never at a point: the seeds give no
coordinates. Platforms without a district are listed apart.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

from ..core.errors import InputError, Problem
from ..read.catalogue import Catalogue, Park
from ..text.links import Linker
from .boundaries import FILE, Region
from .common import lang_root

WIDTH = 600
MARGIN = 8
LEGEND = 70  # room under the map for the platforms whose district the seeds do not give
REGION_KINDS = ("district", "county")
RADIUS = 13  # a park's badge (kit/district_map.md.j2 draws it with this radius)


def inside(x: float, y: float, rings: list[list[tuple[float, float]]]) -> bool:
    """Even-odd rule: the point is inside the outline and outside its holes."""
    hit = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def edge_distance(x: float, y: float, rings) -> float:
    """The distance from the point to the nearest edge of the rings."""
    best = math.inf
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            dx, dy = x2 - x1, y2 - y1
            t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy or 1)))
            best = min(best, math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)))
    return best


def _place(rings_by_polygon, label: tuple[float, float], count: int,
           name_width: float = 0) -> list[tuple[float, float]] | None:
    """Points for `count` badges wholly inside the region (a badge across a border would place the
    park in the wrong district), clear of each other and of the region's name (`name_width` wide,
    its widest language's; 0: not kept clear), nearest the name first."""
    # Every page with the map draws it: the search over the grid is done once per region and count
    frozen = tuple(tuple(tuple(ring) for ring in rings) for rings in rings_by_polygon)
    spots = _place_once(frozen, label, count, name_width)
    return None if spots is None else list(spots)


@functools.lru_cache(maxsize=256)
def _place_once(rings_by_polygon, label, count, name_width):
    lx, ly = label
    pts = [pt for rings in rings_by_polygon for ring in rings for pt in ring]
    x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
    y0, y1 = min(p[1] for p in pts), max(p[1] for p in pts)
    candidates = []
    step = 3.0
    y = y0
    while y <= y1:
        x = x0
        while x <= x1:
            for rings in rings_by_polygon:
                if inside(x, y, rings) and edge_distance(x, y, rings) >= RADIUS + 1:
                    candidates.append((math.hypot(x - lx, (y - ly) * 1.5), x, y))
                    break
            x += step
        y += step
    chosen: list[tuple[float, float]] = []
    for _, x, y in sorted(candidates):
        if name_width and abs(y - (ly - 6)) < RADIUS + 10 and abs(x - lx) < name_width / 2 + RADIUS:
            continue  # over the region's name
        if all(math.hypot(x - cx, y - cy) >= 2 * RADIUS + 3 for cx, cy in chosen):
            chosen.append((round(x, 1), round(y, 1)))
            if len(chosen) == count:
                return tuple(chosen)
    return None


@dataclass
class Badge:
    number: int
    park: Park
    x: float = 0
    y: float = 0


@dataclass
class Area:
    region: Region
    entry: Park | None  # the catalogue's district or county, when the seeds name it
    path: str = ""
    x: float = 0
    y: float = 0
    badges: list[Badge] = field(default_factory=list)
    projects: list = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    rings: list = field(default_factory=list, repr=False)  # its outline in map coordinates, for its name


# The template's helpers as values with a repr of what they depend on (the preview's memo of
# pages compares contexts by their repr: generator/core/memo.py)
@dataclass(frozen=True)
class _AreaName:
    lang: str

    def __call__(self, area: Area) -> str:
        if area.entry:
            return area.entry.name(self.lang)
        return area.region.name_en if self.lang == "en" else area.region.name_zh


@dataclass(frozen=True)
class _LabelAt:
    """Where each area's name is written in one language: (name_zh, x, y) per area."""
    spots: tuple[tuple[str, float, float], ...]

    def __call__(self, area: Area) -> tuple[float, float]:
        return next((x, y) for name, x, y in self.spots if name == area.region.name_zh)


FONT = 17  # the map's font size (kit/district_map.md.j2)
EM = {"latin": 0.6, "cjk": 1.0}  # a character's width in ems, generously: the reader's own sans-serif


def _label_box(x: float, y: float, text: str) -> tuple[float, float, float, float]:
    """The box of a name written centred on (x, y), its baseline at y."""
    width = FONT * sum(EM["cjk"] if ord(c) >= 0x2E80 else EM["latin"] for c in text)
    return x - width / 2, y - FONT + 2, x + width / 2, y + 5


def _apart(a, b, gap: float = 3) -> bool:
    return a[2] + gap <= b[0] or b[2] + gap <= a[0] or a[3] + gap <= b[1] or b[3] + gap <= a[1]


def _fits(box, taken, height: int) -> bool:
    """Inside the drawing, above the legend, apart from every name and badge already there."""
    return box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= height - LEGEND \
        and all(_apart(box, other) for other in taken)


# Moves tried for a name that would cover another name or a badge: nearest first, up and down
# before sideways (a name beside its district reads as the neighbour's)
_MOVES = sorted(((dx, dy) for dx in range(-96, 97, 8) for dy in range(-64, 65, 4)),
                key=lambda d: (math.hypot(d[0] * 1.5, d[1]), d))


def labels(drawn: tuple[list[Area], list[Badge], int], lang: str) -> _LabelAt:
    """Each area's name where it covers no other name and no badge: the English names are three
    times as wide as the Chinese ones, and Duanzhou's covered Dinghu's. A moved name stays inside its
    own area where it can, else above its badges. `drawn`: what areas() gives; once per language."""
    found, _, height = drawn
    name = _AreaName(lang)
    taken = [(b.x - RADIUS, b.y - RADIUS, b.x + RADIUS, b.y + RADIUS) for a in found for b in a.badges]
    spots = []
    for area in found:
        text = name(area)
        fits = [(dx, dy) for dx, dy in _MOVES if _fits(_label_box(area.x + dx, area.y + dy, text), taken, height)]
        own = [(dx, dy) for dx, dy in fits
               if (dx, dy) == (0, 0) or any(inside(area.x + dx, area.y + dy - 5, rings) for rings in area.rings)]
        near = [(dx, dy) for dx, dy in fits  # over its badges still, as it is drawn where it fits
                if all(abs(area.x + dx - b.x) < 80 and 0 < b.y - (area.y + dy) < 40 for b in area.badges)]
        dx, dy = (own or near or fits or [(0, 0)])[0]
        taken.append(_label_box(area.x + dx, area.y + dy, text))
        spots.append((area.region.name_zh, round(area.x + dx, 1), round(area.y + dy, 1)))
    return _LabelAt(tuple(spots))


@dataclass(frozen=True)
class _ParkHref:
    root: str

    def __call__(self, park_id: str) -> str:
        return f"{self.root}parks/{park_id}/"


class _Projection:
    """Equirectangular, scaled to WIDTH: enough for one city (about 1.5° across)."""

    def __init__(self, regions: list[Region]):
        points = [pt for r in regions for poly in r.polygons for ring in poly for pt in ring]
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        self.west, self.north = min(lons), max(lats)
        self.kx = math.cos(math.radians((min(lats) + max(lats)) / 2))
        self.scale = (WIDTH - 2 * MARGIN) / ((max(lons) - self.west) * self.kx)
        self.height = round((self.north - min(lats)) * self.scale + 2 * MARGIN)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (round(MARGIN + (lon - self.west) * self.kx * self.scale, 1),
                round(MARGIN + (self.north - lat) * self.scale, 1))

    def rings(self, region: Region) -> list[list[list[tuple[float, float]]]]:
        """The region's polygons in map coordinates: [[outline, hole, …], …]."""
        return [[[self(*pt) for pt in ring] for ring in poly] for poly in region.polygons]

    def path(self, region: Region) -> str:
        """Whole pixels, each point relative to the one before: the map is inline on every park
        page, and this is its largest part (half a pixel is far below what the map can show)."""
        parts = []
        for poly in region.polygons:
            for ring in poly:
                pts = [(round(x), round(y)) for x, y in (self(*pt) for pt in ring)]
                steps = [(x - px, y - py) for (px, py), (x, y) in zip(pts, pts[1:]) if (x, y) != (px, py)]
                numbers = " ".join(f"{dx} {dy}" for dx, dy in steps).replace(" -", "-")
                parts.append(f"M{pts[0][0]} {pts[0][1]}l{numbers}z")
        return "".join(parts)


def areas(cat: Catalogue, regions: list[Region]) -> tuple[list[Area], list[Badge], int]:
    """Regions with their parks, projects and industries; the unplaced platforms; the map's height."""
    by_zh = {p.name.zh: p for p in cat.parks if p.kind in REGION_KINDS}
    drawn = {r.name_zh for r in regions}
    missing = [p for p in by_zh.values() if p.name.zh not in drawn]
    if missing:  # a district the map cannot draw would silently lose its parks
        raise InputError([Problem("data/parks.yml", 1, f"{p.kind} '{p.id}' ({p.name.zh}) is not in {FILE}",
                                  f"use the official Chinese name ({', '.join(sorted(drawn))})") for p in missing])
    project = _Projection(regions)
    found = [Area(r, by_zh.get(r.name_zh)) for r in regions]
    by_entry = {a.entry.id: a for a in found if a.entry}
    unplaced, number = [], 0
    for park in cat.parks:
        if park.kind in REGION_KINDS:
            continue
        number += 1
        area = by_entry.get(park.district or "")
        (area.badges if area else unplaced).append(Badge(number, park))
    parks = {p.id: p for p in cat.parks}
    for area in found:
        area.path = project.path(area.region)
        area.x, area.y = project(*area.region.label)
        area.rings = rings = project.rings(area.region)
        if area.badges:  # wholly inside the district, near its name
            names = [area.entry.name.en, area.entry.name.zh] if area.entry else [area.region.name_en, area.region.name_zh]
            width = max(_label_box(0, 0, name)[2] * 2 for name in names)  # the English name, three times the Chinese
            spots = _place(rings, (area.x, area.y), len(area.badges), width)
            if spots is None:  # a district too small for its name and its badges: the name goes above it
                spots = _place(rings, (area.x, area.y), len(area.badges))
                if spots is None:
                    raise InputError([Problem(FILE, 1, f"no room for {len(area.badges)} park badge(s) inside "
                                              f"{area.region.name_zh}", "simplify the outline less, or draw smaller badges")])
                area.y = round(min(pt[1] for poly in rings for pt in poly[0]) - 6, 1)
            for badge, (x, y) in zip(area.badges, spots):
                badge.x, badge.y = x, y
        if not area.entry:
            continue
        here = [area.entry.id] + [b.park.id for b in area.badges]  # a list: the same order on every run
        area.projects = [p for p in cat.projects if p.park in here]
        sectors = [s for pid in here for s in parks[pid].sectors] + [s for p in area.projects for s in p.sectors]
        area.sectors = list(dict.fromkeys(sectors))
    for i, badge in enumerate(unplaced):
        badge.x, badge.y = MARGIN + 16 + i * 32, project.height + LEGEND - 18
    return found, unplaced, project.height + LEGEND


def highlights(drawn: tuple[list[Area], list[Badge], int]) -> dict[tuple[str, str], set[str]]:
    """(kind, id) -> the districts to highlight on its page: a park's own, an industry's, a project's.
    `drawn`: what areas() gives."""
    found, _, _ = drawn
    marked: dict[tuple[str, str], set[str]] = {}
    for area in found:
        if not area.entry:
            continue
        for park_id in [area.entry.id] + [b.park.id for b in area.badges]:
            marked[("parks", park_id)] = {area.entry.id}
        for sector in area.sectors:
            marked.setdefault(("sectors", sector), set()).add(area.entry.id)
        for project in area.projects:
            marked.setdefault(("projects", project.id), set()).add(area.entry.id)
    return marked


def context(drawn: tuple[list[Area], list[Badge], int], label: _LabelAt, provenance: dict, page_path: str, lang: str,
            current: str | None, highlight: set[str], note: str, up: str) -> dict:
    """What kit/district_map.md.j2 needs on one page: `drawn` is what areas() gives (the same map on
    every page), `label` where labels() writes the areas' names, `current` the park the page is
    about (if it is one), `highlight` the districts to mark, `note` what the mark means."""
    found, unplaced, height = drawn
    return {"map": {
        "unplaced_ids": [b.park.id for b in unplaced],
        "width": WIDTH, "height": height, "legend_y": height - LEGEND + 14, "areas": found, "unplaced": unplaced,
        "name": _AreaName(lang), "label": label, "href": _ParkHref(up + lang_root(lang)), "current": current, "highlight": highlight, "note": note,
        "provenance": provenance, "link": Linker(page_path, lang),
    }}


