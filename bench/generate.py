#!/usr/bin/env python3
"""Generate a large interchange file (JSON Lines, DESIGN.md section 5) for import and search benchmarks.

Records are assembled from the paragraphs, speakers and titles of the real corpus in ../shared/corpus
(English and Chinese), with realistic kinds, dates spread over 30 years, 2 to 8 people with roles and
1 to 4 themes each, and unique slugs. Output is written line by line, so N can be in the millions.

    python3 bench/generate.py --count 100000 --out /tmp/generated.jsonl --seed 42
"""

import argparse
import datetime
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus"))

ROLES = ["presided", "lectured", "spoke", "participated", "mentioned"]
ROLE_WEIGHTS = [1, 1, 3, 4, 2]

KINDS_EN = [
    ("speech", 20), ("remarks", 15), ("address", 10), ("statement", 10), ("press conference", 8),
    ("message", 8), ("meeting", 8), ("report", 6), ("policy document", 5), ("interview", 4),
    ("letter", 3), ("proclamation", 2), ("annual message / State of the Union", 1),
]
KINDS_ZH = [
    ("study session", 15), ("meeting", 20), ("speech", 15), ("policy document", 12), ("report", 10),
    ("statement", 8), ("press conference", 8), ("resolution", 5), ("government work report", 3),
]

THEMES = [
    "Digital economy", "Digital infrastructure", "Data as a factor of production", "Talent",
    "Independent innovation and core technologies", "Digital transformation of manufacturing",
    "Digital transformation of agriculture", "Foreign policy", "Trade", "Taxation", "Public health",
    "Education", "Energy", "Environment", "Employment", "Agriculture", "Defence", "Housing",
    "Infrastructure", "Science and technology", "Rural revitalisation", "Financial regulation",
    "Social security", "Civil rights", "Immigration", "Climate change", "Poverty reduction",
    "Transport", "Culture", "Public finance",
]

OFFICES_EN = ["President", "Vice President", "Secretary of State", "Senator", "Governor", "Ambassador",
              "Professor", "Chair of the Council of Economic Advisers"]
OFFICES_ZH = ["国务院总理", "国务院副总理", "国务委员", "中国工程院院士", "国家发展改革委主任", "财政部部长",
              "中国科学院院士", "教授"]
ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
ZH_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志文斌国庆春晓红玉兰德海波宁"
EN_FIRST = ["Anna", "Robert", "Maria", "James", "Helen", "David", "Grace", "Thomas", "Laura", "Samuel",
            "Ruth", "Daniel", "Alice", "Henry", "Clara", "Peter"]
EN_LAST = ["Adams", "Baker", "Carter", "Dawson", "Ellis", "Foster", "Grant", "Hughes", "Irving", "Jensen",
           "Keller", "Lawson", "Morgan", "Nolan", "Owens", "Parker"]


def load_corpus(directory):
    pools = {"en": {"paragraphs": [], "titles": [], "speakers": []},
             "zh-Hans": {"paragraphs": [], "titles": [], "speakers": []}}
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".jsonl"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                pool = pools["zh-Hans" if record.get("language", "en").startswith("zh") else "en"]
                pool["titles"].append(record["title"])
                pool["paragraphs"].extend(p for p in record["body"].split("\n\n") if 40 <= len(p) <= 3000)
                pool["speakers"].extend(s["name"] for s in record.get("speakers", []) if s.get("name"))
    for pool in pools.values():
        pool["speakers"] = sorted(set(pool["speakers"]))
    if not pools["en"]["paragraphs"] or not pools["zh-Hans"]["paragraphs"]:
        sys.exit("corpus in %s needs English and Chinese records" % directory)
    return pools


def people_pool(pools, rng):
    """Real speakers from the corpus plus invented names, so that people recur across records."""
    en = list(pools["en"]["speakers"]) + ["%s %s" % (f, l) for f in EN_FIRST for l in EN_LAST]
    zh = list(pools["zh-Hans"]["speakers"])
    while len(zh) < 300:
        name = rng.choice(ZH_SURNAMES) + "".join(rng.choice(ZH_GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in zh:
            zh.append(name)
    return {"en": en, "zh-Hans": zh}


def weighted(rng, choices):
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def make_record(i, rng, pools, people, seed, start, span_days):
    language = "zh-Hans" if rng.random() < 0.3 else "en"
    pool = pools[language]
    base_title = rng.choice(pool["titles"])
    date = start + datetime.timedelta(days=rng.randrange(span_days))
    kind = weighted(rng, KINDS_ZH if language == "zh-Hans" else KINDS_EN)
    title = "%s (%s)" % (base_title, date.isoformat())
    paragraphs = rng.sample(pool["paragraphs"], rng.randint(2, 8))
    names = rng.sample(people[language], rng.randint(2, 8))
    offices = OFFICES_ZH if language == "zh-Hans" else OFFICES_EN
    speakers = []
    for position, name in enumerate(names):
        role = "presided" if position == 0 and kind in ("study session", "meeting") else \
            rng.choices(ROLES, weights=ROLE_WEIGHTS)[0]
        speaker = {"name": name, "role": role}
        if rng.random() < 0.6:
            speaker["office"] = rng.choice(offices)
        speakers.append(speaker)
    record = {
        "slug": "gen-%s-%d" % (seed, i),
        "title": title,
        "date": date.isoformat() if rng.random() > 0.02 else None,
        "kind": kind,
        "language": language,
        "place": rng.choice(["北京", "上海", "深圳"] if language == "zh-Hans"
                            else ["Washington, D.C.", "New York", "Chicago", "Boston"]),
        "speakers": speakers,
        "themes": rng.sample(THEMES, rng.randint(1, 4)),
        "body": "\n\n".join(paragraphs),
        "source": "generated by bench/generate.py (seed %s, record %d)" % (seed, i),
        "notes": [],
    }
    if rng.random() < 0.3:
        record["summary"] = paragraphs[0][:300]
    return record


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="how many records to write")
    parser.add_argument("--out", required=True, help="the .jsonl file to write ('-' for standard output)")
    parser.add_argument("--seed", default="1", help="random seed; the same seed gives the same file")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="directory of the real corpus (.jsonl files)")
    args = parser.parse_args()
    if args.count < 0:
        parser.error("--count must not be negative")

    rng = random.Random(args.seed)
    pools = load_corpus(args.corpus)
    people = people_pool(pools, rng)
    start = datetime.date(1995, 1, 1)
    span_days = (datetime.date(2024, 12, 31) - start).days
    began = time.monotonic()
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    try:
        for i in range(1, args.count + 1):
            out.write(json.dumps(make_record(i, rng, pools, people, args.seed, start, span_days),
                                 ensure_ascii=False))
            out.write("\n")
            if i % 100000 == 0:
                print("%d records, %.0f s" % (i, time.monotonic() - began), file=sys.stderr)
    finally:
        if out is not sys.stdout:
            out.close()
    print("wrote %d records in %.1f s" % (args.count, time.monotonic() - began), file=sys.stderr)


if __name__ == "__main__":
    main()
