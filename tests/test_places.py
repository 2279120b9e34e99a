"""Where: the place a figure is about, and the place words that only describe someone or something."""
import pytest

from conftest import figure_at


@pytest.mark.parametrize("text, figure, place", [
    # a nationality word modifying a place-like noun says where
    ("The Japanese economy shrank 0.4% in the quarter.", "0.4%", "Japanese"),
    ("European markets fell nearly 2% on Monday.", "nearly 2%", "European"),
    ("The firm will pay $20 million for a 40 percent stake in the Polish plant.", "40 percent", "Polish"),
    ("Americans' support for the plan reached 55 percent.", "55 percent", "Americans"),
    # a list: each figure takes the place its own words name
    ("The bank will cut 2,100 jobs in Italy, 900 in Spain and 300 in Portugal.", "900", "Spain"),
    ("The bank will cut 2,100 jobs in Italy, 900 in Spain and 300 in Portugal.", "300", "Portugal"),
    ("The bank will cut 2,100 jobs in Italy, 900 in Spain and 300 in Portugal.", "2,100", "Italy"),
    # a stock exchange is where a share price moved
    ("Shell's shares fell 3% to $28 on the London Stock Exchange.", "3%", "the London Stock Exchange"),
    # a country that names an index
    ("The main UK index dropped 1.2% on Tuesday.", "1.2%", "UK"),
    # each figure takes its own clause's place
    ("The UK's main index fell 120 points to 6,038 and Japan's Nikkei fell 406 points.", "6,038", "UK"),
    ("The UK's main index fell 120 points to 6,038 and Japan's Nikkei fell 406 points.", "406", "Japan"),
    # a country that describes a company says where only when nothing else does
    ("U.S. automaker GM will close 1,100 dealerships.", "1,100", "U.S."),
    ("Ford, the U.S. car maker, will pay $57 million for a stake in the Polish plant.", "$57 million", "Polish"),
    # a city named before a place noun
    ("About 400 homes were flooded in the Kursk region.", "About 400", "Kursk"),
    # a town whose name is a common word, named inside the sentence
    ("Retail sales rose 5% in Mobile last year.", "5%", "Mobile"),
    # a known place that speaks is still a place
    ("Russia said 300 soldiers died near the border.", "300", "Russia"),
    # names the gazetteer knows by an alias only
    ("Aid reached 40,000 people in Burma last year.", "40,000", "Burma"),
])
def test_where(extract, text, figure, place):
    where = figure_at(extract(text, "2024-03-04"), figure)["where"]
    assert where is not None and where["text"] == place
    assert text[where["start"]:where["end"]] == place


@pytest.mark.parametrize("text, figure", [
    # nationality words that describe an organisation, a group or a product
    ("The German airline carried 12 million passengers.", "12 million"),
    ("About 3,000 Chinese citizens applied for the visas.", "About 3,000"),
    ("The Swiss chocolate bar now weighs 150g.", "150g"),
    ("Russian and Cypriot banks lost 4 billion euros.", "4 billion euros"),
    # a company's home is not where its figure happened
    ("Texas-based Dell shipped 9 million laptops.", "9 million"),
    # a place that describes a person
    ("Maria Lopez, 8, of Austin, Texas, collected five badges.", "five"),
    # a city's name used as a brand, not a place
    ("The grocer pulled 200 products, including Marmite.", "200"),
    # a one-word name the model tags as a place but no gazetteer knows, not used as a place
    ("Poundland sold 300 bars last week.", "300"),
    ("Melania spoke for 20 minutes.", "20"),
    # a name no gazetteer knows that speaks or testifies is a person, whatever the model tags it
    ("It has been 25 years since Anita Hill testified before the committee.", "25"),
    # a unit after its number
    ("The phone comes in a 16 GB and a 64 GB model for $299.", "$299"),
    # a common word that opens the sentence, though a town bears its name
    ("Union officials said 14,000 employees walked out.", "14,000"),
    # a person who shares a town's name
    ("Investigators found 600,000 emails from Clinton on the laptop.", "600,000"),
])
def test_no_where(extract, text, figure):
    assert figure_at(extract(text, "2024-03-04"), figure)["where"] is None


def test_a_company_descriptor_does_not_carry_to_the_next_sentence(extract):
    records = extract("U.S. automaker GM reported results on Friday. Sales rose 4% to 300 cars.")
    assert figure_at(records, "4%")["where"] is None


@pytest.mark.parametrize("text, figure, where", [
    ("OSLO (Reuters) - Global shipments of the chip rose 12 percent last quarter.", "12 percent", None),
    ("LONDON, March 3 (Reuters) - Shipments rose 12 percent.", "12 percent", None),
    # a dateline (its city and its state) is where the story was filed, though the parse may take it for a subject
    ("Turnout fell.\n\nNASHVILLE, Tenn. - Behind the door of a study room in their library, three members of the "
     "club broached a subject.", "three", None),
    ("Turnout fell.\n\nDENVER, Colo. - Behind the door of a private room, three members of the club "
     "discussed the race.", "three", None),
    ("Kasich led in recent polls from Quinnipiac and Fox News, by 8 points.", "8", None),
    ("Separately, America West Airlines reported profit of $5.8 million.", "$5.8 million", None),
    ("Police in Oslo said 12 people were hurt.", "12", "Oslo"),
    ("The French Cac index gained 3.1%.", "3.1%", "French"),
    ("About 5,000 people marched in Phoenix on Saturday.", "About 5,000", "Phoenix"),
    # a company's seat between commas after its name
    ("Separately, America West Airlines, Phoenix, Ariz., reported profit jumped 45% to $5.8 million.", "45%", None),
    ("Norton Co., Worcester, Mass., said sales rose 8% to $368 million.", "8%", None),
    ("Norton Co., Worcester, Mass., said sales rose 8% in Europe.", "8%", "Europe"),
    ("About 5,000 people marched in Phoenix, Ariz., on Saturday.", "About 5,000", "Phoenix"),
    # a nationality on a counted noun that is a place says where; on counted people, who
    ("Union officials said nearly 14,000 employees at four French sites stopped work.", "nearly 14,000", "French"),
    ("About 300 North Korean soldiers were killed.", "About 300", None),
    # a place word in an office's title before a name is the title's, not where the figure is
    ("Utah Gov. Ann Price won 41 percent of the vote.", "41 percent", None),
    ("Former Maine Sen. Tom Ruiz trails at 9 percent.", "9 percent", None),
    ("U.S. President Alan Moore said 300 jobs would go.", "300", None),
    ("Kenya Prime Minister Ruth Otieno said 200 schools reopened.", "200", None),
    ("Nevada state Sen. Ida Cole said 80 clinics closed.", "80", None),
    ("The Utah governor said 20 plants closed in Utah.", "20", "Utah"),             # a place of its own still is
    ("Utah Gov. Ann Price said 20 plants closed in Ohio.", "20", "Ohio"),
])
def test_datelines_seats_pollsters_company_names_and_nationalities(extract, text, figure, where):
    record = figure_at(extract(text), figure)
    assert (record["where"] or {}).get("text") == where
