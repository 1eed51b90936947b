#!/usr/bin/env python3
"""Writes api/seed/returns.csv: the demo data returns of 2022, 2023 and 2024.

The 2023 returns of 17 members are built to match the CECOP Snapshot
2022-2023 (shared/seed/FACTS.md §2b): about 43,000 cooperatives and 1.3
million workers; services 73 %, industry 14 %, construction 12 %; worker
co-ops 72 %, social 27 %, self-employed producers about 1 %; 72 % of workers
are members; 85 % permanent contracts; about 33 % workers with disabilities
at the Bulgarian and Czech members. Member totals follow members.json where
a source gives them. Every per-member split (type, sector, shares) is
ILLUSTRATIVE: the sources give network totals only. 2022 is a little lower
so that series show a trend; 2024 holds a few drafts.

Run it from the repository root: python3 api/seed/make_returns.py
"""
import csv
import sys

# member: (coops, workers, {type: share of coops and workers},
#          (industry, construction, services) for non-social types,
#          worker-member share, women share, disability share, permanent share,
#          turnover per worker in EUR)
MEMBERS = {
    "legacoop-produzione-e-servizi": (2500, 150000, {"worker": .95, "social": .05}, (.30, .25, .45), .87, .30, .03, .88, 104000),
    "legacoop-sociali": (2700, 110000, {"social": 1.0}, None, .82, .72, .12, .86, 33600),
    "agci-produzione-e-lavoro": (2326, 52164, {"worker": .90, "social": .10}, (.25, .20, .55), .77, .35, .04, .87, 57500),
    "coceta": (17600, 305000, {"worker": .99, "self_employed_producers": .01}, (.18, .16, .66), .78, .48, .02, .82, 32000),
    "confcooperative-lavoro-e-servizi": (5300, 270000, {"worker": .80, "social": .20}, (.17, .18, .65), .62, .45, .03, .84, 40000),
    "cg-scop": (2400, 48000, {"worker": .80, "social": .15, "self_employed_producers": .05}, (.22, .20, .58), .70, .30, .02, .90, 125000),
    "co-operatives-uk": (480, 9000, {"worker": .70, "social": .20, "self_employed_producers": .10}, (.10, .10, .80), .60, .45, .03, .82, 60000),
    "ucecom": (750, 28000, {"worker": .80, "social": .20}, (.45, .10, .45), .55, .50, .08, .90, 14000),
    "nuwpc": (60, 4500, {"worker": 1.0}, (.55, .05, .40), .45, .50, .33, .92, 9000),
    "scmvd": (180, 12000, {"worker": .70, "social": .30}, (.50, .10, .40), .55, .55, .33, .88, 22000),
    "nauwc": (320, 11000, {"worker": .90, "social": .10}, (.35, .15, .50), .60, .45, .15, .80, 15000),
    "ozrss": (135, 3000, {"social": 1.0}, None, .75, .60, .20, .70, 12000),
    "caap": (25, 300, {"worker": 1.0}, (.30, .10, .60), .80, .40, .05, .85, 40000),
    "confcooperative-federsolidarieta": (6057, 251035, {"social": 1.0}, None, .65, .72, .12, .85, 35000),
    "sweden-member": (400, 6500, {"worker": .35, "social": .60, "self_employed_producers": .05}, (.10, .10, .80), .70, .60, .06, .88, 55000),
    "portugal-member": (300, 7000, {"worker": .50, "social": .50}, (.20, .20, .60), .65, .55, .05, .80, 25000),
    "example-federation-de-1": (1450, 32000, {"worker": .75, "social": .20, "self_employed_producers": .05}, (.25, .20, .55), .70, .40, .04, .88, 70000),
}

# 2024 returns: (member, state, scale against 2023).
RETURNS_2024 = [
    ("legacoop-produzione-e-servizi", 1.02),
    ("coceta", 1.01),
    ("cg-scop", 1.03),
    ("nuwpc", 1.00),
    ("scmvd", 1.02),
]

SECTORS = ("industry", "construction", "services")


def cells(member, scale_coops=1.0, scale_workers=1.0):
    coops, workers, types, sectors, wm, women, dis, perm, turnover = MEMBERS[member]
    out = []
    for coop_type, share in types.items():
        split = (0, 0, 1.0) if coop_type == "social" else sectors
        for sector, sector_share in zip(SECTORS, split):
            if sector_share == 0:
                continue
            c = round(coops * scale_coops * share * sector_share)
            w = round(workers * scale_workers * share * sector_share)
            if w == 0:
                continue
            out += [
                ("cooperatives", coop_type, sector, c),
                ("workers", coop_type, sector, w),
                ("worker_members", coop_type, sector, round(w * wm)),
                ("women_workers", coop_type, sector, round(w * women)),
                ("workers_with_disabilities", coop_type, sector, round(w * dis)),
                ("permanent_contracts", coop_type, sector, round(w * perm)),
                ("turnover_eur", coop_type, sector, w * turnover),
                ("coops_joined", coop_type, sector, round(c * 0.03)),
                ("coops_left", coop_type, sector, round(c * 0.02)),
            ]
    return out


def main():
    rows = []
    for member in MEMBERS:
        for year, sc, sw in ((2022, 0.97, 0.96), (2023, 1.0, 1.0)):
            rows += [(year, member, *cell) for cell in cells(member, sc, sw)]
    for member, scale in RETURNS_2024:
        rows += [(2024, member, *cell) for cell in cells(member, scale, scale)]
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["year", "member", "indicator", "coop_type", "sector", "value"])
    writer.writerows(rows)
    # The 2023 aggregates, for checking against FACTS.md (to stderr).
    y = [r for r in rows if r[0] == 2023]
    tot = lambda ind, **kw: sum(r[5] for r in y if r[2] == ind and all(r[{"coop_type": 3, "sector": 4}[k]] == v for k, v in kw.items()))
    coops, workers = tot("cooperatives"), tot("workers")
    print(f"2023: {coops} coops, {workers} workers, turnover {tot('turnover_eur')/1e9:.1f} bn", file=sys.stderr)
    for s in SECTORS:
        print(f"  {s}: coops {tot('cooperatives', sector=s)/coops:.1%} workers {tot('workers', sector=s)/workers:.1%}", file=sys.stderr)
    for t in ("worker", "social", "self_employed_producers"):
        print(f"  {t}: coops {tot('cooperatives', coop_type=t)/coops:.1%}", file=sys.stderr)
    for ind in ("worker_members", "women_workers", "permanent_contracts", "workers_with_disabilities"):
        print(f"  {ind}: {tot(ind)/workers:.1%}", file=sys.stderr)


main()
