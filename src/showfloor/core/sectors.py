"""The sector taxonomy named by the seed press releases, in en / fr / zh-hans."""

SEED_SECTORS: list[tuple[str, dict[str, str]]] = [
    (
        "ai",
        {"en": "Artificial intelligence", "fr": "Intelligence artificielle", "zh-hans": "人工智能"},
    ),
    ("smart-home", {"en": "Smart home", "fr": "Maison intelligente", "zh-hans": "智能家居"}),
    (
        "smart-manufacturing",
        {"en": "Smart manufacturing", "fr": "Fabrication intelligente", "zh-hans": "智能制造"},
    ),
    ("iot", {"en": "Internet of Things", "fr": "Internet des objets", "zh-hans": "物联网"}),
    (
        "intelligent-driving",
        {"en": "Intelligent driving", "fr": "Conduite intelligente", "zh-hans": "智能驾驶"},
    ),
    (
        "connected-vehicles",
        {"en": "Connected vehicles", "fr": "Internet des véhicules", "zh-hans": "车联网"},
    ),
    ("5g", {"en": "5G", "fr": "5G", "zh-hans": "5G"}),
    ("8k-uhd", {"en": "8K ultra-HD", "fr": "Ultra-HD 8K", "zh-hans": "8K超高清"}),
    ("blockchain", {"en": "Blockchain", "fr": "Blockchain", "zh-hans": "区块链"}),
    (
        "next-gen-computing",
        {
            "en": "Next-generation computing",
            "fr": "Informatique nouvelle génération",
            "zh-hans": "新一代信息技术",
        },
    ),
    ("big-data", {"en": "Big data", "fr": "Big data", "zh-hans": "大数据"}),
    ("cloud-computing", {"en": "Cloud computing", "fr": "Cloud computing", "zh-hans": "云计算"}),
    (
        "emergency-safety",
        {"en": "Emergency safety", "fr": "Sécurité d'urgence", "zh-hans": "应急安全"},
    ),
    (
        "integrated-circuits",
        {"en": "Integrated circuits", "fr": "Circuits intégrés", "zh-hans": "集成电路"},
    ),
    (
        "third-gen-semiconductors",
        {
            "en": "Third-generation semiconductors",
            "fr": "Semi-conducteurs de troisième génération",
            "zh-hans": "第三代半导体",
        },
    ),
    ("biomedicine", {"en": "Biomedicine", "fr": "Biomédecine", "zh-hans": "生物医药"}),
    ("clean-energy", {"en": "Clean energy", "fr": "Énergie propre", "zh-hans": "清洁能源"}),
    ("new-materials", {"en": "New materials", "fr": "Nouveaux matériaux", "zh-hans": "新材料"}),
    (
        "digital-economy",
        {"en": "Digital economy", "fr": "Économie numérique", "zh-hans": "数字经济"},
    ),
    (
        "industrial-internet",
        {"en": "Industrial internet", "fr": "Internet industriel", "zh-hans": "工业互联网"},
    ),
    ("e-commerce", {"en": "E-commerce", "fr": "Commerce électronique", "zh-hans": "电子商务"}),
    ("smart-tourism", {"en": "Smart tourism", "fr": "Tourisme intelligent", "zh-hans": "智慧旅游"}),
    (
        "smart-logistics",
        {"en": "Smart logistics", "fr": "Logistique intelligente", "zh-hans": "智慧物流"},
    ),
]
