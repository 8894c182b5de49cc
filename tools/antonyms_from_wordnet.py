"""Write answer/antonyms.txt from a local WordNet 3.0 database (Debian: apt-get install wordnet-base).

The list is generated once and committed, so the assistant needs no WordNet at run time. Only
adjectives, adverbs and verbs are kept: a swapped noun ("sister" for "brother") is as often a
different question as a relation the evidence states from the other side. Verbs that are also
nouns are left out too: "the notice" is no opposite of "ignore".
Usage: python tools/antonyms_from_wordnet.py [/usr/share/wordnet] > answer/antonyms.txt"""
from __future__ import annotations

import re
import sys
from pathlib import Path

HEADER = """\
# Antonym pairs from WordNet 3.0 (adjectives, adverbs, verbs), by tools/antonyms_from_wordnet.py.
#
# WordNet 3.0 licence:
# This software and database is being provided to you, the LICENSEE, by
# Princeton University under the following license.  By obtaining, using
# and/or copying this software and database, you agree that you have
# read, understood, and will comply with these terms and conditions.:
#
# Permission to use, copy, modify and distribute this software and
# database and its documentation for any purpose and without fee or
# royalty is hereby granted, provided that you agree to comply with
# the following copyright notice and statements, including the disclaimer,
# and that the same appear on ALL copies of the software, database and
# documentation, including modifications that you make for internal
# use or for distribution.
#
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
# IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
# ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
# OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
# INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
# OTHER RIGHTS.
#
# The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software
# and/or database.  Title to copyright in this software, database and
# any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same."""


def synsets(path: Path) -> dict[str, tuple[list[str], list[list[str]]]]:
    found = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        lemmas = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
        at = 4 + 2 * count
        pointers = [fields[at + 1 + 4 * k: at + 5 + 4 * k] for k in range(int(fields[at]))]
        found[fields[0]] = (lemmas, pointers)
    return found


def nouns(root: Path) -> set[str]:
    lines = (root / "index.noun").read_text(encoding="latin-1").splitlines()
    return {line.split()[0] for line in lines if not line.startswith("  ")}


def antonyms(root: Path) -> set[tuple[str, str]]:
    pairs = set()
    noun = nouns(root)
    for pos in ("adj", "adv", "verb"):
        table = synsets(root / f"data.{pos}")
        for lemmas, pointers in table.values():
            for symbol, target, _pos, source_target in pointers:
                if symbol != "!" or target not in table:
                    continue
                source, other = int(source_target[:2], 16), int(source_target[2:], 16)
                a, b = lemmas[source - 1], table[target][0][other - 1]
                if pos == "verb" and (a in noun or b in noun):
                    continue
                if a.isalpha() and b.isalpha() and a != b:
                    pairs.add(tuple(sorted((a, b))))
    return pairs


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    print(HEADER)
    for a, b in sorted(antonyms(root)):
        print(a, b)
