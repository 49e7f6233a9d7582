"""Every error variant that can be triggered from outside, and what the messages leave out."""

import pytest

from canhgiac_ffi import CanhGiacError, Checker


def test_acceptance_invalid_number_raises(checker):
    with pytest.raises(CanhGiacError):
        checker.check_number("abc")


@pytest.mark.parametrize("number", ["abc", "", "12", "+84 " + "9" * 40, "0912-34x"])
def test_invalid_numbers(checker, number):
    with pytest.raises(CanhGiacError.InvalidNumber) as caught:
        checker.check_number(number)
    assert caught.value.reason
    if len(number) >= 3:
        assert number not in str(caught.value)


@pytest.mark.parametrize("url", ["", "ftp://example.com/file", "http://", "not a link at all"])
def test_invalid_links(checker, url):
    with pytest.raises(CanhGiacError.InvalidLink) as caught:
        checker.check_link(url)
    assert caught.value.reason
    if url:
        assert url not in str(caught.value)


def test_garbage_bytes_are_malformed():
    with pytest.raises(CanhGiacError.Malformed):
        Checker.from_bundle(b"\x00" * 4096, None)


def test_empty_bundle_is_malformed():
    with pytest.raises(CanhGiacError.Malformed):
        Checker.from_bundle(b"", None)


def test_truncated_bundle_is_refused(bundles):
    valid = bundles["valid"]
    for length in (3, 60, len(valid) // 2, len(valid) - 1):
        with pytest.raises((CanhGiacError.Malformed, CanhGiacError.BadSignature)):
            Checker.from_bundle(valid[:length], None)


def test_tampered_bundle_has_a_bad_signature(bundles):
    valid = bundles["valid"]
    for at in (len(valid) // 3, len(valid) // 2, len(valid) - 100):
        tampered = bytearray(valid)
        tampered[at] ^= 0x01
        with pytest.raises(CanhGiacError.BadSignature):
            Checker.from_bundle(bytes(tampered), None)


def test_tampered_signature_is_bad(bundles):
    tampered = bytearray(bundles["valid"])
    tampered[-1] ^= 0xFF
    with pytest.raises(CanhGiacError.BadSignature):
        Checker.from_bundle(bytes(tampered), None)


def test_a_format_version_changed_after_signing_is_tampering(bundles):
    # Only a newer format that a trusted key signed asks for an app update (tested in Rust);
    # a format byte changed on the way is damage.
    bumped = bytearray(bundles["valid"])
    bumped[4] ^= 0x7F  # the format version follows the 4 magic bytes
    with pytest.raises(CanhGiacError.BadSignature) as caught:
        Checker.from_bundle(bytes(bumped), None)
    assert "damaged" in caught.value.reason


def test_rollback_is_refused(bundles, checker):
    version = checker.catalogue_info().version
    with pytest.raises(CanhGiacError.Rollback) as caught:
        Checker.from_bundle(bundles["valid"], version + 1)
    assert caught.value.installed == version + 1
    assert caught.value.offered == version


def test_expired_bundle(bundles):
    with pytest.raises(CanhGiacError.Expired) as caught:
        Checker.from_bundle(bundles["expired"], None)
    assert caught.value.expires_at == 980_899_200  # 2001-01-01 + 30 days, unix seconds


def test_not_yet_valid_bundle(bundles):
    with pytest.raises(CanhGiacError.NotYetValid) as caught:
        Checker.from_bundle(bundles["future"], None)
    assert caught.value.issued_at == 32_472_144_000  # 2999-01-01, unix seconds


def test_every_variant_is_a_canhgiac_error():
    for name in ("InvalidNumber", "InvalidLink", "BadSignature", "Expired", "NotYetValid",
                 "Rollback", "UnsupportedFormat", "Malformed", "Internal"):
        assert issubclass(getattr(CanhGiacError, name), CanhGiacError)
