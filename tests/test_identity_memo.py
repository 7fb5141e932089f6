"""IdentityMemo: the one memo of answers per rule set, lexicon or settings object."""

from __future__ import annotations

from seo_export.system import IdentityMemo


def test_answers_are_remembered_per_owner_by_identity_and_per_key() -> None:
    memo: IdentityMemo[str] = IdentityMemo(10)
    made: list[str] = []

    def make(answer: str) -> str:
        made.append(answer)
        return answer

    first, twin = ["a", "b"], ["a", "b"]  # equal, but two objects: two owners
    assert memo.get(first, "k", lambda: make("1")) == "1"
    assert memo.get(first, "k", lambda: make("again")) == "1"
    assert memo.get(twin, "k", lambda: make("2")) == "2"
    assert memo.get(first, "other", lambda: make("3")) == "3"
    assert made == ["1", "2", "3"]


def test_none_is_an_answer_and_the_limit_starts_afresh() -> None:
    memo: IdentityMemo[int | None] = IdentityMemo(2)
    owner = object()
    calls = []
    assert memo.get(owner, 1, lambda: calls.append(1)) is None
    assert memo.get(owner, 1, lambda: calls.append(2)) is None  # remembered, not made again
    memo.get(owner, 2, lambda: 2)
    memo.get(owner, 3, lambda: 3)  # the third answer: the memo was full, and starts afresh
    assert memo.get(owner, 1, lambda: calls.append(3)) is None
    assert calls == [1, 3]
