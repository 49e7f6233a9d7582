"""Hostile and random inputs must give a verdict or a typed error, never a crash; one checker
serves many threads at once."""

import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from canhgiac_ffi import CanhGiacError, Checker, Verdict, VerdictLevel

SEED = 20261128
HOSTILE = [
    "",
    "\x00",
    "\x00" * 1000,
    "".join(chr(c) for c in range(0, 32)) * 10,
    "\u202e\u200b\u200d\ufeff" * 200,  # right-to-left override, zero-width characters
    "a" + "\u0301" * 5000,  # a flood of combining accents
    "Vietcombank" + "\u0323" * 3000,
    "🏦💳" * 2000,
    "http://" + "a." * 20000 + "com",
    "https://xn--vietcombank-7za.com/" + "%00%ff" * 500,
    "https://" + "ạ" * 300 + ".vn",
    "+" * 1000,
    "0" * 10_000,
    "+84" + "9" * 5000,
    "tel:+84912345678;ext=" + "1" * 200,
    "ﾠ" * 100,
    "OTP " * 50_000,
    "\ud7ff\ue000\uffff\U0010ffff",
]
WORDS = "chuyển khoản ngay mã OTP tài khoản ngân hàng bị khóa xác thực công an quận con về".split()
HUGE = [  # about 1 MB each
    "A" * 1_000_000,
    " ".join(random.Random(SEED).choice(WORDS) for _ in range(230_000)),
    "x" * 999_990 + "vietcombank-xacthuc.com",
    # Kept at 100 kB: one phrase repeated makes check_sms quadratic in the core (1 MB of
    # "mã OTP " takes about 50 s); reported, to be fixed there, then raise this to 1 MB.
    "chuyển khoản ngay mã OTP " * 4_000,
]


def random_text(rng: random.Random) -> str:
    length = rng.choice((0, 1, 5, 20, 160, 500, 2000))
    pools = (
        (0x20, 0x7E),  # ASCII
        (0x00, 0x1F),  # control characters, NUL included
        (0xC0, 0x1EF9),  # Latin, Vietnamese letters, combining marks
        (0x0E00, 0x0E7F),  # Thai
        (0x4E00, 0x4FFF),  # CJK
        (0x1F300, 0x1F6FF),  # emoji
        (0x0, 0x10FFFF),  # anything
    )
    out = []
    for _ in range(length):
        low, high = rng.choice(pools)
        c = rng.randint(low, high)
        if 0xD800 <= c <= 0xDFFF:  # lone surrogates cannot be encoded to UTF-8 by Python
            c = 0xFFFD
        out.append(chr(c))
    return "".join(out)


def check_everything(checker: Checker, text: str) -> None:
    for verdict in (checker.check_sms(None, text), checker.check_sms(text[:30], text)):
        assert_sane(verdict, text)
    try:
        assert_sane(checker.check_number(text), None)
    except CanhGiacError.InvalidNumber:
        pass
    try:
        assert_sane(checker.check_link(text), None)
    except CanhGiacError.InvalidLink:
        pass


def assert_sane(verdict: Verdict, text) -> None:
    assert isinstance(verdict.level, VerdictLevel)
    assert 0.0 <= verdict.score <= 1.0
    for reason in verdict.reasons:
        if text is not None and reason.span is not None:
            assert 0 <= reason.span.start <= reason.span.end <= len(text)


def test_ten_thousand_random_and_hostile_inputs(checker):
    rng = random.Random(SEED)
    inputs = HOSTILE + [random_text(rng) for _ in range(10_000 - len(HOSTILE))]
    for text in inputs:
        check_everything(checker, text)


@pytest.mark.parametrize("index", range(len(HUGE)))
def test_megabyte_inputs(checker, index):
    check_everything(checker, HUGE[index])


def test_lone_surrogates_are_refused_by_python_not_the_library(checker):
    with pytest.raises(UnicodeEncodeError):
        checker.check_sms(None, "\ud800")


def test_concurrent_calls_from_threads_agree_with_sequential_ones(checker):
    rng = random.Random(SEED + 1)
    texts = [random_text(rng) for _ in range(200)] + [
        "Vietcombank thông báo: tài khoản bị khóa, xác thực tại vietcombank-xacthuc.com",
        "Công an quận yêu cầu ông bà chuyển tiền vào tài khoản tạm giữ để điều tra",
    ]
    expected = [checker.check_sms(None, t) for t in texts]

    def work(offset: int):
        order = texts[offset:] + texts[:offset]
        return offset, [checker.check_sms(None, t) for t in order]

    with ThreadPoolExecutor(max_workers=8) as pool:
        for offset, got in pool.map(work, range(0, len(texts), len(texts) // 16)):
            assert got == expected[offset:] + expected[:offset]


def test_checkers_can_be_built_and_dropped_from_threads(bundles):
    def build(i: int):
        c = Checker() if i % 2 else Checker.from_bundle(bundles["valid"], None)
        level = c.check_sms(None, "mã OTP của bạn là 123456, đừng chia sẻ").level
        del c
        return level

    with ThreadPoolExecutor(max_workers=4) as pool:
        levels = list(pool.map(build, range(8)))
    assert len(set(levels)) == 1

