"""The passage pass (record contract, "Passages"): a poll's or data release's source carries over its findings,
and stops where the contract says; every record says how its who, when and where were found."""
import pytest

from conftest import figure_at

POLL = ("A survey by the Halvorsen Institute released Tuesday found that 54 percent of renters plan to move within "
        "a year. Among renters under 30, the share rises to 71 percent. Another 12 percent said they had not decided.")


def who(records, figure):
    record = figure_at(records, figure)
    return record["who"]["name"] if record["who"] else None


@pytest.mark.parametrize("text, figure, expected", [
    (POLL, "71 percent", "Halvorsen Institute"),
    (POLL, "12 percent", "Halvorsen Institute"),
    (POLL + "\n\nAmong homeowners, 38 percent said they would sell.", "38 percent", "Halvorsen Institute"),
    (POLL + "\n\nThe margin of error is 3 percentage points.", "3 percentage points", "Halvorsen Institute"),
    ("Port authority figures show 41,000 containers arrived in March. Another 9,500 came by rail.", "9,500",
     "Port authority"),
    (POLL + "\n\n“I can’t afford it,” said Mia Holt, a renter.\n\nAmong homeowners, 38 percent said they would sell.",
     "38 percent", "Halvorsen Institute"),
])
def test_a_data_source_carries_over_its_findings(extract, text, figure, expected):
    assert who(extract(text), figure) == expected


@pytest.mark.parametrize("text, figure, expected", [
    (POLL + " Ana Ruiz, a city planner, said 3,000 units are under construction.", "3,000", "Ana Ruiz"),
    (POLL + "\n\nThe city was founded in 1820 and has 240,000 residents.", "240,000", None),
    (POLL + " Ana Ruiz, a city planner, said 3,000 units are under construction. Another 500 are planned.", "500",
     None),
    ("Police said 12 people were arrested on Friday.\n\nThe square holds 5,000 people.", "5,000", None),
    ("The mayor said on Monday that 300 homes were flooded. Another 40 were damaged.", "40", None),
])
def test_a_source_does_not_carry_past_the_passage(extract, text, figure, expected):
    assert who(extract(text), figure) == expected


def origin(records, figure, field="who"):
    return figure_at(records, figure)["provenance"][field]


def test_provenance_of_an_own_sentence_source(extract):
    records = extract("The ministry said 300 soldiers were killed in Kursk.")
    assert origin(records, "300") == {"rule": "reporting verb", "carried_from": None}
    assert origin(records, "300", "where") == {"rule": "own sentence", "carried_from": None}
    assert origin(records, "300", "when") == {"rule": None, "carried_from": None}


def test_provenance_of_a_carried_source(extract):
    records = extract(POLL)
    first = POLL[:POLL.index(" Among")]
    assert origin(records, "71 percent") == {
        "rule": "poll passage", "carried_from": {"text": first, "start": 0, "end": len(first)}}


def test_provenance_of_a_resolved_pronoun(extract):
    records = extract("Volodymyr Zelenskyy visited the front. He said 4,000 soldiers had been killed.")
    assert who(records, "4,000") == "Volodymyr Zelenskyy"
    assert origin(records, "4,000") == {"rule": "reporting verb, name resolved", "carried_from": None}


def test_provenance_of_a_quotation_speaker(extract):
    records = extract("“We lost 40 homes,” said Mayor Ana Ruiz.")
    assert origin(records, "40")["rule"] == "quotation speaker"


def test_provenance_of_a_place_from_the_sentence_before(extract):
    text = "Floods hit northern Portugal on Sunday. Three people died and 40 were evacuated."
    records = extract(text)
    assert figure_at(records, "Three")["where"]["text"] == "Portugal"
    first = text[:text.index(" Three")]
    assert origin(records, "Three", "where") == {
        "rule": "previous sentence", "carried_from": {"text": first, "start": 0, "end": len(first)}}


RESULTS = ("Halden Tools Corp. said third-quarter net income rose 12% to $43 million, or 81 cents a share. "
           "Sales rose 8% to $368 million from $340 million.")


