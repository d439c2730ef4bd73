#!/usr/bin/env python3
"""Load an interchange file (JSON Lines) straight into the archive's PostgreSQL tables with COPY, for search
benchmarks only: it skips the app's import path (validation, revisions, audit) to fill a database with a million
records in minutes. The search index is then built by the app itself (--archive.reindex=exit).

    python3 bench/load_sql.py --in /tmp/generated.jsonl --dir /tmp/copy
    psql "$URL" -v dir=/tmp/copy -f bench/load_sql.sql

The database must already hold the schema (start the app once against it) and no generated records.
"""

import argparse
import json
import os

KINDS = {
    "annual message / state of the union": "ANNUAL_MESSAGE",
    "npc resolution on the government work report": "NPC_RESOLUTION",
}
ROLES = {"presided", "lectured", "spoke", "participated", "mentioned"}
ID_BASE = 10_000_000


def esc(value):
    if value is None:
        return "\\N"
    return (str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"))


def slugify(text, used):
    base = "".join(c.lower() if c.isalnum() else "-" for c in text).strip("-")
    base = "-".join(part for part in base.split("-") if part)[:150] or "x"
    slug, n = base, 1
    while slug in used:
        n += 1
        slug = f"{base}-{n}"
    used.add(slug)
    return slug


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--in", dest="source", required=True)
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    people, themes, person_slugs, theme_slugs = {}, {}, set(), set()
    with open(args.source, encoding="utf-8") as source, \
            open(os.path.join(args.dir, "record.tsv"), "w", encoding="utf-8") as records, \
            open(os.path.join(args.dir, "participation.tsv"), "w", encoding="utf-8") as participations, \
            open(os.path.join(args.dir, "record_theme.tsv"), "w", encoding="utf-8") as record_themes:
        for number, line in enumerate(source, start=1):
            row = json.loads(line)
            record_id = ID_BASE + number
            label = row.get("kind", "speech").strip().lower()
            kind = KINDS.get(label, label.upper().replace(" ", "_").replace("-", "_"))
            date = row.get("date")
            records.write("\t".join(esc(v) for v in [
                record_id, f"bench-{row.get('slug') or number}", row["title"][:500], kind, date,
                "DAY" if date else None, row.get("place"), row.get("organization"), row.get("language", "en"),
                row.get("summary"), row["body"], row.get("source"), "PUBLISHED"]) + "\n")
            seen = set()
            for position, speaker in enumerate(row.get("speakers", []), start=1):
                name = speaker["name"].strip()
                if name not in people:
                    people[name] = ID_BASE + len(people) + 1
                role = speaker.get("role", "spoke").lower()
                role = (role if role in ROLES else "spoke").upper()
                if (people[name], role) in seen:
                    continue
                seen.add((people[name], role))
                participations.write("\t".join(esc(v) for v in [
                    record_id, people[name], role, speaker.get("office"), position]) + "\n")
            for theme in dict.fromkeys(row.get("themes", [])):
                if theme not in themes:
                    themes[theme] = ID_BASE + len(themes) + 1
                record_themes.write(f"{record_id}\t{themes[theme]}\n")
    with open(os.path.join(args.dir, "person.tsv"), "w", encoding="utf-8") as out:
        for name, person_id in people.items():
            out.write(f"{person_id}\t{esc('bench-' + slugify(name, person_slugs))}\t{esc(name)}\n")
    with open(os.path.join(args.dir, "theme.tsv"), "w", encoding="utf-8") as out:
        for name, theme_id in themes.items():
            out.write(f"{theme_id}\t{esc('bench-' + slugify(name, theme_slugs))}\t{esc(name)}\n")


if __name__ == "__main__":
    main()
