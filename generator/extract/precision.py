"""How exact a figure is, and whether two figures can both be right.

The rule, so editors can predict what becomes a dispute:

1. A written number is exact to half a unit of its last significant digit ("7.1" billion:
   +-0.05 billion; "190": +-5). Trailing zeros of a whole number are ambiguous ("300" may
   be rounded to the hundred or exact), and newsrooms round measurements to two or three
   significant digits, so a whole number counts at least two significant digits ("300":
   +-5, "50,000": +-500). A single digit ("3") is exact to +-0.5. Reading "300" as +-50
   would make any two figures of the same size agree and hide real differences.
2. Hedges widen or open the interval: about/approximately/around/roughly/some double it
   (the writer admits rounding beyond the digits); nearly/almost/close to mean a little
   less (down to 10% below); up to/less than/fewer than open it downwards to 0; at least/
   more than/over open it upwards.
3. A range ("1-2,000") runs from its low end's interval to its high end's.
4. Values are converted to the base unit of their dimension (units.yaml factors) and two
   figures agree when their intervals overlap. So 190 miles (297.7-313.8 km) agrees with
   300 km (295-305 km), while "approximately 200 miles" (305.8-338 km) does not.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ..model import Unit

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WIDEN = frozenset({"about", "approximately", "around", "roughly", "some"})
_BELOW = frozenset({"nearly", "almost"})
_UP_TO = frozenset({"up to", "less than", "fewer than"})
_AT_LEAST = frozenset({"at least", "more than", "over"})


def half_width(number: str) -> float:
    """Half a unit of the last significant digit of `number` as written ("190" -> 5.0)."""
    plain = number.replace(",", "")
    if "." in plain:
        return 0.5 * 10 ** -len(plain.split(".", 1)[1])
    digits = plain.lstrip("0") or "0"
    zeros = len(digits) - len(digits.rstrip("0"))
    if len(digits) - zeros < 2:
        zeros = max(0, len(digits) - 2)
    return 0.5 * 10**zeros


def _ends(figure: dict[str, Any]) -> list[tuple[float, float]]:
    """(value, half width) of each end of the figure, in its own unit."""
    value = figure["value"]
    values = [float(v) for v in value] if isinstance(value, list | tuple) else [float(value)]
    written = _NUMBER.findall(str(figure.get("text") or ""))
    out = []
    for index, v in enumerate(values):
        number = written[min(index, len(written) - 1)] if written else None
        parsed = float(number.replace(",", "")) if number else 0.0
        if number and parsed:
            # The scale turns the written number into the value ("7.1" billion, "1"-2,000).
            out.append((v, half_width(number) * abs(v / parsed)))
        else:
            out.append(
                (v, 0.5 * (10 ** math.floor(math.log10(abs(v)) - 1) if abs(v) >= 100 else 1))
            )
    return out


def interval(figure: dict[str, Any], units: dict[str, Unit]) -> tuple[float, float]:
    """The values the figure allows, in the base unit of its dimension."""
    ends = _ends(figure)
    hedge = figure.get("hedge")
    (low, low_half), (high, high_half) = ends[0], ends[-1]
    if hedge in _WIDEN:
        low_half, high_half = 2 * low_half, 2 * high_half
    lo, hi = low - low_half, high + high_half
    if hedge in _BELOW:
        lo, hi = min(lo, 0.9 * low), high
    elif hedge in _UP_TO:
        lo, hi = 0.0, high if hedge != "up to" else high + high_half
    elif hedge in _AT_LEAST:
        lo, hi = low if hedge != "at least" else low - low_half, math.inf
    unit = units.get(str(figure.get("unit")))
    factor = unit.factor if unit else 1.0
    return lo * factor, hi * factor


def comparable(a: dict[str, Any], b: dict[str, Any], units: dict[str, Unit]) -> bool:
    """Same kind of quantity: one dimension (not money: currencies have no fixed rate) or one counted noun."""
    ua, ub = units.get(str(a.get("unit"))), units.get(str(b.get("unit")))
    if ua and ub:
        return ua.dimension == ub.dimension and (ua.dimension != "money" or ua.id == ub.id)
    return a.get("unit") == b.get("unit")


def agree(a: dict[str, Any], b: dict[str, Any], units: dict[str, Unit]) -> bool:
    """Whether both figures can be right given their precision and hedges."""
    alo, ahi = interval(a, units)
    blo, bhi = interval(b, units)
    return alo <= bhi and blo <= ahi


def _number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def describe(figure: dict[str, Any], units: dict[str, Unit]) -> str:
    """ "approximately 200 mi (322 km)": the value, its unit and the conversion readers compare."""
    value = figure["value"]
    values = list(value) if isinstance(value, list | tuple) else [value]
    unit = units.get(str(figure.get("unit")))
    hedge = f"{figure['hedge']} " if figure.get("hedge") else ""
    if unit is None:
        noun = f" {figure['unit']}" if figure.get("unit") else ""
        return f"{hedge}{'-'.join(_number(v) for v in values)}{noun}"
    shown = "-".join(_number(v) for v in values)
    main = f"{unit.symbol}{shown}" if unit.prefix else f"{shown} {unit.symbol}"
    other = units.get(unit.also_show or "")
    if other is None:
        return f"{hedge}{main}"
    converted = "-".join(_number(round(v * unit.factor / other.factor)) for v in values)
    return f"{hedge}{main} ({converted} {other.symbol})"
