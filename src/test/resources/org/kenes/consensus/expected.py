"""Independent expected values for the consensus tests (numpy / SciPy).

Run: python3 expected.py. The Java tests hold the printed numbers as literals; this file
documents where each one came from and is never run by the build.
"""
import math

import numpy as np
from scipy import stats

np.set_printoptions(precision=17)
NUMPY_METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation",
                 "interpolated_inverted_cdf", "hazen", "weibull", "linear",
                 "median_unbiased", "normal_unbiased"]  # Hyndman & Fan types 1..9


def show(name, value):
    print(f"{name} = {value!r}")


# Percentile types, CONSENSUS.md example -> PercentileTypesTest
x = np.array([3, 5, 7, 7, 8, 8, 8, 9], dtype=float)
for t, method in enumerate(NUMPY_METHODS, start=1):
    q = [float(np.quantile(x, p, method=method)) for p in (0.25, 0.5, 0.75, 0.30, 0.70)]
    show(f"R_{t} q1 median q3 p30 p70", q)

# RAND/UCLA, BMJ Open 2012 Table 1 -> RatingStatsTest
x = np.array([4, 5, 6] + [7] * 5 + [8] * 5 + [9] * 2, dtype=float)
p30, p70 = np.quantile(x, [0.30, 0.70])
iprcp = (p30 + p70) / 2
show("bmj median p30 p70", [float(np.median(x)), float(p30), float(p70)])
show("bmj ipr iprcp ai ipras", [float(p70 - p30), float(iprcp), float(abs(5 - iprcp)),
                                float(2.35 + 1.5 * abs(5 - iprcp))])
show("bmj mean sd", [float(x.mean()), float(x.std(ddof=1))])

# Surveylet coefficient of variation -> RatingStatsTest
x = np.array([1, 1, 1, 5, 2, 3, 3], dtype=float)
show("surveylet mean sd cv", [float(x.mean()), float(x.std(ddof=1)), float(x.std(ddof=1) / x.mean())])

# A 1-5 item, every quantile type -> RatingStatsTest
x = np.array([1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5], dtype=float)
show("five-point mean sd", [float(x.mean()), float(x.std(ddof=1))])
for t, method in enumerate(NUMPY_METHODS, start=1):
    show(f"five-point R_{t} q1 median q3",
         [float(np.quantile(x, p, method=method)) for p in (0.25, 0.5, 0.75)])

# Wilcoxon, SciPy documentation example -> WilcoxonTest
d = np.array([6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75], dtype=float)
r = stats.wilcoxon(d, zero_method="wilcox", correction=False, method="exact")
show("scipy-doc T p", [float(r.statistic), float(r.pvalue)])


def boundary(n):
    # 1..n, every third one negative: no ties, so exactness depends on n alone
    return np.array([-i if i % 3 == 0 else i for i in range(1, n + 1)], dtype=float)


r = stats.wilcoxon(boundary(50), zero_method="wilcox", correction=False, method="exact")
show("boundary-50 exact T p", [float(r.statistic), float(r.pvalue)])
r = stats.wilcoxon(boundary(51), zero_method="wilcox", correction=False, method="asymptotic")
show("boundary-51 asymptotic T p", [float(r.statistic), float(r.pvalue)])

# Rating differences with ties and zeros -> WilcoxonTest (asymptotic with tie correction)
d = np.array([1, 1, 1, 2, -1, -2, 3, 1, 2, 0, 0, -1, 1, 2, 2, 1, -3, 4, 1, 0], dtype=float)
r = stats.wilcoxon(d, zero_method="wilcox", correction=False, method="asymptotic")
nz = d[d != 0]
ranks = stats.rankdata(np.abs(nz))
show("ties W+ W- T p", [float(ranks[nz > 0].sum()), float(ranks[nz < 0].sum()),
                        float(r.statistic), float(r.pvalue)])

# Stability between rounds -> StabilityTest
prev = [5, 6, 7, 7, 8, 3, 9, None, 6, 7]
curr = [6, 7, 7, 7, 8, 5, 8, 7, None, 8]
a = np.array([v for v in prev if v is not None])
b = np.array([v for v in curr if v is not None])
fa = np.array([(a == k).mean() for k in range(1, 10)])
fb = np.array([(b == k).mean() for k in range(1, 10)])
show("stability changePct", float(100 * 0.5 * np.abs(fb - fa).sum()))
pairs = [(p, c) for p, c in zip(prev, curr) if p is not None and c is not None]
d = np.array([c - p for p, c in pairs], dtype=float)
r = stats.wilcoxon(d, zero_method="wilcox", correction=False, method="asymptotic")
show("stability T p", [float(r.statistic), float(r.pvalue)])


