"""Plausible names in English, French and Simplified Chinese, made from parts (not copied).

Chinese organisations get a Chinese name and its pinyin-based English and French forms; foreign
organisations get a name in their own style, rendered in Chinese by transliterated syllables.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# (pinyin, hanzi) parts of brand names.
BRAND_PARTS = [
    ("Hua", "华"),
    ("Xin", "芯"),
    ("Zhi", "智"),
    ("Lian", "联"),
    ("Yun", "云"),
    ("Tu", "图"),
    ("Chuang", "创"),
    ("Rui", "睿"),
    ("Tong", "通"),
    ("Da", "达"),
    ("Heng", "恒"),
    ("Sheng", "盛"),
    ("Kang", "康"),
    ("Tai", "泰"),
    ("Xun", "讯"),
    ("Wei", "微"),
    ("Guang", "光"),
    ("Neng", "能"),
    ("Bo", "博"),
    ("Yuan", "源"),
    ("Jing", "晶"),
    ("Feng", "锋"),
    ("Teng", "腾"),
    ("Hai", "海"),
    ("Tian", "天"),
    ("Xing", "星"),
    ("Ming", "明"),
    ("Jie", "捷"),
    ("Ke", "科"),
    ("Long", "龙"),
    ("Yi", "易"),
    ("Chen", "辰"),
    ("Hong", "鸿"),
    ("An", "安"),
    ("Shu", "数"),
    ("Zhong", "中"),
]
CITIES = [
    ("Shenzhen", "深圳", "Guangdong"),
    ("Beijing", "北京", "Beijing"),
    ("Shanghai", "上海", "Shanghai"),
    ("Hangzhou", "杭州", "Zhejiang"),
    ("Chengdu", "成都", "Sichuan"),
    ("Chongqing", "重庆", "Chongqing"),
    ("Guangzhou", "广州", "Guangdong"),
    ("Suzhou", "苏州", "Jiangsu"),
    ("Wuhan", "武汉", "Hubei"),
    ("Xi'an", "西安", "Shaanxi"),
    ("Hefei", "合肥", "Anhui"),
    ("Nanjing", "南京", "Jiangsu"),
    ("Xiamen", "厦门", "Fujian"),
    ("Qingdao", "青岛", "Shandong"),
    ("Haikou", "海口", "Hainan"),
    ("Xining", "西宁", "Qinghai"),
    ("Nanning", "南宁", "Guangxi"),
    ("Urumqi", "乌鲁木齐", "Xinjiang"),
    ("Dongguan", "东莞", "Guangdong"),
    ("Tianjin", "天津", "Tianjin"),
]
# Business line: (English, French, Chinese).
LINES = {
    "ai": ("Intelligence", "Intelligence", "智能"),
    "iot": ("IoT", "IoT", "物联"),
    "5g": ("Communications", "Communications", "通信"),
    "integrated-circuits": ("Semiconductor", "Semiconducteurs", "半导体"),
    "third-gen-semiconductors": ("Microelectronics", "Microélectronique", "微电子"),
    "biomedicine": ("Biotech", "Biotechnologies", "生物"),
    "clean-energy": ("New Energy", "Énergies nouvelles", "新能源"),
    "new-materials": ("Advanced Materials", "Matériaux avancés", "新材料"),
    "smart-manufacturing": ("Robotics", "Robotique", "机器人"),
    "big-data": ("Data", "Données", "数据"),
    "cloud-computing": ("Cloud", "Cloud", "云计算"),
    "blockchain": ("Chain", "Chain", "链"),
    "intelligent-driving": ("Autonomous Driving", "Conduite autonome", "智驾"),
    "connected-vehicles": ("Auto Tech", "Auto Tech", "车联"),
    "8k-uhd": ("Display", "Affichage", "显示"),
    "smart-home": ("Smart Home", "Maison connectée", "智家"),
}
DEFAULT_LINE = ("Technology", "Technologies", "科技")

FOREIGN_STYLE = {
    "DE": (
        ["Berg", "Stein", "Licht", "Kraft", "Feld", "Werk", "Wald", "Hoch"],
        ["tronik", "tech", "systeme", "werk", "sensorik"],
        "GmbH",
    ),
    "FR": (
        ["Lumi", "Vert", "Azur", "Nova", "Cité", "Alpi", "Ondine", "Mistral"],
        ["tech", "logic", "sys", "tronic", "data"],
        "SAS",
    ),
    "GB": (
        ["Thames", "Cam", "Oak", "Bright", "Kings", "Ash", "North", "Silver"],
        ["tek", "works", "labs", "scale", "logic"],
        "Ltd",
    ),
    "SG": (
        ["Lion", "Merlion", "Straits", "Harbour", "Orchid", "Sentosa", "Marina"],
        ["tech", "labs", "works", "link", "sys"],
        "Pte. Ltd.",
    ),
    "US": (
        ["Cedar", "Summit", "Pioneer", "Liberty", "Bay", "Granite", "Eagle"],
        ["tech", "labs", "logic", "systems", "dynamics"],
        "Inc.",
    ),
    "IT": (
        ["Lago", "Sole", "Monte", "Vela", "Aria", "Fiore"],
        ["tronica", "tech", "sistemi", "data"],
        "S.r.l.",
    ),
    "NL": (
        ["Dijk", "Molen", "Polder", "Tulp", "Haven"],
        ["tech", "works", "systems", "logic"],
        "B.V.",
    ),
    "RU": (
        ["Sever", "Volga", "Ural", "Neva", "Baikal"],
        ["tech", "soft", "tronics", "data"],
        "LLC",
    ),
    "KZ": (["Altyn", "Saryarka", "Astana", "Tengri"], ["tech", "soft", "data"], "LLP"),
    "IN": (
        ["Ganga", "Surya", "Indus", "Deccan", "Lotus"],
        ["tech", "soft", "systems"],
        "Pvt. Ltd.",
    ),
    "PK": (["Indus", "Karakoram", "Ravi"], ["tech", "soft", "systems"], "Pvt. Ltd."),
}
# Syllables used to render foreign names in Chinese characters.
TRANSLIT = [
    "伯",
    "格",
    "斯",
    "坦",
    "利",
    "特",
    "科",
    "泰",
    "克",
    "诺",
    "瓦",
    "尔",
    "维",
    "森",
    "朗",
    "德",
    "菲",
    "拉",
    "姆",
    "安",
]

CN_SURNAMES = [
    ("Wang", "王"),
    ("Li", "李"),
    ("Zhang", "张"),
    ("Liu", "刘"),
    ("Chen", "陈"),
    ("Yang", "杨"),
    ("Huang", "黄"),
    ("Zhao", "赵"),
    ("Wu", "吴"),
    ("Zhou", "周"),
    ("Xu", "徐"),
    ("Sun", "孙"),
    ("Ma", "马"),
    ("Zhu", "朱"),
    ("Hu", "胡"),
    ("Guo", "郭"),
    ("He", "何"),
    ("Lin", "林"),
    ("Luo", "罗"),
    ("Gao", "高"),
]
CN_GIVEN = [
    ("Wei", "伟"),
    ("Fang", "芳"),
    ("Na", "娜"),
    ("Min", "敏"),
    ("Jing", "静"),
    ("Qiang", "强"),
    ("Lei", "磊"),
    ("Yang", "洋"),
    ("Yan", "艳"),
    ("Jun", "军"),
    ("Jie", "杰"),
    ("Tao", "涛"),
    ("Ming", "明"),
    ("Chao", "超"),
    ("Xiulan", "秀兰"),
    ("Haoran", "浩然"),
    ("Zihan", "子涵"),
    ("Yuxuan", "雨轩"),
    ("Jiahui", "佳慧"),
    ("Zhiyuan", "志远"),
]
FOREIGN_PEOPLE = {
    "DE": (
        ["Anna", "Lukas", "Sophie", "Jonas", "Lena", "Felix"],
        ["Müller", "Schmidt", "Weber", "Fischer", "Becker", "Wagner"],
    ),
    "FR": (
        ["Camille", "Louis", "Chloé", "Hugo", "Léa", "Jules"],
        ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefèvre"],
    ),
    "GB": (
        ["Oliver", "Amelia", "Harry", "Isla", "George", "Emily"],
        ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans"],
    ),
    "SG": (["Wei Ling", "Ravi", "Siti", "Jun Jie", "Priya"], ["Tan", "Lim", "Ng", "Kumar", "Lee"]),
    "US": (
        ["James", "Olivia", "Ethan", "Ava", "Noah", "Mia"],
        ["Johnson", "Miller", "Davis", "Garcia", "Clark", "Lewis"],
    ),
}


@dataclass(frozen=True)
class OrgName:
    names: dict[str, str]
    country: str
    region: str
    city: str


def _brand(rng: random.Random) -> tuple[str, str]:
    first, second = rng.sample(BRAND_PARTS, 2)
    return first[0] + second[0].lower(), first[1] + second[1]


def chinese_company(rng: random.Random, sector: str | None = None) -> OrgName:
    pinyin, hanzi = _brand(rng)
    city_en, city_zh, province = rng.choice(CITIES)
    en_line, fr_line, zh_line = LINES.get(sector or "", DEFAULT_LINE)
    return OrgName(
        {
            "en": f"{city_en} {pinyin} {en_line} Co., Ltd.",
            "fr": f"{pinyin} {fr_line} ({city_en}) Co., Ltd.",
            "zh-hans": f"{city_zh}{hanzi}{zh_line}有限公司",
        },
        "CN",
        province,
        city_en,
    )


def foreign_company(rng: random.Random, country: str, sector: str | None = None) -> OrgName:
    heads, tails, form = FOREIGN_STYLE.get(country, FOREIGN_STYLE["GB"])
    base = rng.choice(heads) + rng.choice(tails)
    en_line, fr_line, zh_line = LINES.get(sector or "", DEFAULT_LINE)
    zh = "".join(rng.sample(TRANSLIT, 3))
    return OrgName(
        {
            "en": f"{base} {en_line} {form}",
            "fr": f"{base} {fr_line} {form}",
            "zh-hans": f"{zh}{zh_line}公司",
        },
        country,
        "",
        "",
    )


def investor(rng: random.Random) -> OrgName:
    pinyin, hanzi = _brand(rng)
    city_en, city_zh, province = rng.choice(CITIES)
    kind = rng.choice(
        [
            ("Capital", "Capital", "资本"),
            ("Ventures", "Ventures", "创投"),
            ("Investment Fund", "Fonds d'investissement", "投资基金"),
            ("Industrial Fund", "Fonds industriel", "产业基金"),
        ]
    )
    return OrgName(
        {
            "en": f"{pinyin} {kind[0]} ({city_en})",
            "fr": f"{kind[1]} {pinyin} ({city_en})",
            "zh-hans": f"{city_zh}{hanzi}{kind[2]}",
        },
        "CN",
        province,
        city_en,
    )


def institute(rng: random.Random, sector: str | None = None) -> OrgName:
    city_en, city_zh, province = rng.choice(CITIES)
    en_line, fr_line, zh_line = LINES.get(sector or "", DEFAULT_LINE)
    kind = rng.choice(
        [
            ("Institute of", "Institut de recherche en", "研究院"),
            ("Innovation Centre for", "Centre d'innovation en", "创新中心"),
            ("Key Laboratory of", "Laboratoire clé de", "重点实验室"),
        ]
    )
    return OrgName(
        {
            "en": f"{city_en} {kind[0]} {en_line}",
            "fr": f"{kind[1]} {fr_line.lower()} de {city_en}",
            "zh-hans": f"{city_zh}{zh_line}{kind[2]}",
        },
        "CN",
        province,
        city_en,
    )


def university(rng: random.Random) -> OrgName:
    city_en, city_zh, province = rng.choice(CITIES)
    kind = rng.choice(
        [
            (
                "University of Science and Technology",
                "Université des sciences et technologies",
                "科技大学",
            ),
            ("Polytechnic University", "Université polytechnique", "理工大学"),
            ("University", "Université", "大学"),
        ]
    )
    return OrgName(
        {
            "en": f"{city_en} {kind[0]}",
            "fr": f"{kind[1]} de {city_en}",
            "zh-hans": f"{city_zh}{kind[2]}",
        },
        "CN",
        province,
        city_en,
    )


def person(rng: random.Random, country: str = "CN") -> tuple[str, str, str]:
    """(first name, last name, Chinese rendering) of a plausible person from `country`."""
    if country == "CN":
        surname, given = rng.choice(CN_SURNAMES), rng.choice(CN_GIVEN)
        return given[0], surname[0], surname[1] + given[1]
    firsts, lasts = FOREIGN_PEOPLE.get(country, FOREIGN_PEOPLE["GB"])
    first, last = rng.choice(firsts), rng.choice(lasts)
    return first, last, f"{first} {last}"
