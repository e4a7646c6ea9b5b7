"""attribution_diff() and its command and plots: verbatim quotes, changed verbs, drift, invented claims."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstrace as nt
from newstrace.attribution.diff import COLUMNS, STATUSES, attribution_diff
from newstrace.cli import main
from newstrace.plots import source_mix, words_quoted


@pytest.fixture(scope="module")
def re_report_diff(full_text, re_report) -> pd.DataFrame:
    """Return the attribution diff of the re-report against the full text."""
    return attribution_diff(full_text, re_report)


def test_re_report_quotes_are_verbatim_with_changed_verbs(re_report_diff):
    quotes = re_report_diff[re_report_diff["row"] == "quote"]
    assert len(quotes) == 5 and quotes["verbatim"].all()
    assert set(quotes["status"]) == {"verbatim quote"}
    first = quotes[quotes["copy_text"].str.startswith("The paper just gives")].iloc[0]
    assert first["original_verb"] == "said"
    assert first["copy_verb"] == "told The Washington Post"
    assert first["original_speaker"].startswith("Abu Hajer")


def test_re_report_reworded_rows_show_what_the_original_does_not_state(re_report_diff):
    """New words with no change the rules can name (a number, hedge, source, speaker) are 'reworded', not drift"""
    drift = re_report_diff[re_report_diff["status"] == "reworded"]
    assert not drift["kind"].any()
    jailed = drift[drift["copy_text"].str.contains("jailed")].iloc[0]
    assert "For Abu Hajer, that card told him" in jailed["closest_original"]
    assert {"jailed", "tie"} <= set(jailed["unsupported_words"].split(", "))
    ranks = drift[drift["copy_text"].str.contains("second defector")].iloc[0]
    assert ranks["original_paragraph"] == 9 and ranks["copy_speaker"].startswith("Abu Abdullah")
    assert (re_report_diff["status"] == "no close original").any()


def test_short_copy_has_no_changed_quotes_or_invented_claims(full_text, short_copy):
    diff = attribution_diff(full_text, short_copy)
    assert set(diff["status"]) <= {"same", "verbatim quote", "reworded", "paraphrase"}
    assert (diff["status"] == "reworded").sum() <= 2  # the added "or ISIS" is a real change
    assert not diff.duplicated("copy_text").any() or diff["row"].eq("quote").any()


def test_text_against_itself_is_all_same(short_copy):
    diff = attribution_diff(short_copy, short_copy)
    assert set(diff["status"]) == {"same", "verbatim quote"}
    assert (diff["similarity"] == 100).all()


ORIGINAL = """\
The mayor said the bridge would reopen in May after repairs costing $2 million.
"We have checked every bolt on this bridge twice," said Ana Ruiz, the city engineer.
Residents said the closure had doubled their commute.
"""
COPY = """\
The mayor, a former army engineer, told the Daily Star that the bridge would reopen in June after repairs costing $5 million.
"We have checked every bolt on this bridge twice," Ana Ruiz told the Daily Star.
"We have checked every single bolt on the old bridge," Ruiz added.
Police confirmed 300 arrests at a protest outside the town hall last night.
Residents said the closure had doubled their commute.
"""


@pytest.fixture(scope="module")
def built_diff() -> pd.DataFrame:
    """Return the attribution diff of the built copy."""
    return attribution_diff(ORIGINAL, COPY)


def test_built_copy_statuses(built_diff):
    by_text = dict(zip(built_diff["copy_text"].str[:25], built_diff["status"]))
    assert by_text["The mayor, a former army "] == "drift"
    assert by_text["We have checked every bol"] == "verbatim quote"
    assert by_text["We have checked every sin"] == "changed quote"
    assert by_text["Police confirmed 300 arre"] == "no close original"
    assert by_text["Residents said the closur"] == "same"


def test_built_copy_drift_names_new_roles_and_numbers(built_diff):
    mayor = built_diff[built_diff["copy_text"].str.startswith("The mayor")].iloc[0]
    unsupported = set(mayor["unsupported_words"].split(", "))
    assert {"army", "june", "5"} <= unsupported
    assert "engineer" in mayor["new_words"] and "engineer" not in unsupported
    assert mayor["copy_verb"] == "told the Daily Star" and mayor["original_verb"] == "said"
    assert mayor["kind"] == "number changed"  # $2 million -> $5 million; said -> told X is a credit added


def test_built_copy_quote_verbs(built_diff):
    verbatim = built_diff[built_diff["status"] == "verbatim quote"].iloc[0]
    assert verbatim["copy_verb"] == "told the Daily Star" and verbatim["original_verb"] == "said"
    assert verbatim["copy_speaker"] == "Ana Ruiz" and verbatim["original_speaker"] == "Ana Ruiz"
    changed = built_diff[built_diff["status"] == "changed quote"].iloc[0]
    assert not changed["verbatim"] and changed["closest_original"].startswith("We have checked every bolt")


def test_unrelated_copy_has_no_close_original(full_text):
    unrelated = ("The bakery on Elm Street won a regional prize for its sourdough bread. "
                 "Customers queued before dawn, the owner said.\nThe prize comes with a small grant.")
    diff = attribution_diff(full_text, unrelated)
    assert len(diff) == 3 and set(diff["status"]) == {"no close original"}


@pytest.mark.parametrize(("original", "copy"), [("", ""), ("Some text here.", ""), ("", "   \n\n  ")])
def test_empty_copy_gives_an_empty_table(original, copy):
    diff = attribution_diff(original, copy)
    assert diff.empty and list(diff.columns) == COLUMNS


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_never_raises_on_any_strings(original, copy):
    diff = attribution_diff(original, copy)
    assert list(diff.columns) == COLUMNS and set(diff["status"]) <= set(STATUSES)


@pytest.mark.parametrize(("original", "copy"), [(None, "x"), ("x", 5), (b"x", "x")])
def test_non_string_raises_a_clear_type_error(original, copy):
    with pytest.raises(TypeError, match="attribution_diff\\(\\) needs the article text as a str"):
        attribution_diff(original, copy)


def test_check_copy_command_prints_the_diff(capsys):
    folder = nt.data_dir() / "articles"
    assert main(["check-copy", str(folder / "full-text.txt"), str(folder / "re-report-page.txt")]) == 0
    out = capsys.readouterr().out
    assert "said -> told The Washington Post" in out and "[attribution drift:" in out
    assert "not in the original at all:" in out
    assert "reworded (no change the rules can name; --all lists them)" in out


def test_sources_command_prints_sources_and_credits(capsys):
    assert main(["sources", str(nt.data_dir() / "articles" / "re-report-page.txt")]) == 0
    out = capsys.readouterr().out
    assert "news outlet" in out and "Credits to outlets and media (4)" in out
    assert main(["sources", "--csv", str(nt.data_dir() / "articles" / "short-copy-page.txt")]) == 0
    assert capsys.readouterr().out.startswith("source,type,first_paragraph")


def test_commands_refuse_a_missing_file(capsys, tmp_path):
    assert main(["sources", str(tmp_path / "nope.txt")]) == 2
    assert main(["check-copy", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_source_mix_chart_counts_every_type(full_text):
    table = nt.sources(full_text)
    chart = source_mix(table)
    assert f"of {len(table)} sources by type" in chart.alt
    assert "adopted name: 3 sources" in chart.alt and "news outlet" in chart.alt
    assert len(chart.figure.axes[0].patches) == 7 and chart.png().startswith(b"\x89PNG")


def test_words_quoted_chart_from_sources_and_from_quotes(full_text):
    table = nt.sources(full_text)
    chart = words_quoted(table, top=3)
    top = table.sort_values("words_quoted", ascending=False).iloc[0]
    assert f"{top['source']}: {top['words_quoted']} words" in chart.alt
    assert "more speakers with fewer words are not shown" in chart.alt
    assert "Bar chart" in words_quoted(nt.extract_quotes(full_text)).alt
    assert "nobody is quoted" in words_quoted(table.iloc[0:0]).alt


def test_plots_refuse_a_wrong_table():
    with pytest.raises(ValueError, match="needs the columns"):
        source_mix(pd.DataFrame({"name": ["x"]}))
    with pytest.raises(TypeError, match="needs a DataFrame"):
        words_quoted("not a table")


def test_a_quote_given_to_someone_else_is_flagged():
    original = '"We will rebuild every school," said Mayor Ana Ruiz.\nOthers were less sure.'
    copy = '"We will rebuild every school," said Governor Tom Baker.\n"We will rebuild every school," Ruiz said.'
    diff = attribution_diff(original, copy)
    quotes = diff[diff["row"] == "quote"]
    assert quotes["status"].tolist() == ["speaker changed", "verbatim quote"]
    assert quotes["original_speaker"].tolist() == ["Ana Ruiz", "Ana Ruiz"]


@pytest.fixture(scope="module")
def built_variants(full_text) -> dict[str, str]:
    """Return the synthetic variants of the full text (newstrace.syndication.synthetic, seeded)."""
    from newstrace.syndication.synthetic import variants
    return variants(full_text, seed=0)


def test_sources_survive_clutter_edits_and_reordering(full_text, built_variants):
    original = set(nt.sources(full_text)["source"])
    assert set(nt.sources(built_variants["copy"])["source"]) == original
    edited = set(nt.sources(built_variants["edited copy"])["source"])
    assert edited and edited <= original  # trimming and copy edits never invent a source
    # Shuffled paragraphs may hand a stray "he said" to a person merely mentioned nearby,
    # but no source of the original is lost.
    assert original <= set(nt.sources(built_variants["reordered"])["source"])


def test_built_variants_quotes_are_verbatim_or_flagged(full_text, built_variants):
    diff = attribution_diff(full_text, built_variants["copy"])
    assert set(diff.loc[diff["row"] == "quote", "status"]) == {"verbatim quote"}
    unrelated = attribution_diff(full_text, built_variants["unrelated"])
    assert set(unrelated["status"]) <= {"no close original", "quote not in original"}


DRIFT_ORIGINAL = """\
The harbour workers said the new cranes arrived in March.
Crane operators are paid twice as much as dock hands. They choose which ships are unloaded first.
"We work through the night," said Lena Okafor, a crane operator.
"""
DRIFT_COPY = """\
Lena Okafor told the Gazette that the new cranes arrived in March.
She also said the cranes changed the harbour. Crane operators are paid twice as much as dock hands.
"We work through the night," Okafor said.
"""


def test_reporter_voice_moved_into_a_speakers_mouth_is_attribution_drift():
    """Check a sentence continuing "She also said" that the original says unattributed is attribution drift"""
    diff = attribution_diff(DRIFT_ORIGINAL, DRIFT_COPY)
    drift = diff[diff["status"] == "attribution drift"]
    assert list(drift["copy_text"]) == ["Crane operators are paid twice as much as dock hands."]
    assert drift["copy_speaker"].iloc[0] == "Lena Okafor"
    assert drift["original_verb"].isna().all()
    quote = diff[diff["row"] == "quote"]
    assert list(quote["status"]) == ["verbatim quote"], "an attributed quote is not drift"


def test_reporter_voice_kept_in_reporter_voice_is_not_drift():
    """Check the same sentence without a preceding attribution in its paragraph stays 'same'"""
    copy = DRIFT_COPY.replace("She also said the cranes changed the harbour. ", "")
    diff = attribution_diff(DRIFT_ORIGINAL, copy)
    assert "attribution drift" not in set(diff["status"])
    row = diff[diff["copy_text"].str.startswith("Crane operators")]
    assert list(row["status"]) == ["same"]
