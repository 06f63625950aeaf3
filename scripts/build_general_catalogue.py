# ruff: noqa: E501 - the tool table below reads best one function per few long lines
"""Build the built-in `general` catalogue: ~390 everyday functions over 40+ domains (run by developers, not CI).

    python scripts/build_general_catalogue.py [--check]

The router learns to pick a tool and extract its arguments from generated requests only; the
`ruvllm` and `claude-flow` catalogues are all agent orchestration, so this one covers what people
ask software for every day: maths, science, money, travel, weather, food, health, files, devices,
and the long tail (genetics, engineering formulas, museums, games, insurance, transit, HR, inventory,
databases, court records, civic services).
Functions are written the way function-calling APIs write them (Python-style `snake_case`, dotted
namespaces like `finance.loan_payment`, camelCase web APIs), with integer / number / string /
boolean / enum / array / object parameters, required and optional ones, and defaults described.
Several tools per domain are near neighbours (current weather vs forecast), so choosing is real work.

Each parameter also says how its values look (`x-mcptrain-kind`, `-unit`, `-range`, ...) and each tool
how people ask for it (`x-mcptrain-requests`); `mcptrain.dataset.values` documents these keys. All
of it is written here by hand, never taken from a benchmark's test data.

Writes `src/mcptrain/catalogue/data/general.json`; `--check` only validates and reports.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from mcptrain.catalogue import Catalogue
from mcptrain.dataset.phrasing import template_params
from mcptrain.dataset.values import (
    HINT_DECIMALS,
    HINT_FALSE,
    HINT_ITEMS,
    HINT_KIND,
    HINT_RANGE,
    HINT_REQUESTS,
    HINT_TRUE,
    HINT_UNIT,
    HINT_VALUES,
    NATURAL_KINDS,
)
from mcptrain.types import ToolSpec

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "mcptrain" / "catalogue" / "data" / "general.json"
SOURCE = "mcptrain general catalogue (scripts/build_general_catalogue.py)"

Param = dict[str, Any]


def _prop(kind: str, desc: str, default: Any = None, **hints: Any) -> Param:
    p: Param = {"type": kind, "description": desc}
    if default is not None:
        p["default"] = default
        if "default" not in desc.lower():
            shown = str(default).lower() if isinstance(default, bool) else default
            p["description"] = f"{desc} Default is {shown}."
    for key, value in hints.items():
        if value is not None:
            p[key] = value
    return p


def num(
    desc: str,
    unit: str | list[str] | None = None,
    kind: str | None = None,
    range: tuple[float, float] | None = None,  # noqa: A002 - reads like the hint it sets
    dec: int | None = None,
    default: Any = None,
    **schema: Any,
) -> Param:
    """A `number` parameter."""
    p = _prop("number", desc, default, **{HINT_KIND: kind, HINT_UNIT: unit, HINT_DECIMALS: dec})
    if range is not None:
        p[HINT_RANGE] = list(range)
    p.update(schema)
    return p


def integer(
    desc: str,
    unit: str | list[str] | None = None,
    kind: str | None = None,
    range: tuple[int, int] | None = None,  # noqa: A002
    default: Any = None,
    **schema: Any,
) -> Param:
    """An `integer` parameter."""
    p = _prop("integer", desc, default, **{HINT_KIND: kind, HINT_UNIT: unit})
    if range is not None:
        p[HINT_RANGE] = list(range)
    p.update(schema)
    return p


def text(
    desc: str, kind: str | None = None, values: list[str] | None = None, default: Any = None, **schema: Any
) -> Param:
    """A `string` parameter: values of a known kind, or drawn from `values`."""
    if kind is None and not values:
        raise ValueError(f"string parameter without kind or values: {desc}")
    p = _prop("string", desc, default, **{HINT_KIND: kind, HINT_VALUES: values})
    p.update(schema)
    return p


def choice(desc: str, options: list[str], default: Any = None) -> Param:
    """An enum of strings."""
    p = _prop("string", desc, default)
    p["enum"] = list(options)
    return p


def flag(desc: str, yes: list[str] | None = None, no: list[str] | None = None, default: Any = None) -> Param:
    """A `boolean`; `yes` / `no` are phrases that say it without naming the parameter."""
    return _prop("boolean", desc, default, **{HINT_TRUE: yes, HINT_FALSE: no})


def array(desc: str, items: Param, n: tuple[int, int] = (2, 4), **schema: Any) -> Param:
    """An `array` of `items`, usually n[0]..n[1] long."""
    p: Param = {"type": "array", "description": desc, "items": items, HINT_ITEMS: list(n)}
    p.update(schema)
    return p


def obj(desc: str, props: dict[str, Param], required: list[str] | None = None) -> Param:
    """A nested `object`."""
    p: Param = {"type": "object", "description": desc, "properties": props}
    if required:
        p["required"] = list(required)
    return p


def item(kind: str, **kw: Any) -> Param:
    """An array item: a bare schema with hints (no description)."""
    if kind in ("number", "integer"):
        p: Param = {"type": kind}
        for key, hint in (("range", HINT_RANGE), ("unit", HINT_UNIT), ("dec", HINT_DECIMALS), ("kind", HINT_KIND)):
            if key in kw:
                p[hint] = list(kw[key]) if key == "range" else kw[key]
        return p
    if kind == "enum":
        return {"type": "string", "enum": list(kw["options"])}
    if kind == "values":
        return {"type": "string", HINT_VALUES: list(kw["values"])}
    return {"type": "string", HINT_KIND: kind}


TOOLS: list[ToolSpec] = []


def tool(
    name: str, category: str, description: str, params: dict[str, Param], required: list[str], requests: list[str]
) -> None:
    """Register one function: its schema (params in order), required names and natural requests."""
    schema = {"type": "object", "properties": params, "required": required, HINT_REQUESTS: requests}
    TOOLS.append(ToolSpec(name=name, category=category, description=description, input_schema=schema, source=SOURCE))


def check(tools: list[ToolSpec]) -> list[str]:
    """Problems an author should fix: unknown kinds, request slots that name no parameter, ..."""
    problems: list[str] = []
    for t in tools:
        props = t.properties
        for r in t.input_schema[HINT_REQUESTS]:
            outside, every = template_params(r)
            for p in every - set(props):
                problems.append(f"{t.name}: request names unknown parameter {p!r}: {r}")
            if "?" in re.sub(r"\{[^}]*\}", "", r):
                problems.append(f"{t.name}: requests are verb phrases that frames wrap, not questions: {r}")
            if re.search(r"\bme\b", re.sub(r"\{[^}]*\}", "", r)):
                problems.append(f"{t.name}: 'me' breaks frames like 'I need to {{vp}}': {r}")
            if r.count("[") != r.count("]"):
                problems.append(f"{t.name}: unbalanced [ ]: {r}")
            for m in re.finditer(r"\{(\w+)\?", r):
                if props.get(m.group(1), {}).get("type") != "boolean":
                    problems.append(f"{t.name}: {{{m.group(1)}?..}} on a non-boolean: {r}")
            for m in re.finditer(r"\{(\w+)\}", r):
                p = props.get(m.group(1), {})
                if p.get("type") == "boolean" and not (p.get(HINT_TRUE) and p.get(HINT_FALSE)):
                    problems.append(f"{t.name}: boolean {m.group(1)!r} needs {{p?yes|no}} or phrases: {r}")
            if r != r.strip() or r[:1].isupper() or r.endswith((".", "?")):
                problems.append(f"{t.name}: requests are lower-case verb phrases without end punctuation: {r}")
        # A request naming an optional parameter outside [ ] is used only when that value is drawn;
        # at least one must fit the required parameters alone.
        if not any(template_params(r)[0] <= set(t.required) for r in t.input_schema[HINT_REQUESTS]):
            problems.append(f"{t.name}: no request fits the required parameters alone")
        for pname, p in props.items():
            kinds = [p.get(HINT_KIND), (p.get("items") or {}).get(HINT_KIND)]
            for k in kinds:
                if k is not None and k not in NATURAL_KINDS:
                    problems.append(f"{t.name}.{pname}: unknown kind {k!r}")
            if not p.get("description"):
                problems.append(f"{t.name}.{pname}: no description")
    return problems


# =====================================================================================================
# The functions, by domain.
# =====================================================================================================
# fmt: off

TEMP_UNITS = ["celsius", "fahrenheit"]

# --- math ----------------------------------------------------------------------------------------------

tool("math.factorial", "math", "Calculate the factorial of a non-negative integer.",
     {"number": integer("The non-negative integer to take the factorial of.", range=(0, 20))},
     ["number"],
     ["calculate the factorial of {number}", "work out {number} factorial", "find the factorial of {number}"])
tool("math.gcd", "math", "Compute the greatest common divisor of two integers.",
     {"num1": integer("The first integer.", range=(2, 5000)), "num2": integer("The second integer.", range=(2, 5000))},
     ["num1", "num2"],
     ["find the greatest common divisor of {num1} and {num2}", "compute the GCD of {num1} and {num2}",
      "work out the highest common factor of {num1} and {num2}"])
tool("math.lcm", "math", "Compute the least common multiple of two integers.",
     {"num1": integer("The first integer.", range=(2, 500)), "num2": integer("The second integer.", range=(2, 500))},
     ["num1", "num2"],
     ["find the least common multiple of {num1} and {num2}", "compute the LCM of {num1} and {num2}"])
tool("is_prime", "math", "Test a whole number for primality.",
     {"number": integer("The number to test.", range=(2, 100000))},
     ["number"],
     ["check whether {number} is a prime number", "find out if {number} is prime", "test {number} for primality"])
tool("solve_quadratic_equation", "math", "Find the roots of a quadratic equation ax^2 + bx + c = 0.",
     {"a": integer("Coefficient of x squared.", range=(-12, 12)),
      "b": integer("Coefficient of x.", range=(-30, 30)),
      "c": integer("The constant term.", range=(-50, 50)),
      "root_type": choice("Which roots to return: only real roots or all roots including complex ones.",
                          ["real", "all"], default="real")},
     ["a", "b", "c"],
     ["solve the quadratic equation with coefficients a={a}, b={b} and c={c}[, returning {root_type=real:only real|all:all} roots]",
      "find the roots of a quadratic where a is {a}, b is {b} and c is {c}",
      "solve the equation with a = {a}, b = {b}, c = {c}"])
tool("fibonacci_sequence", "math", "Generate the first n numbers of the Fibonacci sequence.",
     {"n": integer("How many Fibonacci numbers to generate.", range=(1, 60))},
     ["n"],
     ["generate the first {n} Fibonacci numbers", "list {n} terms of the Fibonacci sequence"])
tool("math.power", "math", "Raise a base to an exponent, optionally modulo a number.",
     {"base": integer("The base.", range=(2, 99)),
      "exponent": integer("The exponent.", range=(2, 30)),
      "mod": integer("Optional modulus applied to the result.", range=(3, 1000))},
     ["base", "exponent"],
     ["calculate {base} to the power of {exponent}[ modulo {mod}]", "raise {base} to the power {exponent}[ mod {mod}]"])
tool("math.log", "math", "Compute the logarithm of a positive number in a given base.",
     {"value": num("The positive number to take the logarithm of.", range=(1, 100000), dec=0),
      "base": integer("The base of the logarithm.", range=(2, 16), default=10)},
     ["value"],
     ["compute the logarithm of {value}[ in base {base}]", "find log base {base} of {value}", "take the log of {value}"])
tool("math.sqrt", "math", "Compute the square root of a non-negative number.",
     {"number": num("The number to take the square root of.", range=(1, 100000)),
      "precision": integer("Decimal places in the result.", range=(0, 8), default=2)},
     ["number"],
     ["find the square root of {number}[ to {precision} decimal places]",
      "work out the square root of {number}[ to {precision} decimals]"])
tool("percentage_of", "math", "Calculate the percentage that one number is of another.",
     {"part": num("The part.", range=(1, 900), dec=0), "whole": num("The whole.", range=(1000, 5000), dec=0)},
     ["part", "whole"],
     ["work out what percentage {part} is of {whole}", "calculate {part} as a percentage of {whole}"])
tool("sum_numbers", "math", "Add up a list of numbers.",
     {"numbers": array("The numbers to add.", item("number", range=(-500, 5000), dec=1), n=(2, 7))},
     ["numbers"],
     ["add up {numbers}", "sum the numbers {numbers}", "get the total of {numbers}"])

# --- statistics ----------------------------------------------------------------------------------------

tool("calculate_mean", "statistics", "Calculate the arithmetic mean (average) of a list of numbers.",
     {"numbers": array("The list of numbers.", item("number", range=(0, 200), dec=1), n=(3, 8))},
     ["numbers"],
     ["calculate the average of {numbers}", "find the mean of {numbers}", "get the arithmetic mean of these values: {numbers}"])
tool("statistics.median", "statistics", "Find the median of a list of numbers.",
     {"numbers": array("The list of numbers.", item("integer", range=(0, 1000)), n=(3, 9))},
     ["numbers"],
     ["find the median of {numbers}", "compute the middle value of {numbers}"])
tool("calculate_standard_deviation", "statistics", "Calculate the standard deviation of a list of numbers.",
     {"numbers": array("The data points.", item("number", range=(1, 100), dec=1), n=(3, 8)),
      "sample": flag("Use the sample (n-1) formula instead of the population formula.",
                     yes=["treating it as a sample", "using the sample formula"],
                     no=["treating it as the whole population", "using the population formula"], default=False)},
     ["numbers"],
     ["calculate the standard deviation of {numbers}[ {sample?as a sample|as a full population}]",
      "find how spread out {numbers} are using the standard deviation"])
tool("correlation_coefficient", "statistics", "Compute the Pearson correlation coefficient between two equal-length lists.",
     {"x_values": array("The first variable's values.", item("number", range=(0, 100), dec=0), n=(4, 7)),
      "y_values": array("The second variable's values.", item("number", range=(0, 100), dec=0), n=(4, 7))},
     ["x_values", "y_values"],
     ["compute the correlation between {x_values} and {y_values}",
      "find the Pearson correlation of x = {x_values} and y = {y_values}"])
tool("binomial_probability", "statistics", "Calculate the probability of exactly k successes in n independent trials.",
     {"trials": integer("Number of trials (n).", range=(2, 50)),
      "successes": integer("Number of successes (k).", range=(0, 10)),
      "probability": num("Probability of success on each trial, between 0 and 1.", range=(0.05, 0.95), dec=2)},
     ["trials", "successes", "probability"],
     ["calculate the probability of getting exactly {successes} successes in {trials} trials with success probability {probability}",
      "find the binomial probability for n={trials}, k={successes}, p={probability}"])
tool("z_score", "statistics", "Calculate the z-score of a value given the mean and standard deviation.",
     {"value": num("The observed value.", range=(40, 160), dec=1), "mean": num("The mean.", range=(50, 150), dec=0),
      "std_dev": num("The standard deviation.", range=(2, 25), dec=1)},
     ["value", "mean", "std_dev"],
     ["calculate the z-score of {value} when the mean is {mean} and the standard deviation is {std_dev}",
      "work out how many standard deviations {value} is from a mean of {mean} given a standard deviation of {std_dev}"])

# --- geometry ------------------------------------------------------------------------------------------

LENGTH_UNITS = ["units", "cm", "m", "inches", "feet"]
tool("calculate_triangle_area", "geometry", "Calculate the area of a triangle given its base and height.",
     {"base": num("The base of the triangle.", range=(1, 60), dec=0),
      "height": num("The height of the triangle.", range=(1, 60), dec=0),
      "unit": choice("The unit of measure for base and height.", LENGTH_UNITS, default="units")},
     ["base", "height"],
     ["find the area of a triangle with a base of {base}[ {unit}] and a height of {height}[ {unit}]",
      "calculate the area of a triangle whose base is {base} and height is {height}[, measured in {unit}]",
      "work out a triangle's area: base {base}, height {height}"])
tool("triangle_area_heron", "geometry", "Calculate the area of a triangle from its three side lengths using Heron's formula.",
     {"side_a": num("Length of the first side.", range=(3, 30), dec=0), "side_b": num("Length of the second side.", range=(3, 30), dec=0),
      "side_c": num("Length of the third side.", range=(3, 30), dec=0)},
     ["side_a", "side_b", "side_c"],
     ["find the area of a triangle with sides {side_a}, {side_b} and {side_c}",
      "use Heron's formula on a triangle with side lengths {side_a}, {side_b} and {side_c}"])
tool("geometry.circle_area", "geometry", "Calculate the area of a circle from its radius.",
     {"radius": num("The radius of the circle.", range=(0.5, 100), dec=1),
      "units": choice("Unit of the radius.", ["cm", "m", "km", "inches", "feet", "miles"], default="cm")},
     ["radius"],
     ["calculate the area of a circle with a radius of {radius}[ {units}]", "find the area of a circle whose radius is {radius}[ {units}]"])
tool("geometry.circumference", "geometry", "Calculate the circumference of a circle from its radius.",
     {"radius": num("The radius of the circle.", range=(0.5, 100), dec=1),
      "units": choice("Unit of the radius.", ["cm", "m", "km", "inches", "feet"], default="cm")},
     ["radius"],
     ["find the circumference of a circle with radius {radius}[ {units}]", "work out the perimeter of a circle of radius {radius}[ {units}]"])
tool("rectangle_perimeter", "geometry", "Calculate the perimeter of a rectangle.",
     {"length": num("Length of the rectangle.", range=(1, 500), dec=0, unit=["m", "cm", "feet", "inches"]),
      "width": num("Width of the rectangle.", range=(1, 300), dec=0, unit=["m", "cm", "feet", "inches"])},
     ["length", "width"],
     ["find the perimeter of a rectangle that is {length} long and {width} wide",
      "calculate the perimeter of a {length} by {width} rectangle"])
tool("sphere_volume", "geometry", "Calculate the volume of a sphere from its radius.",
     {"radius": num("The radius of the sphere.", range=(0.5, 50), dec=1),
      "unit": choice("Unit of the radius.", ["cm", "m", "inches", "feet"], default="cm")},
     ["radius"],
     ["calculate the volume of a sphere with radius {radius}[ {unit}]", "work out how much space a ball of radius {radius}[ {unit}] takes up"])
tool("cylinder_volume", "geometry", "Calculate the volume of a cylinder from its radius and height.",
     {"radius": num("Radius of the cylinder's base.", range=(0.5, 40), dec=1, unit=["cm", "m", "inches"]),
      "height": num("Height of the cylinder.", range=(1, 100), dec=0, unit=["cm", "m", "inches"])},
     ["radius", "height"],
     ["find the volume of a cylinder with radius {radius} and height {height}",
      "calculate how much a cylinder {height} tall with a {radius} radius holds"])
tool("geometry.distance_2d", "geometry", "Calculate the Euclidean distance between two points in a plane.",
     {"point_a": array("The first point as [x, y].", item("integer", range=(-50, 50)), n=(2, 2)),
      "point_b": array("The second point as [x, y].", item("integer", range=(-50, 50)), n=(2, 2))},
     ["point_a", "point_b"],
     ["calculate the distance between the points {point_a} and {point_b}", "compute the Euclidean distance from {point_a} to {point_b}"])
tool("calculate_hypotenuse", "geometry", "Calculate the hypotenuse of a right triangle from its two legs.",
     {"side_a": num("Length of the first leg.", range=(1, 40), dec=0), "side_b": num("Length of the second leg.", range=(1, 40), dec=0)},
     ["side_a", "side_b"],
     ["find the hypotenuse of a right triangle with legs {side_a} and {side_b}",
      "calculate the longest side of a right triangle whose other sides are {side_a} and {side_b}"])
tool("polygon_interior_angle", "geometry", "Calculate the interior angle of a regular polygon.",
     {"sides": integer("Number of sides of the polygon.", range=(3, 20))},
     ["sides"],
     ["find the interior angle of a regular polygon with {sides} sides", "work out each angle of a regular {sides}-sided polygon"])

# --- physics -------------------------------------------------------------------------------------------

tool("physics.final_velocity", "physics", "Calculate the final velocity of an object under constant acceleration.",
     {"initial_velocity": num("Initial velocity in m/s.", unit=["m/s", "meters per second"], range=(0, 50), dec=0),
      "acceleration": num("Acceleration in m/s^2.", unit=["m/s^2", "m/s²"], range=(0.5, 20), dec=1),
      "time": num("Elapsed time in seconds.", unit=["seconds", "s"], range=(1, 60), dec=0)},
     ["initial_velocity", "acceleration", "time"],
     ["calculate the final velocity of an object that starts at {initial_velocity} and accelerates at {acceleration} for {time}",
      "find the speed after {time} for something starting at {initial_velocity} with an acceleration of {acceleration}"])
tool("calculate_kinetic_energy", "physics", "Calculate the kinetic energy of a moving object.",
     {"mass": num("Mass of the object in kilograms.", unit=["kg", "kilograms"], range=(0.1, 2000), dec=1),
      "velocity": num("Velocity of the object in meters per second.", unit=["m/s", "meters per second"], range=(1, 100), dec=0)},
     ["mass", "velocity"],
     ["calculate the kinetic energy of a {mass} object moving at {velocity}",
      "find the kinetic energy for a mass of {mass} travelling at {velocity}"])
tool("calculate_potential_energy", "physics", "Calculate the gravitational potential energy of an object.",
     {"mass": num("Mass in kilograms.", unit=["kg", "kilograms"], range=(0.5, 500), dec=1),
      "height": num("Height above the reference point in meters.", unit=["m", "meters"], range=(1, 300), dec=0),
      "gravity": num("Gravitational acceleration in m/s^2.", unit="m/s^2", range=(1.6, 24.8), dec=2, default=9.81)},
     ["mass", "height"],
     ["find the potential energy of a {mass} mass lifted {height} high[ where gravity is {gravity}]",
      "calculate the gravitational potential energy of {mass} at a height of {height}[ with g = {gravity}]"])
tool("calculate_force", "physics", "Calculate the net force from mass and acceleration (F = ma).",
     {"mass": num("Mass in kilograms.", unit=["kg", "kilograms"], range=(0.5, 5000), dec=0),
      "acceleration": num("Acceleration in m/s^2.", unit=["m/s^2", "m/s²"], range=(0.5, 30), dec=1)},
     ["mass", "acceleration"],
     ["calculate the force needed to accelerate {mass} at {acceleration}", "find F = ma for a mass of {mass} and acceleration {acceleration}"])
tool("projectile_range", "physics", "Calculate the horizontal range of a projectile launched from ground level.",
     {"initial_speed": num("Launch speed in m/s.", unit=["m/s", "meters per second"], range=(5, 120), dec=0),
      "launch_angle": num("Launch angle in degrees above horizontal.", unit=["degrees", "°"], range=(5, 85), dec=0),
      "gravity": num("Gravitational acceleration in m/s^2.", range=(1.6, 24.8), dec=2, default=9.81)},
     ["initial_speed", "launch_angle"],
     ["find how far a projectile launched at {initial_speed} and {launch_angle} will travel[ with gravity {gravity}]",
      "calculate the range of a projectile with speed {initial_speed} at an angle of {launch_angle}"])
tool("free_fall_time", "physics", "Calculate the fall time of an object dropped from a height, ignoring air resistance.",
     {"height": num("Drop height in meters.", unit=["meters", "m"], range=(1, 1000), dec=0)},
     ["height"],
     ["calculate how long it takes to fall {height}", "find the free-fall time from a height of {height}"])
tool("calculate_electric_current", "physics", "Calculate electric current from voltage and resistance using Ohm's law.",
     {"voltage": num("Voltage in volts.", unit=["volts", "V"], range=(1, 240), dec=0),
      "resistance": num("Resistance in ohms.", unit=["ohms", "Ω"], range=(1, 10000), dec=0)},
     ["voltage", "resistance"],
     ["calculate the current through a {resistance} resistor at {voltage}", "use Ohm's law to find the current for {voltage} across {resistance}"])
tool("wave_frequency", "physics", "Calculate a wave's frequency from its wavelength and speed.",
     {"wavelength": num("Wavelength in meters.", unit=["m", "meters"], range=(0.01, 100), dec=2),
      "wave_speed": num("Wave speed in m/s.", unit="m/s", range=(300, 1500), dec=0, default=343)},
     ["wavelength"],
     ["find the frequency of a wave with a wavelength of {wavelength}[ travelling at {wave_speed}]",
      "calculate the frequency for wavelength {wavelength}[ and speed {wave_speed}]"])
tool("calculate_density", "physics", "Calculate the density of an object from its mass and volume.",
     {"mass": num("Mass in grams.", unit=["g", "grams"], range=(1, 5000), dec=0),
      "volume": num("Volume in cubic centimeters.", unit=["cm^3", "cubic centimeters"], range=(1, 2000), dec=0)},
     ["mass", "volume"],
     ["calculate the density of an object with a mass of {mass} and a volume of {volume}",
      "find the density of something that weighs {mass} and takes up {volume}"])
tool("electrical_power", "physics", "Calculate electrical power from voltage and current.",
     {"voltage": num("Voltage in volts.", unit=["volts", "V"], range=(1, 480), dec=0),
      "current": num("Current in amperes.", unit=["amps", "A"], range=(0.1, 50), dec=1)},
     ["voltage", "current"],
     ["calculate the power drawn at {voltage} and {current}", "find how many watts a device uses at {voltage} with {current}"])

# --- chemistry -----------------------------------------------------------------------------------------

tool("chemistry.molar_mass", "chemistry", "Calculate the molar mass of a chemical compound from its formula.",
     {"formula": text("The chemical formula, e.g. H2O.", kind="formula")},
     ["formula"],
     ["calculate the molar mass of {formula}", "find the molecular weight of {formula}"])
tool("grams_to_moles", "chemistry", "Convert a mass in grams of a compound to moles.",
     {"mass": num("Mass of the substance in grams.", unit=["g", "grams"], range=(0.5, 500), dec=1),
      "formula": text("Chemical formula of the substance.", kind="formula")},
     ["mass", "formula"],
     ["convert {mass} of {formula} to moles", "calculate how many moles are in {mass} of {formula}"])
tool("calculate_ph", "chemistry", "Calculate the pH of a solution from its hydrogen ion concentration.",
     {"hydrogen_concentration": num("Hydrogen ion concentration in mol/L.", unit=["mol/L", "M"], range=(0.0001, 0.1), dec=4)},
     ["hydrogen_concentration"],
     ["calculate the pH of a solution with a hydrogen ion concentration of {hydrogen_concentration}",
      "find the pH when the H+ concentration is {hydrogen_concentration}"])
tool("ideal_gas_pressure", "chemistry", "Calculate the pressure of an ideal gas from moles, temperature and volume.",
     {"moles": num("Amount of gas in moles.", unit=["mol", "moles"], range=(0.1, 20), dec=1),
      "temperature": num("Temperature in kelvin.", unit=["K", "kelvin"], range=(200, 600), dec=0),
      "volume": num("Volume in liters.", unit=["L", "liters"], range=(0.5, 100), dec=1)},
     ["moles", "temperature", "volume"],
     ["calculate the pressure of {moles} of an ideal gas at {temperature} in a {volume} container",
      "find the gas pressure for n = {moles}, T = {temperature} and V = {volume}"])
tool("get_element_info", "chemistry", "Look up a property of a chemical element.",
     {"element": text("Name of the element, e.g. Carbon.", kind="element"),
      "property": choice("Which property to return.", ["atomic_number", "atomic_mass", "electron_configuration",
                                                        "melting_point", "boiling_point", "density"], default="atomic_mass")},
     ["element"],
     ["look up the {property=atomic_number:atomic number|atomic_mass:atomic mass|electron_configuration:electron configuration|melting_point:melting point|boiling_point:boiling point|density:density} of {element}",
      "get information about the element {element}[, specifically its {property}]"])
tool("dilution_final_volume", "chemistry", "Calculate the final volume needed to dilute a solution (C1V1 = C2V2).",
     {"initial_concentration": num("Starting concentration in mol/L.", unit=["M", "mol/L"], range=(0.5, 12), dec=1),
      "initial_volume": num("Starting volume in mL.", unit=["mL", "milliliters"], range=(5, 500), dec=0),
      "final_concentration": num("Target concentration in mol/L.", unit=["M", "mol/L"], range=(0.01, 0.5), dec=2)},
     ["initial_concentration", "initial_volume", "final_concentration"],
     ["work out the final volume to dilute {initial_volume} of a {initial_concentration} solution down to {final_concentration}",
      "calculate how far to dilute {initial_volume} at {initial_concentration} to reach {final_concentration}"])
tool("radioactive_decay", "chemistry", "Calculate the remaining amount of a radioactive sample after some time.",
     {"initial_amount": num("Initial amount in grams.", unit=["grams", "g"], range=(1, 1000), dec=0),
      "half_life": num("Half-life in years.", unit=["years"], range=(1, 10000), dec=0),
      "elapsed_time": num("Time elapsed in years.", unit=["years"], range=(1, 20000), dec=0)},
     ["initial_amount", "half_life", "elapsed_time"],
     ["calculate how much of a {initial_amount} sample with a half-life of {half_life} remains after {elapsed_time}",
      "find the remaining mass after {elapsed_time} if we start with {initial_amount} and the half-life is {half_life}"])
tool("balance_chemical_equation", "chemistry", "Balance a chemical equation.",
     {"equation": text("The unbalanced equation, e.g. 'H2 + O2 -> H2O'.", values=[
         "H2 + O2 -> H2O", "CH4 + O2 -> CO2 + H2O", "Fe + O2 -> Fe2O3", "C3H8 + O2 -> CO2 + H2O",
         "Al + O2 -> Al2O3", "N2 + H2 -> NH3", "KClO3 -> KCl + O2", "C6H12O6 + O2 -> CO2 + H2O",
         "Na + Cl2 -> NaCl", "Zn + HCl -> ZnCl2 + H2", "CaCO3 -> CaO + CO2", "P4 + O2 -> P2O5"])},
     ["equation"],
     ["balance the chemical equation {equation}", "balance this reaction: {equation}"])

# --- finance -------------------------------------------------------------------------------------------

tool("finance.loan_payment", "finance", "Calculate the fixed monthly payment for an amortizing loan.",
     {"principal": num("The loan amount in USD.", kind="money", range=(1000, 800000)),
      "annual_rate": num("Annual interest rate as a percentage, e.g. 5.5 for 5.5%.", kind="percent", range=(1, 15), dec=2),
      "years": integer("Loan term in years.", unit="years", range=(1, 30)),
      "payments_per_year": integer("Number of payments per year.", range=(1, 52), default=12)},
     ["principal", "annual_rate", "years"],
     ["calculate the monthly payment on a {principal} loan at {annual_rate} over {years}[ with {payments_per_year} payments a year]",
      "work out what I'd pay each month for a loan of {principal} with an annual rate of {annual_rate} for {years}",
      "find the repayment amount for borrowing {principal} at {annual_rate} interest over {years}"])
tool("calculate_compound_interest", "finance", "Calculate the compound interest earned on an investment.",
     {"principal": num("The initial amount invested in USD.", kind="money", range=(100, 200000)),
      "rate": num("Annual interest rate as a percentage.", kind="percent", range=(0.5, 12), dec=1),
      "time": integer("Number of years the money is invested.", unit="years", range=(1, 40)),
      "compounds_per_year": integer("How many times interest compounds per year.", range=(1, 365), default=1)},
     ["principal", "rate", "time"],
     ["calculate the compound interest on {principal} at an annual rate of {rate} for {time}[, compounded {compounds_per_year} times a year]",
      "find out how much interest {principal} earns at {rate} compounded over {time}",
      "compute compound interest for an initial deposit of {principal} with {rate} interest over {time}"])
tool("calculate_simple_interest", "finance", "Calculate simple (non-compounding) interest.",
     {"principal": num("The principal amount in USD.", kind="money", range=(100, 100000)),
      "rate": num("Annual interest rate as a percentage.", kind="percent", range=(0.5, 12), dec=1),
      "time": num("Time in years.", unit="years", range=(1, 15), dec=0)},
     ["principal", "rate", "time"],
     ["calculate the simple interest on {principal} at {rate} for {time}",
      "find the simple interest for a principal of {principal}, a rate of {rate} and a term of {time}"])
tool("finance.future_value", "finance", "Calculate the future value of a present amount growing at a fixed annual rate.",
     {"present_value": num("The amount today in USD.", kind="money", range=(500, 500000)),
      "annual_rate": num("Annual growth rate as a percentage.", kind="percent", range=(1, 12), dec=1),
      "years": integer("Number of years.", unit="years", range=(1, 50))},
     ["present_value", "annual_rate", "years"],
     ["calculate the future value of {present_value} growing at {annual_rate} a year for {years}",
      "find what {present_value} will be worth in {years} at {annual_rate} annual growth"])
tool("calculate_roi", "finance", "Calculate the return on investment as a percentage.",
     {"initial_investment": num("The amount invested in USD.", kind="money", range=(500, 1000000)),
      "final_value": num("The value at the end in USD.", kind="money", range=(500, 1500000))},
     ["initial_investment", "final_value"],
     ["calculate the ROI if I invested {initial_investment} and it is now worth {final_value}",
      "find the return on investment for {initial_investment} that grew to {final_value}"])
tool("net_present_value", "finance", "Calculate the net present value of a series of yearly cash flows.",
     {"cash_flows": array("Yearly cash flows in USD, starting with year one.", item("integer", range=(1000, 50000)), n=(3, 6)),
      "discount_rate": num("Discount rate as a percentage.", kind="percent", range=(2, 15), dec=1),
      "initial_investment": num("Up-front cost in USD.", kind="money", range=(5000, 200000))},
     ["cash_flows", "discount_rate"],
     ["calculate the NPV of cash flows {cash_flows} at a discount rate of {discount_rate}[ with an initial investment of {initial_investment}]",
      "find the net present value for yearly cash flows of {cash_flows} discounted at {discount_rate}"])
tool("inflation_adjusted_value", "finance", "Adjust an amount of money for inflation between two years.",
     {"amount": num("The original amount in USD.", kind="money", range=(1, 100000)),
      "start_year": integer("The year of the original amount.", kind="year", range=(1920, 2015)),
      "end_year": integer("The year to express the amount in.", kind="year", range=(2016, 2025)),
      "country": text("Country whose inflation index to use.", kind="country", default="United States")},
     ["amount", "start_year", "end_year"],
     ["adjust {amount} from {start_year} for inflation to {end_year}[ in {country}]",
      "work out what {amount} in {start_year} is worth in {end_year} dollars"])
tool("currency_convert", "finance", "Convert an amount from one currency to another at today's rate.",
     {"amount": num("The amount to convert.", range=(1, 50000), dec=0),
      "from_currency": text("Three-letter code of the source currency.", kind="currency"),
      "to_currency": text("Three-letter code of the target currency.", kind="currency")},
     ["amount", "from_currency", "to_currency"],
     ["convert {amount} {from_currency} to {to_currency}", "change {amount} {from_currency} into {to_currency}",
      "work out what {amount} {from_currency} comes to in {to_currency}"])
tool("calculate_tip", "finance", "Calculate the tip and total for a bill, optionally split between people.",
     {"bill_amount": num("The bill total before tip in USD.", kind="price", range=(8, 600)),
      "tip_percentage": num("Tip as a percentage of the bill.", kind="percent", range=(10, 25), dec=0),
      "split_between": integer("Number of people sharing the bill.", unit="people", range=(1, 12), default=1)},
     ["bill_amount", "tip_percentage"],
     ["calculate a {tip_percentage} tip on a {bill_amount} bill[ split between {split_between}]",
      "work out the tip for {bill_amount} at {tip_percentage}[ and divide it among {split_between}]"])
tool("estimate_income_tax", "finance", "Calculate the federal income tax owed for a year.",
     {"income": num("Annual taxable income in USD.", kind="money", range=(15000, 900000)),
      "filing_status": choice("Tax filing status.", ["single", "married_joint", "married_separate", "head_of_household"]),
      "tax_year": integer("The tax year.", kind="year", range=(2019, 2025), default=2024)},
     ["income", "filing_status"],
     ["estimate the income tax on {income} filing as {filing_status=single:single|married_joint:married filing jointly|married_separate:married filing separately|head_of_household:head of household}[ for {tax_year}]",
      "work out how much federal tax I owe on an income of {income} as a {filing_status} filer"])
tool("retirement.savings_projection", "finance", "Calculate the projected retirement savings from current savings and monthly contributions.",
     {"current_savings": num("Current retirement savings in USD.", kind="money", range=(0, 500000)),
      "monthly_contribution": num("Amount added each month in USD.", kind="money", range=(50, 5000)),
      "annual_return": num("Expected annual return as a percentage.", kind="percent", range=(3, 10), dec=1),
      "years": integer("Years until retirement.", unit="years", range=(5, 45))},
     ["current_savings", "monthly_contribution", "annual_return", "years"],
     ["project my retirement savings starting from {current_savings} with {monthly_contribution} a month at {annual_return} for {years}",
      "estimate what I'll have saved in {years} if I have {current_savings} now, add {monthly_contribution} monthly and earn {annual_return}"])
tool("break_even_point", "finance", "Calculate the break-even number of units a business must sell.",
     {"fixed_costs": num("Total fixed costs in USD.", kind="money", range=(1000, 500000)),
      "price_per_unit": num("Selling price per unit in USD.", kind="price", range=(5, 500)),
      "variable_cost_per_unit": num("Variable cost per unit in USD.", kind="price", range=(1, 200))},
     ["fixed_costs", "price_per_unit", "variable_cost_per_unit"],
     ["calculate the break-even point with fixed costs of {fixed_costs}, a price of {price_per_unit} per unit and a variable cost of {variable_cost_per_unit} per unit",
      "find how many units I need to sell to cover {fixed_costs} in fixed costs if each sells for {price_per_unit} and costs {variable_cost_per_unit} to make"])

# --- banking -------------------------------------------------------------------------------------------

tool("getAccountBalance", "banking", "Get the current balance of a bank account.",
     {"accountId": text("The account identifier.", kind="account_id"),
      "accountType": choice("Type of account.", ["checking", "savings", "credit"], default="checking")},
     ["accountId"],
     ["check the balance of account {accountId}", "get the current balance on my[ {accountType}] account {accountId}",
      "show how much money is in account {accountId}"])
tool("transferFunds", "banking", "Transfer money between two bank accounts.",
     {"fromAccount": text("Source account identifier.", kind="account_id"),
      "toAccount": text("Destination account identifier.", kind="account_id"),
      "amount": num("Amount to transfer in USD.", kind="price", range=(5, 20000)),
      "memo": text("Optional note attached to the transfer.", values=[
          "rent", "dinner last night", "March utilities", "birthday gift", "car repair", "savings top-up",
          "concert tickets", "tuition", "groceries", "loan repayment", "holiday fund", "pet insurance"])},
     ["fromAccount", "toAccount", "amount"],
     ["transfer {amount} from account {fromAccount} to account {toAccount}[ with the memo {memo}]",
      "move {amount} from {fromAccount} into {toAccount}[ for {memo}]",
      "send {amount} to account {toAccount} from my account {fromAccount}"])
tool("listTransactions", "banking", "List the transactions on an account within a date range.",
     {"accountId": text("The account identifier.", kind="account_id"),
      "startDate": text("First day to include, YYYY-MM-DD.", kind="date"),
      "endDate": text("Last day to include, YYYY-MM-DD.", kind="date"),
      "minAmount": num("Only include transactions of at least this amount in USD.", kind="price", range=(10, 2000))},
     ["accountId", "startDate", "endDate"],
     ["list the transactions on account {accountId} between {startDate} and {endDate}[ over {minAmount}]",
      "show what went through {accountId} from {startDate} to {endDate}[, only amounts above {minAmount}]"])
tool("payBill", "banking", "Pay a bill to a registered payee.",
     {"payee": text("Name of the company being paid.", values=[
          "Con Edison", "Comcast", "Verizon", "AT&T", "PG&E", "Duke Energy", "Spectrum", "City Water Department",
          "State Farm", "Geico", "T-Mobile", "National Grid", "Xfinity", "Allstate", "Progressive"]),
      "amount": num("Amount to pay in USD.", kind="price", range=(15, 900)),
      "payDate": text("Date to send the payment, YYYY-MM-DD.", kind="date")},
     ["payee", "amount"],
     ["pay my {payee} bill of {amount}[ on {payDate}]", "send a payment of {amount} to {payee}[ on {payDate}]"])
tool("freezeCard", "banking", "Freeze a payment card so it cannot be used.",
     {"cardId": text("The card identifier.", kind="card_id"),
      "reason": choice("Why the card is being frozen.", ["lost", "stolen", "suspicious_activity", "travel"])},
     ["cardId", "reason"],
     ["freeze card {cardId} because it was {reason=lost:lost|stolen:stolen|suspicious_activity:used suspiciously|travel:going unused while I travel}",
      "block my card {cardId}, reason: {reason}"])
tool("openSavingsAccount", "banking", "Open a new savings account for a customer.",
     {"customerName": text("Full name of the account holder.", kind="person"),
      "initialDeposit": num("Opening deposit in USD.", kind="money", range=(25, 50000)),
      "accountType": choice("Kind of savings account.", ["standard", "high_yield", "money_market", "cd"], default="standard")},
     ["customerName", "initialDeposit"],
     ["open a[ {accountType=standard:standard|high_yield:high-yield|money_market:money market|cd:CD}] savings account for {customerName} with an initial deposit of {initialDeposit}",
      "set up a new savings account in the name of {customerName}, starting with {initialDeposit}"])
tool("schedulePayment", "banking", "Schedule a one-off or recurring payment to a person.",
     {"recipient": text("Name of the person to pay.", kind="person"),
      "amount": num("Amount in USD.", kind="price", range=(5, 5000)),
      "date": text("Date of the (first) payment, YYYY-MM-DD.", kind="date"),
      "recurring": flag("Repeat the payment every month.", yes=["every month", "monthly"], no=["just once", "as a one-off"], default=False)},
     ["recipient", "amount", "date"],
     ["schedule a payment of {amount} to {recipient} on {date}[ {recurring?repeating monthly|as a one-time payment}]",
      "set up {amount} to go to {recipient} starting {date}[, {recurring?every month|only once}]"])
tool("getExchangeRate", "banking", "Get the current exchange rate between two currencies.",
     {"baseCurrency": text("Three-letter code of the base currency.", kind="currency"),
      "targetCurrency": text("Three-letter code of the quote currency.", kind="currency")},
     ["baseCurrency", "targetCurrency"],
     ["get the exchange rate from {baseCurrency} to {targetCurrency}", "look up today's {baseCurrency}/{targetCurrency} rate"])

# --- stocks --------------------------------------------------------------------------------------------

tool("get_stock_price", "stocks", "Get the latest trading price of a stock.",
     {"ticker": text("The stock ticker symbol, e.g. AAPL.", kind="ticker"),
      "exchange": choice("The exchange the stock trades on.", ["NASDAQ", "NYSE", "LSE", "TSE"], default="NASDAQ")},
     ["ticker"],
     ["get the current stock price of {ticker}[ on the {exchange}]", "look up the latest price for {ticker}[ on {exchange}]",
      "check how {ticker} is trading right now"])
tool("get_stock_history", "stocks", "Get historical prices of a stock over a date range.",
     {"ticker": text("The stock ticker symbol.", kind="ticker"),
      "start_date": text("Start of the range, YYYY-MM-DD.", kind="past_date"),
      "end_date": text("End of the range, YYYY-MM-DD.", kind="date"),
      "interval": choice("Spacing of the price points.", ["daily", "weekly", "monthly"], default="daily")},
     ["ticker", "start_date", "end_date"],
     ["get[ {interval}] price history for {ticker} from {start_date} to {end_date}",
      "show how {ticker} traded between {start_date} and {end_date}[ at {interval} intervals]"])
tool("stocks.place_order", "stocks", "Place an order to buy or sell shares of a stock.",
     {"ticker": text("The stock ticker symbol.", kind="ticker"),
      "side": choice("Buy or sell.", ["buy", "sell"]),
      "quantity": integer("Number of shares.", unit="shares", range=(1, 500)),
      "order_type": choice("Market or limit order.", ["market", "limit"], default="market"),
      "limit_price": num("Limit price per share in USD (limit orders only).", kind="price", range=(5, 900))},
     ["ticker", "side", "quantity"],
     ["{side} {quantity} of {ticker}[ with a {order_type} order][ at a limit of {limit_price}]",
      "place an order to {side} {quantity} of {ticker}[ as a {order_type} order][, limit price {limit_price}]"])
tool("get_company_market_cap", "stocks", "Get the market capitalization of a public company.",
     {"company": text("Company name.", kind="company"),
      "currency": text("Currency to report it in.", kind="currency", default="USD")},
     ["company"],
     ["get the market cap of {company}[ in {currency}]", "find out how much {company} is worth on the stock market[ in {currency}]"])
tool("calculate_dividend_yield", "stocks", "Calculate a stock's dividend yield from its annual dividend and share price.",
     {"annual_dividend": num("Annual dividend per share in USD.", kind="price", range=(0.2, 12)),
      "share_price": num("Current share price in USD.", kind="price", range=(10, 600))},
     ["annual_dividend", "share_price"],
     ["calculate the dividend yield for a stock paying {annual_dividend} a year at a share price of {share_price}",
      "find the yield of a {annual_dividend} annual dividend on a {share_price} share"])
tool("portfolio.add_to_watchlist", "stocks", "Add one or more tickers to the user's watchlist.",
     {"tickers": array("Ticker symbols to add.", item("ticker"), n=(1, 4)),
      "watchlist": text("Name of the watchlist.", values=["Tech", "Dividends", "Long term", "Speculative", "Energy", "Main", "Retirement"], default="Main")},
     ["tickers"],
     ["add {tickers} to my[ {watchlist}] watchlist", "start watching {tickers}[ in the {watchlist} list]"])
tool("set_price_alert", "stocks", "Create a price alert that fires when a stock crosses a target price.",
     {"ticker": text("The stock ticker symbol.", kind="ticker"),
      "target_price": num("Price that triggers the alert, in USD.", kind="price", range=(5, 900)),
      "direction": choice("Trigger when the price goes above or below the target.", ["above", "below"])},
     ["ticker", "target_price", "direction"],
     ["send an alert when {ticker} goes {direction} {target_price}", "set a price alert on {ticker} for {direction} {target_price}"])
tool("compare_stocks", "stocks", "Compare several stocks on one financial metric.",
     {"tickers": array("Ticker symbols to compare.", item("ticker"), n=(2, 4)),
      "metric": choice("The metric to compare.", ["pe_ratio", "market_cap", "dividend_yield", "revenue", "eps"])},
     ["tickers", "metric"],
     ["compare {tickers} by {metric=pe_ratio:P/E ratio|market_cap:market cap|dividend_yield:dividend yield|revenue:revenue|eps:earnings per share}",
      "rank {tickers} on {metric}"])

# --- flights -------------------------------------------------------------------------------------------

CABINS = ["economy", "premium_economy", "business", "first"]
CABIN_WORDS = "economy:economy|premium_economy:premium economy|business:business class|first:first class"
tool("search_flights", "flights", "Search for available flights between two airports.",
     {"origin": text("IATA code of the departure airport, e.g. JFK.", kind="airport"),
      "destination": text("IATA code of the arrival airport.", kind="airport"),
      "departure_date": text("Departure date, YYYY-MM-DD.", kind="date"),
      "return_date": text("Return date for a round trip, YYYY-MM-DD.", kind="date"),
      "passengers": integer("Number of passengers.", unit="passengers", range=(1, 6), default=1),
      "cabin_class": choice("Cabin class.", CABINS, default="economy")},
     ["origin", "destination", "departure_date"],
     ["search for flights from {origin} to {destination} on {departure_date}[ returning {return_date}][ for {passengers}][ in {cabin_class=" + CABIN_WORDS + "}]",
      "find[ {cabin_class=" + CABIN_WORDS + "}] flights leaving {origin} for {destination} on {departure_date}[, back on {return_date}]",
      "look for a flight {origin} to {destination} departing {departure_date}[ for {passengers}]"])
tool("findCheapestFlight", "flights", "Find the cheapest flight between two cities in a given month.",
     {"fromCity": text("Departure city.", kind="city"), "toCity": text("Arrival city.", kind="city"),
      "month": text("Month of travel.", kind="month"),
      "nonstopOnly": flag("Only consider nonstop flights.", yes=["nonstop only", "with no layovers"], no=["layovers are fine", "connections allowed"], default=False)},
     ["fromCity", "toCity", "month"],
     ["find the cheapest flight from {fromCity} to {toCity} in {month}[, {nonstopOnly?nonstop only|connections are fine}]",
      "look for the lowest fare from {fromCity} to {toCity} sometime in {month}"])
tool("book_flight", "flights", "Book a seat on a specific flight for a passenger.",
     {"flight_number": text("The flight number, e.g. UA123.", kind="flight_number"),
      "date": text("Date of the flight, YYYY-MM-DD.", kind="date"),
      "passenger_name": text("Full name of the passenger.", kind="person"),
      "seat_preference": choice("Preferred seat.", ["window", "aisle", "middle"], default="window")},
     ["flight_number", "date", "passenger_name"],
     ["book flight {flight_number} on {date} for {passenger_name}[ with a {seat_preference} seat]",
      "reserve a seat for {passenger_name} on {flight_number} on {date}[, {seat_preference} if possible]"])
tool("flights.get_status", "flights", "Get the live status of a flight: on time, delayed, boarding or landed.",
     {"flight_number": text("The flight number.", kind="flight_number"),
      "date": text("Date of the flight, YYYY-MM-DD.", kind="date")},
     ["flight_number"],
     ["check the status of flight {flight_number}[ on {date}]", "find out whether {flight_number} is on time[ on {date}]"])
tool("cancel_flight_booking", "flights", "Cancel a flight booking.",
     {"booking_id": text("The booking reference.", kind="booking_id"),
      "refund_to_original_payment": flag("Refund to the original payment method instead of travel credit.",
                                         yes=["refunded to my card", "with the money back on my card"],
                                         no=["as travel credit", "as a voucher"], default=True)},
     ["booking_id"],
     ["cancel my flight booking {booking_id}[ and {refund_to_original_payment?refund it to my card|take travel credit instead}]",
      "call off reservation {booking_id}"])
tool("flight_check_in", "flights", "Check a passenger in online for a flight.",
     {"booking_id": text("The booking reference.", kind="booking_id"),
      "last_name": text("Passenger's last name.", values=["Smith", "Garcia", "Chen", "Patel", "Okafor", "Müller", "Rossi", "Kim", "Nguyen", "Dubois", "Silva", "Kowalski", "Tanaka", "O'Brien"]),
      "checked_bags": integer("Number of bags to check.", unit="bags", range=(0, 3), default=0)},
     ["booking_id", "last_name"],
     ["check in booking {booking_id} under the name {last_name}[ with {checked_bags}]",
      "do the online check-in for {booking_id}, last name {last_name}"])
tool("get_baggage_allowance", "flights", "Get an airline's baggage allowance for a cabin class.",
     {"airline": text("The airline.", kind="airline"), "cabin_class": choice("Cabin class.", CABINS),
      "international": flag("Whether the flight is international.", yes=["on an international flight"], no=["on a domestic flight"], default=False)},
     ["airline", "cabin_class"],
     ["get the baggage allowance on {airline} in {cabin_class=" + CABIN_WORDS + "}[ {international?for an international flight|for a domestic flight}]",
      "find out how many bags {airline} lets you bring in {cabin_class}"])

# --- hotels --------------------------------------------------------------------------------------------

tool("search_hotels", "hotels", "Search for hotels in a city for given dates.",
     {"location": text("City to search in.", kind="city"),
      "check_in": text("Check-in date, YYYY-MM-DD.", kind="date"),
      "check_out": text("Check-out date, YYYY-MM-DD.", kind="date"),
      "guests": integer("Number of guests.", unit="guests", range=(1, 6), default=2),
      "max_price_per_night": num("Highest nightly price in USD.", kind="price", range=(60, 800), dec=0),
      "min_stars": integer("Minimum star rating.", unit="stars", range=(1, 5))},
     ["location", "check_in", "check_out"],
     ["search for hotels in {location} from {check_in} to {check_out}[ for {guests}][ under {max_price_per_night} a night][ with at least {min_stars}]",
      "find a hotel in {location} checking in {check_in} and out {check_out}[, max {max_price_per_night} per night]",
      "look for places to stay in {location} between {check_in} and {check_out}[ for {guests}]"])
tool("book_hotel", "hotels", "Book a room at a hotel.",
     {"hotel_name": text("Name of the hotel.", kind="hotel"),
      "check_in": text("Check-in date, YYYY-MM-DD.", kind="date"),
      "nights": integer("Number of nights.", unit="nights", range=(1, 14)),
      "room_type": choice("Type of room.", ["single", "double", "twin", "suite"], default="double"),
      "guests": integer("Number of guests.", unit="guests", range=(1, 4), default=1)},
     ["hotel_name", "check_in", "nights"],
     ["book a[ {room_type}] room at {hotel_name} from {check_in} for {nights}[ for {guests}]",
      "reserve {nights} at {hotel_name} starting {check_in}[, {room_type} room]"])
tool("hotel.cancel_reservation", "hotels", "Cancel a hotel reservation.",
     {"reservation_id": text("The reservation number.", kind="reservation_id"),
      "reason": text("Why the stay is cancelled.", values=["change of plans", "found a cheaper option", "flight cancelled", "illness", "work conflict", "weather"])},
     ["reservation_id"],
     ["cancel hotel reservation {reservation_id}[ because of {reason}]", "call off my hotel booking {reservation_id}[, reason: {reason}]"])
tool("get_hotel_reviews", "hotels", "Get guest reviews for a hotel.",
     {"hotel_name": text("Name of the hotel.", kind="hotel"), "city": text("City the hotel is in.", kind="city"),
      "min_rating": integer("Only reviews with at least this many stars.", unit="stars", range=(1, 5)),
      "limit": integer("Maximum reviews to return.", range=(3, 50), default=10)},
     ["hotel_name"],
     ["get reviews for {hotel_name}[ in {city}][ rated {min_rating} or more]", "show what guests say about {hotel_name}[ in {city}][, up to {limit} reviews]"])
tool("hotel.check_availability", "hotels", "Check the room availability of a hotel for given dates.",
     {"hotel_name": text("Name of the hotel.", kind="hotel"), "check_in": text("Check-in date, YYYY-MM-DD.", kind="date"),
      "check_out": text("Check-out date, YYYY-MM-DD.", kind="date"),
      "room_type": choice("Type of room.", ["single", "double", "twin", "suite"])},
     ["hotel_name", "check_in", "check_out"],
     ["check if {hotel_name} has[ a {room_type}] room free from {check_in} to {check_out}",
      "see whether there's availability at {hotel_name} between {check_in} and {check_out}"])

# --- travel and transport ------------------------------------------------------------------------------

MODES = ["driving", "walking", "transit", "cycling"]
tool("get_directions", "travel", "Get turn-by-turn directions between two places.",
     {"origin": text("Starting address or place.", kind="address"), "destination": text("Destination address or place.", kind="address"),
      "mode": choice("Travel mode.", MODES, default="driving"),
      "avoid_tolls": flag("Avoid toll roads.", yes=["avoiding tolls", "no toll roads"], no=["tolls are fine"], default=False)},
     ["origin", "destination"],
     ["get[ {mode}] directions from {origin} to {destination}[, {avoid_tolls?avoiding toll roads|tolls are fine}]",
      "work out how to get from {origin} to {destination}[ by {mode=driving:car|walking:foot|transit:public transit|cycling:bike}]"])
tool("estimate_travel_time", "travel", "Get the estimated travel time between two cities.",
     {"origin": text("Starting city.", kind="city"), "destination": text("Destination city.", kind="city"),
      "mode": choice("Travel mode.", ["driving", "train", "flying", "bus"], default="driving")},
     ["origin", "destination"],
     ["estimate how long it takes to get from {origin} to {destination}[ by {mode=driving:car|train:train|flying:plane|bus:bus}]",
      "work out the travel time between {origin} and {destination}[ {mode}]"])
tool("rent_car", "travel", "Reserve a rental car.",
     {"pickup_location": text("City where the car is collected.", kind="city"),
      "pickup_date": text("Pickup date, YYYY-MM-DD.", kind="date"), "return_date": text("Return date, YYYY-MM-DD.", kind="date"),
      "car_type": choice("Class of car.", ["economy", "compact", "midsize", "suv", "minivan", "luxury"], default="economy"),
      "driver_age": integer("Age of the main driver.", kind="age", range=(21, 80))},
     ["pickup_location", "pickup_date", "return_date"],
     ["rent a[ {car_type}] car in {pickup_location} from {pickup_date} to {return_date}[ for a driver aged {driver_age}]",
      "reserve a rental car picking up in {pickup_location} on {pickup_date} and returning {return_date}"])
tool("travel.visa_requirements", "travel", "Check visa requirements for a citizen travelling to a country.",
     {"citizenship": text("The traveller's country of citizenship.", kind="country"),
      "destination": text("The country being visited.", kind="country"),
      "stay_days": integer("Length of stay in days.", unit="days", range=(1, 180))},
     ["citizenship", "destination"],
     ["check whether a citizen of {citizenship} needs a visa for {destination}[ for a stay of {stay_days}]",
      "look up the visa rules for {citizenship} passport holders visiting {destination}"])
tool("train_schedule", "travel", "Get train departures between two stations on a date.",
     {"from_station": text("Departure city or station.", kind="city"), "to_station": text("Arrival city or station.", kind="city"),
      "date": text("Travel date, YYYY-MM-DD.", kind="date"), "departure_after": text("Earliest departure time, HH:MM.", kind="time")},
     ["from_station", "to_station", "date"],
     ["get the train times from {from_station} to {to_station} on {date}[ leaving after {departure_after}]",
      "find trains between {from_station} and {to_station} on {date}[ after {departure_after}]"])
tool("requestRide", "travel", "Request a ride-hailing car.",
     {"pickupAddress": text("Pickup address.", kind="address"), "dropoffAddress": text("Drop-off address.", kind="address"),
      "rideType": choice("Ride type.", ["standard", "xl", "comfort", "premium", "shared"], default="standard"),
      "passengers": integer("Number of riders.", unit="passengers", range=(1, 6), default=1)},
     ["pickupAddress", "dropoffAddress"],
     ["book a[ {rideType}] ride from {pickupAddress} to {dropoffAddress}[ for {passengers}]",
      "request a car from {pickupAddress} to {dropoffAddress}"])
tool("travel.plan_itinerary", "travel", "Draft a day-by-day itinerary for a trip.",
     {"destination": text("City to visit.", kind="city"), "days": integer("Length of the trip in days.", unit="days", range=(1, 14)),
      "interests": array("Things the traveller enjoys.", item("values", values=["museums", "food", "hiking", "nightlife", "history", "shopping", "beaches", "architecture", "art", "music", "wine", "parks"]), n=(1, 3)),
      "budget": choice("Budget level.", ["budget", "moderate", "luxury"], default="moderate")},
     ["destination", "days"],
     ["plan a trip to {destination} for {days}[ focused on {interests}][ on a {budget} budget]",
      "put together an itinerary for {days} in {destination}[ for someone who likes {interests}]"])
tool("get_traffic_conditions", "travel", "Get current traffic conditions and delays on a route in a city.",
     {"city": text("City to check.", kind="city"), "route": text("Road or highway name.", values=["I-95", "I-5", "Route 66", "the ring road", "M25", "A1", "Highway 101", "I-80", "the bypass", "Interstate 10", "the coastal highway"])},
     ["city"],
     ["check the traffic in {city}[ on {route}]", "see how bad traffic is[ on {route}] around {city} right now"])

# --- weather -------------------------------------------------------------------------------------------

tool("get_current_weather", "weather", "Get the current weather conditions for a location.",
     {"location": text("The city and state, e.g. San Francisco, CA.", kind="us_city"),
      "unit": choice("Temperature unit.", TEMP_UNITS, default="fahrenheit")},
     ["location"],
     ["get the current weather in {location}[ in {unit}]", "find out what the weather is like right now in {location}[, temperatures in {unit}]",
      "check the weather in {location}[ using {unit}]"])
tool("get_weather_forecast", "weather", "Get the daily weather forecast for a city for the coming days.",
     {"city": text("City name.", kind="city"), "days": integer("Number of days to forecast.", unit="days", range=(1, 14), default=3),
      "unit": choice("Temperature unit.", TEMP_UNITS, default="celsius")},
     ["city"],
     ["get the weather forecast for {city}[ for the next {days}][ in {unit}]", "show the forecast for {city} for {days}[ in {unit}]",
      "find out what the weather will be in {city}[ over the next {days}]"])
tool("getHourlyForecast", "weather", "Get an hour-by-hour forecast for a city.",
     {"city": text("City name.", kind="city"), "hours": integer("How many hours ahead.", unit="hours", range=(1, 48), default=12),
      "includePrecipitation": flag("Include precipitation chance.", yes=["with the chance of rain", "including rain chances"], no=["without rain chances"], default=True)},
     ["city"],
     ["get the hourly forecast for {city}[ for the next {hours}][ {includePrecipitation?including the chance of rain|without precipitation}]",
      "show hour-by-hour weather in {city}[ for {hours}]"])
tool("get_air_quality", "weather", "Get the air quality index for a city.",
     {"city": text("City name.", kind="city"), "pollutant": choice("A single pollutant to report.", ["pm2_5", "pm10", "ozone", "no2", "so2", "co"])},
     ["city"],
     ["check the air quality in {city}[, especially {pollutant=pm2_5:PM2.5|pm10:PM10|ozone:ozone|no2:nitrogen dioxide|so2:sulfur dioxide|co:carbon monoxide}]",
      "get the AQI for {city}[ for {pollutant}]"])
tool("weather.uv_index", "weather", "Get the UV index forecast for a city on a date.",
     {"city": text("City name.", kind="city"), "date": text("Date, YYYY-MM-DD.", kind="date")},
     ["city"],
     ["get the UV index in {city}[ on {date}]", "check how strong the sun will be in {city}[ on {date}]"])
tool("get_historical_weather", "weather", "Get the recorded weather for a city on a past date.",
     {"city": text("City name.", kind="city"), "date": text("The past date, YYYY-MM-DD.", kind="past_date"),
      "unit": choice("Temperature unit.", TEMP_UNITS, default="celsius")},
     ["city", "date"],
     ["get the weather recorded in {city} on {date}[ in {unit}]", "look up what the weather was like in {city} on {date}"])
tool("get_sunrise_sunset", "weather", "Get sunrise and sunset times for a city on a date.",
     {"city": text("City name.", kind="city"), "date": text("Date, YYYY-MM-DD.", kind="date")},
     ["city"],
     ["get the sunrise and sunset times in {city}[ on {date}]", "find out when the sun rises and sets in {city}[ on {date}]"])
tool("weather.alerts", "weather", "List active severe weather alerts for a US state.",
     {"state": text("US state name.", kind="us_state"), "severity": choice("Minimum severity.", ["minor", "moderate", "severe", "extreme"], default="moderate")},
     ["state"],
     ["list weather alerts in {state}[ that are at least {severity}]", "check for[ {severity}] weather warnings in {state}"])

# --- geography -----------------------------------------------------------------------------------------

tool("get_country_capital", "geography", "Get the capital city of a country.",
     {"country": text("Name of the country.", kind="country")},
     ["country"],
     ["find the capital of {country}", "look up the capital city of {country}", "look up {country}'s capital"])
tool("get_population", "geography", "Get the population of a country or city, optionally for a past year.",
     {"place": text("Country or city name.", kind="country"), "year": integer("Year of the figure.", kind="year", range=(1950, 2024))},
     ["place"],
     ["get the population of {place}[ in {year}]", "find out how many people lived in {place}[ in {year}]"])
tool("calculate_distance_between_cities", "geography", "Calculate the straight-line distance between two cities.",
     {"city_a": text("First city.", kind="city"), "city_b": text("Second city.", kind="city"),
      "unit": choice("Distance unit.", ["km", "miles"], default="km")},
     ["city_a", "city_b"],
     ["calculate the distance between {city_a} and {city_b}[ in {unit}]", "find how far {city_a} is from {city_b}[ in {unit}]"])
tool("get_timezone", "geography", "Get the time zone and current local time of a city.",
     {"city": text("City name.", kind="city")},
     ["city"],
     ["get the time zone of {city}", "find out what time it is in {city} right now"])
tool("get_elevation", "geography", "Get the elevation above sea level at a latitude and longitude.",
     {"latitude": num("Latitude in decimal degrees.", kind="latitude"), "longitude": num("Longitude in decimal degrees.", kind="longitude"),
      "unit": choice("Unit of the result.", ["meters", "feet"], default="meters")},
     ["latitude", "longitude"],
     ["get the elevation at latitude {latitude}, longitude {longitude}[ in {unit}]", "find the altitude of the point {latitude}, {longitude}"])
tool("geo.country_info", "geography", "Get facts about a country: area, currency, languages, neighbours.",
     {"country": text("Name of the country.", kind="country"),
      "fields": array("Which facts to return.", item("enum", options=["area", "currency", "languages", "neighbors", "population", "calling_code"]), n=(1, 3))},
     ["country"],
     ["get facts about {country}[: {fields}]", "look up {country}[, in particular its {fields}]"])
tool("largest_cities", "geography", "List the largest cities of a country by population.",
     {"country": text("Name of the country.", kind="country"), "limit": integer("How many cities to list.", range=(3, 20), default=5)},
     ["country"],
     ["list the[ {limit}] largest cities in {country}", "show the biggest cities of {country}[, top {limit}]"])
tool("get_river_info", "geography", "Get the length, source and mouth of a river.",
     {"river": text("Name of the river.", kind="river"), "unit": choice("Length unit.", ["km", "miles"], default="km")},
     ["river"],
     ["get information about {river}[ with its length in {unit}]", "find out how long {river} is[ in {unit}]"])
tool("get_mountain_height", "geography", "Get the height of a mountain.",
     {"mountain": text("Name of the mountain.", kind="mountain"), "unit": choice("Height unit.", ["meters", "feet"], default="meters")},
     ["mountain"],
     ["find the height of {mountain}[ in {unit}]", "find out how tall {mountain} is[ in {unit}]"])
tool("find_landmark_location", "geography", "Find the city, country and coordinates of a famous landmark.",
     {"landmark": text("Name of the landmark.", kind="landmark")},
     ["landmark"],
     ["find where {landmark} is", "get the location and coordinates of {landmark}"])

# --- sports --------------------------------------------------------------------------------------------

LEAGUES = ["NBA", "NFL", "MLB", "NHL", "Premier League", "La Liga", "Serie A", "Bundesliga", "MLS"]
tool("get_team_standings", "sports", "Get the league table or standings for a season.",
     {"league": choice("The league.", LEAGUES), "season": integer("Season start year.", kind="year", range=(2000, 2024))},
     ["league"],
     ["get the {league} standings[ for the {season} season]", "show the current {league} table[ for {season}]"])
tool("get_player_stats", "sports", "Get a player's statistics for a season.",
     {"player_name": text("Full name of the player.", kind="player"), "season": integer("Season year.", kind="year", range=(2005, 2024)),
      "stat_type": choice("Which statistics.", ["scoring", "defense", "passing", "all"], default="all")},
     ["player_name"],
     ["get {player_name}'s stats[ for {season}]", "show[ {stat_type}] statistics for {player_name}[ in the {season} season]"])
tool("sports.match_schedule", "sports", "List a team's upcoming matches between two dates.",
     {"team": text("Team name.", kind="team"), "start_date": text("First date, YYYY-MM-DD.", kind="date"),
      "end_date": text("Last date, YYYY-MM-DD.", kind="date"), "home_only": flag("Only home games.", yes=["home games only"], no=["home and away"], default=False)},
     ["team"],
     ["list upcoming matches for {team}[ from {start_date}][ to {end_date}][, {home_only?home games only|home and away}]",
      "show when {team} play next[ between {start_date} and {end_date}]"])
tool("get_match_result", "sports", "Get the final score of a match between two teams on a date.",
     {"home_team": text("Home team.", kind="team"), "away_team": text("Away team.", kind="team"), "date": text("Match date, YYYY-MM-DD.", kind="past_date")},
     ["home_team", "away_team"],
     ["get the result of {home_team} vs {away_team}[ on {date}]", "find the final score when {home_team} hosted {away_team}[ on {date}]"])
tool("league_top_scorers", "sports", "List the top scorers of a league in a season.",
     {"league": choice("The league.", LEAGUES), "season": integer("Season start year.", kind="year", range=(2000, 2024)),
      "limit": integer("How many players.", range=(3, 25), default=10)},
     ["league", "season"],
     ["list the top[ {limit}] scorers in the {league} in {season}", "show who scored the most in {league} during {season}"])
tool("book_tennis_court", "sports", "Book a tennis court at a local club.",
     {"city": text("City of the club.", kind="city"), "date": text("Date, YYYY-MM-DD.", kind="date"), "start_time": text("Start time, HH:MM.", kind="time"),
      "duration_minutes": integer("Length of the booking in minutes.", unit="minutes", range=(30, 120), default=60),
      "indoor": flag("Indoor court.", yes=["indoors", "an indoor court"], no=["outdoors", "an outdoor court"], default=False)},
     ["city", "date", "start_time"],
     ["book a tennis court in {city} on {date} at {start_time}[ for {duration_minutes}][, {indoor?indoor|outdoor}]",
      "reserve a court for tennis in {city} at {start_time} on {date}"])
tool("sports.team_roster", "sports", "Get a team's roster for a season.",
     {"team": text("Team name.", kind="team"), "season": integer("Season year.", kind="year", range=(2005, 2024))},
     ["team"],
     ["get the {team} roster[ for {season}]", "list the players on {team}[ in {season}]"])
tool("compare_players", "sports", "Compare two players on a chosen statistic.",
     {"player_a": text("First player.", kind="player"), "player_b": text("Second player.", kind="player"),
      "metric": choice("Statistic to compare.", ["points", "assists", "goals", "rebounds", "wins", "titles"])},
     ["player_a", "player_b", "metric"],
     ["compare {player_a} and {player_b} on {metric}", "see who has more {metric}, {player_a} or {player_b}"])

# --- music ---------------------------------------------------------------------------------------------

GENRES_MUSIC = ["pop", "rock", "jazz", "classical", "hip_hop", "electronic", "country", "r_and_b", "indie", "metal"]
tool("search_songs", "music", "Search the music catalogue for songs.",
     {"query": text("Song title or words from it.", kind="song"), "artist": text("Restrict to this artist.", kind="artist"),
      "limit": integer("Maximum results.", range=(1, 50), default=10)},
     ["query"],
     ["search for the song {query}[ by {artist}][, top {limit} results]", "find songs called {query}[ by {artist}]"])
tool("play_song", "music", "Play a song on the user's speaker.",
     {"song": text("Song title.", kind="song"), "artist": text("Artist.", kind="artist"),
      "volume": integer("Playback volume from 0 to 100.", unit="%", range=(10, 100)),
      "shuffle": flag("Shuffle after this song.", yes=["on shuffle", "shuffling afterwards"], no=["without shuffle"], default=False)},
     ["song"],
     ["play {song}[ by {artist}][ at {volume} volume]", "put on {song}[ by {artist}][ {shuffle?and shuffle after|without shuffling}]"])
tool("create_playlist", "music", "Create a playlist, optionally with starting songs.",
     {"name": text("Playlist name.", kind="playlist"), "songs": array("Songs to add.", item("song"), n=(1, 4)),
      "public": flag("Make the playlist public.", yes=["public", "shared publicly"], no=["private", "just for me"], default=False)},
     ["name"],
     ["create a[ {public?public|private}] playlist called {name}[ with {songs}]", "make a new playlist named {name}[ and add {songs}]"])
tool("music.add_to_playlist", "music", "Add a song to an existing playlist.",
     {"playlist_name": text("Name of the playlist.", kind="playlist"), "song": text("Song title.", kind="song"), "artist": text("Artist.", kind="artist")},
     ["playlist_name", "song"],
     ["add {song}[ by {artist}] to my {playlist_name} playlist", "put {song} on the playlist {playlist_name}"])
tool("get_artist_info", "music", "Get a biography and discography of a musical artist.",
     {"artist": text("Artist or band name.", kind="artist"), "include_albums": flag("Include the album list.", yes=["with their albums"], no=["without the album list"], default=True)},
     ["artist"],
     ["get information about {artist}[ {include_albums?including their albums|without albums}]", "look up the artist {artist}"])
tool("get_lyrics", "music", "Get the lyrics of a song.",
     {"song": text("Song title.", kind="song"), "artist": text("Artist.", kind="artist")},
     ["song"],
     ["get the lyrics to {song}[ by {artist}]", "show the words of {song}[ by {artist}]"])
tool("find_concerts", "music", "Find upcoming concerts by an artist near a city.",
     {"artist": text("Artist or band.", kind="artist"), "city": text("City to search near.", kind="city"),
      "start_date": text("Earliest date, YYYY-MM-DD.", kind="date"), "radius_miles": integer("Search radius in miles.", unit="miles", range=(10, 300), default=50)},
     ["artist"],
     ["find concerts by {artist}[ near {city}][ after {start_date}][ within {radius_miles}]", "see if {artist} is playing[ in {city}] soon"])
tool("music.top_charts", "music", "Get the current top songs chart for a country and genre.",
     {"country": text("Country.", kind="country"), "genre": choice("Genre.", GENRES_MUSIC), "limit": integer("Chart length.", range=(5, 100), default=20)},
     [],
     ["get the top[ {limit}][ {genre=hip_hop:hip hop|r_and_b:R&B|pop:pop|rock:rock|jazz:jazz|classical:classical|electronic:electronic|country:country|indie:indie|metal:metal}] songs[ in {country}]",
      "show the current music charts[ for {country}][, {genre} only]"])

# --- movies and tv -------------------------------------------------------------------------------------

GENRES_FILM = ["action", "comedy", "drama", "horror", "sci_fi", "romance", "thriller", "animation", "documentary"]
tool("search_movies", "movies", "Search for movies by genre, year and minimum rating.",
     {"genre": choice("Movie genre.", GENRES_FILM), "release_year": integer("Year of release.", kind="year", range=(1950, 2024)),
      "min_rating": num("Minimum average rating out of 10.", range=(5, 9), dec=1)},
     ["genre"],
     ["find {genre=sci_fi:sci-fi|action:action|comedy:comedy|drama:drama|horror:horror|romance:romance|thriller:thriller|animation:animated|documentary:documentary} movies[ from {release_year}][ rated above {min_rating}]",
      "search for {genre} films[ released in {release_year}][ with a rating of at least {min_rating}]"])
tool("get_movie_details", "movies", "Get details of a movie: plot, cast, runtime and ratings.",
     {"title": text("Movie title.", kind="movie"), "year": integer("Release year, to disambiguate.", kind="year", range=(1940, 2024))},
     ["title"],
     ["get details about the movie {title}[ from {year}]", "look up the film {title}"])
tool("find_showtimes", "movies", "Find cinema showtimes for a movie in a city on a date.",
     {"movie": text("Movie title.", kind="movie"), "city": text("City.", kind="city"), "date": text("Date, YYYY-MM-DD.", kind="date"),
      "format": choice("Screening format.", ["standard", "imax", "3d", "dolby"], default="standard")},
     ["movie", "city"],
     ["find showtimes for {movie} in {city}[ on {date}][ in {format=imax:IMAX|3d:3D|dolby:Dolby|standard:a standard format}]",
      "see when {movie} is playing in {city}[ on {date}]"])
tool("book_movie_tickets", "movies", "Book the cinema tickets for a showing.",
     {"movie": text("Movie title.", kind="movie"), "city": text("City.", kind="city"), "date": text("Date, YYYY-MM-DD.", kind="date"),
      "showtime": text("Showtime, HH:MM.", kind="time"), "tickets": integer("Number of tickets.", unit="tickets", range=(1, 8)),
      "seat_type": choice("Seat type.", ["standard", "premium", "recliner"], default="standard")},
     ["movie", "date", "showtime", "tickets"],
     ["book {tickets} for {movie} on {date} at {showtime}[ in {city}][, {seat_type} seats]",
      "buy {tickets} to see {movie} at {showtime} on {date}"])
tool("recommend_movies", "movies", "Recommend movies similar to one the user liked.",
     {"liked_movie": text("A movie the user enjoyed.", kind="movie"), "limit": integer("How many recommendations.", range=(1, 20), default=5),
      "streaming_only": flag("Only titles available to stream.", yes=["that I can stream", "available on streaming"], no=["including ones in cinemas"], default=False)},
     ["liked_movie"],
     ["recommend[ {limit}] movies like {liked_movie}[ {streaming_only?that are streaming now|even if not streaming}]",
      "suggest films similar to {liked_movie}"])
tool("movies.get_cast", "movies", "Get the cast list of a movie.",
     {"title": text("Movie title.", kind="movie"), "limit": integer("How many cast members.", range=(3, 30), default=10)},
     ["title"],
     ["get the cast of {title}[, top {limit} actors]", "list who starred in {title}"])
tool("tv.episode_guide", "movies", "Get the episode list of a TV show's season.",
     {"show": text("TV show title.", values=["Breaking Bad", "The Office", "Friends", "Stranger Things", "The Crown", "Succession", "The Wire", "Game of Thrones", "Ted Lasso", "The Bear", "Severance", "Fleabag", "Seinfeld", "The Sopranos", "Mad Men", "Better Call Saul", "Dark", "Shogun"]),
      "season": integer("Season number.", range=(1, 8))},
     ["show", "season"],
     ["get the episode guide for season {season} of {show}", "list the episodes in {show} season {season}"])
tool("get_director_filmography", "movies", "List the films directed by a person.",
     {"director": text("Director's name.", kind="celebrity"), "since_year": integer("Only films from this year on.", kind="year", range=(1970, 2020))},
     ["director"],
     ["list the films directed by {director}[ since {since_year}]", "show {director}'s filmography[ from {since_year} on]"])

# --- cooking -------------------------------------------------------------------------------------------

DIETS = ["none", "vegetarian", "vegan", "gluten_free", "keto", "paleo", "dairy_free"]
CUISINES = ["italian", "mexican", "japanese", "indian", "thai", "french", "chinese", "greek", "korean", "american"]
tool("find_recipe", "cooking", "Find recipes that use the given ingredients.",
     {"ingredients": array("Ingredients to use.", item("ingredient"), n=(1, 4)),
      "diet": choice("Dietary restriction.", DIETS, default="none"),
      "max_time_minutes": integer("Maximum total cooking time in minutes.", unit="minutes", range=(10, 120))},
     ["ingredients"],
     ["find a[ {diet=none:|vegetarian:vegetarian|vegan:vegan|gluten_free:gluten-free|keto:keto|paleo:paleo|dairy_free:dairy-free}] recipe using {ingredients}[ that takes under {max_time_minutes}]",
      "suggest something to cook with {ingredients}[ in {max_time_minutes} or less]"])
tool("recipe.search", "cooking", "Search recipes by dish name and cuisine.",
     {"dish": text("Dish name.", kind="dish"), "cuisine": choice("Cuisine.", CUISINES),
      "vegetarian": flag("Vegetarian versions only.", yes=["vegetarian", "meat-free"], no=["with meat"], default=False),
      "servings": integer("Number of servings.", unit="servings", range=(1, 12))},
     ["dish"],
     ["find a[ {vegetarian?vegetarian|meat-based}] recipe for {dish}[ in {cuisine} style][ that serves {servings}]",
      "look up how to make {dish}[ for {servings}]"])
tool("get_nutrition_info", "cooking", "Get calories and macronutrients for an amount of a food.",
     {"food": text("The food.", kind="ingredient"), "quantity_grams": num("Amount in grams.", unit=["grams", "g"], range=(10, 800), dec=0)},
     ["food"],
     ["get the nutrition facts for[ {quantity_grams} of] {food}", "look up how many calories are in[ {quantity_grams} of] {food}"])
tool("convert_cooking_units", "cooking", "Convert a cooking measurement between units.",
     {"quantity": num("Amount to convert.", range=(0.25, 10), dec=2),
      "from_unit": choice("Unit to convert from.", ["cups", "tablespoons", "teaspoons", "grams", "milliliters", "ounces"]),
      "to_unit": choice("Unit to convert to.", ["cups", "tablespoons", "teaspoons", "grams", "milliliters", "ounces"]),
      "ingredient": text("Ingredient, for weight/volume conversions.", kind="ingredient")},
     ["quantity", "from_unit", "to_unit"],
     ["convert {quantity} {from_unit}[ of {ingredient}] to {to_unit}", "work out how many {to_unit} make {quantity} {from_unit}[ of {ingredient}]"])
tool("scale_recipe", "cooking", "Scale a recipe's ingredient amounts to a new number of servings.",
     {"recipe_name": text("Name of the recipe.", kind="dish"), "original_servings": integer("Servings the recipe makes.", unit="servings", range=(1, 8)),
      "target_servings": integer("Servings wanted.", unit="servings", range=(2, 30))},
     ["recipe_name", "original_servings", "target_servings"],
     ["scale my {recipe_name} recipe from {original_servings} to {target_servings}", "adjust the {recipe_name} recipe that makes {original_servings} so it makes {target_servings}"])
tool("plan_weekly_meals", "cooking", "Create a meal plan for a number of days within a calorie target.",
     {"days": integer("Number of days.", unit="days", range=(1, 14), default=7), "calories_per_day": integer("Daily calorie target.", unit="calories", range=(1200, 3500)),
      "diet": choice("Dietary restriction.", DIETS, default="none")},
     ["calories_per_day"],
     ["plan meals[ for {days}] at {calories_per_day} a day[ on a {diet} diet]", "make a[ {diet}] meal plan with {calories_per_day} daily[ for {days}]"])
tool("suggest_wine_pairing", "cooking", "Suggest wines that pair well with a dish.",
     {"dish": text("The dish being served.", kind="dish"), "max_price": num("Highest bottle price in USD.", kind="price", range=(10, 150), dec=0)},
     ["dish"],
     ["suggest a wine to go with {dish}[ under {max_price}]", "recommend a wine pairing for {dish}"])
tool("find_ingredient_substitute", "cooking", "Suggest a substitute for an ingredient.",
     {"ingredient": text("The ingredient to replace.", kind="ingredient"),
      "reason": choice("Why it must be replaced.", ["allergy", "vegan", "unavailable", "healthier"], default="unavailable")},
     ["ingredient"],
     ["find a substitute for {ingredient}[ because of {reason=allergy:an allergy|vegan:a vegan diet|unavailable:not having any|healthier:wanting something healthier}]",
      "suggest what I can use instead of {ingredient}"])

# --- restaurants ---------------------------------------------------------------------------------------

tool("find_restaurants", "restaurants", "Find restaurants near a location.",
     {"location": text("City or neighbourhood.", kind="city"), "cuisine": choice("Cuisine.", CUISINES),
      "price_range": choice("Price range.", ["$", "$$", "$$$", "$$$$"]),
      "open_now": flag("Only places open now.", yes=["open right now", "that are open now"], no=["open or not"], default=False)},
     ["location"],
     ["find[ {cuisine}] restaurants in {location}[ {open_now?that are open now|whether or not they're open}]",
      "look for places to eat in {location}[ serving {cuisine} food]"])
tool("book_restaurant_table", "restaurants", "Reserve a table at a restaurant.",
     {"restaurant": text("Restaurant name.", kind="restaurant"), "date": text("Date, YYYY-MM-DD.", kind="date"),
      "time": text("Time, HH:MM.", kind="time"), "party_size": integer("Number of people.", unit="people", range=(1, 12)),
      "special_requests": text("Notes for the restaurant.", values=["window seat", "high chair needed", "birthday celebration", "quiet table", "wheelchair access", "outdoor seating", "nut allergy"])},
     ["restaurant", "date", "time", "party_size"],
     ["book a table for {party_size} at {restaurant} on {date} at {time}[, {special_requests}]",
      "reserve {restaurant} for {party_size} at {time} on {date}"])
tool("order_food_delivery", "restaurants", "Place a food delivery order with a restaurant.",
     {"restaurant": text("Restaurant name.", kind="restaurant"), "items": array("Dishes to order.", item("dish"), n=(1, 3)),
      "delivery_address": text("Delivery address.", kind="address"), "tip": num("Driver tip in USD.", kind="price", range=(2, 20))},
     ["restaurant", "items", "delivery_address"],
     ["order {items} from {restaurant} delivered to {delivery_address}[ with a {tip} tip]",
      "get {items} delivered from {restaurant} to {delivery_address}"])

# --- health and fitness --------------------------------------------------------------------------------

tool("calculate_bmi", "health", "Calculate body mass index from weight and height.",
     {"weight_kg": num("Body weight in kilograms.", unit=["kg", "kilograms"], range=(40, 150), dec=0),
      "height_cm": num("Height in centimeters.", unit=["cm", "centimeters"], range=(145, 205), dec=0)},
     ["weight_kg", "height_cm"],
     ["calculate the BMI for someone who weighs {weight_kg} and is {height_cm} tall", "work out my body mass index at {weight_kg} and {height_cm}"])
tool("calories_burned", "health", "Calculate the calories burned during an activity.",
     {"activity": choice("The activity.", ["running", "cycling", "swimming", "walking", "yoga", "rowing", "hiking"]),
      "duration_minutes": integer("Duration in minutes.", unit="minutes", range=(10, 180)),
      "weight_kg": num("Body weight in kilograms.", unit="kg", range=(45, 130), dec=0)},
     ["activity", "duration_minutes"],
     ["estimate the calories burned {activity} for {duration_minutes}[ at {weight_kg}]", "work out the calories I burn doing {duration_minutes} of {activity}[ at a weight of {weight_kg}]"])
tool("daily_calorie_needs", "health", "Calculate the daily calorie needs of a person from age, sex, size and activity level.",
     {"age": integer("Age in years.", kind="age", range=(16, 85)), "sex": choice("Biological sex.", ["male", "female"]),
      "weight_kg": num("Weight in kg.", unit="kg", range=(45, 140), dec=0), "height_cm": num("Height in cm.", unit="cm", range=(150, 200), dec=0),
      "activity_level": choice("Activity level.", ["sedentary", "light", "moderate", "active", "very_active"], default="moderate")},
     ["age", "sex", "weight_kg", "height_cm"],
     ["estimate daily calories for a {age}-year-old {sex} who weighs {weight_kg} and is {height_cm} tall[ with a {activity_level} lifestyle]",
      "work out how many calories a {sex} aged {age}, {height_cm} and {weight_kg}, needs each day"])
tool("heart_rate_zones", "health", "Calculate training heart-rate zones.",
     {"age": integer("Age in years.", kind="age", range=(16, 80)), "resting_heart_rate": integer("Resting heart rate in bpm.", unit="bpm", range=(45, 90))},
     ["age"],
     ["calculate my heart rate zones at age {age}[ with a resting heart rate of {resting_heart_rate}]", "work out training zones for a {age}-year-old"])
tool("find_doctor", "health", "Find doctors of a specialty near a city.",
     {"specialty": choice("Medical specialty.", ["general_practice", "cardiology", "dermatology", "pediatrics", "orthopedics", "neurology", "psychiatry", "dentistry"]),
      "city": text("City.", kind="us_city"), "insurance": text("Insurance provider the doctor must accept.", values=["Aetna", "Cigna", "Blue Cross", "UnitedHealthcare", "Kaiser", "Humana", "Medicare"])},
     ["specialty", "city"],
     ["find a {specialty=general_practice:family doctor|cardiology:cardiologist|dermatology:dermatologist|pediatrics:pediatrician|orthopedics:orthopedist|neurology:neurologist|psychiatry:psychiatrist|dentistry:dentist} in {city}[ who takes {insurance}]",
      "look for {specialty} doctors near {city}[ accepting {insurance}]"])
tool("book_medical_appointment", "health", "Book an appointment with a doctor.",
     {"doctor_name": text("The doctor's name.", kind="person"), "date": text("Date, YYYY-MM-DD.", kind="date"),
      "time": text("Time, HH:MM.", kind="time"), "reason": text("Reason for the visit.", kind="symptom")},
     ["doctor_name", "date", "time"],
     ["book an appointment with Dr. {doctor_name} on {date} at {time}[ for {reason}]", "schedule a visit to {doctor_name} at {time} on {date}[ about {reason}]"])
tool("get_medication_info", "health", "Get dosage, side effects or interactions for a medication.",
     {"medication": text("Medication name.", kind="medication"), "info_type": choice("What to look up.", ["dosage", "side_effects", "interactions", "warnings"], default="dosage")},
     ["medication"],
     ["look up the {info_type=dosage:dosage|side_effects:side effects|interactions:drug interactions|warnings:warnings} for {medication}", "get information on {medication}"])
tool("check_drug_interactions", "health", "Check a list of medications for interactions with each other.",
     {"medications": array("Medications to check together.", item("medication"), n=(2, 4))},
     ["medications"],
     ["check for interactions between {medications}", "see if it's safe to take {medications} together"])
tool("log_water_intake", "health", "Log an amount of water drunk.",
     {"amount_ml": integer("Amount in milliliters.", unit=["ml", "milliliters"], range=(100, 1500)), "time": text("Time drunk, HH:MM.", kind="time")},
     ["amount_ml"],
     ["log {amount_ml} of water[ at {time}]", "record that I drank {amount_ml} of water[ at {time}]"])
tool("symptom_checker", "health", "Suggest possible causes for a set of symptoms.",
     {"symptoms": array("Symptoms.", item("symptom"), n=(1, 3)), "age": integer("Patient age.", kind="age", range=(2, 90)),
      "duration_days": integer("How long the symptoms have lasted.", unit="days", range=(1, 30))},
     ["symptoms"],
     ["check what could cause {symptoms}[ in a {age}-year-old][ lasting {duration_days}]", "look into possible causes of {symptoms}[ that started {duration_days} ago]"])

# --- calendar ------------------------------------------------------------------------------------------

tool("create_calendar_event", "calendar", "Create an event on the user's calendar.",
     {"title": text("Event title.", kind="meeting"), "date": text("Date, YYYY-MM-DD.", kind="date"),
      "start_time": text("Start time, HH:MM (24h).", kind="time"), "duration_minutes": integer("Length in minutes.", unit="minutes", range=(15, 240), default=60),
      "attendees": array("Email addresses to invite.", item("email"), n=(1, 3)),
      "location": text("Where it takes place.", values=["Room 4B", "the main conference room", "Zoom", "Google Meet", "the cafeteria", "HQ lobby", "Building 2, floor 3", "the library", "Microsoft Teams"])},
     ["title", "date", "start_time"],
     ["create an event called {title} on {date} at {start_time}[ lasting {duration_minutes}][ with {attendees}][ in {location}]",
      "put {title} on my calendar for {date} at {start_time}[ for {duration_minutes}][ at {location}]",
      "schedule {title} on {date} starting {start_time}[ and invite {attendees}]"])
tool("list_calendar_events", "calendar", "List calendar events between two dates.",
     {"start_date": text("First date, YYYY-MM-DD.", kind="date"), "end_date": text("Last date, YYYY-MM-DD.", kind="date"),
      "calendar": choice("Which calendar.", ["work", "personal", "family", "all"], default="all")},
     ["start_date", "end_date"],
     ["list my[ {calendar}] events from {start_date} to {end_date}", "show what's on my[ {calendar}] calendar between {start_date} and {end_date}"])
tool("delete_calendar_event", "calendar", "Delete an event from the calendar.",
     {"event_id": text("The event identifier.", kind="event_id"),
      "notify_attendees": flag("Send a cancellation to attendees.", yes=["and let the attendees know", "notifying everyone"], no=["without notifying anyone", "quietly"], default=True)},
     ["event_id"],
     ["delete event {event_id}[ {notify_attendees?and notify the attendees|without notifying anyone}]", "remove {event_id} from my calendar"])
tool("calendar.reschedule_event", "calendar", "Move an existing event to a new date and time.",
     {"event_id": text("The event identifier.", kind="event_id"), "new_date": text("New date, YYYY-MM-DD.", kind="date"),
      "new_start_time": text("New start time, HH:MM.", kind="time")},
     ["event_id", "new_date"],
     ["move event {event_id} to {new_date}[ at {new_start_time}]", "reschedule {event_id} for {new_date}[ starting {new_start_time}]"])
tool("find_free_slots", "calendar", "Find the free time slots shared by all attendees on a date.",
     {"attendees": array("Email addresses of the people to check.", item("email"), n=(2, 4)),
      "date": text("Date, YYYY-MM-DD.", kind="date"), "duration_minutes": integer("Meeting length in minutes.", unit="minutes", range=(15, 120), default=30)},
     ["attendees", "date"],
     ["find a free[ {duration_minutes}] slot on {date} for {attendees}", "check when {attendees} are all available on {date}[ for {duration_minutes}]"])
tool("set_reminder", "calendar", "Set a reminder with a message at a date and time.",
     {"message": text("What to be reminded about.", kind="message"), "remind_at": text("When, YYYY-MM-DDTHH:MM.", kind="datetime"),
      "repeat": choice("Repeat schedule.", ["none", "daily", "weekly", "monthly"], default="none")},
     ["message", "remind_at"],
     ["set a reminder at {remind_at} that says {message}[, repeating {repeat}]", "add a reminder for {remind_at}: \"{message}\"[ (repeat {repeat})]"])
tool("add_event_attendee", "calendar", "Add another person to an existing event as an attendee.",
     {"event_id": text("The event identifier.", kind="event_id"), "email": text("Email of the person to invite.", kind="email"),
      "optional": flag("Mark attendance as optional.", yes=["as optional"], no=["as required"], default=False)},
     ["event_id", "email"],
     ["invite {email} to event {event_id}[ {optional?as an optional attendee|as a required attendee}]", "add {email} to {event_id}"])
tool("get_public_holidays", "calendar", "List the public holidays of a country in a year.",
     {"country": text("Country.", kind="country"), "year": integer("Year.", kind="year", range=(2020, 2027))},
     ["country"],
     ["list the public holidays in {country}[ for {year}]", "show the bank holidays of {country}[ in {year}]"])

# --- email and messaging -------------------------------------------------------------------------------

tool("send_email", "messaging", "Send an email.",
     {"to": text("Recipient email address.", kind="email"), "subject": text("Subject line.", kind="email_subject"),
      "body": text("Body text.", kind="message"), "cc": array("Addresses to copy.", item("email"), n=(1, 2)),
      "high_priority": flag("Mark as high priority.", yes=["marked urgent", "as high priority"], no=["at normal priority"], default=False)},
     ["to", "subject", "body"],
     ["send an email to {to} with the subject \"{subject}\" saying \"{body}\"[, cc {cc}][ {high_priority?marked urgent|at normal priority}]",
      "email {to} about {subject}: \"{body}\"[ and copy {cc}]",
      "write to {to} with subject {subject} and the message {body}"])
tool("email.create_draft", "messaging", "Save an email as a draft without sending it.",
     {"to": text("Recipient email address.", kind="email"), "subject": text("Subject line.", kind="email_subject"), "body": text("Body text.", kind="message")},
     ["to", "subject"],
     ["draft an email to {to} titled \"{subject}\"[ that says \"{body}\"]", "save a draft for {to} with subject {subject}"])
tool("search_inbox", "messaging", "Search the user's email inbox.",
     {"sender": text("Only emails from this address.", kind="email"), "keywords": text("Words to search for.", kind="email_subject"),
      "unread_only": flag("Only unread emails.", yes=["unread only", "that I haven't read"], no=["read or unread"], default=False),
      "after": text("Only emails after this date, YYYY-MM-DD.", kind="date")},
     [],
     ["search my inbox[ for emails from {sender}][ about {keywords}][ {unread_only?that are unread|including read ones}][ since {after}]",
      "find emails[ mentioning {keywords}][ sent by {sender}][ after {after}]"])
tool("sendSlackMessage", "messaging", "Post a message to a Slack channel.",
     {"channel": text("Channel name without the #.", kind="channel"), "text": text("Message text.", kind="message"),
      "notifyChannel": flag("Notify everyone in the channel.", yes=["with an @channel ping", "notifying everyone"], no=["without pinging anyone"], default=False)},
     ["channel", "text"],
     ["post \"{text}\" in the #{channel} Slack channel[ {notifyChannel?and ping everyone|without notifying anyone}]",
      "send a Slack message to #{channel} saying {text}"])
tool("send_sms", "messaging", "Send a text message to a phone number.",
     {"phone_number": text("Recipient phone number.", kind="phone"), "message": text("Message text.", kind="message")},
     ["phone_number", "message"],
     ["text {phone_number} saying \"{message}\"", "send an SMS to {phone_number}: {message}"])
tool("schedule_email", "messaging", "Schedule an email to be sent later.",
     {"to": text("Recipient email address.", kind="email"), "subject": text("Subject line.", kind="email_subject"),
      "body": text("Body text.", kind="message"), "send_at": text("When to send, YYYY-MM-DDTHH:MM.", kind="datetime")},
     ["to", "subject", "body", "send_at"],
     ["schedule an email to {to} for {send_at} with subject \"{subject}\" and body \"{body}\"",
      "send {to} an email at {send_at} titled {subject} saying {body}"])
tool("messaging.get_unread", "messaging", "Get unread messages from a messaging app.",
     {"platform": choice("Messaging app.", ["slack", "teams", "whatsapp", "telegram", "signal"]), "limit": integer("Maximum messages.", range=(1, 50), default=10)},
     ["platform"],
     ["get my unread {platform} messages[, up to {limit}]", "show the latest[ {limit}] unread messages on {platform}"])
tool("archive_old_emails", "messaging", "Move emails older than a number of days from a folder into the archive.",
     {"older_than_days": integer("Archive emails older than this many days.", unit="days", range=(7, 730)),
      "folder": choice("Folder to clean up.", ["inbox", "sent", "promotions", "updates", "social"], default="inbox")},
     ["older_than_days"],
     ["archive emails older than {older_than_days}[ in {folder}]", "clean up my[ {folder}] folder by archiving everything over {older_than_days} old"])

# --- e-commerce ----------------------------------------------------------------------------------------

tool("search_products", "shopping", "Search an online store's products.",
     {"query": text("What to search for.", kind="product"), "max_price": num("Highest price in USD.", kind="price", range=(10, 2000), dec=0),
      "category": choice("Department.", ["electronics", "home", "sports", "fashion", "kitchen", "toys", "books", "beauty"]),
      "sort_by": choice("Sort order.", ["relevance", "price_low_to_high", "price_high_to_low", "rating", "newest"], default="relevance")},
     ["query"],
     ["search for {query}[ under {max_price}][ in {category}][ sorted by {sort_by=relevance:relevance|price_low_to_high:lowest price|price_high_to_low:highest price|rating:rating|newest:newest}]",
      "find {query} for sale[ for less than {max_price}]", "look for {query} in the store[ in the {category} department]"])
tool("add_to_cart", "shopping", "Add a product to the shopping cart.",
     {"product_id": text("Product identifier.", kind="product_id"), "quantity": integer("How many.", range=(1, 10), default=1)},
     ["product_id"],
     ["add[ {quantity} of] product {product_id} to my cart", "put {product_id} in the cart[, quantity {quantity}]"])
tool("place_order", "shopping", "Check out the current cart and place the order.",
     {"shipping_address": text("Delivery address.", kind="address"),
      "payment_method": choice("How to pay.", ["credit_card", "paypal", "apple_pay", "gift_card"], default="credit_card"),
      "express_shipping": flag("Use express shipping.", yes=["with express shipping", "shipped express"], no=["with standard shipping"], default=False)},
     ["shipping_address"],
     ["place my order to be shipped to {shipping_address}[, paying with {payment_method=credit_card:my credit card|paypal:PayPal|apple_pay:Apple Pay|gift_card:a gift card}][ {express_shipping?with express delivery|with standard delivery}]",
      "check out and send everything to {shipping_address}"])
tool("track_order", "shopping", "Get the shipping status of an order.",
     {"order_id": text("The order number.", kind="order_id")},
     ["order_id"],
     ["track order {order_id}", "check where my order {order_id} is", "get the delivery status of {order_id}"])
tool("return_item", "shopping", "Start a return for an item from an order.",
     {"order_id": text("The order number.", kind="order_id"), "product_id": text("The item to return.", kind="product_id"),
      "reason": choice("Reason for the return.", ["damaged", "wrong_item", "no_longer_needed", "too_small", "too_large", "defective"])},
     ["order_id", "product_id", "reason"],
     ["return {product_id} from order {order_id} because it's {reason=damaged:damaged|wrong_item:the wrong item|no_longer_needed:not needed anymore|too_small:too small|too_large:too large|defective:defective}",
      "start a return on order {order_id} for item {product_id}, reason: {reason}"])
tool("apply_coupon", "shopping", "Apply a discount code to an order.",
     {"coupon_code": text("The discount code.", kind="coupon"), "order_id": text("The order number.", kind="order_id")},
     ["coupon_code"],
     ["apply the coupon {coupon_code}[ to order {order_id}]", "use discount code {coupon_code}[ on {order_id}]"])
tool("get_product_reviews", "shopping", "Get customer reviews of a product.",
     {"product_id": text("Product identifier.", kind="product_id"), "min_rating": integer("Only reviews with at least this many stars.", unit="stars", range=(1, 5)),
      "limit": integer("Maximum reviews.", range=(3, 50), default=10)},
     ["product_id"],
     ["get reviews for product {product_id}[ with {min_rating} or more][, up to {limit}]", "show what customers think of {product_id}"])
tool("compare_prices", "shopping", "Compare a product's price across retailers.",
     {"product": text("Product name.", kind="product"),
      "retailers": array("Stores to compare.", item("values", values=["Amazon", "Walmart", "Target", "Best Buy", "eBay", "Costco", "Home Depot", "IKEA"]), n=(2, 4))},
     ["product"],
     ["compare prices for {product}[ at {retailers}]", "find where {product} is cheapest[ among {retailers}]"])
tool("shop.check_stock", "shopping", "Check the stock of a product at nearby stores.",
     {"sku": text("Product SKU.", kind="sku"), "zip_code": text("ZIP code to search near.", kind="zip"),
      "radius_miles": integer("Search radius in miles.", unit="miles", range=(5, 100), default=25)},
     ["sku", "zip_code"],
     ["check if {sku} is in stock near {zip_code}[ within {radius_miles}]", "see which stores around {zip_code} have {sku}"])

# --- real estate ---------------------------------------------------------------------------------------

tool("search_properties", "real_estate", "Search homes for sale.",
     {"city": text("City and state.", kind="us_city"), "min_price": num("Lowest price in USD.", kind="money", range=(100000, 600000)),
      "max_price": num("Highest price in USD.", kind="money", range=(300000, 3000000)), "bedrooms": integer("Minimum bedrooms.", unit="bedrooms", range=(1, 6)),
      "property_type": choice("Type of property.", ["house", "condo", "townhouse", "apartment", "land"], default="house")},
     ["city"],
     ["search for[ {property_type=house:houses|condo:condos|townhouse:townhouses|apartment:apartments|land:land}] for sale in {city}[ with at least {bedrooms}][ between {min_price}][ and {max_price}]",
      "find homes in {city}[ under {max_price}][ with {bedrooms}]"])
tool("estimate_home_value", "real_estate", "Estimate the market value of a home.",
     {"address": text("Street address.", kind="address"), "zip_code": text("ZIP code.", kind="zip")},
     ["address", "zip_code"],
     ["estimate the value of the home at {address}, {zip_code}", "find out what {address} in {zip_code} is worth"])
tool("realestate.mortgage_affordability", "real_estate", "Estimate the most expensive home a buyer can afford.",
     {"annual_income": num("Gross yearly income in USD.", kind="money", range=(30000, 500000)),
      "monthly_debts": num("Monthly debt payments in USD.", kind="money", range=(0, 4000)),
      "down_payment": num("Cash for the down payment in USD.", kind="money", range=(5000, 300000)),
      "interest_rate": num("Mortgage rate as a percentage.", kind="percent", range=(3, 9), dec=2)},
     ["annual_income", "down_payment"],
     ["estimate how much house I can afford earning {annual_income} a year with {down_payment} down[ and {monthly_debts} in monthly debts][ at {interest_rate}]",
      "work out my home buying budget on an income of {annual_income} with a {down_payment} down payment"])
tool("estimate_rent", "real_estate", "Estimate the monthly rent for a rental in a city.",
     {"city": text("City.", kind="city"), "bedrooms": integer("Number of bedrooms.", unit="bedrooms", range=(0, 5)),
      "square_feet": integer("Floor area in square feet.", unit=["square feet", "sq ft"], range=(300, 3000))},
     ["city", "bedrooms"],
     ["estimate the rent for a {bedrooms} place in {city}[ of {square_feet}]", "find typical rent in {city} for {bedrooms}"])
tool("schedule_property_viewing", "real_estate", "Book a viewing of a listed property.",
     {"listing_id": text("The listing identifier.", kind="listing_id"), "date": text("Date, YYYY-MM-DD.", kind="date"),
      "time": text("Time, HH:MM.", kind="time"), "contact_name": text("Name of the person attending.", kind="person")},
     ["listing_id", "date", "time"],
     ["schedule a viewing of listing {listing_id} on {date} at {time}[ for {contact_name}]", "book a tour of {listing_id} at {time} on {date}"])
tool("calculate_property_tax", "real_estate", "Calculate the yearly property tax on a home.",
     {"assessed_value": num("Assessed value in USD.", kind="money", range=(80000, 2000000)),
      "tax_rate": num("Tax rate as a percentage of assessed value.", kind="percent", range=(0.3, 3), dec=2),
      "exemption": num("Exemption amount in USD.", kind="money", range=(5000, 100000))},
     ["assessed_value", "tax_rate"],
     ["calculate the property tax on a home assessed at {assessed_value} with a rate of {tax_rate}[ and a {exemption} exemption]",
      "work out yearly property taxes for {assessed_value} at {tax_rate}"])
tool("get_neighborhood_info", "real_estate", "Get a score for a neighbourhood on schools, safety, walkability or transit.",
     {"city": text("City and state.", kind="us_city"), "metric": choice("What to rate.", ["schools", "safety", "walkability", "transit", "noise"])},
     ["city", "metric"],
     ["rate the {metric} in {city}", "get the {metric} score for {city}"])
tool("calculate_closing_costs", "real_estate", "Estimate the closing costs of buying a home.",
     {"home_price": num("Purchase price in USD.", kind="money", range=(100000, 2000000)), "state": text("US state.", kind="us_state"),
      "loan_type": choice("Mortgage type.", ["conventional", "fha", "va", "jumbo", "cash"], default="conventional")},
     ["home_price", "state"],
     ["estimate closing costs on a {home_price} home in {state}[ with a {loan_type=conventional:conventional|fha:FHA|va:VA|jumbo:jumbo|cash:cash} loan]",
      "work out the closing costs for buying at {home_price} in {state}"])

# --- education -----------------------------------------------------------------------------------------

LEVELS = ["beginner", "intermediate", "advanced"]
tool("search_courses", "education", "Search online and campus courses by subject.",
     {"subject": text("Subject area.", kind="subject"), "level": choice("Course level.", LEVELS),
      "online_only": flag("Only online courses.", yes=["online only", "that I can take online"], no=["in person or online"], default=False),
      "max_price": num("Highest fee in USD.", kind="price", range=(0, 2000), dec=0)},
     ["subject"],
     ["find[ {level}] {subject} courses[ {online_only?that are online|in person or online}][ costing under {max_price}]",
      "search for courses on {subject}[ at {level} level]"])
tool("enroll_in_course", "education", "Enroll a student in a course for a term.",
     {"student_id": text("Student identifier.", kind="student_id"), "course": text("Course name.", kind="course"),
      "term": choice("Academic term.", ["fall", "spring", "summer", "winter"])},
     ["student_id", "course", "term"],
     ["enroll student {student_id} in {course} for the {term} term", "sign {student_id} up for {course} this {term}"])
tool("calculate_gpa", "education", "Calculate a grade point average from letter grades and credit hours.",
     {"courses": array("One entry per course: its letter grade and credit hours.", {
         "type": "object",
         "properties": {"grade": {"type": "string", "enum": ["A", "A-", "B+", "B", "B-", "C+", "C", "D", "F"]},
                        "credits": {"type": "integer", HINT_RANGE: [1, 5]}},
         "required": ["grade", "credits"]}, n=(2, 4)),
      "scale": choice("GPA scale.", ["4.0", "5.0"], default="4.0")},
     ["courses"],
     ["calculate my GPA for these courses: {courses}[ on a {scale} scale]",
      "work out the grade point average of {courses}"])
tool("generate_quiz", "education", "Generate a multiple-choice quiz on a topic.",
     {"topic": text("Quiz topic.", kind="topic"), "num_questions": integer("Number of questions.", unit="questions", range=(3, 30), default=10),
      "difficulty": choice("Difficulty.", ["easy", "medium", "hard"], default="medium")},
     ["topic"],
     ["make a[ {difficulty}] quiz about {topic}[ with {num_questions}]", "generate {num_questions} on {topic}"])
tool("dictionary.define", "education", "Look up the definition of a word.",
     {"word": text("The word.", kind="word"), "language": text("Dictionary language.", kind="language", default="English")},
     ["word"],
     ["define the word {word}", "look up what {word} means[ in {language}]", "get the dictionary definition of {word}"])
tool("translate_text", "education", "Translate text into another language.",
     {"text": text("The text to translate.", kind="sentence"), "target_language": text("Language to translate into.", kind="language"),
      "source_language": text("Language of the text, if known.", kind="language")},
     ["text", "target_language"],
     ["translate \"{text}\" into {target_language}[ from {source_language}]", "say \"{text}\" in {target_language}", "translate {text} to {target_language}"])
tool("get_synonyms", "education", "List synonyms of a word.",
     {"word": text("The word.", kind="word"), "limit": integer("Maximum synonyms.", range=(3, 20), default=5)},
     ["word"],
     ["find synonyms for {word}[, up to {limit}]", "suggest[ {limit}] other words for {word}"])
tool("education.find_tutor", "education", "Find private tutors for a subject in a city.",
     {"subject": text("Subject.", kind="subject"), "city": text("City.", kind="city"),
      "max_hourly_rate": num("Highest hourly rate in USD.", kind="price", range=(15, 150), dec=0)},
     ["subject"],
     ["find a {subject} tutor[ in {city}][ charging at most {max_hourly_rate} an hour]", "look for tutoring in {subject}[ near {city}]"])
tool("get_exam_schedule", "education", "Get the exam dates of a course in a term.",
     {"course": text("Course name.", kind="course"), "term": choice("Academic term.", ["fall", "spring", "summer", "winter"])},
     ["course"],
     ["get the exam schedule for {course}[ in the {term} term]", "find when the {course} exams are[ this {term}]"])

# --- history -------------------------------------------------------------------------------------------

tool("get_historical_event_date", "history", "Get the date of a historical event.",
     {"event": text("The event.", kind="historical_event")},
     ["event"],
     ["find out when {event} happened", "get the date of {event}", "look up the year of {event}"])
tool("get_biography", "history", "Get a short biography of a historical figure.",
     {"person": text("Name of the person.", kind="historical_figure"),
      "length": choice("Biography length.", ["short", "medium", "detailed"], default="short")},
     ["person"],
     ["get a[ {length}] biography of {person}", "summarize the life story of {person}"])
tool("history.get_rulers", "history", "List the rulers of a country between two years.",
     {"country": text("Country.", kind="country"), "start_year": integer("First year.", kind="year", range=(800, 1900)),
      "end_year": integer("Last year.", kind="year", range=(1500, 2024))},
     ["country", "start_year", "end_year"],
     ["list the rulers of {country} from {start_year} to {end_year}", "name who governed {country} between {start_year} and {end_year}"])
tool("history.events_in_year", "history", "List notable events of a year, optionally in one region.",
     {"year": integer("The year.", kind="year", range=(1000, 2020)),
      "region": choice("Region.", ["world", "europe", "asia", "africa", "americas", "oceania"], default="world")},
     ["year"],
     ["list notable events from {year}[ in {region}]", "find out what happened in {year}[ across {region}]"])
tool("get_war_details", "history", "Get details of a war or major conflict.",
     {"conflict": text("The war or conflict.", kind="historical_event"),
      "detail": choice("Which detail.", ["casualties", "participants", "outcome", "causes", "timeline"], default="outcome")},
     ["conflict"],
     ["get the {detail} of {conflict}", "look up information about {conflict}[, mainly the {detail}]"])
tool("invention_info", "history", "Get the inventor and invention date of an invention.",
     {"invention": text("The invention.", values=["telephone", "light bulb", "printing press", "steam engine", "airplane", "radio", "television",
                                                  "penicillin", "World Wide Web", "transistor", "telescope", "compass", "vaccine", "camera", "typewriter", "refrigerator", "bicycle", "microwave oven"])},
     ["invention"],
     ["find out who invented the {invention}", "look up when the {invention} was invented"])
tool("history.timeline", "history", "Build a timeline of events on a topic between two years.",
     {"topic": text("Topic.", kind="topic"), "start_year": integer("First year.", kind="year", range=(1400, 1950)),
      "end_year": integer("Last year.", kind="year", range=(1800, 2024))},
     ["topic", "start_year", "end_year"],
     ["make a timeline of {topic} from {start_year} to {end_year}", "build a history of {topic} between {start_year} and {end_year}"])

# --- law -----------------------------------------------------------------------------------------------

tool("search_case_law", "law", "Search court decisions on a legal topic.",
     {"topic": text("Legal topic.", kind="legal_topic"), "jurisdiction": choice("Jurisdiction.", ["federal", "state", "supreme_court", "uk", "eu"], default="federal"),
      "year_from": integer("Only cases decided in or after this year.", kind="year", range=(1950, 2023))},
     ["topic"],
     ["search case law on {topic}[ in {jurisdiction=federal:federal courts|state:state courts|supreme_court:the Supreme Court|uk:UK courts|eu:EU courts}][ since {year_from}]",
      "find court rulings about {topic}[ from {year_from} on]"])
tool("get_case_details", "law", "Get the summary, holding and citation of a court case.",
     {"case_name": text("Name of the case.", kind="case_name"), "include_full_text": flag("Include the full opinion.", yes=["with the full opinion"], no=["summary only"], default=False)},
     ["case_name"],
     ["get the details of {case_name}[ {include_full_text?including the full opinion|as a summary}]", "summarize the case {case_name}"])
tool("lookup_statute", "law", "Look up the text of a statute by its citation.",
     {"citation": text("Statute citation.", values=["18 U.S.C. 1030", "42 U.S.C. 1983", "15 U.S.C. 78j", "17 U.S.C. 107", "29 U.S.C. 201",
                                                   "26 U.S.C. 501", "47 U.S.C. 230", "35 U.S.C. 101", "8 U.S.C. 1101", "11 U.S.C. 362"]),
      "version_date": text("Version in force on this date, YYYY-MM-DD.", kind="past_date")},
     ["citation"],
     ["look up the statute {citation}[ as of {version_date}]", "get the text of {citation}"])
tool("statute_of_limitations", "law", "Calculate the filing deadline for a claim under a state's statute of limitations.",
     {"claim_type": choice("Type of claim.", ["personal_injury", "breach_of_contract", "property_damage", "medical_malpractice", "defamation", "fraud"]),
      "state": text("US state.", kind="us_state"), "incident_date": text("Date of the incident, YYYY-MM-DD.", kind="past_date")},
     ["claim_type", "state", "incident_date"],
     ["calculate the deadline to file a {claim_type=personal_injury:personal injury|breach_of_contract:breach of contract|property_damage:property damage|medical_malpractice:medical malpractice|defamation:defamation|fraud:fraud} claim in {state} for an incident on {incident_date}",
      "work out the statute of limitations in {state} for {claim_type} from {incident_date}"])
tool("find_lawyer", "law", "Find lawyers of a practice area in a city.",
     {"practice_area": choice("Practice area.", ["family", "criminal", "immigration", "employment", "real_estate", "tax", "personal_injury", "business"]),
      "city": text("City and state.", kind="us_city"), "max_hourly_rate": num("Highest hourly rate in USD.", kind="price", range=(100, 800), dec=0)},
     ["practice_area", "city"],
     ["find a {practice_area=family:family|criminal:criminal defense|immigration:immigration|employment:employment|real_estate:real estate|tax:tax|personal_injury:personal injury|business:business} lawyer in {city}[ charging under {max_hourly_rate} an hour]",
      "look for {practice_area} attorneys near {city}"])
tool("legal.court_schedule", "law", "Get the hearing schedule of a court on a date.",
     {"court": text("Court name.", values=["Southern District of New York", "Northern District of California", "Cook County Circuit Court", "Los Angeles Superior Court",
                                          "Ninth Circuit Court of Appeals", "Harris County District Court", "District of Columbia Superior Court", "Miami-Dade County Court"]),
      "date": text("Date, YYYY-MM-DD.", kind="date")},
     ["court", "date"],
     ["get the hearing schedule of the {court} on {date}", "show which cases are on the docket at the {court} on {date}"])
tool("legal.file_small_claim", "law", "Prepare a small claims court filing.",
     {"plaintiff": text("Name of the person filing.", kind="person"), "defendant": text("Name of the person or business sued.", kind="person"),
      "amount": num("Amount claimed in USD.", kind="money", range=(100, 12000)), "state": text("US state.", kind="us_state")},
     ["plaintiff", "defendant", "amount", "state"],
     ["file a small claim for {amount} by {plaintiff} against {defendant} in {state}", "prepare a small claims case: {plaintiff} suing {defendant} for {amount} in {state}"])

# --- biology -------------------------------------------------------------------------------------------

tool("dna_complement", "biology", "Get the complementary strand of a DNA sequence.",
     {"sequence": text("DNA sequence of A, C, G and T.", kind="dna"),
      "reverse": flag("Return the reverse complement.", yes=["reversed", "as the reverse complement"], no=["not reversed"], default=False)},
     ["sequence"],
     ["get the[ {reverse?reverse|plain}] complement of the DNA sequence {sequence}", "find the complementary strand for {sequence}"])
tool("calculate_gc_content", "biology", "Calculate the GC content of a DNA sequence as a percentage.",
     {"sequence": text("DNA sequence.", kind="dna")},
     ["sequence"],
     ["calculate the GC content of {sequence}", "find what percentage of {sequence} is G or C"])
tool("translate_dna_to_protein", "biology", "Translate a DNA coding sequence into an amino-acid sequence.",
     {"sequence": text("DNA coding sequence.", kind="dna"), "reading_frame": integer("Reading frame (1-3).", range=(1, 3), default=1)},
     ["sequence"],
     ["translate the DNA {sequence} into protein[ using reading frame {reading_frame}]", "get the amino acid sequence encoded by {sequence}"])
tool("get_species_info", "biology", "Get facts about a species.",
     {"species": text("Common or scientific name.", kind="species"),
      "info_type": choice("What to return.", ["habitat", "diet", "lifespan", "conservation_status", "taxonomy"], default="habitat")},
     ["species"],
     ["get the {info_type=habitat:habitat|diet:diet|lifespan:lifespan|conservation_status:conservation status|taxonomy:taxonomy} of the {species}",
      "look up the {species}[ and its {info_type}]"])
tool("bio.population_growth", "biology", "Project a population under exponential growth.",
     {"initial_population": integer("Starting population.", range=(10, 100000)), "growth_rate": num("Yearly growth rate as a percentage.", kind="percent", range=(0.5, 40), dec=1),
      "years": integer("Number of years.", unit="years", range=(1, 100))},
     ["initial_population", "growth_rate", "years"],
     ["project a population of {initial_population} growing at {growth_rate} a year for {years}",
      "estimate how big a population of {initial_population} gets after {years} at a {growth_rate} growth rate"])
tool("gene_lookup", "biology", "Look up the function of a gene in an organism.",
     {"gene": text("Gene symbol.", kind="gene"), "organism": text("Organism.", kind="species", default="Homo sapiens")},
     ["gene"],
     ["look up the gene {gene}[ in {organism}]", "find out what {gene} does[ in {organism}]"])
tool("bacteria_doubling_time", "biology", "Calculate the doubling time of a population from its growth rate.",
     {"growth_rate": num("Growth rate per hour as a percentage.", kind="percent", range=(1, 100), dec=1)},
     ["growth_rate"],
     ["calculate the doubling time for a growth rate of {growth_rate} per hour", "find how fast a culture growing {growth_rate} an hour doubles"])
tool("protein_molecular_weight", "biology", "Calculate the molecular weight of a protein sequence.",
     {"sequence": text("Amino-acid sequence in one-letter codes.", kind="protein")},
     ["sequence"],
     ["calculate the molecular weight of the protein {sequence}", "find the mass of the peptide {sequence}"])

# --- astronomy -----------------------------------------------------------------------------------------

tool("get_planet_info", "astronomy", "Get a physical property of a planet.",
     {"planet": text("Planet name.", kind="planet"),
      "property": choice("Which property.", ["mass", "radius", "moons", "orbital_period", "surface_temperature", "gravity"], default="mass")},
     ["planet"],
     ["get the {property=mass:mass|radius:radius|moons:number of moons|orbital_period:orbital period|surface_temperature:surface temperature|gravity:surface gravity} of {planet}",
      "look up facts about {planet}"])
tool("astro.distance_between_planets", "astronomy", "Get the current distance between two planets.",
     {"planet_a": text("First planet.", kind="planet"), "planet_b": text("Second planet.", kind="planet"),
      "unit": choice("Distance unit.", ["km", "au", "miles", "light_minutes"], default="km")},
     ["planet_a", "planet_b"],
     ["get the distance between {planet_a} and {planet_b}[ in {unit=km:kilometers|au:AU|miles:miles|light_minutes:light minutes}]",
      "find how far {planet_a} is from {planet_b} right now"])
tool("next_solar_eclipse", "astronomy", "Find the next solar eclipse visible from a location.",
     {"location": text("City.", kind="city"), "after_date": text("Search after this date, YYYY-MM-DD.", kind="date"),
      "include_partial": flag("Include partial eclipses.", yes=["including partial ones"], no=["total eclipses only"], default=True)},
     ["location"],
     ["find the next solar eclipse visible from {location}[ after {after_date}][, {include_partial?partial ones included|total only}]",
      "find out when {location} will next see a solar eclipse"])
tool("get_moon_phase", "astronomy", "Get the phase of the moon on a date.",
     {"date": text("Date, YYYY-MM-DD.", kind="date")},
     ["date"],
     ["get the moon phase on {date}", "find out what the moon will look like on {date}"])
tool("get_star_info", "astronomy", "Get facts about a star or other deep-sky object.",
     {"name": text("Name of the object.", kind="sky_object")},
     ["name"],
     ["get information about {name}", "look up facts on {name}"])
tool("light_travel_time", "astronomy", "Calculate the travel time of light over a distance.",
     {"distance_km": num("Distance in kilometers.", unit=["km", "kilometers"], range=(1000, 5000000000), dec=0)},
     ["distance_km"],
     ["calculate how long light takes to travel {distance_km}", "find the light travel time over {distance_km}"])
tool("get_iss_position", "astronomy", "Get the current position of the International Space Station.",
     {"include_crew": flag("Also list the crew on board.", yes=["and who is on board", "with the crew list"], no=["without the crew"], default=False)},
     [],
     ["get the current position of the ISS[ {include_crew?and list the crew|without the crew}]", "find where the space station is right now"])
tool("constellation_visibility", "astronomy", "Check the visibility of a constellation from a city in a month.",
     {"constellation": text("Constellation.", kind="constellation"), "city": text("Observer's city.", kind="city"), "month": text("Month.", kind="month")},
     ["constellation", "city"],
     ["check whether {constellation} is visible from {city}[ in {month}]", "find the best time to see {constellation} from {city}[ in {month}]"])
tool("calculate_escape_velocity", "astronomy", "Calculate the escape velocity of a body from its mass and radius in Earth units.",
     {"mass_earths": num("Mass in Earth masses.", range=(0.05, 300), dec=2), "radius_earths": num("Radius in Earth radii.", range=(0.2, 12), dec=2)},
     ["mass_earths", "radius_earths"],
     ["calculate the escape velocity of a planet with {mass_earths} Earth masses and {radius_earths} Earth radii",
      "find escape velocity for mass {mass_earths} and radius {radius_earths} in Earth units"])

# --- unit conversion -----------------------------------------------------------------------------------

LENGTHS = ["millimeters", "centimeters", "meters", "kilometers", "inches", "feet", "yards", "miles"]
tool("convert_length", "units", "Convert a length between units.",
     {"value": num("The length to convert.", range=(0.5, 5000), dec=1), "from_unit": choice("Unit of the value.", LENGTHS), "to_unit": choice("Unit to convert to.", LENGTHS)},
     ["value", "from_unit", "to_unit"],
     ["convert {value} {from_unit} to {to_unit}", "work out {value} {from_unit} in {to_unit}", "change {value} {from_unit} into {to_unit}"])
tool("convert_temperature", "units", "Convert a temperature between Celsius, Fahrenheit and Kelvin.",
     {"value": num("The temperature.", range=(-40, 250), dec=0), "from_unit": choice("Scale of the value.", ["celsius", "fahrenheit", "kelvin"]),
      "to_unit": choice("Scale to convert to.", ["celsius", "fahrenheit", "kelvin"])},
     ["value", "from_unit", "to_unit"],
     ["convert {value} degrees {from_unit} to {to_unit}", "turn {value} degrees {from_unit} into {to_unit}"])
WEIGHTS = ["milligrams", "grams", "kilograms", "ounces", "pounds", "stones", "tons"]
tool("convert_weight", "units", "Convert a weight or mass between units.",
     {"value": num("The weight to convert.", range=(0.5, 2000), dec=1), "from_unit": choice("Unit of the value.", WEIGHTS), "to_unit": choice("Unit to convert to.", WEIGHTS)},
     ["value", "from_unit", "to_unit"],
     ["convert {value} {from_unit} to {to_unit}", "work out how many {to_unit} are in {value} {from_unit}"])
VOLUMES = ["milliliters", "liters", "cups", "pints", "quarts", "gallons", "fluid_ounces"]
VOL_WORDS = "fluid_ounces:fluid ounces|milliliters:milliliters|liters:liters|cups:cups|pints:pints|quarts:quarts|gallons:gallons"
tool("units.convert_volume", "units", "Convert a volume between units.",
     {"value": num("The volume to convert.", range=(0.25, 500), dec=2), "from_unit": choice("Unit of the value.", VOLUMES), "to_unit": choice("Unit to convert to.", VOLUMES)},
     ["value", "from_unit", "to_unit"],
     ["convert {value} {from_unit=" + VOL_WORDS + "} to {to_unit=" + VOL_WORDS + "}", "change {value} {from_unit=" + VOL_WORDS + "} into {to_unit=" + VOL_WORDS + "}"])
SPEEDS = ["kmh", "mph", "m_s", "knots"]
SPEED_WORDS = "kmh:km/h|mph:mph|m_s:meters per second|knots:knots"
tool("units.convert_speed", "units", "Convert a speed between units.",
     {"value": num("The speed to convert.", range=(1, 300), dec=0), "from_unit": choice("Unit of the value.", SPEEDS), "to_unit": choice("Unit to convert to.", SPEEDS)},
     ["value", "from_unit", "to_unit"],
     ["convert {value} {from_unit=" + SPEED_WORDS + "} to {to_unit=" + SPEED_WORDS + "}", "express {value} {from_unit=" + SPEED_WORDS + "} in {to_unit=" + SPEED_WORDS + "}"])
DATA_UNITS = ["B", "KB", "MB", "GB", "TB"]
tool("convert_data_size", "units", "Convert a data size between bytes, kilobytes, megabytes, gigabytes and terabytes.",
     {"value": num("The size to convert.", range=(1, 100000), dec=0), "from_unit": choice("Unit of the value.", DATA_UNITS), "to_unit": choice("Unit to convert to.", DATA_UNITS),
      "binary": flag("Use 1024-based units instead of 1000-based.", yes=["using binary units", "with 1024 as the base"], no=["using decimal units"], default=False)},
     ["value", "from_unit", "to_unit"],
     ["convert {value} {from_unit} to {to_unit}[ {binary?using 1024-based units|using 1000-based units}]", "work out how many {to_unit} {value} {from_unit} is"])
tool("convert_time_zone", "units", "Convert a time from one time zone to another.",
     {"time": text("Time to convert, HH:MM.", kind="time"), "from_timezone": text("IANA time zone of the time.", kind="timezone"),
      "to_timezone": text("IANA time zone to convert to.", kind="timezone"), "date": text("Date, for daylight saving, YYYY-MM-DD.", kind="date")},
     ["time", "from_timezone", "to_timezone"],
     ["convert {time} {from_timezone} to {to_timezone}[ on {date}]", "work out what {time} in {from_timezone} is in {to_timezone}"])
AREAS = ["square_meters", "square_feet", "acres", "hectares", "square_kilometers", "square_miles"]
AREA_WORDS = "square_meters:square meters|square_feet:square feet|acres:acres|hectares:hectares|square_kilometers:square kilometers|square_miles:square miles"
tool("convert_area", "units", "Convert an area between units.",
     {"value": num("The area to convert.", range=(1, 10000), dec=0), "from_unit": choice("Unit of the value.", AREAS), "to_unit": choice("Unit to convert to.", AREAS)},
     ["value", "from_unit", "to_unit"],
     ["convert {value} {from_unit=" + AREA_WORDS + "} to {to_unit=" + AREA_WORDS + "}", "express an area of {value} {from_unit=" + AREA_WORDS + "} in {to_unit=" + AREA_WORDS + "}"])

# --- files and system ----------------------------------------------------------------------------------

tool("list_directory", "files", "List the files in a directory.",
     {"path": text("Directory path.", kind="dir_path"),
      "show_hidden": flag("Include hidden files.", yes=["including hidden files", "hidden files too"], no=["without hidden files"], default=False),
      "sort_by": choice("Sort order.", ["name", "size", "modified"], default="name")},
     ["path"],
     ["list the files in {path}[ {show_hidden?including hidden ones|excluding hidden ones}][ sorted by {sort_by}]", "show what's inside {path}"])
tool("read_file", "files", "Read the contents of a text file.",
     {"path": text("File path.", kind="file_path"), "encoding": choice("Text encoding.", ["utf-8", "latin-1", "ascii", "utf-16"], default="utf-8"),
      "max_lines": integer("Read at most this many lines.", unit="lines", range=(5, 500))},
     ["path"],
     ["read the file {path}[ as {encoding}]", "show the first {max_lines} of {path}", "open {path} and show its contents[, {max_lines} at most]"])
tool("write_file", "files", "Write text to a file, replacing or appending.",
     {"path": text("File path.", kind="file_path"), "content": text("Text to write.", kind="message"),
      "append": flag("Append instead of overwriting.", yes=["appending to the end", "at the end of the file"], no=["overwriting it", "replacing what's there"], default=False)},
     ["path", "content"],
     ["write \"{content}\" to {path}[, {append?appending to the end|overwriting it}]", "save the text {content} in the file {path}"])
tool("delete_file", "files", "Delete a file.",
     {"path": text("File path.", kind="file_path"),
      "permanent": flag("Skip the trash and delete permanently.", yes=["permanently", "for good"], no=["to the trash"], default=False)},
     ["path"],
     ["delete {path}[ {permanent?permanently|by moving it to the trash}]", "remove the file {path}"])
tool("move_file", "files", "Move a file to another directory.",
     {"source": text("Path of the file to move.", kind="file_path"), "destination": text("Directory to move it into.", kind="dir_path"),
      "overwrite": flag("Replace a file with the same name.", yes=["replacing any existing file"], no=["without overwriting anything"], default=False)},
     ["source", "destination"],
     ["move {source} into {destination}[ {overwrite?and overwrite if needed|without overwriting}]", "relocate the file {source} to {destination}"])
tool("get_disk_usage", "files", "Report the disk space used under a directory.",
     {"path": text("Directory path.", kind="dir_path"), "human_readable": flag("Show sizes like 1.2G.", yes=["in human-readable units"], no=["in raw bytes"], default=True),
      "max_depth": integer("How many directory levels deep to report.", range=(0, 5), default=1)},
     ["path"],
     ["check how much disk space {path} uses[ {human_readable?in human-readable sizes|in bytes}][ down to depth {max_depth}]", "get the disk usage of {path}"])
tool("compress_files", "files", "Compress files into an archive.",
     {"files": array("Paths of the files to include.", item("file_path"), n=(1, 3)), "archive_name": text("Name of the archive to create.", kind="filename"),
      "format": choice("Archive format.", ["zip", "tar.gz", "7z"], default="zip")},
     ["files", "archive_name"],
     ["compress {files} into {archive_name}[ as {format}]", "zip up {files} into an archive called {archive_name}"])
tool("search_files", "files", "Search for files whose names match a pattern.",
     {"directory": text("Directory to search.", kind="dir_path"), "pattern": text("Glob pattern, e.g. *.pdf.", values=["*.pdf", "*.csv", "*.jpg", "*.py", "report*", "*.log", "*2024*", "*.docx", "invoice_*", "*.json", "*.mp4", "*backup*"]),
      "modified_after": text("Only files modified after this date, YYYY-MM-DD.", kind="past_date")},
     ["directory", "pattern"],
     ["search {directory} for files matching {pattern}[ changed after {modified_after}]", "find all {pattern} files in {directory}"])
tool("os.list_processes", "system", "List running processes.",
     {"sort_by": choice("Sort order.", ["cpu", "memory", "name", "pid"], default="cpu"), "limit": integer("How many processes.", range=(5, 50), default=10),
      "user": text("Only processes of this user.", kind="username")},
     [],
     ["list the running processes[ sorted by {sort_by}][, top {limit}][ for user {user}]", "show what's running on this machine[ ordered by {sort_by}]"])
tool("kill_process", "system", "Terminate a process by its PID.",
     {"pid": integer("Process ID.", range=(100, 65000)),
      "force": flag("Send SIGKILL instead of SIGTERM.", yes=["forcefully", "with SIGKILL"], no=["gracefully"], default=False)},
     ["pid"],
     ["kill process {pid}[ {force?forcefully|gracefully}]", "terminate the process with PID {pid}"])
tool("system.get_resource_usage", "system", "Report CPU, memory and disk usage of the machine.",
     {"resource": choice("Which resource.", ["cpu", "memory", "disk", "network", "all"], default="all"),
      "interval_seconds": integer("Sampling interval in seconds.", unit="seconds", range=(1, 60), default=5)},
     [],
     ["check the[ {resource=cpu:CPU|memory:memory|disk:disk|network:network|all:overall}] usage on this machine[ sampled every {interval_seconds}]",
      "show how busy the system is[ in terms of {resource}]"])

# --- developer tools and web APIs ----------------------------------------------------------------------

tool("github.create_issue", "devtools", "Open an issue in a GitHub repository.",
     {"repo": text("Repository as owner/name.", kind="repo"), "title": text("Issue title.", kind="issue_title"),
      "body": text("Issue description.", kind="message"),
      "labels": array("Labels to apply.", item("values", values=["bug", "enhancement", "documentation", "good first issue", "help wanted", "performance", "security", "ui"]), n=(1, 3))},
     ["repo", "title"],
     ["open an issue in {repo} titled \"{title}\"[ with the labels {labels}][ saying \"{body}\"]", "file a GitHub issue on {repo}: {title}[, labels {labels}]"])
tool("github.list_pull_requests", "devtools", "List pull requests of a GitHub repository.",
     {"repo": text("Repository as owner/name.", kind="repo"), "state": choice("PR state.", ["open", "closed", "merged", "all"], default="open"),
      "author": text("Only PRs by this GitHub user.", kind="username")},
     ["repo"],
     ["list[ {state}] pull requests in {repo}[ by {author}]", "show the PRs on {repo}[ that are {state}][ from {author}]"])
tool("run_tests", "devtools", "Run a project's test suite.",
     {"path": text("Test directory or file.", kind="dir_path"), "verbose": flag("Verbose output.", yes=["verbosely", "with verbose output"], no=["quietly"], default=False),
      "workers": integer("Parallel worker processes.", unit="workers", range=(1, 16), default=1)},
     ["path"],
     ["run the tests in {path}[ {verbose?with verbose output|quietly}][ using {workers}]", "execute the test suite under {path}"])
tool("deploy_service", "devtools", "Deploy a version of a service to an environment.",
     {"service": text("Service name.", values=["checkout-api", "user-service", "web-frontend", "billing-worker", "search-indexer", "notifications", "auth-gateway", "reporting"]),
      "environment": choice("Target environment.", ["development", "staging", "production"]),
      "version": text("Version to deploy, e.g. 1.4.2.", values=[f"{a}.{b}.{c}" for a in range(1, 4) for b in range(0, 12, 3) for c in (0, 1, 4, 7)]),
      "dry_run": flag("Only show what would change.", yes=["as a dry run", "without actually deploying"], no=["for real"], default=False)},
     ["service", "environment"],
     ["deploy {service}[ version {version}] to {environment}[ {dry_run?as a dry run|for real}]", "ship {service} to {environment}[ at {version}]"])
tool("http_request", "devtools", "Send an HTTP request and return the response.",
     {"url": text("The URL.", kind="url"), "method": choice("HTTP method.", ["GET", "POST", "PUT", "PATCH", "DELETE"], default="GET"),
      "headers": obj("Request headers.", {"Authorization": text("Auth header value.", values=["Bearer abc123", "Bearer token-42", "Basic dXNlcjpwYXNz"]),
                                          "Content-Type": choice("Body type.", ["application/json", "text/plain"])}),
      "body": obj("JSON body to send.", {"name": text("A name.", kind="person"), "quantity": integer("A quantity.", range=(1, 20)), "active": flag("A flag.")}),
      "timeout_seconds": integer("Timeout in seconds.", unit="seconds", range=(1, 60), default=30)},
     ["url"],
     ["send a[ {method}] request to {url}[ with headers {headers}][ and body {body}]", "call {url}[ using {method}][ with a timeout of {timeout_seconds}]"])
tool("dns_lookup", "devtools", "Look up DNS records for a domain.",
     {"domain": text("Domain name.", kind="domain"), "record_type": choice("Record type.", ["A", "AAAA", "MX", "TXT", "CNAME", "NS"], default="A")},
     ["domain"],
     ["look up the[ {record_type}] DNS records for {domain}", "run a DNS query on {domain}[ for {record_type} records]"])
tool("run_sql_query", "devtools", "Run a read-only SQL query against a database.",
     {"database": text("Database name.", values=["analytics", "orders", "users_prod", "inventory", "crm", "warehouse", "billing"]),
      "query": text("The SQL query.", values=["SELECT * FROM users LIMIT 10", "SELECT COUNT(*) FROM orders WHERE status = 'shipped' AND total > 100",
                                              "SELECT name, email FROM customers WHERE country = 'Canada' ORDER BY name", "SELECT product_id, SUM(quantity) FROM sales GROUP BY product_id",
                                              "SELECT * FROM events WHERE created_at > '2024-01-01' LIMIT 50", "SELECT AVG(total) FROM invoices"]),
      "max_rows": integer("Maximum rows to return.", range=(10, 1000), default=100)},
     ["database", "query"],
     ["run the query {query} on the {database} database[ returning at most {max_rows} rows]", "execute \"{query}\" against {database}"])
tool("git.create_branch", "devtools", "Create a git branch in a repository.",
     {"repo": text("Repository as owner/name.", kind="repo"), "branch": text("Name of the new branch.", kind="branch"),
      "from_branch": text("Branch to start from.", values=["main", "develop", "release/2.0", "staging", "master"], default="main")},
     ["repo", "branch"],
     ["create a branch called {branch} in {repo}[ off {from_branch}]", "make a new branch {branch} on {repo}[ from {from_branch}]"])
tool("get_commit_log", "devtools", "Get recent commits on a branch.",
     {"repo": text("Repository as owner/name.", kind="repo"), "branch": text("Branch name.", values=["main", "develop", "master", "staging", "release/2.0"], default="main"),
      "limit": integer("How many commits.", unit="commits", range=(5, 100), default=20), "author": text("Only commits by this user.", kind="username")},
     ["repo"],
     ["show the last[ {limit}] commits on {repo}[ {branch}][ by {author}]", "get the commit history of {repo}[ on {branch}]"])
tool("check_website_status", "devtools", "Check the status and response time of a website.",
     {"url": text("URL to check.", kind="url"), "timeout_seconds": integer("Give up after this many seconds.", unit="seconds", range=(1, 30), default=10)},
     ["url"],
     ["check if {url} is up[ with a {timeout_seconds} timeout]", "ping {url} and see how fast it responds"])
tool("docker.run_container", "devtools", "Start a Docker container from an image.",
     {"image": text("Image and tag.", values=["nginx:1.25", "postgres:16", "redis:7", "python:3.12-slim", "node:20-alpine", "grafana/grafana:10.2.0", "mysql:8.0", "ubuntu:22.04"]),
      "port_mapping": text("Host:container port mapping.", values=["8080:80", "5432:5432", "6379:6379", "3000:3000", "8000:8000", "9090:9090", "3306:3306"]),
      "env": obj("Environment variables.", {"APP_ENV": choice("Environment.", ["dev", "test", "prod"]), "LOG_LEVEL": choice("Log level.", ["debug", "info", "warn"])}),
      "detach": flag("Run in the background.", yes=["in the background", "detached"], no=["in the foreground"], default=True)},
     ["image"],
     ["run a {image} container[ mapping ports {port_mapping}][ with env {env}][ {detach?in the background|in the foreground}]", "start {image} in Docker[ on {port_mapping}]"])

# --- smart home and IoT --------------------------------------------------------------------------------

tool("set_thermostat", "smart_home", "Set the target temperature of a thermostat.",
     {"temperature": integer("Target temperature in degrees Fahrenheit.", unit=["degrees", "°F"], range=(60, 80)),
      "room": text("Room of the thermostat.", kind="room"), "mode": choice("HVAC mode.", ["heat", "cool", "auto", "eco"], default="auto")},
     ["temperature"],
     ["set the thermostat to {temperature}[ in the {room}][ on {mode} mode]", "change the[ {room}] temperature to {temperature}[, {mode} mode]"])
tool("control_lights", "smart_home", "Set the lights in a room on or off, with brightness and colour.",
     {"room": text("Room.", kind="room"), "turn_on": flag("On (true) or off (false).", yes=["switched on", "turned on"], no=["switched off", "turned off"]),
      "brightness": integer("Brightness percentage.", unit="%", range=(5, 100)), "color": text("Light colour.", kind="color")},
     ["room", "turn_on"],
     ["turn the {room} lights {turn_on?on|off}[ at {brightness} brightness][ in {color}]", "switch {turn_on?on|off} the lights in the {room}[ and set them to {color}]"])
tool("lock_door", "smart_home", "Lock or unlock a smart door lock.",
     {"door": text("Which door.", values=["front door", "back door", "garage door", "side gate", "patio door", "basement door"]),
      "lock": flag("Lock (true) or unlock (false).", yes=["locked"], no=["unlocked"]),
      "auto_relock_minutes": integer("Relock automatically after this many minutes.", unit="minutes", range=(1, 60))},
     ["door", "lock"],
     ["{lock?lock|unlock} the {door}[ and relock it after {auto_relock_minutes}]", "make sure the {door} is {lock?locked|unlocked}"])
tool("home.camera_snapshot", "smart_home", "Take a snapshot from a security camera.",
     {"camera": text("Camera name.", values=["front porch", "driveway", "backyard", "garage", "nursery", "living room", "side yard", "doorbell"]),
      "resolution": choice("Image resolution.", ["720p", "1080p", "4k"], default="1080p")},
     ["camera"],
     ["take a snapshot from the {camera} camera[ in {resolution}]", "grab a picture from the {camera} cam"])
tool("start_robot_vacuum", "smart_home", "Start the robot vacuum in some rooms.",
     {"rooms": array("Rooms to clean.", item("room"), n=(1, 3)), "mode": choice("Suction mode.", ["quiet", "standard", "turbo"], default="standard"),
      "mop": flag("Also mop.", yes=["and mop too", "with mopping"], no=["vacuum only", "without mopping"], default=False)},
     ["rooms"],
     ["start the robot vacuum in {rooms}[ on {mode} mode][ {mop?and mop as well|without mopping}]", "have the vacuum clean {rooms}"])
tool("get_sensor_reading", "smart_home", "Read the latest value of a home sensor.",
     {"room": text("Room of the sensor.", kind="room"), "sensor_type": choice("Sensor type.", ["temperature", "humidity", "co2", "motion", "air_quality", "light"])},
     ["room", "sensor_type"],
     ["get the {sensor_type=co2:CO2|air_quality:air quality|temperature:temperature|humidity:humidity|motion:motion|light:light} reading in the {room}", "check the {sensor_type} sensor in the {room}"])
tool("setAlarm", "smart_home", "Set an alarm on the smart speaker.",
     {"time": text("Alarm time, HH:MM.", kind="time"), "label": text("Alarm label.", values=["Wake up", "Gym", "Medication", "School run", "Meeting prep", "Take out trash", "Call mom", "Water plants"]),
      "repeatDays": array("Days to repeat on.", item("weekday"), n=(1, 5))},
     ["time"],
     ["set an alarm for {time}[ called {label}][ repeating on {repeatDays}]", "set a wake-up alarm at {time}[ every {repeatDays}]"])
tool("preheat_oven", "smart_home", "Preheat the smart oven.",
     {"temperature": integer("Temperature in degrees Fahrenheit.", unit=["°F", "degrees"], range=(250, 500)), "mode": choice("Cooking mode.", ["bake", "convection", "broil", "roast"], default="bake")},
     ["temperature"],
     ["preheat the oven to {temperature}[ on {mode}]", "heat the oven up to {temperature}[ in {mode} mode]"])
tool("home.set_scene", "smart_home", "Activate a home scene that sets lights and devices.",
     {"scene": choice("Scene name.", ["movie_night", "good_morning", "away", "dinner", "bedtime", "party"]), "room": text("Limit the scene to one room.", kind="room")},
     ["scene"],
     ["activate the {scene=movie_night:movie night|good_morning:good morning|away:away|dinner:dinner|bedtime:bedtime|party:party} scene[ in the {room}]", "switch the house to {scene} mode"])
tool("schedule_irrigation", "smart_home", "Schedule the garden sprinklers for a zone.",
     {"zone": integer("Sprinkler zone number.", range=(1, 8)), "start_time": text("Start time, HH:MM.", kind="time"),
      "duration_minutes": integer("How long to water in minutes.", unit="minutes", range=(5, 60))},
     ["zone", "start_time", "duration_minutes"],
     ["water zone {zone} at {start_time} for {duration_minutes}", "schedule the sprinklers in zone {zone} to run {duration_minutes} starting at {start_time}"])

# --- news and social -----------------------------------------------------------------------------------

tool("get_news_headlines", "news", "Get the latest news headlines.",
     {"category": choice("News category.", ["business", "technology", "sports", "science", "health", "politics", "entertainment"]),
      "country": text("Country.", kind="country"), "limit": integer("How many headlines.", range=(3, 30), default=10)},
     [],
     ["get the latest[ {category}] headlines[ from {country}][, {limit} of them]", "show today's[ {category}] news[ in {country}]"])
tool("post_to_social_media", "news", "Publish a post on a social network.",
     {"platform": choice("Network.", ["twitter", "facebook", "instagram", "linkedin", "mastodon"]), "message": text("Post text.", kind="message"),
      "hashtags": array("Hashtags without the #.", item("hashtag"), n=(1, 3)), "schedule_time": text("When to publish, YYYY-MM-DDTHH:MM.", kind="datetime")},
     ["platform", "message"],
     ["post \"{message}\" on {platform}[ with the hashtags {hashtags}][ at {schedule_time}]", "share {message} to {platform}[ scheduled for {schedule_time}]"])
tool("get_social_followers", "news", "Get the follower count of an account.",
     {"username": text("Account handle.", kind="username"), "platform": choice("Network.", ["twitter", "instagram", "tiktok", "youtube", "linkedin"])},
     ["username", "platform"],
     ["get the follower count of {username} on {platform}", "check how many followers {username} has on {platform}"])
tool("search_news", "news", "Search news articles about a topic.",
     {"topic": text("Topic.", kind="topic"), "from_date": text("Earliest date, YYYY-MM-DD.", kind="past_date"),
      "language": text("Article language.", kind="language", default="English")},
     ["topic"],
     ["search the news for {topic}[ since {from_date}][ in {language}]", "find articles about {topic}[ published after {from_date}]"])

# --- genetics ------------------------------------------------------------------------------------------

GENOTYPES = ["AA", "Aa", "aa", "BB", "Bb", "bb", "AaBb", "AABb", "aaBb", "AaBB", "Rr", "rr"]
tool("genetics.dna_similarity", "genetics", "Compare two DNA sequences and return their percent identity.",
     {"sequence_a": text("The first DNA sequence, written in A, C, G and T.", kind="dna"),
      "sequence_b": text("The second DNA sequence, compared against the first.", kind="dna"),
      "method": choice("How to compare: a global alignment, a local alignment, or a base-by-base Hamming comparison.", ["global", "local", "hamming"], default="global")},
     ["sequence_a", "sequence_b"],
     ["compare the DNA sequences {sequence_a} and {sequence_b}[ using {method=global:a global alignment|local:a local alignment|hamming:the Hamming distance}]",
      "work out how similar {sequence_a} is to {sequence_b}",
      "find the percent identity between {sequence_a} and {sequence_b}",
      "align {sequence_a} against {sequence_b}[ {method=global:globally|local:locally|hamming:base by base}]"])
tool("find_restriction_sites", "genetics", "Find the cut sites of a restriction enzyme in a DNA sequence.",
     {"sequence": text("The DNA sequence to scan.", kind="dna"),
      "enzyme": text("Name of the restriction enzyme, e.g. EcoRI.", values=["EcoRI", "BamHI", "HindIII", "NotI", "XhoI", "PstI", "SmaI", "KpnI", "SacI", "XbaI", "NdeI", "SalI"])},
     ["sequence", "enzyme"],
     ["find the {enzyme} cut sites in {sequence}", "check where {enzyme} cuts the sequence {sequence}",
      "scan {sequence} for {enzyme} restriction sites", "map every site {enzyme} recognises in {sequence}"])
tool("punnett_square", "genetics", "Predict the offspring ratios of a genetic cross from two parents' genotypes.",
     {"parent1": text("Genotype of the first parent, e.g. Aa.", values=GENOTYPES),
      "parent2": text("Genotype of the second parent, e.g. aa.", values=GENOTYPES),
      "trait": text("The trait the alleles control, used to label the phenotypes.", values=["eye color", "pea shape", "flower color", "coat color", "seed color", "plant height", "tongue rolling", "earlobe shape", "fur length"])},
     ["parent1", "parent2"],
     ["make a Punnett square for {parent1} x {parent2}[ for {trait}]",
      "cross {parent1} with {parent2} and show the offspring ratios",
      "predict offspring ratios for parents with genotypes {parent1} and {parent2}[, tracking {trait}]",
      "work out the {trait} ratios from crossing {parent1} and {parent2}"])
tool("get_gene_variants", "genetics", "List known variants of a gene with their clinical significance.",
     {"gene": text("Gene symbol, e.g. BRCA1.", kind="gene"),
      "significance": choice("Only return variants with this clinical classification.", ["pathogenic", "likely_pathogenic", "uncertain", "benign"]),
      "limit": integer("Maximum number of variants to return.", range=(5, 100), default=20)},
     ["gene"],
     ["list[ {significance=pathogenic:pathogenic|likely_pathogenic:likely pathogenic|uncertain:uncertain|benign:benign}] {gene} variants[, up to {limit}]",
      "find known mutations in the {gene} gene",
      "look up {gene} variants[ with {significance=pathogenic:pathogenic|likely_pathogenic:likely pathogenic|uncertain:uncertain|benign:benign} significance]",
      "pull the top {limit} clinically reported variants of {gene}"])
tool("genetics.hardy_weinberg", "genetics", "Compute expected genotype frequencies under Hardy-Weinberg equilibrium.",
     {"allele_frequency": num("Frequency p of the dominant allele, between 0 and 1.", range=(0.05, 0.95), dec=2),
      "population_size": integer("Population size, to also return expected genotype counts.", range=(50, 100000))},
     ["allele_frequency"],
     ["calculate Hardy-Weinberg genotype frequencies for p = {allele_frequency}[ in a population of {population_size}]",
      "work out the expected genotype counts among {population_size} individuals when the dominant allele frequency is {allele_frequency}",
      "apply Hardy-Weinberg to an allele at frequency {allele_frequency}"])

# --- earth science and ecology -------------------------------------------------------------------------

tool("get_earthquake_history", "earth_science", "List past earthquakes in a country or region above a magnitude.",
     {"region": text("Country or region to search, e.g. Japan.", kind="country"),
      "min_magnitude": num("Smallest magnitude to include, on the moment magnitude scale.", range=(4, 8), dec=1, default=5),
      "since_year": integer("Only earthquakes from this year onward.", kind="year", range=(1900, 2023))},
     ["region"],
     ["list earthquakes in {region}[ stronger than magnitude {min_magnitude}][ since {since_year}]",
      "show past magnitude {min_magnitude} quakes in {region}",
      "find major earthquakes that hit {region}[ after {since_year}]",
      "get the earthquake record for {region}[ from {since_year} on]"])
tool("get_volcano_status", "earth_science", "Get the current alert level and latest eruption of a volcano.",
     {"volcano": text("Name of the volcano, e.g. Mount Etna.", values=["Mount Etna", "Kilauea", "Mount St. Helens", "Stromboli", "Popocatépetl", "Eyjafjallajökull", "Mount Pinatubo", "Sakurajima", "Mauna Loa", "Mount Merapi", "Krakatoa", "Nyiragongo"]),
      "include_history": flag("Also list past eruptions.", yes=["with its eruption history", "including past eruptions"], no=["current status only"], default=False)},
     ["volcano"],
     ["check the alert level of {volcano}[ {include_history?and list its past eruptions|without the history}]",
      "find out if {volcano} is erupting right now",
      "get the latest status of {volcano}[, {include_history}]",
      "look up when {volcano} last erupted"])
tool("identify_mineral", "earth_science", "Identify a mineral from its hardness, luster and color.",
     {"hardness": num("Hardness on the Mohs scale, 1 to 10.", range=(1, 10), dec=1),
      "luster": choice("Luster of the sample.", ["metallic", "vitreous", "pearly", "greasy", "dull", "silky"]),
      "color": text("Color of the sample.", values=["white", "black", "green", "pink", "gray", "golden yellow", "purple", "brassy yellow", "colorless", "red-brown", "deep blue"])},
     ["hardness", "luster"],
     ["identify a mineral with hardness {hardness} and a {luster} luster[ that is {color}]",
      "work out which mineral is {luster}[ and {color}] with a Mohs hardness of {hardness}",
      "name the {color} mineral that has a {luster} luster and hardness {hardness}"])
tool("ecology.list_species", "ecology", "List wild species of a taxonomic group recorded in a country.",
     {"country": text("Country to list species for.", kind="country"),
      "group": choice("Taxonomic group.", ["birds", "mammals", "reptiles", "amphibians", "fish", "insects", "plants"]),
      "endangered_only": flag("Only threatened or endangered species.", yes=["endangered ones only", "only threatened ones"], no=["of any conservation status"], default=False),
      "limit": integer("Maximum number of species.", range=(5, 100), default=25)},
     ["country", "group"],
     ["list the {group} found in {country}[ {endangered_only?that are endangered|of any conservation status}]",
      "show which {endangered_only?endangered|} {group} live in {country}",
      "find native {group} of {country}[, up to {limit}]",
      "get {country}'s wild {group}[, {endangered_only}]"])
tool("species.get_trait", "ecology", "Look up a trait of a species, such as its lifespan or top speed.",
     {"species": text("Common or scientific name of the species.", kind="species"),
      "trait": text("The trait to look up, e.g. average lifespan.", values=["average lifespan", "top speed", "adult weight", "diet", "gestation period", "wingspan", "native range", "clutch size", "body length", "conservation status"])},
     ["species", "trait"],
     ["find the {trait} of {species}", "look up {species} {trait}", "get the {trait} for {species}",
      "check the typical {trait} of {species}"])
tool("estimate_carbon_footprint", "ecology", "Estimate the CO2 emissions of a trip from the vehicle type and distance.",
     {"vehicle": choice("How the trip is made.", ["car_petrol", "car_diesel", "car_electric", "bus", "train", "plane", "motorcycle"]),
      "distance_km": num("Trip distance in kilometers.", unit=["km", "kilometers"], range=(5, 5000), dec=0),
      "passengers": integer("People sharing the vehicle, to split the emissions.", unit="passengers", range=(1, 5), default=1),
      "round_trip": flag("Count the return journey too.", yes=["round trip", "there and back"], no=["one way"], default=False)},
     ["vehicle", "distance_km"],
     ["estimate the carbon footprint of travelling {distance_km} by {vehicle=car_petrol:petrol car|car_diesel:diesel car|car_electric:electric car|bus:bus|train:train|plane:plane|motorcycle:motorcycle}[, {round_trip}]",
      "work out the CO2 emissions for a trip of {distance_km} by {vehicle=car_petrol:petrol car|car_diesel:diesel car|car_electric:electric car|bus:bus|train:train|plane:plane|motorcycle:motorcycle}[ shared by {passengers}]",
      "calculate the emissions of a {round_trip?round trip|one-way trip} of {distance_km} by {vehicle}",
      "find how much carbon a {vehicle=car_petrol:petrol car|car_diesel:diesel car|car_electric:electric car|bus:bus|train:train|plane:plane|motorcycle:motorcycle} puts out over {distance_km}"])
tool("get_tide_times", "earth_science", "Get the tide table for a coastal location on a date, with high and low water times.",
     {"location": text("Coastal town or harbour, e.g. Monterey, CA.", values=["Monterey, CA", "Cape Cod, MA", "Brighton", "St Ives", "Halifax", "San Diego, CA", "Galveston, TX", "Key West, FL", "Saint-Malo", "Bar Harbor, ME", "Cairns", "Vancouver"]),
      "date": text("Date, YYYY-MM-DD.", kind="date"),
      "unit": choice("Unit for tide heights.", ["feet", "meters"], default="feet")},
     ["location"],
     ["get the tide times for {location}[ on {date}]", "find when high tide is in {location}[ on {date}]",
      "check the {date} tides at {location}", "show the tide table for {location}[ with heights in {unit}]"])
tool("check_recycling_rules", "ecology", "Look up a city's recycling rules for an item.",
     {"item": text("The item to throw away, e.g. pizza boxes.", values=["pizza boxes", "plastic bags", "batteries", "glass jars", "styrofoam", "old paint", "coffee cups", "light bulbs", "aluminum foil", "old electronics", "milk cartons", "yogurt tubs"]),
      "city": text("City whose rules apply.", kind="city")},
     ["item", "city"],
     ["check whether {item} can be recycled in {city}", "find out how to get rid of {item} in {city}",
      "look up {city} recycling rules for {item}", "see where {item} should go in {city}"])

# --- engineering ---------------------------------------------------------------------------------------

RESISTOR_COLORS = ["black", "brown", "red", "orange", "yellow", "green", "blue", "violet", "gray", "white", "gold", "silver"]
tool("beam_deflection", "engineering", "Calculate the maximum deflection of a beam under a point load.",
     {"load_newtons": num("Point load in newtons.", unit=["N", "newtons"], range=(100, 50000), dec=0),
      "length_m": num("Span length in meters.", unit=["m", "meters"], range=(0.5, 12), dec=1),
      "material": choice("Beam material.", ["steel", "aluminum", "timber", "concrete"], default="steel"),
      "support": choice("Support condition.", ["simply_supported", "cantilever"], default="simply_supported")},
     ["load_newtons", "length_m"],
     ["calculate how much a[ {material}] beam spanning {length_m} deflects under {load_newtons}[ when {support=simply_supported:simply supported|cantilever:cantilevered}]",
      "find the maximum deflection of a[ {support=simply_supported:simply supported|cantilever:cantilever}] beam {length_m} long carrying {load_newtons}",
      "work out the sag of a {material} beam with a point load of {load_newtons} over {length_m}"])
tool("resistor_color_code", "engineering", "Decode a resistor's resistance and tolerance from its color bands.",
     {"bands": array("Band colors from left to right.", item("enum", options=RESISTOR_COLORS), n=(3, 5))},
     ["bands"],
     ["decode a resistor with the bands {bands}", "work out the resistance of a resistor colored {bands}",
      "read the value of a resistor striped {bands}", "find what a resistor with {bands} bands is rated at"])
tool("equivalent_resistance", "engineering", "Calculate the equivalent resistance of resistors wired in series or in parallel.",
     {"resistances": array("Resistor values in ohms.", item("number", range=(10, 10000), dec=0), n=(2, 5)),
      "configuration": choice("How the resistors are connected.", ["series", "parallel"])},
     ["resistances", "configuration"],
     ["calculate the equivalent resistance of {resistances} ohm resistors in {configuration}",
      "find the total resistance when {resistances} ohms are wired in {configuration}",
      "combine resistors of {resistances} ohms in {configuration}",
      "work out the {configuration} resistance of {resistances}"])
tool("gear_ratio", "engineering", "Calculate the gear ratio and output speed of a pair of gears.",
     {"driver_teeth": integer("Teeth on the driving gear.", unit="teeth", range=(8, 80)),
      "driven_teeth": integer("Teeth on the driven gear.", unit="teeth", range=(8, 120)),
      "input_rpm": integer("Input shaft speed in revolutions per minute.", unit="rpm", range=(100, 6000))},
     ["driver_teeth", "driven_teeth"],
     ["calculate the ratio for a driving gear with {driver_teeth} meshing with a driven gear with {driven_teeth}[ turning at {input_rpm}]",
      "find the output speed when a {input_rpm} input turns a gear of {driver_teeth} against one of {driven_teeth}",
      "work out the gear ratio between {driver_teeth} on the driver and {driven_teeth} on the driven gear"])
tool("concrete_volume", "engineering", "Estimate the concrete needed for a rectangular slab, in cubic yards.",
     {"length_ft": num("Slab length in feet.", unit=["feet", "ft"], range=(4, 100), dec=0),
      "width_ft": num("Slab width in feet.", unit=["feet", "ft"], range=(4, 60), dec=0),
      "thickness_in": num("Slab thickness in inches.", unit=["inches", "in"], range=(3, 12), dec=0),
      "waste_percent": num("Extra allowance for waste and spillage.", kind="percent", range=(5, 15), dec=0, default=10)},
     ["length_ft", "width_ft", "thickness_in"],
     ["estimate how much concrete I need for a slab {length_ft} by {width_ft} and {thickness_in} thick",
      "calculate concrete for a slab measuring {length_ft} by {width_ft} at {thickness_in} deep[ with {waste_percent} extra for waste]",
      "work out the cubic yards of concrete for a patio {length_ft} long, {width_ft} wide and {thickness_in} thick"])
tool("solar_panel_output", "engineering", "Estimate the daily energy output of a solar panel array.",
     {"panel_watts": integer("Rated power of one panel in watts.", unit=["W", "watts"], range=(200, 500)),
      "panel_count": integer("Number of panels.", unit="panels", range=(1, 40)),
      "sun_hours": num("Average peak sun hours per day.", unit="hours", range=(2, 8), dec=1),
      "system_losses": num("Inverter and wiring losses as a percentage.", kind="percent", range=(5, 25), dec=0, default=14)},
     ["panel_watts", "panel_count"],
     ["estimate the daily output of {panel_count} rated at {panel_watts} each[ with {sun_hours} of sun]",
      "calculate how many kWh {panel_count} of {panel_watts} produce a day[ given {sun_hours} of peak sun][ and {system_losses} losses]",
      "work out the energy from an array of {panel_count} at {panel_watts} apiece"])
tool("heat_conduction_rate", "engineering", "Calculate the rate of heat conduction through a flat wall (Fourier's law).",
     {"conductivity": num("Thermal conductivity of the material in W/m·K.", range=(0.02, 2), dec=2),
      "area_m2": num("Wall area in square meters.", unit=["square meters", "m²"], range=(1, 100), dec=1),
      "thickness_m": num("Wall thickness in meters.", unit="m", range=(0.05, 0.5), dec=2),
      "temperature_difference": num("Temperature difference across the wall in degrees Celsius.", unit="°C", range=(2, 60), dec=0)},
     ["conductivity", "area_m2", "thickness_m", "temperature_difference"],
     ["calculate heat loss through {area_m2} of wall {thickness_m} thick with conductivity {conductivity} and a {temperature_difference} difference",
      "find the conduction rate through a wall {thickness_m} thick with k = {conductivity} over {area_m2} when the two sides differ by {temperature_difference}",
      "work out how many watts leak through {area_m2} of insulation rated {conductivity}, {thickness_m} thick, across {temperature_difference}"])

# --- physics and chemistry formulas -------------------------------------------------------------------

tool("calculate_torque", "physics", "Calculate the torque from a force applied at a distance and angle.",
     {"force_newtons": num("Applied force in newtons.", unit=["N", "newtons"], range=(5, 2000), dec=0),
      "lever_arm_m": num("Distance from the pivot in meters.", unit=["m", "meters"], range=(0.05, 3), dec=2),
      "angle_degrees": num("Angle between the force and the lever arm in degrees.", unit="degrees", range=(10, 90), dec=0, default=90)},
     ["force_newtons", "lever_arm_m"],
     ["calculate the torque from {force_newtons} applied {lever_arm_m} from the pivot[ at {angle_degrees}]",
      "find the torque when pushing with {force_newtons} on a wrench {lever_arm_m} long[ at an angle of {angle_degrees}]",
      "work out the moment of a force of {force_newtons} on a lever arm of {lever_arm_m}"])
tool("doppler_shift", "physics", "Calculate the frequency a listener hears from a moving sound source.",
     {"source_frequency_hz": num("Frequency emitted by the source in hertz.", unit=["Hz", "hertz"], range=(100, 2000), dec=0),
      "source_speed": num("Speed of the source in meters per second.", unit="m/s", range=(5, 80), dec=0),
      "direction": choice("Whether the source moves toward or away from the listener.", ["approaching", "receding"])},
     ["source_frequency_hz", "source_speed", "direction"],
     ["calculate the Doppler shift of a {source_frequency_hz} siren {direction} at {source_speed}",
      "find the frequency heard from a {source_frequency_hz} source moving {direction=approaching:toward the listener|receding:away from the listener} at {source_speed}",
      "work out what pitch you hear when a {source_frequency_hz} horn is {direction} at {source_speed}"])
tool("chemistry.solution_recipe", "chemistry", "Calculate the mass of solute needed for a solution of a given molarity and volume.",
     {"compound": text("Name of the solute, e.g. sodium chloride.", kind="compound"),
      "molarity": num("Target concentration in mol/L.", unit="M", range=(0.01, 3), dec=2),
      "volume_ml": num("Final volume of solution in milliliters.", unit=["mL", "milliliters"], range=(50, 2000), dec=0)},
     ["compound", "molarity", "volume_ml"],
     ["work out how many grams of {compound} make {volume_ml} of a {molarity} solution",
      "prepare {volume_ml} of {molarity} {compound}",
      "calculate the mass of {compound} needed for {volume_ml} of solution at {molarity}"])
tool("get_compound_safety", "chemistry", "Get safety data for a chemical: hazards, handling, first aid or storage.",
     {"compound": text("Name of the chemical.", kind="compound"),
      "section": choice("Which part of the safety data sheet.", ["hazards", "handling", "first_aid", "storage", "ppe"], default="hazards")},
     ["compound"],
     ["get the safety data for {compound}[, mainly the {section=hazards:hazards|handling:handling advice|first_aid:first aid measures|storage:storage rules|ppe:protective equipment}]",
      "look up the {section=hazards:hazards|handling:handling advice|first_aid:first aid measures|storage:storage rules|ppe:protective equipment} for {compound}",
      "check how dangerous {compound} is", "pull up the SDS for {compound}"])

# --- astronomy: observing and spaceflight --------------------------------------------------------------

tool("meteor_shower_calendar", "astronomy", "List the year's meteor showers with their peak dates and rates.",
     {"year": integer("Calendar year.", kind="year", range=(2024, 2030)),
      "hemisphere": choice("Observer's hemisphere.", ["northern", "southern"], default="northern"),
      "min_rate": integer("Only showers with at least this many meteors per hour at peak.", unit="meteors an hour", range=(10, 100))},
     ["year"],
     ["list the meteor showers in {year}[ visible from the {hemisphere} hemisphere]",
      "show when the {year} meteor showers peak[ with at least {min_rate}]",
      "get the {hemisphere} hemisphere meteor shower calendar for {year}"])
tool("telescope.plan_observation", "astronomy", "Plan the best time to observe a sky object from a city on a night.",
     {"target": text("The object to observe, e.g. Saturn or the Orion Nebula.", kind="sky_object"),
      "city": text("Observer's city.", kind="city"), "date": text("Night of the observation, YYYY-MM-DD.", kind="date"),
      "equipment": choice("What the observer will use.", ["naked_eye", "binoculars", "small_telescope", "large_telescope"])},
     ["target", "city"],
     ["plan when to observe {target} from {city}[ on {date}]",
      "work out when {target} is highest over {city}[ on {date}][ for viewing with {equipment=naked_eye:the naked eye|binoculars:binoculars|small_telescope:a small telescope|large_telescope:a large telescope}]",
      "schedule a {date} viewing of {target} from {city}",
      "find the best hour to spot {target} in {city}"])
tool("search_exoplanets", "astronomy", "Search confirmed exoplanets by discovery method, size and year.",
     {"discovery_method": choice("Detection method.", ["transit", "radial_velocity", "direct_imaging", "microlensing"]),
      "max_radius_earths": num("Largest planet radius, in Earth radii.", range=(0.5, 20), dec=1),
      "discovered_after": integer("Only planets discovered after this year.", kind="year", range=(1995, 2023)),
      "habitable_zone": flag("Only planets in their star's habitable zone.", yes=["in the habitable zone", "potentially habitable"], no=["anywhere in their system"], default=False)},
     [],
     ["find exoplanets[ discovered by {discovery_method=transit:the transit method|radial_velocity:radial velocity|direct_imaging:direct imaging|microlensing:microlensing}][ since {discovered_after}][ smaller than {max_radius_earths} Earth radii]",
      "search for {habitable_zone?potentially habitable|} exoplanets[ found after {discovered_after}]",
      "list[ {discovery_method=transit:transit|radial_velocity:radial velocity|direct_imaging:direct imaging|microlensing:microlensing}] exoplanet discoveries[ from {discovered_after} on][, {habitable_zone}]"])
tool("get_launch_schedule", "astronomy", "List upcoming rocket launches, optionally by provider or launch site.",
     {"provider": text("Launch provider, e.g. SpaceX.", values=["SpaceX", "NASA", "Rocket Lab", "ESA", "ISRO", "Blue Origin", "JAXA", "United Launch Alliance", "Arianespace", "CNSA"]),
      "launch_site": text("Launch site, e.g. Cape Canaveral.", values=["Cape Canaveral", "Vandenberg", "Kennedy Space Center", "Baikonur", "Kourou", "Tanegashima", "Sriharikota", "Mahia Peninsula", "Starbase"]),
      "limit": integer("How many launches to list.", range=(3, 20), default=5)},
     [],
     ["list upcoming rocket launches[ by {provider}][ from {launch_site}]", "show the next[ {limit}] {provider} launches",
      "find launches scheduled at {launch_site}[ by {provider}]", "get the launch schedule[ for {provider}]"])
tool("orbital_period", "astronomy", "Calculate the orbital period of a body from its semi-major axis using Kepler's third law.",
     {"semi_major_axis_au": num("Semi-major axis of the orbit in astronomical units.", unit="AU", range=(0.2, 40), dec=2),
      "star_mass_suns": num("Mass of the central star in solar masses.", range=(0.2, 5), dec=1, default=1)},
     ["semi_major_axis_au"],
     ["calculate the orbital period of a planet at {semi_major_axis_au}[ around a star of {star_mass_suns} solar masses]",
      "use Kepler's third law for an orbit of {semi_major_axis_au}",
      "find how long a year lasts {semi_major_axis_au} from a[ {star_mass_suns} solar mass] star"])

# --- history: people, treaties, days -------------------------------------------------------------------

tool("compare_historical_figures", "history", "Compare two historical figures on one aspect of their lives.",
     {"person_a": text("First historical figure.", kind="historical_figure"), "person_b": text("Second historical figure.", kind="historical_figure"),
      "aspect": choice("What to compare.", ["achievements", "legacy", "early_life", "beliefs", "military_record"], default="achievements")},
     ["person_a", "person_b"],
     ["compare {person_a} and {person_b}[ on their {aspect=early_life:early lives|military_record:military records|achievements:achievements|legacy:legacy|beliefs:beliefs}]",
      "contrast the {aspect=early_life:early life|military_record:military record|achievements:achievements|legacy:legacy|beliefs:beliefs} of {person_a} with that of {person_b}",
      "put {person_a} side by side with {person_b}"])
tool("history.famous_quotes", "history", "Find quotations by a historical figure, optionally on a theme.",
     {"person": text("Who said it.", kind="historical_figure"),
      "theme": text("Theme of the quotes, e.g. courage.", values=["courage", "science", "freedom", "leadership", "education", "war", "love", "failure", "imagination", "justice", "peace", "perseverance"]),
      "limit": integer("How many quotes.", range=(1, 10), default=3)},
     ["person"],
     ["find quotes by {person}[ about {theme}]", "get[ {limit}] famous {person} quotes[ on {theme}]",
      "look up what {person} said about {theme}", "list {theme} quotes from {person}"])
tool("on_this_day", "history", "List the historical events, births or deaths on a calendar day.",
     {"month": text("Month name.", kind="month"), "day": integer("Day of the month.", range=(1, 28)),
      "category": choice("What to list.", ["events", "births", "deaths"], default="events")},
     ["month", "day"],
     ["show what happened on day {day} of {month} in history",
      "list {category=events:historical events|births:famous births|deaths:notable deaths} on {month}, day {day}",
      "get the on-this-day {category} for {month}, day {day}"])
tool("get_treaty_details", "history", "Get the details of a historical treaty: signatories, date and terms.",
     {"treaty": text("Name of the treaty.", values=["Treaty of Westphalia", "Treaty of Tordesillas", "Treaty of Ghent", "Treaty of Utrecht", "Treaty of Nanking", "Treaty of Guadalupe Hidalgo", "Treaty of Rome", "Treaty of Brest-Litovsk", "Treaty of Waitangi", "Treaty of Lisbon", "Treaty of Vienna"]),
      "detail": choice("Which detail.", ["signatories", "terms", "date", "consequences"], default="terms")},
     ["treaty"],
     ["get the details of the {treaty}", "read up on the {treaty}",
      "look up the {detail=signatories:signatories|terms:terms|date:signing date|consequences:consequences} of the {treaty}",
      "summarize the {treaty}[, focusing on its {detail=signatories:signatories|terms:terms|date:date|consequences:consequences}]"])

# --- art and museums -----------------------------------------------------------------------------------

PAINTERS = ["Vincent van Gogh", "Claude Monet", "Pablo Picasso", "Rembrandt", "Johannes Vermeer", "Georgia O'Keeffe", "Katsushika Hokusai", "Salvador Dalí",
            "Gustav Klimt", "Edvard Munch", "Mary Cassatt", "Henri Matisse", "Jackson Pollock", "Yayoi Kusama", "Caravaggio", "Artemisia Gentileschi"]
MUSEUMS = ["the Louvre", "the Metropolitan Museum of Art", "the Rijksmuseum", "the Uffizi Gallery", "the Prado", "Tate Modern", "the British Museum", "MoMA",
           "the Art Institute of Chicago", "the Musée d'Orsay", "the Hermitage", "the Getty Center", "the National Gallery", "the Guggenheim"]
tool("search_artworks", "art", "Search museum collections for artworks by an artist.",
     {"artist": text("The artist's name, e.g. Claude Monet.", values=PAINTERS),
      "museum": text("Only this museum's collection.", values=MUSEUMS),
      "medium": choice("Type of work.", ["painting", "sculpture", "drawing", "print", "photograph"]),
      "on_view_only": flag("Only works currently on display.", yes=["on display now", "currently on view"], no=["including works in storage"], default=False)},
     ["artist"],
     ["find works by {artist}[ at {museum}]",
      "search {museum} for {artist} {medium=painting:paintings|sculpture:sculptures|drawing:drawings|print:prints|photograph:photographs}",
      "list {artist}'s {medium=painting:paintings|sculpture:sculptures|drawing:drawings|print:prints|photograph:photographs}[ held by {museum}]",
      "find {artist} pieces[ {on_view_only?that are on view now|including ones in storage}][ at {museum}]"])
tool("get_artwork_details", "art", "Get details of a famous artwork: artist, date, medium, location and history.",
     {"artwork": text("Title of the artwork.", values=["The Starry Night", "Mona Lisa", "Girl with a Pearl Earring", "The Great Wave off Kanagawa", "The Persistence of Memory", "Guernica", "The Birth of Venus",
                                                      "American Gothic", "The Scream", "The Night Watch", "The Kiss", "Las Meninas", "The Garden of Earthly Delights", "Water Lilies"])},
     ["artwork"],
     ["get details about {artwork}", "look up who painted {artwork} and when", "find out where {artwork} hangs today",
      "give the background of the painting {artwork}"])
tool("get_museum_hours", "art", "Get a museum's opening hours and admission prices on a date.",
     {"museum": text("Name of the museum.", values=MUSEUMS), "date": text("Date of the visit, YYYY-MM-DD.", kind="date")},
     ["museum"],
     ["get the opening hours of {museum}[ on {date}]", "check when {museum} is open[ on {date}]",
      "find out if {museum} is open on {date}", "look up admission prices and hours for {museum}"])
tool("museum.book_tickets", "art", "Reserve the timed-entry tickets for a museum visit.",
     {"museum": text("Name of the museum.", values=MUSEUMS), "date": text("Date of the visit, YYYY-MM-DD.", kind="date"),
      "adults": integer("Number of adult tickets.", unit="adults", range=(1, 6)), "children": integer("Number of child tickets.", unit="children", range=(1, 4)),
      "guided_tour": flag("Add a guided tour.", yes=["with a guided tour", "including a guided tour"], no=["without a tour", "self-guided"], default=False)},
     ["museum", "date", "adults"],
     ["book {adults} into {museum} on {date}[ and {children}][ {guided_tour?with a guided tour|without a tour}]",
      "buy tickets to {museum} for {adults}[ plus {children}] on {date}",
      "reserve a visit to {museum} on {date} for {adults}[, {guided_tour}]"])
tool("find_art_exhibitions", "art", "Find art exhibitions in a city, current or upcoming.",
     {"city": text("City to search.", kind="city"),
      "movement": text("Art movement or style, e.g. Impressionism.", values=["Impressionism", "Cubism", "Surrealism", "Baroque", "Pop Art", "Abstract Expressionism", "Renaissance", "Art Nouveau", "Bauhaus", "Minimalism", "Ukiyo-e", "street art"]),
      "start_date": text("Only exhibitions running on or after this date, YYYY-MM-DD.", kind="date")},
     ["city"],
     ["find art exhibitions in {city}[ about {movement}][ opening after {start_date}]",
      "look for {movement} exhibitions in {city}",
      "see what the galleries in {city} are showing[ from {start_date}]",
      "list {city} shows on {movement}[ after {start_date}]"])
tool("art.estimate_value", "art", "Estimate the auction value of an artwork.",
     {"artist": text("The artist.", values=PAINTERS),
      "medium": choice("Medium of the work.", ["oil_on_canvas", "watercolor", "bronze", "print", "drawing"]),
      "height_cm": num("Height of the work in centimeters.", unit="cm", range=(10, 250), dec=0),
      "condition": choice("Condition of the work.", ["excellent", "good", "fair", "poor"], default="good")},
     ["artist", "medium"],
     ["estimate what a {medium=oil_on_canvas:oil on canvas|watercolor:watercolor|bronze:bronze|print:print|drawing:drawing} by {artist} would fetch at auction",
      "value a {artist} {medium=oil_on_canvas:oil painting|watercolor:watercolor|bronze:bronze|print:print|drawing:drawing}[ in {condition} condition]",
      "get an auction estimate for a {height_cm} tall {medium=oil_on_canvas:oil painting|watercolor:watercolor|bronze:bronze|print:print|drawing:drawing} by {artist}"])

# --- music theory and instruments ----------------------------------------------------------------------

NOTE_NAMES = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
INSTRUMENTS = ["piano", "guitar", "violin", "cello", "drums", "voice", "saxophone", "trumpet", "flute", "ukulele", "bass guitar", "harp"]
tool("get_chord_notes", "music", "List the notes that make up a chord.",
     {"root": text("Root note of the chord, e.g. C or F#.", values=NOTE_NAMES),
      "chord_type": choice("Chord quality.", ["major", "minor", "dominant7", "major7", "minor7", "diminished", "augmented", "sus4"])},
     ["root", "chord_type"],
     ["list the notes in the {root} {chord_type=dominant7:dominant seventh|major7:major seventh|minor7:minor seventh|major:major|minor:minor|diminished:diminished|augmented:augmented|sus4:sus4} chord",
      "spell the {root} {chord_type=dominant7:dominant 7th|major7:major 7th|minor7:minor 7th|major:major|minor:minor|diminished:diminished|augmented:augmented|sus4:suspended fourth} chord",
      "find which notes make up {root}{chord_type=major:maj|minor:m|dominant7:7|major7:maj7|minor7:m7|diminished:dim|augmented:aug|sus4:sus4}"])
tool("get_scale_notes", "music", "List the notes of a scale in a key.",
     {"key": text("Tonic note of the scale, e.g. D or Bb.", values=NOTE_NAMES),
      "scale": choice("Scale type.", ["major", "natural_minor", "harmonic_minor", "pentatonic", "blues", "dorian", "mixolydian"], default="major")},
     ["key"],
     ["list the notes of the {key}[ {scale=natural_minor:natural minor|harmonic_minor:harmonic minor|major:major|pentatonic:pentatonic|blues:blues|dorian:Dorian|mixolydian:Mixolydian}] scale",
      "show the {key} {scale=natural_minor:natural minor|harmonic_minor:harmonic minor|major:major|pentatonic:pentatonic|blues:blues|dorian:Dorian|mixolydian:Mixolydian} scale",
      "get the notes in {key}[ {scale=natural_minor:natural minor|harmonic_minor:harmonic minor|major:major|pentatonic:pentatonic|blues:blues|dorian:Dorian|mixolydian:Mixolydian}]"])
tool("transpose_chords", "music", "Transpose a chord progression by a number of semitones, up or down.",
     {"chords": array("Chord symbols in order, e.g. C, Am, F, G.", item("values", values=["C", "Am", "F", "G", "Dm", "Em", "E7", "D", "Bm", "G7", "Cmaj7", "F#m", "Bb"]), n=(3, 5)),
      "semitones": integer("How many semitones to move.", unit="semitones", range=(1, 11)),
      "direction": choice("Move the chords up or down.", ["up", "down"])},
     ["chords", "semitones", "direction"],
     ["transpose {chords} {direction} {semitones}", "move the progression {chords} {direction} by {semitones}",
      "shift {chords} {semitones} {direction}", "play {chords} {semitones} {direction=up:higher|down:lower}"])
tool("bpm_to_delay", "music", "Convert a tempo in BPM to a delay time in milliseconds for a note value.",
     {"bpm": integer("Tempo in beats per minute.", unit=["BPM", "bpm"], range=(60, 180)),
      "note_value": choice("Note length to time.", ["whole", "half", "quarter", "eighth", "sixteenth", "dotted_eighth", "quarter_triplet"], default="quarter")},
     ["bpm"],
     ["convert {bpm} to a delay time[ for {note_value=dotted_eighth:dotted eighth|quarter_triplet:quarter-note triplet|whole:whole|half:half|quarter:quarter|eighth:eighth|sixteenth:sixteenth} notes]",
      "work out the delay in milliseconds at {bpm}",
      "calculate the {note_value=dotted_eighth:dotted eighth|quarter_triplet:quarter-note triplet|whole:whole|half:half|quarter:quarter|eighth:eighth|sixteenth:sixteenth} note length at {bpm}"])
tool("find_sheet_music", "music", "Find sheet music, tabs or chord charts for a song on an instrument.",
     {"song": text("Song title.", kind="song"),
      "instrument": choice("Instrument the arrangement is for.", ["piano", "guitar", "bass", "ukulele", "violin", "flute", "saxophone", "drums"]),
      "difficulty": choice("Arrangement difficulty.", LEVELS),
      "format": choice("Kind of notation.", ["sheet_music", "tabs", "chords"], default="sheet_music")},
     ["song", "instrument"],
     ["find {instrument} sheet music for {song}",
      "get {format=sheet_music:sheet music|tabs:tabs|chords:chords} for {song} on {instrument}",
      "look up an arrangement of {song} for {instrument}[ at {difficulty} level]",
      "search for {song} {instrument} {format=sheet_music:sheet music|tabs:tabs|chords:chords}"])
tool("find_music_teacher", "music", "Find music teachers for an instrument in a city.",
     {"instrument": text("Instrument to learn, e.g. cello.", values=INSTRUMENTS), "city": text("City.", kind="city"),
      "max_hourly_rate": num("Highest hourly rate in USD.", kind="price", range=(20, 150), dec=0),
      "online": flag("Lessons over video instead of in person.", yes=["online lessons", "over video"], no=["in person"], default=False)},
     ["instrument", "city"],
     ["find a {instrument} teacher in {city}[ under {max_hourly_rate} an hour]",
      "look for {instrument} lessons near {city}[, {online?online|in person}]",
      "search {city} for someone who teaches {instrument}",
      "find {online?online|in-person} {instrument} tutors in {city}"])
tool("get_instrument_tuning", "music", "Get the string notes of an instrument for a tuning.",
     {"instrument": choice("Stringed instrument.", ["guitar", "bass", "ukulele", "violin", "cello", "mandolin", "banjo"]),
      "tuning": text("Tuning name, e.g. drop D.", values=["standard", "drop D", "open G", "DADGAD", "half step down", "open D", "drop C", "open E"], default="standard")},
     ["instrument"],
     ["show the {tuning} tuning for {instrument}", "get the string notes for a {instrument}[ in {tuning} tuning]",
      "look up how to tune a {instrument}[ to {tuning}]"])

# --- games ---------------------------------------------------------------------------------------------

VIDEO_GAMES = ["The Legend of Zelda: Breath of the Wild", "Elden Ring", "Minecraft", "Stardew Valley", "Hades", "The Witcher 3", "Red Dead Redemption 2", "Hollow Knight",
               "Celeste", "Baldur's Gate 3", "Tetris", "Super Mario Odyssey", "Portal 2", "Among Us", "God of War", "Cyberpunk 2077"]
GAME_PLATFORMS = ["pc", "playstation", "xbox", "switch", "mobile"]
GAME_GENRE_WORDS = "rpg:role-playing|shooter:shooter|platformer:platformer|strategy:strategy|puzzle:puzzle|racing:racing|sports:sports|simulation:simulation|horror:horror"
PLATFORM_WORDS = "pc:PC|playstation:PlayStation|xbox:Xbox|switch:Nintendo Switch|mobile:mobile"
tool("search_video_games", "games", "Search video games by genre, platform and price.",
     {"genre": choice("Game genre.", ["rpg", "shooter", "platformer", "strategy", "puzzle", "racing", "sports", "simulation", "horror"]),
      "platform": choice("Gaming platform.", GAME_PLATFORMS), "max_price": num("Highest price in USD.", kind="price", range=(5, 70), dec=0),
      "multiplayer": flag("Only games with online or local multiplayer.", yes=["with multiplayer", "that I can play with friends"], no=["single-player"], default=False)},
     ["genre"],
     ["find {genre=" + GAME_GENRE_WORDS + "} games[ on {platform=" + PLATFORM_WORDS + "}][ under {max_price}]",
      "search for {multiplayer?multiplayer|single-player} {genre=" + GAME_GENRE_WORDS + "} games",
      "look for a {genre=" + GAME_GENRE_WORDS + "} game[ for {platform=" + PLATFORM_WORDS + "}][ {multiplayer?with co-op|that is single-player}]"])
tool("get_game_details", "games", "Get details about a video game: developer, release date, rating and platforms.",
     {"title": text("Title of the game.", values=VIDEO_GAMES), "platform": choice("Platform version to describe.", GAME_PLATFORMS)},
     ["title"],
     ["get details about {title}[ on {platform=" + PLATFORM_WORDS + "}]", "look up the release date and reviews of {title}",
      "find out who developed {title}", "check the {platform=" + PLATFORM_WORDS + "} version of {title}"])
tool("get_achievements", "games", "List a player's achievements or trophies in a game.",
     {"username": text("The player's account name.", kind="username"), "game": text("Title of the game.", values=VIDEO_GAMES),
      "platform": choice("Gaming network.", ["steam", "playstation", "xbox"]),
      "unlocked_only": flag("Only achievements already unlocked.", yes=["unlocked ones only"], no=["including locked ones"], default=False)},
     ["username", "game"],
     ["list {username}'s achievements in {game}[ on {platform=steam:Steam|playstation:PlayStation|xbox:Xbox}]",
      "show which {game} trophies {username} has unlocked",
      "get the {platform=steam:Steam|playstation:PlayStation|xbox:Xbox} achievements for {username} in {game}",
      "check {username}'s progress in {game}[, {unlocked_only}]"])
tool("chess.get_opening", "games", "Get the main line of a chess opening and its key ideas.",
     {"opening": text("Name of the opening.", values=["Sicilian Defense", "Queen's Gambit", "Ruy Lopez", "King's Indian Defense", "French Defense", "Caro-Kann Defense", "Italian Game", "London System", "English Opening", "Nimzo-Indian Defense", "Scandinavian Defense", "Dutch Defense"]),
      "depth": integer("How many moves of the main line to show.", unit="moves", range=(4, 20), default=10),
      "side": choice("Whose point of view to explain it from.", ["white", "black"])},
     ["opening"],
     ["show the main line of the {opening}[ for {depth}]", "explain the {opening} from {side}'s point of view",
      "get the first {depth} of the {opening}", "look up the {opening}[ as {side}]"])
tool("get_chess_rating", "games", "Get a player's current chess rating for a time control.",
     {"username": text("Account name on the chess site.", kind="username"),
      "time_control": choice("Time control.", ["bullet", "blitz", "rapid", "classical"], default="rapid"),
      "site": choice("Chess site.", ["chess.com", "lichess"], default="lichess")},
     ["username"],
     ["get {username}'s {time_control} rating[ on {site}]", "look up the chess rating of {username}[ on {site}]",
      "check {username}'s[ {time_control}] Elo"])
tool("recommend_board_games", "games", "Recommend board games for a group size, play time and complexity.",
     {"players": integer("Number of players.", unit="players", range=(1, 8)),
      "max_minutes": integer("Longest acceptable play time in minutes.", unit="minutes", range=(15, 180)),
      "complexity": choice("Rules weight.", ["light", "medium", "heavy"]),
      "cooperative": flag("Cooperative rather than competitive games.", yes=["cooperative", "co-op"], no=["competitive"], default=False)},
     ["players"],
     ["recommend board games for {players}[ that take under {max_minutes}]",
      "suggest a {complexity=light:light|medium:medium-weight|heavy:heavy} board game for {players}",
      "find a {cooperative?cooperative|competitive} game for {players}[ lasting at most {max_minutes}]",
      "pick a[ {complexity=light:light|medium:medium-weight|heavy:heavy}] board game for game night with {players}"])
tool("dice_probability", "games", "Calculate the probability of rolling a total with several dice.",
     {"num_dice": integer("How many dice are rolled.", unit="dice", range=(2, 6)),
      "target": integer("The total to roll.", range=(3, 20)),
      "sides": integer("Sides on each die.", range=(4, 20), default=6, enum=[4, 6, 8, 10, 12, 20]),
      "comparison": choice("Exactly the total, or at least / at most it.", ["exactly", "at_least", "at_most"], default="exactly")},
     ["num_dice", "target"],
     ["calculate the odds of rolling {comparison=exactly:exactly|at_least:at least|at_most:at most} {target} with {num_dice}",
      "find the probability of a total of {target} on {num_dice}[, each {sides}-sided]",
      "work out the chance that {num_dice} add up to {target}"])
tool("find_speedrun_record", "games", "Get the speedrun leaderboard of a game category, with the world record.",
     {"game": text("Title of the game.", values=VIDEO_GAMES),
      "category": text("Run category, e.g. Any%.", values=["Any%", "100%", "Glitchless", "Low%", "All Bosses", "Any% No Major Glitches", "True Ending", "All Achievements"]),
      "top": integer("How many leaderboard places to show.", range=(3, 10), default=5)},
     ["game"],
     ["get the speedrun world record for {game}[ in {category}]", "show the top {top} {category} times in {game}",
      "find the fastest {game} speedrun[ for {category}]", "look up the {game} {category} leaderboard"])

# --- sports: rankings and records ----------------------------------------------------------------------

tool("get_world_rankings", "sports", "Get the current world rankings for an individual sport.",
     {"sport": choice("The sport.", ["tennis", "golf", "boxing", "badminton", "table_tennis", "squash", "surfing"]),
      "tour": choice("Men's or women's rankings.", ["men", "women"]),
      "limit": integer("How many ranked players.", range=(5, 50), default=10)},
     ["sport"],
     ["get the current {sport=table_tennis:table tennis|tennis:tennis|golf:golf|boxing:boxing|badminton:badminton|squash:squash|surfing:surfing} world rankings[ for {tour}]",
      "show the top[ {limit}][ {tour=men:men's|women:women's}] {sport=table_tennis:table tennis|tennis:tennis|golf:golf|boxing:boxing|badminton:badminton|squash:squash|surfing:surfing} players",
      "list who is ranked highest in {sport}"])
tool("sports.head_to_head", "sports", "Get the head-to-head record between two teams.",
     {"team_a": text("First team.", kind="team"), "team_b": text("Second team.", kind="team"),
      "competition": text("Only meetings in this competition.", values=["Champions League", "Premier League", "NBA Finals", "FA Cup", "Super Bowl", "World Series", "Copa del Rey", "Europa League", "NBA playoffs", "Stanley Cup playoffs"]),
      "last_n": integer("Only the most recent meetings.", unit="games", range=(3, 20))},
     ["team_a", "team_b"],
     ["get the head-to-head record of {team_a} against {team_b}[ in the {competition}]",
      "show how {team_a} have done against {team_b}[ over the last {last_n}]",
      "compare {team_a} and {team_b} in past meetings",
      "look up {competition} matches between {team_a} and {team_b}"])
tool("get_race_results", "sports", "Get the finishing order of a race in a given year.",
     {"race": text("Name of the race.", values=["Monaco Grand Prix", "Boston Marathon", "Tour de France", "Kentucky Derby", "Indianapolis 500", "London Marathon", "British Grand Prix", "Giro d'Italia", "New York City Marathon", "Daytona 500", "Melbourne Cup"]),
      "year": integer("Year of the race.", kind="year", range=(1990, 2024)),
      "top": integer("How many finishers to list.", range=(3, 20), default=10)},
     ["race", "year"],
     ["get the results of the {year} {race}", "show who won the {race} in {year}",
      "list the top {top} finishers at the {race} in {year}", "find the {race} {year} standings[, top {top}]"])
tool("get_olympic_medals", "sports", "Get a country's Olympic medal count at a Games, optionally in one sport.",
     {"country": text("Country.", kind="country"),
      "games": text("Which Olympic Games, e.g. Paris 2024.", values=["Paris 2024", "Tokyo 2020", "Rio 2016", "London 2012", "Beijing 2008", "Beijing 2022", "Pyeongchang 2018", "Sochi 2014", "Athens 2004", "Sydney 2000"]),
      "sport": text("Only medals in this sport.", values=["swimming", "athletics", "gymnastics", "cycling", "rowing", "judo", "fencing", "speed skating", "alpine skiing", "wrestling"])},
     ["country", "games"],
     ["get {country}'s medal count at {games}[ in {sport}]", "show how many medals {country} won at the {games} Olympics",
      "count {country}'s {sport} medals from {games}", "look up the {games} medal table for {country}"])
tool("fantasy.player_projection", "sports", "Get a fantasy football points projection for a player in a week.",
     {"player": text("Player's name.", values=["Patrick Mahomes", "Travis Kelce", "Josh Allen", "Christian McCaffrey", "Justin Jefferson", "Tyreek Hill", "Jalen Hurts", "Lamar Jackson", "CeeDee Lamb", "Saquon Barkley", "Ja'Marr Chase", "Derrick Henry"]), "week": integer("Week of the season.", range=(1, 18)),
      "scoring": choice("League scoring format.", ["standard", "ppr", "half_ppr"], default="ppr")},
     ["player", "week"],
     ["get the week {week} fantasy projection for {player}[ in {scoring=standard:standard|ppr:PPR|half_ppr:half-PPR} scoring]",
      "project {player}'s fantasy points for week {week}",
      "see how many {scoring=standard:standard|ppr:PPR|half_ppr:half-PPR} points {player} should score in week {week}"])
tool("get_injury_report", "sports", "Get the current injury report for a team.",
     {"team": text("Team name.", kind="team"),
      "status": choice("Only players with this status.", ["out", "doubtful", "questionable", "day_to_day"])},
     ["team"],
     ["get the injury report for {team}", "check which {team} players are injured",
      "list {team} players listed as {status=out:out|doubtful:doubtful|questionable:questionable|day_to_day:day-to-day}",
      "see who's hurt on {team}[, only those {status=out:ruled out|doubtful:doubtful|questionable:questionable|day_to_day:day-to-day}]"])

# --- insurance -----------------------------------------------------------------------------------------

CAR_MODELS = ["Honda Civic", "Toyota Camry", "Ford F-150", "Tesla Model 3", "Subaru Outback", "Jeep Wrangler", "BMW 3 Series", "Chevrolet Malibu", "Hyundai Tucson",
              "Mazda CX-5", "Nissan Leaf", "Kia Soul", "Volkswagen Golf", "Toyota RAV4"]
CLAIM_WORDS = "collision:collision|theft:theft|water_damage:water damage|fire:fire|medical:medical|liability:liability|storm:storm damage"
tool("get_auto_insurance_quote", "insurance", "Get a car insurance quote for a driver and vehicle.",
     {"vehicle": text("Make and model, e.g. Honda Civic.", values=CAR_MODELS),
      "vehicle_year": integer("Model year.", kind="year", range=(2005, 2025)),
      "zip_code": text("ZIP code where the car is kept.", kind="zip"),
      "driver_age": integer("Age of the main driver.", kind="age", range=(17, 85)),
      "coverage": choice("Coverage level.", ["liability", "standard", "full"], default="standard")},
     ["vehicle", "zip_code", "driver_age"],
     ["get a car insurance quote for a {vehicle} in {zip_code} for a driver aged {driver_age}",
      "quote[ {coverage=liability:liability-only|standard:standard|full:full}] coverage on a[ {vehicle_year}] {vehicle} for a {driver_age}-year-old in {zip_code}",
      "price auto insurance in ZIP {zip_code} for a {driver_age} year old driving a {vehicle}",
      "insure a {vehicle_year} {vehicle} kept in {zip_code}, main driver aged {driver_age}"])
tool("file_insurance_claim", "insurance", "File a claim against an insurance policy.",
     {"policy_id": text("Policy number.", kind="policy_id"),
      "claim_type": choice("What happened.", ["collision", "theft", "water_damage", "fire", "medical", "liability", "storm"]),
      "incident_date": text("Date of the incident, YYYY-MM-DD.", kind="past_date"),
      "estimated_amount": num("Estimated loss in USD.", kind="money", range=(200, 50000)),
      "description": text("Short account of what happened.", values=["police report filed", "photos attached", "a neighbor witnessed it", "repair estimate attached", "happened while we were away", "damage found the next morning", "second incident this year", "reported to the landlord"])},
     ["policy_id", "claim_type", "incident_date"],
     ["file a {claim_type=" + CLAIM_WORDS + "} claim on policy {policy_id} for an incident on {incident_date}",
      "open a claim under {policy_id} for {claim_type=" + CLAIM_WORDS + "} on {incident_date}[ of about {estimated_amount}]",
      "report a {claim_type=" + CLAIM_WORDS + "} loss from {incident_date} on {policy_id}[: {description}]"])
tool("compare_health_plans", "insurance", "Compare health insurance plans available to a household.",
     {"zip_code": text("ZIP code of the household.", kind="zip"), "age": integer("Age of the primary applicant.", kind="age", range=(18, 64)),
      "household_size": integer("People in the household.", unit="people", range=(1, 6)),
      "metal_tier": choice("Plan tier.", ["bronze", "silver", "gold", "platinum"]),
      "max_premium": num("Highest monthly premium in USD.", kind="price", range=(100, 1500), dec=0)},
     ["zip_code", "age"],
     ["compare health plans in {zip_code} for a {age}-year-old[ with a household of {household_size}]",
      "find[ {metal_tier}] health insurance for someone aged {age} in {zip_code}[ under {max_premium} a month]",
      "show {metal_tier} tier plans in {zip_code} for age {age}",
      "shop for health coverage in {zip_code}, age {age}[, {household_size} in the household]"])
tool("get_life_insurance_quote", "insurance", "Get a term life insurance quote.",
     {"age": integer("Applicant's age.", kind="age", range=(20, 70)),
      "coverage_amount": num("Death benefit in USD.", kind="money", range=(50000, 2000000)),
      "term_years": integer("Length of the term in years.", unit="years", range=(10, 30), enum=[10, 15, 20, 30]),
      "smoker": flag("Whether the applicant smokes.", yes=["a smoker"], no=["a non-smoker"], default=False)},
     ["age", "coverage_amount"],
     ["get a term life quote for {coverage_amount} of coverage at age {age}[ over {term_years}]",
      "price a life policy worth {coverage_amount} lasting {term_years} for a {age}-year-old[ {smoker?smoker|non-smoker}]",
      "quote life insurance of {coverage_amount} for someone aged {age}[ who is {smoker}]"])
tool("travel_insurance_quote", "insurance", "Get a travel insurance quote for a trip.",
     {"destination": text("Country being visited.", kind="country"),
      "start_date": text("First day of the trip, YYYY-MM-DD.", kind="date"), "end_date": text("Last day of the trip, YYYY-MM-DD.", kind="date"),
      "trip_cost": num("Total prepaid trip cost in USD.", kind="money", range=(500, 20000)),
      "traveler_ages": array("Age of each traveler.", item("integer", range=(2, 85)), n=(1, 4))},
     ["destination", "start_date", "end_date"],
     ["get travel insurance for a trip to {destination} from {start_date} to {end_date}[ costing {trip_cost}]",
      "quote trip insurance for {destination}, {start_date} to {end_date}[, for travelers aged {traveler_ages}]",
      "insure a {start_date} to {end_date} trip to {destination}[ for travelers aged {traveler_ages}]"])

# --- public transport ----------------------------------------------------------------------------------

TRANSIT_STOPS = ["Union Station", "Grand Central", "Penn Station", "King's Cross", "Shinjuku", "Alexanderplatz", "Gare du Nord", "Central Station", "Park Street",
                 "Times Square", "Embarcadero", "Oxford Circus", "Châtelet", "Potsdamer Platz", "Harbourfront", "Airport Terminal 2"]
TRANSIT_LINES = ["Red Line", "Blue Line", "Green Line", "Orange Line", "Northern line", "Circle line", "Jubilee line", "Yamanote Line", "U2", "M14 bus", "7 train", "RER B"]
RIDERS = ["adult", "child", "senior", "student"]
tool("get_next_departures", "transit", "Get the next departures from a transit stop or station.",
     {"stop": text("Stop or station name, e.g. Union Station.", values=TRANSIT_STOPS),
      "line": text("Only departures on this line or route, e.g. Red Line.", values=TRANSIT_LINES),
      "limit": integer("How many departures to list.", range=(3, 10), default=5)},
     ["stop"],
     ["get the next departures from {stop}[ on the {line}]", "show when the next {line} leaves {stop}",
      "list the next {limit} departures from {stop}", "check departures at {stop}[ for the {line}]"])
tool("plan_transit_trip", "transit", "Plan a public transport journey between two addresses.",
     {"origin": text("Starting address.", kind="address"), "destination": text("Destination address.", kind="address"),
      "depart_at": text("Departure time, HH:MM.", kind="time"),
      "modes": array("Transit modes allowed.", item("enum", options=["bus", "subway", "tram", "rail", "ferry"]), n=(1, 3)),
      "wheelchair_accessible": flag("Only step-free, wheelchair-accessible routes.", yes=["step-free", "wheelchair accessible"], no=["any route"], default=False)},
     ["origin", "destination"],
     ["plan a transit trip from {origin} to {destination}[ leaving at {depart_at}]",
      "find a {wheelchair_accessible?step-free|} public transport route from {origin} to {destination}",
      "get from {origin} to {destination} by public transport[ using only {modes}]",
      "work out which bus or train to take to {destination} from {origin}[ at {depart_at}]"])
tool("get_transit_fare", "transit", "Look up the public transport fare between two stations.",
     {"city": text("City of the transit system.", kind="city"),
      "from_station": text("Boarding station.", values=["Central Station", "Airport", "Harbourfront", "Old Town", "University", "Stadium", "City Hall", "Riverside", "Market Square", "North Terminal", "Westgate", "Museum Quarter", "Union Square", "Park Lane"]),
      "to_station": text("Destination station.", values=["Central Station", "Airport", "Harbourfront", "Old Town", "University", "Stadium", "City Hall", "Riverside", "Market Square", "North Terminal", "Westgate", "Museum Quarter", "Union Square", "Park Lane"]),
      "rider_type": choice("Fare category.", RIDERS, default="adult")},
     ["city", "from_station", "to_station"],
     ["look up the fare from {from_station} to {to_station} in {city}[ for {rider_type=adult:an adult|child:a child|senior:a senior|student:a student}]",
      "check how much {rider_type=adult:an adult|child:a child|senior:a senior|student:a student} ticket costs from {from_station} to {to_station} on {city} transit",
      "find the {city} transit fare between {from_station} and {to_station}"])
tool("transit.service_alerts", "transit", "Get service alerts and delays on a city's transit network.",
     {"city": text("City.", kind="city"), "line": text("Only this line.", values=TRANSIT_LINES),
      "mode": choice("Only this kind of service.", ["subway", "bus", "tram", "rail", "ferry"])},
     ["city"],
     ["check for transit delays in {city}[ on the {line}]", "get service alerts for {mode} lines in {city}",
      "see if the {line} in {city} is running on time", "list disruptions on {city} public transport[ affecting the {mode}]"])
tool("find_bike_share", "transit", "Find bike-share stations with available bikes near an address.",
     {"location": text("Address to search around.", kind="address"),
      "min_bikes": integer("Minimum bikes available at the station.", unit="bikes", range=(1, 10), default=1),
      "electric_only": flag("Only stations with e-bikes.", yes=["e-bikes only", "electric ones"], no=["any bike"], default=False),
      "radius_m": integer("Search radius in meters.", unit=["meters", "m"], range=(200, 2000), default=500)},
     ["location"],
     ["find a bike-share station near {location}[ with at least {min_bikes} available]",
      "look for {electric_only?e-bikes|bikes} to rent near {location}",
      "show bike docks within {radius_m} of {location}",
      "locate shared bikes around {location}[, {electric_only}]"])
tool("buy_transit_pass", "transit", "Buy a public transport pass for a city.",
     {"city": text("City of the transit system.", kind="city"),
      "pass_type": choice("Pass length.", ["single", "day", "week", "month"]),
      "rider_type": choice("Fare category.", RIDERS, default="adult"),
      "quantity": integer("How many passes.", unit="passes", range=(1, 5), default=1)},
     ["city", "pass_type"],
     ["buy a {pass_type=single:single-ride|day:day|week:weekly|month:monthly} transit pass for {city}",
      "purchase {rider_type=adult:an adult|child:a child|senior:a senior|student:a student} {pass_type=single:single-ride|day:day|week:weekly|month:monthly} pass in {city}",
      "get {quantity} for the {city} metro, {pass_type=single:single-ride|day:day|week:weekly|month:monthly} ones"])

# --- HR and recruiting ---------------------------------------------------------------------------------

JOB_TITLES = ["Software Engineer", "Product Manager", "Data Analyst", "UX Designer", "Registered Nurse", "Sales Associate", "Marketing Manager", "Staff Accountant",
              "Customer Support Specialist", "DevOps Engineer", "Warehouse Supervisor", "Graphic Designer", "Financial Analyst", "Backend Developer", "Project Coordinator"]
DEPARTMENTS = ["engineering", "sales", "marketing", "finance", "operations", "support", "design", "people"]
tool("post_job_opening", "hr", "Publish a job opening on the company careers page.",
     {"title": text("Job title, e.g. Data Analyst.", values=JOB_TITLES), "location": text("City where the role is based.", kind="city"),
      "department": choice("Hiring department.", DEPARTMENTS),
      "salary_max": num("Top of the salary range in USD per year.", kind="money", range=(40000, 250000)),
      "remote": flag("Whether the role is fully remote.", yes=["remote", "fully remote"], no=["on-site", "in the office"], default=False)},
     ["title", "location"],
     ["post a {title} opening in {location}[ paying up to {salary_max}]",
      "advertise a {remote?remote|on-site} {title} role based in {location}",
      "publish a job for a {title} in {location}[ on the {department} team]",
      "list a new {title} position[ in {department}] in {location}"])
tool("search_candidates", "hr", "Search the applicant database for candidates with given skills.",
     {"skills": array("Skills the candidate must have.", item("values", values=["Python", "SQL", "Kubernetes", "React", "Salesforce", "Excel", "Figma", "Java", "project management", "negotiation", "Spanish", "AWS", "Tableau", "copywriting"]), n=(1, 3)),
      "location": text("City the candidate lives in.", kind="city"),
      "min_years_experience": integer("Minimum years of experience.", unit="years", range=(1, 15))},
     ["skills"],
     ["find candidates who know {skills}[ in {location}][ with {min_years_experience} of experience]",
      "search applicants with {skills} skills[ near {location}]",
      "look for people with {min_years_experience} of {skills} experience",
      "pull up {location} candidates skilled in {skills}"])
tool("schedule_interview", "hr", "Schedule a job interview between a candidate and an interviewer.",
     {"candidate_name": text("Full name of the candidate.", kind="person"), "position": text("Job title being interviewed for.", values=JOB_TITLES),
      "date": text("Interview date, YYYY-MM-DD.", kind="date"), "time": text("Start time, HH:MM.", kind="time"),
      "interviewer": text("Full name of the interviewer.", kind="person"),
      "format": choice("Interview format.", ["video", "phone", "onsite"], default="video")},
     ["candidate_name", "position", "date", "time"],
     ["schedule an interview with {candidate_name} for the {position} role on {date} at {time}[ with {interviewer}]",
      "set up an interview[ {format=video:over video|phone:by phone|onsite:in person}] at {time} on {date} for {candidate_name}, who applied for {position}",
      "book {interviewer} to interview {candidate_name} for {position} on {date} at {time}",
      "arrange {candidate_name}'s {position} interview for {date} at {time}"])
tool("request_time_off", "hr", "Submit a time-off request for an employee.",
     {"employee_id": text("Employee identifier.", kind="employee_id"),
      "start_date": text("First day off, YYYY-MM-DD.", kind="date"), "end_date": text("Last day off, YYYY-MM-DD.", kind="date"),
      "leave_type": choice("Kind of leave.", ["vacation", "sick", "parental", "bereavement", "unpaid"], default="vacation")},
     ["employee_id", "start_date", "end_date"],
     ["request time off for {employee_id} from {start_date} to {end_date}[ as {leave_type} leave]",
      "book {leave_type} leave for employee {employee_id} between {start_date} and {end_date}",
      "submit a PTO request for {employee_id}, {start_date} through {end_date}"])
tool("get_salary_benchmark", "hr", "Get market salary ranges for a job title in a city.",
     {"job_title": text("Job title.", values=JOB_TITLES), "city": text("City.", kind="city"),
      "experience_level": choice("Seniority.", ["entry", "mid", "senior", "lead"]),
      "currency": text("Currency for the figures.", kind="currency", default="USD")},
     ["job_title", "city"],
     ["get salary benchmarks for a {job_title} in {city}",
      "find out what {experience_level=entry:entry-level|mid:mid-level|senior:senior|lead:lead} {job_title}s earn in {city}",
      "look up the market pay for {job_title} roles in {city}[ in {currency}]",
      "compare {city} salaries for {job_title}[ at {experience_level=entry:entry|mid:mid|senior:senior|lead:lead} level]"])
tool("submit_expense_report", "hr", "Submit an expense claim for reimbursement.",
     {"amount": num("Amount spent in USD.", kind="price", range=(5, 2000)),
      "category": choice("Expense category.", ["travel", "meals", "lodging", "software", "office_supplies", "training"]),
      "date": text("Date of the expense, YYYY-MM-DD.", kind="past_date"),
      "merchant": text("Where the money was spent.", values=["Delta", "Marriott", "Uber", "Staples", "Amazon", "Starbucks", "Hilton", "Udemy", "Lyft", "Office Depot"])},
     ["amount", "category"],
     ["submit a {amount} {category=office_supplies:office supplies|travel:travel|meals:meals|lodging:lodging|software:software|training:training} expense[ from {merchant}][ dated {date}]",
      "file an expense report for {amount} spent on {category=office_supplies:office supplies|travel:travel|meals:meals|lodging:lodging|software:software|training:training}[ at {merchant}]",
      "get reimbursed {amount} for {category=office_supplies:office supplies|travel:travel|meals:meals|lodging:lodging|software:software|training:training}[ on {date}]",
      "claim {amount} from {merchant} as a {category=office_supplies:office supplies|travel:travel|meals:meals|lodging:lodging|software:software|training:training} expense"])
tool("hr.lookup_employee", "hr", "Look up a colleague in the company directory.",
     {"name": text("The colleague's full name.", kind="person"), "department": choice("Department, to narrow the search.", DEPARTMENTS),
      "field": choice("Which detail to return.", ["email", "phone", "manager", "office", "title"], default="email")},
     ["name"],
     ["look up {name} in the company directory",
      "find {name}'s {field=email:email address|phone:phone number|manager:manager|office:office location|title:job title}",
      "get the contact details of {name}[ in {department}]"])
tool("search_jobs", "hr", "Search job listings by title, location and salary.",
     {"keywords": text("Job title or keywords.", values=JOB_TITLES), "location": text("City to search in.", kind="city"),
      "remote_only": flag("Only remote jobs.", yes=["remote only", "fully remote"], no=["on-site or hybrid"], default=False),
      "min_salary": num("Lowest acceptable salary in USD per year.", kind="money", range=(30000, 200000)),
      "posted_within_days": integer("Only listings posted in this many days.", unit="days", range=(1, 30))},
     ["keywords"],
     ["search for {keywords} jobs[ in {location}][ paying at least {min_salary}]",
      "find {remote_only?remote|on-site} {keywords} positions",
      "look for {keywords} openings posted in the last {posted_within_days}",
      "show {location} job listings for {keywords}"])

# --- e-commerce inventory ------------------------------------------------------------------------------

WAREHOUSES = ["Reno", "Memphis", "Newark", "Dallas", "Columbus", "Atlanta", "Seattle", "Phoenix", "Chicago", "Denver", "Harrisburg", "Louisville"]
SUPPLIERS = ["Acme Supply Co.", "Globex Components", "Northwind Traders", "Pacific Packaging", "Summit Textiles", "BrightPath Electronics", "Evergreen Foods", "Ironclad Hardware",
             "Bluewater Imports", "Keystone Paper"]
tool("inventory.get_stock_level", "inventory", "Get the current stock level of a SKU, on hand and reserved.",
     {"sku": text("Stock keeping unit.", kind="sku"), "warehouse": text("Only this warehouse.", values=WAREHOUSES)},
     ["sku"],
     ["get the stock level of {sku}[ in the {warehouse} warehouse]", "check how many units of {sku} are on hand[ at {warehouse}]",
      "look up {warehouse} inventory for {sku}", "see if we still have {sku} in stock"])
tool("adjust_inventory", "inventory", "Adjust the stock count of a SKU, adding or removing units with a reason.",
     {"sku": text("Stock keeping unit.", kind="sku"), "quantity": integer("Number of units.", unit="units", range=(1, 500)),
      "direction": choice("Add to or remove from stock.", ["add", "remove"]),
      "reason": choice("Why the stock changes.", ["received", "damaged", "returned", "cycle_count", "sold_offline"])},
     ["sku", "quantity", "direction"],
     ["adjust inventory for {sku}: {direction} {quantity}[, reason {reason=received:received|damaged:damaged|returned:returned|cycle_count:cycle count|sold_offline:sold offline}]",
      "{direction} {quantity} of {sku}",
      "record {quantity} of {sku} as {direction=add:added to|remove:removed from} stock[ due to {reason=received:a delivery|damaged:damage|returned:customer returns|cycle_count:a cycle count|sold_offline:offline sales}]"])
tool("create_purchase_order", "inventory", "Create a purchase order with a supplier.",
     {"supplier": text("Supplier name.", values=SUPPLIERS), "sku": text("Stock keeping unit to order.", kind="sku"),
      "quantity": integer("Units to order.", unit="units", range=(10, 5000)),
      "delivery_date": text("Requested delivery date, YYYY-MM-DD.", kind="date"),
      "expedited": flag("Pay for expedited shipping.", yes=["expedited", "rush shipping"], no=["standard shipping"], default=False)},
     ["supplier", "sku", "quantity"],
     ["create a purchase order with {supplier} for {quantity} of {sku}[ due {delivery_date}]",
      "order {quantity} of {sku} from {supplier}[ {expedited?with expedited shipping|at standard speed}]",
      "raise a PO to {supplier}: {quantity} of {sku}[, delivered by {delivery_date}]",
      "reorder {sku} from {supplier}, {quantity}"])
tool("list_low_stock", "inventory", "List SKUs whose stock has fallen below a threshold.",
     {"threshold": integer("Stock level below which an item counts as low.", unit="units", range=(5, 100), default=10),
      "warehouse": text("Only this warehouse.", values=WAREHOUSES),
      "category": choice("Only this product category.", ["electronics", "apparel", "home", "grocery", "toys", "beauty"])},
     [],
     ["list items running low on stock[ in {warehouse}]", "show everything with fewer than {threshold} left[ at {warehouse}]",
      "find low-stock {category} products[ under {threshold}]", "get the reorder list[ for the {warehouse} warehouse]"])
tool("inventory.transfer_stock", "inventory", "Move units of a SKU from one warehouse to another.",
     {"sku": text("Stock keeping unit.", kind="sku"), "from_warehouse": text("Warehouse the stock leaves.", values=WAREHOUSES),
      "to_warehouse": text("Warehouse receiving the stock.", values=WAREHOUSES), "quantity": integer("Units to move.", unit="units", range=(5, 1000))},
     ["sku", "from_warehouse", "to_warehouse", "quantity"],
     ["transfer {quantity} of {sku} from {from_warehouse} to {to_warehouse}",
      "move {quantity} of {sku} to {to_warehouse} from {from_warehouse}",
      "ship {quantity} of {sku} over to the {to_warehouse} warehouse from {from_warehouse}",
      "rebalance {sku}: send {quantity} from {from_warehouse} to {to_warehouse}"])
tool("get_sales_report", "inventory", "Get a sales report for a date range, grouped by product, channel, day or region.",
     {"start_date": text("First day, YYYY-MM-DD.", kind="past_date"), "end_date": text("Last day, YYYY-MM-DD.", kind="past_date"),
      "group_by": choice("How to group the totals.", ["product", "channel", "day", "region"], default="product"),
      "channel": choice("Only this sales channel.", ["online", "retail", "wholesale", "marketplace"])},
     ["start_date", "end_date"],
     ["get a sales report from {start_date} to {end_date}[ grouped by {group_by}]",
      "summarize {channel} sales between {start_date} and {end_date}",
      "break down sales by {group_by} for {start_date} through {end_date}"])
tool("set_product_price", "inventory", "Change a product's list price, optionally from a future date.",
     {"product_id": text("Product identifier.", kind="product_id"), "new_price": num("New price in USD.", kind="price", range=(2, 1500)),
      "effective_date": text("Date the price takes effect, YYYY-MM-DD.", kind="date")},
     ["product_id", "new_price"],
     ["set the price of {product_id} to {new_price}[ starting {effective_date}]", "change {product_id}'s list price to {new_price}[ from {effective_date}]",
      "reprice {product_id} at {new_price}"])

# --- databases -----------------------------------------------------------------------------------------

DB_TABLES = ["customers", "orders", "products", "employees", "invoices", "shipments", "users", "payments", "subscriptions", "tickets", "events", "reviews"]
DB_COLUMNS = ["email", "created_at", "status", "country", "total", "last_login", "price", "customer_id", "signup_date", "category", "amount", "region"]
DB_FILTERS = ["status = 'active'", "country = 'US'", "total > 100", "created_at >= '2024-01-01'", "price < 50", "region = 'EMEA'", "amount > 1000",
              "last_login IS NULL", "category = 'books'", "signup_date < '2023-06-30'"]
tool("db.select_rows", "database", "Select rows from a database table, with optional columns, filter and row limit.",
     {"table": text("Table to read from.", values=DB_TABLES),
      "columns": array("Columns to return; all columns when omitted.", item("values", values=DB_COLUMNS), n=(1, 3)),
      "where": text("SQL filter condition, e.g. status = 'active'.", values=DB_FILTERS),
      "limit": integer("Maximum rows to return.", range=(5, 500), default=100)},
     ["table"],
     ["select rows from {table}[ where {where}][, limit {limit}]",
      "get {columns} from the {table} table[ where {where}]",
      "query {table}[ for rows matching {where}]",
      "pull the first {limit} {table} records"])
tool("db.insert_record", "database", "Insert a new record into a people table, e.g. customers or users.",
     {"table": text("Table to insert into.", values=["customers", "users", "employees", "contacts", "members", "subscribers", "leads", "vendors"]),
      "record": obj("Column values of the new row.", {"name": text("Full name.", kind="person"), "email": text("Email address.", kind="email"),
                                                      "status": choice("Account status.", ["active", "pending", "inactive"])}, required=["name", "email"])},
     ["table", "record"],
     ["insert {record} into {table}", "add a row to the {table} table: {record}", "create a new {table} record with {record}"])
tool("db.create_index", "database", "Create an index on a table column.",
     {"table": text("Table to index.", values=DB_TABLES), "column": text("Column to index.", values=DB_COLUMNS),
      "unique": flag("Enforce unique values.", yes=["unique", "enforcing uniqueness"], no=["non-unique", "allowing duplicates"], default=False)},
     ["table", "column"],
     ["create an index on {table}.{column}", "add a {unique?unique|non-unique} index on the {column} column of {table}",
      "index {column} in the {table} table[, {unique}]"])
tool("db.export_table", "database", "Export a database table to a file.",
     {"table": text("Table to export.", values=DB_TABLES), "format": choice("File format.", ["csv", "json", "parquet", "sql"], default="csv"),
      "destination": text("Folder to write the export to.", kind="dir_path"),
      "compress": flag("Gzip the output.", yes=["gzipped", "compressed"], no=["uncompressed"], default=False)},
     ["table"],
     ["export the {table} table[ as {format=csv:CSV|json:JSON|parquet:Parquet|sql:a SQL dump}][ to {destination}]",
      "dump {table} to {format=csv:CSV|json:JSON|parquet:Parquet|sql:SQL}",
      "save a[ {compress?compressed|plain}] copy of {table}[ in {destination}]"])
tool("db.describe_table", "database", "Describe the structure of a table: columns, types and indexes.",
     {"table": text("Table to describe.", values=DB_TABLES),
      "database": text("Database the table lives in.", values=["production", "analytics", "staging", "warehouse", "crm", "billing", "reporting", "archive"])},
     ["table"],
     ["describe the {table} table[ in the {database} database]", "show the schema of {table}[ on {database}]",
      "list the columns of {database}.{table}"])

# --- statistics and probability ------------------------------------------------------------------------

CONFIDENCE = ["90", "95", "99"]
tool("two_sample_t_test", "statistics", "Run a two-sample t-test comparing the means of two groups.",
     {"group_a": array("Measurements of the first group.", item("number", range=(10, 100), dec=1), n=(4, 8)),
      "group_b": array("Measurements of the second group.", item("number", range=(10, 100), dec=1), n=(4, 8)),
      "alternative": choice("Alternative hypothesis.", ["two_sided", "less", "greater"], default="two_sided"),
      "alpha": num("Significance level.", range=(0.01, 0.1), dec=2, default=0.05)},
     ["group_a", "group_b"],
     ["run a t-test comparing {group_a} with {group_b}[ at significance level {alpha}]",
      "test whether the means of {group_a} and {group_b} differ[ at alpha {alpha}]",
      "do a[ {alternative=two_sided:two-sided|less:one-sided (less than)|greater:one-sided (greater than)}] t-test on {group_a} versus {group_b}"])
tool("confidence_interval", "statistics", "Compute a confidence interval for a population mean.",
     {"mean": num("Sample mean.", range=(10, 500), dec=1), "std_dev": num("Sample standard deviation.", range=(1, 50), dec=1),
      "sample_size": integer("Number of observations.", range=(10, 2000)),
      "confidence_level": choice("Confidence level in percent.", CONFIDENCE, default="95")},
     ["mean", "std_dev", "sample_size"],
     ["compute a {confidence_level}% confidence interval for a mean of {mean} with standard deviation {std_dev} and n = {sample_size}",
      "find the confidence interval around {mean} given a standard deviation of {std_dev} and {sample_size} observations",
      "work out the margin of error for a sample of {sample_size} with mean {mean} and SD {std_dev}[ at {confidence_level}% confidence]"])
tool("linear_regression", "statistics", "Fit a least-squares line to paired data and optionally predict a value.",
     {"x_values": array("Values of the predictor.", item("number", range=(0, 50), dec=0), n=(4, 7)),
      "y_values": array("Values of the response.", item("number", range=(0, 200), dec=0), n=(4, 7)),
      "predict_at": num("An x value to predict y for.", range=(0, 80), dec=0)},
     ["x_values", "y_values"],
     ["fit a regression line to x = {x_values} and y = {y_values}[ and predict y at x = {predict_at}]",
      "run a linear regression of {y_values} on {x_values}",
      "find the line of best fit through x {x_values} and y {y_values}[, then estimate y for {predict_at}]"])
tool("poisson_probability", "statistics", "Calculate the Poisson probability of observing k events given an average rate.",
     {"rate": num("Average number of events per interval (lambda).", range=(0.5, 20), dec=1),
      "k": integer("Number of events.", range=(0, 25)),
      "cumulative": flag("Probability of k or fewer events instead of exactly k.", yes=["k or fewer", "at most k"], no=["exactly k"], default=False)},
     ["rate", "k"],
     ["calculate the Poisson probability of {k} events when the average is {rate}",
      "find the chance of seeing {cumulative?at most|exactly} {k} arrivals with a mean rate of {rate}",
      "with an average of {rate} per hour, work out the probability of {k} occurrences"])
tool("normal_distribution_probability", "statistics", "Calculate a tail probability under a normal distribution, below or above a value.",
     {"mean": num("Mean of the distribution.", range=(0, 200), dec=0), "std_dev": num("Standard deviation.", range=(1, 30), dec=1),
      "x": num("The cut-off value.", range=(0, 250), dec=0),
      "tail": choice("Probability below or above x.", ["below", "above"])},
     ["mean", "std_dev", "x", "tail"],
     ["find the probability that a normal variable with mean {mean} and standard deviation {std_dev} is {tail} {x}",
      "calculate the area {tail} {x} under a normal curve with mean {mean} and SD {std_dev}",
      "work out the chance of scoring {tail} {x} if scores are normal with mean {mean} and standard deviation {std_dev}"])
tool("sample_size_calculator", "statistics", "Calculate the survey sample size needed for a margin of error.",
     {"margin_of_error": num("Desired margin of error in percent.", kind="percent", range=(1, 10), dec=1),
      "confidence_level": choice("Confidence level in percent.", CONFIDENCE, default="95"),
      "population_size": integer("Size of the population, for the finite-population correction.", range=(500, 1000000))},
     ["margin_of_error"],
     ["calculate the sample size for a {margin_of_error} margin of error[ at {confidence_level}% confidence]",
      "find how many people to survey to get within {margin_of_error}[ out of a population of {population_size}]",
      "work out the respondents needed for {confidence_level}% confidence and a margin of {margin_of_error}"])
tool("chi_square_test", "statistics", "Run a chi-square goodness-of-fit test on observed versus expected counts.",
     {"observed": array("Observed counts per category.", item("integer", range=(5, 200)), n=(3, 6)),
      "expected": array("Expected counts per category, in the same order.", item("integer", range=(5, 200)), n=(3, 6))},
     ["observed", "expected"],
     ["run a chi-square test with observed counts {observed} and expected counts {expected}",
      "test if {observed} fit the expected frequencies {expected}",
      "compare observed {observed} against expected {expected} with a chi-square test"])
tool("math.combinations", "math", "Count the ways to choose k items from n, with or without regard to order.",
     {"n": integer("Total number of items.", range=(2, 60)), "k": integer("Number of items chosen.", range=(1, 10)),
      "order_matters": flag("Count ordered arrangements (permutations) instead of combinations.", yes=["where order matters", "as permutations"], no=["where order doesn't matter", "as combinations"], default=False)},
     ["n", "k"],
     ["count the ways to choose {k} from {n}[ {order_matters?where order matters|where order doesn't matter}]",
      "calculate the number of ways to select {k} out of {n}",
      "find the number of {order_matters?permutations|combinations} of {k} items out of {n}",
      "work out how many ways there are to pick {k} of {n}[, {order_matters}]"])

# --- law: court records and IP -------------------------------------------------------------------------

COURTS = ["Southern District of New York", "Northern District of California", "Cook County Circuit Court", "Los Angeles Superior Court", "Ninth Circuit Court of Appeals",
          "Harris County District Court", "District of Columbia Superior Court", "Miami-Dade County Court", "Eastern District of Texas", "Delaware Court of Chancery"]
tool("court_records.search", "law", "Search court records by party name, court and case type.",
     {"party_name": text("Name of a party to the case.", kind="person"), "court": text("Only cases in this court.", values=COURTS),
      "case_type": choice("Type of case.", ["civil", "criminal", "family", "probate", "bankruptcy", "traffic"]),
      "filed_after": text("Only cases filed after this date, YYYY-MM-DD.", kind="past_date")},
     ["party_name"],
     ["search court records for {party_name}[ in the {court}]",
      "find {case_type} cases involving {party_name}[ filed after {filed_after}]",
      "look up lawsuits naming {party_name}[ since {filed_after}]",
      "check the {court} docket for cases with {party_name}"])
tool("trademark_search", "law", "Search the trademark register for a word mark, registered or pending.",
     {"mark": text("The word mark to check.", values=["Sunbeam", "BlueHarbor", "Zestly", "NovaTrail", "Quokka", "Firefly Labs", "Ironleaf", "PixelPeak", "Maple & Moss", "Brightside", "Tidewater", "Kindling"]),
      "nice_class": integer("Nice classification class number, 1 to 45.", range=(1, 45)),
      "jurisdiction": choice("Trademark register.", ["us", "eu", "uk", "international"], default="us")},
     ["mark"],
     ["check whether {mark} is a registered trademark[ in class {nice_class}]",
      "search trademarks for {mark}[ in the {jurisdiction=us:US|eu:EU|uk:UK|international:international} register]",
      "see if the name {mark} is taken as a trademark",
      "run {jurisdiction=us:a US|eu:an EU|uk:a UK|international:an international} trademark search on {mark}"])
tool("patent_search", "law", "Search patents by keywords, assignee or inventor.",
     {"keywords": text("What the invention is about.", values=["solid-state battery", "gene editing", "drone delivery", "wireless charging", "carbon capture", "facial recognition", "lidar sensor", "mRNA vaccine", "smart thermostat", "water desalination", "foldable display"]),
      "assignee": text("Company that owns the patent.", kind="company"), "inventor": text("Name of an inventor.", kind="person"),
      "filed_after": integer("Only patents filed after this year.", kind="year", range=(1995, 2023))},
     ["keywords"],
     ["search patents on {keywords}[ assigned to {assignee}][ filed after {filed_after}]",
      "find {assignee} patents about {keywords}",
      "look up patents for {keywords} by the inventor {inventor}",
      "check prior art on {keywords}[ since {filed_after}]"])
tool("calculate_child_support", "law", "Estimate the monthly child support owed under a state's guidelines.",
     {"state": text("US state.", kind="us_state"),
      "paying_parent_income": num("Paying parent's gross monthly income in USD.", kind="money", range=(1500, 20000)),
      "receiving_parent_income": num("Receiving parent's gross monthly income in USD.", kind="money", range=(500, 15000)),
      "children": integer("Number of children.", unit="children", range=(1, 5))},
     ["state", "paying_parent_income", "children"],
     ["estimate child support in {state} for {children} when the paying parent earns {paying_parent_income} a month[ and the other earns {receiving_parent_income}]",
      "calculate monthly child support for {children} in {state} on an income of {paying_parent_income}",
      "work out {state} child support with {children} and a paying parent income of {paying_parent_income}[ against {receiving_parent_income}]"])
tool("legal.define_term", "law", "Explain a legal term in plain language.",
     {"term": text("The legal term.", values=["habeas corpus", "tort", "estoppel", "subpoena", "indemnity", "force majeure", "power of attorney", "probate", "easement", "voir dire", "pro bono", "mens rea", "affidavit", "lien"]),
      "jurisdiction": choice("Legal system.", ["us", "uk", "canada", "australia"], default="us")},
     ["term"],
     ["define the legal term {term}",
      "explain what {term} means[ under {jurisdiction=us:US|uk:UK|canada:Canadian|australia:Australian} law]",
      "look up {term} in a legal dictionary", "get a plain-English definition of {term}"])

# --- real estate: investing and listings ---------------------------------------------------------------

tool("calculate_rental_yield", "real_estate", "Calculate the rental yield of an investment property, gross and net.",
     {"purchase_price": num("Purchase price in USD.", kind="money", range=(80000, 1500000)),
      "monthly_rent": num("Monthly rent in USD.", kind="money", range=(600, 8000)),
      "annual_expenses": num("Yearly costs (tax, insurance, upkeep) in USD.", kind="money", range=(1000, 30000))},
     ["purchase_price", "monthly_rent"],
     ["calculate the rental yield on a {purchase_price} property renting for {monthly_rent} a month[ with {annual_expenses} in yearly costs]",
      "work out the return on a rental bought for {purchase_price} that brings in {monthly_rent} monthly",
      "find the net yield for a purchase price of {purchase_price}, rent of {monthly_rent} per month and {annual_expenses} of expenses a year"])
tool("find_open_houses", "real_estate", "Find open houses in a city on a date.",
     {"city": text("City and state.", kind="us_city"), "date": text("Date, YYYY-MM-DD.", kind="date"),
      "min_bedrooms": integer("Minimum bedrooms.", unit="bedrooms", range=(1, 5)),
      "max_price": num("Highest asking price in USD.", kind="money", range=(150000, 2000000))},
     ["city"],
     ["find open houses in {city}[ on {date}]", "list {date} open houses around {city}[ with {min_bedrooms} or more]",
      "see which homes in {city} are open for viewing[ under {max_price}]",
      "look for open houses near {city} with at least {min_bedrooms}"])
tool("get_property_history", "real_estate", "Get the sales history and tax records of a property.",
     {"address": text("Street address.", kind="address"), "city": text("City and state.", kind="us_city"),
      "include_tax_history": flag("Also return property tax records.", yes=["with tax records", "including tax history"], no=["sales only"], default=False)},
     ["address", "city"],
     ["get the sale history of {address} in {city}",
      "look up past sales of {address}, {city}[ {include_tax_history?with tax records|without tax records}]",
      "find what {address} in {city} sold for before"])
tool("list_rental_property", "real_estate", "Create a rental listing for a property.",
     {"address": text("Street address of the rental.", kind="address"), "monthly_rent": num("Asking rent per month in USD.", kind="money", range=(600, 8000)),
      "bedrooms": integer("Number of bedrooms.", unit="bedrooms", range=(1, 5)),
      "pets_allowed": flag("Whether pets are allowed.", yes=["pets allowed", "pet-friendly"], no=["no pets"], default=False),
      "available_from": text("Move-in date, YYYY-MM-DD.", kind="date")},
     ["address", "monthly_rent"],
     ["list {address} for rent at {monthly_rent} a month[ from {available_from}]",
      "create a rental listing for {address}[ with {bedrooms}] at {monthly_rent}[, {pets_allowed}]",
      "advertise a {pets_allowed?pet-friendly|no-pets} rental at {address} for {monthly_rent}"])

# --- education: admissions and libraries ---------------------------------------------------------------

UNIVERSITIES = ["MIT", "Stanford University", "University of Oxford", "University of Cambridge", "Harvard University", "UC Berkeley", "ETH Zurich", "University of Toronto",
                "University of Tokyo", "National University of Singapore", "University of Melbourne", "Imperial College London", "University of Michigan", "McGill University"]
tool("get_course_prerequisites", "education", "List the prerequisites of a course at a university.",
     {"course": text("Course name.", kind="course"), "university": text("University offering the course.", values=UNIVERSITIES)},
     ["course"],
     ["list the prerequisites for {course}[ at {university}]", "find out what I need to take before {course}[ at {university}]",
      "check {university}'s requirements for {course}"])
tool("get_admission_stats", "education", "Get admission statistics for a university program.",
     {"university": text("University.", values=UNIVERSITIES), "program": text("Field of study.", kind="subject"),
      "year": integer("Admissions year.", kind="year", range=(2015, 2024)),
      "degree": choice("Degree level.", ["bachelors", "masters", "phd"])},
     ["university", "program"],
     ["get admission statistics for {program} at {university}[ for {year}]",
      "find the acceptance rate of the {program} program at {university}",
      "look up how hard it is to get into {program} at {university}[ for a {degree=bachelors:bachelor's|masters:master's|phd:PhD}]",
      "show {year} {degree=bachelors:bachelor's|masters:master's|phd:PhD} admissions data for {program} at {university}"])
tool("search_scholarships", "education", "Search scholarships by field of study and country.",
     {"field": text("Field of study.", kind="subject"), "country": text("Country of study.", kind="country"),
      "min_amount": num("Smallest award in USD.", kind="money", range=(500, 50000)),
      "level": choice("Level of study.", ["undergraduate", "graduate", "doctoral"]),
      "deadline_after": text("Only scholarships with a deadline after this date, YYYY-MM-DD.", kind="date")},
     ["field"],
     ["search for scholarships in {field}[ in {country}][ worth at least {min_amount}]",
      "find {level} funding for {field} students[ closing after {deadline_after}]",
      "look for {country} scholarships for {field}",
      "list {field} scholarships[ for {level} study]"])
tool("library.check_availability", "education", "Check the availability of a book at a library branch.",
     {"title": text("Book title.", kind="book"),
      "branch": text("Library branch.", values=["Central Library", "Eastside Branch", "Riverside Branch", "Northgate Branch", "University Library", "Westwood Branch", "Harbor View Branch", "Oak Park Branch"]),
      "format": choice("Format wanted.", ["print", "ebook", "audiobook", "large_print"], default="print")},
     ["title"],
     ["check if {title} is available at the library[ at {branch}]",
      "see whether {branch} has {title} on the shelf",
      "find a copy of {title}[ in {format=print:print|ebook:e-book form|audiobook:audio|large_print:large print}]",
      "look up {title} in the library catalogue[ for {branch}]"])

# --- food and drink: classes and wine ------------------------------------------------------------------

tool("find_cooking_class", "cooking", "Find cooking classes for a cuisine or technique in a city.",
     {"cuisine": text("Cuisine or technique, e.g. Thai or pastry.", values=["Thai", "Italian", "French pastry", "sushi", "Indian", "Mexican", "bread baking", "Korean", "vegan", "Spanish tapas", "Vietnamese", "knife skills"]),
      "city": text("City.", kind="city"), "date": text("Date, YYYY-MM-DD.", kind="date"),
      "max_price": num("Highest price per person in USD.", kind="price", range=(30, 250), dec=0)},
     ["cuisine", "city"],
     ["find a {cuisine} cooking class in {city}[ on {date}]", "look for {cuisine} classes near {city}[ under {max_price}]",
      "search {city} for {cuisine} cooking lessons[ on {date}]", "find somewhere in {city} to learn {cuisine}"])
tool("wine.lookup", "cooking", "Look up tasting notes and typical prices for a wine by grape, region and vintage.",
     {"grape": text("Grape variety, e.g. Pinot Noir.", values=["Pinot Noir", "Cabernet Sauvignon", "Chardonnay", "Riesling", "Malbec", "Sauvignon Blanc", "Tempranillo", "Syrah", "Nebbiolo", "Merlot", "Grenache", "Chenin Blanc"]),
      "region": text("Wine region, e.g. Burgundy.", values=["Burgundy", "Napa Valley", "Mendoza", "Rioja", "Barossa Valley", "Mosel", "Tuscany", "Marlborough", "Willamette Valley", "Bordeaux", "Piedmont", "Stellenbosch"]),
      "vintage": integer("Vintage year.", kind="year", range=(2000, 2022))},
     ["grape"],
     ["look up {grape} from {region}[ in the {vintage} vintage]", "get tasting notes for a {vintage} {grape}[ from {region}]",
      "find typical prices for {region} {grape}", "describe {grape} wines[ from {region}]"])

# --- automotive ----------------------------------------------------------------------------------------

tool("decode_vin", "automotive", "Decode a vehicle identification number. Returns the make, model, year and specs.",
     {"vin": text("The 17-character vehicle identification number.", kind="vin")},
     ["vin"],
     ["decode the VIN {vin}", "look up the car with VIN {vin}", "find out the make and model for {vin}"])
tool("estimate_car_value", "automotive", "Estimate the resale value of a used car, trade-in or private sale.",
     {"vehicle": text("Make and model, e.g. Toyota Camry.", values=CAR_MODELS), "year": integer("Model year.", kind="year", range=(2008, 2024)),
      "mileage": integer("Odometer reading in miles.", unit="miles", range=(5000, 200000)),
      "condition": choice("Overall condition.", ["excellent", "good", "fair", "poor"], default="good"),
      "sale_type": choice("Trade-in or private sale.", ["trade_in", "private_party"], default="private_party")},
     ["vehicle", "year", "mileage"],
     ["estimate the value of a {year} {vehicle} with {mileage} on it",
      "find out what my {year} {vehicle} with {mileage} is worth[ in {condition} condition]",
      "get a {sale_type=trade_in:trade-in|private_party:private sale} price for a {year} {vehicle} with {mileage}",
      "price a used {vehicle} from {year} with {mileage}[ in {condition} shape]"])
tool("find_ev_chargers", "automotive", "Find electric vehicle charging stations near a city.",
     {"location": text("City to search.", kind="city"),
      "connector": choice("Plug type.", ["ccs", "chademo", "tesla", "type2", "j1772"]),
      "min_power_kw": integer("Minimum charging power in kilowatts.", unit="kW", range=(7, 350)),
      "available_now": flag("Only chargers free right now.", yes=["free right now", "currently available"], no=["busy or not"], default=False)},
     ["location"],
     ["find EV chargers near {location}[ with {connector=ccs:CCS|chademo:CHAdeMO|tesla:Tesla|type2:Type 2|j1772:J1772} plugs]",
      "look for {min_power_kw} fast chargers in {location}",
      "show charging stations around {location}[, {available_now?only free ones|busy or not}]"])
tool("check_vehicle_recalls", "automotive", "Check open safety recalls for a vehicle model and year.",
     {"vehicle": text("Make and model.", values=CAR_MODELS), "year": integer("Model year.", kind="year", range=(2008, 2025))},
     ["vehicle", "year"],
     ["check for recalls on a {year} {vehicle}", "see if the {year} {vehicle} has any open safety recalls",
      "look up recall notices for {vehicle} models from {year}"])

# --- government and civic services ---------------------------------------------------------------------

tool("find_polling_place", "government", "Find the polling place for a voter's address.",
     {"address": text("Home street address.", kind="address"), "zip_code": text("ZIP code.", kind="zip"),
      "election_date": text("Election date, YYYY-MM-DD.", kind="date")},
     ["address", "zip_code"],
     ["find the polling place for {address}, {zip_code}[ on {election_date}]",
      "look up where to vote for someone living at {address} in {zip_code}",
      "get the voting location for {address} {zip_code}[ for the {election_date} election]"])
tool("get_elected_officials", "government", "List the elected officials who represent a city.",
     {"location": text("City and state.", kind="us_city"),
      "level": choice("Level of government.", ["federal", "state", "county", "city"])},
     ["location"],
     ["list the elected officials for {location}[ at the {level} level]",
      "find out who represents {location}[ in {level} government]",
      "get {location}'s {level} representatives"])
tool("report_city_issue", "government", "Report a non-emergency city issue such as a pothole or a broken streetlight.",
     {"issue_type": choice("What the problem is.", ["pothole", "streetlight", "graffiti", "missed_trash_pickup", "noise", "fallen_tree", "abandoned_vehicle"]),
      "address": text("Where the problem is.", kind="address"),
      "details": text("Extra details for the crew.", values=["been there for two weeks", "near the school crossing", "on the north side of the street", "next to the bus stop", "in front of the library", "at the corner by the park", "across from the fire station", "getting worse every day"])},
     ["issue_type", "address"],
     ["report a {issue_type=pothole:pothole|streetlight:broken streetlight|graffiti:graffiti problem|missed_trash_pickup:missed trash pickup|noise:noise complaint|fallen_tree:fallen tree|abandoned_vehicle:abandoned vehicle} at {address}",
      "file a 311 request about a {issue_type=pothole:pothole|streetlight:streetlight that is out|graffiti:graffiti tag|missed_trash_pickup:missed trash pickup|noise:noise problem|fallen_tree:fallen tree|abandoned_vehicle:abandoned car} on {address}[: {details}]",
      "let the city know about {issue_type=pothole:a pothole|streetlight:a broken streetlight|graffiti:graffiti|missed_trash_pickup:a missed trash pickup|noise:a noise issue|fallen_tree:a fallen tree|abandoned_vehicle:an abandoned vehicle} near {address}[, {details}]"])

# fmt: on


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="validate and report; write nothing")
    args = ap.parse_args()
    problems = check(TOOLS)
    cat = Catalogue(TOOLS, name="general", version="1", source=SOURCE)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        sys.exit(f"{len(problems)} problem(s); nothing written")
    print(f"{len(cat)} tools in {len(cat.categories)} categories")
    if not args.check:
        cat.save(OUT)
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
