"""Who and cue: every attribution form of point 6 of the 1.0 issue."""
import pytest

from conftest import figure_at


@pytest.mark.parametrize("text, figure, name, cue", [
    ("The ministry said 300 soldiers were killed.", "300", "ministry", "said"),
    ("Officials say 12 people died in the fire.", "12", "Officials", "say"),
    ("Smith told reporters that 40 homes burned.", "40", "Smith", "told"),
    ("Reuters reported that 2,000 jobs would go.", "2,000", "Reuters", "reported"),
    ("The UN estimated that 5,000 people fled.", "5,000", "UN", "estimated"),
    ("Police confirmed that three people died.", "three", "Police", "confirmed"),
    ("The company announced that it would cut 1,500 jobs.", "1,500", "company", "announced"),
    ("According to the World Bank, growth slowed to 2.1% last year.", "2.1%", "World Bank", "according to"),
    ("Growth slowed to 2.1%, according to the World Bank.", "2.1%", "World Bank", "according to"),
    ("The IMF's estimate puts the loss at $4 billion.", "$4 billion", "IMF", "puts"),
    ("South Korean media reports that 1,000 troops were sent.", "1,000", "South Korean media", "reports"),
    ("Some 200 people were evacuated, Red Cross spokesman John Lee said.", "Some 200", "John Lee", "said"),
    ("The figure of 80 deaths was reported by the health ministry.", "80", "health ministry", "reported by"),
    ("Boeing announced 35 new orders, bringing the total to 677 orders.", "677", "Boeing", "announced"),
    ("The number was 600, FEC records show.", "600", "FEC", "show"),
    ("Clinton's fundraisers include 201 people, according to a tally by the Center for Responsive Politics.",
     "201", "Center for Responsive Politics", "according to"),
    ("An aerial video posted by QQ.com shows a crater of around 100 metres.", "around 100", "QQ.com", "shows"),
    ("Index provider MSCI said 40 stocks would be added.", "40", "MSCI", "said"),
])
def test_attribution_forms(extract, text, figure, name, cue):
    record = figure_at(extract(text), figure)
    assert record["who"] is not None, record
    assert name.lower() in record["who"]["name"].lower()
    assert record["cue"] == cue
    who = record["who"]
    assert text[who["start"]:who["end"]] == who["text"]


@pytest.mark.parametrize("text, figure, speaker", [
    ('"We lost 4,000 men," the general said.', "4,000", "general"),
    ('Smith said: "There were 300 of them."', "300", "Smith"),
    ("“Nearly 90% of the town is gone,” said Mayor Ann Lee.", "Nearly 90%", "Ann Lee"),
    ('"Prices rose 5%. Wages rose 2%," the minister added.', "2%", "minister"),
    # a name and a colon open the quotation, whatever comes before on the line; the person before the outlet
    ("Analysts agree - Maria Lopez: “Turnout was low. Only 38% of voters came out.”", "38%", "Maria Lopez"),
    ("Howard Kurtz, Fox News: “The debate was even. Neither gained more than 2 points.”", "more than 2", "Howard Kurtz"),
    # a quotation's speaker may ask, press, continue or recall, not only say
    ("“What about the 11 million people?” the host pressed.", "11 million", "host"),
    ("“The ones who have been here 20 years,” Mr. Diaz asked. “Do we send them back?”", "20", "Diaz"),
    ("Ms. Okafor continued her remarks. “Eight years ago the party was broke.”", "Eight", "Okafor"),
    # an inverted 'said NAME' after the quotation, even when the parse reads the name as an adverb
    ("“Having the file and two people who understand it is valuable,” said Skelly, explaining his role.", "two",
     "Skelly"),
])
def test_quotes_belong_to_their_speaker(extract, text, figure, speaker):
    record = figure_at(extract(text), figure)
    assert speaker.lower() in record["who"]["name"].lower()


@pytest.mark.parametrize("text, figure, who", [
    # a phrase quoted inside the reporter's sentence takes that sentence's source, not the last speaker's
    ('Officials said the resort was a fraud. According to a complaint filed by regulators, the developers ran a '
     '"massive eight-year scheme" that cost investors dearly.', "eight", "a complaint"),
    # ... and with no source of its own, the speaker before it
    ('The general said the war was going badly. He called it "a 20-year mistake".', "20", "The general"),
    # a quotation that opens its sentence stays its speaker's
    ('"We lost 300 men," the general said. "Another 40 are missing."', "40", "the general"),
])
def test_quoted_fragments(extract, text, figure, who):
    assert figure_at(extract(text), figure)["who"]["text"] == who


@pytest.mark.parametrize("text, figure", [
    # ... but outside quotation marks, asking or promising is no report of a figure
    ("Smith asked for 300 more troops.", "300"),
    ("The mayor promised 500 new homes.", "500"),
])
def test_quote_verbs_report_only_quotations(extract, text, figure):
    assert figure_at(extract(text), figure)["who"] is None


