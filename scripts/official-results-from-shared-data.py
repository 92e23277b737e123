#!/usr/bin/env python3
"""The documented mapping from the research files in ../shared/data to the official-results CSV the API imports
(POST /api/v1/official-results/import) and ships as reference data
(src/Dti.Infrastructure/Persistence/ReferenceData/OfficialResults.csv). See docs/results.md.

    python3 scripts/official-results-from-shared-data.py ../shared/data > src/Dti.Infrastructure/Persistence/ReferenceData/OfficialResults.csv

One output row per figure: year, fieldSize (63 or 34), province (unit code), kind (Dti, Pillar, MainIndex),
code (DTI, a pillar code, a main-index code), value, rank, origin (Published / Computed), source.
Rows marked V / V-secondary become Published, rows marked C become Computed; rows marked NOT FOUND, N/A,
V-CONFLICT or giving only a range (bottom 3, "~0.5 to <0.6") are left out.
"""
import csv
import sys
import unicodedata

PILLARS = [("CQS", "cqs"), ("KTS", "kts"), ("XHS", "xhs")]
MAIN = [("1", "nhan_thuc_so"), ("2", "the_che_so"), ("3", "ha_tang_so"), ("4", "nhan_luc_so"),
        ("5", "an_toan_thong_tin_mang"), ("7", "hd_chinh_quyen_so"), ("8", "hd_kinh_te_so"), ("9", "hd_xa_hoi_so")]
# Units of the 34-province table that shared/data maps (seed_province_merger_map.csv).
MERGED_2025 = {"Khánh Hòa": "KHANH-HOA-2025", "Quảng Trị": "QUANG-TRI-2025", "Quảng Ngãi": "QUANG-NGAI-2025", "Lâm Đồng": "LAM-DONG-2025"}
# Main-index ranks quoted in the notes column or in the seed articles: (province, year) -> {index code: rank}.
MAIN_RANKS = {
    ("Bình Dương", 2022): ({"1": 1, "2": 16, "3": 9, "4": 9, "5": 41, "7": 6, "8": 62, "9": 24}, None),
    ("Bến Tre", 2021): ({"2": 6, "1": 16, "4": 28, "3": 58, "5": 53}, None),
    ("Bình Thuận", 2022): ({"4": 53, "7": 53, "3": 49, "9": 38},
                           "seed 002: Chiến dịch cao điểm 90 ngày nâng cao Chỉ số DTI (Bình Thuận, 28/09/2023)"),
}


def code(name):
    name = name.split(" (")[0].replace("TP. ", "").replace(" - ", " ").replace("Đ", "D").replace("đ", "d")
    plain = "".join(c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn")
    return "-".join(plain.upper().split())


def number(text):
    text = (text or "").strip().split(" ")[0]
    try:
        return float(text)
    except ValueError:
        return None


def rank(text):
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def origin(status):
    return "Computed" if status.strip().startswith("C") else "Published"


out = {}


def add(year, field, province, kind, code_, value, rank_, origin_, source):
    if value is None and rank_ is None:
        return
    key = (year, field, province, kind, code_)
    old = out.get(key)
    if old:  # the same figure from two files: keep what each knows
        value = value if value is not None else old[5]
        rank_ = rank_ if rank_ is not None else old[6]
    out[key] = [year, field, province, kind, code_, value, rank_, origin_, source]


def unit(name, year):
    if "(34-unit)" in name:
        base = name.split(" (")[0]
        return (MERGED_2025.get(base), 34)
    if "/" in name or "post-merger" in name:
        return (None, None)
    return (code(name), 63)


def main(folder):
    with open(f"{folder}/dti2022_provincial_ranks_63.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            add(2022, 63, code(r["province_as_published"]), "Dti", "DTI", None, int(r["dti_rank"]), "Published", r["source"])
    with open(f"{folder}/dti2022_top5_main_indices.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            p = code(r["province"])
            add(2022, 63, p, "Dti", "DTI", float(r["dti_published"]), int(r["dti_rank"]), "Published", r["source"])
            for c, column in MAIN:
                add(2022, 63, p, "MainIndex", c, float(r[column]), None, "Published", r["source"])
    for file in ("dti_seed_provinces.csv", "dti_other_datapoints.csv"):
        with open(f"{folder}/{file}", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                status = r["status"]
                if status.startswith(("NOT FOUND", "N/A", "V-CONFLICT")) or "membership" in status:
                    continue
                year = int(r["year"])
                p, field = unit(r["province"], year)
                if p is None:
                    continue
                source = r["source"].split(" ; ")[0]
                o = origin(status)
                add(year, field, p, "Dti", "DTI", number(r["dti_value"]), rank(r["dti_rank"]), o, source)
                for c, column in PILLARS:
                    add(year, field, p, "Pillar", c, number(r.get(f"{column}_value")), rank(r[f"{column}_rank"]), o, source)
    for (name, year), (ranks, source) in MAIN_RANKS.items():
        p = code(name)
        src = source or out[(year, 63, p, "Dti", "DTI")][8]
        for c, r_ in ranks.items():
            add(year, 63, p, "MainIndex", c, None, r_, "Published", src)
    # Bình Thuận 2022: "50/63, giảm 3 bậc so với năm 2021" (seed 002) gives 2021 rank 47.
    add(2021, 63, "BINH-THUAN", "Dti", "DTI", None, 47, "Computed", MAIN_RANKS[("Bình Thuận", 2022)][1])
    with open(f"{folder}/dti_aggregates.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["metric"].startswith("average DTI"):
                field = 34 if r["year"] == "2024" else 63
                add(int(r["year"]), field, "AVERAGE", "Dti", "DTI", number(r["value"]), None, "Published", r["source"])
            elif r["metric"] == "average pillars":
                for part in r["value"].split("; "):
                    c, v = part.split(" ")
                    add(int(r["year"]), 34, "AVERAGE", "Pillar", c, float(v), None, "Published", r["source"])
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["year", "fieldSize", "province", "kind", "code", "value", "rank", "origin", "source"])
    for k in sorted(out, key=lambda k: (k[0], k[1], k[2] == "AVERAGE", k[2], k[3], k[4])):
        y, field, p, kind, c, v, r_, o, s = out[k]
        w.writerow([y, field, p, kind, c, "" if v is None else f"{v:.4f}", "" if r_ is None else r_, o, s])


main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