def kendall(columns):
    """columns[rater] = raw ranks of the objects; returns S, T, W, chi2, p."""
    m, n = len(columns), len(columns[0])
    ranks = np.array([stats.rankdata(c) for c in columns])
    ties = sum(((np.unique(c, return_counts=True)[1]) ** 3 - np.unique(c, return_counts=True)[1]).sum()
               for c in columns)
    rs = ranks.sum(axis=0)
    s = ((rs - rs.mean()) ** 2).sum()
    w = 12 * s / (m ** 2 * (n ** 3 - n) - m * ties)
    chi2 = m * (n - 1) * w
    return [float(s), float(ties), float(w), float(chi2), float(stats.chi2.sf(chi2, n - 1))]


# Kendall's W, DTSEA documentation data (columns are raters) -> KendallWTest
show("dtsea S T W chi2 p", kendall([[1, 5, 7, 2, 8], [1, 6, 8, 3, 6], [2, 5, 4, 2, 5]]))
# Strong agreement, 12 respondents x 8 options, a small p -> KendallWTest
strong = [[1, 2, 3, 4, 5, 6, 7, 8]] * 6 + [[2, 1, 3, 4, 5, 6, 8, 7]] * 4 + [[1, 3, 2, 4, 6, 5, 7, 8]] * 2
show("strong S T W chi2 p", kendall(strong))


def rand_ucla(values):
    x = np.array(values, dtype=float)
    p30, p70 = np.quantile(x, [0.30, 0.70])
    ai = abs(5 - (p30 + p70) / 2)
    return [float(np.median(x)), float(p30), float(p70), float(p70 - p30), float(2.35 + 1.5 * ai)]


# RAND/UCLA classification edges -> RatingStatsTest
show("rand 6.5 median p30 p70 ipr ipras", rand_ucla([5, 6, 6, 7, 7, 8]))
show("rand 3.5 median p30 p70 ipr ipras", rand_ucla([2, 3, 3, 4, 4, 5]))
show("rand split median p30 p70 ipr ipras", rand_ucla([1] * 4 + [9] * 6))

# Two ratings -> RatingStatsTest
show("two ratings mean sd", [float(np.mean([3, 8])), float(np.std([3, 8], ddof=1))])

# Group-informed consensus of two panels on 1-9 (agree 7-9) -> RatingItemsTest
policy, practice = [7, 8, 9, 8, 7, 9], [7, 8, 8, 9, 2]
show("gic", float(np.prod([(sum(v >= 7 for v in p) + 1) / (len(p) + 2) for p in (policy, practice)])))

# Mean ranks and Borda shares of the DTSEA data -> RankingStatsTest
cols = [[1, 5, 7, 2, 8], [1, 6, 8, 3, 6], [2, 5, 4, 2, 5]]
ranks = np.array([stats.rankdata(c) for c in cols])
m, n = ranks.shape
show("dtsea mean ranks", ranks.mean(axis=0).tolist())
show("dtsea borda", ((n - ranks + 1).sum(axis=0) / (m * n)).tolist())


# --- Values recorded without SciPy (not installable here): numpy and exact rational arithmetic only. ---
from fractions import Fraction
import itertools


def midranks(values):
    """Average ranks of |values| (ties share their mean rank), as scipy.stats.rankdata does."""
    a = np.abs(np.asarray(values, dtype=float))
    order = np.argsort(a, kind="stable")
    ranks = np.empty(len(a))
    i = 0
    while i < len(a):
        j = i
        while j + 1 < len(a) and a[order[j + 1]] == a[order[i]]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def exact_by_enumeration(d):
    """P(|W+ - n'(n'+1)/4| >= |w+ - n'(n'+1)/4|) over all 2^n' sign assignments of the midranks."""
    d = [x for x in d if x != 0]
    n, r = len(d), midranks(d)
    w = sum(r[i] for i in range(n) if d[i] > 0)
    mean = n * (n + 1) / 4
    hits = sum(abs(sum(r[i] for i in range(n) if s[i]) - mean) >= abs(w - mean)
               for s in itertools.product([0, 1], repeat=n))
    return w, Fraction(hits, 2 ** n)


def exact_by_generating_function(d):
    """The same distribution by a second count: the generating function of twice W+, one rank at a time."""
    d = [x for x in d if x != 0]
    n, r = len(d), midranks(d)
    w2 = 2 * sum(r[i] for i in range(n) if d[i] > 0)
    ways = {0: 1}
    for rank in r:
        step = {}
        for total, count in ways.items():
            step[total] = step.get(total, 0) + count
            step[total + 2 * rank] = step.get(total + 2 * rank, 0) + count
        ways = step
    mean = n * (n + 1) / 2
    return w2 / 2, Fraction(sum(c for t, c in ways.items() if abs(t - mean) >= abs(w2 - mean)), 2 ** n)


