"""Checker.from_bundle_at: a bundle's validity window is checked at the time a Clock gives."""

import pytest

from canhgiac_ffi import CanhGiacError, Checker, Clock

# The "expired" test bundle (conftest.py): issued 2001-01-01, valid 30 days.
ISSUED_2001 = 978_307_200
EXPIRES_2001 = 980_899_200


class FixedClock(Clock):
    def __init__(self, now: int):
        self.now = now
        self.asked = 0

    def now_unix(self) -> int:
        self.asked += 1
        return self.now


class ThrowingClock(Clock):
    def now_unix(self) -> int:
        raise RuntimeError("no network time, and 0912345678 in the message")


def test_a_clock_before_expiry_accepts_a_bundle_the_phone_clock_refuses(bundles):
    with pytest.raises(CanhGiacError.Expired):
        Checker.from_bundle(bundles["expired"], None)
    clock = FixedClock(EXPIRES_2001 - 1)
    checker = Checker.from_bundle_at(bundles["expired"], None, clock)
    assert clock.asked == 1
    info = checker.catalogue_info()
    assert (info.issued_at, info.expires_at) == (ISSUED_2001, EXPIRES_2001)


def test_a_clock_after_expiry_refuses_it(bundles):
    for now in (EXPIRES_2001 + 1, 2_000_000_000):
        with pytest.raises(CanhGiacError.Expired) as caught:
            Checker.from_bundle_at(bundles["expired"], None, FixedClock(now))
        assert caught.value.expires_at == EXPIRES_2001


def test_a_clock_before_issue_refuses_it_as_not_yet_valid(bundles):
    # The core allows a day of slack for clocks that run behind.
    Checker.from_bundle_at(bundles["expired"], None, FixedClock(ISSUED_2001 - 86_400))
    with pytest.raises(CanhGiacError.NotYetValid) as caught:
        Checker.from_bundle_at(bundles["expired"], None, FixedClock(ISSUED_2001 - 86_401))
    assert caught.value.issued_at == ISSUED_2001


def test_the_checker_built_at_a_clock_checks_like_any_other(bundles, checker):
    at_2001 = Checker.from_bundle_at(bundles["expired"], None, FixedClock(ISSUED_2001))
    text = "Vietcombank: tài khoản bị khóa, xác thực tại vietcombank-xacthuc.com"
    assert at_2001.check_sms(None, text) == checker.check_sms(None, text)


def test_the_other_checks_still_apply(bundles, checker):
    version = checker.catalogue_info().version
    with pytest.raises(CanhGiacError.Rollback):
        Checker.from_bundle_at(bundles["expired"], version + 1, FixedClock(ISSUED_2001))
    with pytest.raises(CanhGiacError.Malformed):
        Checker.from_bundle_at(b"\x00" * 64, None, FixedClock(ISSUED_2001))


def test_a_clock_that_throws_is_an_internal_error_without_its_message(bundles):
    with pytest.raises(CanhGiacError.Internal) as caught:
        Checker.from_bundle_at(bundles["valid"], None, ThrowingClock())
    assert "0912345678" not in str(caught.value)
