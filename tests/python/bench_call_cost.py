"""Time of one check_sms through the Python bindings (not a test: pytest does not collect it).

    python3 tests/python/bench_call_cost.py
"""

import timeit

import conftest  # noqa: F401  (installs the generated module and the library on sys.path)
from canhgiac_ffi import Checker

FAKE_BANK_SMS = (
    "Vietcombank thông báo: tài khoản của Quý khách bị tạm khóa. Vui lòng xác thực tại "
    "vietcombank-xacthuc.com để tránh gián đoạn."
)
SHORT = "Tối nay mấy giờ con về ăn cơm?"


def main() -> None:
    checker = Checker()
    for name, text in (("scam", FAKE_BANK_SMS), ("short", SHORT)):
        rounds = 20_000
        best = min(timeit.repeat(lambda: checker.check_sms(None, text), number=rounds, repeat=5))
        print(f"python check_sms[{name}]: {best / rounds * 1e6:.1f} µs/call (best of 5 x {rounds})")


if __name__ == "__main__":
    main()
