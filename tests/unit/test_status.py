import pytest

from requests_app.models.request import ANSWERED, CLOSED_STATES, OPEN_STATES, TRANSITIONS, Status


def test_every_status_has_a_rule():
    assert set(TRANSITIONS) == set(Status.values)


@pytest.mark.parametrize("state", OPEN_STATES)
def test_withdrawn_reachable_from_every_open_state(state):
    assert Status.WITHDRAWN in TRANSITIONS[state]


@pytest.mark.parametrize("state", CLOSED_STATES)
def test_closed_states_are_terminal(state):
    assert TRANSITIONS[state] == ()


def test_the_main_path_is_allowed():
    path = [Status.DRAFT, Status.SENT, Status.ACKNOWLEDGED, Status.EXTENDED, Status.REFUSED,
            Status.REVIEW_REQUESTED, Status.REVIEW_ANSWERED, Status.ESCALATED, Status.DECIDED, Status.CLOSED]
    assert all(b in TRANSITIONS[a] for a, b in zip(path, path[1:]))


@pytest.mark.parametrize("bad", [(Status.DRAFT, Status.ANSWERED_FULL), (Status.SENT, Status.REVIEW_REQUESTED),
                                 (Status.CLOSED, Status.SENT), (Status.REVIEW_REQUESTED, Status.SENT)])
def test_skipping_steps_is_not_allowed(bad):
    assert bad[1] not in TRANSITIONS[bad[0]]


def test_no_state_transitions_to_itself_or_to_draft():
    assert all(s not in TRANSITIONS[s] and Status.DRAFT not in TRANSITIONS[s] for s in Status.values)


def test_an_answer_can_be_followed_by_a_better_answer():
    assert Status.ANSWERED_FULL in TRANSITIONS[Status.ANSWERED_PARTIAL]
    assert all(Status.REVIEW_REQUESTED in TRANSITIONS[a] for a in ANSWERED)
