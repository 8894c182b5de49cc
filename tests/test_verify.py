"""The verifier keeps exactly the generated sentences a cited passage supports."""
from __future__ import annotations

import pytest

from answer.verify import Verifier, split_sentences
from schema import Passage

R_AND_D = ("By 2025, the R&D expenditure of Beijing should be kept at an estimated 6 percent of the GDP of "
           "the city. Zhongguancun Science City will lead the innovation of the country.")
TURNOVER = "Turnover of technology-driven contracts has reached 630 billion yuan ($98.6 billion)."


def passage(text: str, start: int = 0) -> Passage:
    return Passage(f"p{start}", "guideline.txt", text, start, start + len(text))


@pytest.fixture(scope="module")
def verifier(embedder) -> Verifier:
    return Verifier(embedder, 0.6)


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    return [passage(R_AND_D), passage(TURNOVER, 1000)]


def test_supported_paraphrase_is_kept_with_its_citation(verifier, passages):
    result = verifier.verify("R&D spending in Beijing should be kept at about 6 percent of GDP by 2025 [1].", passages)
    assert not result.removed
    assert result.text.endswith("[1].")
    assert result.citations[0].text == R_AND_D
    assert result.citations[0].metadata["highlights"] == [(0, R_AND_D.index(" Zhongguancun"))]


@pytest.mark.parametrize("claim,reason", [
    ("Beijing's R&D spending should be about 8 percent of its GDP by 2025 [1].", "8"),
    ("Shanghai Science City will lead the innovation of the country [1].", "Shanghai"),
    ("The city plans to build a new airport for international flights [1].", "not close"),
], ids=["changed number", "invented name", "sentence from no passage"])
def test_unsupported_sentence_is_removed_with_its_reason(verifier, passages, claim, reason):
    result = verifier.verify(claim, passages)
    assert result.text == ""
    assert reason in result.removed[0].reason


def test_negated_claim_is_removed(verifier, passages):
    result = verifier.verify("Zhongguancun Science City will not lead the innovation of the country [1].", passages)
    assert result.text == ""


def test_only_unsupported_sentences_go_and_citations_are_renumbered(verifier, passages):
    answer = ("Technology contract turnover has reached 630 billion yuan [2]. "
              "The city also has 900 universities [2]. "
              "The R&D expenditure of Beijing should be kept at about 6 percent of GDP by 2025 [1].")
    result = verifier.verify(answer, passages)
    assert [c.sentence for c in result.removed] == ["The city also has 900 universities [2]."]
    assert result.text == ("Technology contract turnover has reached 630 billion yuan [1]. "
                           "The R&D expenditure of Beijing should be kept at about 6 percent of GDP by 2025 [2].")
    assert [c.text for c in result.citations] == [TURNOVER, R_AND_D]


def test_uncited_sentence_is_checked_against_every_passage_and_gets_its_citation(verifier, passages):
    result = verifier.verify("Technology contract turnover reached 630 billion yuan.", passages)
    assert result.text == "Technology contract turnover reached 630 billion yuan [1]."
    assert result.citations[0].text == TURNOVER


def test_citing_the_wrong_passage_is_not_support(verifier, passages):
    result = verifier.verify("Technology contract turnover reached 630 billion yuan [1].", passages)
    assert result.text == ""


def test_words_of_the_passage_stitched_into_a_new_claim_are_removed(verifier):
    strategies = passage('The other strategies are the development of the "two zones"-the Integrated National '
                         'Demonstration Zone and the Pilot Free Trade Zone; becoming the benchmark city for global '
                         'digital economy; and supply-side structural reform.')
    result = verifier.verify('Beijing is the center of the "two zones" and the "two zones" are the benchmark for '
                             'global digital economy [1].', [strategies])
    assert result.text == ""


def test_a_claim_with_words_the_passage_does_not_hold_is_removed(verifier, passages):
    result = verifier.verify("Zhongguancun Science City is a government-led body overseeing industry [1].", passages)
    assert result.text == ""


def test_a_repeated_sentence_is_shown_once(verifier, passages):
    claim = "Technology contract turnover has reached 630 billion yuan [2]. "
    result = verifier.verify(claim * 3, passages)
    assert result.text == claim.strip().replace("[2]", "[1]")
    assert len(result.removed) == 2


def test_markers_after_the_full_stop_stay_with_their_sentence():
    assert split_sentences("First claim. [1] Second claim [2].") == ["First claim. [1]", "Second claim [2]."]