# Exact Wilcoxon with ties -> WilcoxonTest, StabilityTest
show("plus-plus-minus W+ p", exact_by_enumeration([1, 1, -1]))                  # (4.0, 1)
tied = [1, 1, 1, 2, -1, -2, 3, 1, 2, 0, 0, -1, 1, 2, 2, 1, -3, 4, 1, 0]
show("ties exact W+ p", exact_by_enumeration(tied))                              # (115.5, 2095/32768)
show("ties x3 less 2, n' = 50, W+ p", exact_by_generating_function((tied * 3)[:-2]))
# (958.5, 675601369455/562949953421312)
show("stability pairs exact W+ p", exact_by_enumeration([1, 1, 0, 0, 0, 2, -1, 1]))  # (12.5, 5/16)
d = [x for x in tied * 3 if x != 0]
n, r = len(d), midranks(d)
w = sum(r[i] for i in range(n) if d[i] > 0)
_, groups = np.unique(np.abs(d), return_counts=True)
z = (w - n * (n + 1) / 4) / np.sqrt(n * (n + 1) * (2 * n + 1) / 24 - sum(t ** 3 - t for t in groups) / 48)
show("ties x3, n' = 51, asymptotic W+ p", [float(w), math.erfc(abs(z) / math.sqrt(2))])  # 0.0012245892360459448

# Kendall's W with ties: irr's anxiety data (irr 0.84.1, data/anxiety.rda; 20 subjects x 3 raters) -> AnalyzeTest
anxiety = [[3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3],
           [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4],
           [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2]]
R = sum(midranks(rater) for rater in anxiety)
m, k = len(anxiety), len(anxiety[0])
S = float(((R - R.mean()) ** 2).sum())
T = sum(int(t ** 3 - t) for rater in anxiety for t in np.unique(rater, return_counts=True)[1])
show("anxiety S T W", [S, T, 12 * S / (m * m * (k ** 3 - k) - m * T)])          # 3004, 1674, 0.5396568759543698

# --- Mann-Whitney U (SciPy 1.17.1) -> MannWhitneyTest ---
# SciPy documentation example (males vs females), no ties
show("mwu doc exact", stats.mannwhitneyu([19, 22, 16, 29, 24], [20, 11, 17, 12], method="exact"))
show("mwu doc asymptotic", stats.mannwhitneyu([19, 22, 16, 29, 24], [20, 11, 17, 12], method="asymptotic"))
# 30 vs 20 untied -> exact; 31 vs 20 -> asymptotic
a = [v for v in range(1, 51) if v % 2 == 1 or v > 40]
b = [v for v in range(1, 51) if v not in a]
show("mwu 30x20 exact", stats.mannwhitneyu(a, b, method="exact"))
show("mwu 31x20 asymptotic", stats.mannwhitneyu(a + [51], b, method="asymptotic"))
# Ratings with ties, 30 stayers vs 25 leavers -> asymptotic with tie correction
rng_a = [6, 3, 7, 1, 2, 9, 2, 6, 1, 9, 4, 1, 2, 7, 7, 2, 4, 2, 9, 7, 1, 2, 4, 1, 7, 1, 4, 1, 9, 3]
rng_b = [3, 4, 2, 5, 1, 5, 3, 5, 7, 6, 2, 1, 5, 5, 6, 2, 3, 1, 5, 6, 1, 5, 1, 5, 2]
show("mwu tied asymptotic", stats.mannwhitneyu(rng_a, rng_b, method="asymptotic"))


def mwu_exact_by_enumeration(x, y):
    """The conditional exact two-sided p given midranks: every split of the pooled values, P(|U - mu| >= |u - mu|)."""
    import itertools
    from fractions import Fraction
    pooled = x + y
    ranks = stats.rankdata(pooled)
    n1 = len(x)
    mu = n1 * len(y) / 2
    u = sum(ranks[:n1]) - n1 * (n1 + 1) / 2
    splits = list(itertools.combinations(range(len(pooled)), n1))
    hits = sum(1 for c in splits if abs(sum(ranks[i] for i in c) - n1 * (n1 + 1) / 2 - mu) >= abs(u - mu) - 1e-9)
    return float(u), Fraction(hits, len(splits))


# Stayers vs leavers with ties: exact by enumeration; SciPy's asymptotic for comparison
show("mwu tied small exact", mwu_exact_by_enumeration([7, 8, 8, 9, 7, 6, 9, 8], [4, 6, 5, 7, 3]))  # (37.5, 8/1287)
show("mwu tied small asymptotic", stats.mannwhitneyu([7, 8, 8, 9, 7, 6, 9, 8], [4, 6, 5, 7, 3], method="asymptotic"))
show("mwu tiny exact", mwu_exact_by_enumeration([5, 5, 6], [5, 6, 6, 7]))  # (3.0, 2/5)
