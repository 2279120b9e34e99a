"""Figures: every form of point 5 of the 1.0 issue, and what is not a figure."""
import pytest

from conftest import figure_at


@pytest.mark.parametrize("text, figure, low, high, mod, unit, kind", [
    # digits, separators, decimals
    ("The event was attended by 15,000 people.", "15,000", 15000, 15000, None, "people", "count"),
    ("The index closed at 11,489.30 points.", "11,489.30", 11489.3, 11489.3, None, "points", "measure"),
    # scale words and suffixes
    ("The company raised 1.5 million dollars.", "1.5 million dollars", 1.5e6, 1.5e6, None, "USD", "money"),
    ("Boeing secures $11bn of aircraft deals.", "$11bn", 11e9, 11e9, None, "USD", "money"),
    ("Hillblazers bundled $137M for her bid.", "$137M", 137e6, 137e6, None, "USD", "money"),
    ("They raised $175million through October.", "$175million", 175e6, 175e6, None, "USD", "money"),
    ("The fund holds £5m in cash.", "£5m", 5e6, 5e6, None, "GBP", "money"),
    ("The debt reached $2 tn last year.", "$2 tn", 2e12, 2e12, None, "USD", "money"),
    ("He earns $30k a year.", "$30k", 30000, 30000, None, "USD", "money"),
    ("More than 2.6million Americans have donated.", "More than 2.6million", 2.6e6, 2.6e6, "more_than", "Americans", "count"),
    # spelled-out numbers
    ("A plan to bail out three large auto companies failed.", "three", 3, 3, None, "companies", "count"),
    ("Officials counted forty-five ships in the port.", "forty-five", 45, 45, None, "ships", "count"),
    ("Police arrested a dozen protesters.", "a dozen", 12, 12, None, "protesters", "count"),
    ("Voters rejected the plan by two-thirds of the vote.", "two-thirds", 0.6667, 0.6667, None, "vote", "count"),
    ("Eight out of 10 voters backed the plan.", "Eight out of 10", 0.8, 0.8, None, "voters", "count"),
    # currencies
    ("Russia will infuse US$19.7 billion into its markets.", "US$19.7 billion", 19.7e9, 19.7e9, None, "USD", "money"),
    ("The bank lent €300 million to the city.", "€300 million", 3e8, 3e8, None, "EUR", "money"),
    ("The sale brought ¥5 billion.", "¥5 billion", 5e9, 5e9, None, "JPY", "money"),
    ("Qantas paid A$2 billion for the jets.", "A$2 billion", 2e9, 2e9, None, "AUD", "money"),
    ("Depositors must contribute 5.8 billion euros to the bailout.", "5.8 billion euros", 5.8e9, 5.8e9, None, "EUR", "money"),
    ("The court fined Samsung 1.2 trillion won.", "1.2 trillion won", 1.2e12, 1.2e12, None, "KRW", "money"),
    ("The contract is worth 40 million dollars.", "40 million dollars", 4e7, 4e7, None, "USD", "money"),
    # percent and points
    ("General Motors will stop 30% of its production.", "30%", 30, 30, None, "%", "percent"),
    ("Ford offered 72.4 percent of the shares.", "72.4 percent", 72.4, 72.4, None, "%", "percent"),
    ("Unemployment rose 12 per cent in March.", "12 per cent", 12, 12, None, "%", "percent"),
    ("The rate fell by 0.25 percentage points.", "0.25 percentage points", 0.25, 0.25, None, "percentage points", "percent"),
    ("The market lost -2.5% in a day.", "-2.5%", -2.5, -2.5, None, "%", "percent"),
    ("Shares were down 2.5% on Monday.", "2.5%", 2.5, 2.5, None, "%", "percent"),
    # ranges
    ("Between 1,000 and 3,000 troops were sent.", "Between 1,000 and 3,000", 1000, 3000, None, "troops", "count"),
    ("The plane will seat 210-330 passengers.", "210-330", 210, 330, None, "passengers", "count"),
    ("The A320-200 will seat 150-180 passengers.", "150-180", 150, 180, None, "passengers", "count"),
    ("Growth of 5 to 7 percent is expected.", "5 to 7 percent", 5, 7, None, "%", "percent"),
    ("Estimates have ranged from 200 billion euros to 800 billion euros.", "from 200 billion euros to 800 billion euros", 2e11, 8e11, None, "EUR", "money"),
    ("Rescuers used the detectors four or five times.", "four or five times", 4, 5, None, "times", "other"),
    ("The deal is worth $1-2 billion.", "$1-2 billion", 1e9, 2e9, None, "USD", "money"),
    # qualifiers
    ("The agency said around 300 soldiers were killed.", "around 300", 300, 300, "approx", "soldiers", "count"),
    ("Approximately 2,700 more were wounded.", "Approximately 2,700", 2700, 2700, "approx", None, "other"),
    ("Some 80 diggers were sent to the scene.", "Some 80", 80, 80, "approx", "diggers", "count"),
    ("The Dow surged nearly 200 points.", "nearly 200", 200, 200, "less_than", "points", "measure"),
    ("They plan to send more than 1,000 troops.", "more than 1,000", 1000, 1000, "more_than", "troops", "count"),
    ("The DAX was up over 54 points.", "over 54", 54, 54, "more_than", "points", "measure"),
    ("The bank offered up to US$60 billion in loans.", "up to US$60 billion", 6e10, 6e10, "at_most", "USD", "money"),
    ("At least 10 workers were injured.", "At least 10", 10, 10, "at_least", "workers", "count"),
    ("Cyprus creates less than one-half percent of output.", "less than one-half percent", 0.5, 0.5, "less_than", "%", "percent"),
    ("The storm left ~300 homes without power.", "~300", 300, 300, "approx", "homes", "count"),
    ("An estimated 5,000 people marched.", "An estimated 5,000", 5000, 5000, "approx", "people", "count"),
    ("No fewer than 40 ships sailed.", "No fewer than 40", 40, 40, "at_least", "ships", "count"),
    # 'sub-' is less than; a scale word may be followed by a bigger one
    ("Demand for sub-300 sq m offices has surged.", "sub-300", 300, 300, "less_than", "square metres", "measure"),
    ("There were 4 hundred million people.", "4 hundred million", 4e8, 4e8, None, "people", "count"),
    ("Some 2 hundred thousand fans came.", "Some 2 hundred thousand", 2e5, 2e5, "approx", "fans", "count"),
    ("The sub-Saharan region has 40 nations.", "40", 40, 40, None, "nations", "count"),  # 'sub-' of a word
    # units glued to the number: square metres written 'm2' or 'sq m'
    ("The flat has 32m2 of floor space.", "32m2", 32, 32, None, "square metres", "measure"),
    ("The 3923sq m estate was sold.", "3923sq m", 3923, 3923, None, "square metres", "measure"),
    # a percent with a hyphenated word after it
    ("Nissan is 43.4 percent-owned by Renault.", "43.4 percent", 43.4, 43.4, None, "%", "percent"),
    # a count before a product's name counts the noun after it
    ("Tesla delivered about 63000 Model 3 sedans.", "about 63000", 63000, 63000, "approx", "sedans", "count"),
    ("The plane has four Rolls-Royce Trent 900 engines.", "four", 4, 4, None, "engines", "count"),
    # fractions of a whole written with a space, and 'half the'
    ("One fourth of the population is vaccinated.", "One fourth", 0.25, 0.25, None, "population", "count"),
    ("Half the condos have sold.", "Half", 0.5, 0.5, None, "condos", "count"),
    # a multiple written '-fold', like '2.6 times'
    ("Revenue grew more than sixfold last year.", "more than sixfold", 6, 6, "more_than", "times", "other"),
    ("Cases saw a 10-fold increase.", "10-fold", 10, 10, None, "times", "other"),
    # measures
    ("The well is 130ft deep.", "130ft", 130, 130, None, "feet", "measure"),
    ("The bar was cut to 360g.", "360g", 360, 360, None, "grams", "measure"),
    ("The crater is about 100 metres wide.", "about 100", 100, 100, "approx", "metres", "measure"),
    ("The pipeline runs 1,200 km across the desert.", "1,200", 1200, 1200, None, "kilometres", "measure"),
    ("Debt is 2.6 times the size of the economy.", "2.6 times", 2.6, 2.6, None, "times", "other"),
    ("The field produces 40,000 barrels a day.", "40,000", 40000, 40000, None, "barrels", "measure"),
])
def test_figure_forms(extract, text, figure, low, high, mod, unit, kind):
    record = figure_at(extract(text), figure)
    fig = record["figure"]
    assert (fig["low"], fig["high"]) == (pytest.approx(low), pytest.approx(high))
    assert fig["value"] == (None if low != high else pytest.approx(low))
    assert (fig["mod"], fig["unit"], fig["kind"]) == (mod, unit, kind)