@pytest.mark.parametrize("text, figure, expected", [
    (RESULTS, "$368 million", "Halden Tools Corp."),
    (RESULTS + "\n\nFor the nine months, Halden had net of $81.2 million.", "$81.2 million", "Halden Tools Corp."),
    (RESULTS + "\n\nRevenue for the nine months rose 5% to $1.1 billion.", "$1.1 billion", "Halden Tools Corp."),
])
def test_a_company_s_reported_results_carry_its_source(extract, text, figure, expected):
    assert who(extract(text), figure) == expected
    assert figure_at(extract(text), figure)["provenance"]["who"]["rule"] == "results passage"


@pytest.mark.parametrize("text, figure", [
    (RESULTS + " Brenner AG shares fell 75 cents to $52.25.", "75 cents"),          # another company's
    (RESULTS + " The dollar dropped to 102 yen.", "102 yen"),                       # the markets: no results noun
    ("Mayor Ana Ruiz said the city spent $4 million. Sales rose 8% to $368 million.", "8%"),  # a person: no results
])
def test_a_results_passage_stops_at_another_company_another_matter_or_source(extract, text, figure):
    assert who(extract(text), figure) is None


def test_a_new_source_ends_a_results_passage(extract):
    records = extract(RESULTS + " Analysts at Ruiz & Co. said profit would fall 3%. Sales fell 4%.")
    assert who(records, "4%") != "Halden Tools Corp."


@pytest.mark.parametrize("text, figure, expected", [
    # a description that named no one names the data source its passage is about
    ("A Gallup poll released Monday found 48 percent approve. The organization said 41 percent disapprove.",
     "41 percent", "Gallup"),
    # a share as a subject answers, it does not speak: the poll does
    ("A Gallup poll released Monday found 48 percent approve. Nine in 10 Democrats say the economy is weak.",
     "Nine in 10", "Gallup"),
    # 'his campaign' is the campaign of the man just named
    ("Bernie Sanders spoke in Iowa on Monday. His campaign said it raised $33 million.", "$33 million",
     "Bernie Sanders campaign"),
])
def test_descriptions_and_shares_in_a_passage(extract, text, figure, expected):
    assert who(extract(text), figure) == expected


def test_a_description_with_no_passage_stays_as_written(extract):
    assert who(extract("The organization said 41 percent of members voted."), "41 percent") == "The organization"


def where(records, figure):
    record = figure_at(records, figure)
    return record["where"]["text"] if record["where"] else None


@pytest.mark.parametrize("text, figure, expected", [
    # an earlier sentence of the same paragraph names the place of its event
    ("Police in Oslo arrested 12 people on Friday. Officers seized 40 weapons. Another 3 were held.", "3", "Oslo"),
    ("Floods hit northern Portugal on Sunday. Three people died and 40 were evacuated.", "40", "Portugal"),
    # never from another paragraph
    ("Police in Oslo arrested 12 people on Friday. Officers seized 40 weapons.\n\nThe square holds 5,000 people.",
     "5,000", None),
])
def test_a_place_carries_within_its_paragraph_for_the_same_event(extract, text, figure, expected):
    assert where(extract(text, "2024-05-05"), figure) == expected


def test_a_paragraph_place_says_where_it_came_from(extract):
    text = "Police in Oslo arrested 12 people on Friday. Officers seized 40 weapons. Another 3 were held."
    origin = figure_at(extract(text), "3")["provenance"]["where"]
    assert origin["rule"] == "paragraph place"
    assert origin["carried_from"]["text"] == "Police in Oslo arrested 12 people on Friday."


POLL_PA = ("A Halvorsen poll of 1,200 registered voters in Pennsylvania found 48 percent back the plan. Most of "
           "them want it soon.\n\nAmong independents, 39 percent agree.")


@pytest.mark.parametrize("text, figure, expected", [
    (POLL_PA, "39 percent", "Pennsylvania"),                      # the population a poll asked is its findings' place
    ("Port authority figures show 41,000 containers arrived in Rotterdam in March.\n\nAmong them, 39 percent "
     "came from Asia.", "39 percent", "Asia"),                      # a place of its own comes first
])
def test_a_poll_s_population_is_the_place_of_its_findings(extract, text, figure, expected):
    assert where(extract(text), figure) == expected


