#!/usr/bin/env python3
"""Oracle fixture for Jalali <-> Gregorian conversion, from jdatetime (an independent
implementation of the same 33-year arithmetic calendar ICU uses).

Writes Tests/PersianKitTests/Fixtures/jalali.txt: one line per day from 1300/01/01 through
the last day of 1500, `YYYYMMDD YYYYMMDD` (Jalali, Gregorian). A header line starting with
`#` records the jdatetime version.

Usage:
    pip install jdatetime
    python3 scripts/gen_jalali_fixture.py
"""
import pathlib

import jdatetime

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "PersianKitTests" / "Fixtures" / "jalali.txt"


def main():
    day = jdatetime.date(1300, 1, 1)
    end = jdatetime.date(1501, 1, 1)
    one = jdatetime.timedelta(days=1)
    lines = [f"# jdatetime {jdatetime.__VERSION__}: Jalali Gregorian, every day 1300/01/01 .. end of 1500"]
    while day < end:
        g = day.togregorian()
        lines.append(f"{day.year:04d}{day.month:02d}{day.day:02d} {g.year:04d}{g.month:02d}{g.day:02d}")
        day += one
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"{OUT}: {len(lines) - 1} days")


if __name__ == "__main__":
    main()
