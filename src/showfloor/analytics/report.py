"""The post-show report: every key figure of an edition, grouped by area, with its definition,
breakdowns drawn as charts, in HTML and PDF, in any of the interface languages.

A breakdown is a family of figures whose keys extend a common stem (`attendance.visits.2020-11-11`,
`attendance.visits.2020-11-12`...): the report draws it as a bar chart under the stem's figure.
"""

from __future__ import annotations

import base64
import io
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

import matplotlib
from django.apps import apps
from django.template.loader import render_to_string
from django.utils import timezone, translation
from matplotlib.figure import Figure as PlotFigure

from showfloor.analytics.collect import key_figures
from showfloor.core.models import Edition
from showfloor.core.reporting import Figure

# Fonts with Chinese glyphs first, so labels in any language render (fonts-noto-cjk). The
# object-oriented API draws without pyplot, so no display backend is involved.
matplotlib.rcParams["font.family"] = ["Noto Sans CJK SC", "Noto Sans CJK JP", "DejaVu Sans"]
matplotlib.rcParams["svg.fonttype"] = "path"


@dataclass
class Breakdown:
    title: str
    figures: list[Figure]
    chart: str = ""  # an SVG bar chart as a data: URI, for <img> in the page and the PDF


@dataclass
class Section:
    area: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)


@dataclass
class Report:
    edition: Edition
    language: str
    generated_at: object
    sections: list[Section]

    @property
    def figure_count(self) -> int:
        return sum(len(section.figures) for section in self.sections) + sum(
            len(breakdown.figures) for section in self.sections for breakdown in section.breakdowns
        )


def _area_title(area: str) -> str:
    try:
        return str(apps.get_app_config(area).verbose_name)
    except LookupError:
        return area.capitalize()


def _numeric(value: object) -> float | None:
    # Charts only: the report's figures themselves stay Decimal and are printed as such.
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        return float(value)
    return None


def bar_chart_svg(labels: list[str], values: list[float], unit: str = "") -> str:
    height = max(1.6, 0.34 * len(labels) + 0.6)
    plot = PlotFigure(figsize=(6.4, height))
    axes = plot.add_subplot()
    positions = range(len(labels))
    axes.barh(positions, values, color="#0b5cad")
    axes.set_yticks(list(positions), labels, fontsize=8)
    axes.invert_yaxis()
    axes.tick_params(axis="x", labelsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    if unit:
        axes.set_xlabel(unit, fontsize=8)
    for position, value in zip(positions, values, strict=True):
        axes.text(
            value,
            position,
            f" {value:,.0f}" if value >= 10 else f" {value:g}",
            va="center",
            fontsize=7,
        )
    plot.tight_layout()
    buffer = io.StringIO()
    plot.savefig(buffer, format="svg")
    return buffer.getvalue()


def svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _sections(figures: list[Figure]) -> list[Section]:
    stems = Counter(figure.key.rsplit(".", 1)[0] for figure in figures)
    by_key = {figure.key: figure for figure in figures}
    sections: dict[str, Section] = {}
    families: dict[tuple[str, str], list[Figure]] = {}
    for figure in figures:
        section = sections.setdefault(figure.area, Section(figure.area, _area_title(figure.area)))
        stem = figure.key.rsplit(".", 1)[0]
        if "." in stem and stems[stem] > 1:
            families.setdefault((figure.area, stem), []).append(figure)
        else:
            section.figures.append(figure)
    for (area, stem), members in families.items():
        head = by_key.get(stem)
        title = str(head.label) if head else str(members[0].definition)
        sections[area].breakdowns.append(Breakdown(title, members))
    return list(sections.values())


def _draw(section: Section) -> None:
    for breakdown in section.breakdowns:
        values = [_numeric(figure.value) for figure in breakdown.figures]
        if all(value is not None for value in values):
            breakdown.chart = svg_data_uri(
                bar_chart_svg(
                    [str(figure.label) for figure in breakdown.figures],
                    [value for value in values if value is not None],
                    breakdown.figures[0].unit,
                )
            )


def build_report(
    edition: Edition, language: str, *, public_only: bool = False, charts: bool = True
) -> Report:
    """The report in `language`; `public_only` keeps the figures marked public; `charts`
    draws the breakdowns (the edition home shows only the headline figures)."""
    with translation.override(language):
        figures = key_figures(edition)
        if public_only:
            figures = [figure for figure in figures if figure.public]
        sections = _sections(figures)
        for section in sections:
            if charts:
                _draw(section)
        # Labels and definitions may be lazy: resolve them while the language is active.
        for section in sections:
            section.figures = [_resolved(figure) for figure in section.figures]
            for breakdown in section.breakdowns:
                breakdown.figures = [_resolved(figure) for figure in breakdown.figures]
    return Report(edition, language, timezone.now(), sections)


def _resolved(figure: Figure) -> Figure:
    return Figure(
        figure.key,
        str(figure.label),
        figure.value,
        str(figure.definition),
        figure.unit,
        figure.area,
        figure.public,
        figure.inputs,
    )


def render_pdf(report: Report) -> bytes:
    from weasyprint import HTML  # slow to import: only the PDF path needs it

    with translation.override(report.language):
        html = render_to_string(
            "analytics/report_pdf.html", {"report": report, "edition": report.edition}
        )
    return HTML(string=html).write_pdf()