NATIONAL = ("Voters are restless.\n\nIn a national Halvorsen Institute poll, likely voters split evenly. The poll "
            "of 900 likely voters has a margin of error of 3 points.\n\nAmong Americans under 30, 61 percent want "
            "change.\n\nAsked about taxes, 44 percent said they were too high.")
STATE_POLL = ("Price and Moore tied in Utah poll\n\nAccording to a Halvorsen Institute poll out Thursday, each has "
              "31 percent. Moore trails among women at 22 percent.")


@pytest.mark.parametrize("text, figure, expected", [
    (NATIONAL, "44 percent", "Americans"),     # a national poll: the country the article names most, by its people
    (STATE_POLL, "22 percent", "Utah"),        # the state the article's poll is named for
    # polling at large ('national polls') names no population; two states' polls, no one population
    (NATIONAL.replace("In a national Halvorsen Institute poll", "As in national polls"), "44 percent", None),
    (STATE_POLL.replace("Utah poll", "Utah poll and a Nevada poll"), "22 percent", None),
    (STATE_POLL.replace("Utah poll", "Provo poll"), "22 percent", None),   # a city is no poll's population
])
def test_the_document_s_polls_name_their_population(extract, text, figure, expected):
    assert where(extract(text), figure) == expected


def test_a_poll_place_says_it_came_from_the_poll_s_passage(extract):
    origin = figure_at(extract(POLL_PA), "39 percent")["provenance"]["where"]
    assert origin["rule"] == "poll passage" and "Pennsylvania" in origin["carried_from"]["text"]
    city = figure_at(extract(POLL_PA.replace("in Pennsylvania", "in Pittsburgh")), "39 percent")
    assert city["provenance"]["where"]["rule"] != "poll passage"  # a city is no poll's population


RECORDS = ("The arrangement directed $38.9 million to the party, Treasury records show.\n\n"
           "The committee also sent $341,560 to the state party.\n\n"
           "It transferred $877,804 to the city party.\n\n"
           "The party spent $12,000 on posters.")


@pytest.mark.parametrize("figure, expected", [
    ("$341,560", "Treasury"), ("$877,804", "Treasury"), ("$12,000", None),
])
def test_a_data_release_carries_over_the_next_paragraphs_only(extract, figure, expected):
    assert who(extract(RECORDS), figure) == expected


def test_a_data_release_stops_at_another_source(extract):
    text = RECORDS.replace("The committee also sent", "Treasurer Ana Ruiz said the committee sent")
    assert who(extract(text), "$877,804") != "Treasury"


@pytest.mark.parametrize("text, figure, rule, value", [
    ("Exports rose 4 percent on Monday.", "4 percent", "time of its clause", "2025-03-03"),
    ("Unemployment is now 6 percent.", "6 percent", "present-tense word", "PRESENT_REF"),
    ("Sales slumped in February. That month, exports fell 5 percent.", "5 percent",
     "time of its clause, value named earlier in the paragraph", "2025-02"),
    ("Exports fell 5 percent.", "5 percent", None, None),
])
def test_provenance_names_the_rule_that_found_the_time(extract, text, figure, rule, value):
    record = figure_at(extract(text, doc_date="2025-03-05"), figure)
    assert record["provenance"]["when"] == {"rule": rule, "carried_from": None}
    assert (record["when"] or {}).get("value") == value