@pytest.mark.parametrize("text, figure, unit", [
    # one unit, one name, whatever the article wrote: the name in words, plural, British spelling
    ("The tunnel runs 13 kilometers.", "13", "kilometres"),
    ("The tunnel runs 13 km.", "13", "kilometres"),
    ("The tunnel runs a single kilometre.", None, None),
    ("A 5 kilometer run followed.", "5", "kilometres"),
    ("The bridge is roughly 1,300 meters long.", "roughly 1,300", "metres"),
    ("The plant makes 550 megawatts.", "550", "megawatts"),
    ("The grid needs 2.7 GW more.", "2.7", "gigawatts"),
    ("It has more than 600 horsepower.", "more than 600", "horsepower"),
    ("The gas is cooled to minus-260 degrees Fahrenheit.", "minus-260", "degrees Fahrenheit"),
    ("It warmed by 1.5 °C.", "1.5", "degrees Celsius"),
    ("Jets reach 400 metres per second.", "400", "metres per second"),
    ("The phone stores 128 GB.", "128", "gigabytes"),
    ("The storm packed winds of 90 mph.", "90", "miles per hour"),
    ("A gunshot is 140 dB.", "140", "decibels"),
    ("The siren reached 120dB.", "120dB", "decibels"),
])
def test_units_have_one_name(extract, text, figure, unit):
    records = extract(text)
    if figure is None:
        assert records == []
        return
    assert figure_at(records, figure)["figure"]["unit"] == unit