@pytest.mark.parametrize("text, figure, name", [
    # 'the poll' names the poll named just before
    ("A Gallup survey found 40 percent backed the plan. The survey also found 12 percent were undecided.",
     "12 percent", "Gallup"),
    ("On Monday a Reuters poll showed Lee ahead 43 percent to 41 percent. Lee led by two points in the same poll "
     "a week before.", "two", "Reuters"),
    # ... and with no poll named before, stays as written
    ("Voters were asked about taxes. The poll found 12 percent were undecided.", "12 percent", "The poll"),
    # a company and its legal suffix tagged as two names are one company
    ("Carmaker Chrysler LLC said it would close 789 dealers.", "789", "Chrysler LLC"),
    # descriptions -> the entity introduced earlier
    ("The Korean National Intelligence Service (NIS) briefed lawmakers. The agency estimated that around 300 "
     "soldiers had been killed.", "around 300", "Korean National Intelligence Service"),
    # acronyms -> long form
    ("The Korean National Intelligence Service briefed lawmakers on Monday. NIS said 300 soldiers died.",
     "300", "Korean National Intelligence Service"),
    # pronouns -> the person last named as subject
    ("Ukrainian President Volodymyr Zelenskyy spoke on Sunday. He said 4,000 soldiers had been killed.",
     "4,000", "Volodymyr Zelenskyy"),
    # surnames -> full name
    ("Sebastian Vladescu runs the agency. Vladescu said the offer was $57 million.", "$57 million",
     "Sebastian Vladescu"),
    # 'the man' -> the person who spoke last
    ("The boy's grandfather told a reporter the well was old. The man also said it was 40 metres deep.",
     "40", "grandfather"),
])
def test_resolution(extract, text, figure, name):
    record = figure_at(extract(text), figure)
    assert record["who"]["name"] == name or name in record["who"]["name"]


@pytest.mark.parametrize("text, figure", [
    ("Pyongyang reportedly deployed around 11,000 soldiers.", "around 11,000"),
    ("It is believed that 500 people were inside.", "500"),
    ("The event was attended by 15,000 people.", "15,000"),
    ("Police found 600,000 emails on the laptop.", "600,000"),
    ("“I’m so happy to be back,” Clinton said to cheers from some 4,000 supporters.", "some 4,000"),
    # a market index that 'posts' a gain reports nothing
    ("The Nasdaq posted a gain of 120 points, ending the week at 13,455.", "13,455"),
])
def test_unattributed(extract, text, figure):
    record = figure_at(extract(text), figure)
    assert record["who"] is None and record["cue"] is None


@pytest.mark.parametrize("text, figure, who", [
    # a statement above an expectation: the speaker reports the figure
    ("Maria Chen, the bank's chief executive, said the company expects to cut 2,000 jobs in Asia.", "2,000",
     "Maria Chen"),
    ("The company expects to cut 2,000 jobs.", "2,000", "company"),
    # an expectation's object is its figure ('analysts expected 95 cents a share')
    ("Profit was $1.02 a share, while analysts had expected 95 cents.", "95 cents", "analysts"),
    ("Economists forecast 2.1% growth for next year.", "2.1%", "Economists"),
    # polls and surveys that show, give or have a figure report it
    ("A Quinnipiac poll released Monday has Smith leading Jones 48 percent to 45 percent.", "48 percent", "Quinnipiac"),
    ("Tuesday's Marist survey gave the mayor a 12-point lead.", "12-point", "Marist"),
    ("Support for the plan reached 61 percent in the Pew survey.", "61 percent", "Pew"),
])
def test_data_and_nested_sources(extract, text, figure, who):
    record = figure_at(extract(text, "2024-03-05"), figure)
    assert record["who"] is not None and who in record["who"]["name"]


@pytest.mark.parametrize("text, figure", [
    ("The Nikkei index fell 2.3% on Monday.", "2.3%"),  # an index moves, it does not report
    ("Estimates have ranged from 2 billion to 5 billion dollars.", "from 2 billion to 5 billion dollars"),
    ("Sales figures fell 4% in March.", "4%"),
])
def test_data_words_that_report_nothing(extract, text, figure):
    assert figure_at(extract(text, "2024-03-05"), figure)["who"] is None


def test_a_survey_day_is_a_time_not_an_owner(extract):
    record = figure_at(extract("Tuesday's Marist survey gave the mayor a 12-point lead.", "2024-03-07"), "12-point")
    assert record["who"]["text"] == "Marist" and record["when"]["text"] == "Tuesday"


def test_an_expectation_in_a_while_clause_keeps_its_own_source(extract):
    text = "Delta says the jet will save $30 million a year, while Qantas has estimated a 20% saving."
    assert figure_at(extract(text), "20%")["who"]["text"] == "Qantas"


