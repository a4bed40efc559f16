"""Synthetic matchmaking profiles from planted complementary topics, in en / fr / zh.

Each profile offers one topic and seeks another; a true pair is (a, b) where b offers what a
seeks. Texts are written in the profile's language from templates, so only a multilingual model
can see that "recyclage des batteries" answers "battery recycling" or "电池回收".
"""

from __future__ import annotations

import random
from dataclasses import dataclass

TECHNOLOGIES: list[tuple[str, str, str]] = [
    ("battery recycling", "recyclage des batteries", "电池回收"),
    ("solid-state batteries", "batteries à électrolyte solide", "固态电池"),
    ("autonomous driving", "conduite autonome", "自动驾驶"),
    ("5G base stations", "stations de base 5G", "5G基站"),
    ("integrated circuit design", "conception de circuits intégrés", "集成电路设计"),
    ("industrial robots", "robots industriels", "工业机器人"),
    ("smart home devices", "objets connectés pour la maison", "智能家居设备"),
    (
        "medical imaging AI",
        "intelligence artificielle pour l'imagerie médicale",
        "医学影像人工智能",
    ),
    ("blockchain payments", "paiements par chaîne de blocs", "区块链支付"),
    ("cloud computing services", "services d'informatique en nuage", "云计算服务"),
    ("hydrogen fuel cells", "piles à combustible à hydrogène", "氢燃料电池"),
    ("drone delivery", "livraison par drones", "无人机配送"),
    ("8K ultra HD displays", "écrans ultra haute définition 8K", "8K超高清显示屏"),
    ("precision agriculture sensors", "capteurs pour l'agriculture de précision", "精准农业传感器"),
    ("factory cybersecurity", "cybersécurité des usines", "工厂网络安全"),
    ("biopharmaceutical research", "recherche biopharmaceutique", "生物制药研究"),
    ("semiconductor materials", "matériaux semi-conducteurs", "半导体材料"),
    ("water treatment membranes", "membranes de traitement de l'eau", "水处理膜"),
    ("satellite navigation", "navigation par satellite", "卫星导航"),
    ("speech recognition", "reconnaissance vocale", "语音识别"),
]
DOMAINS: list[tuple[str, str, str]] = [
    ("electric vehicles", "les véhicules électriques", "电动汽车"),
    ("hospitals", "les hôpitaux", "医院"),
    ("agriculture", "l'agriculture", "农业"),
    ("smart cities", "les villes intelligentes", "智慧城市"),
    ("factories", "les usines", "工厂"),
]
# A topic is a technology for a domain (100 topics): close topics share words, as real ones do.
TOPICS: list[tuple[str, str, str]] = [
    (f"{t_en} for {d_en}", f"{t_fr} pour {d_fr}", f"面向{d_zh}的{t_zh}")
    for d_en, d_fr, d_zh in DOMAINS
    for t_en, t_fr, t_zh in TECHNOLOGIES
]
LANGUAGES = ("en", "fr", "zh-hans")
OFFER_TEMPLATES = {
    "en": [
        "We develop {t} and offer our technology to partners.",
        "Our company supplies {t} solutions at industrial scale.",
        "Proven {t} products, ready for licensing.",
    ],
    "fr": [
        "Nous développons {t} et proposons notre technologie à des partenaires.",
        "Notre entreprise fournit des solutions de {t} à l'échelle industrielle.",
        "Des produits éprouvés en {t}, prêts pour une licence.",
    ],
    "zh-hans": [
        "我们研发{t}，向合作伙伴提供技术。",
        "本公司提供工业规模的{t}解决方案。",
        "成熟的{t}产品，可供技术许可。",
    ],
}
SEEK_TEMPLATES = {
    "en": [
        "We are looking for partners in {t}.",
        "We seek suppliers of {t} for our next product.",
        "Interested in investing in {t} projects.",
    ],
    "fr": [
        "Nous recherchons des partenaires en {t}.",
        "Nous cherchons des fournisseurs de {t} pour notre prochain produit.",
        "Intéressés par des investissements dans des projets de {t}.",
    ],
    "zh-hans": [
        "我们正在寻找{t}领域的合作伙伴。",
        "我们为下一代产品寻找{t}供应商。",
        "有意投资{t}项目。",
    ],
}
INTENT_PAIRS = [("technology", "investment"), ("supply", "purchasing"), ("research", "partnership")]
INTENTS = ["technology", "investment", "supply", "purchasing", "research", "partnership"]


@dataclass
class SyntheticProfile:
    key: int
    language: str
    offer_topic: int
    seek_topic: int
    offer_text: str
    seek_text: str
    offers: list[str]
    seeks: list[str]
    sector: int


def text(topic: int, language: str, kind: str, rng: random.Random) -> str:
    name = TOPICS[topic][LANGUAGES.index(language)]
    templates = OFFER_TEMPLATES if kind == "offer" else SEEK_TEMPLATES
    return rng.choice(templates[language]).format(t=name)


def generate(
    count: int,
    *,
    seed: int = 8,
    shares: tuple[float, float, float] = (0.4, 0.4, 0.2),
    noise: float = 0.3,
) -> list[SyntheticProfile]:
    """`count` profiles on complementary topic pairs: topics 2k and 2k+1 form a pair, one side
    offers 2k and seeks 2k+1, the other the reverse (a technology and its application, say).
    Intents are planted the same way (technology ↔ investment, supply ↔ purchasing...), and the
    pair's sector is tagged; each with `noise` of random answers, as real registrations have."""
    rng = random.Random(seed)
    pairs = len(TOPICS) // 2
    out = []
    for key in range(count):
        language = rng.choices(LANGUAGES, weights=shares)[0]
        pair, side = rng.randrange(pairs), rng.randrange(2)
        offer, seek = (2 * pair, 2 * pair + 1) if side == 0 else (2 * pair + 1, 2 * pair)
        give, want = INTENT_PAIRS[pair % len(INTENT_PAIRS)]
        if side == 1:
            give, want = want, give
        if rng.random() < noise:
            give, want = rng.choice(INTENTS), rng.choice(INTENTS)
        out.append(
            SyntheticProfile(
                key=key,
                language=language,
                offer_topic=offer,
                seek_topic=seek,
                offer_text=text(offer, language, "offer", rng),
                seek_text=text(seek, language, "seek", rng),
                offers=[give],
                seeks=[want],
                sector=pair if rng.random() > noise else rng.randrange(pairs),
            )
        )
    return out


def is_true_pair(a: SyntheticProfile, b: SyntheticProfile) -> bool:
    """Each offers what the other seeks."""
    return a.seek_topic == b.offer_topic and b.seek_topic == a.offer_topic
