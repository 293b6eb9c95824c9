#!/usr/bin/env python3
"""Write Sources/PersianKit/Resources/holidays-YYYY.json for the given Jalali years.

Source: the `holidays` package (country IR), which follows Iran's official calendar
(published yearly by the University of Tehran's Geophysics Institute / the government) for the
years it has confirmed, and marks later lunar dates as "(estimated)". We keep that flag: when
the official calendar for a year is published, re-run this script (after upgrading `holidays`)
or correct the file by hand, and check that no entry is still estimated.

Usage:
    pip install holidays jdatetime
    python3 scripts/gen_holidays.py 1403 1404 1405 1406
"""
import json
import pathlib
import sys

import holidays
import jdatetime

OUT = pathlib.Path(__file__).resolve().parent.parent / "Sources" / "PersianKit" / "Resources"

# Holidays fixed in the solar calendar; everything else follows the lunar Hijri calendar.
SOLAR = {
    "Nowruz", "Nowruz Holiday", "Islamic Republic Day", "Nature's Day",
    "Death of Imam Khomeini", "15 Khordad Uprising", "Islamic Revolution Day",
    "Iranian Oil Industry Nationalization Day",
}
# One-off closures decided by the government for a single year.
SPECIAL = {"Public Holiday", "Last Day of Year"}


PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def names(calendar, day):
    return [n.strip() for n in calendar.get(day).split(";")]


def strip_estimated(name):
    return name.replace("(estimated)", "").replace("(تخمینی)", "").strip()


def persian_names(years):
    """English name -> Persian name. The package lists coinciding holidays sorted by name in
    each language, so the two lists cannot be zipped; learn the pairs from single-name days."""
    wide = range(min(years) - 3, max(years) + 4)
    en = holidays.IR(years=wide, language="en_US")
    fa = holidays.IR(years=wide, language="fa_IR")
    table = {}
    for day in en:
        e, f = names(en, day), names(fa, day)
        if len(e) == 1 and len(f) == 1:
            table[strip_estimated(e[0])] = strip_estimated(f[0]).translate(PERSIAN_DIGITS)
    return table


def year_entries(jyear):
    first = jdatetime.date(jyear, 1, 1).togregorian()
    last = (jdatetime.date(jyear + 1, 1, 1) - jdatetime.timedelta(days=1)).togregorian()
    years = range(first.year, last.year + 1)
    en = holidays.IR(years=years, language="en_US")
    fa_names = persian_names(years)
    entries = []
    for day in sorted(en):
        if not first <= day <= last:
            continue
        jd = jdatetime.date.fromgregorian(date=day)
        for name_en in names(en, day):
            estimated = "(estimated)" in name_en
            base = strip_estimated(name_en)
            kind = "solar" if base in SOLAR else "special" if base in SPECIAL else "lunar"
            entries.append({
                "date": f"{jd.year:04d}/{jd.month:02d}/{jd.day:02d}",
                "gregorian": day.isoformat(),
                "nameFa": fa_names[base],
                "nameEn": base,
                "kind": kind,
                "estimated": estimated,
            })
    return entries


def main(argv):
    years = [int(a) for a in argv] or [1403, 1404, 1405, 1406]
    for jyear in years:
        doc = {
            "year": jyear,
            "source": "Official calendar of the Islamic Republic of Iran, via the `holidays` "
                      f"Python package {holidays.__version__} (country IR). Lunar dates marked "
                      "estimated must be checked against the official calendar when it is published.",
            "holidays": year_entries(jyear),
        }
        path = OUT / f"holidays-{jyear}.json"
        text = json.dumps(doc, ensure_ascii=False, indent=1)
        path.write_text(text + "\n", encoding="utf-8")
        est = sum(e["estimated"] for e in doc["holidays"])
        print(f"{path.name}: {len(doc['holidays'])} entries, {est} estimated")


if __name__ == "__main__":
    main(sys.argv[1:])
