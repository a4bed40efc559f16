"""Builds chitec2020_agreements.csv / .xlsx: the 42 agreements signed at CHITEC 2020.

The seed (the CHITEC 2020 closing press release) gives: 42 projects on technology transfer and
industrial cooperation worth RMB 17.848 billion; 35 in high-tech sectors (integrated circuits,
third-generation semiconductors, IoT, biomedicine, clean energy, new materials...) worth RMB
17.51865 billion; one project in the US, Beijing 12, Hainan 17, Qinghai 9, the rest in Guangxi,
Shandong and Xinjiang. Everything else in a row (titles, parties, the split of the values, dates)
is made up here, deterministically, so that the totals are exactly those.

Run `python -m showfloor.deals.data.build_chitec2020` to rewrite both files.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
CSV_PATH = HERE / "chitec2020_agreements.csv"
XLSX_PATH = HERE / "chitec2020_agreements.xlsx"

TOTAL = Decimal("17848000000")
HIGH_TECH_TOTAL = Decimal("17518650000")
HIGH_TECH_SECTORS = (
    "integrated-circuits",
    "third-gen-semiconductors",
    "iot",
    "biomedicine",
    "clean-energy",
    "new-materials",
    "ai",
    "5g",
    "smart-manufacturing",
    "big-data",
)
OTHER_SECTORS = ("smart-tourism", "e-commerce", "smart-logistics")
# The US project is declared in US dollars and reported at this rate.
US_VALUE_USD = Decimal("25000000.00")
USD_CNY = Decimal("6.8")

# (region, count): one in the US, then the provinces the release names.
LOCATIONS = [
    ("Beijing", 12),
    ("Hainan", 17),
    ("Qinghai", 9),
    ("Guangxi", 1),
    ("Shandong", 1),
    ("Xinjiang", 1),
]
CITIES = {
    "Beijing": "Beijing",
    "Hainan": "Haikou",
    "Qinghai": "Xining",
    "Guangxi": "Nanning",
    "Shandong": "Jinan",
    "Xinjiang": "Urumqi",
}
CITIES_ZH = {
    "Beijing": "北京",
    "Haikou": "海口",
    "Xining": "西宁",
    "Nanning": "南宁",
    "Jinan": "济南",
    "Urumqi": "乌鲁木齐",
    "San Diego": "圣地亚哥",
}
SECTOR_TITLES = {
    "integrated-circuits": ("integrated circuit", "circuits intégrés", "集成电路"),
    "third-gen-semiconductors": (
        "third-generation semiconductor",
        "semi-conducteurs de troisième génération",
        "第三代半导体",
    ),
    "iot": ("Internet of Things", "Internet des objets", "物联网"),
    "biomedicine": ("biomedicine", "biomédecine", "生物医药"),
    "clean-energy": ("clean energy", "énergie propre", "清洁能源"),
    "new-materials": ("new materials", "nouveaux matériaux", "新材料"),
    "ai": ("artificial intelligence", "intelligence artificielle", "人工智能"),
    "5g": ("5G applications", "applications 5G", "5G应用"),
    "smart-manufacturing": ("smart manufacturing", "fabrication intelligente", "智能制造"),
    "big-data": ("big data", "big data", "大数据"),
    "smart-tourism": ("smart tourism", "tourisme intelligent", "智慧旅游"),
    "e-commerce": ("e-commerce", "commerce électronique", "电子商务"),
    "smart-logistics": ("smart logistics", "logistique intelligente", "智慧物流"),
}
BRANDS = ["Xinke", "Huachuang", "Zhongxin", "Ruitong", "Boyuan", "Tianjing", "Hengda", "Guangxun"]
# High-tech values in RMB (the integrated-circuit projects lead); the last one is the remainder.
HIGH_TECH_VALUES = [
    Decimal(v)
    for v in (
        "3250000000",
        "2800000000",
        "2150000000",
        "1680000000",
        "1250000000",
        "980000000",
        "760000000",
        "650000000",
        "520000000",
        "480000000",
        "415000000",
        "360000000",
        "310000000",
        "260000000",
        "230000000",
        "190000000",
        "165000000",
        "140000000",
        "120000000",
        "98000000",
        "86000000",
        "75000000",
        "64000000",
        "52000000",
        "45000000",
        "38000000",
        "30000000",
        "26000000",
        "21000000",
        "18000000",
        "15000000",
        "12000000",
        "9000000",
    )
]
OTHER_VALUES = [
    Decimal(v) for v in ("98000000", "76000000", "52000000", "41000000", "30500000", "19850000")
]
COLUMNS = [
    "reference",
    "title_en",
    "title_fr",
    "title_zh",
    "type",
    "status",
    "sectors",
    "country",
    "region",
    "city",
    "value",
    "currency",
    "exchange_rate",
    "signed_on",
    "parties",
]


def _rows() -> list[dict[str, str]]:
    regions = [region for region, count in LOCATIONS for _n in range(count)]
    high_values = [*HIGH_TECH_VALUES]
    us_value_cny = US_VALUE_USD * USD_CNY
    high_values.append((HIGH_TECH_TOTAL - us_value_cny - sum(high_values)).quantize(Decimal(1)))
    other_values = [*OTHER_VALUES, TOTAL - HIGH_TECH_TOTAL - sum(OTHER_VALUES)]
    assert len(high_values) == 34
    assert min(high_values) > 0
    assert len(other_values) == 7
    assert min(other_values) > 0
    rows = []
    # Row 1: the US project, high-tech, in dollars.
    rows.append(_row(1, "biomedicine", "US", "California", "San Diego", US_VALUE_USD, "USD"))
    # Spread the 7 other-sector projects over the provinces, every fifth row or so.
    other_at = {3, 9, 15, 21, 27, 33, 39}
    high_iter, other_iter = iter(high_values), iter(other_values)
    for index, region in enumerate(regions, start=2):
        if index in other_at:
            sector, value = OTHER_SECTORS[(index // 6) % len(OTHER_SECTORS)], next(other_iter)
        else:
            sector, value = HIGH_TECH_SECTORS[index % len(HIGH_TECH_SECTORS)], next(high_iter)
        rows.append(_row(index, sector, "CN", region, CITIES[region], value, "CNY"))
    assert len(rows) == 42
    return rows


def _row(
    index: int, sector: str, country: str, region: str, city: str, value: Decimal, currency: str
) -> dict[str, str]:
    en, fr, zh = SECTOR_TITLES[sector]
    kind = "technology_transfer" if index % 3 == 0 else "industrial_cooperation"
    brand = BRANDS[index % len(BRANDS)]
    where = city or region
    lead = f"{brand} {en.title()} Co., Ltd.@CN"
    host = (
        f"{region} Investment Promotion Agency@US"
        if country == "US"
        else f"{region} Bureau of Science and Technology@CN"
    )
    return {
        "reference": f"CHITEC2020-{index:03d}",
        "title_en": f"{en.capitalize()} project in {where}",
        "title_fr": f"Projet {fr} à {where}",
        "title_zh": f"{CITIES_ZH.get(where, where)}{zh}项目",
        "type": kind,
        "status": "signed",
        "sectors": sector,
        "country": country,
        "region": region,
        "city": city,
        "value": str(value),
        "currency": currency,
        "exchange_rate": str(USD_CNY) if currency != "CNY" else "",
        "signed_on": f"2020-09-{17 + index % 4:02d}",
        "parties": f"lead:{lead}; host_government:{host}",
    }


def write() -> None:
    rows = _rows()
    with CSV_PATH.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Agreements"
    sheet.append(COLUMNS)
    for row in rows:
        # Numbers as spreadsheet numbers, as an organiser's sheet would hold them.
        cells: list[object] = [row[column] for column in COLUMNS]
        cells[COLUMNS.index("value")] = int(Decimal(row["value"]))
        if row["exchange_rate"]:
            cells[COLUMNS.index("exchange_rate")] = float(
                row["exchange_rate"]
            )  # a spreadsheet number
        sheet.append(cells)
    workbook.save(XLSX_PATH)


if __name__ == "__main__":
    write()
