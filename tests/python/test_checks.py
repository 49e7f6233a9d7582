"""Every exported call of the Python bindings, on the embedded catalogue."""

import copy

from canhgiac_ffi import (
    CatalogueInfo,
    CategoryInfo,
    Checker,
    NumberKind,
    Reason,
    Verdict,
    VerdictLevel,
)

FAKE_BANK_SMS = (
    "Vietcombank thông báo: tài khoản của Quý khách bị tạm khóa. Vui lòng xác thực tại "
    "vietcombank-xacthuc.com để tránh gián đoạn."
)


def test_acceptance_fake_bank_sms_with_lookalike_link_is_scam():
    assert Checker().check_sms(None, FAKE_BANK_SMS).level == VerdictLevel.SCAM


def test_scam_verdict_is_explained(checker):
    verdict = checker.check_sms(None, FAKE_BANK_SMS)
    assert isinstance(verdict, Verdict)
    assert 0.0 < verdict.score <= 1.0
    assert verdict.reasons and all(isinstance(r, Reason) for r in verdict.reasons)
    assert all(r.code and r.message_vi and r.message_en for r in verdict.reasons)
    assert verdict.advice_vi and verdict.advice_en
    assert verdict.category is not None and verdict.category.id
    assert verdict.number is None


def test_spans_point_into_the_text_in_code_points(checker):
    verdict = checker.check_sms(None, FAKE_BANK_SMS)
    spans = [r.span for r in verdict.reasons if r.span is not None]
    assert spans, "a text-based verdict names the words that triggered it"
    for span in spans:
        assert FAKE_BANK_SMS[span.start:span.end] == span.matched


def test_ordinary_message_is_safe(checker):
    verdict = checker.check_sms("0912345678", "Tối nay mấy giờ con về ăn cơm?")
    assert verdict.level == VerdictLevel.SAFE
    assert verdict.category is None


def test_check_number_mobile(checker):
    verdict = checker.check_number("0912 345 678")
    assert verdict.number is not None
    assert verdict.number.normalised == "+84912345678"
    assert verdict.number.kind == NumberKind.MOBILE
    assert verdict.number.country_code == 84


def test_check_number_emergency_short_code_is_official(checker):
    verdict = checker.check_number("113")
    assert verdict.number.kind == NumberKind.OFFICIAL
    assert verdict.level == VerdictLevel.SAFE


def test_check_link_official_and_lookalike(checker):
    assert checker.check_link("https://vietcombank.com.vn").level == VerdictLevel.SAFE
    assert checker.check_link("vietcombank-xacthuc.com").level != VerdictLevel.SAFE


def test_catalogue_info(checker):
    info = checker.catalogue_info()
    assert isinstance(info, CatalogueInfo)
    assert info.version >= 1
    assert info.expires_at > info.issued_at
    assert info.development, "tests run on the dev-signed embedded catalogue"
    assert info.categories == len(checker.categories()) > 0
    assert info.changelog and info.changelog[0].changes_vi


def test_categories_have_a_quiz(checker):
    for category in checker.categories():
        assert isinstance(category, CategoryInfo)
        assert category.title_vi and category.title_en
        assert 0 <= category.quiz.answer < len(category.quiz.choices_vi)
        assert len(category.quiz.choices_vi) == len(category.quiz.choices_en)


def test_records_are_value_types(checker):
    a = checker.check_sms(None, FAKE_BANK_SMS)
    b = checker.check_sms(None, FAKE_BANK_SMS)
    assert a == b and a is not b
    relabelled = copy.copy(a)
    relabelled.level = VerdictLevel.SAFE
    assert relabelled != a


def test_from_bundle_accepts_a_dev_signed_bundle(bundles, checker):
    loaded = Checker.from_bundle(bundles["valid"], None)
    assert loaded.catalogue_info().version == checker.catalogue_info().version
    assert loaded.check_sms(None, FAKE_BANK_SMS).level == VerdictLevel.SCAM


def test_from_bundle_accepts_the_installed_version(bundles, checker):
    installed = checker.catalogue_info().version
    assert Checker.from_bundle(bundles["valid"], installed).catalogue_info().version == installed


def test_foreign_numbers_carry_their_calling_code(checker):
    first = checker.check_number("+44 20 7946 0958")
    again = checker.check_number("+1 415 555 0100")
    assert first.number.kind == NumberKind.INTERNATIONAL
    assert first.number.country_code == 44
    assert again.number.country_code == 1
    assert first.level != VerdictLevel.SAFE  # calls from abroad are flagged for caution