def test_elided_unit(extract):
    records = extract("Zelenskyy said 4,000 North Korean soldiers, out of 12,000 deployed, have been killed.")
    assert figure_at(records, "12,000")["figure"]["unit"] == "soldiers"


def test_change_is_two_figures(extract):
    records = extract("The Fed will increase swap lines from US$55 billion to US$110 billion.")
    assert [r["figure"]["text"] for r in records] == ["US$55 billion", "US$110 billion"]


@pytest.mark.parametrize("text", [
    "The rally took place on December 1, 2017.",
    "He was born in 1984 and moved in 2012.",
    "The meeting starts at 3 p.m. on Tuesday.",
    "Trading opened at 0800 UTC.",
    "They met at 10:30 in the morning.",
    "He finished second, she finished 3rd.",
    "The F-16 and the MiG-29 were both deployed.",
    "COVID-19 cases rose in the G7.",
    "Section 8 housing is covered by Article 5.",
    "2 min read",
    "Play slideshow 1 of 31 Supporters gathered.",
    "Photo 3/8 shows the crowd.",
    "Call 555-123-4567 for details.",
    "One of them said nothing.",
    "The FTSE 100 and the S&P 500 fell.",
    "The new 787 Dreamliner flew on 7/8/07.",
    "See https://example.com/page/2016/11/123 for more.",
])
def test_not_figures(extract, text):
    assert [r["figure"]["text"] for r in extract(text)] == []


def test_offsets_point_at_the_figure(extract):
    text = "North Korea sent \u00a0around\u00a0300 troops, “4,000” by one count, and US$2.5\u00a0billion."
    for record in extract(text):
        fig = record["figure"]
        assert text[fig["start"]:fig["end"]] == fig["text"]


@pytest.mark.parametrize("text, figure, value", [
    ("The margin of error is plus or minus 3.4 percentage points.", "minus 3.4 percentage points", 3.4),
    ("It has a margin of error of +/-3 percentage points.", "-3 percentage points", 3),
    ("The survey shows a 62%-32% divide on the issue.", "-32%", 32),
    ("Four in 10 voters agree.", "Four in 10", 0.4),
    ("One in five Americans agree.", "One in five", 0.2),
    ("Nearly eight in 10 said no.", "Nearly eight in 10", 0.8),
])
def test_poll_copy_margins_splits_and_shares(extract, text, figure, value):
    record = figure_at(extract(text), figure)
    assert (record["figure"]["low"], record["figure"]["high"]) == (value, value)


@pytest.mark.parametrize("text, figures", [
    ("The index fell -2.5% on the day.", [("-2.5%", -2.5)]),
    ("Temperatures hit -5 degrees.", [("-5", -5)]),
    ("He scored 3 in 2010.", [("3", 3)]),
    ("It took 5 in 10 minutes.", [("5", 5), ("10", 10)]),
    ("One of them left.", []),
])
def test_signs_and_shares_leave_other_figures_alone(extract, text, figures):
    assert [(r["figure"]["text"], r["figure"]["value"]) for r in extract(text)] == figures