@pytest.mark.parametrize("text, figure, who", [
    # one 'according to' frames every conjoined clause
    ("Smith received 37 percent, Jones had 36 percent and Lee got 13 percent, according to the results.",
     "36 percent", "the results"),
    # a name and a colon open a statement
    ("Bernie Sanders: It is not a radical idea to ask for a $15 minimum wage.", "$15", "Bernie Sanders"),
    # an 'according to' that ends the sentence frames the main clause too, not only the 'while' clause it hangs on
    ("Smith raised $3 million in the quarter, while Jones raised $5 million, according to the Federal Election "
     "Commission.", "$3 million", "the Federal Election Commission"),
    # a poll opening the sentence frames it, also when the parse leaves the clause verbless or the poll capitalised
    ("In a Reuters/Ipsos Poll taken last week, 44 percent of voters backed the plan.", "44 percent",
     "Reuters/Ipsos"),
    ("In the latest Gallup survey, 38 percent of adults approved of the deal.", "38 percent", "Gallup"),
    # quotations written with two apostrophes (or opened with two backticks), as some archives do
    ("''We will hire 200 people next year,'' Ms. Park said. ''After that, we expect another 300.''", "300",
     "Ms. Park"),
    ("``We lost 12 games,'' the coach said.", "12", "the coach"),
    # a poll or survey with no named owner, on the figure's clause, is itself the source
    ("Smith leads Jones by 8 points, 49% to 41%, in the survey, taken last week.", "49%", "the survey"),
    # ... also when the poll phrase hangs on a noun of the figure's clause
    ("Just 18 percent of voters have a favorable view of the mayor in a new Gallup poll.", "18 percent", "Gallup"),
    # an 'according to' set beside the figure itself
    ("The firm receives, according to one report, $234 million in contracts.", "$234 million", "one report"),
    # a passive 'as reported by' names its agent, not the clause's subject
    ("As reported by the Tribune, last year Seattle set a $15 minimum wage.", "$15", "the Tribune"),
    # a quoted title after 'according to' is the source
    ('He was paid $2 million, according to "Man of the World," a book by Joe Conason.', "$2 million",
     "Man of the World"),
    # a verb that reports only a clause ('maintain', 'find', 'show') reports no participle that follows it
    ("U.S. companies maintained their pace of hiring in September, helping the economy add 156,000 jobs, new "
     "government data showed Friday.", "156,000", "government"),
    # results are a report, like figures and data
    ("Early results of exit polls show two-thirds of voters backed the plan.", "two-thirds", "Early results of exit polls"),
    # 'peg' estimates, like 'put'
    ("Analysts peg the cost of the bridge at $4 billion.", "$4 billion", "Analysts"),
])
def test_frames(extract, text, figure, who):
    assert figure_at(extract(text), figure)["who"]["text"] == who


@pytest.mark.parametrize("text, figure", [
    # an 'according to' inside the second clause frames that clause only
    ("Smith raised $3 million in the quarter, while Jones, according to the Federal Election Commission, raised "
     "$5 million.", "$3 million"),
    # a share of respondents who 'said' something is a poll's answer, not a source
    ("About 40 percent of voters said the economy was their top issue, and 25 percent said immigration.",
     "25 percent"),
    ("About 40 percent of voters said the economy was their top issue, and 25 percent said immigration.",
     "About 40 percent"),
    # an opening phrase that is no poll frames nothing
    ("In a speech on Monday, 45 percent of the budget went to defence.", "45 percent"),
    # ... but not a period named after a study, nor an ownerless report
    ("Sales rose 5% in the study period.", "5%"),
    ("Revenue rose 5% in the report.", "5%"),
    # a phrase in two apostrophes is a quotation only up to its closing pair
    ("He called the plan ''a genius move'' and spent $5 million on it.", "$5 million"),
    # a contrasting 'while' clause with its own subject is not what the main clause's source says
    ("While Hurun lists his wealth at $6.5 billion, Forbes says it is $4.5 billion.", "$6.5 billion"),
    ("Chrysler reported a 39% loss, whilst Ford sales fell 41%.", "41%"),
    # an 'according to' inside another quotation frames that quotation only
    ("Nike holds $10.7 billion offshore, and the report says the firm ''has 987 subsidiaries, according to its "
     "own website.''", "$10.7 billion"),
    # a poll phrase inside a relative clause frames that clause only
    ("The mayor, who trails badly in a Gallup poll, spent $5 million on ads.", "$5 million"),
])
def test_frames_that_do_not_reach(extract, text, figure):
    assert figure_at(extract(text), figure)["who"] is None


@pytest.mark.parametrize("text, figure, who", [
    # a source that runs on past 16 words keeps its head's own words
    ("Officials from the health ministry of the northern province and the regional office of the agency for "
     "disaster relief and reconstruction said 40 people died.", "40", "Officials"),
    ("A slide from a presentation that the minister and his aides carry with them as they speak to business "
     "leaders and lawmakers says 35 percent of exports go north.", "35 percent", "A slide"),
])
def test_a_source_that_runs_on_keeps_its_head_words(extract, text, figure, who):
    assert figure_at(extract(text), figure)["who"]["text"] == who


def test_a_colon_after_no_name_names_no_speaker(extract):
    text = "The board met on Friday: “The vote failed by 12 votes.”"
    assert figure_at(extract(text), "12")["who"] is None


def test_a_counted_group_still_speaks(extract):
    assert figure_at(extract("Two witnesses told police that 30 shots were fired."), "30")["who"]["text"] == \
        "Two witnesses"


def test_a_credit_line_is_no_speaker(extract):
    assert figure_at(extract("AP:Associated Press 9 A supporter wears buttons from five rallies."), "five")["who"] \
        is None