@pytest.mark.parametrize("text, figure, expected", [
    # an index's move is about the market the article names for its country
    ("U.S. stocks slid on Monday.\nThe Dow lost 2.1% to 30,120.", "2.1%", "U.S."),
    ("Markets fell, particularly those in the United States.\nThe Nasdaq dropped 3.4%.", "3.4%", "United States"),
    ("Japanese shares rose.\nThe Nikkei gained 1.2%.", "1.2%", "Japanese"),
    # the country named for something else is not the market's; another country's index takes none of it
    ("The US economy is recovering, said a US bank chief.\nTraders were calm.\nThe Dow rose 1.7%.", "1.7%", None),
    ("U.S. stocks slid.\nThe Dax lost 1.75%.", "1.75%", None),
    ("U.S. stocks slid.\nTraders were calm.\nOil rose to $90 a barrel after the Dow opened.", "$90", None),  # no index figure
    # a place carried from the sentence before is not that of another country's index
    ("U.S. stocks slid on Monday.\nThe Dax lost 1.75%.", "1.75%", None),
])
def test_an_index_s_figures_are_about_its_market(extract, text, figure, expected):
    record = figure_at(extract(text), figure)
    assert (record["where"] or {}).get("text") == expected
    assert (record["provenance"]["where"]["rule"] == "index's country") == bool(expected)


MAIN_POLL = ("A new Halvorsen Institute survey of renters shows 54 percent plan to move.\n\n"
             "Opinion among owners is closer. In March, a Brightwater poll found 43 percent of owners would sell. "
             "Owners over 60 say so by 30 percent.\n\n"
             "On rents, 61 percent of renters say they are too high.\n\n"
             "Supporters of Mayor Ana Ruiz say by 70 percent that rents should be capped.")


@pytest.mark.parametrize("text, figure, expected", [
    (MAIN_POLL, "30 percent", "Brightwater"),           # another poll cited in passing holds its own paragraph
    (MAIN_POLL, "61 percent", "Halvorsen Institute"),   # after it, the findings are the article's poll's again
    (MAIN_POLL, "70 percent", "Halvorsen Institute"),   # respondents who 'say' give the poll's answers
    # a poll cited in passing before any poll of the article's own: no article's poll to go back to
    (MAIN_POLL.split("\n\n", 1)[1], "61 percent", "Brightwater"),
    # polling at large is no article's poll
    ("Three recent polls show 54 percent back the plan.\n\nIn March, a Brightwater poll found 43 percent agree."
     "\n\nOn rents, 61 percent say they are too high.", "61 percent", "Brightwater"),
])
def test_the_article_s_poll_comes_back_after_a_poll_cited_in_passing(extract, text, figure, expected):
    assert who(extract(text), figure) == expected


def test_a_named_speaker_is_no_respondent(extract):
    text = MAIN_POLL.replace("Supporters of Mayor Ana Ruiz say by 70 percent that rents should be capped.",
                             "Mayor Ana Ruiz said 70 percent of rents are too high.")
    assert "Ana Ruiz" in who(extract(text), "70 percent")


STATEWIDE = ("Ruiz leads in Nevada as voters weigh the race. Nevada Democrats are split.\n\nRuiz leads Moore, 48 "
             "percent to 41 percent, a new statewide poll has found.\n\nAmong women, 52 percent back Ruiz.")


@pytest.mark.parametrize("text, figure, expected", [
    (STATEWIDE, "52 percent", "Nevada"),     # a statewide poll: the state the article names most
    (STATEWIDE.replace("new statewide poll", "new poll"), "52 percent", None),
    ("The Halvorsen poll surveyed 900 likely voters in the state. Ohio leads the count; Ohio, Ohio.\n\n"
     "Among women, 52 percent back Ruiz.", "52 percent", "Ohio"),
])
def test_a_statewide_poll_is_about_its_state(extract, text, figure, expected):
    assert where(extract(text), figure) == expected


@pytest.mark.parametrize("text, figure, expected", [
    ("In New York Stock Exchange composite trading yesterday, Aetna shares fell $1.625 to $108.625.", "$108.625",
     "New York Stock Exchange"),
    ("Brightwater closed at $29, up 25 cents, on the Big Board.", "$29", "Big Board"),
    ("Brightwater shares rose to $29 in London on the Big Board.", "$29", "London"),   # a place of its own first
    ("Brightwater said it would list on the Big Board, where 12% of its staff work.", "12%", None),  # not a price
])
def test_a_share_price_is_quoted_on_its_exchange(extract, text, figure, expected):
    assert where(extract(text), figure) == expected
